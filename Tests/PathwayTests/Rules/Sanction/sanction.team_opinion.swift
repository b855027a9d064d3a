import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.team_opinion.swift`
@Suite("sanction.team_opinion")
struct SanctionTeamOpinionTests {
    @Test("a suppression needs the team's opinion on or before its day, after the previous decision", arguments: [
        ("2025-07-20", 0), ("2025-07-21", 1),
    ])
    func teamOpinion(_ opinion: String, _ expected: Int) {
        var s = engaged()
        s.add("team_opinion", opinion)
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        #expect(s.findings(Rules.Sanction.TeamOpinion.id).count == expected)
    }
}
