/// `sanction.notice`: from 2025-06-01, a decision follows a notification of the facts and of
/// the sanction considered, and is taken only after the ten days left for observations, unless
/// France Travail proposed it. CASF L262-37 [P]. Page: `Docs/rules/sanction.notice.md`.
extension Rules.Sanction {
    enum Notice: RuleDefinition {
        static let id: RuleID = "sanction.notice"

        static let rule = Rule(
            id: id, severity: .violation,
            title: "Préavis et délai de \(FrenchWords.days(law.sanctionNoticeDays.latest))",
            summary: "À partir du \(law.sanctionNoticeDays.firstDay), la décision suit une notification des faits et de la sanction envisagée, et n'est prise qu'après les \(FrenchWords.days(law.sanctionNoticeDays.latest)) laissés pour les observations, sauf proposition de France Travail.",
            references: [Law.noticeProcedure],
            parameters: [\.sanctionNoticeDays, \.weekendExtension])

        /// A decision taken with no notice since the `previous` decision, or before the days
        /// for observations have run; none when France Travail proposed it, or before the rule
        /// is in force.
        static func check(_ state: PersonState, _ decision: SanctionDecision, _ event: Event, previous: SanctionRecord?,
                          under parameters: Parameters) -> Finding? {
            guard let days = parameters.sanctionNoticeDays.value(on: event.date), !decision.proposedByFranceTravail else { return nil }
            let notice = state.notices.last { n in n.date <= event.date && previous.map { n.date > $0.date } ?? true }
            guard let notice else {
                let window = previous.map { "depuis la décision précédente du \($0.date)" } ?? "avant elle"
                return finding(state.person, event,
                               "Décision du \(event.date) sans notification préalable des faits et de la sanction envisagée (sanction_notice) \(window), "
                               + "et sans proposition de France Travail. " + cited + ".")
            }
            let lastDay = parameters.lastDay(after: notice.date, days: days)
            guard event.date <= lastDay else { return nil }
            let elapsed = event.date.days(since: notice.date)
            return finding(state.person, event,
                           "Décision du \(event.date), \(elapsed == 1 ? "1 jour" : "\(elapsed) jours") après la notification du \(notice.date) "
                           + "(événement \(notice.event)) : le délai de \(days) jours pour présenter des observations courait jusqu'au \(lastDay) inclus ; "
                           + "la décision ne pouvait être prise qu'à partir du \(lastDay.adding(days: 1)). " + cited + ".")
        }
    }
}
