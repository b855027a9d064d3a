import PathwayMachinery
import PathwayLaw
/// The figures a département and the State report (`Docs/report.md`; instruction of 20 March
/// 2025, annexe 3). Rates leave out deadlines not yet passed ("mature" cohorts only).
public struct Indicators: Sendable {
    /// Six-week orientation deadlines.
    public var orientation: DeadlineCounts
    /// One-month contract deadlines (one per orientation notified).
    public var contract: DeadlineCounts
    /// Social review deadlines.
    public var review: DeadlineCounts
    /// The stock's contract deadline (2027-01-01).
    public var stock: DeadlineCounts

    /// The counts of the deadline rule that fills `slot`.
    public subscript(slot: DeadlineIndicator.Slot) -> DeadlineCounts {
        switch slot {
        case .orientation: return orientation
        case .contract: return contract
        case .review: return review
        case .stock: return stock
        }
    }
    /// People by dominante of the orientation in force.
    public var byDominante: [Dominante: Int]
    /// People by organisme référent of the orientation in force.
    public var byOrganisme: [Organisme: Int]
    /// Re-orientation decisions.
    public var reorientations: Int
    /// Days from registration at France Travail to the signature of the contrat
    /// d'engagement (national indicator).
    public var registrationToContract: Distribution
    /// People by state.
    public var states: [PathwayStatus: Int]
    /// Sanction decisions and their sums.
    public var sanctions: SanctionCounts
    /// Contracts' planned hours, reductions, hours done and appointments.
    public var intensity: IntensityCounts
    /// The new entrants by month and how each stands (the départements' monthly reporting).
    public var newEntrants: NewEntrantCounts
    /// People whose duties the log leaves unknown at the report date (`subject_to_duties: null`
    /// and no `duties_changed` since): no deadline is judged for them.
    public var dutiesUnknown: Int
    /// Findings by severity and by rule.
    public var findingsBySeverity: [Severity: Int]
    public var findingsByRule: [RuleID: Int]
    /// The tally these figures come from, with the delays counted by day behind the medians:
    /// what `pathway merge` adds up (`merge.indicators` in the JSON report, `Indicators+Merge.swift`).
    package var tally: Tally

    private init(orientation: DeadlineCounts, contract: DeadlineCounts, review: DeadlineCounts, stock: DeadlineCounts,
                 byDominante: [Dominante: Int], byOrganisme: [Organisme: Int], reorientations: Int,
                 registrationToContract: Distribution, states: [PathwayStatus: Int], sanctions: SanctionCounts,
                 intensity: IntensityCounts, newEntrants: NewEntrantCounts, dutiesUnknown: Int, findingsBySeverity: [Severity: Int], findingsByRule: [RuleID: Int],
                 tally: Tally) {
        self.tally = tally
        self.orientation = orientation
        self.contract = contract
        self.review = review
        self.stock = stock
        self.byDominante = byDominante
        self.byOrganisme = byOrganisme
        self.reorientations = reorientations
        self.registrationToContract = registrationToContract
        self.states = states
        self.sanctions = sanctions
        self.intensity = intensity
        self.newEntrants = newEntrants
        self.dutiesUnknown = dutiesUnknown
        self.findingsBySeverity = findingsBySeverity
        self.findingsByRule = findingsByRule
    }

    package init(people: [PersonReport], newEntrantTargetDays: Int = 15) {
        self.init(people: people, jobs: 1, newEntrantTargetDays: newEntrantTargetDays)
    }

