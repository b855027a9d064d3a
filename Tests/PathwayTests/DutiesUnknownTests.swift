import Testing
@testable import Pathway

/// `subject_to_duties: null` on `right_opened`: the source does not say (an MSA flow without
/// `TOPPERSDRODEVORSA`). No deadline clock starts until a `duties_changed` says; the report counts
/// such people (`indicators.duties_unknown`).
@Suite("Duties unknown")
struct DutiesUnknownTests {
    @Test("null starts no clock and is counted; absent means subject, as before")
    func unknown() {
        var s = TestLog()
        s.add("right_opened", "2025-03-03", #""subject_to_duties":null"#)
        let report = s.report(asOf: "2025-06-30")
        #expect(report.findings.isEmpty)
        #expect(report.person("P1")?.state.dutiesUnknown == true)
        #expect(report.person("P1")?.status == .notSubject)
        #expect(report.indicators.dutiesUnknown == 1)
        #expect(report.json().contains(#""duties_unknown": 1"#))
        var absent = TestLog()
        absent.add("right_opened", "2025-03-03")
        let subject = absent.report(asOf: "2025-06-30")
        #expect(subject.findings.map(\.rule) == [Rules.Orientation.DeadlineRule.id])
        #expect(subject.indicators.dutiesUnknown == 0)
    }

    @Test("a duties_changed says: to true, the orientation clock starts from its day (day 42 on time, day 43 late); to false, known and not subject",
          arguments: [("2025-05-26", 0), ("2025-05-27", 1)])
    func dutiesChanged(_ oriented: String, _ late: Int) {
        var s = TestLog()
        s.add("right_opened", "2025-03-03", #""subject_to_duties":null"#)
        s.add("registered", "2025-03-03")
        s.add("duties_changed", "2025-04-14", #""subject_to_duties":true"#)
        s.add("orientation_decided", oriented, #""dominante":"emploi","organisme":"france_travail""#)
        let report = s.report(asOf: "2025-06-30")
        #expect(report.findings.filter { $0.rule == Rules.Orientation.DeadlineRule.id }.count == late)
        #expect(report.indicators.dutiesUnknown == 0)
        var t = TestLog()
        t.add("right_opened", "2025-03-03", #""subject_to_duties":null"#)
        t.add("duties_changed", "2025-04-14", #""subject_to_duties":false"#)
        #expect(t.report(asOf: "2025-06-30").indicators.dutiesUnknown == 0)
    }

    @Test("a right told again without duties (null) changes nothing; told again with them, they are known")
    func toldAgain() {
        var s = TestLog()
        s.add("right_opened", "2025-03-03")
        s.add("right_opened", "2025-03-10", #""subject_to_duties":null"#)
        #expect(s.report(asOf: "2025-03-20").person("P1")?.state.dutiesUnknown == false)
        var t = TestLog()
        t.add("right_opened", "2025-03-03", #""subject_to_duties":null"#)
        t.add("right_opened", "2025-03-10", #""subject_to_duties":true"#)
        let report = t.report(asOf: "2025-06-30")
        #expect(report.indicators.dutiesUnknown == 0)
        #expect(report.findings.first?.due == date("2025-04-21"), "the clock runs from the day the duties became known")
    }
}
