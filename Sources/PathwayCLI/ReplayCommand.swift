import Pathway

/// `pathway replay`: `Docs/report.md`, "Command".
enum ReplayCommand {
    static let usage = """
    Usage: pathway replay <events.ndjson... | -> [--as-of YYYY-MM-DD] [--format text|json|csv]
                          [--output FILE] [--config FILE] [--strict] [--jobs N] [--sorted]

    Replays an event log (NDJSON, event log v1) through the pathway's rules and prints the
    audit report: people's states, findings with their rule, article and dates, indicators.
    Several files (the imports of several sources) are replayed as one log: a repeated id
    across them is a duplicate; rejected lines are named by file and line, and the JSON
    report's input gives each file's counts.

    Options:
      --as-of YYYY-MM-DD   Date at which pending deadlines are judged (default: the latest
                           date in the log, never the machine's clock). Later events are
                           counted but not replayed.
      --format FORMAT      text (default, French, for auditors), json, csv (one row per
                           finding), or csv-excel (the same for French Excel: ';', a
                           byte-order mark, French headers). Without it, the extension
                           of --output (.json, .csv, .txt, .html) chooses. html: one
                           self-contained page in French, with charts, printable.
      --excel              The same as --format csv-excel.
      --summary            The text report's synthesis alone.
      --encoding ENC       utf-8 (default) or windows-1252 (a log from an older tool).
      --output FILE        Write the report to FILE instead of standard output.
      --config FILE        JSON object of local parameters (local targets, [I] choices),
                           e.g. {"orientation_target_days": 15}. Unknown keys are an error.
      --strict             Exit 3 if any line was rejected.
      --jobs N             Threads to use (default: all cores). The report is the same,
                           byte for byte, whatever N.
      --sorted             The log is grouped by person (each person's lines together):
                           replay one person at a time, in memory bounded by the largest
                           person and the number of people, not by the log (a national log).
                           json or csv only; with standard input, --as-of is required. A
                           person whose lines come back later is an error (exit 2). Ids
                           are checked within each person only: an id used by two people
                           is not detected (the whole replay rejects the second line).
      -h, --help           Show this help.

    Exit status: 0 no violation, 1 at least one violation, 2 usage error or unreadable
    input, 3 rejected lines under --strict.
    """

    enum Format: String, CaseIterable {
        case text, json, csv
        /// CSV for French Excel: `;`, a byte-order mark, French headers.
        case csvExcel = "csv-excel"
        /// One self-contained HTML page, in French, with charts.
        case html
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
        /// Files after the first: replayed together (`pathway replay caf.ndjson pilotage.ndjson`).
        var more: [String] = []
        var inputs: [String] { (input.map { [$0] } ?? []) + more }
    }

    static let optionNames = ["--as-of", "--format", "--output", "--config", "--strict", "--jobs", "--sorted", "--excel", "--summary", "--encoding", "--help"]

