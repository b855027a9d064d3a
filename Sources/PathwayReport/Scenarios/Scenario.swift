import PathwayMachinery
import PathwayLaw
/// An executable example: a small log and what the engine must find in it, written by
/// people who do not code, in a fenced block of a Markdown page (`Docs/scenarios.md`):
///
/// ````
/// ```scenario
/// title: Orientation au 43e jour : en retard
/// as_of: 2025-06-30
/// log:
/// {"id":"e1","person":"P1","type":"right_opened","date":"2025-03-03"}
/// {"id":"e2","person":"P1","type":"orientation_decided","date":"2025-04-15","dominante":"emploi","organisme":"france_travail"}
/// expect:
/// finding: orientation.deadline P1 due 2025-04-14 done 2025-04-15 event e2
/// finding: sequence.orientation_before_registration P1 event e2
/// state: P1 awaiting_contract
/// ```
/// ````
///
/// The `finding:` lines are *all* the findings expected: one more or one fewer is a
/// difference. `state:`, `deadline:` and `sanction:` lines check the people they name
/// (`sanction: P1 e8 withheld 387.92 refunded 387.92 lost 0.00`).
public struct Scenario: Sendable {
    public var title: String
    /// Where the block is: the file and the 1-based line of its opening fence.
    public var source: String
    public var line: Int
    public var asOf: CivilDate?
    public var config: JSONValue?
    public var log: String
    public var expectations: [Expectation]

    public enum Expectation: Sendable, Equatable {
        case finding(FindingPattern)
        case state(person: String, PathwayStatus)
        case deadline(person: String, rule: RuleID, due: CivilDate)
        /// The amounts of a decision, in euros (`387.92`) or `null`.
        case sanction(person: String, event: String, withheld: String, refunded: String, lost: String)
    }

    /// A finding as a scenario describes it; the fields not given are not checked.
    public struct FindingPattern: Sendable, Equatable, CustomStringConvertible {
        public var rule: RuleID
        public var person: String
        public var due: CivilDate?
        /// `.some(nil)`: `done null` (the step is missing).
        public var done: CivilDate??
        public var event: String?

        public var description: String {
            var text = "\(rule) \(person)"
            if let due { text += " due \(due)" }
            if let done { text += " done \(done?.description ?? "null")" }
            if let event { text += " event \(event)" }
            return text
        }

        package func matches(_ f: Finding) -> Bool {
            f.rule == rule && f.person == person && (due == nil || f.due == due)
                && (done == nil || f.done == done ?? nil) && (event == nil || f.event == event)
        }
    }
}

/// Why a scenario file cannot be read.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public var message: String
    public var description: String { "\(source):\(line): \(message)" }

    package init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }
}

extension Scenario {
    /// The scenarios of a Markdown text: every fenced block whose info string is `scenario`.
    public static func parse(markdown: String, source: String) throws(ScenarioError) -> [Scenario] {
        var scenarios: [Scenario] = []
        var block: [String]?
        var blockLine = 0
        for (index, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if var open = block {
                if line.trimmingSpaces == "```" {
                    scenarios.append(try parseBlock(open, source: source, line: blockLine))
                    block = nil
                } else {
                    open.append(line)
                    block = open
                }
            } else if line.trimmingSpaces == "```scenario" {
                block = []
                blockLine = index + 1
            }
        }
        if block != nil { throw ScenarioError(source: source, line: blockLine, message: "bloc scenario non fermé (```)") }
        return scenarios
    }

    private static func parseBlock(_ lines: [String], source: String, line start: Int) throws(ScenarioError) -> Scenario {
        var scenario = Scenario(title: "", source: source, line: start, asOf: nil, config: nil, log: "", expectations: [])
        enum Section { case header, log, expect }
        var section = Section.header
        var logLines: [String] = []
        for (offset, line) in lines.enumerated() {
            let number = start + offset + 1
            func fail(_ message: String) -> ScenarioError { ScenarioError(source: source, line: number, message: message) }
            let trimmed = line.trimmingSpaces
            if trimmed == "log:" { section = .log; continue }
            if trimmed == "expect:" { section = .expect; continue }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            switch section {
            case .log:
                logLines.append(line)
            case .header:
                guard let (key, value) = trimmed.keyValue else { throw fail("attendu « clé: valeur » (title, as_of, config) ou « log: »") }
                switch key {
                case "title": scenario.title = value
                case "as_of":
                    guard let date = CivilDate(value) else { throw fail("as_of : date AAAA-MM-JJ attendue, reçu « \(value) »") }
                    scenario.asOf = date
                case "config":
                    do { scenario.config = try JSONValue.parse(value) } catch { throw fail("config : JSON invalide (\(error))") }
                default: throw fail("clé inconnue « \(key) » (title, as_of, config)")
                }
            case .expect:
                scenario.expectations.append(try parseExpectation(trimmed, fail: fail))
            }
        }
        guard !logLines.isEmpty else { throw ScenarioError(source: source, line: start, message: "scénario sans journal (log:)") }
        scenario.log = logLines.joined(separator: "\n") + "\n"
        return scenario
    }

