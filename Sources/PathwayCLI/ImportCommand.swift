#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Pathway

/// `pathway import caf|csv`: what départements hold, into the event log v1 (`Docs/import.md`).
enum ImportCommand {
    static let shared: [OptionSpec] = [
        CommonOptions.output("Écrire les événements dans FICHIER au lieu de la sortie standard."),
        OptionSpec("--pseudonymize", .text(placeholder: "KEYFILE", expected: "un fichier de clé"), help: "Remplacer chaque personne par le HMAC-SHA-256 de <matricule>-DEM|CJT sous la clé, le même dans chaque source et chaque exécution."),
        OptionSpec("--strict", help: "Sortir avec 3 si quoi que ce soit a été ignoré."),
    ]

    static let caf = CommandSpec(
        "import caf", arguments: "FLOW.xml...",
        description: """
        Les flux bénéficiaires CAF/MSA (XML, quotidiens I et mensuels M), lus dans l'ordre des flux
        (DTCREAFLUX et HEUCREAFLUX, puis le nom), en flot, dans l'encodage que déclare leur
        prologue. Chaque flux est une photographie : les événements sont les différences avec la
        photographie précédente du foyer.
        """,
        options: [
            OptionSpec("--state", .text(placeholder: "FILE", expected: "un chemin de fichier"), help: "Garder la dernière photographie de chaque foyer d'une exécution à l'autre (remplacée seulement une fois un flux lu en entier), pour qu'un import quotidien n'écrive que les nouveaux événements."),
            OptionSpec("--received", .date, help: "Le jour où le département a reçu un flux unique (par défaut son DTCREAFLUX)."),
        ] + shared)

    static let csv = CommandSpec(
        "import csv", arguments: "--mapping NAME|FILE DATA.csv...",
        description: """
        Des fichiers CSV à travers une correspondance : intégrée (pilotage, rdv-insertion-users,
        rdv-insertion-participations) ou un fichier JSON écrit à partir de l'une d'elles.
        Séparateur et encodage sont détectés s'ils ne sont pas donnés.
        """,
        options: [
            OptionSpec("--mapping", .text(placeholder: "NAME|FILE", expected: "un nom ou un fichier de correspondance"), help: "La correspondance : un nom intégré ou un fichier JSON."),
            OptionSpec("--print-mapping", .text(placeholder: "NAME", expected: "un nom de correspondance"), help: "Écrire une correspondance intégrée (point de départ d'un fichier à vous) et s'arrêter."),
            OptionSpec("--encoding", .choice(["utf-8", "windows-1252"]), help: "L'encodage des fichiers (par défaut : détecté)."),
            OptionSpec("--separator", .choice([";", ","]), help: "Le séparateur (par défaut : détecté)."),
        ] + shared)

