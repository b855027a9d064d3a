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
                throw UsageError(message: "missing a command", command: nil)
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
                case let other?: throw UsageError(message: "unknown command '\(other)'\(suggest(other, among: commands))", command: nil)
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
                    throw UsageError(message: "unknown option '\(first)'; a command comes first", command: nil)
                }
                throw UsageError(message: "unknown command '\(first)'\(suggest(first, among: commands))", command: nil)
            }
        } catch let error as UsageError {
            console.err("pathway\(error.command.map { " \($0)" } ?? ""): \(error.message)\n")
            console.err("Run 'pathway \(error.command.map { "help \($0)" } ?? "--help")' for usage.\n")
            return .usage
        } catch let error as InputError {
            console.err("pathway: \(error.message)\n")
            return .usage
        } catch {
            console.err("pathway: \(error)\n")
            return .usage
        }
    }

    static let commands = ["replay", "import", "explain", "due", "rules", "check", "generate", "serve", "help"]

    /// ` (did you mean 'replay'?)` when a close name exists.
    static func suggest(_ word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}

/// Reads `--name value` and `--name=value` options and positional arguments.
struct ArgumentReader {
    private var remaining: [String]
    let command: String

    init(_ arguments: [String], command: String) {
        self.remaining = arguments
        self.command = command
    }

    enum Token {
        case option(name: String, inlineValue: String?)
        case positional(String)
    }

    mutating func next() -> Token? {
        guard !remaining.isEmpty else { return nil }
        let arg = remaining.removeFirst()
        if arg == "-" || !arg.hasPrefix("-") { return .positional(arg) }
        if arg == "--" { return remaining.isEmpty ? nil : .positional(remaining.removeFirst()) }
        if let eq = arg.firstIndex(of: "=") {
            return .option(name: String(arg[..<eq]), inlineValue: String(arg[arg.index(after: eq)...]))
        }
        return .option(name: arg, inlineValue: nil)
    }

    mutating func value(for name: String, inline: String?, expected: String) throws(UsageError) -> String {
        if let inline { return inline }
        guard let value = remaining.first, !(value.hasPrefix("--")) else {
            throw UsageError(message: "\(name) needs a value: \(expected)", command: command)
        }
        remaining.removeFirst()
        return value
    }

    /// An option's value among `choices`, or an error listing them (`--format: expected text,
    /// json or csv, got 'xml'`).
    mutating func choice(for name: String, inline: String?, among choices: [String]) throws(UsageError) -> String {
        let listed = choices.count > 1 ? choices.dropLast().joined(separator: ", ") + " or " + choices[choices.count - 1] : choices.joined()
        let text = try value(for: name, inline: inline, expected: listed)
        guard choices.contains(text) else { throw UsageError(message: "\(name): expected \(listed), got '\(text)'", command: command) }
        return text
    }

    /// `--encoding`'s value for an event log: `false` for UTF-8, `true` for windows-1252.
    mutating func isWindows1252(for name: String, inline: String?) throws(UsageError) -> Bool {
        let text = try value(for: name, inline: inline, expected: "utf-8 or windows-1252")
        switch text.lowercased() {
        case "utf-8", "utf8": return false
        case "windows-1252", "cp1252": return true
        default: throw UsageError(message: "\(name): expected utf-8 or windows-1252, got '\(text)'", command: command)
        }
    }

    /// A date option's value: a day of the calendar, or an error that says whether the text is
    /// not a date at all or names a day that does not exist (`2025-02-30`).
    mutating func date(for name: String, inline: String?) throws(UsageError) -> CivilDate {
        let text = try value(for: name, inline: inline, expected: "a date YYYY-MM-DD")
        if let date = CivilDate(text) { return date }
        if Array(text.utf8).withUnsafeBufferPointer({ CivilDate.parse($0) }) == .impossible {
            throw UsageError(message: "\(name): \(text) is not a day of the calendar (no such day, or a year outside \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound))", command: command)
        }
        throw UsageError(message: "\(name): expected a date YYYY-MM-DD, got '\(text)'", command: command)
    }
}
