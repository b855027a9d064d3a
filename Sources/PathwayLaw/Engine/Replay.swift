import PathwayMachinery
/// Replays a whole log: each person's events in their order through ``PersonState``, then the
/// clocks judged at the report date, then the indicators.
public enum Replay {
    /// Replays one person's events (any order: they are sorted by date, then line).
    public static func person(_ id: String, events: [Event], asOf: CivilDate,
                              parameters: Parameters = .law) -> PersonReport {
        let ordered = events.sorted { ($0.date, $0.line) < ($1.date, $1.line) }
        return person(id, events: ordered, order: nil, asOf: asOf, parameters: parameters)
    }

    /// The same, from a log's list (`LogReader.read(text).events`: all of one person's).
    public static func person(_ id: String, events: EventList, asOf: CivilDate,
                              parameters: Parameters = .law) -> PersonReport {
        person(id, events: Array(events), asOf: asOf, parameters: parameters)
    }

    /// Replays one person's events, `events[order[0]]`, `events[order[1]]`, … (or `events` in
    /// their order when `order` is nil), which must be in date-then-line order. With
    /// `keepingWeeks` false, as in a whole-log report, the intensity keeps its sums but not its
    /// weeks (``Intensity/withoutWeeks()``), and the state keeps no activities.
    package static func person(_ id: String, events: [Event], order: [Int32]?, asOf: CivilDate, parameters: Parameters,
                       keepingWeeks: Bool = true) -> PersonReport {
        person(id, records: events, ids: [], others: [], order: order, asOf: asOf, parameters: parameters, keepingWeeks: keepingWeeks)
    }

    /// The same, for the events of a log's list (those `order` gives, all of the person `id`).
    package static func person(_ id: String, events: EventList, order: [Int32], asOf: CivilDate, parameters: Parameters,
                       keepingWeeks: Bool = true) -> PersonReport {
        person(id, records: events.stored, ids: events.idBytes, others: events.others, order: order, asOf: asOf,
               parameters: parameters, keepingWeeks: keepingWeeks)
    }

    private static func person<Record: ReplayedRecord>(_ id: String, records: [Record], ids: [UInt8], others: [EventKind],
                                                      order: [Int32]?, asOf: CivilDate,
                                                      parameters: Parameters, keepingWeeks: Bool) -> PersonReport {
        var state = PersonState(person: id)
        var findings: [Finding] = []
        var replayed = 0
        replay(records, ids: ids, others: others, order: order, asOf: asOf, parameters: parameters,
               state: &state, findings: &findings, replayed: &replayed)
        let count = order?.count ?? records.count
        return report(of: consume state, findings: consume findings, replayed: replayed, afterAsOf: count - replayed,
                      asOf: asOf, parameters: parameters, keepingWeeks: keepingWeeks).report
    }

    /// The person's report from its replayed state (its activities dropped when `keepingWeeks` is
    /// false) and the findings its events revealed: the
    /// clocks judged at `asOf` (``PersonState/closing(asOf:under:)``, returned too, for
    /// ``Explanation`` to tell), the sanctions' amounts, the deadlines still running. The state
    /// is taken, not copied: it becomes the report's (a copy retained each of its arrays, twice
    /// a person).
    package static func report(of state: consuming PersonState, findings: consuming [Finding], replayed: Int, afterAsOf: Int, asOf: CivilDate,
                       parameters: Parameters, keepingWeeks: Bool = true)
        -> (report: PersonReport, closing: (findings: [Finding], records: [DeadlineRecord], intensity: Intensity)) {
        // Taken, not copied: the closing's findings are added to the array the replay filled
        // (copied first, it was allocated again for every person).
        var findings = findings
        let closing = state.closing(asOf: asOf, under: parameters, keepingWeeks: keepingWeeks)
        // A whole-log report keeps the intensity's sums, not the activities they were made
        // from: freed here, their memory holds the next person's (most of a log is activities).
        if !keepingWeeks { state.activities = [] }
        findings.append(contentsOf: closing.findings)
        findings.sort(by: Finding.reportOrder)
        let sanctions = state.sanctions.map { record in
            SanctionReport(record: record, amounts: state.amounts(of: record, asOf: asOf, under: parameters))
        }
        let status = state.status(on: asOf)
        let records = state.records + closing.records
        let deadlines = state.deadlines(asOf: asOf, under: parameters)
        let newEntrants: [(entry: NewEntry, status: NewEntry.Status)] = parameters.newEntrantTargetDays.value(on: asOf).map { days in
            state.newEntries.map { ($0, $0.status(asOf: asOf, targetDays: days)) }
        } ?? []
        let report = PersonReport(state: state, status: status, findings: findings, sanctions: sanctions,
                                  intensity: closing.intensity, records: records, deadlines: deadlines,
                                  eventsReplayed: replayed, eventsAfterAsOf: afterAsOf, newEntrants: newEntrants)
        return (report, closing)
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
    /// The person's entries (the new-entrant indicator) and how each stands at `as_of`.
    public var newEntrants: [(entry: NewEntry, status: NewEntry.Status)] = []

    public var person: String { state.person }

}

/// A sanction decision with its amounts as of the report date (`nil` when the monthly
/// amount is unknown: never guessed).
public struct SanctionReport: Sendable, Hashable {
    public var record: SanctionRecord
    public var amounts: SanctionAmounts?
}

extension PersonReport {
    /// A person as a merged report lists them (`pathway merge`): their state's name and findings,
    /// nothing replayed.
    package init(listing person: String, status: PathwayStatus, findings: [Finding], eventsReplayed: Int) {
        self.init(state: PersonState(person: person), status: status, findings: findings, sanctions: [],
                  intensity: Intensity(weeks: [], byCategory: CategoryHours(), episodes: []), records: [], deadlines: [],
                  eventsReplayed: eventsReplayed, eventsAfterAsOf: 0)
    }
}
