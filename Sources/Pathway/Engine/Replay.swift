/// Replays a whole log: each person's events in their order through ``PersonState``, then the
/// clocks judged at the report date, then the indicators.
public enum Replay {
    /// Replays one person's events (any order: they are sorted by date, then line).
    public static func person(_ id: String, events: [Event], asOf: CivilDate,
                              parameters: Parameters = .law) -> PersonReport {
        let ordered = events.sorted { ($0.date, $0.line) < ($1.date, $1.line) }
        return person(id, events: ordered, order: nil, asOf: asOf, parameters: parameters)
    }

    /// Replays one person's events, `events[order[0]]`, `events[order[1]]`, … (or `events` in
    /// their order when `order` is nil), which must be in date-then-line order. With
    /// `keepingWeeks` false, as in a whole-log report, the intensity keeps its sums but not its
    /// weeks (``Intensity/withoutWeeks()``), and the state keeps no activities.
    static func person(_ id: String, events: [Event], order: [Int32]?, asOf: CivilDate, parameters: Parameters,
                       keepingWeeks: Bool = true) -> PersonReport {
        var state = PersonState(person: id)
        var findings: [Finding] = []
        var replayed = 0
        replay(events, order: order, asOf: asOf, parameters: parameters,
               state: &state, findings: &findings, replayed: &replayed)
        let count = order?.count ?? events.count
        return report(of: &state, findings: findings, replayed: replayed, afterAsOf: count - replayed,
                      asOf: asOf, parameters: parameters, keepingWeeks: keepingWeeks).report
    }

    /// The person's report from its replayed state (its activities dropped when `keepingWeeks` is
    /// false) and the findings its events revealed: the
    /// clocks judged at `asOf` (``PersonState/closing(asOf:under:)``, returned too, for
    /// ``Explanation`` to tell), the sanctions' amounts, the deadlines still running.
    static func report(of state: inout PersonState, findings: [Finding], replayed: Int, afterAsOf: Int, asOf: CivilDate,
                       parameters: Parameters, keepingWeeks: Bool = true)
        -> (report: PersonReport, closing: (findings: [Finding], records: [DeadlineRecord], intensity: Intensity)) {
        var findings = findings
        let closing = state.closing(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks)
        // A whole-log report keeps the intensity's sums, not the activities they were made
        // from: freed here, their memory holds the next person's (most of a log is activities).
        if !keepingWeeks { state.activities = [] }
        findings.append(contentsOf: closing.findings)
        findings.sort(by: Finding.reportOrder)
        let closedOn: CivilDate? = if case .closed(let day, _) = state.right { day } else { nil }
        let sanctions = state.sanctions.map { record in
            SanctionReport(record: record, amounts: state.amounts(of: record, asOf: asOf, under: parameters, rightClosedOn: closedOn))
        }
        let report = PersonReport(state: state, status: state.status(on: asOf), findings: findings, sanctions: sanctions,
                                  intensity: closing.intensity,
                                  records: state.records + closing.records,
                                  deadlines: state.deadlines(asOf: asOf, under: parameters),
                                  eventsReplayed: replayed, eventsAfterAsOf: afterAsOf)
        return (report, closing)
    }

    /// Replays a parsed log. `asOf` defaults to the latest event date (never the clock).
    ///
    /// People are replayed on `jobs` threads (each person on one); the report is the same,
    /// byte for byte, whatever the number of jobs.
    ///
    /// A log holds millions of events, and its report keeps what it shows, not every event:
    /// each person's intensity keeps its sums and episodes, not its weeks, and each person's
    /// state keeps no activities (`state.activities` is empty; ``person(_:events:asOf:parameters:)``
    /// keeps both).
    public static func log(_ log: ParsedLog, asOf requested: CivilDate? = nil, parameters: Parameters = .law,
                           jobs: Int = 1) -> Report {
        let events = log.events
        let count = events.count
        // The latest date of the log.
        let latest = Parallel.map(count: max(1, jobs), jobs: jobs) { k in
            var latest = Int32.min
            for i in (count * k / max(1, jobs))..<(count * (k + 1) / max(1, jobs)) { latest = max(latest, events[i].date.dayNumber) }
            return latest
        }.max() ?? Int32.min
        let asOf = requested ?? (count == 0 ? nil : CivilDate(dayNumber: latest))
        // The kinds of events the log records at all (what it does not record is not judged).
        let seen = Parallel.map(count: max(1, jobs), jobs: jobs) { k -> Set<EventType> in
            var types = Set<EventType>()
            for i in (count * k / max(1, jobs))..<(count * (k + 1) / max(1, jobs)) where NotJudged.watched.contains(events[i].type) {
                types.insert(events[i].type)
                if types.count == NotJudged.watched.count { break }
            }
            return types
        }.reduce(into: Set<EventType>()) { $0.formUnion($1) }
        let notJudged = NotJudged.rules(given: seen)
        let unjudged = Set(notJudged.map(\.rule))
        // People numbered (by the reader as it parsed, or here), then each person's events
        // laid out contiguously (a counting sort).
        var (personOf, names) = log.people.map { ($0.personOf, $0.names) } ?? numberPeople(events, jobs: jobs)
        let (start, order) = layOut(personOf, people: names.count, jobs: jobs)
        personOf = []
        let ranking = PersonNames.byteOrder(names)
        var people: [PersonReport] = []
        if let asOf {
            people = Parallel.map(count: ranking.count, jobs: jobs) { k in
                let p = ranking[k]
                // The person's events by date, then line (already so in a log exported in
                // date order). The check reads the events themselves, one after the other in a
                // tight loop: they lie scattered across the log, and loads issued back to back
                // wait for their cache misses together, where the replay would wait for each in
                // turn (it was a tenth of the run's time at 10^6 events).
                var mine = Array(order[start[p]..<start[p + 1]])
                if zip(mine, mine.dropFirst()).contains(where: {
                    let (a, b) = (events[Int($0)], events[Int($1)])
                    return (a.date, a.line) > (b.date, b.line)
                }) {
                    mine.sort { (events[Int($0)].date, events[Int($0)].line) < (events[Int($1)].date, events[Int($1)].line) }
                }
                var report = person(names[p], events: events, order: mine, asOf: asOf, parameters: parameters,
                                    keepingWeeks: false)
                if !unjudged.isEmpty { report.findings.removeAll { unjudged.contains($0.rule) } }
                return report
            }
        }
        let ids = names
        let afterAsOf = people.reduce(0) { $0 + $1.eventsAfterAsOf }
        // As of a date, a person whose events all come later is not known yet: not listed.
        if people.contains(where: { $0.eventsReplayed == 0 }) { people.removeAll { $0.eventsReplayed == 0 } }
        let findings = Parallel.concatenation(count: people.count, jobs: jobs) { people[$0].findings }
        let input = Report.Input(lines: log.lines, events: log.events.count, duplicates: log.duplicates,
                                 rejected: log.rejected.count, blank: log.blank,
                                 replayed: people.reduce(0) { $0 + $1.eventsReplayed },
                                 afterAsOf: afterAsOf,
                                 people: ids.count)
        return Report(asOf: asOf, input: input, rejected: log.rejected, notJudged: notJudged, people: people, findings: findings,
                      indicators: Indicators(people: people, jobs: jobs), parameters: parameters)
    }

