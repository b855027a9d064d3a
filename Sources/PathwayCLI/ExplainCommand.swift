import Pathway

/// `pathway explain`: one person's dated story, for a dispute.
enum ExplainCommand {
    static let spec = CommandSpec(
        "explain", arguments: "<events.ndjson... | -> PERSON",
        description: """
        L'histoire d'une personne, en français, pour un litige : chaque événement dans l'ordre des
        dates et ce qu'il a changé (l'état, les délais ouverts, tenus, dépassés ou interrompus, les
        constats qu'il a révélés), puis ce que juge la date d'audit (délais manqués ou en cours),
        les règles appliquées, respectées ou non, avec leurs articles, leur confiance et les
        paramètres en vigueur, et chaque constat avec son pourquoi. Les constats sont ceux que
        `pathway replay` donne pour la personne sur le même journal à la même date. Le dernier
        argument est l'identifiant de la personne (ses octets exacts) ; les autres sont des
        fichiers de journal.
        """,
        options: [
            CommonOptions.asOf("La date d'audit (par défaut : la date la plus récente de tout le journal)."),
            CommonOptions.format(["text", "html", "json"], help: "text (par défaut), html (une page imprimable avec une frise) ou json. Sans elle, l'extension de --output (.html, .json, .txt) choisit."),
            CommonOptions.output(),
            CommonOptions.config,
            CommonOptions.mapping,
            CommonOptions.encoding,
        ],
        footer: """
        Code de sortie : 0 aucune violation pour cette personne, 1 des violations, 2 erreur
        d'usage, entrée illisible ou personne sans événement au journal.
        """)

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        let positionals = given.positionals
        let asOf = given.date("--as-of")
        var format = given.value("--format")
        let output = given.value("--output")
        let windows1252 = given.windows1252
        var parameters = Parameters.law
        if let config = given.value("--config") { parameters = try ReplayCommand.loadConfig(config, into: parameters) }
        guard positionals.count >= 2, let person = positionals.last else {
            throw UsageError(message: positionals.isEmpty ? "il manque le fichier d'événements et la personne" : "il manque la personne (le dernier argument est son identifiant)", command: "explain")
        }
        let inputs = Array(positionals.dropLast())
        if format == nil, let output {
            switch ReplayCommand.outputFormat(output) {
            case .html?: format = "html"
            case .json?: format = "json"
            case .text?: format = "text"
            default: throw UsageError(message: "--output \(output) : extension inconnue pour une histoire (.txt, .json, .html) ; ou donnez --format", command: "explain")
            }
        }
        var counts: [Report.FileCounts] = []
        let log = windows1252 ? try ReplayCommand.readWindows1252(inputs, counts: &counts)
            : inputs.count == 1 ? try Files.withContents(of: inputs[0]) { (buffer: UnsafeBufferPointer<UInt8>, release) in
                LogReader.read(buffer, jobs: Cores.available, parsed: release)
            }
            : try ReplayCommand.readSeveral(inputs, counts: &counts)
        if let problem = try ReplayCommand.diagnose(log, inputs: inputs, files: counts, windows1252: windows1252) { throw InputError(message: problem) }
        if !log.rejected.isEmpty {
            console.err("pathway explain : \(log.rejected.count) ligne\(log.rejected.count > 1 ? "s" : "") du journal rejetée\(log.rejected.count > 1 ? "s" : "") (voir pathway replay) ; l'histoire est racontée sans elle\(log.rejected.count > 1 ? "s" : "")\n")
        }
        // The whole log sets the default date and the rules it allows to judge, as in replay.
        let whole = Replay.log(log, asOf: asOf, parameters: parameters, sources: try CommonOptions.sources(given.all("--mapping")), jobs: Cores.available)
        let target = Array(person.utf8)
        let events = log.events.filter { $0.person.utf8.elementsEqual(target) }
        guard let date = whole.asOf, !events.isEmpty else {
            throw InputError(message: "\(inputs.joined(separator: ", ")) : aucun événement pour la personne « \(person) » (\(whole.people.count) personnes au journal ; l'identifiant est comparé octet par octet)")
        }
        var story = Explanation.person(person, events: events, asOf: date, parameters: parameters, notJudged: whole.notJudged)
        story.files = counts.map { ($0.file, $0.lines) }
        story.rejected = rejectedLines(of: person, in: log, inputs: inputs)
        let text: String
        switch format {
        case "html": text = story.html(generator: "pathway \(Tool.version)")
        case "json": text = story.json(generator: "pathway \(Tool.version)")
        default: text = story.text()
        }
        if let output { try Files.writeAtomically(output, Array(text.utf8)) } else { console.out(text) }
        return story.findings.contains { $0.severity == .violation } ? .violations : .success
    }

    /// The log's rejected lines that name `person`, each file's read again for them.
    static func rejectedLines(of person: String, in log: ParsedLog, inputs: [String]) -> [LineError] {
        guard !log.rejected.isEmpty else { return [] }
        var found: [LineError] = []
        for path in inputs where path != "-" {
            let mine = log.rejected.filter { inputs.count == 1 || $0.file == path }
            guard let last = mine.map(\.line).max() else { continue }
            let wanted = Set(mine.map(\.line))
            var texts: [Int: [UInt8]] = [:]
            try? Files.withContents(of: path) { (buffer: UnsafeBufferPointer<UInt8>, _) -> Void in
                var number = 1
                var start = 0
                var k = 0
                while k <= buffer.count && number <= last {
                    if k == buffer.count || buffer[k] == 0x0A {
                        if wanted.contains(number) { texts[number] = Array(buffer[start..<k]) }
                        number += 1
                        start = k + 1
                    }
                    k += 1
                }
            }
            for error in mine where texts[error.line].map({ LogInput.line($0, names: person) }) ?? false { found.append(error) }
        }
        return found
    }
}
