import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.closure.swift`
@Suite("sanction.closure")
struct SanctionClosureTests {
    @Test("closure for sanction after a four-month total suppression ran to its term; earlier is a violation", arguments: [
        ("2025-11-19", 1), ("2025-11-20", 0),
    ])
    func closure(_ closed: String, _ expected: Int) {
        var s = engaged()
        s.add("team_opinion", "2025-07-15")
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        s.add("right_closed", closed, #""reason":"sanction""#)
        #expect(s.findings(Rules.Sanction.Closure.id).count == expected)
        #expect(s.report().person("P1")?.status == .closed)
    }

    @Test("closure for sanction without any suppression is a violation; another reason is not checked")
    func closureWithout() {
        var s = engaged()
        s.add("right_closed", "2025-09-01", #""reason":"sanction""#)
        #expect(s.findings(Rules.Sanction.Closure.id).first?.message.contains("aucune suppression") == true)
        var t = engaged()
        t.add("right_closed", "2025-09-01", #""reason":"employment""#)
        #expect(t.findings(Rules.Sanction.Closure.id).isEmpty)
    }
}