    /// The indicators of `people`, tallied on `jobs` threads (a contiguous share of at least
    /// `minimumShare` people each, the shares then merged in order): the same figures as one
    /// tally.
    package init(people: [PersonReport], jobs: Int, minimumShare: Int = 1024, newEntrantTargetDays: Int = 15) {
        let shares = max(1, min(jobs, people.count / max(1, minimumShare)))
        let parts = Parallel.map(count: shares, jobs: shares) { k -> Tally in
            var tally = Tally(newEntrantTargetDays: newEntrantTargetDays)
            // Each report lent where it lies: handed to `add` as a value, even from a buffer, it
            // was copied first (25 references counted), the compiler unable to prove that `add`,
            // which fills dictionaries, leaves the array alone (`objdump -dl`, 2026-12-07).
            Lent.forEach(in: people, (people.count * k / shares)..<(people.count * (k + 1) / shares)) { tally.add($0) }
            return tally
        }
        var tally = Tally(newEntrantTargetDays: newEntrantTargetDays)
        for part in parts { tally.merge(part) }
        self = tally.indicators
    }

    /// The indicators gathered one person at a time, for a replay that does not keep everyone
    /// in memory: it holds counts only, the delays counted by day (`DayCounts`) for their
    /// exact medians, so that its size does not grow with the log.
    public struct Tally: Sendable {
        var deadlines = RuleTally<DeadlineCounts.Tally>()
        var byDominante = CaseCounts<Dominante>()
        var byOrganisme = CaseCounts<Organisme>()
        var states = CaseCounts<PathwayStatus>()
        var reorientations = 0
        var registrationToContract = DayCounts()
        var sanctions = SanctionCounts([])
        var intensity = IntensityCounts([])
        var dutiesUnknown = 0
        var newEntrants: NewEntrantCounts
        /// The findings by severity, by ``Severity/rank``: a dictionary hashed the severity's
        /// text for every finding (``findingsBySeverity`` is made from it).
        var severities = [Int](repeating: 0, count: Severity.allCases.count)
        var findingsByRule = RuleTally<Int>()
        /// What the HTML charts draw.
        var charts = ChartTally()

        public init(newEntrantTargetDays: Int = 15) { newEntrants = NewEntrantCounts(targetDays: newEntrantTargetDays) }

        /// Counts one person, with the findings of their report.
        public mutating func add(_ person: PersonReport) {
            Lent.lending(person) { add($0) }
        }

        /// The same, the report read where it lies, field by field: a report handed over as a
        /// value is copied first by a caller that reads it from an array (its 25 references
        /// counted), and `let s = person.state` copied the state again.
        package mutating func add(_ person: Lent<PersonReport>) {
            let records = person.value.records
            for k in records.indices { deadlines.update(records[k].deadline.rule, default: DeadlineCounts.Tally()) { $0.add(records[k]) } }
            states.add(person.value.status)
            if let orientation = person.value.state.orientation {
                byDominante.add(orientation.decision.dominante)
                byOrganisme.add(orientation.decision.organisme)
            }
            reorientations += person.value.state.reorientations
            for days in person.value.state.registrationToContractDays { registrationToContract.add(days) }
            sanctions.add(person.value.sanctions)
            intensity.add(person)
            if person.value.state.dutiesUnknown { dutiesUnknown += 1 }
            for (entry, status) in person.value.newEntrants { newEntrants.add(entry, status) }
            // Read where they lie: `for finding in` copied each one, counting its references.
            let findings = person.value.findings
            for k in findings.indices {
                severities[findings[k].severity.rank] += 1
                findingsByRule.update(findings[k].rule, default: 0) { $0 += 1 }
            }
            charts.add(person)
        }

        /// Adds the people counted by `other` (counted after this tally's people).
        public mutating func merge(_ other: Tally) {
            deadlines.merge(other.deadlines) { mine, theirs in
                var merged = mine
                merged.merge(theirs)
                return merged
            }
            byDominante.merge(other.byDominante)
            byOrganisme.merge(other.byOrganisme)
            states.merge(other.states)
            reorientations += other.reorientations
            registrationToContract.merge(other.registrationToContract)
            sanctions.merge(other.sanctions)
            intensity.merge(other.intensity)
            dutiesUnknown += other.dutiesUnknown
            newEntrants.merge(other.newEntrants)
            for k in severities.indices { severities[k] += other.severities[k] }
            findingsByRule.merge(other.findingsByRule, +)
            charts.merge(other.charts)
        }

