import PathwayLaw
/// What a person's timeline draws (the HTML report's frise, `explain`'s): the events as ticks,
/// each clock, sanction and appeal as a bar, each with the words of its tooltip. Built from the
/// replayed person and their events; carried for the people drawn in the JSON report's
/// `merge.timelines` (`Docs/report.md`, "Merging reports"), so that `pathway merge` draws the
/// same page as the replay of all the parts' files.
package struct Timeline: Sendable, Equatable {
    package struct Tick: Sendable, Equatable {
        package var date: CivilDate
        package var event: String
        package var text: String
    }
    package struct Clock: Sendable, Equatable {
        package var rule: RuleID
        package var start: CivilDate
        package var due: CivilDate
        package var status: DeadlineRecord.Status
        package var done: CivilDate?
        package var text: String
    }
    package struct Sanction: Sendable, Equatable {
        package var event: String
        package var measure: SanctionMeasure
        package var starts: CivilDate
        package var ends: CivilDate
        package var text: String
    }
    package struct Appeal: Sendable, Equatable {
        package var event: String
        package var received: CivilDate
        /// The PCD's answer; none: the bar runs to the audit date.
        package var answered: CivilDate?
        package var text: String
    }

    package var person: String
    /// The person's findings by severity: the page's ranking (``Report/Seriousness``).
    package var seriousness: Report.Seriousness
    package var events: [Tick]
    package var clocks: [Clock]
    package var sanctions: [Sanction]
    package var appeals: [Appeal]

    /// From the replayed person and their events (in log order; those after `asOf` left out,
    /// the others by date, then line).
    package init(_ person: PersonReport, events: some Sequence<Event>, asOf: CivilDate?) {
        self.init(person.person, seriousness: Report.Seriousness(person.findings),
                  events: events.filter { $0.date <= (asOf ?? $0.date) }.sorted { ($0.date, $0.line) < ($1.date, $1.line) },
                  records: person.records, sanctions: person.sanctions, appeals: person.state.appeals)
    }

    /// From what the timeline draws (`events` in the order drawn).
    package init(_ person: String, seriousness: Report.Seriousness = .init([]), events: [Event], records: [DeadlineRecord],
                 sanctions: [SanctionReport], appeals: [AppealRecord]) {
        self.person = person
        self.seriousness = seriousness
        self.events = events.map { Tick(date: $0.date, event: $0.id, text: Explanation.describe($0)) }
        clocks = records.map { r in
            Clock(rule: r.deadline.rule, start: r.deadline.start, due: r.deadline.due, status: r.status, done: r.done,
                  text: Explanation.describe(r))
        }
        self.sanctions = sanctions.map { s in
            let r = s.record
            return Sanction(event: r.event, measure: r.decision.measure, starts: r.starts, ends: r.ends,
                            text: "\(Report.terms(r.decision)), décidée le \(r.date), du \(r.starts) au \(r.ends)"
                                + (r.endedBy.map { $0 == .remobilised ? " (fin par remobilisation)" : " (retirée)" } ?? ""))
        }
        self.appeals = appeals.map { a in
            Appeal(event: a.event, received: a.date, answered: a.decided,
                   text: "recours reçu le \(a.date)"
                       + (a.decided.map { d in " ; réponse le \(d)" + (a.outcome.map { " : \(Report.outcomeLabel($0))" } ?? "") }
                          ?? " ; sans réponse à la date d'audit"))
        }
    }

    // MARK: JSON

    /// The entry of `merge.timelines`, written where it goes.
    package func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("person", string: person)
            w.field("violations", int: seriousness.violations)
            w.field("warnings", int: seriousness.warnings)
            w.field("infos", int: seriousness.infos)
            w.field("events", objects: events) { tick, w in
                w.field("date", date: tick.date)
                w.field("event", string: tick.event)
                w.field("text", string: tick.text)
            }
            w.field("deadlines", objects: clocks) { clock, w in
                w.field("rule", string: clock.rule.rawValue)
                w.field("start", date: clock.start)
                w.field("due", date: clock.due)
                w.field("status", string: clock.status.rawValue)
                w.field("done", date: clock.done)
                w.field("text", string: clock.text)
            }
            w.field("sanctions", objects: sanctions) { sanction, w in
                w.field("event", string: sanction.event)
                w.field("measure", string: sanction.measure.rawValue)
                w.field("starts", date: sanction.starts)
                w.field("ends", date: sanction.ends)
                w.field("text", string: sanction.text)
            }
            w.field("appeals", objects: appeals) { appeal, w in
                w.field("event", string: appeal.event)
                w.field("received", date: appeal.received)
                w.field("answered", date: appeal.answered)
                w.field("text", string: appeal.text)
            }
        }
    }

    /// An entry of a JSON report's `merge.timelines`.
    package init(json: JSONValue, at path: String) throws(ReportReadError) {
        let r = ReportReader(json, path + " (merge.timelines)")
        person = try r.string("person")
        seriousness = Report.Seriousness(violations: try r.int("violations"), warnings: try r.int("warnings"), infos: try r.int("infos"))
        events = []
        for e in try r.array("events") {
            let m = ReportReader(e, r.path)
            events.append(Tick(date: try m.date("date"), event: try m.string("event"), text: try m.string("text")))
        }
        clocks = []
        for c in try r.array("deadlines") {
            let m = ReportReader(c, r.path)
            let rule = RuleID(rawValue: try m.string("rule"))
            guard RuleRegistry.rule(rule) != nil else { throw ReportReadError(path: r.path, message: "deadlines : règle inconnue \(rule)") }
            clocks.append(Clock(rule: rule, start: try m.date("start"), due: try m.date("due"), status: try m.value("status"),
                                done: try m.optionalDate("done"), text: try m.string("text")))
        }
        sanctions = []
        for s in try r.array("sanctions") {
            let m = ReportReader(s, r.path)
            sanctions.append(Sanction(event: try m.string("event"), measure: try m.value("measure"), starts: try m.date("starts"),
                                      ends: try m.date("ends"), text: try m.string("text")))
        }
        appeals = []
        for a in try r.array("appeals") {
            let m = ReportReader(a, r.path)
            appeals.append(Appeal(event: try m.string("event"), received: try m.date("received"), answered: try m.optionalDate("answered"),
                                  text: try m.string("text")))
        }
    }
}

