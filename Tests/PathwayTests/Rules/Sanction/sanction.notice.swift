import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sanction/sanction.notice.swift`
@Suite("sanction.notice")
struct SanctionNoticeTests {
    @Test("decided on notice + 10 days is too early, + 11 in time", arguments: [(10, 1), (11, 0), (30, 0)])
    func tenDays(_ days: Int, _ expected: Int) {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", date("2025-07-02").adding(days: days).description, decision())
        let f = s.findings(Rules.Sanction.Notice.id)
        #expect(f.count == expected)
        if expected == 1 { #expect(f.first?.message.contains("courait jusqu'au 2025-07-12 inclus") == true) }
    }

    @Test("no notice is a violation, unless France Travail proposed the sanction")
    func noNotice() {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-07-20", decision())
        #expect(s.findings(Rules.Sanction.Notice.id).map(\.event) == ["e7"])
        var t = engaged()
        t.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        t.add("sanction_decided", "2025-07-20", decision(extra: #","proposed_by_france_travail":true"#))
        #expect(t.findings(Rules.Sanction.Notice.id).isEmpty)
    }

    @Test("a notice before the previous decision does not count for the next one")
    func previousNotice() {
        var s = engaged()
        _ = sanctioned(&s, failing: "2025-07-01", decided: "2025-07-20")
        s.add("failing_recorded", "2025-09-01", #""failing":"obligation_breach""#)
        s.add("sanction_decided", "2025-09-20", decision("suspension", 30, 2))
        #expect(s.findings(Rules.Sanction.Notice.id).map(\.event) == ["e10"])
    }

    @Test("before 2025-06-01 the ten-day rule does not apply", arguments: [("2025-05-31", 0), ("2025-06-01", 1)])
    func inForce(_ decided: String, _ expected: Int) {
        var s = engaged()
        s.add("failing_recorded", "2025-05-20", #""failing":"obligation_breach""#)
        s.add("sanction_decided", decided, decision())
        #expect(s.findings(Rules.Sanction.Notice.id).count == expected)
    }

    @Test("the France Travail exemption covers a suspension no heavier than the proposal, never a suppression", arguments: [
        // (measure, percent, months, proposal fields, notice expected)
        ("suspension", 30, 1, "", 0),
        ("suspension", 40, 2, #","proposed_percent":40,"proposed_months":2"#, 0),
        ("suspension", 41, 2, #","proposed_percent":40,"proposed_months":2"#, 1),
        ("suspension", 40, 3, #","proposed_percent":40,"proposed_months":2"#, 1),
        ("suspension", 30, 2, #","proposed_percent":40"#, 0),
        ("suspension", 30, 3, #","proposed_months":2"#, 1),
        ("suppression", 100, 1, #","proposed_percent":100,"proposed_months":1"#, 1),
    ])
    func franceTravailProposal(_ measure: String, _ percent: Int, _ months: Int, _ proposal: String, _ expected: Int) {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"control_refusal""#)
        s.add("team_opinion", "2025-07-10")
        s.add("sanction_decided", "2025-07-20", decision(measure, percent, months, extra: #","proposed_by_france_travail":true"# + proposal))
        let f = s.findings(Rules.Sanction.Notice.id)
        #expect(f.count == expected)
        if measure == "suppression" { #expect(f.first?.message.contains("une suppression demande la notification même sur proposition de France Travail") == true) }
        if expected == 1 && measure == "suspension" { #expect(f.first?.message.contains("plus lourde que la proposition de France Travail") == true) }
    }

    @Test("the ten days run from the day the person received the notification")
    func receipt() {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-04")
        s.add("sanction_decided", "2025-07-14", decision())
        #expect(s.findings(Rules.Sanction.Notice.id).first?.message.contains("10 jours après la réception de la notification le 2025-07-04") == true)
    }
}
