import PathwayMachinery
import PathwayLaw
/// The procedure around a sanction, in French, for the person's detail in every report and for
/// `explain`: the hearing asked and held before the decision, and the appeal against it with its
/// answer (a reformed decision's former terms).
extension Report {
    /// `audition demandée le 2025-07-05, tenue le 2025-07-10 (honoré)`, and
    /// `recours reçu le 2025-08-04 ; commission saisie le 2025-08-10, avis le 2025-09-01 ; réponse
    /// le 2025-09-15 : réformée (avant : suspension 50 % 3 mois)`. Empty when the decision had
    /// neither.
    package static func procedureLines(_ s: SanctionReport, previous: SanctionRecord?, state: Lent<PersonState>) -> [String] {
        let r = s.record
        var lines: [String] = []
        // The hearing: asked and held between the notice and the decision.
        let from = Rules.Sanction.notice(for: r.date, after: previous, in: state.value.notices)?.date ?? previous?.date
            ?? CivilDate(dayNumber: .min)
        let asked = state.value.hearingRequests.filter { $0 >= from && $0 <= r.date }
        let held = state.value.hearings.filter { $0.date >= from && $0.date <= r.date }
        if !asked.isEmpty || !held.isEmpty {
            var parts: [String] = asked.map { "audition demandée le \($0)" }
            parts += held.map { "rendez-vous d'audition le \($0.date) (\(appointmentStatus($0.status)))" }
            if !asked.isEmpty && !held.contains(where: { $0.status == .attended }) { parts.append("personne entendue avant la décision : non") }
            lines.append("Audition : " + parts.joined(separator: " ; "))
        }
        for appeal in state.value.appeals where appeal.decision == r.event {
            var text = "Recours \(appeal.event) reçu le \(appeal.date)"
            if let referred = appeal.referred { text += " ; commission de recours amiable saisie le \(referred)" }
            if let opinion = appeal.opinion { text += ", avis le \(opinion)" }
            if let decided = appeal.decided, let outcome = appeal.outcome {
                text += " ; réponse le \(decided) : \(outcomeLabel(outcome))"
                if outcome == .reformed, let reform = r.reform {
                    text += " (avant : \(terms(reform.original)) ; depuis : \(terms(r.decision)))"
                }
            } else {
                text += " ; sans réponse à la date d'audit"
            }
            lines.append(text)
        }
        return lines
    }

    /// `suspension 50 % 3 mois`.
    package static func terms(_ d: SanctionDecision) -> String {
        "\(d.measure == .suspension ? "suspension" : "suppression") \(d.percent) % \(d.months) mois"
    }

    package static func outcomeLabel(_ outcome: AppealOutcome) -> String {
        switch outcome {
        case .rejected: return "rejeté, la décision est maintenue"
        case .granted: return "accueilli, la décision est retirée"
        case .reformed: return "décision réformée"
        }
    }

    package static func appointmentStatus(_ status: AppointmentStatus) -> String {
        switch status {
        case .attended: return "honoré"
        case .missed: return "manqué sans excuse"
        case .excused: return "excusé"
        }
    }

    /// Each of the person's sanctions with its procedure lines, the decision before it known.
    package static func sanctionsWithProcedure(_ person: PersonReport) -> [(sanction: SanctionReport, procedure: [String])] {
        Lent.lending(person.state) { sanctionsWithProcedure(person.sanctions, state: $0) }
    }

    /// The same, from the report's sanctions and its state, lent (read where it lies in the
    /// report: handed over as a value, it was copied whole).
    package static func sanctionsWithProcedure(_ sanctions: [SanctionReport], state: Lent<PersonState>)
        -> [(sanction: SanctionReport, procedure: [String])] {
        var previous: SanctionRecord?
        return sanctions.map { s in
            defer { previous = s.record }
            return (s, procedureLines(s, previous: previous, state: state))
        }
    }
}