        /// The findings by severity, as the indicators give them (a severity with none is not
        /// a key).
        var findingsBySeverity: [Severity: Int] {
            var counts: [Severity: Int] = [:]
            for severity in Severity.allCases where severities[severity.rank] > 0 { counts[severity] = severities[severity.rank] }
            return counts
        }

        public var indicators: Indicators {
            // Each deadline rule declares the field its counts fill (`DeadlineIndicator`).
            let table = RuleSet.law.table
            func counts(_ slot: DeadlineIndicator.Slot) -> DeadlineCounts {
                table.rule(for: slot).flatMap { deadlines[$0] }?.counts ?? DeadlineCounts.Tally().counts
            }
            return Indicators(orientation: counts(.orientation), contract: counts(.contract),
                              review: counts(.review), stock: counts(.stock),
                              byDominante: byDominante.dictionary, byOrganisme: byOrganisme.dictionary, reorientations: reorientations,
                              registrationToContract: Distribution(registrationToContract), states: states.dictionary,
                              sanctions: sanctions, intensity: intensity, newEntrants: newEntrants, dutiesUnknown: dutiesUnknown,
                              findingsBySeverity: findingsBySeverity, findingsByRule: findingsByRule.dictionary, tally: self)
        }
    }
}

/// The new entrants (`Docs/report.md`, `indicators.new_entrants`): by month of entry, how many
/// were oriented within the target, later, are pending or missing at the report date.
public struct NewEntrantCounts: Sendable, Equatable {
    public var targetDays: Int
    /// By month (`2025-03`): entrants and their statuses, indexed as `NewEntry.Status.allCases`.
    public package(set) var months: [String: [Int]] = [:]

    public init(targetDays: Int) { self.targetDays = targetDays }

    /// The statuses in the order of each month's counts (`allCases` would make the array anew).
    private static let statuses = NewEntry.Status.allCases

    mutating func add(_ entry: NewEntry, _ status: NewEntry.Status) {
        guard let i = NewEntrantCounts.statuses.firstIndex(of: status) else { return }
        // Counted in place: the month's array is not copied out and back.
        months[entry.entered.monthText, default: [Int](repeating: 0, count: NewEntrantCounts.statuses.count)][i] += 1
    }

    mutating func merge(_ other: NewEntrantCounts) {
        months.merge(other.months) { zip($0, $1).map(+) }
    }

    /// The count of `status` over every month, or in `month`.
    public func count(_ status: NewEntry.Status, in month: String? = nil) -> Int {
        guard let i = NewEntry.Status.allCases.firstIndex(of: status) else { return 0 }
        if let month { return months[month]?[i] ?? 0 }
        return months.values.reduce(0) { $0 + $1[i] }
    }

    public var total: Int { months.values.reduce(0) { $0 + $1.reduce(0, +) } }
    public func entrants(in month: String) -> Int { months[month]?.reduce(0, +) ?? 0 }
    /// The months with entrants, in order.
    public var orderedMonths: [String] { months.keys.sorted() }
}

/// Sanction decisions by measure and basis, and the euros withheld, refunded and lost.
public struct SanctionCounts: Sendable, Equatable {
    public var suspension = 0
    public var suppression = 0
    public var byBasis: [SanctionBasis: Int] {
        get { bases.dictionary }
        set { bases = CaseCounts(newValue) }
    }
    /// The same, counted in an array (``CaseCounts``).
    private var bases = CaseCounts<SanctionBasis>()
    public var remobilisations = 0
    public var withdrawals = 0
    public var withheld = Cents.zero
    public var refunded = Cents.zero
    public var lost = Cents.zero
    /// Decisions whose monthly amount is unknown (left out of the sums).
    public var unknownAmounts = 0

    package init(_ sanctions: [SanctionReport]) { add(sanctions) }

