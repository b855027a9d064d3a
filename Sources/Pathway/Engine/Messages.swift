/// The findings' messages, in French, for auditors: each states the facts, the dates and the
/// article with its confidence, so that it can be pasted into a reply.
enum Messages {
    static func cite(_ rule: RuleID) -> String {
        RuleRegistry.rule(rule)?.cited ?? ""
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

    // MARK: Sanctions

    /// `193,96 €`.
    static func euros(_ cents: Cents) -> String {
        cents.description.replacingDot() + " €"
    }

    private static func decisionText(_ event: Event, _ d: SanctionDecision) -> String {
        "Décision du \(event.date) (\(d.measure == .suspension ? "suspension" : "suppression") de \(d.percent) % pendant \(d.months) mois)"
    }

    static func noFailing(_ event: Event, _ d: SanctionDecision) -> String {
        "\(decisionText(event, d)) sans manquement constaté sans motif légitime et non encore sanctionné, "
            + "et sans suspension antérieure allée à son terme sans remobilisation (persistance). " + cite(.sanctionNoFailing) + "."
    }

    static func noNotice(_ event: Event, since: CivilDate?) -> String {
        let window = since.map { "depuis la décision précédente du \($0)" } ?? "avant elle"
        return "Décision du \(event.date) sans notification préalable des faits et de la sanction envisagée (sanction_notice) \(window), "
            + "et sans proposition de France Travail. " + cite(.sanctionNotice) + "."
    }

    static func noticeTooEarly(_ event: Event, notice: NoticeRecord, lastDay: CivilDate, days: Int) -> String {
        "Décision du \(event.date), \(Self.days(event.date.days(since: notice.date))) après la notification du \(notice.date) "
            + "(événement \(notice.event)) : le délai de \(days) jours pour présenter des observations courait jusqu'au \(lastDay) inclus ; "
            + "la décision ne pouvait être prise qu'à partir du \(lastDay.adding(days: 1)). " + cite(.sanctionNotice) + "."
    }

    static func bounds(_ event: Event, _ record: SanctionRecord, problems: [String], failing: String) -> String {
        let rule: RuleID = record.basis == .first ? .sanctionFirstFailing : .sanctionRepeatBounds
        var basis = record.basis.label
        if let earlier = record.repeats { basis += " (après la décision \(earlier))" }
        return "\(decisionText(event, record.decision)) sanctionnant un\(record.basis == .repetition || record.basis == .persistence ? "e" : "") \(basis)"
            + (failing.isEmpty ? "" : ", \(failing)") + " : " + problems.joined(separator: " ; ") + ". " + cite(rule) + "."
    }

    static func legacyBounds(_ event: Event, _ d: SanctionDecision, isFirst: Bool, bounds: SanctionBounds) -> String {
        let rule = isFirst
            ? "une première décision est d'au plus \(bounds.firstMaximumPercent ?? 100) % pour \(bounds.firstMonths.lowerBound) à \(bounds.firstMonths.upperBound) mois"
            : "une décision suivante dure \(bounds.laterMonths.lowerBound) à \(bounds.laterMonths.upperBound) mois"
        return "\(decisionText(event, d)), prise avant le 2025-06-01 : sous le régime antérieur, \(rule). " + cite(.sanctionLegacyBounds) + "."
    }

    static func householdCap(_ event: Event, _ d: SanctionDecision, cap: Int, size: Int, singleParent: Bool) -> String {
        let household = singleParent ? "un foyer bénéficiant de la majoration pour isolement" : "un foyer de \(size) personnes"
        return "\(decisionText(event, d)) : taux supérieur à \(cap) % pour \(household). " + cite(.sanctionHouseholdCap) + "."
    }

    static func teamOpinionMissing(_ event: Event, since: CivilDate?) -> String {
        "Suppression décidée le \(event.date) sans avis de l'équipe pluridisciplinaire "
            + (since.map { "depuis la décision précédente du \($0)" } ?? "avant la décision") + ". " + cite(.sanctionTeamOpinion) + "."
    }

    static func refund(_ event: Event, _ record: SanctionRecord, amounts: SanctionAmounts?, limit: Int) -> String {
        let begun = record.monthsBegun(by: event.date)
        var text = "Remobilisation le \(event.date) : la suspension décidée le \(record.date) (\(record.decision.percent) % pendant "
            + "\(record.decision.months) mois à partir du \(record.starts), événement \(record.event)) prend fin"
        if begun == 0 {
            text += " avant d'avoir commencé : rien n'a été retenu"
        } else if let amounts {
            text += " ; \(begun) mois commencé\(begun > 1 ? "s" : "") de \(euros(amounts.perMonth)) retenu\(begun > 1 ? "s" : ""), "
                + "soit \(euros(amounts.withheld)) ; à reverser : \(euros(amounts.refunded)) (limite de \(limit) mois)"
            if amounts.lost.value > 0 { text += " ; perdu : \(euros(amounts.lost))" }
        } else {
            text += " ; \(begun) mois commencé\(begun > 1 ? "s" : "") ; montant mensuel inconnu : somme à reverser non calculée"
        }
        return text + ". " + cite(.sanctionRefund) + "."
    }

    static func closure(_ event: Event, months: Int, suppressions: [SanctionRecord]) -> String {
        let facts = suppressions.isEmpty
            ? "aucune suppression n'a été décidée"
            : "suppressions décidées : " + suppressions.map { "\($0.decision.percent) % pendant \($0.decision.months) mois du \($0.starts) au \($0.term)" }.joined(separator: ", ")
        return "Droit clos pour sanction le \(event.date) sans suppression totale de \(months) mois allée à son terme (\(facts)). "
            + cite(.sanctionClosure) + "."
    }
}

/// What the message of an intensity shortfall states (``FindingText``): its weeks, the
/// average hours done and planned, rounded to the hundredth, and the window of the rule.
struct ShortfallMessage: Sendable, Hashable {
    var firstMonday: CivilDate
    var lastMonday: CivilDate
    var weeks: Int32
    var done: Int32
    var planned: Int32
    var window: Int32

