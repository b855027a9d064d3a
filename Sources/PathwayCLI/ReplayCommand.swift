import Pathway

/// `pathway replay`: `Docs/report.md`, "Command".
enum ReplayCommand {
    static let spec = CommandSpec(
        "replay", arguments: "<events.ndjson... | ->",
        description: """
        Rejoue un journal d'événements (NDJSON, journal v1) à travers les règles du parcours et
        écrit le rapport d'audit : l'état de chaque personne, les constats avec leur règle, leur
        article et leurs dates, les indicateurs. Plusieurs fichiers (les imports de plusieurs
        sources) se rejouent comme un seul journal : un id répété de l'un à l'autre est un
        doublon ; une ligne rejetée est nommée par son fichier et sa ligne, et l'entrée du
        rapport JSON donne les comptes de chaque fichier.
        """,
        options: [
            CommonOptions.asOf("Date à laquelle les délais en cours sont jugés (par défaut : la date la plus récente du journal, jamais l'horloge de la machine). Les événements postérieurs sont comptés, pas rejoués."),
            CommonOptions.format(Format.allCases.map(\.rawValue), help: "text (par défaut, en français, pour les auditeurs), json, csv (une ligne par constat), csv-excel (le même pour Excel en français : ';', indicateur d'ordre des octets, en-têtes en français), html (une page autonome en français, avec graphiques, imprimable) ou xlsx (un classeur Excel : synthèse, constats, personnes, indicateurs). Sans elle, l'extension de --output choisit, quelle que soit sa casse : .json, .txt, .html, .xlsx, et .csv le CSV pour Excel en français (csv-excel) ; une autre extension est une erreur."),
            OptionSpec("--excel", help: "Comme --format csv-excel."),
            OptionSpec("--summary", help: "La seule synthèse du rapport texte (refusé avec un autre format)."),
            CommonOptions.encoding,
            CommonOptions.output("Écrire le rapport dans FICHIER au lieu de la sortie standard (par un fichier temporaire renommé une fois complet : une exécution interrompue laisse le rapport précédent entier)."),
            CommonOptions.config,
            CommonOptions.mapping,
            OptionSpec("--strict", help: "Sortir avec 3 si une ligne a été rejetée."),
            OptionSpec("--by-file", help: "Ajouter les indicateurs de chaque fichier : au rapport JSON (indicators.by_file) et au rapport HTML (une comparaison des fichiers) ; chaque personne comptée dans le fichier de son premier événement, si bien que les comptes des fichiers font ceux du tout."),
            OptionSpec("--jobs", short: "-j", .integer(placeholder: "N", 1...256), help: "Fils d'exécution (par défaut : tous les cœurs). Le rapport est le même, octet pour octet, quel que soit N."),
            OptionSpec("--sorted", help: "Le journal est groupé par personne (les lignes de chacune ensemble) : rejouer une personne à la fois, dans une mémoire bornée par la plus grande personne et le nombre de personnes, pas par le journal (un journal national). json ou csv seulement ; avec l'entrée standard, --as-of est exigé. Une personne dont les lignes reviennent plus loin est une erreur (sortie 2). Les id ne sont vérifiés qu'au sein de chaque personne : un id employé par deux personnes n'est pas détecté (le rejeu entier rejette la seconde ligne)."),
        ],
        footer: """
        Code de sortie : 0 aucune violation, 1 au moins une violation, 2 erreur d'usage ou
        entrée illisible, 3 lignes rejetées avec --strict.
        """)

    static var usage: String { spec.usage }

    enum Format: String, CaseIterable {
        case text, json, csv
        /// CSV for French Excel: `;`, a byte-order mark, French headers.
        case csvExcel = "csv-excel"
        /// One self-contained HTML page, in French, with charts.
        case html
        /// An Excel workbook: synthesis, findings, people, indicators.
        case xlsx
    }

