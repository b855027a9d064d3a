import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.first_failing.swift`
@Suite("sanction.first_failing")
struct SanctionFirstFailingTests {
    @Test("30 % is allowed, 29 % is not", arguments: [(30, 0), (29, 1), (100, 0)])
    func percent(_ percent: Int, _ expected: Int) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", percent, 1))
        #expect(s.findings(Rules.Sanction.FirstFailing.id).count == expected)
    }

    @Test("one and two months for a first failing, not three", arguments: [(1, 0), (2, 0), (3, 1)])
    func months(_ months: Int, _ expected: Int) {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suspension", 50, months))
        let f = s.findings(Rules.Sanction.FirstFailing.id)
        #expect(f.count == expected)
        if expected == 1 {
            #expect(f.first?.message.contains("une durée de 3 mois, hors de 1 à 2 mois") == true)
            #expect(f.first?.message.contains("manquement « obligations du contrat non respectées » constaté le 2025-07-01 (événement e6)") == true)
        }
    }

    @Test("a first failing is not sanctioned by suppression; a refusal of controls may be")
    func suppression() {
        var s = engaged()
        s.add("team_opinion", "2025-07-15")
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 1))
        #expect(rules(s.report()) == [Rules.Sanction.FirstFailing.id])
        var t = engaged()
        t.add("team_opinion", "2025-07-15")
        _ = sanctioned(&t, failing: "2025-07-01", decided: "2025-07-20", decision("suppression", 100, 4), kind: "control_refusal")
        let report = t.report()
        #expect(rules(report).isEmpty)
        #expect(report.person("P1")?.sanctions.first?.record.basis == .controlRefusal)
        #expect(report.person("P1")?.status == .suppressed)
    }
}
