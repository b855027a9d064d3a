import PathwayMachinery
/// `contract.stock_deadline`: a person whose right was opened before the reform (2025-01-01),
/// still open and subject to duties on 2027-01-01, has signed a contrat d'engagement since the
/// reform. Instruction DGEFP/DFT/2025/10 annexes 1 and 5 [S].
/// Page: `Docs/rules/contract.stock_deadline.md`.
///
/// Unlike the other deadline rules, its clock is not opened by an event: its day 0 and its
/// last day are fixed dates (`stock_cutoff`, `stock_deadline`), and it is judged once, on the
/// situation at the end of the day before `stock_deadline`.
extension Rules.Contract {
    package enum StockDeadline: RuleDefinition {
        package static let id: RuleID = "contract.stock_deadline"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Contrat d'engagement pour le stock",
            summary: "Une personne dont le droit a été ouvert avant le \(law.stockCutoff.latest), toujours ouvert et soumise aux droits et devoirs le \(law.stockDeadline.latest), a signé un contrat d'engagement depuis le \(law.stockCutoff.latest).",
            references: [Law.stockDeadline],
            parameters: [\.stockCutoff, \.stockDeadline])

        /// The stock's deadline for `state`: when its current pathway started before the
        /// reform and the person is subject to duties.
        private static func deadline(for state: PersonState, under parameters: Parameters) -> Deadline? {
            guard case .open(let since, let event) = state.right, state.subjectToDuties,
                  let cutoff = parameters.stockCutoff.value(on: since), since < cutoff,
                  let deadline = parameters.stockDeadline.value(on: since) else { return nil }
            return Deadline(rule: id, start: cutoff, due: deadline.adding(days: -1), event: event, origin: .reform)
        }

        /// Concerns a person whose pathway started before the reform; met by the first
        /// contract signed since; judged once `date` has reached `stock_deadline`.
        package static let trigger = RuleTrigger.fixedDeadline(FixedDeadline(
            rule: id, deadline: { deadline(for: $0, under: $1) },
            judged: { parameters, date in parameters.stockDeadline.value(on: date).map { date >= $0 } ?? false },
            // A day is judged when it is on or after the deadline in force on it: never before
            // the earliest of the periods' max(first day, deadline).
            earliest: { parameters in
                parameters.stockDeadline.periods.map { p in p.from.map { max($0, p.value) } ?? p.value }.min()
            },
            done: { $0.firstContractSinceReform },
            missing: { missing($0) },
            indicator: DeadlineIndicator(slot: .stock, heading: { "Stock avant \(year($0))" }, target: nil)))

        package static func missing(_ deadline: Deadline) -> String {
            "Droit ouvert avant le \(deadline.start), toujours ouvert et soumis aux droits et devoirs le \(deadline.due.adding(days: 1)), "
                + "sans contrat d'engagement signé depuis le \(deadline.start) (échéance le \(deadline.due)). " + cited + "."
        }

        /// `2027`: the year of the stock's deadline, for titles and headings.
        package static func year(_ parameters: Parameters) -> String {
            String(parameters.stockDeadline.latest.components.year)
        }

    }
}
