import PathwayMachinery
/// `review.deadline`: while a social orientation is in force, the person's situation is
/// re-examined within six months of each signature or revision of the contrat d'engagement
/// (twelve with `extended_review`). CASF L262-31 as amended by loi 2023-1196, in force
/// 2025-01-01 [P]; D262-65-2-1 [P]. Page: `Docs/rules/review.deadline.md`.
extension Rules.Review {
    package enum DeadlineRule: RuleDefinition {
        package static let id: RuleID = "review.deadline"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Réexamen de l'orientation sociale",
            summary: "Une personne orientée vers la dominante sociale voit sa situation réexaminée dans les \(FrenchWords.months(law.reviewMonths.latest)) qui suivent la signature ou la révision de son contrat d'engagement (\(FrenchWords.months(law.reviewExtendedMonths.latest)) en cas de difficultés durables) ; chaque nouvelle signature ou révision fait repartir le délai.",
            references: [Law.socialReview, Law.socialReviewExtended, Law.monthCounting],
            parameters: [\.reviewMonths, \.reviewExtendedMonths, \.monthEnd, \.weekendExtension],
            inForce: law.reviewMonths.inForce)

        /// Started by a contract signed or revised under a social orientation; completed by
        /// `situation_reviewed`; restarted by the next signature or revision; stopped by a
        /// re-orientation to another dominante, the right's closure, the end of duties or a
        /// transfer.
        package static let trigger = RuleTrigger.clock(DeadlineClock(
            rule: id, startedBy: [.contractSigned],
            start: { c in c.event.flatMap { start(by: $0, under: c.state.orientation, parameters: c.parameters) } },
            completedBy: [.situationReviewed],
            stoppedBy: [.closure, .dutiesEnded, .transfer, .dominanteChanged, .contractRevised],
            done: "Situation réexaminée", missing: "Aucun réexamen de la situation",
            period: { _, _ in "de réexamen" },
            indicator: DeadlineIndicator(slot: .review, heading: { _ in "Réexamen social" }, target: nil)))

        /// The clock opened by the contract `event` (signed or updated) under `orientation`;
        /// `nil` under another dominante, or before the rule is in force.
        package static func start(by event: Event, under orientation: OrientationInForce?, parameters: Parameters) -> Deadline? {
            guard let orientation, orientation.decision.dominante == .social else { return nil }
            let months = orientation.decision.extendedReview
                ? parameters.reviewExtendedMonths.value(on: event.date)
                : parameters.reviewMonths.value(on: event.date)
            guard let months else { return nil }
            return Deadline(rule: id, start: event.date, due: parameters.lastDay(after: event.date, months: months),
                                    event: event.id, origin: .contract)
        }

    }
}
