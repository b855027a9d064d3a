import Testing
@testable import Pathway

/// review.deadline: a social orientation is re-examined within six months (twelve extended).
@Suite("review.deadline")
struct ReviewDeadlineTests {
    private func social(_ decided: String = "2025-03-15", extended: Bool = false) -> TestLog {
        var s = TestLog.entrant(opened: "2025-02-03")
        s.add("orientation_decided", decided, #""dominante":"social","organisme":"departement""# + (extended ? #","extended_review":true"# : ""))
        return s
    }

    @Test("six months from the decision: the last day is on time, the day after late", arguments: [
        ("2025-09-14", false), ("2025-09-15", false), ("2025-09-16", true),
    ])
    func boundary(_ reviewed: String, _ late: Bool) {
        var s = social()
        s.add("situation_reviewed", reviewed)
        let findings = s.findings(Rules.Review.Deadline.id)
        #expect(findings.count == (late ? 1 : 0))
        if late {
            #expect(findings.first?.due == date("2025-09-15"))
            #expect(findings.first?.done == date(reviewed))
        }
    }

    @Test("twelve months with extended_review", arguments: [("2026-03-15", 0), ("2026-03-16", 1)])
    func extended(_ reviewed: String, _ expected: Int) {
        var s = social(extended: true)
        s.add("situation_reviewed", reviewed)
        #expect(s.findings(Rules.Review.Deadline.id).count == expected)
    }

    @Test("no review: pending on the last day, missing the day after")
    func missing() {
        #expect(social().findings(Rules.Review.Deadline.id, asOf: "2025-09-15").isEmpty)
        let f = social().findings(Rules.Review.Deadline.id, asOf: "2025-09-16")
        #expect(f.first?.due == date("2025-09-15"))
        #expect(f.first?.done == nil)
    }

    @Test("re-oriented or closed on or before the last day: no finding; after it: reported", arguments: [
        ("orientation_decided", "2025-09-15", 0), ("orientation_decided", "2025-09-16", 1),
        ("right_closed", "2025-09-15", 0), ("right_closed", "2025-09-16", 1),
    ])
    func interrupted(_ type: String, _ on: String, _ expected: Int) {
        var s = social()
        s.add(type, on, type == "right_closed" ? #""reason":"other""# : #""dominante":"socio_pro","organisme":"departement""#)
        #expect(s.findings(Rules.Review.Deadline.id, asOf: "2026-06-30").count == expected)
    }

    @Test("only social orientations are reviewed; review_months can be overridden")
    func onlySocial() throws {
        var s = TestLog.entrant(opened: "2025-02-03")
        s.add("orientation_decided", "2025-03-15", #""dominante":"socio_pro","organisme":"departement""#)
        #expect(s.findings(Rules.Review.Deadline.id, asOf: "2026-06-30").isEmpty)
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"review_months": 3}"#))
        #expect(social().findings(Rules.Review.Deadline.id, asOf: "2025-06-16", parameters: parameters).first?.due == date("2025-06-15"))
    }
}
