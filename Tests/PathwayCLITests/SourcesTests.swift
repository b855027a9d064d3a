import Foundation
import Testing
@testable import Pathway

/// What is not judged is decided by the sources the events name and what each records, declared
/// (Docs/report.md, "Les règles non jugées, faute de données"): never by what the log happens to
/// hold.
@Suite("Sources and the rules not judged")
struct SourcesTests {
    /// Two people: P1 oriented before any registration, with a contract and no diagnostic; P2
    /// registered, oriented, diagnosed. `source(k)` names line k's source (nil: none).
    static func log(_ source: (Int) -> String?) -> String {
        let lines = [
            #"{"id":"a1","person":"P1","type":"right_opened","date":"2025-03-03"}"#,
            #"{"id":"a2","person":"P1","type":"orientation_decided","date":"2025-03-20","dominante":"emploi","organisme":"france_travail"}"#,
            #"{"id":"a3","person":"P1","type":"contract_signed","date":"2025-04-01","weekly_hours":15}"#,
            #"{"id":"b1","person":"P2","type":"right_opened","date":"2025-03-03"}"#,
            #"{"id":"b2","person":"P2","type":"registered","date":"2025-03-04"}"#,
            #"{"id":"b3","person":"P2","type":"orientation_decided","date":"2025-03-20","dominante":"social","organisme":"departement"}"#,
            #"{"id":"b4","person":"P2","type":"diagnostic_completed","date":"2025-03-25"}"#,
        ]
        return lines.enumerated().map { k, line in
            source(k).map { String(line.dropLast()) + #","source":"\#($0)"}"# } ?? line
        }.joined(separator: "\n") + "\n"
    }

    static let rules = [Rules.Sequence.OrientationBeforeRegistration.id, Rules.Sequence.ContractWithoutDiagnostic.id]

    static func judged(_ report: Report) -> (findings: [String], notJudged: [String]) {
        (report.findings.filter { rules.contains($0.rule) }.map { "\($0.rule) \($0.event ?? "")" }, report.notJudged.map(\.rule.rawValue))
    }

    @Test("no source: every rule judged, whatever the log holds")
    func native() {
        let report = Replay.log(LogReader.read(Self.log { _ in nil }))
        #expect(Self.judged(report).findings == ["sequence.orientation_before_registration a2", "sequence.contract_without_diagnostic a3"])
        #expect(report.notJudged.isEmpty)
    }

    @Test("every event from sources that record neither: both rules not judged, though the log holds both types")
    func sourcesWithout() {
        let report = Replay.log(LogReader.read(Self.log { $0 == 0 || $0 == 3 ? "caf" : "pilotage" }))
        #expect(Self.judged(report).findings.isEmpty)
        #expect(Self.judged(report).notJudged == ["sequence.contract_without_diagnostic", "sequence.orientation_before_registration"])
    }

    @Test("a single event without a source: the log is judged in full")
    func oneWithout() {
        let report = Replay.log(LogReader.read(Self.log { $0 == 6 ? nil : "pilotage" }))
        #expect(report.notJudged.isEmpty)
        #expect(Self.judged(report).findings.count == 2)
    }

    @Test("a custom source declaring what it records: judged for what it records, not for the rest")
    func custom() {
        let declared = SourceDeclarations.builtIn.declaring("si-insertion", records: [.registered, .orientationDecided])
        let report = Replay.log(LogReader.read(Self.log { _ in "si-insertion" }), sources: declared)
        #expect(Self.judged(report).findings == ["sequence.orientation_before_registration a2"])
        #expect(Self.judged(report).notJudged == ["sequence.contract_without_diagnostic"])
        #expect(report.notJudged.first?.reason == "la source du journal (si-insertion) n'enregistre aucun diagnostic : un contrat sans diagnostic ne peut pas être signalé")
    }

    @Test("an undeclared source: every rule judged, and the replay says so on standard error")
    func undeclared() throws {
        let path = try CLI.temporaryFile(Self.log { _ in "si-insertion" })
        let result = try CLI.run(["replay", path, "--format", "json"])
        #expect(result.stderr.contains("source non déclarée : si-insertion"))
        #expect(result.stdout.contains("\"not_judged\": []"))
        #expect(result.stdout.contains("sequence.contract_without_diagnostic"))
    }

    @Test("replay --mapping FILE declares a custom mapping's records; the whole replay and --sorted agree")
    func mappingOption() throws {
        let mapping = try CLI.temporaryFile(#"""
            {"source": "si-insertion", "person": {"matricule": "M", "role": "R"},
             "records": ["registered", "orientation_decided"],
             "events": [{"type": "orientation_decided", "date": "D", "fields": {"dominante": {"value": "emploi"}, "organisme": {"value": "departement"}}}]}
            """#, suffix: ".json")
        let path = try CLI.temporaryFile(Self.log { _ in "si-insertion" })
        let whole = try CLI.run(["replay", path, "--format", "json", "--mapping", mapping, "--as-of", "2025-06-30"])
        #expect(whole.stderr.isEmpty)
        #expect(whole.stdout.contains("la source du journal (si-insertion) n'enregistre aucun diagnostic"))
        let report = try JSONValue.parse(whole.stdout)
        guard case .object(let top) = report, case .array(let findings)? = top.first(where: { $0.key == "findings" })?.value else {
            Issue.record("no findings"); return
        }
        let rules = findings.compactMap { f -> String? in
            guard case .object(let m) = f, case .string(let rule)? = m.first(where: { $0.key == "rule" })?.value else { return nil }
            return rule
        }
        #expect(!rules.contains("sequence.contract_without_diagnostic"))
        #expect(rules.contains("sequence.orientation_before_registration"))
        let sorted = try CLI.run(["replay", path, "--format", "json", "--mapping", mapping, "--as-of", "2025-06-30", "--sorted"])
        #expect(sorted.stdout == whole.stdout)
        let bad = try CLI.temporaryFile(#"{"source": "x", "person": {"matricule": "M", "role": "R"}, "records": "registered", "events": [{"type": "registered", "date": "D"}]}"#, suffix: ".json")
        let refused = try CLI.run(["replay", path, "--mapping", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("« records » doit être une liste de types d'événements"))
    }

    @Test("the tally: every line read as an event counted, by source, whatever the threads")
    func tally() throws {
        let text = String(repeating: Self.log { $0 % 2 == 0 ? "caf" : nil }, count: 1)
        let one = LogReader.read(text).sources
        #expect(one.withoutSource == 3 && one.sorted.map(\.count) == [4])
        let big = (0..<3000).map { k in #"{"id":"x\#(k)","person":"P\#(k % 7)","type":"registered","date":"2025-03-03"\#(k % 3 == 0 ? "" : #","source":"s\#(k % 3)""#)}"# }
            .joined(separator: "\n") + "\n"
        let parallel = Array(big.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: 4, minimumPiece: 1024) }.sources
        #expect(parallel.withoutSource == 1000)
        #expect(parallel.sorted.map { "\($0.name) \($0.count)" } == ["s1 1000", "s2 1000"])
    }
}