    struct Options {
        var input: String?
        var asOf: CivilDate?
        var format = Format.text
        /// Whether `--format` was given (else the output's extension may choose it).
        var formatGiven = false
        /// `--encoding windows-1252`: the log is read as windows-1252 and turned into UTF-8.
        var windows1252 = false
        /// `--summary`: the text report's synthesis alone.
        var summary = false
        var output: String?
        var config: String?
        var strict = false
        var jobs = Cores.available
        var sorted = false
        /// `--by-file`: the indicators of each input file too.
        var byFile = false
        /// `--mapping`: custom mappings declaring what their sources record.
        var mappings: [String] = []
        /// What each source records (built in, and from `mappings`), once read.
        var sources = SourceDeclarations.builtIn
        /// Files after the first: replayed together (`pathway replay caf.ndjson pilotage.ndjson`).
        var more: [String] = []
        var inputs: [String] { (input.map { [$0] } ?? []) + more }
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options? {
        guard let given = try spec.parse(arguments) else { return nil }
        var options = Options()
        options.input = given.positionals.first
        options.more = Array(given.positionals.dropFirst())
        options.asOf = given.date("--as-of")
        if let format = given.value("--format").flatMap(Format.init(rawValue:)) {
            options.format = format
            options.formatGiven = true
        }
        if given.has("--excel") {
            options.format = .csvExcel
            options.formatGiven = true
        }
        options.summary = given.has("--summary")
        options.windows1252 = given.windows1252
        options.output = given.value("--output")
        options.config = given.value("--config")
        options.strict = given.has("--strict")
        options.jobs = given.integer("--jobs") ?? options.jobs
        options.sorted = given.has("--sorted")
        options.byFile = given.has("--by-file")
        options.mappings = given.all("--mapping")
        guard options.input != nil else {
            throw UsageError(message: "il manque le fichier d'événements (un chemin, ou - pour l'entrée standard)", command: "replay")
        }
        // --output's extension, whatever its case, chooses the format when --format does not:
        // .csv the CSV that French Excel opens (a person opens it), .json, .txt, .html; another
        // extension is refused (a workbook's .xlsx would receive text).
        if !options.formatGiven, let output = options.output {
            guard let format = outputFormat(output) else {
                throw UsageError(message: "--output \(output) : extension inconnue (.txt, .json, .csv, .html, .xlsx) ; ou donnez --format", command: "replay")
            }
            options.format = format
        }
        if options.sorted && (options.format == .csvExcel || options.format == .html || options.format == .xlsx) {
            throw UsageError(message: "--sorted écrit du json ou du csv ; --excel et --format html vont avec un rejeu entier", command: "replay")
        }
        if options.sorted && options.windows1252 {
            throw UsageError(message: "--sorted ne lit que l'UTF-8 ; convertissez d'abord le journal (iconv -f windows-1252 -t utf-8)", command: "replay")
        }
        if options.summary && options.format != .text {
            throw UsageError(message: "--summary raccourcit le seul rapport texte ; retirez-le, ou utilisez --format text", command: "replay")
        }
        if options.byFile && options.format != .json && options.format != .html {
            throw UsageError(message: "--by-file ajoute les indicateurs de chaque fichier au rapport JSON et au rapport HTML seulement ; retirez-le, ou utilisez --format json ou html", command: "replay")
        }
        if options.byFile && options.sorted {
            throw UsageError(message: "--by-file va avec un rejeu entier de plusieurs fichiers, pas avec --sorted", command: "replay")
        }
        if options.sorted && options.format == .text {
            throw UsageError(message: "--sorted écrit du json ou du csv (le rapport texte rassemble les constats de tous par règle)", command: "replay")
        }
        if options.sorted && !options.more.isEmpty {
            throw UsageError(message: "--sorted lit un seul journal groupé par personne ; plusieurs fichiers se rejouent sans lui", command: "replay")
        }
        if options.sorted && options.input == "-" && options.asOf == nil {
            throw UsageError(message: "--sorted ne lit l'entrée standard qu'une fois : donnez --as-of", command: "replay")
        }
        return options
    }

