/// `review.deadline`: a social orientation is followed by a review of the situation within six
/// months of the decision (twelve with `extended_review`). CASF L262-31 [I], D262-65-2-1 [P].
/// Page: `Docs/rules/review.deadline.md`.
extension Rules.Review {
    enum Deadline: RuleDefinition {
        static let id: RuleID = "review.deadline"

        static let rule = Rule(
            id: id, severity: .violation,
            title: "Réexamen de l'orientation sociale",
            summary: "Une orientation à dominante sociale est suivie d'un réexamen de la situation dans les \(FrenchWords.months(law.reviewMonths.latest)) de la décision (\(FrenchWords.months(law.reviewExtendedMonths.latest)) en cas de difficultés durables).",
            references: [Law.socialReview, Law.socialReviewExtended, Law.monthCounting],
            parameters: [\.reviewMonths, \.reviewExtendedMonths, \.monthEnd, \.weekendExtension])

        /// Started by a social orientation; completed by `situation_reviewed`; stopped by a
        /// re-orientation, the right's closure, the end of duties or a transfer.
        static let clock = Clock(
            rule: id, completedBy: [.situationReviewed], stoppedBy: [.closure, .dutiesEnded, .transfer, .reorientation],
            done: "Situation réexaminée", missing: "Aucun réexamen de la situation",
            period: { _, _ in "de réexamen" })

        /// The clock opened by a social orientation `decision`; `nil` for another dominante.
        static func start(_ decision: OrientationDecision, by event: Event, under parameters: Parameters) -> Pathway.Deadline? {
            guard decision.dominante == .social else { return nil }
            let months = decision.extendedReview
                ? parameters.reviewExtendedMonths.value(on: event.date)
                : parameters.reviewMonths.value(on: event.date)
            guard let months else { return nil }
            return Pathway.Deadline(rule: id, start: event.date, due: parameters.lastDay(after: event.date, months: months),
                                    event: event.id, origin: .socialOrientation)
        }

        private static var law: Parameters { .law }
    }
}
