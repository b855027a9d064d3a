import PathwayLaw
import PathwayReport

/// One session of `pathway serve`: the events kept so far, and the answer to each request line
/// (`Docs/embedding.md`). Pure: the command reads the lines and writes the answers.
public struct ServeSession {
    public let parameters: Parameters
    public var store = EventStore()

    public init(parameters: Parameters) { self.parameters = parameters }

    /// A refused request: `error` in French for a person to read, `code` a stable word for programs.
    func fail(_ message: String, code: String) -> JSONValue {
        .object([("ok", .bool(false)), ("code", .string(code)), ("error", .string(message))])
    }

    /// The answer to one request line, with the request's `id` echoed when it has one.
    public mutating func answer(_ line: String) -> JSONValue {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(line)
        } catch {
            return fail("un objet JSON par ligne était attendu, par exemple {\"op\":\"state\",\"person\":\"P1\",\"as_of\":\"2025-06-30\"} : \(error)", code: "invalid_json")
        }
        guard case .object(let members) = parsed else {
            return fail("un objet JSON par ligne était attendu, par exemple {\"op\":\"state\",\"person\":\"P1\",\"as_of\":\"2025-06-30\"}", code: "not_object")
        }
        let answer = respond(members)
        guard let id = members.first(where: { $0.key == "id" })?.value, case .object(let fields) = answer else { return answer }
        return .object([("id", id)] + fields)
    }

    private mutating func respond(_ members: [(key: String, value: JSONValue)]) -> JSONValue {
        func member(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
        guard case .string(let op)? = member("op") else { return fail("« op » manque (event, check, state ou due)", code: "missing_op") }
        // Each operation's keys, and `op` and `id`: another key is an error that names it (a
        // misspelt option is never silently ignored).
        let allowed: [String: Set<String>] = ["event": ["event"], "check": ["event"], "state": ["person", "as_of"],
                                              "due": ["as_of", "within", "overdue"]]
        if let keys = allowed[op], let unknown = members.first(where: { $0.key != "op" && $0.key != "id" && !keys.contains($0.key) }) {
            return fail("« \(unknown.key) » : clé inconnue pour « \(op) » (attendues : \(keys.sorted().map { "« \($0) »" }.joined(separator: ", ")))", code: "unknown_key")
        }
        switch op {
        case "event", "check":
            guard let event = member("event"), case .object = event else { return fail("« event » : un objet événement du journal v1 était attendu", code: "not_event") }
            let text = event.serialized(pretty: false)
            if op == "event" {
                switch store.add(line: text) {
                case .success(.event(let e)):
                    return .object([("ok", .bool(true)), ("op", .string(op)), ("person", .string(e.person)), ("event", .string(e.id))])
                case .success(.duplicate(let id)):
                    return .object([("ok", .bool(true)), ("op", .string(op)), ("event", .string(id)), ("duplicate", .bool(true))])
                case .failure(let error):
                    return fail(error.reason(in: .french), code: error.code)
                }
            }
            let parsed = LogReader.read(text)
            guard let candidate = parsed.events.first else { return fail(parsed.rejected.first?.reason(in: .french) ?? "événement invalide", code: parsed.rejected.first?.code ?? "invalid_event") }
            // Replay the person's events up to the candidate's day, then preview it.
            var state = PersonState(person: candidate.person)
            let earlier = store.events(of: candidate.person).enumerated()
                .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            for e in earlier where e.date <= candidate.date { _ = state.apply(e, under: parameters) }
            let outcome = state.preview(candidate, under: parameters)
            return .object([
                ("ok", .bool(true)), ("op", .string(op)),
                ("findings", .array(outcome.findings.compactMap { try? JSONValue.parse($0.json) })),
                ("transition", outcome.transition.map { .object([("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue))]) } ?? .null),
            ])
        case "state":
            guard case .string(let person)? = member("person") else { return fail("« person » : une chaîne était attendue", code: "not_text") }
            guard case .string(let day)? = member("as_of"), let asOf = CivilDate(day) else {
                return fail("« as_of » : une date AAAA-MM-JJ était attendue (l'état est jugé ce jour-là ; jamais l'horloge)", code: "not_date")
            }
            let events = store.events(of: person)
            guard !events.isEmpty else {
                return fail("« person » : aucun événement de \(person) dans cette session (envoyez d'abord ses événements, ou chargez un journal avec --log)", code: "unknown_person")
            }
            let report = Replay.person(person, events: events.enumerated().map { var e = $0.element; e.line = $0.offset + 1; return e },
                                       asOf: asOf, parameters: parameters)
            return .object([
                ("ok", .bool(true)), ("op", .string(op)),
                ("person", (try? JSONValue.parse(report.json(asOf: asOf))) ?? .null),
                ("findings", .array(report.findings.compactMap { try? JSONValue.parse($0.json) })),
            ])
        case "due":
            guard case .string(let day)? = member("as_of"), let asOf = CivilDate(day) else {
                return fail("« as_of » : une date AAAA-MM-JJ était attendue", code: "not_date")
            }
            var within = 7
            if let value = member("within") {
                guard case .number(let n) = value, let days = Int(n), (0...3660).contains(days) else {
                    return fail("« within » : un nombre de jours de 0 à 3660 était attendu", code: "not_number")
                }
                within = days
            }
            var overdue = false
            if let value = member("overdue") {
                guard case .bool(let flag) = value else { return fail("« overdue » : true ou false était attendu", code: "not_boolean") }
                overdue = flag
            }
            let report = Replay.log(store.parsed, asOf: asOf, parameters: parameters)
            return .object([
                ("ok", .bool(true)), ("op", .string(op)),
                ("items", .array(report.agenda(within: within, overdue: overdue).map { item in
                    .object([("person", .string(item.person)), ("kind", .string(item.kind.rawValue)),
                             ("rule", item.rule.map { .string($0.rawValue) } ?? .null),
                             ("due", .string(item.due.description)), ("start", .string(item.start.description)),
                             ("event", .string(item.event))] + (overdue ? [("passed", .bool(item.passed))] : []))
                })),
            ])
        default:
            return fail("op inconnue « \(op) » (attendues : event, check, state ou due)", code: "unknown_op")
        }
    }
}