    package mutating func merge(_ other: SanctionCounts) {
        suspension += other.suspension
        suppression += other.suppression
        bases.merge(other.bases)
        remobilisations += other.remobilisations
        withdrawals += other.withdrawals
        withheld += other.withheld
        refunded += other.refunded
        lost += other.lost
        unknownAmounts += other.unknownAmounts
    }

    package mutating func add(_ sanctions: [SanctionReport]) {
        for s in sanctions {
            switch s.record.decision.measure {
            case .suspension: suspension += 1
            case .suppression: suppression += 1
            }
            bases.add(s.record.basis)
            if s.record.endedBy == .remobilised { remobilisations += 1 }
            if s.record.endedBy == .withdrawn { withdrawals += 1 }
            if let amounts = s.amounts {
                withheld += amounts.withheld
                refunded += amounts.refunded
                lost += amounts.lost
            } else {
                unknownAmounts += 1
            }
        }
    }
}

/// The département's intensity figures (instruction of 20 March 2025, annexe 2; pilots).
public struct IntensityCounts: Sendable, Equatable {
    /// Contracts signed or updated, and those planning at least the minimum (15 h).
    public var contracts = 0
    public var contractsAtLeastMinimum = 0
    /// People with a contract, and those whose latest contract has a legal reduction, by reason.
    public var peopleWithContract = 0
    public var peopleWithReduction = 0
    public var reductionsByReason: [ReductionReason: Int] {
        get { reductions.dictionary }
        set { reductions = CaseCounts(newValue) }
    }
    /// Hours done and days under contract, by dominante of the orientation in force.
    public var hoursByDominante: [Dominante: Int] {
        get { hoursDone.dictionary }
        set { hoursDone = CaseCounts(newValue) }
    }
    public var daysByDominante: [Dominante: Int] {
        get { days.dictionary }
        set { days = CaseCounts(newValue) }
    }
    /// Hours planned on those days, in hundredths (the HTML report's chart of hours).
    public var plannedByDominante: [Dominante: Int] {
        get { hoursPlanned.dictionary }
        set { hoursPlanned = CaseCounts(newValue) }
    }
    /// The same, counted in arrays (``CaseCounts``) as the people are added.
    private var reductions = CaseCounts<ReductionReason>()
    private var hoursDone = CaseCounts<Dominante>(), days = CaseCounts<Dominante>(), hoursPlanned = CaseCounts<Dominante>()
    /// Hours by R5411-15 category, all people.
    public var byCategory = CategoryHours()
    /// Contracts whose weekly hours the log does not record (left out of the share).
    public var contractsWithoutHours = 0
    /// People with at least one shortfall episode.
    public var peopleShort = 0
    /// People with a contract whose intensity is not measured (no activity in the log).
    public var peopleNotMeasured = 0
    public var appointments = AppointmentCounts()

    package init(_ people: [PersonReport]) {
        for person in people { add(person) }
    }

    /// The law's weekly minimum (15 h), which `contracts_at_least_15h` counts against: read once,
    /// not through the whole parameters at every person.
    private static let minimum = Parameters.law.minimumWeeklyHours.latest

    package mutating func add(_ person: PersonReport) {
        Lent.lending(person) { add($0) }
    }

    /// The same, the report read where it lies (``Indicators/Tally/add(_:)-(Lent<PersonReport>)``).
    package mutating func add(_ person: Lent<PersonReport>) {
        let minimum = IntensityCounts.minimum
        contracts += person.value.state.contractTerms.count
        for terms in person.value.state.contractTerms {
            if let hours = terms.weeklyHours {
                if hours >= minimum { contractsAtLeastMinimum += 1 }
            } else {
                contractsWithoutHours += 1
            }
        }
        if let latest = person.value.state.contract {
            peopleWithContract += 1
            if let reason = latest.terms.reductionReason {
                peopleWithReduction += 1
                reductions.add(reason)
            }
        }
        if let dominante = person.value.state.orientation?.decision.dominante, person.value.intensity.daysUnderContract > 0 {
            hoursDone.add(dominante, person.value.intensity.hoursDone.hundredths)
            hoursPlanned.add(dominante, person.value.intensity.hoursPlanned.hundredths)
            days.add(dominante, person.value.intensity.daysUnderContract)
        }
        byCategory += person.value.intensity.byCategory
        if !person.value.intensity.episodes.isEmpty { peopleShort += 1 }
        if !person.value.intensity.measured && person.value.state.contract != nil { peopleNotMeasured += 1 }
        appointments += person.value.state.appointments
    }

