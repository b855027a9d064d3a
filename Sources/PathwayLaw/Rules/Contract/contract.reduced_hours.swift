import PathwayMachinery
/// `contract.reduced_hours` (warning): a contract planning fewer than 15 hours a week without
/// an accepted ground of reduction. C. trav. L5411-6 II is known only through secondary
/// sources [S], and the national instruction calls the duration "modulable", "minorée ou
/// majorée": a reduction without a recorded ground is reported for review, not as a violation.
/// The accepted grounds are the parameter `reduction_grounds` [I]. Judged for contracts of the
/// reform (from 2025-01-01), when the hours are recorded.
/// Page: `Docs/rules/contract.reduced_hours.md`.
extension Rules.Contract {
    package enum ReducedHours: RuleDefinition {
        package static let id: RuleID = "contract.reduced_hours"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Durée hebdomadaire réduite sans motif admis",
            summary: "Un contrat d'engagement prévoit au moins \(law.minimumWeeklyHours.latest) heures d'activité par semaine, sauf motif de réduction admis (santé, handicap, invalidité, parent isolé sans solution de garde, proche aidant) ; en deçà sans motif, il est signalé pour examen.",
            references: [Law.fifteenHours, Law.intensityTarget, Law.reductionGrounds],
            parameters: [\.minimumWeeklyHours, \.reductionGrounds],
            inForce: law.minimumWeeklyHours.inForce)

        /// A contract signed or updated by `event` with `terms`.
        package static func check(_ terms: ContractTerms, _ event: Event, person: String, under parameters: Parameters) -> Finding? {
            guard let hours = terms.weeklyHours, let minimum = parameters.minimumWeeklyHours.value(on: event.date),
                  let grounds = parameters.reductionGrounds.value(on: event.date), hours < minimum else { return nil }
            if let reason = terms.reductionReason, grounds.contains(reason) { return nil }
            let ground = terms.reductionReason.map { "avec un motif non admis (« \(FrenchWords.reduction($0)) »)" }
                ?? "sans motif de réduction"
            return finding(person, event,
                           "Contrat du \(event.date) : durée hebdomadaire d'activité de \(hours) h, inférieure à \(minimum) h, \(ground) "
                           + "(motifs admis : \(grounds.map(FrenchWords.reduction).joined(separator: ", "))). " + cited + ".")
        }


        package static let trigger = RuleTrigger.before([.contractSigned, .contractUpdated])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let terms = event.contractTerms else { return }
            if let f = check(terms, event, person: c.person, under: c.parameters) { findings.append(f) }
        }
    }
}
