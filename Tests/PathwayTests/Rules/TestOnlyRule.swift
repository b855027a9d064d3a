import Testing
@testable import Pathway

/// The checklist of `Docs/architecture.md`, proven: a rule declared here, in the tests only, with
/// a clock and a condition, is applied by the state machine, counted, listed and left unjudged
/// without any other file changed. Nothing in `Sources/` knows these rules.
extension Rules.Sequence {
    /// `test.diagnostic_deadline`: a diagnostic within 20 days of the registration (a clock),
    /// and a diagnostic reported when it lists no barrier (a condition on one event type).
    enum TestDiagnosticDeadline: RuleDefinition {
        static let id: RuleID = "test.diagnostic_deadline"
        static let rule = Rule(id: id, severity: .warning, title: "Diagnostic dans les vingt jours (test)",
                               summary: "Une règle enregistrée dans les tests seulement.",
                               references: [Law.contractDiagnostic], parameters: [])
        static let trigger = RuleTrigger.clock(DeadlineClock(
            rule: id, startedBy: [.orientationNotified],
            start: { c in
                c.event.map { Deadline(rule: id, start: $0.date, due: $0.date.adding(days: 20), event: $0.id, origin: .orientationNotified) }
            },
            completedBy: [.diagnosticCompleted], stoppedBy: [.closure],
            done: "Diagnostic", missing: "Aucun diagnostic", period: { _, _ in "de vingt jours" }))
        static let needs: DataNeed? = DataNeed(.diagnosticCompleted, missing: "aucun diagnostic", consequence: "le délai du test ne peut pas être suivi")
    }

    enum TestNoBarrier: RuleDefinition {
        static let id: RuleID = "test.no_barrier"
        static let rule = Rule(id: id, severity: .info, title: "Diagnostic sans frein (test)",
                               summary: "Une règle enregistrée dans les tests seulement.",
                               references: [Law.contractDiagnostic], parameters: [])
        static let trigger = RuleTrigger.before([.diagnosticCompleted])
        static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, case .diagnosticCompleted(let barriers) = event.kind, barriers.isEmpty else { return }
            findings.append(finding(c.person, event, "Diagnostic du \(event.date) sans frein relevé."))
        }
    }
}

@Suite("A rule registered in the tests only")
struct TestOnlyRuleTests {
    static let parameters: Parameters = {
        var p = Parameters.law
        p.rules = p.rules.adding(Rules.Sequence.TestDiagnosticDeadline.self).adding(Rules.Sequence.TestNoBarrier.self)
        return p
    }()

    static func log(diagnostic: String?, barriers: String = #""barriers":["mobilite"]"#) -> TestLog {
        var s = TestLog.entrant(opened: "2025-03-03")
        s.add("orientation_decided", "2025-03-10", #""dominante":"emploi","organisme":"france_travail""#)
        if let diagnostic { s.add("diagnostic_completed", diagnostic, barriers) }
        return s
    }

    @Test("its clock runs from the registry: day 20 on time, day 21 late, none missing at as_of",
          arguments: [("2025-03-29", 0), ("2025-03-30", 0), ("2025-03-31", 1)])
    func clock(day: String, late: Int) {
        let report = Self.log(diagnostic: day).report(asOf: "2025-04-30", parameters: Self.parameters)
        let findings = report.findings.filter { $0.rule == Rules.Sequence.TestDiagnosticDeadline.id }
        #expect(findings.count == late)
        #expect(findings.first?.due == (late == 1 ? date("2025-03-30") : nil))
        #expect(findings.first?.severity == (late == 1 ? .warning : nil))
        #expect(report.person("P1")?.records.contains { $0.deadline.rule == Rules.Sequence.TestDiagnosticDeadline.id
            && $0.status == (late == 1 ? .late : .onTime) } == true)
    }

    @Test("a clock never completed is missing at as_of, and listed among the person's deadlines while it runs")
    func missing() {
        let log = Self.log(diagnostic: nil)
        let running = log.report(asOf: "2025-03-20", parameters: Self.parameters)
        #expect(running.person("P1")?.deadlines.contains { $0.rule == Rules.Sequence.TestDiagnosticDeadline.id && $0.due == date("2025-03-30") } == true)
        let late = log.report(asOf: "2025-04-30", parameters: Self.parameters).findings.filter { $0.rule == Rules.Sequence.TestDiagnosticDeadline.id }
        #expect(late.map(\.message) == ["Aucun diagnostic au 2025-04-30 : le délai de vingt jours ouvert par la notification de l'orientation du 2025-03-10 a expiré le 2025-03-30. C. trav. L5411-5-2 [P]."])
    }

    @Test("its condition is asked on its event type only, and its data need leaves it unjudged")
    func condition() {
        let none = Self.log(diagnostic: "2025-03-20", barriers: #""barriers":[]"#).report(asOf: "2025-04-30", parameters: Self.parameters)
        #expect(none.findings.filter { $0.rule == Rules.Sequence.TestNoBarrier.id }.map(\.event) == ["e4"])
        var pilotage = SourceTally()
        pilotage.add("pilotage", count: 3)
        #expect(NotJudged.rules(sources: pilotage, rules: Self.parameters.rules).notJudged.map(\.rule)
            .contains(Rules.Sequence.TestDiagnosticDeadline.id))
        let recording = SourceDeclarations.builtIn.declaring("pilotage", records: [.registered, .diagnosticCompleted])
        #expect(!NotJudged.rules(sources: pilotage, declared: recording, rules: Self.parameters.rules).notJudged.map(\.rule)
            .contains(Rules.Sequence.TestDiagnosticDeadline.id))
    }

    @Test("the law's rules know nothing of it")
    func lawUnchanged() {
        let report = Self.log(diagnostic: "2025-03-31", barriers: #""barriers":[]"#).report(asOf: "2025-04-30")
        #expect(!report.findings.contains { $0.rule.rawValue.hasPrefix("test.") })
        #expect(!RuleRegistry.all.contains { $0.id.rawValue.hasPrefix("test.") })
        #expect(Self.parameters.rules.all.count == RuleRegistry.all.count + 2)
    }
}

@Suite("The rule table")
struct RuleTableTests {
    @Test("an event type's ordinal is its place in allCases")
    func ordinals() {
        for (i, type) in EventType.allCases.enumerated() { #expect(type.ordinal == i) }
    }

    @Test("every registered rule has a trigger; the deadline rules' clocks and indicators are declared")
    func declared() {
        let table = RuleSet.law.table
        #expect(table.clocks.map(\.rule) == [Rules.Orientation.DeadlineRule.id, Rules.Contract.DeadlineRule.id, Rules.Review.DeadlineRule.id])
        #expect(table.fixedDeadlines.map(\.rule) == [Rules.Contract.StockDeadline.id])
        let slots = table.clocks.compactMap(\.indicator?.slot) + table.fixedDeadlines.compactMap(\.indicator?.slot)
        #expect(Set(slots) == Set(DeadlineIndicator.Slot.allCases))
        #expect(table.needs.map(\.rule) == [Rules.Sequence.ContractWithoutDiagnostic.id, Rules.Sequence.OrientationBeforeRegistration.id])
    }
}
