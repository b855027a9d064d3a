import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sequence/sequence.contract_before_orientation.swift`
@Suite("sequence.contract_before_orientation")
struct ContractBeforeOrientationTests {
    @Test("sequence.contract_before_orientation: a contract with no orientation in force")
    func contractBeforeOrientation() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-10")
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        let f = s.findings(Rules.Sequence.ContractBeforeOrientation.id)
        #expect(f.map(\.event) == ["e4"])
        #expect(f.first?.severity == .violation)
        var ok = TestLog.entrant(opened: "2025-01-06")
        ok.add("diagnostic_completed", "2025-01-10")
        ok.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        ok.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        #expect(ok.findings(Rules.Sequence.ContractBeforeOrientation.id).isEmpty)
    }

    @Test("an orientation of a previous pathway is not in force after a reopening")
    func previousPathway() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("right_closed", "2025-02-01", #""reason":"resources""#)
        s.add("right_opened", "2025-05-05")
        s.add("diagnostic_completed", "2025-05-06")
        s.add("contract_signed", "2025-05-12", #""weekly_hours":15"#)
        #expect(s.findings(Rules.Sequence.ContractBeforeOrientation.id).map(\.event) == ["e7"])
    }
}
