import Pathway

/// `pathway due`: the agenda of deadlines for a caseworker's week.
enum DueCommand {
    static let spec = CommandSpec(
        "due", arguments: "<events.ndjson | ->",
        description: """
        Liste, par personne, les échéances de la date donnée à DAYS jours plus tard (7 par
        défaut) : orientation, contrat, réexamen social, contrat du stock, et fin d'une suspension
        en cours ; les plus proches d'abord. La date n'est jamais l'horloge de la machine.
        """,
        options: [
            CommonOptions.asOf("Le premier jour de l'agenda (exigé)."),
            OptionSpec("--within", .integer(placeholder: "DAYS", 0...3660), help: "Combien de jours à venir (7 par défaut)."),
            OptionSpec("--overdue", help: "Lister aussi les échéances déjà passées et toujours ouvertes."),
            CommonOptions.format(["text", "json", "csv"], help: "text (par défaut, en français), json ou csv."),
            CommonOptions.config,
            CommonOptions.mapping,
        ])

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        guard given.positionals.count <= 1 else { throw UsageError(message: "un seul fichier d'événements", command: "due") }
        let input = given.positionals.first
        let asOf = given.date("--as-of")
        let within = given.integer("--within") ?? 7
        let overdue = given.has("--overdue")
        let format = given.value("--format") ?? "text"
        var parameters = Parameters.law
        if let config = given.value("--config") { parameters = try ReplayCommand.loadConfig(config, into: parameters) }
        guard let input else { throw UsageError(message: "il manque le fichier d'événements (un chemin, ou - pour l'entrée standard)", command: "due") }
        guard let asOf else { throw UsageError(message: "il manque --as-of AAAA-MM-JJ (le premier jour de l'agenda ; jamais l'horloge de la machine)", command: "due") }
        let jobs = Cores.available
        // The pages read let go as they are parsed, as for replay.
        let log = try Files.withContents(of: input) { (buffer: UnsafeBufferPointer<UInt8>, release) in
            LogReader.read(buffer, jobs: jobs, parsed: release)
        }
        // As for replay: an input that gives no event is unreadable or empty, never "no deadline".
        if let problem = try ReplayCommand.diagnose(log, inputs: [input], windows1252: false) { throw InputError(message: problem) }
        if log.lines == log.blank {
            throw InputError(message: "\(input == "-" ? "entrée standard" : input) : \(log.lines == 0 ? "l'entrée est vide" : "l'entrée ne contient que des lignes vides") : aucun événement, aucun agenda écrit")
        }
        let report = Replay.log(log, asOf: asOf, parameters: parameters, sources: try CommonOptions.sources(given.all("--mapping")), jobs: jobs)
        let agenda = report.agendaText(within: within, overdue: overdue, format: Agenda.Format(rawValue: format) ?? .text)
        console.out(agenda)
        return .success
    }
}