    static func parse(_ arguments: [String]) throws(UsageError) -> Options? {
        var reader = ArgumentReader(arguments, command: "replay")
        var options = Options()
        while let token = reader.next() {
            switch token {
            case .positional(let path):
                if options.input == nil { options.input = path } else { options.more.append(path) }
            case .option(let name, let inline):
                switch name {
                case "-h", "--help":
                    return nil
                case "--as-of":
                    options.asOf = try reader.date(for: name, inline: inline)
                case "--format":
                    let text = try reader.choice(for: name, inline: inline, among: Format.allCases.map(\.rawValue))
                    options.format = Format(rawValue: text) ?? .text
                    options.formatGiven = true
                case "--summary":
                    guard inline == nil else { throw UsageError(message: "--summary takes no value", command: "replay") }
                    options.summary = true
                case "--excel":
                    guard inline == nil else { throw UsageError(message: "--excel takes no value", command: "replay") }
                    options.format = .csvExcel
                    options.formatGiven = true
                case "--encoding":
                    options.windows1252 = try reader.isWindows1252(for: name, inline: inline)
                case "--output", "-o":
                    options.output = try reader.value(for: name, inline: inline, expected: "a file path")
                case "--config":
                    options.config = try reader.value(for: name, inline: inline, expected: "a JSON file path")
                case "--jobs", "-j":
                    let text = try reader.value(for: name, inline: inline, expected: "a number of threads")
                    guard let n = Int(text), (1...256).contains(n) else {
                        throw UsageError(message: "--jobs: expected a whole number from 1 to 256, got '\(text)'", command: "replay")
                    }
                    options.jobs = n
                case "--strict":
                    guard inline == nil else { throw UsageError(message: "--strict takes no value", command: "replay") }
                    options.strict = true
                case "--sorted":
                    guard inline == nil else { throw UsageError(message: "--sorted takes no value", command: "replay") }
                    options.sorted = true
                default:
                    throw UsageError(message: "unknown option '\(name)'\(Tool.suggest(name, among: optionNames))", command: "replay")
                }
            }
        }
        guard options.input != nil else {
            throw UsageError(message: "missing the events file (a path, or - for standard input)", command: "replay")
        }
        // --output report.csv|.json|.txt chooses the format when --format does not.
        if !options.formatGiven, let output = options.output {
            if output.hasSuffix(".json") { options.format = .json }
            else if output.hasSuffix(".csv") { options.format = .csv }
            else if output.hasSuffix(".txt") { options.format = .text }
            else if output.hasSuffix(".html") || output.hasSuffix(".htm") { options.format = .html }
        }
        if options.sorted && (options.format == .csvExcel || options.format == .html) {
            throw UsageError(message: "--sorted writes json or csv; give --excel or --format html to a whole replay", command: "replay")
        }
        if options.sorted && options.windows1252 {
            throw UsageError(message: "--sorted reads UTF-8 only; convert the log first (iconv -f windows-1252 -t utf-8)", command: "replay")
        }
        if options.sorted && options.format == .text {
            throw UsageError(message: "--sorted writes json or csv (the text report gathers the findings of all people by rule)", command: "replay")
        }
        if options.sorted && !options.more.isEmpty {
            throw UsageError(message: "--sorted reads one log grouped by person; several files are replayed without it", command: "replay")
        }
        if options.sorted && options.input == "-" && options.asOf == nil {
            throw UsageError(message: "--sorted reads standard input once: give --as-of", command: "replay")
        }
        return options
    }

    /// Applies a `--config` file; its errors name the file and the key.
    static func loadConfig(_ path: String, into parameters: Parameters) throws -> Parameters {
        let text = try Files.readText(path)
        do {
            return try parameters.applying(try JSONValue.parse(text))
        } catch let error as JSONValue.ParseError {
            throw InputError(message: "\(path): invalid JSON at \(error)")
        } catch let error as ConfigError {
            throw InputError(message: "\(path): \(error)")
        }
    }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let options = try parse(arguments), let input = options.input else {
            console.out(usage + "\n")
            return .success
        }
        // A replay runs once and exits: the memory it frees is kept for what it takes next.
        Allocator.keepFreedMemory()
        var parameters = Parameters.law
        if let path = options.config {
            parameters = try loadConfig(path, into: parameters)
        }
        if options.sorted, let status = try runGrouped(options, input: input, parameters: parameters, console: &console) {
            return status
        }
        let t0 = Clock.mark()
        let jobs = options.jobs
        var files: [Report.FileCounts] = []
        var size = 0
        let log = options.windows1252 ? try readWindows1252(options.inputs, counts: &files)
            : options.more.isEmpty ? try Files.withContents(of: input) { (buffer: UnsafeBufferPointer<UInt8>, release) -> ParsedLog in
            size = buffer.count
            let meter = Progress.onTerminal(total: buffer.count)
            defer { meter?.finish() }
            var callback: (@Sendable (Int, Int) -> Void)?
            if let meter { callback = { bytes, lines in meter.add(bytes: bytes, lines: lines) } }
            return LogReader.read(buffer, jobs: jobs, progress: callback, parsed: release)
        } : try readSeveral(options.inputs, counts: &files)
        let parse = Clock.trace ? Clock.phase(since: t0) : "", t1 = Clock.mark()
        // A log that is not empty but gave no event: a diagnosis, and exit 2 (after the report,
        // when its lines were read as the event log and rejected one by one).
        var noEvent: String?
        if let problem = try diagnose(log, inputs: options.inputs, windows1252: options.windows1252) {
            guard problem.contains("was rejected") || problem.contains("not UTF-8") else { throw InputError(message: problem) }
            noEvent = problem
        }
        if log.lines == log.blank {
            console.err("pathway replay: \(input == "-" ? "standard input" : options.inputs.joined(separator: ", ")): \(log.lines == 0 ? "the input is empty" : "the input holds only blank lines"): no event to replay\n")
        }
        Progress.stage("rejeu de \(log.events.count) événements", total: size)
        var report = Replay.log(log, asOf: options.asOf, parameters: parameters, jobs: options.jobs)
        Progress.stage("écriture du rapport (\(options.format.rawValue), \(report.people.count) personnes)", total: size)
        defer { Progress.clear(total: size) }
        report.input.files = files.count > 1 ? files : []
        if options.asOf == nil { report.asOfSetBy = asOfSetter(log) }
        if options.asOf == nil, let warning = latestDateWarning(log) { console.err("pathway replay: \(warning)\n") }
        let replay = Clock.trace ? Clock.phase(since: t1) : "", t2 = Clock.mark()
        defer {
            if Clock.trace { console.err("parse \(parse), replay \(replay), render+write \(Clock.phase(since: t2))\n") }
        }

