import Testing
@testable import Pathway

/// orientation.deadline: six weeks (42 days, day 0 = receipt) from `right_opened`.
@Suite("orientation.deadline")
struct OrientationDeadlineTests {
    @Test("day 41 and day 42 are on time, day 43 is late", arguments: [
        ("2025-04-13", false), ("2025-04-14", false), ("2025-04-15", true),
    ])
    func boundary(_ oriented: String, _ late: Bool) {
        var s = TestLog.entrant(opened: "2025-03-03")
        let e = s.add("orientation_decided", oriented, #""dominante":"emploi","organisme":"france_travail""#)
        let findings = s.findings(Rules.Orientation.DeadlineRule.id)
        if late {
            #expect(findings.count == 1)
            #expect(findings.first?.due == date("2025-04-14"))
            #expect(findings.first?.done == date(oriented))
            #expect(findings.first?.event == e)
            #expect(findings.first?.severity == .violation)
        } else {
            #expect(findings.isEmpty)
        }
    }

    @Test("not oriented: pending up to day 42, missing from day 43 (done null)", arguments: [
        ("2025-04-14", false), ("2025-04-15", true),
    ])
    func missing(_ asOf: String, _ reported: Bool) {
        let s = TestLog.entrant(opened: "2025-03-03")
        let report = s.report(asOf: asOf)
        let findings = report.findings.filter { $0.rule == Rules.Orientation.DeadlineRule.id }
        #expect(findings.count == (reported ? 1 : 0))
        if reported {
            #expect(findings.first?.due == date("2025-04-14"))
            #expect(findings.first?.done == nil)
            #expect(findings.first?.event == "e1")
            #expect(report.indicators.orientation.missing == 1)
        } else {
            #expect(report.indicators.orientation.pending == 1)
            #expect(report.person("P1")?.deadlines.map(\.due) == [date("2025-04-14")])
        }
    }

    @Test("the law applies to rights opened from 2025-01-01", arguments: [
        ("2024-12-31", false), ("2025-01-01", true),
    ])
    func inForce(_ opened: String, _ applies: Bool) {
        let s = TestLog.entrant(opened: opened)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id, asOf: "2025-12-31").count == (applies ? 1 : 0))
    }

    @Test("a month end and a leap year do not matter: 42 days are 42 days")
    func leap() {
        let s = TestLog.entrant(opened: "2028-01-31")
        #expect(s.findings(Rules.Orientation.DeadlineRule.id, asOf: "2028-03-14").first?.due == date("2028-03-13"))
    }

    @Test("closure before the last day cancels the clock; after it, the missed deadline stays reported", arguments: [
        ("2025-04-14", 0), ("2025-04-15", 1),
    ])
    func closure(_ closed: String, _ expected: Int) {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("right_closed", closed, #""reason":"employment""#)
        let report = s.report(asOf: "2025-12-31")
        let findings = report.findings.filter { $0.rule == Rules.Orientation.DeadlineRule.id }
        #expect(findings.count == expected)
        #expect(findings.allSatisfy { $0.done == nil && $0.due == date("2025-04-14") })
        #expect(report.person("P1")?.status == .closed)
        #expect(report.indicators.orientation.cancelled == 1 - expected)
    }

    @Test("not subject to duties at opening: no clock; duties on starts one from that day")
    func dutiesOn() {
        var s = TestLog.entrant(opened: "2025-03-03", fields: #""subject_to_duties":false"#)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id, asOf: "2025-12-31").isEmpty)
        s.add("duties_changed", "2025-06-02", #""subject_to_duties":true"#)
        let findings = s.findings(Rules.Orientation.DeadlineRule.id, asOf: "2025-12-31")
        #expect(findings.first?.due == date("2025-07-14"))
        #expect(findings.first?.event == "e3")
    }

    @Test("duties off before the last day cancels; on again restarts the clock from that day")
    func dutiesOffOn() {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("duties_changed", "2025-04-01", #""subject_to_duties":false"#)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id, asOf: "2025-12-31").isEmpty)
        #expect(s.report(asOf: "2025-12-31").person("P1")?.status == .notSubject)
        s.add("duties_changed", "2025-05-01", #""subject_to_duties":true"#)
        s.add("orientation_decided", "2025-06-12", #""dominante":"emploi","organisme":"france_travail""#)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id).isEmpty)
        s.add("duties_changed", "2025-06-20", #""subject_to_duties":true"#)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id).isEmpty)
    }

    @Test("duties off after the last day: the missed deadline stays reported")
    func dutiesOffLate() {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("duties_changed", "2025-04-20", #""subject_to_duties":false"#)
        let findings = s.findings(Rules.Orientation.DeadlineRule.id, asOf: "2025-12-31")
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("sortie des droits et devoirs le 2025-04-20") == true)
    }

    @Test("a reopening after closure starts a new pathway and a new clock")
    func reopening() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-02-03", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("right_closed", "2025-02-10", #""reason":"resources""#)
        s.add("right_opened", "2025-06-02")
        let report = s.report(asOf: "2025-08-01")
        let findings = report.findings.filter { $0.rule == Rules.Orientation.DeadlineRule.id }
        #expect(findings.map(\.due) == [date("2025-07-14")])
        #expect(findings.first?.event == "e5")
        #expect(report.person("P1")?.status == .awaitingOrientation)
    }

    @Test("a transfer in while open restarts the pathway; the same right told again does not")
    func transfer() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-02-03", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("right_opened", "2025-03-03")
        #expect(s.report(asOf: "2025-06-01").person("P1")?.status == .awaitingContract)
        s.add("right_opened", "2025-04-01", #""transfer":true"#)
        let report = s.report(asOf: "2025-06-01")
        #expect(report.person("P1")?.status == .awaitingOrientation)
        #expect(report.findings.filter { $0.rule == Rules.Orientation.DeadlineRule.id }.map(\.due) == [date("2025-05-13")])
    }

    @Test("local target: met when notified before start + target days, to the notification; never a finding", arguments: [
        // Clock started on 2025-03-01 (the national indicator's example), target 15 days.
        ("2025-03-14", nil as String?, 1), ("2025-03-15", nil, 1), ("2025-03-16", nil, 0),
        ("2025-03-10", "2025-03-15", 1), ("2025-03-10", "2025-03-16", 0), ("2025-03-15", "2025-03-20", 0),
    ])
    func localTarget(_ decided: String, _ notified: String?, _ met: Int) throws {
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"orientation_target_days": 15}"#))
        var s = TestLog.entrant(opened: "2025-03-01")
        s.add("orientation_decided", decided, #""dominante":"emploi","organisme":"france_travail""# + (notified.map { #","notified":"\#($0)""# } ?? ""))
        let report = Replay.log(LogReader.read(s.text), parameters: parameters)
        #expect(report.findings.filter { $0.rule == Rules.Orientation.DeadlineRule.id }.isEmpty)
        #expect(report.indicators.orientation.targetMet == met)
        #expect(report.indicators.orientation.targetMissed == 1 - met)
        #expect(report.indicators.orientation.onTime == 1)
    }

    @Test("local target: a clock still running carries the target's last day (start + target − 1)")
    func pendingTarget() throws {
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"orientation_target_days": 15}"#))
        let s = TestLog.entrant(opened: "2025-03-01")
        let report = Replay.log(LogReader.read(s.text), asOf: date("2025-03-10"), parameters: parameters)
        #expect(report.person("P1")?.deadlines.first?.target == date("2025-03-15"))
    }

    @Test("weekend_extension moves a Saturday deadline to the Monday")
    func weekend() throws {
        // 2025-03-01 + 42 = 2025-04-12, a Saturday.
        let parameters = try Parameters.law.applying(JSONValue.parse(#"{"weekend_extension": true}"#))
        var s = TestLog.entrant(opened: "2025-03-01")
        s.add("orientation_decided", "2025-04-14", #""dominante":"emploi","organisme":"france_travail""#)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id).count == 1)
        #expect(s.findings(Rules.Orientation.DeadlineRule.id, parameters: parameters).isEmpty)
    }
}
