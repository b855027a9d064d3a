import PathwayMachinery
/// `sanction.first_failing`: from 2025-06-01, a first failing (other than a refusal of
/// controls) is sanctioned by a suspension of one to two months, of at least 30 %.
/// CASF R262-68 [P], R262-68-1 [P]. Page: `Docs/rules/sanction.first_failing.md`.
extension Rules.Sanction {
    package enum FirstFailing: RuleDefinition {
        package static let id: RuleID = "sanction.first_failing"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Bornes du premier manquement",
            summary: "À partir du \(decreeDay), un premier manquement (autre qu'un refus de contrôle) est sanctionné par une suspension \(FrenchWords.monthRange(decree.firstMonths)), d'au moins \(decree.minimumPercent ?? 0) %.",
            references: [Law.sanctionFirst, Law.sanctionBreach],
            parameters: [\.sanctionBounds],
            inForce: InForce(from: decreeStart(.law), until: nil))

        /// A decision sanctioning a first failing under the décret 2025-478 `bounds`.
        package static func check(_ record: SanctionRecord, _ event: Event, bounds: SanctionBounds, in c: RuleContext) -> Finding? {
            guard bounds.regime == .decree2025, record.basis == .first else { return nil }
            let decision = record.decision
            var problems = [percentProblem(decision, bounds)].compactMap { $0 }
            if decision.measure == .suppression && !bounds.firstMaySuppress {
                problems.append("une suppression, alors qu'un premier manquement n'ouvre qu'une suspension")
            }
            if let months = monthsProblem(decision, bounds.firstMonths) { problems.append(months) }
            guard !problems.isEmpty else { return nil }
            return finding(c.state.person, event, boundsMessage(event, record, problems: problems,
                                                              failing: failingSummary(record, in: c.state.failings), cited: cited))
        }

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(d.record, event, bounds: d.bounds, in: c) { findings.append(f) }
        }
    }
}
