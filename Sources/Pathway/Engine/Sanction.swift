/// A manquement as the engine keeps it.
public struct FailingRecord: Sendable, Hashable {
    public var event: String
    public var date: CivilDate
    public var kind: FailingKind
    /// A legitimate reason was accepted: no sanction may follow from it.
    public var legitimateReason: Bool
    /// The decision that sanctioned it (its event id), once one did.
    public var sanctionedBy: String?
}

/// What a sanction decision sanctions (`Docs/report.md`, "Precise readings").
public enum SanctionBasis: String, Sendable, CaseIterable {
    /// A first failing: suspension of 1–2 months, at least 30 % (from 2025-06-01).
    case first
    /// A failing recorded within the repetition window after an earlier decision.
    case repetition
    /// No new failing, after a suspension that ran to its term without remobilisation.
    case persistence
    /// A refusal of controls (L262-37 II 3°), which may lead directly to suppression.
    case controlRefusal = "control_refusal"
    /// No failing left to sanction (`sanction.no_failing`).
    case none

    /// French label for reports.
    public var label: String {
        switch self {
        case .first: return "premier manquement"
        case .repetition: return "réitération"
        case .persistence: return "persistance"
        case .controlRefusal: return "refus de contrôle"
        case .none: return "aucun manquement"
        }
    }
}

/// One sanction decision and what became of it.
public struct SanctionRecord: Sendable, Hashable {
    public var event: String
    /// The day of the decision.
    public var date: CivilDate
    public var decision: SanctionDecision
    /// The first day of the sanction (`starts`, or the decision's date).
    public var starts: CivilDate
    public var basis: SanctionBasis
    /// The failings it sanctions (event ids), earliest first.
    public var failings: [String]
    /// The earliest failing it sanctions (for a persistence: the earlier decision's).
    public var failingDate: CivilDate?
    /// The regime in force on the decision's date.
    public var regime: SanctionRegime
    /// How it ended before its term, and when.
    public var endedBy: Ending?
    public var endedOn: CivilDate?
    /// Whether it sanctions a failing recorded from 2025-06-01, and so can make a later
    /// failing a repetition (décret 2025-478, art. 12 III).
    public var opensRepetitionWindow: Bool
    /// For a repetition or a persistence: the earlier decision (event id).
    public var repeats: String?

    public enum Ending: String, Sendable, Hashable {
        case remobilised
        case withdrawn
    }

    /// `starts` + `months` months: the first day after the sanction's term.
    public var term: CivilDate { starts.adding(months: decision.months) }

    /// `Docs/report.md` `ends`: the term, or the remobilisation or withdrawal that ended it earlier.
    public var ends: CivilDate {
        guard let endedOn, endedOn < term else { return term }
        return endedOn
    }

    public var isWithdrawn: Bool { endedBy == .withdrawn }

    /// Whether the sanction runs on `date`.
    public func isRunning(on date: CivilDate) -> Bool {
        !isWithdrawn && starts <= date && date < ends
    }

    /// First day of month `k` (0-based) of the sanction.
    public func monthStart(_ k: Int) -> CivilDate { starts.adding(months: k) }

    /// Months begun on or before `date` (0 … months).
    public func monthsBegun(by date: CivilDate) -> Int {
        var count = 0
        while count < decision.months && monthStart(count) <= date { count += 1 }
        return count
    }
}

/// Sums of one decision, in cents, as of a date.
public struct SanctionAmounts: Sendable, Hashable {
    /// The monthly amount the rate applies to.
    public var monthlyAmount: Cents
    /// One month's share: A × p / 100, rounded to the cent half up.
    public var perMonth: Cents
    public var withheld: Cents
    public var refunded: Cents
    public var lost: Cents
}

