import Pathway

/// The command line: `pathway <command> [options]`.
enum Tool {
    static let version = "0.1.0"

    static let usage = """
    pathway \(version) — le parcours RSA (loi pour le plein emploi) confronté au droit

    Usage : pathway <commande> [options]

    Commandes :
      replay <events.ndjson | ->   Auditer un journal d'événements : états, délais, constats, indicateurs.
      import caf|csv <fichiers>    Faire des événements des flux CAF/MSA, de la base de pilotage, des exports rdv-insertion.
      explain <journal> PERSONNE   L'histoire datée d'une personne, pour un litige (text, html, json).
      due <events.ndjson | ->      Les échéances de la semaine d'un référent.
      rules                        Les règles, leurs articles, leur confiance et leurs paramètres.
      check <fichiers, dossiers>  Jouer les scénarios de la référence des règles (Docs/rules) ou les vôtres.
      split <journal> --parts N    Couper un journal en N parties par personne (rejeux sur plusieurs machines).
      merge <rapport.json> …       Fusionner les rapports JSON des parties en celui du tout, octet pour octet.
      generate --events N          Écrire un journal synthétique réaliste (mesures, démonstrations).
      serve --stdio                Répondre à des requêtes JSON ligne à ligne (intégration depuis tout langage).
      help [commande]              Cette aide, ou celle d'une commande.

    Options :
      -h, --help                   L'aide.
      --version                    La version.

    Code de sortie : 0 aucune violation, 1 des violations, 2 erreur d'usage ou entrée illisible,
    3 lignes rejetées avec --strict.
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
                case "split": console.out(SplitCommand.usage + "\n")
                case "merge": console.out(MergeCommand.usage + "\n")
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
            case "split":
                return try SplitCommand.run(Array(arguments.dropFirst()), console: &console)
            case "merge":
                return try MergeCommand.run(Array(arguments.dropFirst()), console: &console)
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

    static let commands = ["replay", "import", "explain", "due", "rules", "check", "generate", "serve", "split", "merge", "help"]

    /// ` (did you mean 'replay'?)` when a close name exists.
    static func suggest(_ word: String, among candidates: [String]) -> String {
        Suggestion.closest(to: word, in: candidates).map { " (vouliez-vous dire « \($0) » ?)" } ?? ""
    }
}
