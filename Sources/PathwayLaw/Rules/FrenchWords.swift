import PathwayMachinery
/// Numbers and periods in words, so that titles and messages say what the parameter in force
/// says ("six semaines", "dix jours", "d'un mois") without writing the number twice.
package enum FrenchWords {
    private static let units = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                                "onze", "douze", "treize", "quatorze", "quinze", "seize"]
    private static let tens = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

    /// `6` → `six`, `42` → `quarante-deux`, `71` → `soixante et onze`; digits from 100 on.
    package static func number(_ n: Int) -> String {
        switch n {
        case 0...16: return units[n]
        case 17...19: return "dix-" + units[n - 10]
        case 20...69:
            let (t, u) = n.quotientAndRemainder(dividingBy: 10)
            return u == 0 ? tens[t] : u == 1 ? "\(tens[t]) et un" : "\(tens[t])-\(units[u])"
        case 70...79: return n == 71 ? "soixante et onze" : "soixante-" + number(n - 60)
        case 80: return "quatre-vingts"
        case 81...99: return "quatre-vingt-" + number(n - 80)
        default: return String(n)
        }
    }

    /// `3 jours`, `1 jour`, `0 jour`: a count of days in digits (French: plural from two).
    package static func dayCount(_ n: Int) -> String { ("\(days: n)" as Phrase).string }

    /// `dix jours`, `1 jour` stays `un jour`.
    package static func days(_ n: Int) -> String { "\(number(n)) jour\(n > 1 ? "s" : "")" }

    /// `six semaines` for a multiple of seven days, else `45 jours`.
    package static func weeksOrDays(_ days: Int) -> String {
        days % 7 == 0 && days > 0 ? "\(number(days / 7)) semaine\(days > 7 ? "s" : "")" : "\(days) jours"
    }

    /// `un mois`, `six mois`.
    package static func months(_ n: Int) -> String { n == 1 ? "un mois" : "\(number(n)) mois" }

    /// `d'un mois`, `de six mois`, `de six semaines`: a period after "délai".
    package static func of(_ period: String) -> String {
        guard let first = period.unicodeScalars.first else { return period }
        return "aeiouéèêh".unicodeScalars.contains(first) ? "d'\(period)" : "de \(period)"
    }

    /// `d'un à deux mois`, `d'un à quatre mois`: a range of months.
    package static func monthRange(_ range: ClosedRange<Int>) -> String {
        "\(of(number(range.lowerBound))) à \(number(range.upperBound)) mois"
    }
}

extension FrenchWords {
    /// `santé`, `proche aidant`: a ground of reduction of the weekly hours.
    package static func reduction(_ reason: ReductionReason) -> String {
        switch reason {
        case .health: return "santé"
        case .disability: return "handicap"
        case .invalidity: return "invalidité"
        case .singleParentChildcare: return "parent isolé sans solution de garde"
        case .caregiver: return "proche aidant"
        }
    }

    /// `193,96 €`, `12 511 561,44 €`.
    package static func euros(_ cents: Cents) -> String { ("\(euros: cents)" as Phrase).string }
}

extension String {
    /// `193.96` → `193,96` (French decimal comma).
    package func replacingDot() -> String {
        guard utf8.contains(UInt8(ascii: ".")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }
}

/// The enumerations of the log in French words, for messages and the text report (the JSON
/// keeps their machine-stable values).
extension FrenchWords {
    package static func label(_ reason: ClosureReason) -> String {
        switch reason {
        case .resources: return "ressources"
        case .employment: return "reprise d'emploi"
        case .moved: return "déménagement"
        case .sanction: return "sanction"
        case .deceased: return "décès"
        case .other: return "autre motif"
        }
    }

    package static func label(_ organisme: Organisme) -> String {
        switch organisme {
        case .franceTravail: return "France Travail"
        case .departement: return "département"
        case .delegataire: return "délégataire"
        case .missionLocale: return "mission locale"
        case .capEmploi: return "Cap emploi"
        }
    }

