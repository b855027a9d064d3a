import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.legacy_bounds.swift`
@Suite("sanction.legacy_bounds")
struct SanctionLegacyBoundsTests {
    @Test("decisions on 2025-05-31 and 2025-06-01 fall under different regimes", arguments: [
        ("2025-05-31", 80, 3, [RuleID]()), ("2025-05-31", 81, 3, [Rules.Sanction.LegacyBounds.id]), ("2025-05-31", 50, 4, [Rules.Sanction.LegacyBounds.id]),
        ("2025-06-01", 80, 3, [Rules.Sanction.FirstFailing.id]), ("2025-06-01", 80, 2, []),
    ])
    func regimes(_ decided: String, _ percent: Int, _ months: Int, _ expected: [RuleID]) {
        var s = engaged()
        s.add("failing_recorded", "2025-05-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-05-15")
        s.add("sanction_decided", decided, decision("suspension", percent, months))
        #expect(rules(s.report()) == expected)
    }

    @Test("legacy: later decisions 1–4 months")
    func legacyLater() {
        var s = engaged()
        s.add("failing_recorded", "2025-02-10", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-02-20", decision("suspension", 50, 1))
        s.add("failing_recorded", "2025-04-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-04-10", decision("suspension", 100, 5))
        #expect(s.findings(Rules.Sanction.LegacyBounds.id).map(\.event) == ["e9"])
    }
}