    package mutating func merge(_ other: IntensityCounts) {
        contracts += other.contracts
        contractsAtLeastMinimum += other.contractsAtLeastMinimum
        contractsWithoutHours += other.contractsWithoutHours
        peopleWithContract += other.peopleWithContract
        peopleWithReduction += other.peopleWithReduction
        reductions.merge(other.reductions)
        hoursDone.merge(other.hoursDone)
        days.merge(other.days)
        hoursPlanned.merge(other.hoursPlanned)
        byCategory += other.byCategory
        peopleShort += other.peopleShort
        peopleNotMeasured += other.peopleNotMeasured
        appointments += other.appointments
    }

    /// Hours done per week under contract for a dominante, rounded half up.
    public func averageHours(_ dominante: Dominante) -> Hours? {
        guard let days = days[dominante], days > 0 else { return nil }
        return Hours(hundredths: ((hoursDone[dominante] ?? 0) * 14 + days) / (days * 2))
    }

    /// missed / (attended + missed + excused), in per mille; `nil` without appointments.
    public var noShowPerMille: Int? { appointments.noShowPerMille }
}

/// How the deadlines of one rule ended.
public struct DeadlineCounts: Sendable, Equatable {
    public var onTime = 0
    public var late = 0
    /// Not yet passed at `as_of`: left out of rates.
    public var pending = 0
    /// Passed, step not done.
    public var missing = 0
    /// Stopped before their last day (closure, end of duties, re-orientation).
    public var cancelled = 0
    /// Days from day 0 to the step, over the steps done (on time or late).
    public var delay: Distribution
    /// The local target, when set: met, missed, and not yet judged.
    public var targetMet = 0
    public var targetMissed = 0
    public var hasTarget = false

    package init(_ records: [DeadlineRecord]) {
        var tally = Tally()
        for record in records { tally.add(record) }
        self = tally.counts
    }

    /// The counts gathered record by record, the delays counted by day for the median.
    package struct Tally: Sendable {
        var partial = DeadlineCounts(delay: Distribution([]))
        /// The delays of the steps done on time and late, counted by day (the median, and the
        /// HTML report's histograms).
        var onTimeDays = DayCounts(), lateDays = DayCounts()

        package mutating func add(_ record: DeadlineRecord) {
            switch record.status {
            case .onTime: partial.onTime += 1
            case .late: partial.late += 1
            case .pending: partial.pending += 1
            case .missing: partial.missing += 1
            case .cancelled: partial.cancelled += 1
            }
            if let d = record.days {
                if record.status == .onTime { onTimeDays.add(d) } else if record.status == .late { lateDays.add(d) }
            }
            if record.deadline.target != nil {
                partial.hasTarget = true
                switch record.targetMet {
                case true?: partial.targetMet += 1
                case false?: partial.targetMissed += 1
                case nil: break
                }
            }
        }

        package mutating func merge(_ other: Tally) {
            partial.onTime += other.partial.onTime
            partial.late += other.partial.late
            partial.pending += other.partial.pending
            partial.missing += other.partial.missing
            partial.cancelled += other.partial.cancelled
            partial.hasTarget = partial.hasTarget || other.partial.hasTarget
            partial.targetMet += other.partial.targetMet
            partial.targetMissed += other.partial.targetMissed
            onTimeDays.merge(other.onTimeDays)
            lateDays.merge(other.lateDays)
        }

        package var counts: DeadlineCounts {
            var result = partial
            var days = onTimeDays
            days.merge(lateDays)
            result.delay = Distribution(days)
            return result
        }
    }