extension SanctionRecord {
    /// The amounts of `Docs/report.md` "Sanction amounts" as of `asOf`; `nil` without a known
    /// monthly amount. A right closed on `rightClosedOn` pays nothing from that day: months
    /// begun from then on are not withheld, and a suspension it cut short is over [I].
    public func amounts(monthlyAmount: Cents?, asOf reportDate: CivilDate, refundLimitMonths: Int,
                        rightClosedOn: CivilDate? = nil) -> SanctionAmounts? {
        guard let amount = monthlyAmount else { return nil }
        var asOf = reportDate
        var cutShort = false
        if let closed = rightClosedOn, closed > date, closed <= asOf {
            asOf = closed.adding(days: -1)
            cutShort = true
        }
        let perMonth = Cents((amount.value * Int64(decision.percent) + 50) / 100)
        func cents(_ months: Int) -> Cents { Cents(perMonth.value * Int64(months)) }
        switch (decision.measure, endedBy, endedOn) {
        case (_, .withdrawn?, let day?):
            // Everything withheld is refunded.
            let begun = monthsBegun(by: min(day, asOf))
            return SanctionAmounts(monthlyAmount: amount, perMonth: perMonth, withheld: cents(begun), refunded: cents(begun), lost: .zero)
        case (.suspension, .remobilised?, let day?):
            // Months begun on or before the remobilisation are withheld, then refunded up to
            // the limit; later months are not withheld.
            let begun = monthsBegun(by: day)
            let refunded = min(begun, refundLimitMonths)
            return SanctionAmounts(monthlyAmount: amount, perMonth: perMonth, withheld: cents(begun),
                                   refunded: cents(refunded), lost: cents(begun - refunded))
        case (.suspension, _, _):
            let begun = monthsBegun(by: asOf)
            let ended = asOf >= term || cutShort
            return SanctionAmounts(monthlyAmount: amount, perMonth: perMonth, withheld: cents(begun),
                                   refunded: .zero, lost: ended ? cents(begun) : .zero)
        case (.suppression, _, _):
            let begun = monthsBegun(by: asOf)
            return SanctionAmounts(monthlyAmount: amount, perMonth: perMonth, withheld: cents(begun),
                                   refunded: .zero, lost: cents(begun))
        }
    }
}

/// The two legal regimes of sanctions, chosen by the decision's date.
public enum SanctionRegime: String, Sendable, Hashable {
    /// Former CASF R262-68, before 2025-06-01.
    case legacy
    /// Décret n° 2025-478 du 30 mai 2025, from 2025-06-01.
    case decree2025 = "decret_2025_478"
}

/// The bounds a regime sets on a decision.
public struct SanctionBounds: Sendable, Hashable, CustomStringConvertible {
    public var regime: SanctionRegime
    /// Lowest share (30 % from 2025-06-01; none before).
    public var minimumPercent: Int?
    /// Highest share of a first decision (80 % before 2025-06-01; none after).
    public var firstMaximumPercent: Int?
    /// Months for a first failing (or a first decision before 2025-06-01).
    public var firstMonths: ClosedRange<Int>
    /// Months for persistence, repetition or refusal of controls (later decisions before).
    public var laterMonths: ClosedRange<Int>
    /// Whether a first failing (other than a refusal of controls) may be sanctioned by
    /// suppression.
    public var firstMaySuppress: Bool

    public var description: String {
        switch regime {
        case .legacy:
            return "première décision ≤ \(firstMaximumPercent ?? 100) %, \(firstMonths.lowerBound)–\(firstMonths.upperBound) mois ; suivantes \(laterMonths.lowerBound)–\(laterMonths.upperBound) mois"
        case .decree2025:
            return "≥ \(minimumPercent ?? 0) % ; premier manquement : suspension \(firstMonths.lowerBound)–\(firstMonths.upperBound) mois ; persistance, réitération, refus de contrôle : \(laterMonths.lowerBound)–\(laterMonths.upperBound) mois"
        }
    }

    static let legacy = SanctionBounds(regime: .legacy, minimumPercent: nil, firstMaximumPercent: 80, firstMonths: 1...3,
                                       laterMonths: 1...4, firstMaySuppress: true)
    static let decree2025 = SanctionBounds(regime: .decree2025, minimumPercent: 30, firstMaximumPercent: nil, firstMonths: 1...2,
                                           laterMonths: 1...4, firstMaySuppress: false)
}

/// How the repetition window is counted from an earlier decision [I].
public enum RepetitionStart: String, Sendable, CaseIterable {
    /// From the day of the earlier decision (the parallel of C. trav. R5412-3-4 counts from
    /// its notification, which the log does not carry).
    case decision
    /// From the first day of the earlier sanction (`starts`).
    case sanctionStart = "sanction_start"
}
