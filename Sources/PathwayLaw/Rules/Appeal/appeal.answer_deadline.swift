import PathwayMachinery
/// `appeal.answer_deadline` (warning): the PCD answers an appeal within two months of receiving
/// it (CASF R262-89 [P]); once it was referred to the commission de recours amiable, within one
/// month of the commission's opinion, itself deemed given one month after the referral when none
/// is recorded by then (R262-90 [P]). Unanswered at the audit date past that day: an implicit
/// rejection (CRPA L231-4 [S]). Page: `Docs/rules/appeal.answer_deadline.md`.
extension Rules.Appeal {
    package enum AnswerDeadline: RuleDefinition {
        package static let id: RuleID = "appeal.answer_deadline"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Réponse au recours dans le délai",
            summary: "Le président répond au recours dans le délai qui suit sa réception, ou, après saisine de la commission de recours amiable, dans le délai qui suit son avis, réputé rendu à défaut.",
            references: [Law.appealAnswer, Law.appealCommission, Law.implicitRejection, Law.monthCounting],
            parameters: [\.appealAnswerMonths, \.appealCommissionMonths, \.monthEnd])

        package static let trigger = RuleTrigger.closing

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard case .closing(let asOf, _) = c.moment else { return }
            for appeal in c.state.appeals {
                guard let due = due(appeal, under: c.parameters) else { continue }
                if let decided = appeal.decided {
                    guard decided > due else { continue }
                    findings.append(Finding(rule: id, severity: rule.severity, person: c.person, date: due, due: due, done: decided,
                                            event: appeal.event, text: .text(
                        "Réponse au recours du \(appeal.date) (événement \(appeal.event)) le \(decided) : \(basis(appeal, due, c.parameters)) "
                        + "(\(FrenchWords.dayCount(decided.days(since: due))) de retard). " + cited + ".")))
                } else if asOf > due {
                    findings.append(Finding(rule: id, severity: rule.severity, person: c.person, date: due, due: due, done: nil,
                                            event: appeal.event, text: .text(
                        "Recours du \(appeal.date) (événement \(appeal.event)) sans réponse au \(asOf) : \(basis(appeal, due, c.parameters)) ; "
                        + "le silence vaut rejet implicite. " + cited + ".")))
                }
            }
        }

        /// The last day to answer `appeal`, under the parameters in force on its day.
        package static func due(_ appeal: AppealRecord, under parameters: Parameters) -> CivilDate? {
            guard let answer = parameters.appealAnswerMonths.value(on: appeal.date),
                  let commission = parameters.appealCommissionMonths.value(on: appeal.date) else { return nil }
            guard let referred = appeal.referred else { return parameters.lastDay(after: appeal.date, months: answer) }
            let deemed = parameters.lastDay(after: referred, months: commission)
            let opinion = appeal.opinion.map { min($0, deemed) } ?? deemed
            return parameters.lastDay(after: opinion, months: commission)
        }

        /// Why `due` is the last day, in French.
        private static func basis(_ appeal: AppealRecord, _ due: CivilDate, _ parameters: Parameters) -> String {
            guard let referred = appeal.referred else { return "le président devait répondre au plus tard le \(due)" }
            let deemed = parameters.appealCommissionMonths.value(on: appeal.date).map { parameters.lastDay(after: referred, months: $0) }
            let opinion = appeal.opinion.flatMap { o in deemed.map { o <= $0 ? "rendu le \(o)" : "réputé rendu le \($0)" } }
                ?? deemed.map { "réputé rendu le \($0)" } ?? ""
            return "saisie de la commission de recours amiable le \(referred), avis \(opinion) : le président devait répondre au plus tard le \(due)"
        }
    }
}
