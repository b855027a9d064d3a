import PathwayMachinery
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
    /// The appeal's answer that reformed the decision, if one did: `decision` then holds the
    /// new terms.
    public var reform: Reform?

    /// A decision reformed on appeal (`appeal_decided` with `outcome` `reformed`).
    public struct Reform: Sendable, Hashable {
        /// The answer's day and its event's id.
        public var on: CivilDate
        public var answer: String
        /// The terms as the decision took them.
        public var original: SanctionDecision
    }

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

    package init(event: String, date: CivilDate, decision: SanctionDecision, starts: CivilDate, basis: SanctionBasis, failings: [String], failingDate: CivilDate? = nil, regime: SanctionRegime, endedBy: Ending? = nil, endedOn: CivilDate? = nil, opensRepetitionWindow: Bool, repeats: String? = nil) {
        self.event = event
        self.date = date
        self.decision = decision
        self.starts = starts
        self.basis = basis
        self.failings = failings
        self.failingDate = failingDate
        self.regime = regime
        self.endedBy = endedBy
        self.endedOn = endedOn
        self.opensRepetitionWindow = opensRepetitionWindow
        self.repeats = repeats
        reform = nil
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

    package init(monthlyAmount: Cents, perMonth: Cents, withheld: Cents, refunded: Cents, lost: Cents) {
        self.monthlyAmount = monthlyAmount
        self.perMonth = perMonth
        self.withheld = withheld
        self.refunded = refunded
        self.lost = lost
    }
}

extension SanctionRecord {
    /// The amounts of `Docs/report.md` ("Les montants des sanctions") as of `asOf`, with one
    /// monthly amount `A` for every month; `nil` without it. See
    /// ``amounts(monthlyAmounts:asOf:refundLimitMonths:closures:)``.
    public func amounts(monthlyAmount: Cents?, asOf reportDate: CivilDate, refundLimitMonths: Int,
                        rightClosedOn: CivilDate? = nil) -> SanctionAmounts? {
        amounts(monthlyAmounts: Array(repeating: monthlyAmount, count: decision.months), asOf: reportDate,
                refundLimitMonths: refundLimitMonths, closures: rightClosedOn.map { [ClosedPeriod(from: $0, until: nil)] } ?? [])
    }