extension Report {
    /// A person's findings by severity: the HTML page lists the people with a finding by it,
    /// the most violations first, then warnings, then information, then by id (bytes).
    package struct Seriousness: Sendable, Equatable, Comparable {
        package var violations = 0
        package var warnings = 0
        package var infos = 0

        package init(violations: Int, warnings: Int, infos: Int) {
            (self.violations, self.warnings, self.infos) = (violations, warnings, infos)
        }

        package init(_ findings: [Finding]) {
            for f in findings {
                switch f.severity {
                case .violation: violations += 1
                case .warning: warnings += 1
                case .info: infos += 1
                }
            }
        }

        /// More serious first.
        package static func < (a: Seriousness, b: Seriousness) -> Bool {
            (a.violations, a.warnings, a.infos) > (b.violations, b.warnings, b.infos)
        }

        /// Whether (a, person a) comes before (b, person b) in the page's order.
        package static func precedes(_ a: Seriousness, _ p: String, _ b: Seriousness, _ q: String) -> Bool {
            a != b ? a < b : p.utf8.lexicographicallyPrecedes(q.utf8)
        }
    }

    /// How many people's timelines the HTML page draws (the most serious first), and the JSON
    /// report carries for a merge.
    public static let drawnTimelines = 100

    /// The `limit` most serious of `people` with a finding, as indices, in the page's order.
    /// Each person's seriousness is weighed on `jobs` threads (a scan of their findings: 3 ms
    /// on one thread at 10^6 events, while the other waited).
    package static func mostSerious(_ people: [PersonReport], limit: Int = .max, jobs: Int = 1) -> [Int] {
        let flagged = people.indices.filter { !people[$0].findings.isEmpty }
        let seriousness = Parallel.map(count: flagged.count, jobs: jobs) { Seriousness(people[flagged[$0]].findings) }
        guard limit < flagged.count else {
            return flagged.indices.sorted {
                Seriousness.precedes(seriousness[$0], people[flagged[$0]].person, seriousness[$1], people[flagged[$1]].person)
            }.map { flagged[$0] }
        }
        var top = MostSerious<Int>(limit: limit)
        for (k, i) in flagged.enumerated() { top.offer(seriousness[k], people[i].person) { i } }
        return top.kept.map(\.element)
    }

    /// The `limit` most serious people offered so far, in the page's order, each with what is
    /// kept of them (made only for those kept): one comparison for a person after the last kept,
    /// so that the replay keeps its hundred timelines without sorting everyone with a finding.
    package struct MostSerious<Element> {
        package let limit: Int
        package private(set) var kept: [(seriousness: Seriousness, person: String, element: Element)] = []

        package init(limit: Int) { self.limit = limit }

        package mutating func offer(_ seriousness: Seriousness, _ person: String, _ element: () -> Element) {
            let precedes = { (k: (seriousness: Seriousness, person: String, element: Element)) in
                Seriousness.precedes(seriousness, person, k.seriousness, k.person)
            }
            if kept.count >= limit, let last = kept.last, !precedes(last) { return }
            kept.insert((seriousness, person, element()), at: kept.firstIndex(where: precedes) ?? kept.count)
            if kept.count > limit { kept.removeLast() }
        }
    }
}
