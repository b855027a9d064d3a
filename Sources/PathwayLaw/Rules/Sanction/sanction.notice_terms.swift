import PathwayMachinery
/// `sanction.notice_terms` (warning): from 2025-06-01, the notice announces the sanction
/// envisaged; a decision heavier than the one announced (a suppression after a notified
/// suspension, a share or a duration above the notified ones, each compared only when the notice
/// gives it) deprives the person of the chance to comment on it. The notice article of décret
/// 2025-478 [P]; reported as a warning [I]. Page: `Docs/rules/sanction.notice_terms.md`.
extension Rules.Sanction {
    package enum NoticeTerms: RuleDefinition {
        package static let id: RuleID = "sanction.notice_terms"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Décision plus lourde que la sanction notifiée",
            summary: "La décision ne dépasse pas la sanction annoncée par la notification : pas de suppression après une suspension notifiée, ni de taux ou de durée supérieurs à ceux notifiés.",
            references: [Law.hearingRight, Law.noticeTerms],
            parameters: [\.sanctionNoticeDays],
            inForce: law.sanctionNoticeDays.inForce)

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(c, d.record.decision, event, previous: d.previous, under: c.parameters) { findings.append(f) }
        }

        /// What the decision adds to the notice that counts for it (the latest after the previous
        /// decision, on or before this one), or nothing.
        package static func check(_ c: RuleContext, _ decision: SanctionDecision, _ event: Event, previous: SanctionRecord?,
                                  under parameters: Parameters) -> Finding? {
            guard parameters.sanctionNoticeDays.value(on: event.date) != nil,
                  let notice = Rules.Sanction.notice(for: event.date, after: previous, in: c.state.notices)
            else { return nil }
            var heavier: [String] = []
            if notice.terms.measure == .suspension && decision.measure == .suppression {
                heavier.append("une suppression, alors qu'une suspension était notifiée")
            }
            if let percent = notice.terms.percent, decision.percent > percent {
                heavier.append("un taux de \(decision.percent) %, au-dessus des \(percent) % notifiés")
            }
            if let months = notice.terms.months, decision.months > months {
                heavier.append("une durée de \(decision.months) mois, au-delà des \(months) mois notifiés")
            }
            guard !heavier.isEmpty else { return nil }
            return finding(c.state.person, event,
                           "\(decisionText(event, decision)) plus lourde que la sanction annoncée par la notification du \(notice.date) "
                           + "(événement \(notice.event)) : " + heavier.joined(separator: " ; ") + ". " + cited + ".")
        }
    }
}
