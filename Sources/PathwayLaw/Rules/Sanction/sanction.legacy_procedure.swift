import PathwayMachinery
/// `sanction.legacy_procedure`: before 2025-06-01, every decision followed a letter informing the
/// person (after the previous decision) and the opinion of the équipe pluridisciplinaire, given
/// after that letter and on or before the decision, or deemed given once a month had run from the
/// team's referral. Former CASF R262-69 and R262-71 [P].
/// Page: `Docs/rules/sanction.legacy_procedure.md`.
extension Rules.Sanction {
    package enum LegacyProcedure: RuleDefinition {
        package static let id: RuleID = "sanction.legacy_procedure"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Procédure du régime antérieur",
            summary: "Avant le régime du décret n° 2025-478, une décision suit l'information de la personne et l'avis de l'équipe pluridisciplinaire, rendu ou réputé rendu après sa saisine.",
            references: [Law.legacyProcedure],
            parameters: [\.teamOpinionDeemedMonths, \.monthEnd],
            inForce: law.sanctionBounds.periods.first { $0.value.regime == .legacy }.map { period in
                InForce(from: period.from, until: decreeStart(.law)?.adding(days: -1))
            } ?? .always)

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            if let f = check(c, d, event, under: c.parameters) { findings.append(f) }
        }

        /// A decision under the former regime with no information before it, or with no opinion
        /// of the team given or deemed given after that information.
        package static func check(_ c: RuleContext, _ d: ClassifiedDecision, _ event: Event, under parameters: Parameters) -> Finding? {
            guard d.bounds.regime == .legacy, let months = parameters.teamOpinionDeemedMonths.value(on: event.date) else { return nil }
            let previous = d.previous
            let text = decisionText(event, d.record.decision)
            guard let notice = Rules.Sanction.notice(for: event.date, after: previous, in: c.state.notices) else {
                let window = previous.map { "depuis la décision précédente du \($0.date)" } ?? "avant elle"
                return finding(c.state.person, event, "\(text) sans information préalable de la personne \(window). " + cited + ".")
            }
            if c.state.teamOpinions.contains(where: { $0 > notice.date && $0 <= event.date }) { return nil }
            let referrals = c.state.teamReferrals.filter { $0 > notice.date && $0 <= event.date }
            if referrals.contains(where: { parameters.lastDay(after: $0, months: months) < event.date }) { return nil }
            let why: String
            if let referral = referrals.first {
                let deemed = parameters.lastDay(after: referral, months: months).adding(days: 1)
                why = "l'équipe pluridisciplinaire, saisie le \(referral), n'avait pas rendu son avis, et ne pouvait être réputée l'avoir rendu qu'à partir du \(deemed)"
            } else {
                why = "ni avis de l'équipe pluridisciplinaire ni saisine de celle-ci après l'information du \(notice.date)"
            }
            return finding(c.state.person, event, "\(text) : \(why). " + cited + ".")
        }
    }
}