    /// Each person's events laid out contiguously, in log order (a counting sort on up to `jobs`
    /// threads, each taking a contiguous share of the events): person `p`'s events are
    /// `order[start[p] ..< start[p + 1]]`. A share has at least `minimumShare` events (fewer
    /// are not worth a thread); tests lower it to split small logs.
    static func layOut(_ personOf: [Int32], people: Int, jobs: Int,
                       minimumShare: Int = 65_536) -> (start: [Int], order: [Int32]) {
        Parallel.countingSort(count: personOf.count, buckets: people, jobs: jobs, minimumShare: minimumShare,
                              bucket: { Int(personOf[$0]) }, element: { Int32($0) })
    }

}

/// One person at the report date.
public struct PersonReport: Sendable {
    /// The state after the person's events up to `as_of`.
    public var state: PersonState
    /// The state of `Docs/report.md` at `as_of`.
    public var status: PathwayStatus
    /// The person's findings, in report order.
    public var findings: [Finding]
    /// Every sanction decision with its amounts as of `as_of`.
    public var sanctions: [SanctionReport]
    /// The week-by-week intensity as of `as_of`.
    public var intensity: Intensity
    /// Every deadline of the person and how it ended (or that it is pending).
    public var records: [DeadlineRecord]
    /// The deadlines still running at `as_of`, soonest first.
    public var deadlines: [Deadline]
    public var eventsReplayed: Int
    /// Events dated after `as_of`: read, counted, not replayed.
    public var eventsAfterAsOf: Int

    public var person: String { state.person }
}

/// A sanction decision with its amounts as of the report date (`nil` when the monthly
/// amount is unknown: never guessed).
public struct SanctionReport: Sendable, Hashable {
    public var record: SanctionRecord
    public var amounts: SanctionAmounts?
}

/// The audit report of a log (`Docs/report.md`).
public struct Report: Sendable {
    /// The date at which pending deadlines are judged; `nil` only for a log with no event.
    public var asOf: CivilDate?
    public var input: Input
    public var rejected: [LineError]
    /// The rules the log cannot judge, for lack of the events they need (``NotJudged``).
    public var notJudged: [NotJudged] = []
    /// By person (UTF-8 byte order).
    public var people: [PersonReport]
    /// By person, then date, then rule.
    public var findings: [Finding]
    public var indicators: Indicators
    /// The parameters applied (with the overrides of `--config`).
    public var parameters: Parameters
    /// When the audit date was not given: the event that set it (the latest date of the log),
    /// for the text and HTML reports to name (`Docs/report.md`). Not in the JSON report.
    public var asOfSetBy: String? = nil

    /// How every line of the input was counted.
    public struct Input: Sendable, Equatable {
        public var lines: Int
        public var events: Int
        public var duplicates: Int
        public var rejected: Int
        public var blank: Int
        /// Events dated on or before `as_of`.
        public var replayed: Int
        /// Events dated after `as_of`: counted in `events`, not replayed.
        public var afterAsOf: Int
        public var people: Int
        /// With several input files: each file's counts, in the order given (else empty).
        public var files: [FileCounts] = []
    }

    /// How the lines of one input file were counted.
    public struct FileCounts: Sendable, Equatable {
        public var file: String
        public var lines: Int
        public var events: Int
        public var duplicates: Int
        public var rejected: Int
        public var blank: Int

        public init(file: String, lines: Int, events: Int, duplicates: Int, rejected: Int, blank: Int) {
            self.file = file
            self.lines = lines
            self.events = events
            self.duplicates = duplicates
            self.rejected = rejected
            self.blank = blank
        }
    }

    /// Whether a finding of severity `violation` exists.
    public var hasViolation: Bool { findings.contains { $0.severity == .violation } }

    /// Findings by severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
