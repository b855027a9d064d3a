import PathwayMachinery
/// `sanction.legacy_bounds`: before 2025-06-01 (former CASF R262-68), a first decision is of at
/// most 80 % for one to three months; later decisions last one to four months.
/// Page: `Docs/rules/sanction.legacy_bounds.md`.
extension Rules.Sanction {
    package enum LegacyBounds: RuleDefinition {
        package static let id: RuleID = "sanction.legacy_bounds"

        package static let rule = Rule(
            id: id, severity: .violation,
            title: "Bornes du régime antérieur",
            summary: "Avant le \(decreeDay), une première décision est d'au plus \(legacy.firstMaximumPercent ?? 100) % pour \(FrenchWords.number(legacy.firstMonths.lowerBound)) à \(FrenchWords.number(legacy.firstMonths.upperBound)) mois ; les décisions suivantes durent \(FrenchWords.number(legacy.laterMonths.lowerBound)) à \(FrenchWords.number(legacy.laterMonths.upperBound)) mois.",
            references: [Law.legacySanctions],
            parameters: [\.sanctionBounds],
            inForce: InForce(from: nil, until: decreeStart(.law)?.adding(days: -1)))

        /// A decision under the former regime's `bounds`; `isFirst` when no earlier decision of
        /// the pathway is in force.
        package static func check(_ decision: SanctionDecision, _ event: Event, isFirst: Bool, bounds: SanctionBounds,
                          person: String, under parameters: Parameters) -> Finding? {
            guard bounds.regime == .legacy else { return nil }
            let months = isFirst ? bounds.firstMonths : bounds.laterMonths
            let tooHigh = isFirst && bounds.firstMaximumPercent.map { decision.percent > $0 } == true
            guard tooHigh || !months.contains(decision.months) else { return nil }
            let rule = isFirst
                ? "une première décision est d'au plus \(bounds.firstMaximumPercent ?? 100) % pour \(bounds.firstMonths.lowerBound) à \(bounds.firstMonths.upperBound) mois"
                : "une décision suivante dure \(bounds.laterMonths.lowerBound) à \(bounds.laterMonths.upperBound) mois"
            let before = decreeStart(parameters).map { ", prise avant le \($0)" } ?? ""
            return finding(person, event, "\(decisionText(event, decision))\(before) : sous le régime antérieur, \(rule). " + cited + ".")
        }

        package static let trigger = RuleTrigger.decision

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let d = c.decision else { return }
            // The former regime's first decision is the person's first ever, in any pathway,
            // withdrawn decisions aside (former R262-68: "n'a jamais fait l'objet d'une décision").
            let isFirst = c.state.sanctions.allSatisfy(\.isWithdrawn)
            if let f = check(d.record.decision, event, isFirst: isFirst, bounds: d.bounds, person: c.person, under: c.parameters) {
                findings.append(f)
            }
        }
    }
}