    init(_ e: ShortfallEpisode, window: Int) {
        firstMonday = e.firstMonday
        lastMonday = e.lastMonday
        weeks = Int32(e.weeks)
        done = Int32((e.done.hundredths * 2 + e.weeks) / (e.weeks * 2))
        planned = Int32((e.plannedSevenths * 2 + 7 * e.weeks) / (14 * e.weeks))
        self.window = Int32(window)
    }

    /// The message's UTF-8 bytes, valid during `body` only. Written as bytes: the most frequent
    /// finding of a log, where interpolation cost ten times as much as the rest of its replay.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = MessageText()
        text.add("Du lundi "); text.add(firstMonday); text.add(" (semaine "); text.add(firstMonday.isoWeek)
        text.add(") au dimanche "); text.add(lastMonday.adding(days: 6)); text.add(" (semaine "); text.add(lastMonday.isoWeek)
        text.add("), "); text.add(Int(weeks)); text.add(" semaines complètes sous contrat : ")
        text.add(decimalComma: Hours(hundredths: Int(done))); text.add(" h d'activité par semaine en moyenne pour ")
        text.add(decimalComma: Hours(hundredths: Int(planned))); text.add(" h prévues (moyenne sur "); text.add(Int(window))
        text.add(" semaines consécutives en deçà du plan). "); text.add(string: ShortfallMessage.cited); text.add(".")
        return text.withBytes(body)
    }

    var string: String { withUTF8 { String(copyingUTF8: $0) } }

    private static let cited = Messages.cite(.intensityShortfall)
}

/// A message built as UTF-8 bytes, with no interpolation, in a ``ByteBuffer`` (room checked
/// once per piece).
struct MessageText: ~Copyable {
    private var buffer = ByteBuffer(capacity: 512)

    init() {}

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(bytes) }

    mutating func add(_ text: StaticString) {
        text.withUTF8Buffer { add($0) }
    }

    mutating func add(string text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// `YYYY-MM-DD`.
    mutating func add(_ date: CivilDate) {
        let (y, m, d) = date.components
        guard (0...9999).contains(y) else { return add(string: date.description) }
        buffer.reserve(10)
        buffer.store { CivilDate.writeDigits(y, m, d, to: $0); return 10 }
    }

    /// `2026-W01`.
    mutating func add(_ week: ISOWeek) {
        add(week.year)
        add("-W")
        if (0...9).contains(week.week) { add("0") }
        add(week.week)
    }

    mutating func add(_ number: Int) { add(Int64(number), scale: 0) }

    /// Hours with a decimal comma and no trailing zero: `12,5`.
    mutating func add(decimalComma hours: Hours) {
        add(Int64(hours.hundredths), scale: 2, point: UInt8(ascii: ","))
    }

    private mutating func add(_ value: Int64, scale: Int, point: UInt8 = UInt8(ascii: ".")) {
        buffer.reserve(FixedPoint.maximumLength(scale: scale))
        buffer.store { out in
            let count = FixedPoint.write(value, scale: scale, trimZeros: true, to: out)
            for i in 0..<count where out[i] == UInt8(ascii: ".") { out[i] = point }
            return count
        }
    }

    var string: String { buffer.withBytes { String(copyingUTF8: $0) } }

    /// The bytes, valid during `body` only.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { buffer.withBytes(body) }
}

extension String {
    /// `193.96` → `193,96` (French decimal comma).
    func replacingDot() -> String {
        guard utf8.contains(UInt8(ascii: ".")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }
}
