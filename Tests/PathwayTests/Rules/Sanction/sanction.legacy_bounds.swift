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
        // The former procedure followed (the team's opinion after the letter): only the bounds are at stake.
        s.add("team_opinion", "2025-05-25")
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

    @Test("the former regime's first decision is the person's first ever, across pathways, withdrawn ones aside", arguments: [
        // An earlier decision in another pathway: the 2025 one is a later decision (no 80 % cap);
        // that earlier decision withdrawn: the 2025 one is the first ever, capped at 80 %.
        (false, 0), (true, 1),
    ])
    func firstEver(_ withdrawEarlier: Bool, _ expected: Int) {
        var s = TestLog(person: "P1")
        s.add("right_opened", "2024-01-08", #""monthly_amount":646.52"#)
        s.add("failing_recorded", "2024-03-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2024-03-15", decision("suspension", 50, 1))
        if withdrawEarlier { s.add("sanction_withdrawn", "2024-04-01") }
        s.add("right_closed", "2024-06-28", #""reason":"resources""#)
        s.add("right_opened", "2024-10-07", #""monthly_amount":646.52"#)
        s.add("failing_recorded", "2025-02-03", #""failing":"obligation_breach""#)
        // 90 % for 2 months: too much for a first decision (80 %), allowed for a later one.
        s.add("sanction_decided", "2025-02-20", decision("suspension", 90, 2))
        #expect(s.findings(Rules.Sanction.LegacyBounds.id).count == expected)
    }
}
