import PathwayMachinery
/// `sanction.notice`: from 2025-06-01, a decision follows a notification of the facts and of
/// the sanction considered, and is taken only after the ten days left for observations, counted
/// from the day the person received the notification. The one exemption: a **suspension**
/// decided on a France Travail proposal and no heavier than that proposal (when its terms are
/// known); a suppression always needs the notice. CASF L262-37 IV [P].
/// Page: `Docs/rules/sanction.notice.md`.
extension Rules.Sanction {
    package enum Notice: RuleDefinition {
        package static let id: RuleID = "sanction.notice"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Préavis et délai d'observations",
            summary: "À partir du \(law.sanctionNoticeDays.firstDay), la décision suit une notification des faits et de la sanction envisagée, et n'est prise qu'après les \(FrenchWords.days(law.sanctionNoticeDays.latest)) laissés pour les observations depuis sa réception ; seule une suspension proposée par France Travail, et pas plus lourde que sa proposition, en est dispensée.",
            references: [Law.noticeProcedure],
            parameters: [\.sanctionNoticeDays, \.weekendExtension],
            inForce: law.sanctionNoticeDays.inForce)

        /// Whether `decision` needs no notice: a suspension that follows a France Travail
        /// proposal and is no heavier than its terms, when they are given.
        package static func isExempt(_ decision: SanctionDecision) -> Bool {
            decision.measure == .suspension && decision.proposedByFranceTravail
                && decision.proposedPercent.map { decision.percent <= $0 } != false
                && decision.proposedMonths.map { decision.months <= $0 } != false
        }

        /// Why a decision on a France Travail proposal still needed the notice, or nothing.
        private static func notExempt(_ decision: SanctionDecision) -> String {
            guard decision.proposedByFranceTravail else { return ", et sans proposition de France Travail" }
            if decision.measure == .suppression {
                return " : une suppression demande la notification même sur proposition de France Travail"
            }
            let proposal = [decision.proposedPercent.map { "\($0) %" }, decision.proposedMonths.map { "\($0) mois" }]
                .compactMap { $0 }.joined(separator: " pendant ")
            return " : la décision est plus lourde que la proposition de France Travail (\(proposal))"
        }

        /// A decision taken with no notice since the `previous` decision, or before the days
        /// for observations have run; none when France Travail proposed it, or before the rule
        /// is in force.
        package static func check(_ c: RuleContext, _ decision: SanctionDecision, _ event: Event, previous: SanctionRecord?,
                          under parameters: Parameters) -> Finding? {
            guard let days = parameters.sanctionNoticeDays.value(on: event.date), !isExempt(decision) else { return nil }
            let notice = Rules.Sanction.notice(for: event.date, after: previous, in: c.state.notices)
            guard let notice else {
                let window = previous.map { "depuis la décision précédente du \($0.date)" } ?? "avant elle"
                return finding(c.state.person, event,
                               ("Décision du \(event.date) sans notification préalable des faits et de la sanction envisagée \(window)"
                                + "\(notExempt(decision)). \(cited)." as Phrase).string)
            }
            let lastDay = parameters.lastDay(after: notice.date, days: days)
            guard event.date <= lastDay else { return nil }
            let elapsed = event.date.days(since: notice.date)
            let text: Phrase = "Décision du \(event.date), \(days: elapsed) après la réception de la notification le \(notice.date) "
                + "(événement \(notice.event)) : le délai de \(days) jours pour présenter des observations courait jusqu'au \(lastDay) inclus ; "
                + "la décision ne pouvait être prise qu'à partir du \(lastDay.adding(days: 1)). \(cited)."
            return finding(c.state.person, event, text.string)
        }

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(c, d.record.decision, event, previous: d.previous, under: c.parameters) { findings.append(f) }
        }
    }
}
