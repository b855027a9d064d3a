import PathwayMachinery
/// `sanction.refund` (information): a suspension ended by remobilisation gives rise to the
/// refund of the suspended sums, the last months begun up to three. CASF R262-68 [P]; the limit
/// from the parliamentary debates [S]. A remobilisation ends every suspension running or
/// decided and not yet started, each with its own refund. Page: `Docs/rules/sanction.refund.md`.
extension Rules.Sanction {
    package enum Refund: RuleDefinition {
        package static let id: RuleID = "sanction.refund"

        package static let rule = Rule(
            id: id, severity: .info,
            title: "Reversement après remobilisation",
            summary: "Une suspension close par la remobilisation donne lieu au reversement des sommes suspendues, pour les derniers mois commencés dans la limite de \(FrenchWords.months(law.refundLimitMonths.latest)).",
            references: [Law.sanctionFirst, Law.refundLimit],
            parameters: [\.refundLimitMonths, \.sanctionAmountBase])

        /// The refund of `record`, a suspension ended by the remobilisation `event`.
        package static func finding(_ state: PersonState, _ record: SanctionRecord, _ event: Event, under parameters: Parameters) -> Finding? {
            guard let limit = parameters.refundLimitMonths.value(on: record.date) else { return nil }
            let amounts = state.amounts(of: record, asOf: event.date, under: parameters)
            let begun = record.monthsBegun(by: event.date)
            var text: Phrase = "Remobilisation le \(event.date) : la suspension décidée le \(record.date) (\(record.decision.percent) % pendant "
                + "\(record.decision.months) mois à partir du \(record.starts), événement \(record.event)) prend fin"
            if begun == 0 {
                text += " avant d'avoir commencé : rien n'a été retenu"
            } else if let amounts {
                let constant = amounts.withheld.value == amounts.perMonth.value * Int64(begun)
                text += " ; \(begun) mois commencé\(begun > 1 ? "s" : "")"
                if constant { text += " de \(euros: amounts.perMonth)" }
                text += " retenu\(begun > 1 ? "s" : ""), soit \(euros: amounts.withheld) ; à reverser : \(euros: amounts.refunded) "
                    + "(\(begun > limit ? "les \(limit) derniers mois, " : "")limite de \(limit) mois)"
                if amounts.lost.value > 0 { text += " ; perdu : \(euros: amounts.lost)" }
            } else {
                text += " ; \(begun) mois commencé\(begun > 1 ? "s" : "") ; montant mensuel inconnu : somme à reverser non calculée"
            }
            return finding(state.person, event, ("\(text). \(cited)." as Phrase).string)
        }

        package static let trigger = RuleTrigger.suspensionEnded

        package static func evaluate(_ c: RuleContext, into findings: inout [Finding]) {
            guard let event = c.event, let record = c.ended else { return }
            if let f = finding(c.state, record, event, under: c.parameters) { findings.append(f) }
        }
    }
}
