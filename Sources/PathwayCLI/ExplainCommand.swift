import Pathway

/// `pathway explain`: one person's dated story, for a dispute.
enum ExplainCommand {
    static let usage = """
    Usage: pathway explain <events.ndjson... | -> PERSON [--as-of YYYY-MM-DD]
                           [--format text|html|json] [--output FILE] [--config FILE]
                           [--encoding utf-8|windows-1252]

    One person's story, in French, for a dispute: each event in date order and what it changed
    (the state, the clocks started, completed, late or interrupted, the findings it revealed),
    then what the audit date judges (clocks missed or still running), the rules applied with
    their articles, confidence and the parameters in force, and each finding with its why.
    The findings are those `pathway replay` reports for the person on the same log and date.
    The last argument is the person's identifier (its exact bytes); the others are log files.

    Options:
      --as-of YYYY-MM-DD   The audit date (default: the latest date of the whole log).
      --format FORMAT      text (default), html (one printable page with a timeline) or json.
                           Without it, the extension of --output (.html, .json, .txt) chooses.
      --output FILE        Write to FILE (through a temporary file, renamed once complete).
      --config FILE        Local parameters, as for replay.
      --encoding ENC       utf-8 (default) or windows-1252.
      -h, --help           Show this help.

    Exit status: 0 no violation for this person, 1 violations, 2 usage error, unreadable
    input or a person with no event in the log.
    """

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        var reader = ArgumentReader(arguments, command: "explain")
        var positionals: [String] = []
        var asOf: CivilDate?
        var format: String?
        var output: String?
        var windows1252 = false
        var parameters = Parameters.law
        while let token = reader.next() {
            switch token {
            case .positional(let value):
                positionals.append(value)
            case .option(let name, let inline):
                switch name {
                case "-h", "--help":
                    console.out(usage + "\n")
                    return .success
                case "--as-of":
                    asOf = try reader.date(for: name, inline: inline)
                case "--format":
                    format = try reader.choice(for: name, inline: inline, among: ["text", "html", "json"])
                case "--output":
                    output = try reader.value(for: name, inline: inline, expected: "a file path")
                case "--config":
                    parameters = try ReplayCommand.loadConfig(try reader.value(for: name, inline: inline, expected: "a JSON file path"), into: parameters)
                case "--encoding":
                    windows1252 = try reader.isWindows1252(for: name, inline: inline)
                default:
                    throw UsageError(message: "unknown option '\(name)'\(Tool.suggest(name, among: ["--as-of", "--format", "--output", "--config", "--encoding", "--help"]))", command: "explain")
                }
            }
        }
        guard positionals.count >= 2, let person = positionals.last else {
            throw UsageError(message: positionals.isEmpty ? "missing the events file and the person" : "missing the person (the last argument is the person's identifier)", command: "explain")
        }
        let inputs = Array(positionals.dropLast())
        if format == nil, let output {
            if output.hasSuffix(".html") || output.hasSuffix(".htm") { format = "html" }
            else if output.hasSuffix(".json") { format = "json" }
        }
        var counts: [Report.FileCounts] = []
        let log = windows1252 ? try ReplayCommand.readWindows1252(inputs, counts: &counts)
            : inputs.count == 1 ? try Files.withContents(of: inputs[0]) { LogReader.read($0, jobs: Cores.available) }
            : try ReplayCommand.readSeveral(inputs, counts: &counts)
        if let problem = try ReplayCommand.diagnose(log, inputs: inputs, windows1252: windows1252) { throw InputError(message: problem) }
        if !log.rejected.isEmpty {
            console.err("pathway explain: \(log.rejected.count) line\(log.rejected.count > 1 ? "s" : "") of the log rejected (see pathway replay); the story is told without them\n")
        }
        // The whole log sets the default date and the rules it allows to judge, as in replay.
        let whole = Replay.log(log, asOf: asOf, parameters: parameters, jobs: Cores.available)
        let target = Array(person.utf8)
        let events = log.events.filter { $0.person.utf8.elementsEqual(target) }
        guard let date = whole.asOf, !events.isEmpty else {
            throw InputError(message: "\(inputs.joined(separator: ", ")): no event for the person '\(person)' (\(whole.people.count) people in the log; the identifier is compared byte for byte)")
        }
        var story = Explanation.person(person, events: events, asOf: date, parameters: parameters, notJudged: whole.notJudged)
        story.files = counts.map { ($0.file, $0.lines) }
        let text: String
        switch format {
        case "html": text = story.html(generator: "pathway \(Tool.version)")
        case "json": text = story.json(generator: "pathway \(Tool.version)")
        default: text = story.text()
        }
        if let output { try Files.writeAtomically(output, Array(text.utf8)) } else { console.out(text) }
        return story.findings.contains { $0.severity == .violation } ? .violations : .success
    }
}
