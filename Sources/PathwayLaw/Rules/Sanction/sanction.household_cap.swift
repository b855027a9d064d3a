import PathwayMachinery
/// `sanction.household_cap`: the rate does not exceed 50 % for a household of more than one
/// person or with the single-parent increase. CASF R262-68-6 [P].
/// Page: `Docs/rules/sanction.household_cap.md`.
extension Rules.Sanction {
    package enum HouseholdCap: RuleDefinition {
        package static let id: RuleID = "sanction.household_cap"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Plafond du taux pour un foyer",
            summary: "Le taux ne dépasse pas \(law.householdCapPercent.latest) % pour un foyer de plus d'une personne ou bénéficiant de la majoration pour isolement.",
            references: [Law.householdCap],
            parameters: [\.householdCapPercent])

        package static func check(_ c: RuleContext, _ decision: SanctionDecision, _ event: Event, under parameters: Parameters) -> Finding? {
            guard let cap = parameters.householdCapPercent.value(on: event.date),
                  c.state.householdSize > 1 || c.state.singleParentIncrease, decision.percent > cap else { return nil }
            let household = c.state.singleParentIncrease
                ? "un foyer bénéficiant de la majoration pour isolement" : "un foyer de \(c.state.householdSize) personnes"
            return finding(c.state.person, event,
                           "\(decisionText(event, decision)) : taux supérieur à \(cap) % pour \(household). " + cited + ".")
        }

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(c, d.record.decision, event, under: c.parameters) { findings.append(f) }
        }
    }
}
