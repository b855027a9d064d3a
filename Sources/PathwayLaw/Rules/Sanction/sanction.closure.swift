import PathwayMachinery
/// `sanction.closure`: the right is closed for sanction only after a total suppression of four
/// months has run to its term. CASF R262-68 [P], R262-40 3° [P].
/// Page: `Docs/rules/sanction.closure.md`.
extension Rules.Sanction {
    package enum Closure: RuleDefinition {
        package static let id: RuleID = "sanction.closure"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Clôture pour sanction",
            summary: "Le droit n'est clos pour sanction qu'après une suppression totale de \(FrenchWords.months(law.closureSuppressionMonths.latest)) allée à son terme.",
            references: [Law.sanctionFirst, Law.rightEndSanction],
            parameters: [\.closureSuppressionMonths])

        /// A `right_closed` for sanction.
        package static func check(_ c: RuleContext, _ event: Event, under parameters: Parameters) -> Finding? {
            guard case .rightClosed(.sanction) = event.kind,
                  let months = parameters.closureSuppressionMonths.value(on: event.date) else { return nil }
            let sanctions = c.state.pathwaySanctions
            let completed = sanctions.contains {
                !$0.isWithdrawn && $0.decision.measure == .suppression && $0.decision.percent == 100
                    && $0.decision.months >= months && $0.term <= event.date
            }
            guard !completed else { return nil }
            let suppressions = sanctions.filter { $0.decision.measure == .suppression && !$0.isWithdrawn }
            let facts = suppressions.isEmpty
                ? "aucune suppression n'a été décidée"
                : "suppressions décidées : " + suppressions.map { "\($0.decision.percent) % pendant \($0.decision.months) mois du \($0.starts) au \($0.term)" }.joined(separator: ", ")
            return finding(c.state.person, event,
                           "Droit clos pour sanction le \(event.date) sans suppression totale de \(months) mois allée à son terme (\(facts)). "
                           + cited + ".")
        }

        package static let trigger = RuleTrigger.before([.rightClosed])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            if let event = c.event, let f = check(c, event, under: c.parameters) { findings.append(f) }
        }
    }
}
