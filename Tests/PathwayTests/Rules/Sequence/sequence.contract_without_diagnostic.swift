import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Sequence/sequence.contract_without_diagnostic.swift`
@Suite("sequence.contract_without_diagnostic")
struct ContractWithoutDiagnosticTests {
    @Test("sequence.contract_without_diagnostic: none in the current pathway; reported independently")
    func withoutDiagnostic() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        // Another person's diagnostic: the log records diagnostics, so the rule is judged.
        var other = TestLog.entrant(opened: "2025-01-06", person: "P2")
        other.add("diagnostic_completed", "2025-01-10")
        s.lines += other.lines
        let report = s.report()
        #expect(report.findings.map(\.rule) == [Rules.Sequence.ContractBeforeOrientation.id, Rules.Sequence.ContractWithoutDiagnostic.id])
        #expect(report.findings.first { $0.rule == Rules.Sequence.ContractWithoutDiagnostic.id }?.severity == .warning)

        var older = TestLog.entrant(opened: "2025-01-06")
        older.add("diagnostic_completed", "2025-01-08")
        older.add("right_closed", "2025-02-01", #""reason":"resources""#)
        older.add("right_opened", "2025-05-05")
        older.add("orientation_decided", "2025-05-06", #""dominante":"emploi","organisme":"france_travail""#)
        older.add("contract_signed", "2025-05-12", #""weekly_hours":15"#)
        #expect(older.findings(Rules.Sequence.ContractWithoutDiagnostic.id).count == 1)
    }

    @Test("a log imported from sources that record no diagnostic does not judge the rule, and says so")
    func notJudged() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-01-13", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        let report = s.sourced { $0 == 0 ? "caf" : "pilotage" }.report()
        #expect(report.findings.filter { $0.rule == Rules.Sequence.ContractWithoutDiagnostic.id }.isEmpty)
        #expect(report.notJudged.map(\.rule).contains(Rules.Sequence.ContractWithoutDiagnostic.id))
        #expect(report.notJudged.first { $0.rule == Rules.Sequence.ContractWithoutDiagnostic.id }?.reason
            == "les sources du journal (caf, pilotage) n'enregistrent aucun diagnostic : un contrat sans diagnostic ne peut pas être signalé")
    }

    @Test("a native log (no source) with no diagnostic at all is judged: the contract without diagnostic is reported")
    func nativeJudged() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("orientation_decided", "2025-01-13", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        let report = s.report()
        #expect(report.notJudged.isEmpty)
        #expect(report.findings.filter { $0.rule == Rules.Sequence.ContractWithoutDiagnostic.id }.map(\.event) == ["e4"])
    }
}