    static var usage: String {
        """
        Usage : pathway import caf|csv …

        Écrit le journal d'événements v1 (NDJSON), trié par date, personne et type, l'id de
        chaque événement fait de sa source, sa personne, son type et sa date : les mêmes fichiers
        donnent les mêmes octets.

        La personne est le couple numéro de dossier CAF + rôle : <matricule>-DEM ou
        <matricule>-CJT. Aucun NIR, nom, date de naissance, adresse, téléphone ni courriel n'est
        jamais écrit.

        Sur la sortie d'erreur : ce qui a été lu, les événements écrits par type, ce qui a été
        ignoré et pourquoi. Code de sortie : 0 fait ; 2 erreur d'usage, ou un fichier illisible
        (les autres sont importés) ; 3 quelque chose a été ignoré et --strict était donné.

        \(caf.usage)
        \(csv.usage)
        """
    }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let kind = arguments.first, kind == "caf" || kind == "csv" else {
            if arguments.first == "-h" || arguments.first == "--help" || arguments.isEmpty {
                console.out(usage + "\n")
                return arguments.isEmpty ? .usage : .success
            }
            throw UsageError(message: "après « import », « caf » ou « csv » était attendu, reçu « \(arguments[0]) »", command: "import")
        }
        guard let given = try (kind == "caf" ? caf : csv).parse(Array(arguments.dropFirst())) else {
            console.out((kind == "caf" ? caf : csv).usage + "\n")
            return .success
        }
        let files = given.positionals
        let output = given.value("--output")
        let state = given.value("--state")
        let received = given.date("--received")
        let keyFile = given.value("--pseudonymize")
        let strict = given.has("--strict")
        let mappingName = given.value("--mapping")
        let printMapping = given.value("--print-mapping")
        let encoding = given.value("--encoding").flatMap { CSVImport.Encoding(rawValue: $0.lowercased()) }
        let separator = given.value("--separator")?.first
        if let printMapping {
            guard let text = BuiltInMappings.text(printMapping) else {
                throw UsageError(message: "--print-mapping : correspondance inconnue « \(printMapping) » (intégrées : \(BuiltInMappings.names.joined(separator: ", ")))", command: "import")
            }
            console.out(text + "\n")
            return .success
        }
        guard !files.isEmpty else { throw UsageError(message: "il manque les fichiers à importer", command: "import") }
        var key: [UInt8]?
        if let keyFile {
            let bytes = try Files.readBytes(keyFile)
            guard let parsed = PseudonymKey.parse(bytes) else { throw InputError(message: "\(keyFile) : clé vide") }
            key = parsed
        }
        var summary = Summary()
        // The events wait in sorted runs in a temporary file, merged when written: the memory
        // is a run's, whatever the size of the flows.
        let store = try TemporaryFileStore()
        let written: ImportOutput
        if kind == "caf" {
            if received != nil && files.count > 1 {
                throw UsageError(message: "--received donne le jour de réception d'un seul flux ; importez les flux un par un", command: "import")
            }
            written = try importCAF(files, state: state, received: received, key: key, store: store, summary: &summary)
        } else {
            guard let mappingName else { throw UsageError(message: "il manque --mapping NOM|FICHIER (intégrées : \(BuiltInMappings.names.joined(separator: ", ")))", command: "import") }
            let mapping = try loadMapping(mappingName)
            written = try importCSV(files, mapping: mapping, encoding: encoding, separator: separator, key: key, store: store, summary: &summary)
        }
        // Nothing imported and a file refused: nothing written (an empty log would read as a
        // département with no event).
        if written.count == 0 && summary.failedFiles > 0 {
            console.err(summary.text)
            console.err("pathway import : aucun événement importé : \(output.map { "\($0) non écrit" } ?? "rien d'écrit")\n")
            return .usage
        }
        if let output {
            let file = try OutputFile(path: output)
            defer { file.close() }
            var failed = false
            written.write { bytes in if !failed && !file.write(bytes) { failed = true } }
            if !failed && !file.finish() { failed = true }
            if failed { throw InputError(message: "\(output) : écriture impossible : \(Files.describeErrno())") }
        } else {
            written.write { console.out(String(decoding: $0, as: UTF8.self)) }
        }
        if let failure = store.failure { throw InputError(message: failure) }
        console.err(summary.text)
        if summary.failedFiles > 0 { return .usage }
        return strict && summary.skippedCount > 0 ? .rejectedLines : .success
    }

    // MARK: CAF

