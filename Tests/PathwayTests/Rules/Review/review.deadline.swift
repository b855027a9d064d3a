import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Review/review.deadline.swift`: under a social orientation, a review
/// within six months (twelve extended) of each signature or revision of the contract.
@Suite("review.deadline")
struct ReviewDeadlineTests {
    /// Oriented to the social dominante on 2025-03-15, contract signed on `signed`.
    private func social(signed: String = "2025-03-20", extended: Bool = false) -> TestLog {
        var s = TestLog.entrant(opened: "2025-02-03")
        s.add("orientation_decided", "2025-03-15", #""dominante":"social","organisme":"departement""# + (extended ? #","extended_review":true"# : ""))
        s.add("diagnostic_completed", "2025-03-16")
        s.add("contract_signed", signed, #""weekly_hours":15"#)
        return s
    }

    @Test("six months from the contract: the last day is on time, the day after late", arguments: [
        ("2025-09-19", false), ("2025-09-20", false), ("2025-09-21", true),
    ])
    func boundary(_ reviewed: String, _ late: Bool) {
        var s = social()
        s.add("situation_reviewed", reviewed)
        let findings = s.findings(Rules.Review.DeadlineRule.id)
        #expect(findings.count == (late ? 1 : 0))
        if late {
            #expect(findings.first?.due == date("2025-09-20"))
            #expect(findings.first?.done == date(reviewed))
            #expect(findings.first?.message.contains("la signature ou la révision du contrat d'engagement du 2025-03-20") == true)
        }
    }

    @Test("the orientation alone starts no review: no contract, no clock")
    func orientationAlone() {
        var s = TestLog.entrant(opened: "2025-02-03")
        s.add("orientation_decided", "2025-03-15", #""dominante":"social","organisme":"departement""#)
        #expect(s.findings(Rules.Review.DeadlineRule.id, asOf: "2026-06-30").isEmpty)
    }

    @Test("twelve months with extended_review", arguments: [("2026-03-19", 0), ("2026-03-20", 0), ("2026-03-21", 1)])
    func extended(_ reviewed: String, _ expected: Int) {
        var s = social(extended: true)
        s.add("situation_reviewed", reviewed)
        #expect(s.findings(Rules.Review.DeadlineRule.id).count == expected)
    }

    @Test("no review: pending on the last day, missing the day after")
    func missing() {
        #expect(social().findings(Rules.Review.DeadlineRule.id, asOf: "2025-09-20").isEmpty)
        let f = social().findings(Rules.Review.DeadlineRule.id, asOf: "2025-09-21")
        #expect(f.first?.due == date("2025-09-20"))
        #expect(f.first?.done == nil)
    }

    @Test("each revision restarts the six months; a revision after the last day leaves the missed one reported", arguments: [
        ("2025-09-20", 0, "2026-03-20"), ("2025-09-21", 1, "2026-03-21"),
    ])
    func restart(_ updated: String, _ missed: Int, _ due: String) {
        var s = social()
        s.add("contract_updated", updated, #""weekly_hours":15"#)
        #expect(s.findings(Rules.Review.DeadlineRule.id, asOf: due).count == missed)
        #expect(s.findings(Rules.Review.DeadlineRule.id, asOf: date(due).adding(days: 1).description).count == missed + 1)
        #expect(s.report(asOf: due).person("P1")?.deadlines.map(\.due) == [date(due)])
    }

    @Test("a re-orientation to another dominante or a closure on or before the last day cancels it; after, it stays reported", arguments: [
        ("orientation_decided", "2025-09-20", 0), ("orientation_decided", "2025-09-21", 1),
        ("right_closed", "2025-09-20", 0), ("right_closed", "2025-09-21", 1),
        ("duties_changed", "2025-09-20", 0), ("duties_changed", "2025-09-21", 1),
    ])
    func cancelled(_ type: String, _ on: String, _ expected: Int) {
        var s = social()
        let fields = switch type {
        case "right_closed": #""reason":"other""#
        case "duties_changed": #""subject_to_duties":false"#
        default: #""dominante":"socio_pro","organisme":"departement""#
        }
        s.add(type, on, fields)
        #expect(s.findings(Rules.Review.DeadlineRule.id, asOf: "2026-06-30").count == expected)
    }

    @Test("a re-orientation that stays social keeps the clock running")
    func staysSocial() {
        var s = social()
        s.add("orientation_decided", "2025-06-02", #""dominante":"social","organisme":"delegataire""#)
        let f = s.findings(Rules.Review.DeadlineRule.id, asOf: "2025-09-21")
        #expect(f.map(\.due) == [date("2025-09-20")])
    }

    @Test("only social orientations are reviewed; contracts before 2025-01-01 start no review", arguments: [
        ("2024-12-31", 0), ("2025-01-01", 1),
    ])
    func scope(_ signed: String, _ expected: Int) {
        var other = TestLog.entrant(opened: "2025-02-03")
        other.add("orientation_decided", "2025-03-15", #""dominante":"socio_pro","organisme":"departement""#)
        other.add("contract_signed", "2025-03-20", #""weekly_hours":15"#)
        #expect(other.findings(Rules.Review.DeadlineRule.id, asOf: "2026-06-30").isEmpty)
        var s = TestLog.entrant(opened: "2024-10-01")
        s.add("orientation_decided", "2024-11-04", #""dominante":"social","organisme":"departement""#)
        s.add("contract_signed", signed, #""weekly_hours":15"#)
        #expect(s.findings(Rules.Review.DeadlineRule.id, asOf: "2025-07-02").count == expected)
    }

    @Test("review_months is fixed by law [P]: not overridable")
    func fixed() {
        #expect(throws: ConfigError.self) { try Parameters.law.applying(JSONValue.parse(#"{"review_months": 3}"#)) }
    }
}
