import Pathway

/// `pathway replay`: REPORT.md, "Command".
enum ReplayCommand {
    static let usage = """
    Usage: pathway replay <events.ndjson | -> [--as-of YYYY-MM-DD] [--format text|json|csv]
                          [--output FILE] [--config FILE] [--strict]

    Replays an event log (NDJSON, event log v1) through the pathway's rules and prints the
    audit report: people's states, findings with their rule, article and dates, indicators.

    Options:
      --as-of YYYY-MM-DD   Date at which pending deadlines are judged (default: the latest
                           date in the log, never the machine's clock). Later events are
                           counted but not replayed.
      --format FORMAT      text (default, French, for auditors), json, or csv (one row per
                           finding).
      --output FILE        Write the report to FILE instead of standard output.
      --config FILE        JSON object of local parameters (local targets, [I] choices),
                           e.g. {"orientation_target_days": 15}. Unknown keys are an error.
      --strict             Exit 3 if any line was rejected.
      -h, --help           Show this help.

    Exit status: 0 no violation, 1 at least one violation, 2 usage error or unreadable
    input, 3 rejected lines under --strict.
    """

    enum Format: String, CaseIterable {
        case text, json, csv
    }

    struct Options {
        var input: String?
        var asOf: CivilDate?
        var format = Format.text
        var output: String?
        var config: String?
        var strict = false
    }

    static let optionNames = ["--as-of", "--format", "--output", "--config", "--strict", "--help"]

    static func parse(_ arguments: [String]) throws(UsageError) -> Options? {
        var reader = ArgumentReader(arguments, command: "replay")
        var options = Options()
        while let token = reader.next() {
            switch token {
            case .positional(let path):
                guard options.input == nil else {
                    throw UsageError(message: "one events file only, got '\(options.input ?? "")' and '\(path)'", command: "replay")
                }
                options.input = path
            case .option(let name, let inline):
                switch name {
                case "-h", "--help":
                    return nil
                case "--as-of":
                    let text = try reader.value(for: name, inline: inline, expected: "a date YYYY-MM-DD")
                    guard let date = CivilDate(text) else {
                        throw UsageError(message: "--as-of: expected a date YYYY-MM-DD, got '\(text)'", command: "replay")
                    }
                    options.asOf = date
                case "--format":
                    let text = try reader.value(for: name, inline: inline, expected: "text, json or csv")
                    guard let format = Format(rawValue: text) else {
                        throw UsageError(message: "--format: expected text, json or csv, got '\(text)'", command: "replay")
                    }
                    options.format = format
                case "--output", "-o":
                    options.output = try reader.value(for: name, inline: inline, expected: "a file path")
                case "--config":
                    options.config = try reader.value(for: name, inline: inline, expected: "a JSON file path")
                case "--strict":
                    guard inline == nil else { throw UsageError(message: "--strict takes no value", command: "replay") }
                    options.strict = true
                default:
                    throw UsageError(message: "unknown option '\(name)'\(Tool.suggest(name, among: optionNames))", command: "replay")
                }
            }
        }
        guard options.input != nil else {
            throw UsageError(message: "missing the events file (a path, or - for standard input)", command: "replay")
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
        var parameters = Parameters.law
        if let path = options.config {
            parameters = try loadConfig(path, into: parameters)
        }
        var reader = LogReader()
        let t0 = Clock.now()
        try Files.stream(input) { reader.consume($0) }
        let log = reader.finish()
        let t1 = Clock.now()
        let report = Replay.log(log, asOf: options.asOf, parameters: parameters)
        let t2 = Clock.now()
        defer { if Clock.trace { console.err("parse \(t1 - t0) ms, replay \(t2 - t1) ms, render+write \(Clock.now() - t2) ms\n") } }

        let rendered: String
        switch options.format {
        case .text: rendered = report.text(source: input == "-" ? "entrée standard" : input)
        case .json: rendered = report.json(generator: "pathway \(Tool.version)")
        case .csv: rendered = report.csv()
        }
        if let path = options.output {
            try Files.write(rendered, to: path)
        } else {
            console.out(rendered)
        }
        if options.strict && !log.rejected.isEmpty {
            console.err("pathway replay: \(log.rejected.count) line(s) rejected (--strict); first: \(log.rejected[0])\n")
            return .rejectedLines
        }
        return report.hasViolation ? .violations : .success
    }
}