        // The report goes out piece by piece (JSON) or whole (text, CSV).
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
        case .csv: emit(report.csv())
        case .csvExcel: emit(report.csv(.excel))
        case .html: emit(report.html(source: input == "-" ? "entrée standard" : options.inputs.joined(separator: ", "), generator: "pathway \(Tool.version)", events: log.events))
        }
        if let file, !failed, !file.finish() { failed = true }
        if failed, let path = options.output {
            throw InputError(message: "\(path): cannot write: \(Files.describeErrno())")
        }
        // The log and the report are left for the process's exit to reclaim: freeing a million
        // events one by one would only delay the exit.
        ProcessExit.keepUntilExit(log, report)
        if let noEvent {
            console.err("pathway: \(noEvent)\n")
            return .usage
        }
        if options.strict && !log.rejected.isEmpty {
            console.err("pathway replay: \(log.rejected.count) line(s) rejected (--strict); first: \(log.rejected[0])\n")
            return .rejectedLines
        }
        return report.hasViolation ? .violations : .success
    }

    /// Why a log that is not empty gave no event at all, as a diagnosis (exit 2), or `nil`.
    static func diagnose(_ log: ParsedLog, inputs: [String], windows1252: Bool) throws -> String? {
        guard log.events.isEmpty, log.lines > log.blank, let first = inputs.first, first != "-" else { return nil }
        var head: [UInt8] = []
        try? Files.stream(first) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
            head.append(contentsOf: chunk.prefix(65_536))
            return false
        }
        let name = inputs.joined(separator: ", ")
        if head.starts(with: [0x1F, 0x8B]) {
            return "\(name): no event read: the file is compressed (gzip); run: zcat \(first) | pathway replay -"
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "\(name): no event read: the file is a ZIP archive (an Excel workbook?); export the log as NDJSON"
        }
        let firstLine = head.prefix { $0 != 0x0A }
        let text = String(decoding: firstLine, as: UTF8.self)
        let startsLikeAHeader = text.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "\"" || $0 == "\u{FEFF}" } ?? false
        if startsLikeAHeader && !text.contains("{") && (text.contains(";") || text.contains(",")) {
            return "\(name): no event read: this is CSV (header: \(text.prefix(80))…), not the event log: import it first with pathway import csv --mapping NAME \(first)"
        }
        if text.hasPrefix("<?xml") || text.hasPrefix("<") {
            return "\(name): no event read: this is XML (a CAF/MSA flow?), not the event log: import it first with pathway import caf \(first)"
        }
        // A cut at the head's end may split a character: three bytes are left out when it is full.
        let checked = head.count == 65_536 ? Array(head.dropLast(3)) : head
        if !windows1252 && String(validating: checked, as: UTF8.self) == nil {
            return "\(name): no event read: the text is not UTF-8 throughout; it looks like windows-1252: add --encoding windows-1252"
        }
        let count = log.lines - log.blank
        return "\(name): no event read: \(count == 1 ? "its one line was rejected" : "every one of its \(count) lines was rejected") (first: \(log.rejected.first.map { "\($0)" } ?? "?"))"
    }

    /// Says which event set the default `as_of`, and warns when that date lies more than a year
    /// beyond the next latest date of the log (a mistyped year).
    /// `la date la plus récente du journal, celle de l'événement P29-14` (and how many others
    /// share it): the event named is the smallest id of that day, whatever the order of the lines.
    static func asOfSetter(_ log: ParsedLog) -> String? {
        guard let latest = log.events.lazy.map(\.date).max() else { return nil }
        var count = 0
        var first: Event?
        for event in log.events where event.date == latest {
            count += 1
            if first.map({ Array(event.id.utf8).lexicographicallyPrecedes(Array($0.id.utf8)) }) ?? true { first = event }
        }
        guard let first else { return nil }
        return "la date la plus récente du journal, celle de l'événement \(first.id)"
            + (count > 1 ? " et de \(count - 1) autre\(count > 2 ? "s" : "")" : "")
    }

    static func latestDateWarning(_ log: ParsedLog) -> String? {
        guard let latest = log.events.max(by: { $0.date < $1.date }) else { return nil }
        let next = log.events.lazy.filter { $0.date < latest.date }.map(\.date).max()
        guard let next, latest.date.days(since: next) > 366 else { return nil }
        return "the audit date (as_of) is \(latest.date), set by event \(latest.id) (line \(latest.line)), more than a year after the next latest date of the log (\(next)): a mistyped year? Give --as-of to choose the date"
    }

    /// Files read as windows-1252 and turned into UTF-8 (`--encoding windows-1252`).
    static func readWindows1252(_ paths: [String], counts: inout [Report.FileCounts]) throws -> ParsedLog {
        var log = try readSeveral(paths, counts: &counts, decode: LegacyText.windows1252ToUTF8)
        if paths.count == 1 { for k in log.rejected.indices { log.rejected[k].file = nil } }
        return log
    }

    /// Several files read as one log: each file's lines follow the previous file's, numbered
    /// from 1 again in the messages; the counts of each file.
    static func readSeveral(_ paths: [String], counts: inout [Report.FileCounts],
                            decode: ([UInt8]) -> [UInt8] = { $0 }) throws -> ParsedLog {
        var all: [UInt8] = []
        var ranges: [(path: String, first: Int, lines: Int, blank: Int)] = []
        var line = 1
        for path in paths {
            guard path != "-" else { throw InputError(message: "standard input can be read alone only, not with other files") }
            var bytes = decode(try Files.readBytes(path))
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            var lines = 0, blank = 0, content = false
            for b in bytes {
                if b == 0x0A {
                    lines += 1
                    if !content { blank += 1 }
                    content = false
                } else if b != 0x20 && b != 0x09 && b != 0x0D { content = true }
            }
            ranges.append((path, line, lines, blank))
            line += lines
            all.append(contentsOf: bytes)
        }
        var log = LogReader.read(all)
        func locate(_ global: Int) -> (path: String, line: Int, index: Int)? {
            for (i, r) in ranges.enumerated() where global >= r.first && global < r.first + r.lines {
                return (r.path, global - r.first + 1, i)
            }
            return nil
        }
        var events = [Int](repeating: 0, count: ranges.count), rejected = [Int](repeating: 0, count: ranges.count)
        for e in log.events { if let at = locate(e.line) { events[at.index] += 1 } }
        for k in log.rejected.indices {
            guard let at = locate(log.rejected[k].line) else { continue }
            rejected[at.index] += 1
            log.rejected[k].file = at.path
            log.rejected[k].line = at.line
        }
        counts = ranges.enumerated().map { i, r in
            Report.FileCounts(file: r.path, lines: r.lines, events: events[i], duplicates: r.lines - events[i] - rejected[i] - r.blank,
                              rejected: rejected[i], blank: r.blank)
        }
        return log
    }

    /// `--sorted`: the log read as a stream, one person at a time (``GroupedReplay``). `nil`
    /// when the log has no event at all (the whole-log replay then reports it, in no memory).
    static func runGrouped(_ options: Options, input: String, parameters: Parameters,
                           console: inout some Console) throws -> ExitStatus? {
        func describe(_ error: any Error) -> InputError {
            InputError(message: "\(input == "-" ? "standard input" : input): \(error)")
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
        // The kinds of events the log records (what it does not record is not judged).
        var seen = Set<EventType>()
        if asOf != nil && input != "-" {
            // A short first pass: it stops once every kind that matters has been seen.
            var reader = GroupedReader(jobs: options.jobs)
            func note(_ id: String, _ events: [Event]) {
                for event in events where NotJudged.watched.contains(event.type) { seen.insert(event.type) }
            }
            var failure: (any Error)?
            try Files.stream(input) { (chunk: UnsafeBufferPointer<UInt8>) -> Bool in
                do { try reader.consume(chunk, person: note) } catch { failure = error; return false }
                return seen.count < NotJudged.watched.count
            }
            if failure == nil && seen.count < NotJudged.watched.count { _ = try? reader.finish(person: note) }
        } else if asOf != nil {
            // Standard input is read once: every rule is judged.
            seen = NotJudged.watched
        }
        if asOf == nil {
            // A first pass for the latest date (and to check the grouping before any output).
            var reader = GroupedReader(jobs: options.jobs)
            var latest: CivilDate?
            func note(_ id: String, _ events: [Event]) {
                for event in events {
                    if latest.map({ event.date > $0 }) ?? true { latest = event.date }
                    if NotJudged.watched.contains(event.type) { seen.insert(event.type) }
                }
            }
            try pass("passe 1 sur 2 (dates, regroupement) : lu") { chunk in
                try reader.consume(chunk, person: note)
                return reader.linesRead
            }
            do { _ = try reader.finish(person: note) } catch { throw describe(error) }
            guard let latest else { return nil }
            asOf = latest
        }
        guard let asOf else { return nil }
        let store = try TemporaryFileStore()
        var replay = GroupedReplay(asOf: asOf, parameters: parameters, format: options.format == .csv ? .csv : .json,
                                   jobs: options.jobs, store: store)
        replay.notJudged = NotJudged.rules(given: seen)
        try pass("passe 2 sur 2 (rejeu, écriture) : lu") { chunk in
            try replay.consume(chunk)
            return replay.linesRead
        }
        // The output file is opened with the report's first bytes: a log found not grouped at
        // its end leaves no file behind.
        var file: OutputFile?
        defer { file?.close() }
        var writeError: InputError?
        let outcome: GroupedReplay.Outcome
        do {
            outcome = try replay.finish(generator: "pathway \(Tool.version)") { bytes in
                guard writeError == nil else { return }
                guard let path = options.output else { return console.out(bytes: bytes) }
                do throws(InputError) {
                    if file == nil { file = try OutputFile(path: path) }
                    if file?.write(bytes) == false {
                        writeError = InputError(message: "\(path): cannot write: \(Files.describeErrno())")
                    }
                } catch {
                    writeError = error
                }
            }
        } catch {
            throw describe(error)
        }
        if let problem = store.failure { throw InputError(message: "pathway replay --sorted: \(problem)") }
        if writeError == nil, let file, !file.finish(), let path = options.output {
            writeError = InputError(message: "\(path): cannot write: \(Files.describeErrno())")
        }
        if let writeError { throw writeError }
        if options.strict, let first = outcome.rejected.first {
            console.err("pathway replay: \(outcome.rejected.count) line(s) rejected (--strict); first: \(first)\n")
            return .rejectedLines
        }
        return outcome.hasViolation ? .violations : .success
    }
}
