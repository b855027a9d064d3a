import Pathway

/// `pathway serve --stdio`: a JSON-lines protocol for software not written in Swift. One
/// request per line on standard input, one response per line on standard output
/// (Docs/embedding.md).
enum ServeCommand {
    static let spec = CommandSpec(
        "serve", arguments: "",
        description: """
        Reads requests, one JSON object per line, on standard input and answers each with one JSON
        object on one line on standard output, until the input ends:

          {"op":"event","event":{…}}                  keep an event (validated as in a log)
          {"op":"check","event":{…}}                  what would this event cause? (not kept)
          {"op":"state","person":"P1","as_of":"…"}    a person's state, deadlines and findings
          {"op":"due","as_of":"…","within":7}         the deadlines falling due in the window

        Every answer has "ok": true, or "ok": false with "error"; a request's "id", if any, is
        echoed in its answer. A person the session has no event of is an error, not a state.
        See Docs/embedding.md.
        """,
        options: [
            OptionSpec("--stdio", help: "Requests on standard input, answers on standard output (the only transport, required)."),
            CommonOptions.config,
            OptionSpec("--log", .text(placeholder: "FILE", expected: "an event log file"), help: "Preload an event log (its rejected lines are counted on standard error)."),
        ])

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        if let word = given.positionals.first { throw UsageError(message: "argument inattendu « \(word) »", command: "serve") }
        let stdio = given.has("--stdio")
        var parameters = Parameters.law
        if let config = given.value("--config") { parameters = try ReplayCommand.loadConfig(config, into: parameters) }
        let preload = given.value("--log")
        guard stdio else { throw UsageError(message: "--stdio est le seul transport : pathway serve --stdio", command: "serve") }
        var session = ServeSession(parameters: parameters)
        if let preload {
            let text = try Files.readText(preload)
            // Every line accounted for as replay does: events, duplicates, rejected, blank.
            var kept = 0, duplicates = 0, rejected = 0, blank = 0
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if text.hasSuffix("\n") { lines.removeLast() }
            for line in lines {
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { blank += 1; continue }
                switch session.store.add(line: String(line)) {
                case .success(.event): kept += 1
                case .success(.duplicate): duplicates += 1
                case .failure: rejected += 1
                }
            }
            func n(_ count: Int, _ word: String) -> String { "\(FrenchWords.integer(count)) \(word)\(count > 1 ? "s" : "")" }
            console.err("pathway serve : \(preload) : \(n(lines.count, "ligne")) : \(n(kept, "événement")), \(n(duplicates, "doublon")), "
                        + "\(n(rejected, "rejetée")), \(n(blank, "vide"))\n")
        }
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            console.out(session.answer(line).serialized(pretty: false) + "\n")
        }
        return .success
    }
}
