import PathwayMachinery
/// `sanction.repeat_bounds`: from 2025-06-01, persistence, repetition or a refusal of controls
/// is sanctioned for one to four months, at a rate of at least 30 %. CASF R262-68 [P],
/// R262-68-1 [P], L262-37 [P], R262-68-4 1° [P]; the window's start and reset [I].
/// Page: `Docs/rules/sanction.repeat_bounds.md`.
extension Rules.Sanction {
    package enum RepeatBounds: RuleDefinition {
        package static let id: RuleID = "sanction.repeat_bounds"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Bornes de la persistance, de la réitération et du refus de contrôle",
            summary: "À partir du \(decreeDay), la persistance, la réitération ou le refus de contrôle est sanctionné pour \(FrenchWords.number(decree.laterMonths.lowerBound)) à \(FrenchWords.number(decree.laterMonths.upperBound)) mois, d'au moins \(decree.minimumPercent ?? 0) %.",
            references: [Law.sanctionFirst, Law.sanctionBreach, Law.sanctions, Law.repetitionWindow, Law.repetitionStart],
            parameters: [\.sanctionBounds, \.repetitionWindowMonths, \.repetitionCountingFrom, \.repetitionStart,
                         \.repetitionResetOnReorientation, \.repetitionAnchor],
            inForce: InForce(from: decreeStart(.law), until: nil))

        /// A decision sanctioning a repetition, persistence or refusal of controls under the
        /// décret 2025-478 `bounds`.
        package static func check(_ record: SanctionRecord, _ event: Event, bounds: SanctionBounds, in c: RuleContext) -> Finding? {
            guard bounds.regime == .decree2025, [.repetition, .persistence, .controlRefusal].contains(record.basis) else { return nil }
            let problems = [percentProblem(record.decision, bounds), monthsProblem(record.decision, bounds.laterMonths)].compactMap { $0 }
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
