import Testing
@testable import Pathway

/// `Sources/PathwayLaw/Rules/Appeal/appeal.answer_deadline.swift`
@Suite("appeal.answer_deadline")
struct AppealAnswerDeadlineTests {
    /// A decision of 2025-07-20 appealed on 2025-08-04, then `more` lines.
    static func log(_ more: [(String, String, String)]) -> TestLog {
        var s = engaged()
        s.add("failing_recorded", "2025-07-01", #""failing":"obligation_breach""#)
        s.add("sanction_notice", "2025-07-02")
        s.add("sanction_decided", "2025-07-20", decision())
        s.add("appeal_filed", "2025-08-04", #""decision":"e8""#)
        for (type, day, fields) in more { s.add(type, day, fields) }
        return s
    }

    @Test("not referred: two months, answered on 2025-10-04 in time, 2025-10-05 late",
          arguments: [("2025-10-04", 0), ("2025-10-05", 1)])
    func twoMonths(_ answered: String, _ expected: Int) {
        let f = Self.log([("appeal_decided", answered, #""appeal":"e9","outcome":"rejected""#)])
            .findings(Rules.Appeal.AnswerDeadline.id, asOf: "2025-12-31")
        #expect(f.count == expected)
        if expected == 1 { #expect(f.first?.due == date("2025-10-04") && f.first?.done == date(answered) && f.first?.event == "e9") }
    }

    @Test("unanswered: pending until the last day, an implicit rejection after it", arguments: [("2025-10-04", 0), ("2025-10-05", 1)])
    func unanswered(_ asOf: String, _ expected: Int) {
        let f = Self.log([]).findings(Rules.Appeal.AnswerDeadline.id, asOf: asOf)
        #expect(f.count == expected)
        if expected == 1 {
            #expect(f.first?.done == nil && f.first?.message.contains("rejet implicite") == true)
            #expect(f.first?.severity == .warning)
        }
    }

    @Test("referred on 2025-08-10: the opinion deemed given 2025-09-10, the answer due 2025-10-10", arguments: [("2025-10-10", 0), ("2025-10-11", 1)])
    func deemedOpinion(_ answered: String, _ expected: Int) {
        let f = Self.log([("appeal_referred", "2025-08-10", #""appeal":"e9""#),
                          ("appeal_decided", answered, #""appeal":"e9","outcome":"rejected""#)])
            .findings(Rules.Appeal.AnswerDeadline.id, asOf: "2025-12-31")
        #expect(f.count == expected)
        if expected == 1 { #expect(f.first?.message.contains("avis réputé rendu le 2025-09-10") == true) }
    }

    @Test("an opinion given on 2025-08-25: the answer due 2025-09-25", arguments: [("2025-09-25", 0), ("2025-09-26", 1)])
    func opinion(_ answered: String, _ expected: Int) {
        let f = Self.log([("appeal_referred", "2025-08-10", #""appeal":"e9""#), ("appeal_opinion", "2025-08-25", #""appeal":"e9""#),
                          ("appeal_decided", answered, #""appeal":"e9","outcome":"rejected""#)])
            .findings(Rules.Appeal.AnswerDeadline.id, asOf: "2025-12-31")
        #expect(f.count == expected)
    }

    @Test("granted: the contested decision is withdrawn on the answer's day, everything withheld refunded")
    func granted() {
        let report = Self.log([("appeal_decided", "2025-09-15", #""appeal":"e9","outcome":"granted""#)]).report(asOf: "2025-12-31")
        let sanction = report.person("P1")?.sanctions.first
        #expect(sanction?.record.endedBy == .withdrawn && sanction?.record.endedOn == date("2025-09-15"))
        #expect(sanction?.amounts?.refunded == sanction?.amounts?.withheld)
        let rejected = Self.log([("appeal_decided", "2025-09-15", #""appeal":"e9","outcome":"rejected""#)]).report(asOf: "2025-12-31")
        #expect(rejected.person("P1")?.sanctions.first?.record.endedBy == nil)
    }
}
