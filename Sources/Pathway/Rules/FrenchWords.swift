/// Numbers and periods in words, so that titles and messages say what the parameter in force
/// says ("six semaines", "dix jours", "d'un mois") without writing the number twice.
enum FrenchWords {
    private static let units = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
                                "onze", "douze", "treize", "quatorze", "quinze", "seize"]
    private static let tens = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

    /// `6` → `six`, `42` → `quarante-deux`, `71` → `soixante et onze`; digits from 100 on.
    static func number(_ n: Int) -> String {
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

    /// `dix jours`, `1 jour` stays `un jour`.
    static func days(_ n: Int) -> String { "\(number(n)) jour\(n > 1 ? "s" : "")" }

    /// `six semaines` for a multiple of seven days, else `45 jours`.
    static func weeksOrDays(_ days: Int) -> String {
        days % 7 == 0 && days > 0 ? "\(number(days / 7)) semaine\(days > 7 ? "s" : "")" : "\(days) jours"
    }

    /// `un mois`, `six mois`.
    static func months(_ n: Int) -> String { n == 1 ? "un mois" : "\(number(n)) mois" }

    /// `d'un mois`, `de six mois`, `de six semaines`: a period after "délai".
    static func of(_ period: String) -> String {
        guard let first = period.unicodeScalars.first else { return period }
        return "aeiouéèêh".unicodeScalars.contains(first) ? "d'\(period)" : "de \(period)"
    }

    /// `d'un à deux mois`, `d'un à quatre mois`: a range of months.
    static func monthRange(_ range: ClosedRange<Int>) -> String {
        "\(of(number(range.lowerBound))) à \(number(range.upperBound)) mois"
    }
}

extension FrenchWords {
    /// `santé`, `proche aidant`: a ground of reduction of the weekly hours.
    static func reduction(_ reason: ReductionReason) -> String {
        switch reason {
        case .health: return "santé"
        case .disability: return "handicap"
        case .invalidity: return "invalidité"
        case .singleParentChildcare: return "parent isolé sans solution de garde"
        case .caregiver: return "proche aidant"
        }
    }

    /// `193,96 €`.
    static func euros(_ cents: Cents) -> String {
        cents.description.replacingDot() + " €"
    }
}

extension String {
    /// `193.96` → `193,96` (French decimal comma).
    func replacingDot() -> String {
        guard utf8.contains(UInt8(ascii: ".")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }
}
