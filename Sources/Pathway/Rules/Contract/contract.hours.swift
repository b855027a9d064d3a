/// `contract.hours`: the contract's weekly duration of activity is at least 15 hours, unless a
/// legal ground of reduction applies, and at most 35 hours. C. trav. L5411-6 II [S], R5411-15
/// [P]; Cons. const. 2023-858 DC §35 [P]. Page: `Docs/rules/contract.hours.md`.
extension Rules.Contract {
    enum Hours: RuleDefinition {
        static let id: RuleID = "contract.hours"

        static let rule = Rule(
            id: id, severity: .violation,
            title: "Durée hebdomadaire d'activité",
            summary: "La durée hebdomadaire d'activité du contrat est d'au moins \(law.minimumWeeklyHours.latest) heures, sauf motif légal de réduction, et d'au plus \(law.maximumWeeklyHours.latest) heures.",
            references: [Law.fifteenHours, Law.actionPlan, Law.legalWorkingTime],
            parameters: [\.minimumWeeklyHours, \.maximumWeeklyHours])

        /// A contract signed or updated by `event` with `terms`.
        static func check(_ terms: ContractTerms, _ event: Event, person: String, under parameters: Parameters) -> Finding? {
            guard let minimum = parameters.minimumWeeklyHours.value(on: event.date),
                  let maximum = parameters.maximumWeeklyHours.value(on: event.date) else { return nil }
            if terms.weeklyHours < minimum && terms.reductionReason == nil {
                return finding(person, event, below(event, terms.weeklyHours, minimum: minimum))
            }
            if terms.weeklyHours > maximum {
                return finding(person, event, above(event, terms.weeklyHours, maximum: maximum))
            }
            return nil
        }

        static func below(_ event: Event, _ hours: Pathway.Hours, minimum: Pathway.Hours) -> String {
            "Contrat du \(event.date) : durée hebdomadaire d'activité de \(hours) h, inférieure à \(minimum) h, sans motif légal de réduction "
                + "(santé, handicap, invalidité, parent isolé sans solution de garde). " + cited + "."
        }

        static func above(_ event: Event, _ hours: Pathway.Hours, maximum: Pathway.Hours) -> String {
            "Contrat du \(event.date) : durée hebdomadaire d'activité de \(hours) h, supérieure à la durée légale du travail (\(maximum) h). "
                + cited + "."
        }

        private static var law: Parameters { .law }
    }
}
