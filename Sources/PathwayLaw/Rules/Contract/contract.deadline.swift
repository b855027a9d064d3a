import PathwayMachinery
/// `contract.deadline`: the contrat d'engagement is signed within a month of the notification
/// of each orientation decision; a re-orientation decided before the month ends interrupts it.
/// C. trav. D5411-14-1 [S], D5411-8-2 [S]; a month counted from day J to day J [I].
/// Page: `Docs/rules/contract.deadline.md`.
extension Rules.Contract {
    package enum DeadlineRule: RuleDefinition {
        package static let id: RuleID = "contract.deadline"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Contrat d'engagement dans le délai après l'orientation",
            summary: "Le contrat d'engagement est signé dans \(month(.law)) qui suit la notification de chaque décision d'orientation ; une réorientation décidée avant la fin du mois l'interrompt.",
            references: [Law.contractDeadline, Law.reorientation, Law.monthCounting],
            parameters: [\.contractDeadlineMonths, \.contractTargetDays, \.monthEnd, \.weekendExtension],
            inForce: Parameters.law.contractDeadlineMonths.inForce)

        /// Started by the notification of an orientation; completed by a contract signed or
        /// updated; stopped by a re-orientation, the right's closure, the end of duties or a transfer.
        package static let trigger = RuleTrigger.clock(DeadlineClock(
            rule: id, startedBy: [.orientationNotified],
            start: { c in c.state.orientation.flatMap { o in c.event.flatMap { start(notified: o.notified, by: $0, under: c.parameters) } } },
            completedBy: [.contractSigned, .contractUpdated],
            stoppedBy: [.closure, .dutiesEnded, .transfer, .reorientation],
            done: "Contrat d'engagement signé", missing: "Aucun contrat d'engagement signé",
            period: { parameters, start in
                parameters.contractDeadlineMonths.value(on: start).map { FrenchWords.of(FrenchWords.months($0)) } ?? "légal"
            },
            indicator: DeadlineIndicator(slot: .contract, heading: { "Contrat (\(heading($0)))" },
                                         target: { $0.contractTargetDays.current })))

        /// The clock opened by the orientation `event`, notified on `notified`.
        package static func start(notified: CivilDate, by event: Event, under parameters: Parameters) -> Deadline? {
            guard let months = parameters.contractDeadlineMonths.value(on: notified) else { return nil }
            let target = parameters.contractTargetDays.value(on: notified).map { notified.adding(days: $0) }
            return Deadline(rule: id, start: notified, due: parameters.lastDay(after: notified, months: months),
                                    target: target, event: event.id, origin: .orientationNotified)
        }

        /// `le mois` (one month), `les deux mois`: the period in titles.
        package static func month(_ parameters: Parameters) -> String {
            let months = parameters.contractDeadlineMonths.latest
            return months == 1 ? "le mois" : "les \(FrenchWords.months(months))"
        }

        /// `1 mois`: the period in the text report's headings.
        package static func heading(_ parameters: Parameters) -> String { "\(parameters.contractDeadlineMonths.latest) mois" }
    }
}
