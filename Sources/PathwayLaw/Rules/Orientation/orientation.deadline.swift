import PathwayMachinery
/// `orientation.deadline`: a person subject to rights and duties is oriented by the 42nd day
/// after the département received the information that the right was opened (or transferred
/// in). CASF D262-65-2 [P]; six weeks counted as 42 days, day 0 the receipt [I].
/// Page: `Docs/rules/orientation.deadline.md`.
extension Rules.Orientation {
    package enum DeadlineRule: RuleDefinition {
        package static let id: RuleID = "orientation.deadline"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Orientation dans le délai légal",
            summary: "Une personne soumise aux droits et devoirs est orientée au plus tard le \(law.orientationDeadlineDays.latest)e jour après la réception par le département de l'information d'ouverture (ou de transfert) du droit.",
            references: [Law.orientationDeadline, Law.sixWeeksCounting],
            parameters: [\.orientationDeadlineDays, \.orientationTargetDays, \.weekendExtension],
            inForce: law.orientationDeadlineDays.inForce)

        /// Started by the right's opening (or transfer, or entry into duties); completed by the
        /// orientation decision; stopped by the right's closure, the end of duties or a transfer.
        package static let trigger = RuleTrigger.clock(DeadlineClock(
            rule: id, startedBy: [.orientationDue], start: { start(from: $0.event, under: $0.parameters) },
            completedBy: [.orientationDecided], stoppedBy: [.closure, .dutiesEnded, .transfer],
            done: "Orientation décidée", missing: "Aucune orientation",
            period: { parameters, start in
                parameters.orientationDeadlineDays.value(on: start).map { FrenchWords.of(FrenchWords.weeksOrDays($0)) } ?? "légal"
            },
            // The local target is measured to the orientation's notification.
            targetDay: { event in
                if case .orientationDecided(let decision) = event.kind { return decision.notified ?? event.date }
                return event.date
            },
            indicator: DeadlineIndicator(slot: .orientation, heading: { "Orientation (\(heading($0)))" },
                                         target: { $0.orientationTargetDays.current })))

        /// The clock opened by `event` (a `right_opened` or a `duties_changed` into duties),
        /// with the local target when the département set one; `nil` before the rule is in force.
        /// A target of N days is met by an orientation notified **before** day N (the national
        /// indicator: clock started on 01/03, target 15 days, notified on 15/03 met, on 16/03
        /// missed): its last day is day N − 1.
        package static func start(from event: Event?, under parameters: Parameters) -> Deadline? {
            guard let event, let days = parameters.orientationDeadlineDays.value(on: event.date) else { return nil }
            let target = parameters.orientationTargetDays.value(on: event.date).map { event.date.adding(days: $0 - 1) }
            let origin: Deadline.Origin
            if case .rightOpened(let opening) = event.kind {
                origin = opening.transfer ? .transfer : .rightOpened
            } else {
                origin = .dutiesStarted
            }
            return Deadline(rule: id, start: event.date, due: parameters.lastDay(after: event.date, days: days),
                                    target: target, event: event.id, origin: origin)
        }

        /// `six semaines`, from the latest value (titles and report headings).
        package static func weeks(_ parameters: Parameters) -> String {
            FrenchWords.weeksOrDays(parameters.orientationDeadlineDays.latest)
        }

        /// `6 semaines`: the period in the text report's headings.
        package static func heading(_ parameters: Parameters) -> String {
            let days = parameters.orientationDeadlineDays.latest
            return days % 7 == 0 ? "\(days / 7) semaines" : "\(days) jours"
        }

    }
}