    private init(delay: Distribution) { self.delay = delay }

    /// Deadlines judged (on time, late or missing): the denominator of the rate.
    public var judged: Int { onTime + late + missing }

    /// Share on time among those judged, in per mille (`nil` when none was judged).
    public var onTimePerMille: Int? { Ratio.perMille(onTime, judged) }
}

/// A count, median and mean of whole days, kept exact: halves are written `.5`.
public struct Distribution: Sendable, Equatable {
    public var count: Int
    /// Twice the median (so that a median between two days stays exact).
    public var medianTimesTwo: Int?
    /// The sum, for the mean.
    public var sum: Int

    /// The same from the values counted by day: the median found by walking the days in order.
    package init(_ counts: DayCounts) {
        let days = counts.sorted
        count = days.reduce(0) { $0 + $1.count }
        sum = days.reduce(0) { $0 + $1.day * $1.count }
        guard count > 0 else { medianTimesTwo = nil; return }
        // The values at 0-based positions `low` and `high` of the sorted list (equal when odd).
        let high = count / 2, low = count % 2 == 1 ? high : high - 1
        var seen = 0, lowValue: Int?, highValue: Int?
        for (day, n) in days {
            if lowValue == nil && low < seen + n { lowValue = day }
            if high < seen + n { highValue = day; break }
            seen += n
        }
        medianTimesTwo = (lowValue ?? 0) + (highValue ?? 0)
    }

    package init(_ values: [Int]) {
        let sorted = values.sorted()
        count = sorted.count
        sum = sorted.reduce(0, +)
        if sorted.isEmpty {
            medianTimesTwo = nil
        } else if sorted.count % 2 == 1 {
            medianTimesTwo = 2 * sorted[sorted.count / 2]
        } else {
            medianTimesTwo = sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]
        }
    }

    /// `31` or `31.5`; `nil` when empty.
    public var median: String? {
        medianTimesTwo.map { FixedPoint.format(Int64($0) * 5, scale: 1, trimZeros: true) }
    }

    /// The mean with one decimal, rounded half up; `nil` when empty.
    public var mean: String? {
        guard count > 0 else { return nil }
        let tenths = (Int64(sum) * 20 + Int64(count)) / (Int64(count) * 2)
        return FixedPoint.format(tenths, scale: 1, trimZeros: true)
    }
}

/// Whole days counted by value: an exact distribution in memory bounded by the number of
/// distinct days (a few thousand), whatever the number of people; two tallies merge by adding.
package struct DayCounts: Sendable, Equatable {
    /// Days 0 to 4095, by index; the others (negative, or more than eleven years) apart.
    private var near: [Int] = []
    private var far: [Int: Int] = [:]

    package init() {}

    package mutating func add(_ day: Int, count: Int = 1) {
        if day >= 0 && day < 4_096 {
            if near.count <= day { near += [Int](repeating: 0, count: Swift.max(day + 1, Swift.min(4_096, 2 * near.count)) - near.count) }
            near[day] += count
        } else {
            far[day, default: 0] += count
        }
    }

    package mutating func merge(_ other: DayCounts) {
        for (day, n) in other.near.enumerated() where n > 0 { add(day, count: n) }
        for (day, n) in other.far { add(day, count: n) }
    }

    /// The days present, in increasing order, with their counts.
    package var sorted: [(day: Int, count: Int)] {
        let below = far.filter { $0.key < 0 }.sorted { $0.key < $1.key }.map { (day: $0.key, count: $0.value) }
        let above = far.filter { $0.key >= 0 }.sorted { $0.key < $1.key }.map { (day: $0.key, count: $0.value) }
        let middle = near.enumerated().filter { $0.element > 0 }.map { (day: $0.offset, count: $0.element) }
        return below + middle + above
    }
}
