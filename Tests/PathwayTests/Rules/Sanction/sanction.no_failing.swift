import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.no_failing.swift`
@Suite("sanction.no_failing")
struct SanctionNoFailingTests {
    @Test("no failing, or only failings with a legitimate reason: violation")
    func noFailing() {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach","legitimate_reason":true"#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision())
        #expect(rules(s.report()) == [Rules.Sanction.NoFailing.id])
        #expect(s.report().person("P1")?.sanctions.first?.record.basis == SanctionBasis.none)
    }

    @Test("a failing already sanctioned does not ground a second decision")
    func alreadySanctioned() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 30, 2))
        s.add("sanction_notice", "2025-08-01")
        s.add("sanction_decided", "2025-08-20", decision())
        #expect(rules(s.report()) == [Rules.Sanction.NoFailing.id])
    }

    @Test("a decision with no basis gets sanction.no_failing only, not the bounds of a first failing or a repetition")
    func only() {
        var s = engaged()
        s.add("sanction_notice", "2025-07-01")
        s.add("sanction_decided", "2025-07-20", decision("suppression", 100, 6))
        s.add("team_opinion", "2025-07-15")
        let found = Set(s.report().findings.map(\.rule))
        #expect(found.contains(Rules.Sanction.NoFailing.id))
        #expect(!found.contains(Rules.Sanction.FirstFailing.id))
        #expect(!found.contains(Rules.Sanction.RepeatBounds.id))
    }
}
