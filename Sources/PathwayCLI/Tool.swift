import Pathway

/// The command line: `pathway <command> [options]`.
enum Tool {
    static let version = "0.1.0"

    static let usage = """
    pathway \(version) — the RSA pathway (loi pour le plein emploi) checked against the law

    Usage: pathway <command> [options]

    Commands:
      replay <events.ndjson | ->   Audit an event log: state, deadlines, findings, indicators.
      import caf|csv <files>       Turn CAF/MSA flows, the steering base, rdv-insertion exports into events.
      explain <log> PERSON         One person's dated story, for a dispute (text, html, json).
      due <events.ndjson | ->      The deadlines falling due in a caseworker's week.
      rules                        List the rules, their articles, confidence and parameters.
      check <files or folders>     Run the scenarios of the rule reference (Docs/rules) or your own.
      generate --events N          Write a realistic synthetic log (benchmarks, demos).
      serve --stdio                Answer JSON-lines requests (embedding from any language).
      help [command]               Show this help, or a command's.

    Options:
      -h, --help                   Show help.
      --version                    Show the version.

    Exit status: 0 no violation, 1 violations found, 2 usage error or unreadable input,
    3 rejected lines under --strict.
    """

    static func run(_ arguments: [String], console: some Console) -> ExitStatus {
        var console = console
        do {
            guard let first = arguments.first else {
                throw UsageError(message: "il manque une commande", command: nil)
            }
            switch first {
            case "-h", "--help":
                console.out(usage + "\n")
                return .success
            case "--version":
                console.out("pathway \(version)\n")
                return .success
            case "help":
                switch arguments.dropFirst().first {
                case nil: console.out(usage + "\n")
                case "replay": console.out(ReplayCommand.usage + "\n")
                case "rules": console.out(RulesCommand.usage + "\n")
                case "due": console.out(DueCommand.usage + "\n")
                case "serve": console.out(ServeCommand.usage + "\n")
                case "check": console.out(CheckCommand.usage + "\n")
                case "generate": console.out(GenerateCommand.usage + "\n")
                case "import": console.out(ImportCommand.usage + "\n")
                case "explain": console.out(ExplainCommand.usage + "\n")
                case let other?: throw UsageError(message: "commande inconnue « \(other) »\(suggest(other, among: commands))", command: nil)
                }
                return .success
            case "replay":
                return try ReplayCommand.run(Array(arguments.dropFirst()), console: &console)
            case "rules":
                return try RulesCommand.run(Array(arguments.dropFirst()), console: &console)
            case "due":
                return try DueCommand.run(Array(arguments.dropFirst()), console: &console)
            case "serve":
                return try ServeCommand.run(Array(arguments.dropFirst()), console: &console)
            case "check":
                return try CheckCommand.run(Array(arguments.dropFirst()), console: &console)
            case "generate":
                return try GenerateCommand.run(Array(arguments.dropFirst()), console: &console)
            case "import":
                return try ImportCommand.run(Array(arguments.dropFirst()), console: &console)
            case "explain":
                return try ExplainCommand.run(Array(arguments.dropFirst()), console: &console)
            default:
                if first.hasPrefix("-") {
                    throw UsageError(message: "option inconnue « \(first) » ; la commande vient d'abord", command: nil)
                }
                throw UsageError(message: "commande inconnue « \(first) »\(suggest(first, among: commands))", command: nil)
            }
        } catch let error as UsageError {
            console.err("pathway\(error.command.map { " \($0)" } ?? "") : \(error.message)\n")
            console.err("Aide : pathway \(error.command.map { "help \($0)" } ?? "--help")\n")
            return .usage
        } catch let error as InputError {
            console.err("pathway : \(error.message)\n")
            return .usage
        } catch {
            console.err("pathway : \(error)\n")
            return .usage
        }
    }

    static let commands = ["replay", "import", "explain", "due", "rules", "check", "generate", "serve", "help"]

    /// ` (did you mean 'replay'?)` when a close name exists.
    static func suggest(_ word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, in: candidates).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
    }
}
