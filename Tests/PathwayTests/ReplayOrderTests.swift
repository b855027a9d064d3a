import Testing
@testable import Pathway

@Suite("Replay order")
struct ReplayOrderTests {
    @Test("same-day events keep their file order")
    func sameDay() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-20")
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        #expect(s.findings(Rules.Sequence.ContractBeforeOrientation.id).count == 1)
    }
}
