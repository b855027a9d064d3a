import Pathway

/// `pathway merge`: the reports of parts of a log, replayed apart, made into the report of the
/// whole (`Docs/scale.md`).
enum MergeCommand {
    static let spec = CommandSpec(
        "merge", arguments: "<rapport.json> …",
        description: """
        Fusionne les rapports JSON (pathway replay --format json) de parties d'un journal qui ne
        partagent aucune personne, rejouées avec la même date d'audit (--as-of), les mêmes
        paramètres et la même version : le rapport obtenu est, octet pour octet, celui que donne
        le rejeu de toutes leurs entrées ensemble (les fichiers pris dans l'ordre de leurs noms).
        L'ordre des rapports donnés ne compte pas. Refusés, avec le fichier et la raison : des
        dates, paramètres ou versions qui diffèrent, une personne dans deux rapports, une entrée
        qui n'est pas un tel rapport.
        """,
        options: [
            CommonOptions.format(["json", "csv", "csv-excel", "text", "html"], help: "json (par défaut) : le rapport JSON, octet pour octet celui du rejeu du tout ; csv, csv-excel, text : de même ; html : la page du tout, sans les frises des personnes (leurs événements ne sont pas dans les rapports JSON)."),
            OptionSpec("--by-file", help: "Ajouter les indicateurs de chaque fichier (indicators.by_file), un par nom de fichier d'entrée : pour comparer des départements."),
            CommonOptions.output(),
        ],
        footer: """
        Code de sortie : 0 aucune violation, 1 des violations, 2 erreur d'usage, rapport illisible
        ou refusé.
        """)

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        guard !given.positionals.isEmpty else {
            throw UsageError(message: "il manque les rapports à fusionner (des rapports JSON de pathway replay)", command: "merge")
        }
        guard given.positionals.filter({ $0 == "-" }).count <= 1 else {
            throw UsageError(message: "l'entrée standard ne se donne qu'une fois", command: "merge")
        }
        // The reports mapped in memory, not copied: a national merge reads gigabytes.
        return try Files.withContents(ofAll: given.positionals) { (buffers: [UnsafeBufferPointer<UInt8>]) throws -> ExitStatus in
            let parts = zip(given.positionals, buffers).map { path, buffer in
                ReportMerge.Part(path: path == "-" ? "entrée standard" : path, borrowing: ReportBytes(borrowing: buffer))
            }
            let merge: ReportMerge
            do { merge = try ReportMerge(parts, byFile: given.has("--by-file")) } catch let error as ReportReadError {
                throw InputError(message: error.description)
            }
            let file = try given.value("--output").map { path throws(InputError) in try OutputFile(path: path) }
            defer { file?.close() }
            var failed = false
            func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard !failed else { return }
                if let file { failed = !file.write(bytes) } else { console.out(bytes: bytes) }
            }
            let format = given.value("--format") ?? "json"
            let source = merge.report.provenance.files.map(\.file).joined(separator: ", ")
            do {
                switch format {
                case "csv", "csv-excel":
                    try merge.rendered().writeCSV(format == "csv" ? .standard : .excel, through: emit)
                case "text":
                    var text = try merge.rendered().text(source: source.isEmpty ? "-" : source)
                    text.withUTF8 { emit($0) }
                case "html":
                    var page = try merge.rendered().html(source: source.isEmpty ? "-" : source, generator: merge.generator)
                    page.withUTF8 { emit($0) }
                default:
                    merge.writeJSON(through: emit)
                }
            } catch let error as ReportReadError {
                throw InputError(message: error.description)
            }
            if let file, !failed, !file.finish() { failed = true }
            if failed, let path = given.value("--output") {
                throw InputError(message: "\(path) : écriture impossible : \(Files.describeErrno())")
            }
            // What was merged, on standard error (as split says what it cut).
            let r = merge.report, n = FrenchWords.integer
            let findings = Severity.allCases.reduce(0) { $0 + r.indicators.findingsBySeverity[$1, default: 0] }
            console.err("pathway merge : \(n(parts.count)) rapport\(parts.count > 1 ? "s" : "") fusionné\(parts.count > 1 ? "s" : "") : "
                        + "\(n(r.input.people)) personne\(r.input.people > 1 ? "s" : ""), \(n(r.input.lines)) ligne\(r.input.lines > 1 ? "s" : "") lue\(r.input.lines > 1 ? "s" : ""), "
                        + "\(n(findings)) constat\(findings > 1 ? "s" : "") ; date d'audit \(r.asOf?.description ?? "aucune")\n")
            return merge.report.indicators.findingsBySeverity[.violation, default: 0] > 0 ? .violations : .success
        }
    }
}
