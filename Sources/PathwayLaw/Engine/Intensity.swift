import PathwayMachinery
/// The intensity of a person's accompaniment: hours of activity done each ISO week against the
/// weekly hours of the contract in force (C. trav. L5411-6 II, R5411-15).
///
/// A week's plan is prorated by the days the contract is in force that week: each day counts
/// for one seventh of the weekly hours of the contract in force on that day, so that a contract
/// signed on a Wednesday plans 5/7 of its hours for that week, and an update mid-week changes
/// the plan from its date. Plans are kept in sevenths of a hundredth of an hour, exactly.
public struct Intensity: Sendable, Hashable {
    /// Every week with at least one day under contract, in order (empty in a whole-log report,
    /// which keeps the sums only: see ``withoutWeeks()``).
    public private(set) var weeks: [IntensityWeek]
    /// Hours done on days under contract, by R5411-15 category.
    public var byCategory: CategoryHours
    /// Runs of weeks whose evaluation window fell short of the plan.
    public var episodes: [ShortfallEpisode]
    /// Whether intensity is measured for this person: with `intensity_requires_activity`
    /// (the default), only when the log records at least one activity for them.
    public var measured = true
    /// Weeks with at least one day under contract.
    public private(set) var weeksUnderContract: Int
    /// The sums over the weeks, taken once when the weeks are set.
    package private(set) var totals: Totals

    public init(weeks: [IntensityWeek], byCategory: CategoryHours, episodes: [ShortfallEpisode], measured: Bool = true) {
        self.weeks = weeks
        self.byCategory = byCategory
        self.episodes = episodes
        self.measured = measured
        weeksUnderContract = weeks.count
        totals = Totals(weeks.map { WeekFigures(days: $0.daysUnderContract, plannedSevenths: $0.plannedSevenths, done: $0.done.hundredths) })
    }

    /// The sums only, as ``withoutWeeks()`` leaves them.
    package init(figures: [WeekFigures], byCategory: CategoryHours, episodes: [ShortfallEpisode]) {
        weeks = []
        self.byCategory = byCategory
        self.episodes = episodes
        weeksUnderContract = figures.count
        totals = Totals(figures)
    }

    /// The same intensity without its weeks: every sum, category and episode kept. A whole-log
    /// replay keeps this form, as the report needs nothing more (the weeks would take about
    /// 100 bytes per person and week under contract); ``PersonState/intensity(asOf:under:)``
    /// gives them for one person.
    public func withoutWeeks() -> Intensity {
        var copy = self
        copy.weeks = []
        return copy
    }

    /// Weeks entirely under contract.
    public var fullWeeks: Int { totals.fullWeeks }
    /// Days under contract.
    public var daysUnderContract: Int { totals.days }
    /// Hours done on days under contract.
    public var hoursDone: Hours { Hours(hundredths: totals.done) }
    /// Weeks whose hours done reach the (prorated) plan.
    public var weeksMeetingPlan: Int { totals.meetingPlan }

    /// Hours done per week under contract (hours × 7 / days under contract), in hundredths,
    /// rounded half up; `nil` without a day under contract.
    public var averageHoursPerWeek: Hours? { totals.averagePerWeek }

    /// Hours planned on the days under contract (each week's plan prorated by its days).
    public var hoursPlanned: Hours { Hours(hundredths: (totals.planned * 2 + 7) / 14) }

    /// The sums over the weeks, in one pass.
    package struct Totals: Sendable, Hashable {
        package var fullWeeks = 0
        package var meetingPlan = 0
        package var days = 0
        /// Hours done, in hundredths.
        package var done = 0
        /// Hours planned, in sevenths of hundredths (a week's plan prorated by its days).
        package var planned = 0

        package init(_ weeks: [WeekFigures]) {
            for week in weeks {
                if week.isFull { fullWeeks += 1 }
                if week.meetsPlan { meetingPlan += 1 }
                days += week.days
                done += week.done
                planned += week.plannedSevenths
            }
        }

        package var averagePerWeek: Hours? {
            days > 0 ? Hours(hundredths: (done * 7 * 2 + days) / (days * 2)) : nil
        }
    }

    public static let empty = Intensity(weeks: [], byCategory: CategoryHours(), episodes: [])
    package static let notMeasured = Intensity(weeks: [], byCategory: CategoryHours(), episodes: [], measured: false)
}

/// One ISO week under contract.
public struct IntensityWeek: Sendable, Hashable {
    public var week: ISOWeek
    /// Its Monday.
    public var monday: CivilDate
    /// Days of the week (0–7) under contract.
    public var daysUnderContract: Int
    /// The plan in sevenths of a hundredth of an hour (the sum, over the days under contract,
    /// of the weekly hours in force that day).
    public var plannedSevenths: Int
    /// Hours done on the days under contract.
    public var done: Hours
    public var byCategory: CategoryHours

    /// Whether all seven days were under contract.
    public var isFull: Bool { daysUnderContract == 7 }