    /// The format an output file's extension asks for (any case), `nil` for an unknown one; a
    /// name without extension is the text report.
    static func outputFormat(_ path: String) -> Format? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .text }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": return .json
        case "csv": return .csvExcel
        case "txt", "text": return .text
        case "html", "htm": return .html
        case "xlsx": return .xlsx
        default: return nil
        }
    }

    /// Applies a `--config` file; its errors name the file and the key.
    static func loadConfig(_ path: String, into parameters: Parameters) throws -> Parameters {
        let text = try Files.readText(path)
        do {
            return try parameters.applying(try JSONValue.parse(text))
        } catch let error as JSONValue.ParseError {
            throw InputError(message: "\(path) : JSON invalide, \(error)")
        } catch let error as ConfigError {
            throw InputError(message: "\(path): \(error)")
        }
    }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard var options = try parse(arguments), let input = options.input else {
            console.out(usage + "\n")
            return .success
        }
        // A replay runs once and exits: the memory it frees is kept for what it takes next.
        Allocator.keepFreedMemory()
        var parameters = Parameters.law
        if let path = options.config {
            parameters = try loadConfig(path, into: parameters)
        }
        options.sources = try CommonOptions.sources(options.mappings)
        if options.sorted, let status = try runGrouped(options, input: input, parameters: parameters, console: &console) {
            return status
        }
        let t0 = Clock.mark()
        let jobs = options.jobs
        var files: [Report.FileCounts] = []
        var size = 0
        var log = options.windows1252 ? try readWindows1252(options.inputs, counts: &files, jobs: jobs)
            : options.more.isEmpty ? try Files.withContents(of: input) { (buffer: UnsafeBufferPointer<UInt8>, release) -> ParsedLog in
            size = buffer.count
            let meter = Progress.onTerminal(total: buffer.count)
            defer { meter?.finish() }
            var callback: (@Sendable (Int, Int) -> Void)?
            if let meter { callback = { bytes, lines in meter.add(bytes: bytes, lines: lines) } }
            return LogReader.read(buffer, jobs: jobs, progress: callback, parsed: release)
        } : try readSeveral(options.inputs, counts: &files, jobs: jobs)
        let parse = Clock.trace ? Clock.phase(since: t0) : "", t1 = Clock.mark()
        // An input that gives no event at all is unreadable (or empty): its diagnosis, exit 2, and
        // no report written (a report of nothing would read as a clean audit).
        if let problem = try diagnose(log, inputs: options.inputs, files: files, windows1252: options.windows1252) {
            throw InputError(message: problem)
        }
        if log.lines == log.blank {
            throw InputError(message: "\(input == "-" ? "entrée standard" : options.inputs.joined(separator: ", ")) : \(log.lines == 0 ? "l'entrée est vide" : "l'entrée ne contient que des lignes vides") : aucun événement à rejouer, aucun rapport écrit")
        }
        // Some lines of another encoding: said first, with the command to run again.
        let encodingWarning = options.windows1252 ? nil : windows1252Warning(log, inputs: options.inputs, arguments: arguments)
        if let encodingWarning { console.err("pathway replay : \(encodingWarning)\n") }
        Progress.stage("rejeu de \(log.events.count) événements", total: size)
        warnUndeclared(NotJudged.rules(sources: log.sources, declared: options.sources, rules: parameters.rules).undeclared,
                       console: &console)
        // What is read of the events after the replay, read before: the latest date, the counts.
        let latest = options.asOf == nil ? LogInput.latestDate(log, jobs: options.jobs) : nil
        let (asOfSetter, latestWarning) = (LogInput.asOfSetter(log, latest), LogInput.latestDateWarning(log, latest))
        let (eventCount, lineCount) = (log.events.count, log.lines)
        let firstLines = options.byFile ? Report.FirstLines(log.events) : nil
        // The events let go once replayed (at 10^6 events they are half the run's memory). The
        // HTML page draws the timelines the report carries (the first `Report.drawnTimelines`,
        // all it draws), not from the events; --by-file needs each person's first line, found above.
        // The latest date, found above, is the default audit date: not searched for again.
        var report = Replay.log(releasing: &log, asOf: options.asOf ?? latest?.date, parameters: parameters, sources: options.sources,
                                jobs: options.jobs)
        Progress.stage("écriture du rapport (\(options.format.rawValue), \(report.people.count) personnes)", total: size)
        defer { Progress.clear(total: size) }
        report.input.files = files.count > 1 ? files : []
        report.provenance.files = files.isEmpty
            ? [Report.FileCounts(file: input == "-" ? "entrée standard" : input, lines: lineCount, events: eventCount,
                                 duplicates: log.duplicates, rejected: log.rejected.count, blank: log.blank)]
            : files
        if let firstLines {
            let names = options.inputs.map { $0 == "-" ? "entrée standard" : $0 }
            let lines = files.isEmpty ? [lineCount] : files.map(\.lines)
            report.byFile = report.indicatorsByFile(firstLines: firstLines, files: Array(zip(names, lines)).map { (name: $0.0, lines: $0.1) }, jobs: options.jobs)
        }
        if let encodingWarning { report.warnings.append(encodingWarning) }
        if options.asOf == nil {
            report.asOfSetBy = asOfSetter
            report.provenance.latest = latest?.provenance
            if let latestWarning { console.err("pathway replay : \(latestWarning)\n") }
        }
        let replay = Clock.trace ? Clock.phase(since: t1) : "", t2 = Clock.mark()
        defer {
            if Clock.trace { console.err("parse \(parse), replay \(replay), render+write \(Clock.phase(since: t2))\n") }
        }

        // The report goes out piece by piece (JSON, CSV) or whole (text, HTML, workbook).
        let file = try options.output.map { path throws(InputError) in try OutputFile(path: path) }
        defer { file?.close() }
        var failed = false
        func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !failed else { return }
            if let file { failed = !file.write(bytes) } else { console.out(bytes: bytes) }
        }
        func emit(_ text: String) {
            var text = text
            text.withUTF8 { emit($0) }
        }
        switch options.format {
        case .text: emit(report.text(source: input == "-" ? "entrée standard" : options.inputs.joined(separator: ", "), summary: options.summary))
        case .json: report.writeJSON(generator: "pathway \(Tool.version)", jobs: options.jobs, through: emit)
        case .csv: report.writeCSV(jobs: options.jobs, through: emit)
        case .csvExcel: report.writeCSV(.excel, jobs: options.jobs, through: emit)
        case .html: emit(report.html(source: input == "-" ? "entrée standard" : options.inputs.joined(separator: ", "), generator: "pathway \(Tool.version)"))
        case .xlsx: report.workbook(source: input == "-" ? "entrée standard" : options.inputs.joined(separator: ", ")).withUnsafeBufferPointer { emit($0) }
        }
        if let file, !failed, !file.finish() { failed = true }
        if failed, let path = options.output {
            throw InputError(message: "\(path) : écriture impossible : \(Files.describeErrno())")
        }
        // The log and the report are left for the process's exit to reclaim: freeing a million
        // events one by one would only delay the exit.
        ProcessExit.keepUntilExit(log, report)
        if options.strict && !log.rejected.isEmpty {
            console.err("pathway replay : \(log.rejected.count) ligne\(log.rejected.count > 1 ? "s" : "") rejetée\(log.rejected.count > 1 ? "s" : "") (--strict) ; la première : \(log.rejected[0].frenchDescription)\n")
            return .rejectedLines
        }
        return report.hasViolation ? .violations : .success
    }

    /// The warning of lines in windows-1252 among UTF-8 ones (``LogInput/windows1252Warning``),
    /// each input file read again for it; the command to rerun is this one with
    /// `--encoding windows-1252`.
    static func windows1252Warning(_ log: ParsedLog, inputs: [String], arguments: [String]) -> String? {
        guard log.rejected.contains(where: { if case .invalidUTF8 = $0.problem { true } else { false } }) else { return nil }
        func quoted(_ word: String) -> String {
            word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:@".contains($0) } ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
        }
        let rerun = (["pathway", "replay"] + arguments.map(quoted) + ["--encoding", "windows-1252"]).joined(separator: " ")
        for path in inputs where path != "-" {
            var mine = log
            if inputs.count > 1 { mine.rejected = log.rejected.filter { $0.file == path } }
            let warning = try? Files.withContents(of: path) { (buffer: UnsafeBufferPointer<UInt8>, _) -> String? in
                guard LogInput.utf16(Array(buffer.prefix(512))) == nil else { return nil }
                return LogInput.windows1252Warning(mine, foreign: UTF8Check.foreignBytes(buffer), rerun: rerun)
            }
            if let warning = warning ?? nil { return inputs.count > 1 ? "\(path) : \(warning)" : warning }
        }
        return nil
    }

    /// Why a log that is not empty gave no event at all, as a diagnosis (exit 2), or `nil`:
    /// the first file's head read here, judged by ``LogInput/diagnosis(_:names:head:windows1252:)``.
    /// So is one of several files (`files`, their counts) that gives none, a CAF flow or a
    /// compressed log given among logs: its own diagnosis, rather than every line of it counted
    /// as rejected.
    static func diagnose(_ log: ParsedLog, inputs: [String], files: [Report.FileCounts] = [],
                         windows1252: Bool) throws -> String? {
        if let problem = try diagnoseWhole(log, inputs: inputs, windows1252: windows1252) { return problem }
        for file in files where file.events == 0 && file.lines > file.blank && files.count > 1 {
            var part = ParsedLog()
            part.rejected = log.rejected.filter { $0.file == file.file }
            part.blank = file.blank
            part.duplicates = file.duplicates
            if let problem = try diagnoseWhole(part, inputs: [file.file], windows1252: windows1252) { return problem }
        }
        return nil
    }

    private static func diagnoseWhole(_ log: ParsedLog, inputs: [String], windows1252: Bool) throws -> String? {
        guard log.events.isEmpty, log.lines > log.blank, let first = inputs.first, first != "-" else { return nil }
        var head: [UInt8] = []
        try? Files.stream(first) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
            head.append(contentsOf: chunk.prefix(65_536))
            return false
        }
        return LogInput.diagnosis(log, names: inputs, head: head, windows1252: windows1252)
    }

    /// Files read as windows-1252 and turned into UTF-8 (`--encoding windows-1252`).
    static func readWindows1252(_ paths: [String], counts: inout [Report.FileCounts], jobs: Int = Cores.available) throws -> ParsedLog {
        var log = try readSeveral(paths, counts: &counts, jobs: jobs, decode: LegacyText.windows1252ToUTF8)
        if paths.count == 1 { for k in log.rejected.indices { log.rejected[k].file = nil } }
        return log
    }

    /// Several files read as one log (``LogInput/read(files:)``): each file's lines follow the
    /// previous file's, numbered from 1 again in the messages; the counts of each file.
    static func readSeveral(_ paths: [String], counts: inout [Report.FileCounts], jobs: Int = Cores.available,
                            decode: ([UInt8]) -> [UInt8] = { $0 }) throws -> ParsedLog {
        var files: [(name: String, bytes: [UInt8])] = []
        for path in paths {
            guard path != "-" else { throw InputError(message: "l'entrée standard se lit seule, pas avec d'autres fichiers") }
            files.append((path, decode(try Files.readBytes(path))))
        }
        let read = LogInput.read(files: consume files, jobs: jobs)
        counts = read.counts
        return read.log
    }

    /// `--sorted`: the log read as a stream, one person at a time (``GroupedReplay``). `nil`
    /// when the log has no event at all (the whole-log replay then reports it, in no memory).
    static func runGrouped(_ options: Options, input: String, parameters: Parameters,
                           console: inout some Console) throws -> ExitStatus? {
        func describe(_ error: any Error) -> InputError {
            InputError(message: "\(input == "-" ? "entrée standard" : input) : \(error)")
        }
        // One pass over the input, chunk by chunk; `feed` returns the lines read so far (for
        // the progress line shown on a terminal); its first error stops the reading.
        let size = input == "-" ? 0 : Files.size(of: input)
        func pass(_ label: String, _ feed: (UnsafeBufferPointer<UInt8>) throws -> Int) throws {
            var failure: (any Error)?
            var lines = 0
            let meter = Progress.onTerminal(total: size, label: label)
            defer { meter?.finish() }
            try Files.stream(input) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
                do {
                    let now = try feed(chunk)
                    meter?.add(bytes: chunk.count, lines: now - lines)
                    lines = now
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw describe(failure) }
        }
        var asOf = options.asOf
        var latestEvent: Report.Provenance.Latest?
        // The sources the events name (what none of them records is not judged): a short
        // first pass, which stops at the first event without a source (the log is then judged
        // in full), or reads the whole log when every event names one.
        var sources = SourceTally()
        if asOf != nil && input != "-" {
            let spill = try TemporaryFileStore()
            var reader = GroupedReader(jobs: options.jobs, spill: spill)
            var failure: (any Error)?
            try Files.stream(input) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
                do { try reader.consume(chunk, person: { _, _ in }) } catch { failure = error; return false }
                return reader.sources.withoutSource == 0
            }
            if failure == nil && reader.sources.withoutSource == 0 {
                sources = (try? reader.finish(person: { _, _ in }))?.sources ?? reader.sources
            } else {
                sources = reader.sources
            }
            if let problem = spill.failure { throw InputError(message: "pathway replay --sorted : \(problem)") }
        }
        // Standard input is read once: every rule is judged.
        if asOf == nil {
            // A first pass for the latest date (and to check the grouping before any output).
            let spill = try TemporaryFileStore()
            var reader = GroupedReader(jobs: options.jobs, spill: spill)
            // The latest date, and the event that sets it, as without --sorted.
            var latest = LogInput.LatestDate()
            func note(_ id: String, _ events: [Event]) {
                for event in events { latest.add(event.date, id: event.id) }
            }
            try pass("passe 1 sur 2 (dates, regroupement) : lu") { chunk in
                try reader.consume(chunk, person: note)
                return reader.linesRead
            }
            do { sources = try reader.finish(person: note).sources } catch { throw describe(error) }
            if let problem = spill.failure { throw InputError(message: "pathway replay --sorted : \(problem)") }
            guard let date = latest.date else { return nil }
            asOf = date
            latestEvent = latest.provenance
        }
        guard let asOf else { return nil }
        // The people's pieces, and the people met while they come in order (a log sorted by
        // person), in temporary files, not in memory.
        let store = try TemporaryFileStore(), spill = try TemporaryFileStore()
        var replay = GroupedReplay(asOf: asOf, parameters: parameters, format: options.format == .csv ? .csv : .json,
                                   jobs: options.jobs, store: store, spill: spill)
        let judged = NotJudged.rules(sources: sources, declared: options.sources, rules: parameters.rules)
        warnUndeclared(judged.undeclared, console: &console)
        replay.notJudged = judged.notJudged
        replay.fileName = input == "-" ? "entrée standard" : input
        replay.declared = options.sources
        replay.latest = latestEvent
        try pass("passe 2 sur 2 (rejeu, écriture) : lu") { chunk in
            try replay.consume(chunk)
            return replay.linesRead
        }
        // The output file is opened with the report's first bytes: a log found not grouped at
        // its end leaves no file behind.
        var file: OutputFile?
        defer { file?.close() }
        var writeError: InputError?
        let outcome: GroupedReplay.Completion
        do {
            outcome = try replay.finish(generator: "pathway \(Tool.version)") { bytes in
                guard writeError == nil else { return }
                guard let path = options.output else { return console.out(bytes: bytes) }
                do throws(InputError) {
                    if file == nil { file = try OutputFile(path: path) }
                    if file?.write(bytes) == false {
                        writeError = InputError(message: "\(path) : écriture impossible : \(Files.describeErrno())")
                    }
                } catch {
                    writeError = error
                }
            }
        } catch {
            throw describe(error)
        }
        if let problem = store.failure ?? spill.failure { throw InputError(message: "pathway replay --sorted : \(problem)") }
        if writeError == nil, let file, !file.finish(), let path = options.output {
            writeError = InputError(message: "\(path) : écriture impossible : \(Files.describeErrno())")
        }
        if let writeError { throw writeError }
        if options.strict, let first = outcome.rejected.first {
            console.err("pathway replay : \(outcome.rejected.count) ligne\(outcome.rejected.count > 1 ? "s" : "") rejetée\(outcome.rejected.count > 1 ? "s" : "") (--strict) ; la première : \(first.frenchDescription)\n")
            return .rejectedLines
        }
        return outcome.hasViolation ? .violations : .success
    }

    /// Says on standard error which sources the log names without a declaration: what they
    /// record cannot be told, so every rule is judged.
    static func warnUndeclared(_ undeclared: [String], console: inout some Console) {
        guard !undeclared.isEmpty else { return }
        console.err("pathway replay : source\(undeclared.count > 1 ? "s" : "") non déclarée\(undeclared.count > 1 ? "s" : "") : \(undeclared.joined(separator: ", ")) ; "
                    + "ce qu'\(undeclared.count > 1 ? "elles enregistrent" : "elle enregistre") n'est pas connu, donc toutes les règles sont jugées "
                    + "(déclarez une correspondance avec --mapping FICHIER)\n")
    }
}
