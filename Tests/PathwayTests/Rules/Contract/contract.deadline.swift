import Testing
@testable import Pathway

/// contract.deadline: one month from the notification of each orientation.
@Suite("contract.deadline")
struct ContractDeadlineTests {
    static let emploi = #""dominante":"emploi","organisme":"france_travail""#

    private func oriented(notified: String, decided: String? = nil) -> TestLog {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-06")
        s.add("orientation_decided", decided ?? notified, ContractDeadlineTests.emploi + #","notified":"\#(notified)""#)
        return s
    }

    @Test("the day before and the last day are on time, the day after is late; month ends clamp", arguments: [
        ("2025-01-15", "2025-02-14", false), ("2025-01-15", "2025-02-15", false), ("2025-01-15", "2025-02-16", true),
        ("2025-01-31", "2025-02-28", false), ("2025-01-31", "2025-03-01", true),
        ("2028-01-31", "2028-02-29", false), ("2028-01-31", "2028-03-01", true),
        ("2025-03-31", "2025-04-30", false), ("2025-03-31", "2025-05-01", true),
    ])
    func boundary(_ notified: String, _ signed: String, _ late: Bool) {
        var s = oriented(notified: notified)
        let e = s.add("contract_signed", signed, #""weekly_hours":15"#)
        let findings = s.findings(Rules.Contract.DeadlineRule.id)
        #expect(findings.count == (late ? 1 : 0))
        if late {
            #expect(findings.first?.due == date(notified).adding(months: 1))
            #expect(findings.first?.done == date(signed))
            #expect(findings.first?.event == e)
        }
    }

    @Test("the clock starts at notification, not at the decision")
    func notification() {
        var s = oriented(notified: "2025-02-10", decided: "2025-02-03")
        s.add("contract_signed", "2025-03-10", #""weekly_hours":15"#)
        #expect(s.findings(Rules.Contract.DeadlineRule.id).isEmpty)
        var t = oriented(notified: "2025-02-03")
        t.add("contract_signed", "2025-03-10", #""weekly_hours":15"#)
        #expect(t.findings(Rules.Contract.DeadlineRule.id).first?.due == date("2025-03-03"))
    }

    @Test("missing at as_of: pending on the last day, reported the day after")
    func missing() {
        let s = oriented(notified: "2025-01-31")
        #expect(s.findings(Rules.Contract.DeadlineRule.id, asOf: "2025-02-28").isEmpty)
        let findings = s.findings(Rules.Contract.DeadlineRule.id, asOf: "2025-03-01")
        #expect(findings.first?.due == date("2025-02-28"))
        #expect(findings.first?.done == nil)
        #expect(findings.first?.event == "e4")
    }

    @Test("re-orientation on or before the last day interrupts the month; after it, the missed month stays reported",
          arguments: [("2025-02-14", 0), ("2025-02-15", 0), ("2025-02-16", 1)])
    func reorientation(_ reoriented: String, _ expected: Int) {
        var s = oriented(notified: "2025-01-15")
        s.add("orientation_decided", reoriented, #""dominante":"socio_pro","organisme":"departement""#)
        s.add("contract_signed", date(reoriented).adding(days: 10).description, #""weekly_hours":15"#)
        let report = s.report()
        let findings = report.findings.filter { $0.rule == Rules.Contract.DeadlineRule.id }
        #expect(findings.count == expected)
        #expect(findings.allSatisfy { $0.due == date("2025-02-15") && $0.done == nil && $0.event == "e4" })
        #expect(report.indicators.contract.onTime == 1)
        #expect(report.indicators.reorientations == 1)
        #expect(report.person("P1")?.status == .engaged)
    }

    @Test("each new orientation needs its own contract")
    func newOrientationNeedsContract() {
        var s = oriented(notified: "2025-01-15")
        s.add("contract_signed", "2025-02-01", #""weekly_hours":15"#)
        s.add("orientation_decided", "2025-03-03", #""dominante":"social","organisme":"departement""#)
        let report = s.report(asOf: "2025-04-04")
        #expect(report.person("P1")?.status == .awaitingContract)
        #expect(report.findings.filter { $0.rule == Rules.Contract.DeadlineRule.id }.map(\.due) == [date("2025-04-03")])
    }

    @Test("contract_updated satisfies the month too")
    func updated() {
        var s = oriented(notified: "2025-01-15")
        s.add("contract_updated", "2025-02-10", #""weekly_hours":15"#)
        #expect(s.findings(Rules.Contract.DeadlineRule.id).isEmpty)
    }

    @Test("orientations notified before 2025-01-01 have no contract deadline", arguments: [
        ("2024-12-31", 0), ("2025-01-01", 1),
    ])
    func inForce(_ notified: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2024-06-03")
        s.add("orientation_decided", notified, ContractDeadlineTests.emploi)
        #expect(s.findings(Rules.Contract.DeadlineRule.id, asOf: "2025-06-30").count == expected)
    }

    @Test("closure before the last day cancels the month")
    func closure() {
        var s = oriented(notified: "2025-01-15")
        s.add("right_closed", "2025-02-15", #""reason":"employment""#)
        #expect(s.findings(Rules.Contract.DeadlineRule.id, asOf: "2025-12-31").isEmpty)
        var t = oriented(notified: "2025-01-15")
        t.add("right_closed", "2025-02-16", #""reason":"employment""#)
        #expect(t.findings(Rules.Contract.DeadlineRule.id, asOf: "2025-12-31").count == 1)
    }

    @Test("not subject to duties when oriented: no contract clock")
    func notSubject() {
        var s = TestLog.entrant(opened: "2025-01-06", fields: #""subject_to_duties":false"#)
        s.add("orientation_decided", "2025-01-15", ContractDeadlineTests.emploi)
        #expect(s.findings(Rules.Contract.DeadlineRule.id, asOf: "2025-12-31").isEmpty)
    }

    @Test("month_end next_day: notified 2025-01-31, due 2025-03-01")
    func monthEnd() throws {
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"month_end":"next_day"}"#))
        var s = oriented(notified: "2025-01-31")
        s.add("contract_signed", "2025-03-01", #""weekly_hours":15"#)
        #expect(s.findings(Rules.Contract.DeadlineRule.id).count == 1)
        #expect(s.findings(Rules.Contract.DeadlineRule.id, parameters: parameters).isEmpty)
    }
}