    package static func label(_ category: ActivityCategory) -> String {
        switch category {
        case .workPlacement: return "mise en situation professionnelle"
        case .training: return "formation"
        case .jobSearch: return "recherche d'emploi"
        case .support: return "accompagnement"
        case .accessToRights: return "accès aux droits"
        case .professionalActivity: return "activité professionnelle"
        }
    }

    package static func label(_ failing: FailingKind) -> String {
        switch failing {
        case .contractRefusal: return "refus d'élaborer ou d'actualiser le contrat"
        case .obligationBreach: return "obligations du contrat non respectées"
        case .controlRefusal: return "refus de contrôle"
        }
    }

    package static func label(_ purpose: AppointmentPurpose) -> String {
        switch purpose {
        case .orientation: return "orientation"
        case .diagnostic: return "diagnostic"
        case .contract: return "contrat"
        case .accompaniment: return "accompagnement"
        case .hearing: return "audition avant sanction"
        case .other: return "autre motif"
        }
    }

    package static func label(_ type: EventType) -> String {
        switch type {
        case .rightOpened: return "ouverture du droit"
        case .householdChanged: return "changement du foyer"
        case .dutiesChanged: return "changement des droits et devoirs"
        case .rightClosed: return "clôture du droit"
        case .registered: return "inscription à France Travail"
        case .orientationDecided: return "décision d'orientation"
        case .diagnosticCompleted: return "diagnostic"
        case .situationReviewed: return "réexamen de la situation"
        case .contractSigned: return "signature du contrat"
        case .contractUpdated: return "actualisation du contrat"
        case .activity: return "activité"
        case .appointment: return "rendez-vous"
        case .failingRecorded: return "constat d'un manquement"
        case .sanctionNotice: return "notification de la sanction envisagée"
        case .observationsReceived: return "observations"
        case .teamOpinion: return "avis de l'équipe pluridisciplinaire"
        case .hearingRequested: return "demande d'audition"
        case .teamReferral: return "saisine de l'équipe pluridisciplinaire"
        case .appealFiled: return "recours administratif"
        case .appealReferred: return "saisine de la commission de recours amiable"
        case .appealOpinion: return "avis de la commission de recours amiable"
        case .appealDecided: return "réponse au recours"
        case .paymentSuspended: return "suspension du versement par la CAF/MSA"
        case .paymentResumed: return "reprise du versement"
        case .sanctionDecided: return "décision de sanction"
        case .remobilised: return "remobilisation"
        case .sanctionWithdrawn: return "retrait de la sanction"
        }
    }

    /// `2 000 000`: a whole number with its thousands apart.
    package static func integer(_ n: Int) -> String { ("\(grouped: n)" as Phrase).string }
}

/// The same words written into a message as it is built (``Phrase``): `"\(days: 3)"`,
/// `"\(euros: amount)"`, `"\(grouped: 2_000_000)"`.
extension Phrase.StringInterpolation {
    /// `3 jours`, `1 jour`, `0 jour` (``FrenchWords/dayCount(_:)``).
    package mutating func appendInterpolation(days n: Int) {
        appendInterpolation(n)
        appendLiteral(n > 1 ? " jours" : " jour")
    }

    /// `2 000 000` (``FrenchWords/integer(_:)``).
    package mutating func appendInterpolation(grouped n: Int) {
        if n < 0 { appendLiteral("-") }
        let digits = Array(String(n.magnitude).utf8)
        for (k, digit) in digits.enumerated() {
            if k > 0 && (digits.count - k) % 3 == 0 { appendLiteral(" ") }
            append(utf8: CollectionOfOne(digit))
        }
    }

    /// `193,96 €`, `12 511 561,44 €`, `-0,50 €` (``FrenchWords/euros(_:)``).
    package mutating func appendInterpolation(euros cents: Cents) {
        let whole = cents.value / 100, rest = (cents.value % 100).magnitude
        if cents.value < 0 && whole == 0 { appendLiteral("-") }
        appendInterpolation(grouped: Int(whole))
        appendLiteral(rest < 10 ? ",0" : ",")
        appendInterpolation(Int(rest))
        appendLiteral(" €")
    }
}
