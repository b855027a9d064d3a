import PathwayMachinery
/// `appeal.late` (information): an appeal against a decision is sent within two months of its
/// notification (CASF R262-88 [P]), counted from day J to day J, plus one day when the period is
/// counted franc (`appeal_period_franc` [I]). A late appeal is reported, for information: the
/// PCD may still answer it. Page: `Docs/rules/appeal.late.md`.
extension Rules.Appeal {
    package enum Late: RuleDefinition {
        package static let id: RuleID = "appeal.late"

        package static let rule = Rule(
            id: id, severity: .info,
            title: "Recours reçu après le délai",
            summary: "Le recours administratif préalable est reçu dans le délai qui suit la notification de la décision contestée ; un recours reçu après est signalé.",
            references: [Law.appealRequired, Law.appealPeriod, Law.appealFranc, Law.monthCounting],
            parameters: [\.appealMonths, \.appealPeriodFranc, \.monthEnd])

        package static let trigger = RuleTrigger.before([.appealFiled])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, case .appealFiled(let id) = event.kind,
                  let decision = c.state.sanctions.first(where: { $0.event == id }),
                  let lastDay = lastDay(for: decision, under: c.parameters), event.date > lastDay else { return }
            let notified = decision.decision.notified ?? decision.date
            let late = event.date.days(since: lastDay)
            findings.append(Finding(rule: self.id, severity: rule.severity, person: c.person, date: lastDay, due: lastDay,
                                    done: event.date, event: event.id, text: .text(
                "Recours reçu le \(event.date) contre la décision du \(decision.date) (événement \(decision.event)) notifiée le \(notified) : "
                + "le délai de recours courait jusqu'au \(lastDay) inclus (\(FrenchWords.dayCount(late)) de retard). " + cited + ".")))
        }

        /// The last day to appeal `decision`: its notification + the months to appeal, + 1 day franc.
        package static func lastDay(for decision: SanctionRecord, under parameters: Parameters) -> CivilDate? {
            let notified = decision.decision.notified ?? decision.date
            guard let months = parameters.appealMonths.value(on: notified),
                  let franc = parameters.appealPeriodFranc.value(on: notified) else { return nil }
            return parameters.lastDay(after: notified, months: months).adding(days: franc ? 1 : 0)
        }
    }
}