    private static func parseExpectation(_ line: String, fail: (String) -> ScenarioError) throws(ScenarioError) -> Expectation {
        guard let (key, value) = line.keyValue else { throw fail("attendu « finding: », « state: », « deadline: » ou « sanction: »") }
        let words = value.split(separator: " ").map(String.init)
        switch key {
        case "finding":
            guard words.count >= 2, words.count % 2 == 0 else {
                throw fail("finding: <règle> <personne> [due AAAA-MM-JJ] [done AAAA-MM-JJ|null] [event <id>]")
            }
            let rule = RuleID(rawValue: words[0])
            guard RuleRegistry.rule(rule) != nil else { throw fail("règle inconnue « \(words[0]) »") }
            var pattern = FindingPattern(rule: rule, person: words[1], due: nil, done: nil, event: nil)
            var i = 2
            while i < words.count {
                let (name, text) = (words[i], words[i + 1])
                switch name {
                case "due":
                    guard let d = CivilDate(text) else { throw fail("due : date AAAA-MM-JJ attendue, reçu « \(text) »") }
                    pattern.due = d
                case "done":
                    if text == "null" { pattern.done = .some(nil) } else {
                        guard let d = CivilDate(text) else { throw fail("done : date AAAA-MM-JJ ou null attendu, reçu « \(text) »") }
                        pattern.done = .some(d)
                    }
                case "event": pattern.event = text
                default: throw fail("champ inconnu « \(name) » (due, done, event)")
                }
                i += 2
            }
            return .finding(pattern)
        case "state":
            guard words.count == 2, let status = PathwayStatus(rawValue: words[1]) else {
                throw fail("state: <personne> <état> (\(PathwayStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .state(person: words[0], status)
        case "deadline":
            guard words.count == 4, words[2] == "due", let due = CivilDate(words[3]) else {
                throw fail("deadline: <personne> <règle> due AAAA-MM-JJ")
            }
            return .deadline(person: words[0], rule: RuleID(rawValue: words[1]), due: due)
        case "sanction":
            guard words.count == 8, words[2] == "withheld", words[4] == "refunded", words[6] == "lost" else {
                throw fail("sanction: <personne> <décision> withheld <euros|null> refunded <euros|null> lost <euros|null>")
            }
            return .sanction(person: words[0], event: words[1], withheld: words[3], refunded: words[5], lost: words[7])
        default:
            throw fail("attente inconnue « \(key) » (finding, state, deadline, sanction)")
        }
    }
}

/// The outcome of running a scenario.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    /// What differed, in French; empty when the engine agrees.
    public var differences: [String]
    public var passed: Bool { differences.isEmpty }
}

extension Scenario {
    /// Replays the log and compares with the expectations.
    public func run(parameters base: Parameters = .law) -> ScenarioResult {
        var parameters = base
        if let config {
            do { parameters = try base.applying(config) } catch {
                return ScenarioResult(scenario: self, differences: ["configuration invalide : \(error)"])
            }
        }
        let log = LogReader.read(self.log)
        var differences = log.rejected.map { "ligne du journal rejetée : \($0)" }
        let report = Replay.log(log, asOf: asOf, parameters: parameters)
        var unmatched = report.findings
        var missing: [FindingPattern] = []
        for case .finding(let pattern) in expectations {
            if let index = unmatched.firstIndex(where: pattern.matches) {
                unmatched.remove(at: index)
            } else {
                missing.append(pattern)
            }
        }
        for pattern in missing {
            if let index = unmatched.firstIndex(where: { $0.rule == pattern.rule && $0.person == pattern.person }) {
                let actual = unmatched.remove(at: index)
                var parts: [String] = []
                if let due = pattern.due, actual.due != due {
                    parts.append("échéance attendue \(due), obtenue \(actual.due?.description ?? "aucune")")
                }
                if let done = pattern.done, actual.done != done {
                    parts.append("réalisation attendue \(done?.description ?? "null"), obtenue \(actual.done?.description ?? "null")")
                }
                if let event = pattern.event, actual.event != event {
                    parts.append("événement attendu \(event), obtenu \(actual.event ?? "aucun")")
                }
                differences.append("\(pattern.person) \(pattern.rule) : " + parts.joined(separator: " ; "))
            } else {
                differences.append("\(pattern.person) \(pattern.rule) : constat attendu absent (\(pattern))")
            }
        }
        for finding in unmatched {
            var text = "\(finding.person) \(finding.rule) : constat inattendu"
            if let due = finding.due { text += " (échéance \(due), réalisation \(finding.done?.description ?? "null"))" }
            if let event = finding.event { text += " sur l'événement \(event)" }
            differences.append(text)
        }
        for expectation in expectations {
            switch expectation {
            case .finding: break
            case .state(let person, let status):
                let actual = report.people.first { $0.person == person }?.status
                if actual != status {
                    differences.append("\(person) : état attendu \(status.rawValue), obtenu \(actual?.rawValue ?? "personne absente")")
                }
            case .sanction(let person, let event, let withheld, let refunded, let lost):
                guard let sanction = report.people.first(where: { $0.person == person })?.sanctions.first(where: { $0.record.event == event }) else {
                    differences.append("\(person) : décision \(event) absente")
                    continue
                }
                let actual = [sanction.amounts?.withheld, sanction.amounts?.refunded, sanction.amounts?.lost].map { $0?.description ?? "null" }
                if actual != [withheld, refunded, lost] {
                    differences.append("\(person) décision \(event) : montants attendus retenu \(withheld), reversé \(refunded), perdu \(lost) ; "
                                       + "obtenus retenu \(actual[0]), reversé \(actual[1]), perdu \(actual[2])")
                }
            case .deadline(let person, let rule, let due):
                let running = report.people.first { $0.person == person }?.deadlines.filter { $0.rule == rule } ?? []
                if !running.contains(where: { $0.due == due }) {
                    differences.append("\(person) \(rule) : délai en cours attendu jusqu'au \(due), obtenu "
                                       + (running.isEmpty ? "aucun" : running.map(\.due.description).joined(separator: ", ")))
                }
            }
        }
        return ScenarioResult(scenario: self, differences: differences)
    }
}

extension String {
    /// `key: value` split at the first colon.
    package var keyValue: (String, String)? {
        guard let colon = firstIndex(of: ":") else { return nil }
        return (String(self[..<colon]).trimmingSpaces, String(self[index(after: colon)...]).trimmingSpaces)
    }
}
