import Pathway

/// `pathway due`: the agenda of deadlines for a caseworker's week.
enum DueCommand {
    static let usage = """
    Usage: pathway due <events.ndjson | -> --as-of YYYY-MM-DD [--within DAYS] [--overdue]
                       [--format text|json|csv] [--config FILE]

    Lists, per person, the deadlines falling due from the date given to DAYS days later
    (default 7): orientation, contract, social review, the stock's contract, and the end of a
    suspension running; soonest first. The date is never the machine's clock.

    Options:
      --as-of YYYY-MM-DD   The agenda's first day (required).
      --within DAYS        How many days ahead (default 7).
      --overdue            Also list the deadlines already passed and still open.
      --format FORMAT      text (default, French), json or csv.
      --config FILE        Local parameters, as for replay.
      -h, --help           Show this help.
    """

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        var reader = ArgumentReader(arguments, command: "due")
        var input: String?
        var asOf: CivilDate?
        var within = 7
        var overdue = false
        var format = "text"
        var parameters = Parameters.law
        while let token = reader.next() {
            switch token {
            case .positional(let path):
                guard input == nil else { throw UsageError(message: "one events file only", command: "due") }
                input = path
            case .option(let name, let inline):
                switch name {
                case "-h", "--help":
                    console.out(usage + "\n")
                    return .success
                case "--as-of":
                    asOf = try reader.date(for: name, inline: inline)
                case "--within":
                    let text = try reader.value(for: name, inline: inline, expected: "a number of days")
                    guard let days = Int(text), (0...3660).contains(days) else {
                        throw UsageError(message: "--within: expected a number of days from 0 to 3660, got '\(text)'", command: "due")
                    }
                    within = days
                case "--overdue":
                    overdue = true
                case "--format":
                    format = try reader.choice(for: name, inline: inline, among: ["text", "json", "csv"])
                case "--config":
                    parameters = try ReplayCommand.loadConfig(try reader.value(for: name, inline: inline, expected: "a JSON file path"), into: parameters)
                default:
                    throw UsageError(message: "unknown option '\(name)'\(Tool.suggest(name, among: ["--as-of", "--within", "--overdue", "--format", "--config", "--help"]))", command: "due")
                }
            }
        }
        guard let input else { throw UsageError(message: "missing the events file (a path, or - for standard input)", command: "due") }
        guard let asOf else { throw UsageError(message: "missing --as-of YYYY-MM-DD (the agenda's first day; never the machine's clock)", command: "due") }
        let jobs = Cores.available
        let log = try Files.withContents(of: input) { LogReader.read($0, jobs: jobs) }
        let report = Replay.log(log, asOf: asOf, parameters: parameters, jobs: jobs)
        let items = report.agenda(within: within, overdue: overdue)
        let until = asOf.adding(days: within)
        switch format {
        case "json":
            let value = JSONValue.object([
                ("as_of", .string(asOf.description)),
                ("within_days", .number(String(within))),
                ("until", .string(until.description)),
                ("items", .array(items.map { item in
                    .object([
                        ("person", .string(item.person)),
                        ("kind", .string(item.kind.rawValue)),
                        ("rule", item.rule.map { .string($0.rawValue) } ?? .null),
                        ("due", .string(item.due.description)),
                        ("start", .string(item.start.description)),
                        ("event", .string(item.event)),
                        ("passed", .bool(item.passed)),
                    ])
                })),
            ])
            console.out(value.serialized() + "\n")
        case "csv":
            var out = "due,person,kind,rule,start,event,passed\r\n"
            for item in items {
                out += [item.due.description, item.person, item.kind.rawValue, item.rule?.rawValue ?? "", item.start.description,
                        item.event, item.passed ? "true" : "false"].map(Report.csvField).joined(separator: ",") + "\r\n"
            }
            console.out(out)
        default:
            var out = "ÉCHÉANCES DU \(asOf) AU \(until) (\(within) jour\(within > 1 ? "s" : "")) — "
            let people = Set(items.map(\.person)).count
            out += "\(items.count) échéance\(items.count > 1 ? "s" : ""), \(people) personne\(people > 1 ? "s" : "")\n"
            if items.isEmpty { out += "  Aucune échéance.\n" }
            for item in items {
                out += "  \(item.due)  \(item.person)  \(item.passed ? "[dépassé] " : "")\(item.rule?.rawValue ?? "suspension")  \(item.label)\n"
            }
            console.out(out)
        }
        return .success
    }
}
