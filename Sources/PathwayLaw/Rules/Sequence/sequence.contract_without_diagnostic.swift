import PathwayMachinery
/// `sequence.contract_without_diagnostic`: the contrat d'engagement takes the diagnostic global
/// into account; a contract signed with no diagnostic in the current pathway is reported.
/// C. trav. L5411-5-2 [P]. Page: `Docs/rules/sequence.contract_without_diagnostic.md`.
extension Rules.Sequence {
    package enum ContractWithoutDiagnostic: RuleDefinition {
        package static let id: RuleID = "sequence.contract_without_diagnostic"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Contrat signé sans diagnostic",
            summary: "Le contrat d'engagement tient compte du diagnostic global : un contrat signé sans diagnostic dans le parcours en cours est signalé.",
            references: [Law.contractDiagnostic],
            parameters: [])

        /// A `contract_signed` with no `diagnostic_completed` in the current pathway.
        package static func check(_ c: RuleContext, _ event: Event) -> Finding? {
            guard event.type == .contractSigned, c.state.diagnosticOn == nil else { return nil }
            return finding(c.state.person, event,
                           "Contrat d'engagement signé le \(event.date) sans diagnostic global enregistré dans le parcours en cours. "
                           + cited + ".")
        }

        package static let trigger = RuleTrigger.before([.contractSigned])
        package static let needs: DataNeed? = DataNeed(.diagnosticCompleted, missing: "aucun diagnostic", consequence: "un contrat sans diagnostic ne peut pas être signalé")

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            if let event = c.event, let f = check(c, event) { findings.append(f) }
        }
    }
}
