import PathwayMachinery
/// `orientation.competence` (information): an orientation decided by the département after
/// its six-week deadline had run out. By then the competence to orient had passed to France
/// Travail (CASF D262-65-2 [P]): the decision is reported beside `orientation.deadline`, with
/// the same last day (`due`, day 42) and the same day done (the decision's date). The audit
/// reports it; it does not hold the late decision void. Page: `Docs/rules/orientation.competence.md`.
extension Rules.Orientation {
    package enum Competence: RuleDefinition {
        package static let id: RuleID = "orientation.competence"

        package static let rule = Rule(
            id: id, severity: .info,
            title: "Orientation décidée par le département après le délai",
            summary: "Passé le délai de \(DeadlineRule.weeks(.law)), la compétence d'orienter revient à France Travail : une orientation décidée ensuite par le département est signalée.",
            references: [Law.competence, Law.sixWeeksCounting],
            parameters: [\.orientationDeadlineDays, \.weekendExtension],
            inForce: Parameters.law.orientationDeadlineDays.inForce)

        /// The orientation `decision` of `event`, given the record of the orientation clock it
        /// completed (if any).
        package static func check(_ completed: DeadlineRecord?, _ decision: OrientationDecision, _ event: Event, person: String) -> Finding? {
            guard let completed, completed.deadline.rule == DeadlineRule.id, completed.status == .late,
                  decision.decidedBy == .departement else { return nil }
            let due = completed.deadline.due
            let late = event.date.days(since: due)
            return Finding(rule: id, person: person, date: due, due: due, done: event.date, event: event.id,
                           message: ("Orientation décidée par le département le \(event.date), \(days: late) "
                                     + "après l'expiration du délai le \(due) : la compétence d'orienter était alors passée à France Travail. "
                                     + "\(cited)." as Phrase).string)
        }

        package static let trigger = RuleTrigger.completing([.orientationDecided])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, case .orientationDecided(let decision) = event.kind else { return }
            if let f = check(c.completed.first, decision, event, person: c.person) { findings.append(f) }
        }
    }
}
