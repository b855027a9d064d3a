import PathwayMachinery
import PathwayLaw
/// The replay of a whole log into its ``Report``: the report layer's side of ``Replay``.
extension Replay {

    /// Replays a parsed log. `asOf` defaults to the latest event date (never the clock).
    /// `sources` declares what each source the events name records (custom mappings added to
    /// the built-in ones).
    ///
    /// People are replayed on `jobs` threads (each person on one); the report is the same,
    /// byte for byte, whatever the number of jobs.
    ///
    /// A log holds millions of events, and its report keeps what it shows, not every event:
    /// each person's intensity keeps its sums and episodes, not its weeks, and each person's
    /// state keeps no activities (`state.activities` is empty; `Replay.person`
    /// keeps both).
    public static func log(_ log: ParsedLog, asOf requested: CivilDate? = nil, parameters: Parameters = .law,
                           sources: SourceDeclarations = .builtIn, jobs: Int = 1) -> Report {
        var log = log
        return Replay.log(releasing: &log, asOf: requested, parameters: parameters, sources: sources, jobs: jobs)
    }

    /// The same, letting go of the log's events as soon as they are replayed: `log.events` is
    /// empty on return (the rest of the log is kept, and its `lines` still counts every line),
    /// and the events' memory is given back before
    /// the report is put together, when no one else holds them (at 10^6 events, they are half
    /// the memory of the run).
    package static func log(releasing log: inout ParsedLog, asOf requested: CivilDate? = nil, parameters: Parameters = .law,
                           sources: SourceDeclarations = .builtIn, jobs: Int = 1) -> Report {
        let events = log.events
        log.events = EventList()
        log.released += events.count
        var stored = events.stored
        let count = events.count
        // Without a date asked, the latest date of the log.
        func latest() -> CivilDate? {
            guard count > 0 else { return nil }
            return CivilDate(dayNumber: Parallel.map(count: max(1, jobs), jobs: jobs) { k in
                var latest = Int32.min
                for i in (count * k / max(1, jobs))..<(count * (k + 1) / max(1, jobs)) { latest = max(latest, stored[i].date.dayNumber) }
                return latest
            }.max() ?? Int32.min)
        }
        let asOf = requested ?? latest()
        // What the log's sources do not record is not judged (``NotJudged``).
        let notJudged = NotJudged.rules(sources: log.sources, declared: sources, rules: parameters.rules).notJudged
        let unjudged = Set(notJudged.map(\.rule))
        // Each person's events laid out contiguously (a counting sort).
        let names = events.names
        let (start, order) = layOut(events.personOf, people: names.count, jobs: jobs)
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
                    let (a, b) = (stored[Int($0)], stored[Int($1)])
                    return (a.date, a.line) > (b.date, b.line)
                }) {
                    mine.sort { (stored[Int($0)].date, stored[Int($0)].line) < (stored[Int($1)].date, stored[Int($1)].line) }
                }
                var report = person(names[p], events: events, order: mine, asOf: asOf, parameters: parameters,
                                    keepingWeeks: false)
                if !unjudged.isEmpty { report.findings.removeAll { unjudged.contains($0.rule) } }
                return report
            }
        }
        let ids = names
        // The timelines of the most serious people (the HTML page's, the JSON's `merge.timelines`).
        let drawn = Report.mostSerious(people, limit: Report.drawnTimelines, jobs: jobs)
        let timelines = Parallel.map(count: drawn.count, jobs: jobs) { k in
            let (i, p) = (drawn[k], ranking[drawn[k]])
            return Timeline(people[i], events: order[start[p]..<start[p + 1]].lazy.map { events[Int($0)] }, asOf: asOf)
        }
        // The events replayed: let go (`events` is a constant, consumed here: a variable, as it
        // was, was copied at each use by the closures, its arrays retained by both threads).
        _ = consume events
        stored = []
        // Read where they lie (`for person in people` would copy each report, retaining all it
        // holds).
        var afterAsOf = 0, replayed = 0, unknownYet = false
        for i in people.indices {
            afterAsOf += people[i].eventsAfterAsOf
            replayed += people[i].eventsReplayed
            unknownYet = unknownYet || people[i].eventsReplayed == 0
        }
        // As of a date, a person whose events all come later is not known yet: not listed.
        if unknownYet { people.removeAll { $0.eventsReplayed == 0 } }
        let findings = Parallel.concatenation(count: people.count, jobs: jobs) { people[$0].findings }
        let input = Report.Input(lines: log.lines, events: count, duplicates: log.duplicates,
                                 rejected: log.rejected.count, blank: log.blank,
                                 replayed: replayed,
                                 afterAsOf: afterAsOf,
                                 people: ids.count)
        var report = Report(asOf: asOf, input: input, rejected: log.rejected, notJudged: notJudged, people: people, findings: findings,
                            indicators: Indicators(people: people, jobs: jobs,
                                                   newEntrantTargetDays: asOf.flatMap { parameters.newEntrantTargetDays.value(on: $0) } ?? 15),
                            parameters: parameters)
        report.provenance = Report.Provenance(sources: log.sources, declared: sources)
        report.timelines = timelines
        return report
    }

    /// Each person's events laid out contiguously, in log order (a counting sort on up to `jobs`
    /// threads, each taking a contiguous share of the events): person `p`'s events are
    /// `order[start[p] ..< start[p + 1]]`. A share has at least `minimumShare` events (fewer
    /// are not worth a thread); tests lower it to split small logs.
    package static func layOut(_ personOf: [Int32], people: Int, jobs: Int,
                       minimumShare: Int = 65_536) -> (start: [Int], order: [Int32]) {
        Parallel.groups(of: personOf, count: people, jobs: jobs, minimumShare: minimumShare)
    }
}