    /// The prorated plan, rounded half up to the hundredth.
    public var planned: Hours { Hours(hundredths: (plannedSevenths * 2 + 7) / 14) }

    /// Whether the hours done reach the prorated plan (always, for a plan of 0).
    public var meetsPlan: Bool { done.hundredths * 7 >= plannedSevenths }
}

/// What the sums and the shortfalls need of a week under contract: a whole-log replay keeps
/// these, never building the weeks (``IntensityWeek``: its ISO week, its hours by category).
package struct WeekFigures: Sendable, Hashable {
    /// Weeks since the first week under contract (consecutive weeks differ by one).
    package var index = 0
    package var days: Int
    package var plannedSevenths: Int
    /// Hours done, in hundredths.
    package var done: Int

    package var isFull: Bool { days == 7 }
    package var meetsPlan: Bool { done * 7 >= plannedSevenths }
}

/// A week's figures as ``PersonState/intensity(asOf:under:keepingWeeks:)`` gathers them.
private struct WeekSlot {
    var days = 0
    /// In sevenths of a hundredth of an hour.
    var planned = 0
    /// In hundredths.
    var done = 0
    /// The segment whose contract was in force first in the week (-1: none).
    var contract: Int32 = -1
}

/// Consecutive full weeks covered by evaluation windows whose average fell short of the plan.
public struct ShortfallEpisode: Sendable, Hashable {
    public var first: ISOWeek
    public var last: ISOWeek
    public var firstMonday: CivilDate
    public var lastMonday: CivilDate
    public var weeks: Int
    /// Hours done over the episode.
    public var done: Hours
    /// Plan over the episode, in sevenths of a hundredth.
    public var plannedSevenths: Int
    /// The contract in force when the episode began.
    public var contractEvent: String?
}

/// A change of the weekly plan: a contract (signed or updated) from its date, or the end of any
/// plan (`weeklyHours` nil: closure, end of duties, re-orientation, new pathway).
public struct PlanChange: Sendable, Hashable {
    public var date: CivilDate
    public var weeklyHours: Hours?
    /// The contract's planned end, inclusive.
    public var ends: CivilDate?
    public var event: String?
}

/// One activity as kept for the weekly count.
public struct ActivityRecord: Sendable, Hashable {
    public var date: CivilDate
    public var hours: Hours
    public var category: ActivityCategory
}

extension PersonState {
    /// The week-by-week intensity as of `asOf` (days after it are not under contract yet).
    public func intensity(asOf: CivilDate, under parameters: Parameters) -> Intensity {
        intensity(asOf: asOf, under: parameters, keepingWeeks: true)
    }

    /// The same; with `keepingWeeks` false, the sums and episodes only (``Intensity/withoutWeeks()``),
    /// computed without building the weeks.
    package func intensity(asOf: CivilDate, under parameters: Parameters, keepingWeeks: Bool) -> Intensity {
        if parameters.intensityRequiresActivity.value(on: asOf) != false, !activities.contains(where: { $0.date <= asOf }) {
            return .notMeasured
        }
        // Segments [start, end) of days under contract, with their weekly hours.
        var segments: [(start: CivilDate, end: CivilDate, hours: Hours, event: String?)] = []
        segments.reserveCapacity(planChanges.count)
        for (index, change) in planChanges.enumerated() {
            guard let hours = change.weeklyHours else { continue }
            var end = asOf.adding(days: 1)
            if index + 1 < planChanges.count { end = min(end, planChanges[index + 1].date) }
            if let ends = change.ends { end = min(end, ends.adding(days: 1)) }
            if change.date < end { segments.append((change.date, end, hours, change.event)) }
        }
        guard !segments.isEmpty else { return .empty }

        // Weeks from the first segment's Monday, indexed by their distance in weeks; a week
        // that begins before the weekly duration is in force (2025-01-01) is not measured.
        let firstMonday = segments[0].start.startOfISOWeek
        let measuredFrom = parameters.minimumWeeklyHours.inForce.from.map { from in
            max(0, (Int(from.dayNumber) - Int(firstMonday.dayNumber) + 6) / 7)
        } ?? 0
        let lastDay = segments[segments.count - 1].end.adding(days: -1)
        let span = (Int(lastDay.startOfISOWeek.dayNumber) - Int(firstMonday.dayNumber)) / 7 + 1
        // Each week's days under contract, plan, hours done, and the segment whose contract was
        // in force first (-1: none, by index: an array of strings would be retained, released
        // and destroyed element by element), in one array (four, one per figure, were four
        // allocations a person).
        var slots = [WeekSlot](repeating: WeekSlot(), count: span)
        for (number, segment) in segments.enumerated() {
            var monday = segment.start.startOfISOWeek
            while monday < segment.end {
                let index = (Int(monday.dayNumber) - Int(firstMonday.dayNumber)) / 7
                let from = max(monday, segment.start), to = min(monday.adding(days: 7), segment.end)
                let count = to.days(since: from)
                if slots[index].days == 0 { slots[index].contract = Int32(number) }
                slots[index].days += count
                slots[index].planned += count * segment.hours.hundredths
                monday = monday.adding(days: 7)
            }
        }
        var categories = [CategoryHours](repeating: CategoryHours(), count: keepingWeeks ? span : 0)
        var byCategory = CategoryHours()
        var s = 0
        for activity in activities where activity.date <= asOf {
            // Activities come in date order: the segment pointer only moves forward.
            while s < segments.count && segments[s].end <= activity.date { s += 1 }
            guard s < segments.count, activity.date >= segments[s].start else { continue }
            // Weeks counted from a Monday, and the activity is not before it.
            let index = (Int(activity.date.dayNumber) - Int(firstMonday.dayNumber)) / 7
            guard index >= measuredFrom else { continue }
            slots[index].done += activity.hours.hundredths
            if keepingWeeks { categories[index][activity.category] += activity.hours }
            byCategory[activity.category] += activity.hours
        }
        var figures: [WeekFigures] = []
        var contracts: [Int32] = []
        figures.reserveCapacity(span)
        contracts.reserveCapacity(span)
        for index in measuredFrom..<max(measuredFrom, span) where slots[index].days > 0 {
            let slot = slots[index]
            figures.append(WeekFigures(index: index, days: slot.days, plannedSevenths: slot.planned, done: slot.done))
            contracts.append(slot.contract)
        }
        // No window in force: no episode (the rule does not apply).
        let window = parameters.intensityWindowWeeks.value(on: asOf) ?? 0
        let episodes = PersonState.shortfalls(figures, firstMonday: firstMonday, contracts: contracts, window: window) {
            $0 >= 0 ? segments[Int($0)].event : nil
        }
        guard keepingWeeks else { return Intensity(figures: figures, byCategory: byCategory, episodes: episodes) }
        let weeks = figures.map { week in
            let monday = firstMonday.adding(days: 7 * week.index)
            return IntensityWeek(week: monday.isoWeek, monday: monday, daysUnderContract: week.days,
                                 plannedSevenths: week.plannedSevenths, done: Hours(hundredths: week.done),
                                 byCategory: categories[week.index])
        }
        return Intensity(weeks: weeks, byCategory: byCategory, episodes: episodes)
    }

