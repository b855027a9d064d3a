import PathwayMachinery
/// `sanction.team_opinion`: a suppression is preceded by the opinion of the équipe
/// pluridisciplinaire. CASF L262-37 [P], L262-39 [P]. Page: `Docs/rules/sanction.team_opinion.md`.
extension Rules.Sanction {
    package enum TeamOpinion: RuleDefinition {
        package static let id: RuleID = "sanction.team_opinion"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Avis de l'équipe pluridisciplinaire avant une suppression",
            summary: "Une suppression est précédée de l'avis de l'équipe pluridisciplinaire.",
            references: [Law.sanctions, Law.teamOpinion],
            parameters: [])

        /// A suppression with no opinion since the `previous` decision.
        package static func check(_ c: RuleContext, _ decision: SanctionDecision, _ event: Event, previous: SanctionRecord?) -> Finding? {
            guard decision.measure == .suppression else { return nil }
            let since = previous?.date
            let opinion = c.state.teamOpinions.last { day in day <= event.date && since.map { day > $0 } ?? true }
            guard opinion == nil else { return nil }
            return finding(c.state.person, event,
                           "Suppression décidée le \(event.date) sans avis de l'équipe pluridisciplinaire "
                           + (since.map { "depuis la décision précédente du \($0)" } ?? "avant la décision") + ". " + cited + ".")
        }

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(c, d.record.decision, event, previous: d.previous) { findings.append(f) }
        }
    }
}
