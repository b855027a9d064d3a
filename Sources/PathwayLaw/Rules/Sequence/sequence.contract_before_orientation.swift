import PathwayMachinery
/// `sequence.contract_before_orientation`: a contrat d'engagement is signed only with an
/// organisme référent designated by an orientation decision in force. CASF L262-29 [P],
/// C. trav. D5411-14-1 [S]. Page: `Docs/rules/sequence.contract_before_orientation.md`.
extension Rules.Sequence {
    package enum ContractBeforeOrientation: RuleDefinition {
        package static let id: RuleID = "sequence.contract_before_orientation"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Contrat signé sans orientation",
            summary: "Un contrat d'engagement n'est signé qu'avec un organisme référent désigné par une décision d'orientation en vigueur.",
            references: [Law.orientationReferent, Law.contractDeadline],
            parameters: [])

        /// A `contract_signed` while no orientation is in force in the current pathway.
        package static func check(_ c: RuleContext, _ event: Event) -> Finding? {
            guard event.type == .contractSigned, c.state.orientation == nil else { return nil }
            return finding(c.state.person, event,
                           "Contrat d'engagement signé le \(event.date) alors qu'aucune décision d'orientation n'est en vigueur dans le parcours. "
                           + cited + ".")
        }

        package static let trigger = RuleTrigger.before([.contractSigned])

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            if let event = c.event, let f = check(c, event) { findings.append(f) }
        }
    }
}