    /// Windows of `window` consecutive full weeks whose hours done stay below the plan, merged
    /// into episodes where they overlap. `weeks` are the weeks under contract in order, counted
    /// from the week of `firstMonday`; `contracts` gives each week's first contract as a number
    /// that `event` turns into its event id.
    package static func shortfalls(_ weeks: [WeekFigures], firstMonday: CivilDate, contracts: [Int32], window: Int,
                           event: (Int32) -> String?) -> [ShortfallEpisode] {
        guard window >= 1 else { return [] }
        var episodes: [ShortfallEpisode] = []
        var runStart = 0
        while runStart < weeks.count {
            // A run of consecutive full weeks.
            guard weeks[runStart].isFull else { runStart += 1; continue }
            var runEnd = runStart
            while runEnd + 1 < weeks.count, weeks[runEnd + 1].isFull, weeks[runEnd + 1].index == weeks[runEnd].index + 1 {
                runEnd += 1
            }
            var current: (first: Int, last: Int)?
            if runEnd - runStart + 1 >= window {
                // The window's sums slid along the run: a week added, a week taken off (summed
                // again at each start, they took a third of the intensity's instructions).
                var done = 0, planned = 0
                for week in weeks[runStart..<(runStart + window - 1)] {
                    done += week.done
                    planned += week.plannedSevenths
                }
                for start in runStart...(runEnd - window + 1) {
                    let added = weeks[start + window - 1]
                    done += added.done
                    planned += added.plannedSevenths
                    if start > runStart {
                        let dropped = weeks[start - 1]
                        done -= dropped.done
                        planned -= dropped.plannedSevenths
                    }
                    guard done * 7 < planned else { continue }
                    let last = start + window - 1
                    if let open = current, start <= open.last {
                        current = (open.first, last)
                    } else {
                        if let open = current { episodes.append(episode(weeks, firstMonday, event(contracts[open.first]), open)) }
                        current = (start, last)
                    }
                }
            }
            if let open = current { episodes.append(episode(weeks, firstMonday, event(contracts[open.first]), open)) }
            runStart = runEnd + 1
        }
        return episodes
    }

    private static func episode(_ weeks: [WeekFigures], _ firstMonday: CivilDate, _ contract: String?,
                                _ range: (first: Int, last: Int)) -> ShortfallEpisode {
        let slice = weeks[range.first...range.last]
        let from = firstMonday.adding(days: 7 * weeks[range.first].index)
        let to = firstMonday.adding(days: 7 * weeks[range.last].index)
        return ShortfallEpisode(first: from.isoWeek, last: to.isoWeek, firstMonday: from, lastMonday: to,
                                weeks: slice.count, done: Hours(hundredths: slice.reduce(0) { $0 + $1.done }),
                                plannedSevenths: slice.reduce(0) { $0 + $1.plannedSevenths },
                                contractEvent: contract)
    }
}
