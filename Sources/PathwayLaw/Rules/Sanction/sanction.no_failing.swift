import PathwayMachinery
/// `sanction.no_failing`: a sanction sanctions a failing recorded without a legitimate reason
/// and not yet sanctioned, unless it sanctions persistence after a suspension that ran to its
/// term without remobilisation. CASF L262-37 [P], R262-68 [P].
/// Page: `Docs/rules/sanction.no_failing.md`.
extension Rules.Sanction {
    package enum NoFailing: RuleDefinition {
        package static let id: RuleID = "sanction.no_failing"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Sanction sans manquement",
            summary: "Une sanction sanctionne un manquement constaté sans motif légitime et non encore sanctionné, sauf la persistance après une suspension allée à son terme sans remobilisation.",
            references: [Law.sanctions, Law.sanctionFirst],
            parameters: [])

        /// A decision the regime found no basis for.
        package static func check(_ record: SanctionRecord, _ event: Event, person: String) -> Finding? {
            guard record.basis == .none else { return nil }
            return finding(person, event,
                           "\(decisionText(event, record.decision)) sans manquement constaté sans motif légitime et non encore sanctionné, "
                           + "et sans suspension antérieure allée à son terme sans remobilisation (persistance). " + cited + ".")
        }

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(d.record, event, person: c.person) { findings.append(f) }
        }
    }
}