    /// The amounts as of `asOf`, month `k` of the sanction applying the rate to
    /// `monthlyAmounts[k]`; `nil` when a month that counts has no known amount (never guessed).
    /// A right closed pays nothing: a month that begins in one of the `closures` withholds
    /// nothing, even once the right reopens; a closure still running at `asOf` cuts the sanction
    /// short (a suspension it cut short is over [I]). A remobilisation refunds the **last** months
    /// begun, up to `refundLimitMonths`.
    public func amounts(monthlyAmounts: [Cents?], asOf reportDate: CivilDate, refundLimitMonths: Int,
                        closures: [ClosedPeriod] = []) -> SanctionAmounts? {
        var asOf = reportDate
        var cutShort = false
        if let closed = closures.last(where: { $0.until.map { $0 > reportDate } ?? true })?.from, closed > date, closed <= asOf {
            asOf = closed.adding(days: -1)
            cutShort = true
        }
        // The last day a month can begin and count.
        let lastCounted: CivilDate
        switch (decision.measure, endedBy, endedOn) {
        case (_, .withdrawn?, let day?): lastCounted = min(day, asOf)
        case (.suspension, .remobilised?, let day?): lastCounted = day
        default: lastCounted = asOf
        }
        let counted = monthsBegun(by: lastCounted)
        // Each month's share: A_k × p / 100, rounded to the cent half up.
        // A reformed decision: each month begun on or before the answer was withheld on the
        // decision's own terms, and what they withheld beyond the new terms is refunded; later
        // months follow the new terms (`decision`).
        let original = reform.map { $0.original } ?? decision
        let answered = reform.map { min($0.on, lastCounted) } ?? CivilDate(dayNumber: .min)
        var beforeAnswer = 0
        if reform != nil {
            while beforeAnswer < original.months && monthStart(beforeAnswer) <= answered { beforeAnswer += 1 }
        }
        let months = max(counted, beforeAnswer)
        // Each month's share: A_k × p / 100, rounded to the cent half up; `net` what is kept of
        // it once the reform's refund is made.
        var shares: [Int64] = [], net: [Int64] = []
        var reformRefund: Int64 = 0
        for k in 0..<max(months, 1) {
            // A month begun while the right was closed (and later reopened) withholds nothing.
            if k < months && closures.contains(where: { $0.until != nil && $0.contains(monthStart(k)) }) {
                shares.append(0)
                net.append(0)
                continue
            }
            guard k < monthlyAmounts.count, let amount = monthlyAmounts[k] else {
                if k < months { return nil }
                break
            }
            let new = k < decision.months ? (amount.value * Int64(decision.percent) + 50) / 100 : 0
            if k < beforeAnswer {
                let old = (amount.value * Int64(original.percent) + 50) / 100
                shares.append(old)
                net.append(min(old, new))
                reformRefund += max(0, old - new)
            } else {
                shares.append(new)
                net.append(new)
            }
        }
        guard let first = monthlyAmounts.first ?? nil else { return nil }
        let perMonth = Cents((first.value * Int64(decision.percent) + 50) / 100)
        func sum(_ values: [Int64], _ months: Range<Int>) -> Int64 { months.reduce(Int64(0)) { $0 + values[$1] } }
        let withheld = sum(shares, 0..<months)
        func amounts(refunded: Int64, lost: Int64) -> SanctionAmounts {
            SanctionAmounts(monthlyAmount: first, perMonth: perMonth, withheld: Cents(withheld),
                            refunded: Cents(refunded), lost: Cents(lost))
        }
        switch (decision.measure, endedBy, endedOn) {
        case (_, .withdrawn?, _?):
            // Everything withheld is refunded.
            return amounts(refunded: withheld, lost: 0)
        case (.suspension, .remobilised?, _?):
            // The last months begun, up to the limit, are refunded; later months are not withheld.
            let refunded = reformRefund + sum(net, max(0, months - refundLimitMonths)..<months)
            return amounts(refunded: refunded, lost: withheld - refunded)
        case (.suspension, _, _):
            let ended = asOf >= term || cutShort
            return amounts(refunded: reformRefund, lost: ended ? withheld - reformRefund : 0)
        case (.suppression, _, _):
            return amounts(refunded: reformRefund, lost: withheld - reformRefund)
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

    package static let legacy = SanctionBounds(regime: .legacy, minimumPercent: nil, firstMaximumPercent: 80, firstMonths: 1...3,
                                       laterMonths: 1...4, firstMaySuppress: true)
    package static let decree2025 = SanctionBounds(regime: .decree2025, minimumPercent: 30, firstMaximumPercent: nil, firstMonths: 1...2,
                                           laterMonths: 1...4, firstMaySuppress: false)
}

/// Which decision opens the repetition window [I].
public enum RepetitionAnchor: String, Sendable, CaseIterable {
    /// The decision that sanctioned the first failing of the cycle: a repetition's decision
    /// opens no new window (C. trav. R5412-3-4 1°, by parallel).
    case firstDecision = "first_decision"
    /// Every decision sanctioning a failing opens its own window.
    case latestDecision = "latest_decision"
}

/// Which monthly amount the rate of a sanction applies to, month by month.
public enum SanctionAmountBase: String, Sendable, CaseIterable {
    /// The latest amount known on the sanction's start, the same for every month (the last
    /// month of the reference quarter).
    case amountOnStart = "amount_on_start"
    /// The latest amount known on the first day of each month.
    case eachMonth = "each_month"
}

/// How the repetition window is counted from an earlier decision [I].
public enum RepetitionStart: String, Sendable, CaseIterable {
    /// From the day of the earlier decision (the parallel of C. trav. R5412-3-4 counts from
    /// its notification, which the log does not carry).
    case decision
    /// From the first day of the earlier sanction (`starts`).
    case sanctionStart = "sanction_start"
}
