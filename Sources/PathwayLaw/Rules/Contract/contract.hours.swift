import PathwayMachinery
/// `contract.hours`: the contract's weekly duration of activity does not exceed the legal
/// working time, 35 hours (Cons. const. 2023-858 DC §35 [P]; C. trav. R5411-15 [P]). Fewer than
/// 15 hours is `contract.reduced_hours`. Judged for contracts of the reform (signed or updated
/// from 2025-01-01), when the hours are recorded. Page: `Docs/rules/contract.hours.md`.
extension Rules.Contract {
    package enum Hours: RuleDefinition {
        package static let id: RuleID = "contract.hours"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Durée hebdomadaire d'activité au plus égale à la durée légale du travail",
            summary: "La durée hebdomadaire d'activité du contrat d'engagement ne dépasse pas la durée légale du travail, \(law.maximumWeeklyHours.latest) heures.",
            references: [Law.legalWorkingTime, Law.actionPlan],
            parameters: [\.maximumWeeklyHours],
            inForce: law.maximumWeeklyHours.inForce)

        /// A contract signed or updated by `event` with `terms`.
        package static func check(_ terms: ContractTerms, _ event: Event, person: String, under parameters: Parameters) -> Finding? {
            guard let hours = terms.weeklyHours, let maximum = parameters.maximumWeeklyHours.value(on: event.date),
                  hours > maximum else { return nil }
            return finding(person, event,
                           "Contrat du \(event.date) : durée hebdomadaire d'activité de \(hours) h, supérieure à la durée légale du travail (\(maximum) h). "
                           + cited + ".")
        }


        package static let trigger = RuleTrigger.before([.contractSigned, .contractUpdated])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let terms = event.contractTerms else { return }
            if let f = check(terms, event, person: c.person, under: c.parameters) { findings.append(f) }
        }
    }
}
