import Testing
@testable import Pathway

@Suite("The agenda of deadlines")
struct AgendaTests {
    @Test("the library's agenda: a window is inclusive of both ends")
    func window() {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("diagnostic_completed", "2025-03-05")
        let report = s.report(asOf: "2025-04-07")
        #expect(report.agenda(within: 6).isEmpty)
        #expect(report.agenda(within: 7).map(\.due) == [date("2025-04-14")])
        #expect(s.report(asOf: "2025-04-14").agenda(within: 0).map(\.rule) == [Rules.Orientation.DeadlineRule.id])
        #expect(s.report(asOf: "2025-04-15").agenda(within: 30).isEmpty)
        #expect(s.report(asOf: "2025-04-15").agenda(within: 30, overdue: true).map(\.passed) == [true])
    }
}
