import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sequence/sequence.after_closure.swift`
@Suite("sequence.after_closure")
struct AfterClosureTests {
    @Test("sequence.after_closure: any event but right_opened after closure, reported and not replayed")
    func afterClosure() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("right_closed", "2025-02-01", #""reason":"moved""#)
        s.add("orientation_decided", "2025-02-03", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("right_closed", "2025-02-04", #""reason":"moved""#)
        s.add("right_opened", "2025-03-03")
        let report = s.report(asOf: "2025-03-10")
        #expect(report.findings.filter { $0.rule == Rules.Sequence.AfterClosure.id }.map(\.event) == ["e4", "e5"])
        #expect(report.person("P1")?.state.orientation == nil)
        #expect(report.person("P1")?.status == .awaitingOrientation)
    }
}
