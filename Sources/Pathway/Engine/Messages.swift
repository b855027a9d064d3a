/// The findings' messages, in French, for auditors: each states the facts, the dates and the
/// article with its confidence, so that it can be pasted into a reply.
enum Messages {
    static func cite(_ rule: RuleID) -> String {
        RuleRegistry.rule(rule)?.references.cited ?? ""
    }

    /// What the step of a deadline rule is.
    private static func step(_ rule: RuleID) -> (done: String, missing: String) {
        switch rule {
        case .orientationDeadline: return ("Orientation décidée", "Aucune orientation")
        case .contractDeadline, .contractStockDeadline: return ("Contrat d'engagement signé", "Aucun contrat d'engagement signé")
        case .reviewDeadline: return ("Situation réexaminée", "Aucun réexamen de la situation")
        default: return ("Étape réalisée", "Étape non réalisée")
        }
    }

    /// What day 0 was.
    private static func start(_ origin: Deadline.Origin) -> String {
        switch origin {
        case .rightOpened: return "la réception de l'information d'ouverture du droit"
        case .transfer: return "la réception de l'information de transfert du droit"
        case .dutiesStarted: return "l'entrée dans les droits et devoirs"
        case .orientationNotified: return "la notification de l'orientation"
        case .socialOrientation: return "la décision d'orientation sociale"
        case .reform: return "l'entrée en vigueur de la réforme"
        }
    }

    private static func days(_ n: Int) -> String { n == 1 ? "1 jour" : "\(n) jours" }

    static func late(_ deadline: Deadline, done: CivilDate) -> String {
        let s = step(deadline.rule)
        return "\(s.done) le \(done), \(days(done.days(since: deadline.start))) après \(start(deadline.origin)) du \(deadline.start) : "
            + "le délai \(periodPhrase(deadline.rule)) expirait le \(deadline.due) (\(days(done.days(since: deadline.due))) de retard). "
            + cite(deadline.rule) + "."
    }

    static func missing(_ deadline: Deadline, asOf: CivilDate) -> String {
        let s = step(deadline.rule)
        return "\(s.missing) au \(asOf) : le délai \(periodPhrase(deadline.rule)) ouvert par \(start(deadline.origin)) du \(deadline.start) "
            + "a expiré le \(deadline.due). " + cite(deadline.rule) + "."
    }

    static func missingBefore(_ deadline: Deadline, cause: PersonState.StopCause, on date: CivilDate) -> String {
        let s = step(deadline.rule)
        let what: String
        switch cause {
        case .closure: what = "la clôture du droit le \(date)"
        case .dutiesEnded: what = "la sortie des droits et devoirs le \(date)"
        case .transfer: what = "le transfert du droit le \(date)"
        case .reorientation: what = "la réorientation décidée le \(date)"
        }
        return "\(s.missing) avant \(what) : le délai \(periodPhrase(deadline.rule)) ouvert par \(start(deadline.origin)) du \(deadline.start) "
            + "avait expiré le \(deadline.due). " + cite(deadline.rule) + "."
    }

    static func stockMissing(_ deadline: Deadline, opened: CivilDate) -> String {
        "Droit ouvert avant le \(deadline.start), toujours ouvert et soumis aux droits et devoirs le \(deadline.due.adding(days: 1)), "
            + "sans contrat d'engagement signé depuis le \(deadline.start) (échéance le \(deadline.due)). " + cite(.contractStockDeadline) + "."
    }

    private static func periodPhrase(_ rule: RuleID) -> String {
        switch rule {
        case .orientationDeadline: return "de six semaines"
        case .contractDeadline: return "d'un mois"
        case .reviewDeadline: return "de réexamen"
        case .contractStockDeadline: return "de bascule du stock"
        default: return "légal"
        }
    }

    static func hoursBelow(_ event: Event, _ hours: Hours, minimum: Hours) -> String {
        "Contrat du \(event.date) : durée hebdomadaire d'activité de \(hours) h, inférieure à \(minimum) h, sans motif légal de réduction "
            + "(santé, handicap, invalidité, parent isolé sans solution de garde). " + cite(.contractHours) + "."
    }

    static func hoursAbove(_ event: Event, _ hours: Hours, maximum: Hours) -> String {
        "Contrat du \(event.date) : durée hebdomadaire d'activité de \(hours) h, supérieure à la durée légale du travail (\(maximum) h). "
            + cite(.contractHours) + "."
    }

    static func contractBeforeOrientation(_ event: Event) -> String {
        "Contrat d'engagement signé le \(event.date) alors qu'aucune décision d'orientation n'est en vigueur dans le parcours. "
            + cite(.contractBeforeOrientation) + "."
    }

    static func contractWithoutDiagnostic(_ event: Event) -> String {
        "Contrat d'engagement signé le \(event.date) sans diagnostic global enregistré dans le parcours en cours. "
            + cite(.contractWithoutDiagnostic) + "."
    }

    static func orientationBeforeRegistration(_ event: Event) -> String {
        "Orientation décidée le \(event.date) alors que la personne n'a jamais été inscrite à France Travail. "
            + cite(.orientationBeforeRegistration) + "."
    }

    static func afterClosure(_ event: Event, closedOn: CivilDate) -> String {
        "Événement « \(event.type.rawValue) » du \(event.date) postérieur à la clôture du droit le \(closedOn) : non rejoué. "
            + cite(.afterClosure) + "."
    }
}
