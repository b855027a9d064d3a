import PathwayMachinery
/// `sequence.orientation_before_registration`: the orientation follows the registration on the
/// list of jobseekers; an orientation of a person never registered is reported.
/// C. trav. L5411-1 2° [P]. Page: `Docs/rules/sequence.orientation_before_registration.md`.
extension Rules.Sequence {
    package enum OrientationBeforeRegistration: RuleDefinition {
        package static let id: RuleID = "sequence.orientation_before_registration"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Orientation sans inscription à France Travail",
            summary: "L'orientation suit l'inscription sur la liste des demandeurs d'emploi : une orientation d'une personne jamais inscrite est signalée.",
            references: [Law.registration],
            parameters: [])

        /// An `orientation_decided` of a person with no `registered` before it.
        package static func check(_ c: RuleContext, _ event: Event) -> Finding? {
            guard c.state.registeredOn == nil else { return nil }
            return finding(c.state.person, event,
                           "Orientation décidée le \(event.date) alors que la personne n'a jamais été inscrite à France Travail. "
                           + cited + ".")
        }

        package static let trigger = RuleTrigger.before([.orientationDecided])
        package static let needs: DataNeed? = DataNeed(.registered, missing: "aucune inscription à France Travail", consequence: "l'ordre inscription puis orientation ne peut pas être vérifié")

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            if let event = c.event, let f = check(c, event) { findings.append(f) }
        }
    }
}
