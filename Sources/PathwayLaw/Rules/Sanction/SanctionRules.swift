import PathwayMachinery
/// What the sanction rules share: how a decision and its failing read in French, and the
/// dates of the two regimes. Each rule is in its own file beside this one; the classification
/// of a decision (first failing, repetition, persistence, refusal of controls) is the regime's
/// machinery, in `Engine/PersonState+Sanctions.swift`.
extension Rules.Sanction {
    /// `Décision du 2025-07-01 (suspension de 30 % pendant 1 mois)`.
    package static func decisionText(_ event: Event, _ d: SanctionDecision) -> String { decisionPhrase(event, d).string }

    package static func decisionPhrase(_ event: Event, _ d: SanctionDecision) -> Phrase {
        "Décision du \(event.date) (\(d.measure == .suspension ? "suspension" : "suppression") de \(d.percent) % pendant \(d.months) mois)"
    }

    /// `manquement « rdv_missed » constaté le 2025-06-10 (événement e4)`: the first failing a
    /// decision sanctions, or nothing when it sanctions none.
    package static func failingSummary(_ record: SanctionRecord, in failings: [FailingRecord]) -> String {
        guard let id = record.failings.first, let failing = failings.first(where: { $0.event == id }) else { return "" }
        return ("manquement « \(FrenchWords.label(failing.kind)) » constaté le \(failing.date) (événement \(failing.event))" as Phrase).string
    }

    /// The notice that counts for a decision dated `date`: the latest of the person's `notices`
    /// dated after the `previous` decision (any, for a first decision) and on or before `date`.
    package static func notice(for date: CivilDate, after previous: SanctionRecord?, in notices: [NoticeRecord]) -> NoticeRecord? {
        notices.last { n in n.date <= date && previous.map { n.date > $0.date } ?? true }
    }

    /// The first day of the décret 2025-478 regime in `parameters` (2025-06-01).
    package static func decreeStart(_ parameters: Parameters) -> CivilDate? {
        parameters.sanctionBounds.periods.first { $0.value.regime == .decree2025 }?.from
    }

    /// The bounds of `regime` as the parameters state them.
    package static func bounds(_ regime: SanctionRegime, _ parameters: Parameters) -> SanctionBounds? {
        parameters.sanctionBounds.periods.first { $0.value.regime == regime }?.value
    }

    /// `un taux de 20 %, inférieur au minimum de 30 %`, when the decision is below the minimum.
    package static func percentProblem(_ decision: SanctionDecision, _ bounds: SanctionBounds) -> String? {
        guard let minimum = bounds.minimumPercent, decision.percent < minimum else { return nil }
        return "un taux de \(decision.percent) %, inférieur au minimum de \(minimum) %"
    }

    /// `une durée de 3 mois, hors de 1 à 2 mois`, when the decision's months are out of `months`.
    package static func monthsProblem(_ decision: SanctionDecision, _ months: ClosedRange<Int>) -> String? {
        guard !months.contains(decision.months) else { return nil }
        return "une durée de \(decision.months) mois, hors de \(months.lowerBound) à \(months.upperBound) mois"
    }

    /// The message of `sanction.first_failing` and `sanction.repeat_bounds`.
    package static func boundsMessage(_ event: Event, _ record: SanctionRecord, problems: [String], failing: String, cited: String) -> String {
        var text: Phrase = "\(decisionPhrase(event, record.decision)) sanctionnant un\(record.basis == .repetition || record.basis == .persistence ? "e" : "") \(record.basis.label)"
        if let earlier = record.repeats { text += " (après la décision \(earlier))" }
        if !failing.isEmpty { text += ", \(failing)" }
        text += " : "
        for (k, problem) in problems.enumerated() { text += k == 0 ? "\(problem)" : " ; \(problem)" }
        return ("\(text). \(cited)." as Phrase).string
    }

    /// `2025-06-01`, for titles.
    package static var decreeDay: String { decreeStart(.law)?.description ?? "" }
    package static var decree: SanctionBounds { bounds(.decree2025, .law) ?? .decree2025 }
    package static var legacy: SanctionBounds { bounds(.legacy, .law) ?? .legacy }
}
