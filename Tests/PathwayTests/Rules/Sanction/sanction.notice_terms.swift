import Testing
@testable import Pathway

/// `Sources/PathwayLaw/Rules/Sanction/sanction.notice_terms.swift`
@Suite("sanction.notice_terms")
struct SanctionNoticeTermsTests {
    static func findings(notice: String, decided terms: String, on day: String = "2025-07-20") -> [Finding] {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"control_refusal""#)
        s.add("sanction_notice", "2025-07-02", notice)
        s.add("team_opinion", "2025-07-15")
        s.add("sanction_decided", day, terms)
        return s.findings(Rules.Sanction.NoticeTerms.id)
    }

    @Test("each term compared with the notified one: the same or lighter is not reported, heavier is", arguments: [
        (#""measure":"suspension","percent":40,"months":2"#, decision("suspension", 40, 2), 0),
        (#""measure":"suspension","percent":40,"months":2"#, decision("suspension", 39, 1), 0),
        (#""measure":"suspension","percent":40,"months":2"#, decision("suspension", 41, 2), 1),
        (#""measure":"suspension","percent":40,"months":2"#, decision("suspension", 40, 3), 1),
        (#""measure":"suspension","percent":40,"months":2"#, decision("suppression", 40, 2), 1),
        (#""measure":"suppression","percent":100,"months":1"#, decision("suspension", 50, 1), 0),
        (#""measure":"suppression""#, decision("suppression", 100, 4), 0),
        (#""percent":30"#, decision("suppression", 30, 4), 0),
        ("", decision("suppression", 100, 4), 0),
    ])
    func terms(_ notice: String, _ decided: String, _ expected: Int) {
        let f = Self.findings(notice: notice.isEmpty ? #""reason":"-""# : notice, decided: decided)
        #expect(f.count == expected, "\(notice) / \(decided)")
        if expected == 1 {
            #expect(f.first?.severity == .warning && f.first?.event == "e9" && f.first?.due == nil)
        }
    }

    @Test("all heavier terms are named in one finding")
    func message() {
        let f = Self.findings(notice: #""measure":"suspension","percent":30,"months":1"#, decided: decision("suppression", 100, 2))
        #expect(f.count == 1)
        let m = f.first?.message ?? ""
        #expect(m.contains("une suppression, alors qu'une suspension était notifiée"))
        #expect(m.contains("un taux de 100 %, au-dessus des 30 % notifiés"))
        #expect(m.contains("une durée de 2 mois, au-delà des 1 mois notifiés"))
    }

    @Test("from 2025-06-01 only", arguments: [("2025-05-31", 0), ("2025-06-01", 1)])
    func inForce(_ day: String, _ expected: Int) {
        var s = engaged()
        s.add("failing_recorded", "2025-05-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-05-02", #""measure":"suspension","percent":30,"months":1"#)
        s.add("sanction_decided", day, decision("suspension", 50, 1))
        #expect(s.findings(Rules.Sanction.NoticeTerms.id).count == expected)
    }
}
