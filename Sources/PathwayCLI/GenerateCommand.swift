import Pathway

/// `pathway generate`: a synthetic log for benchmarks and demos.
enum GenerateCommand {
    static let spec = CommandSpec(
        "generate", arguments: "",
        description: """
        Writes a realistic synthetic event log (event log v1, NDJSON) of N events, about a hundred
        per person: rights opened, transferred, closed and reopened; registrations; orientations
        on time and late; re-orientations; diagnostics; contracts with legal reductions and a few
        unlawful hours; weekly activities; appointments; failings and sanctions of every kind; the
        stock opened before 2025. Interleaved in date order, as a département's export would be.
        The same N and seed always give the same bytes.

        With --caf-flow, a synthetic CAF/MSA flow instead (XML, windows-1252, accented names,
        every ETATDOSRSA, closures with their reasons, duties flags), for `pathway import caf`.
        """,
        options: [
            OptionSpec("--events", .integer(placeholder: "N", 0...2_000_000_000), help: "Number of events (lines) to write."),
            OptionSpec("--caf-flow", .integer(placeholder: "HOUSEHOLDS", 0...100_000_000), help: "Write a CAF/MSA flow of that many households instead of a log."),
            OptionSpec("--flow", .integer(placeholder: "K", 1...10_000), help: "With --caf-flow: the K-th flow of a weekly sequence (1, the default: the monthly flow; later ones move some households: rights opened and closed, duties changed)."),
            OptionSpec("--seed", .integer(placeholder: "S", 0...Int.max), help: "Seed of the generator (default 1)."),
            OptionSpec("--by-person", help: "The same lines grouped by person (each person's lines together, in their order), for `pathway replay --sorted`; written as they are made."),
            OptionSpec("--sources", help: "An imported log: only the events the built-in sources record (the CAF/MSA flows, the steering base, rdv-insertion), each with its \"source\"; the rules that need a registration or a diagnostic are then not judged."),
            CommonOptions.output("Write to FILE instead of standard output."),
        ])

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        if let word = given.positionals.first { throw UsageError(message: "argument inattendu « \(word) »", command: "generate") }
        let events = given.integer("--events")
        let seed = UInt64(given.integer("--seed") ?? 1)
        let output = given.value("--output")
        let byPerson = given.has("--by-person")
        let cafFlow = given.integer("--caf-flow")
        let flow = given.integer("--flow") ?? 1
        if let cafFlow {
            let generator = CAFFlowGenerator(households: cafFlow, seed: seed, flow: flow)
            try emit(to: output) { generator.write($0) }
            return .success
        }
        guard let events else { throw UsageError(message: "il manque --events N (ou --caf-flow FOYERS)", command: "generate") }
        let generator = LogGenerator(events: events, seed: seed, byPerson: byPerson, sources: given.has("--sources"))
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
            if failed { throw InputError(message: "\(output) : écriture impossible : \(Files.describeErrno())") }
        } else {
            write { bytes in _ = Files.write(bytes, fd: 1) }
        }
    }
}
