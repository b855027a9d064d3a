import Testing
@testable import Pathway

@Suite("sequence rules")
struct SequenceTests {
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

    @Test("sequence.contract_without_diagnostic: none in the current pathway; reported independently")
    func withoutDiagnostic() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
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

    @Test("sequence.orientation_before_registration: never registered at France Travail")
    func orientationBeforeRegistration() {
        var s = TestLog(person: "P1")
        s.add("right_opened", "2025-01-06")
        s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("registered", "2025-01-21")
        s.add("orientation_decided", "2025-02-20", #""dominante":"social","organisme":"departement""#)
        let f = s.findings(Rules.Sequence.OrientationBeforeRegistration.id)
        #expect(f.map(\.event) == ["e2"])
        #expect(f.first?.severity == .warning)
    }

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

    @Test("same-day events keep their file order")
    func sameDay() {
        var s = TestLog.entrant(opened: "2025-01-06")
        s.add("diagnostic_completed", "2025-01-20")
        s.add("contract_signed", "2025-01-20", #""weekly_hours":15"#)
        s.add("orientation_decided", "2025-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        #expect(s.findings(Rules.Sequence.ContractBeforeOrientation.id).count == 1)
    }
}
