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
}
