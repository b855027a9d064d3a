import PathwayMachinery
/// `sequence.after_closure`: after the right's closure only a new opening is expected; any
/// other event is reported and not replayed. CASF R262-40 [P].
/// Page: `Docs/rules/sequence.after_closure.md`.
extension Rules.Sequence {
    package enum AfterClosure: RuleDefinition {
        package static let id: RuleID = "sequence.after_closure"

        package static let rule = Rule(
            id: id, severity: .warning,
            title: "Événement après la clôture du droit",
            summary: "Après la clôture du droit, seule une nouvelle ouverture du droit est attendue : tout autre événement est signalé et n'est pas rejoué.",
            references: [Law.rightEnd],
            parameters: [])

        /// An event other than `right_opened` after the right's closure; the state machine then
        /// does not replay it.
        package static func check(_ c: RuleContext, _ event: Event) -> Finding? {
            guard case .closed(let closedOn, _) = c.state.right, event.type != .rightOpened else { return nil }
            return finding(c.state.person, event,
                           "Événement « \(FrenchWords.label(event.type)) » du \(event.date) postérieur à la clôture du droit le \(closedOn) : non rejoué. "
                           + cited + ".")
        }

        package static let trigger = RuleTrigger.closedRight

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            if let event = c.event, let f = check(c, event) { findings.append(f) }
        }
    }
}
