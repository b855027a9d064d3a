import PathwayMachinery
/// `sanction.hearing`: from 2025-06-01, the notice leaves the person ten days to send written
/// observations or to ask to be heard; a person who asked to be heard within those days is heard
/// before the decision. A hearing the person did not attend (`missed`) discharges the duty; one
/// excused does not. The notice article of décret 2025-478 [P] for the right; "before the
/// decision" and the missed hearing are [I]. Page: `Docs/rules/sanction.hearing.md`.
extension Rules.Sanction {
    package enum Hearing: RuleDefinition {
        package static let id: RuleID = "sanction.hearing"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Audition demandée avant la décision",
            summary: "Une personne qui a demandé à être entendue dans le délai laissé pour ses observations est entendue avant la décision ; une audition manquée vaut audition, une audition excusée non.",
            references: [Law.hearingRight, Law.hearingBeforeDecision],
            parameters: [\.sanctionNoticeDays, \.weekendExtension],
            inForce: law.sanctionNoticeDays.inForce)

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(c, d.record.decision, event, previous: d.previous, under: c.parameters) { findings.append(f) }
        }

        /// A decision that needed the notice, taken while a request to be heard, received within
        /// the days for observations, had had no hearing attended or missed by the decision's day.
        package static func check(_ c: RuleContext, _ decision: SanctionDecision, _ event: Event, previous: SanctionRecord?,
                                  under parameters: Parameters) -> Finding? {
            guard let days = parameters.sanctionNoticeDays.value(on: event.date), !Notice.isExempt(decision),
                  let notice = Rules.Sanction.notice(for: event.date, after: previous, in: c.state.notices)
            else { return nil }
            let lastDay = parameters.lastDay(after: notice.date, days: days)
            guard let request = c.state.hearingRequests.first(where: { day in
                day <= lastDay && day <= event.date && previous.map { day > $0.date } ?? true
            }) else { return nil }
            let heard = c.state.hearings.contains { h in
                h.date >= request && h.date <= event.date && (h.status == .attended || h.status == .missed)
            }
            guard !heard else { return nil }
            let excused = c.state.hearings.contains { h in h.date >= request && h.date <= event.date && h.status == .excused }
            return Finding(rule: id, severity: rule.severity, person: c.state.person, date: event.date, due: event.date, done: nil,
                           event: event.id, text: .text(
                "\(decisionText(event, decision)) sans audition, alors que la personne avait demandé à être entendue le \(request), "
                + "dans le délai d'observations ouvert par la notification du \(notice.date) (jusqu'au \(lastDay) inclus)"
                + (excused ? " ; l'audition excusée ne vaut pas audition" : "") + ". " + cited + "."))
        }
    }
}
