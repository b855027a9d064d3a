import Pathway

/// `pathway generate`: a synthetic log for benchmarks and demos.
enum GenerateCommand {
    static let usage = """
    Usage: pathway generate --events N [--seed S] [--by-person] [--output FILE]
           pathway generate --caf-flow HOUSEHOLDS [--seed S] [--flow K] [--output FILE]

    Writes a realistic synthetic event log (event log v1, NDJSON) of N events, about a hundred
    per person: rights opened, transferred, closed and reopened; registrations; orientations
    on time and late; re-orientations; diagnostics; contracts with legal reductions and a few
    unlawful hours; weekly activities; appointments; failings and sanctions of every kind; the
    stock opened before 2025. Interleaved in date order, as a département's export would be.
    The same N and seed always give the same bytes.

    --caf-flow writes a synthetic CAF/MSA flow instead (XML, windows-1252, accented names,
    every ETATDOSRSA, closures with their reasons, duties flags), for `pathway import caf`:
    --flow K is the K-th flow of a weekly sequence (1: the monthly flow; later ones move some
    households: rights opened and closed, duties changed).

    Options:
      --events N      Number of events (lines) to write.
      --seed S        Seed of the generator (default 1).
      --by-person     The same lines grouped by person (each person's lines together, in
                      their order), for `pathway replay --sorted`; written as they are made.
      --output FILE   Write to FILE instead of standard output.
      -h, --help      Show this help.
    """

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        var reader = ArgumentReader(arguments, command: "generate")
        var events: Int?
        var seed: UInt64 = 1
        var output: String?
        var byPerson = false
        var cafFlow: Int?
        var flow = 1
        while let token = reader.next() {
            switch token {
            case .positional(let word):
                throw UsageError(message: "unexpected argument '\(word)'", command: "generate")
            case .option(let name, let inline):
                switch name {
                case "-h", "--help":
                    console.out(usage + "\n")
                    return .success
                case "--events":
                    let text = try reader.value(for: name, inline: inline, expected: "a number of events")
                    guard let n = Int(text), n >= 0, n <= 2_000_000_000 else {
                        throw UsageError(message: "--events: expected a whole number from 0 to 2000000000, got '\(text)'", command: "generate")
                    }
                    events = n
                case "--seed":
                    let text = try reader.value(for: name, inline: inline, expected: "a whole number")
                    guard let s = UInt64(text) else {
                        throw UsageError(message: "--seed: expected a whole number, got '\(text)'", command: "generate")
                    }
                    seed = s
                case "--output", "-o":
                    output = try reader.value(for: name, inline: inline, expected: "a file path")
                case "--caf-flow":
                    let text = try reader.value(for: name, inline: inline, expected: "a number of households")
                    guard let n = Int(text), n >= 0, n <= 100_000_000 else {
                        throw UsageError(message: "--caf-flow: expected a whole number of households, got '\(text)'", command: "generate")
                    }
                    cafFlow = n
                case "--flow":
                    let text = try reader.value(for: name, inline: inline, expected: "a flow number")
                    guard let n = Int(text), n >= 1, n <= 10_000 else {
                        throw UsageError(message: "--flow: expected a whole number from 1, got '\(text)'", command: "generate")
                    }
                    flow = n
                case "--by-person":
                    guard inline == nil else { throw UsageError(message: "--by-person takes no value", command: "generate") }
                    byPerson = true
                default:
                    throw UsageError(message: "unknown option '\(name)'\(Tool.suggest(name, among: ["--events", "--caf-flow", "--flow", "--seed", "--by-person", "--output", "--help"]))", command: "generate")
                }
            }
        }
        if let cafFlow {
            let generator = CAFFlowGenerator(households: cafFlow, seed: seed, flow: flow)
            try emit(to: output) { generator.write($0) }
            return .success
        }
        guard let events else { throw UsageError(message: "missing --events N (or --caf-flow HOUSEHOLDS)", command: "generate") }
        let generator = LogGenerator(events: events, seed: seed, byPerson: byPerson)
        try emit(to: output) { generator.write(to: $0) }
        return .success
    }

    /// Writes what `write` hands over to `output`, or to standard output.
    private static func emit(to output: String?, _ write: (([UInt8]) -> Void) -> Void) throws {
        if let output {
            let file = try OutputFile(path: output)
            defer { file.close() }
            var failed = false
            write { bytes in if !failed && !file.write(bytes) { failed = true } }
            if !failed && !file.finish() { failed = true }
            if failed { throw InputError(message: "\(output): cannot write: \(Files.describeErrno())") }
        } else {
            write { bytes in _ = Files.write(bytes, fd: 1) }
        }
    }
}
