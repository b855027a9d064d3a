import Testing
@testable import Pathway

/// `Sources/PathwayLaw/Rules/Data/data.unknown_reference.swift`
@Suite("data.unknown_reference")
struct DataUnknownReferenceTests {
    static func log(_ lines: [(String, String, String)]) -> TestLog {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision())
        for (type, day, fields) in lines { s.add(type, day, fields) }
        return s
    }

    @Test("a reference to an event of the person and of the right type resolves; another person's, another type's or none does not",
          arguments: [(#""decision":"e8""#, 0), (#""decision":"e7""#, 1), (#""decision":"nope""#, 1), (#""decision":"P2-e1""#, 1)])
    func decisionReference(_ fields: String, _ expected: Int) {
        var s = Self.log([])
        var other = TestLog(person: "P2")
        other.add("right_opened", "2025-01-06")
        s.lines += other.lines
        s.add("appeal_filed", "2025-08-04", fields)
        let report = s.report(asOf: "2025-12-31")
        let f = report.findings.filter { $0.rule == Rules.Data.UnknownReference.id }
        #expect(f.count == expected, "\(fields)")
        #expect(report.person("P1")?.state.appeals.count == 1 - expected, "an unknown reference is not replayed")
        if expected == 1 { #expect(f.first?.severity == .warning && f.first?.event == "e10") }
    }

    @Test("an answer, a referral or an opinion naming no appeal of the person is reported and changes nothing")
    func appeal() {
        let report = Self.log([("appeal_decided", "2025-09-15", #""appeal":"e8","outcome":"granted""#),
                               ("appeal_referred", "2025-09-16", #""appeal":"x""#),
                               ("appeal_opinion", "2025-09-17", #""appeal":"x""#)]).report(asOf: "2025-12-31")
        #expect(report.findings.filter { $0.rule == Rules.Data.UnknownReference.id }.map(\.event) == ["e9", "e10", "e11"])
        #expect(report.person("P1")?.sanctions.first?.record.endedBy == nil, "granted on an unknown appeal withdraws nothing")
    }
}