    private static func importCAF(_ files: [String], state statePath: String?, received: CivilDate?, key: [UInt8]?,
                                  store: FragmentStore, summary: inout Summary) throws -> ImportOutput {
        // The state kept between runs.
        var kept: [String: CAFImport.Kept] = [:]
        var firstImport = true
        if let statePath, Files.exists(statePath) {
            do {
                kept = try CAFState.decode(try Files.readBytes(statePath))
            } catch let error as CAFState.Problem {
                throw InputError(message: "\(statePath) : \(error.message)")
            }
            firstImport = false
        }
        // Flow order: by DTCREAFLUX and HEUCREAFLUX, then by name.
        var ordered: [(stamp: String?, path: String)] = []
        if files.count > 1 && files.contains("-") {
            throw UsageError(message: "l'entrée standard s'importe seule", command: "import")
        }
        for path in files where files.count > 1 {
            var probe = CAFImport.FlowReader()
            var head: [UInt8] = []
            try? Files.stream(path) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
                head.append(contentsOf: chunk.prefix(16_384))
                return false
            }
            try? probe.feed(head, last: false) { _ in }
            ordered.append((probe.header.stamp, path))
        }
        if files.count == 1 { ordered = [(nil, files[0])] }
        ordered.sort { a, b in
            switch (a.stamp, b.stamp) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.path < b.path
            }
        }
        // A monthly flow restates the fund's households: one first seen there is stock. A flow
        // that does not say its type is read as monthly on a first import (a history), else as
        // daily.
        func monthly(_ header: CAFImport.FlowHeader) -> Bool { header.type.map { $0 == "M" } ?? firstImport }
        // Under --pseudonymize, no file number is written anywhere: the state's keys and the
        // messages name each household by the HMAC of its canonical number.
        func name(_ matricule: String) -> String {
            guard let key else { return matricule }
            return String(HMACSHA256.hex(HMACSHA256.mac(key: key, message: Array(matricule.utf8))).prefix(16))
        }
        var output = ImportOutput(source: "caf", pseudonymKey: key, store: store)
        for (index, (_, path)) in ordered.enumerated() {
            // Each household's snapshot is kept for the next flow and for --state; after the last
            // flow of a run without --state nothing reads it (a household twice in one flow is
            // caught by `inFlow`), so the memory of a one-flow import is the flow's keys only.
            let keepSnapshots = statePath != nil || index < ordered.count - 1
            var reader = CAFImport.FlowReader()
            var updates: [String: CAFImport.Kept] = [:]
            // The flow's events go to the output as they come; a flow rejected whole is taken
            // back to this mark.
            let mark = output.checkpoint()
            var problems: [String] = []
            var pendingHouseholds: [CAFImport.Household] = []
            // The households of this flow, by key, with the line of their first copy.
            var inFlow: [String: Int] = [:]
            func take(_ h: CAFImport.Household, received date: CivilDate) {
                let key = name(ImportIdentity.matricule(h.matricule))
                if let first = inFlow[key] {
                    problems.append("ligne \(h.line) : foyer \(key) déjà présent dans ce flux ligne \(first) : cette copie est ignorée (la première est gardée)")
                    return
                }
                inFlow[key] = h.line
                let before = updates[key] ?? kept[key]
                let stamp = reader.header.stamp
                if let applied = before?.flow, let stamp, stamp < applied {
                    problems.append("ligne \(h.line) : foyer \(key) : ce flux (\(stamp)) est plus ancien que celui déjà appliqué (\(applied)) : foyer laissé tel quel")
                    return
                }
                let result = CAFImport.events(for: h, kept: before, received: date, monthly: monthly(reader.header),
                                              problems: &problems, name: name)
                output.append(contentsOf: result.events)
                if keepSnapshots, var next = result.kept {
                    next.flow = stamp ?? before?.flow
                    updates[key] = next
                }
            }
            do {
                var failure: CAFImport.Problem?
                try Files.stream(path) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
                    do throws(CAFImport.Problem) {
                        try reader.feed(Array(chunk), last: false) { pendingHouseholds.append($0) }
                    } catch {
                        failure = error
                        return false
                    }
                    // Each household read whole is compared with what was kept of it.
                    if let date = received ?? reader.header.created {
                        for h in pendingHouseholds { take(h, received: date) }
                        pendingHouseholds.removeAll(keepingCapacity: true)
                    }
                    return true
                }
                if failure == nil {
                    do throws(CAFImport.Problem) {
                        try reader.feed([], last: true) { pendingHouseholds.append($0) }
                    } catch { failure = error }
                }
                if let failure { throw failure }
                guard let date = received ?? reader.header.created else {
                    throw CAFImport.Problem(message: "pas de DTCREAFLUX dans IdentificationFlux : le jour de création du flux est inconnu (donnez --received)", line: 1)
                }
                for h in pendingHouseholds { take(h, received: date) }
            } catch {
                // A malformed flow (or an unreadable file) is rejected whole: its events and the
                // state's updates are dropped.
                output.rollback(to: mark)
                summary.failedFiles += 1
                summary.notes.append("\(path) : \(error) : le flux est refusé en entier ; l'état n'en est pas modifié")
                continue
            }
            summary.read.append("\(path) : \(FrenchWords.integer(reader.households)) foyers (flux \(reader.header.type ?? "?") du \(reader.header.created?.description ?? "?"))")
            for problem in problems { summary.notes.append("\(path) : \(problem)") }
            if kept.isEmpty { swap(&kept, &updates) } else { for (key, value) in updates { kept[key] = value } }
            updates = [:]
            firstImport = false
            // The state is replaced once each flow has been read whole.
            if let statePath { try Files.writeAtomically(statePath, CAFState.encode(kept)) }
        }
        summary.events = output.countsByType
        summary.written = output.count
        return output
    }

    // MARK: CSV

    private static func loadMapping(_ name: String) throws -> CSVImport.Mapping {
        let text: String
        if let builtIn = BuiltInMappings.text(name) {
            text = builtIn
        } else if Files.exists(name) {
            text = try Files.readText(name)
        } else {
            throw UsageError(message: "--mapping : « \(name) » n'est ni une correspondance intégrée (\(BuiltInMappings.names.joined(separator: ", "))) ni un fichier", command: "import")
        }
        do {
            return try CSVImport.mapping(try JSONValue.parse(text))
        } catch let error as JSONValue.ParseError {
            throw InputError(message: "\(name) : pas du JSON : \(error)")
        } catch let error as CSVImport.MappingError {
            throw InputError(message: "\(name) : \(error.message)")
        }
    }

    private static func importCSV(_ files: [String], mapping: CSVImport.Mapping, encoding: CSVImport.Encoding?, separator: Character?,
                                  key: [UInt8]?, store: FragmentStore, summary: inout Summary) throws -> ImportOutput {
        var output = ImportOutput(source: mapping.source, pseudonymKey: key, store: store)
        for path in files {
            var bytes: [UInt8] = []
            do throws(InputError) { bytes = try Files.readBytes(path) } catch {
                summary.failedFiles += 1
                summary.notes.append(error.message)
                continue
            }
            let table = CSVImport.table(bytes, encoding: encoding, separator: separator)
            let missing = CSVImport.missingColumns(mapping, in: table.header)
            guard missing.isEmpty else {
                summary.failedFiles += 1
                let list = missing.map { m in "« \(m.column) »" + (m.closest.map { " (vouliez-vous dire « \($0) » ?)" } ?? "") }.joined(separator: ", ")
                summary.notes.append("\(path), ligne 1 : l'en-tête n'a pas \(missing.count > 1 ? "les colonnes" : "la colonne") de la correspondance \(list) ; colonnes trouvées : \(table.header.joined(separator: ", "))")
                continue
            }
            let result = CSVImport.events(table, mapping: mapping)
            summary.read.append("\(path) : \(FrenchWords.integer(result.rows)) lignes (\(table.encoding), séparateur « \(table.separator) »)")
            for skip in result.skipped {
                summary.skipped.append("\(path), ligne \(skip.line)\(skip.column.map { ", colonne « \($0) »" } ?? "") : \(skip.reason)")
            }
            // Not facts (a future appointment…): counted apart, not an error under --strict.
            if !result.notFacts.isEmpty {
                let byValue = Dictionary(grouping: result.notFacts, by: \.reason).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
                summary.read.append("\(path) : \(result.notFacts.count) ligne\(result.notFacts.count > 1 ? "s" : "") sans fait à importer, comptée\(result.notFacts.count > 1 ? "s" : "") : "
                                    + byValue.map { "\($0.1) × \($0.0)" }.joined(separator: " ; "))
            }
            output.append(contentsOf: result.events)
        }
        summary.events = output.countsByType
        summary.written = output.count
        return output
    }

    // MARK: Summary

    struct Summary {
        var read: [String] = []
        var events: [(EventType, Int)] = []
        var written = 0
        var skipped: [String] = []
        var notes: [String] = []
        var failedFiles = 0
        var skippedCount: Int { skipped.count + notes.count }

        var text: String {
            var out = "pathway import : \(FrenchWords.integer(written)) événement\(written > 1 ? "s" : "") écrit\(written > 1 ? "s" : "")"
            if !events.isEmpty { out += " (" + events.map { "\($0.0.rawValue) \(FrenchWords.integer($0.1))" }.joined(separator: ", ") + ")" }
            out += "\n"
            for line in read { out += "  lu : \(line)\n" }
            if !skipped.isEmpty {
                out += "  \(skipped.count) ignoré\(skipped.count > 1 ? "s" : "") :\n"
                for line in skipped.prefix(20) { out += "    \(line)\n" }
                if skipped.count > 20 { out += "    … et \(skipped.count - 20) autres\n" }
            }
            for note in notes { out += "  \(note)\n" }
            return out
        }
    }
}
