import PathwayMachinery
import PathwayLaw
/// The JSON report of `Docs/report.md`: every field it fixes, in a fixed order, and a few more
/// (`article`, `confidence` and `date` on findings; deadline records in `indicators`).
extension Report {
    /// The version of this report's layout; a change of meaning bumps it.
    public static let formatVersion = 1

    /// The JSON report as UTF-8 bytes; people are rendered on `jobs` threads, with the same
    /// bytes whatever their number.
    public func jsonBytes(generator: String = "pathway", jobs: Int = 1) -> [UInt8] {
        var all: [UInt8] = []
        writeJSON(generator: generator, jobs: jobs, through: { all.append(contentsOf: $0) })
        return all
    }

    /// The JSON report handed to `sink` piece by piece, in order (a run of people or findings as
    /// it was rendered, or up to 1 MiB gathered), so that a large report is written out without
    /// being held whole in memory. The concatenation of the pieces is
    /// ``jsonBytes(generator:jobs:)``. Each piece is a copy: ``writeJSON(generator:jobs:through:)``
    /// hands the same pieces without one.
    public func writeJSON(generator: String = "pathway", jobs: Int = 1, to sink: ([UInt8]) -> Void) {
        writeJSON(generator: generator, jobs: jobs, through: { sink(Array($0)) })
    }

    /// The elements of one of the report's two big arrays, rendered apart: `count` units
    /// fetched `window` at a time, giving runs of elements in order, each run separated within
    /// (``JSONWriter/runElement(first:_:)``, or ``run(_:)``) and possibly empty.
    package struct Fragments {
        /// The depth at which elements are rendered (inside the report object and the array).
        package static let depth = 2
        /// Runs shorter than this join the bytes gathered for `sink`; longer ones are handed to
        /// it as they are (a copy of a short run costs less than a write of its own).
        package static let directRun = 1 << 14
        package var count: Int
        package var window: Int
        package var fetch: (Range<Int>) -> [WrittenBytes]

        /// One run of elements rendered one by one.
        package static func run(_ elements: [[UInt8]]) -> WrittenBytes {
            var run = JSONWriter(depth: depth, capacity: elements.reduce(64) { $0 + $1.count + 2 * depth + 2 })
            for (k, element) in elements.enumerated() {
                run.runElement(first: k == 0) { w in w.rendered(element) }
            }
            return run.finish()
        }
    }

    /// The report with its people and findings given as rendered elements.
    package func writeJSON(generator: String, people: Fragments, findings: Fragments, flushAt: Int, jobs: Int = 1,
                   through sink: ByteSink) {
        var w = JSONWriter(capacity: flushAt + 65_536)
        func elements(_ fragments: Fragments) {
            var start = 0
            while start < fragments.count {
                let end = min(fragments.count, start + fragments.window)
                for run in fragments.fetch(start..<end) where w.openRun(count: run.count) {
                    // A short run joins what the writer holds; a long one goes out as it is,
                    // after it.
                    if run.count < Fragments.directRun && w.count + run.count < flushAt {
                        run.withBytes { w.rendered($0) }
                    } else {
                        w.flush(to: sink)
                        run.withBytes(sink)
                    }
                }
                start = end
            }
        }
        w.openObject()
        do {
            w.field("report") { w in
                w.object { w in
                    w.field("generator", string: generator)
                    w.field("format", int: Report.formatVersion)
                }
            }
            w.field("as_of", date: asOf)
            w.field("parameters") { w in
                w.object { w in
                    w.field("overrides") { w in
                        w.object { w in
                            for (key, value) in parameters.overrides.sorted(by: { $0.key < $1.key }) {
                                w.field(named: key) { $0.string(value) }
                            }
                        }
                    }
                }
            }
            w.field("input") { w in
                w.object { w in
                    w.field("lines", int: input.lines)
                    w.field("events", int: input.events)
                    w.field("duplicates", int: input.duplicates)
                    w.field("rejected", int: input.rejected)
                    w.field("blank", int: input.blank)
                    w.field("replayed", int: input.replayed)
                    w.field("after_as_of", int: input.afterAsOf)
                    w.field("people", int: input.people)
                    if !input.files.isEmpty {
                        w.field("files") { w in
                            w.array { w in
                                for f in input.files {
                                    w.element { w in
                                        w.object { w in
                                            w.field("file", string: f.file)
                                            w.field("lines", int: f.lines)
                                            w.field("events", int: f.events)
                                            w.field("duplicates", int: f.duplicates)
                                            w.field("rejected", int: f.rejected)
                                            w.field("blank", int: f.blank)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !warnings.isEmpty {
                w.field("warnings") { w in
                    w.array { w in for warning in warnings { w.element { w in w.string(warning) } } }
                }
            }
            w.field("rejected") { w in
                w.array { w in
                    for error in rejected {
                        w.element { w in
                            w.object { w in
                                if let file = error.file { w.field("file", string: file) }
                                w.field("line", int: error.line)
                                w.field("field", string: error.field)
                                w.field("code", string: error.code)
                                w.field("reason", string: error.reason(in: .french))
                            }
                        }
                    }
                }
            }
            w.field("not_judged") { w in
                w.array { w in
                    for gap in notJudged {
                        w.element { w in
                            w.object { w in
                                w.field("rule", string: gap.rule.rawValue)
                                w.field("reason", string: gap.reason)
                            }
                        }
                    }
                }
            }
            w.openArray(key: "people")
            elements(people)
            w.closeArray()
            w.openArray(key: "findings")
            elements(findings)
            w.closeArray()
            w.field("indicators", value: indicatorsValue)
            w.field("merge") { writeMerge(to: &$0, jobs: jobs) }
        }
        w.closeObject()
        w.raw("\n")
        w.flush(to: sink)
    }

    /// The JSON report as text.
    public func json(generator: String = "pathway", jobs: Int = 1) -> String {
        String(decoding: jsonBytes(generator: generator, jobs: jobs), as: UTF8.self)
    }
}

extension Finding {
    /// The `rule`, `article` and `confidence` of each registered rule's findings, written once
    /// as JSON strings: looked up for each finding in the registry's dictionary, and the
    /// citations checked for escapes again, they cost 400 instructions a finding.
    fileprivate static let basisJSON: RuleTally<(rule: [UInt8], article: [UInt8], confidence: [UInt8])> = {
        var table = RuleTally<(rule: [UInt8], article: [UInt8], confidence: [UInt8])>()
        for registered in RuleRegistry.all {
            guard let basis = RuleRegistry.basis(of: registered.id) else { continue }
            table[registered.id] = (json(registered.id.rawValue), json(basis.citations), json(basis.confidence.rawValue))
        }
        return table
    }()

    /// An unregistered rule's: no article, our interpretation (its id written as it comes).
    fileprivate static let unregisteredBasis = (article: json(""), confidence: json(Confidence.interpretation.rawValue))

    /// Each severity's JSON string, by ``Severity/rank``.
    fileprivate static let severityJSON = Severity.allCases.sorted { $0.rank < $1.rank }.map { json($0.rawValue) }

    private static func json(_ text: String) -> [UInt8] {
        var w = JSONWriter(capacity: text.utf8.count + 16, pretty: false)
        w.string(text)
        return w.bytes
    }

    package func write(to w: inout JSONWriter) {
        Lent.lending(self) { Finding.write($0, to: &w) }
    }

    /// The same, the finding read where it lies (in the report's array), field by field: handed
    /// over whole, even from where it lies, it was copied first (its strings retained).
    package static func write(_ finding: Lent<Finding>, to w: inout JSONWriter) {
        w.object { w in
            let rule = finding.value.rule
            let basis = Finding.basisJSON[rule]
            if let basis { w.field("rule", json: basis.rule) } else { w.field("rule", string: rule.rawValue) }
            w.field("severity", json: Finding.severityJSON[finding.value.severity.rank])
            w.field("person", string: finding.value.person)
            w.field("date", date: finding.value.date)
            if finding.value.due != nil {
                w.field("due", date: finding.value.due)
                w.field("done", date: finding.value.done)
            }
            w.field("event", string: finding.value.event)
            w.field("article", json: basis?.article ?? Finding.unregisteredBasis.article)
            w.field("confidence", json: basis?.confidence ?? Finding.unregisteredBasis.confidence)
            w.field("message") { w in w.string(finding.value.text) }
        }
    }
}

extension PersonReport {
    package func write(to w: inout JSONWriter, asOf: CivilDate?) {
        Lent.lending(self) { LentReport($0).write(to: &w, asOf: asOf) }
    }
}

/// A person's report read where it lies (``Lent``), for the JSON renderer: its fields are read
/// one by one, the state and the intensity borrowed. Handed whole to a function, even from
/// where it lies, the report was copied first, counting its 25 references, for each person.
package struct LentReport {
    private let lent: Lent<PersonReport>

    package init(_ lent: Lent<PersonReport>) { self.lent = lent }

    var state: PersonState { _read { yield lent.value.state } }
    /// The report's state, lent in turn, for a function it is handed to.
    var lentState: Lent<PersonState> { lent.field(at: LentReport.stateOffset, as: PersonState.self) }
    private static let stateOffset = MemoryLayout<PersonReport>.offset(of: \PersonReport.state)!
    /// The report's intensity, lent in turn (where it lies in the report).
    var intensity: Lent<Intensity> { lent.field(at: LentReport.intensityOffset, as: Intensity.self) }
    private static let intensityOffset = MemoryLayout<PersonReport>.offset(of: \PersonReport.intensity)!
    var person: String { lent.value.state.person }
    var status: PathwayStatus { lent.value.status }
    var deadlines: [Deadline] { lent.value.deadlines }
    var sanctions: [SanctionReport] { lent.value.sanctions }
    var findingCount: Int { lent.value.findings.count }
    var eventsReplayed: Int { lent.value.eventsReplayed }

    package func write(to w: inout JSONWriter, asOf: CivilDate?) {
        w.object { w in
            w.field("person", string: person)
            w.field("state", string: status.rawValue)
            w.field("dominante", string: state.orientation?.decision.dominante.rawValue)
            w.field("organisme", string: state.orientation?.decision.organisme.rawValue)
            w.field("decided_by", string: state.orientation?.decision.decidedBy.rawValue)
            w.field("right") { w in
                switch state.right {
                case .never:
                    w.null()
                case .open(let since, _):
                    w.object { w in
                        w.field("status", string: "open")
                        w.field("opened", date: since)
                        w.field("closed", date: nil)
                        w.field("reason", string: nil)
                        w.field("received", date: state.receivedOn)
                    }
                case .closed(let on, let reason):
                    w.object { w in
                        w.field("status", string: "closed")
                        w.field("opened", date: state.pathwayStart)
                        w.field("closed", date: on)
                        w.field("reason", string: reason.rawValue)
                    }
                }
            }
            w.field("transfer", bool: state.transferred)
            w.field("subject_to_duties", bool: state.subjectToDuties)
            w.field("household_size", int: state.householdSize)
            w.field("single_parent_increase", bool: state.singleParentIncrease)
            w.field("monthly_amount", euros: state.monthlyAmount)
            w.field("registered", date: state.registeredOn)
            w.field("oriented", date: state.orientation?.date)
            w.field("notified", date: state.orientation?.notified)
            w.field("orientations", int: state.orientationsInPathway)
            w.field("reorientations", int: state.reorientations)
            w.field("diagnostic", date: state.diagnosticOn)
            w.field("contract") { w in
                guard let c = state.contract else { return w.null() }
                w.object { w in
                    w.field("date", date: c.date)
                    w.field("event", string: c.event)
                    w.field("weekly_hours", hours: c.terms.weeklyHours)
                    w.field("reduction_reason", string: c.terms.reductionReason?.rawValue)
                    w.field("ends", date: c.terms.ends)
                    w.field("since_orientation", bool: state.contractSinceOrientation)
                    // The first signature of the pathway, and the latest update when the terms
                    // in force are not the signature's.
                    func terms(_ value: ContractInForce?, _ w: inout JSONWriter) {
                        guard let value else { return w.null() }
                        w.object { w in
                            w.field("date", date: value.date)
                            w.field("event", string: value.event)
                            w.field("weekly_hours", hours: value.terms.weeklyHours)
                        }
                    }
                    w.field("signed") { w in terms(state.signed, &w) }
                    w.field("updated") { w in terms(state.signed?.event == c.event ? nil : c, &w) }
                }
            }
            w.field("deadlines", objects: deadlines) { d, w in
                w.field("rule", string: d.rule.rawValue)
                w.field("start", date: d.start)
                w.field("due", date: d.due)
                w.field("target", date: d.target)
                w.field("event", string: d.event)
                w.field("origin", string: d.origin.rawValue)
                w.field("passed", bool: asOf.map { d.due < $0 } ?? false)
            }
            w.field("sanctions") { w in
                w.array { w in
                    for (sanction, procedure) in Report.sanctionsWithProcedure(sanctions, state: lentState) {
                        w.element { sanction.write(to: &$0, procedure: procedure) }
                    }
                }
            }
            w.field("intensity") { Intensity.writeSummary(intensity, to: &$0) }
            w.field("appointments") { w in
                w.object { w in
                    w.field("attended", int: state.appointments.attended)
                    w.field("missed", int: state.appointments.missed)
                    w.field("excused", int: state.appointments.excused)
                    w.field("no_show_rate", perMille: state.appointments.noShowPerMille)
                }
            }
            w.field("findings", int: findingCount)
            w.field("events", int: eventsReplayed)
        }
    }
}

extension Indicators {
    private var intensityJSON: JSONValue {
        .object([
            ("contracts", .int(intensity.contracts)),
            ("contracts_at_least_15h", .int(intensity.contractsAtLeastMinimum)),
            ("share_at_least_15h", .decimal(Ratio.decimal(Ratio.perMille(intensity.contractsAtLeastMinimum,
                                                                         intensity.contracts - intensity.contractsWithoutHours)))),
            ("contracts_without_hours", .int(intensity.contractsWithoutHours)),
            ("people_with_contract", .int(intensity.peopleWithContract)),
            ("people_with_reduction", .int(intensity.peopleWithReduction)),
            ("share_with_reduction", .decimal(Ratio.decimal(Ratio.perMille(intensity.peopleWithReduction, intensity.peopleWithContract)))),
            ("reductions_by_reason", .object(ReductionReason.allCases.map { ($0.rawValue, .int(intensity.reductionsByReason[$0] ?? 0)) })),
            ("average_hours_by_dominante", .object(Dominante.allCases.map { ($0.rawValue, .decimal(intensity.averageHours($0)?.description)) })),
            ("hours_by_category", .object(ActivityCategory.allCases.map { ($0.rawValue, .number(intensity.byCategory[$0].description)) })),
            ("people_short", .int(intensity.peopleShort)),
            ("people_not_measured", .int(intensity.peopleNotMeasured)),
            ("appointments", .object([
                ("attended", .int(intensity.appointments.attended)),
                ("missed", .int(intensity.appointments.missed)),
                ("excused", .int(intensity.appointments.excused)),
                ("no_show_rate", .decimal(Ratio.decimal(intensity.noShowPerMille))),
            ])),
        ])
    }

    private var sanctionsJSON: JSONValue {
        .object([
            ("suspension", .int(sanctions.suspension)),
            ("suppression", .int(sanctions.suppression)),
            ("by_basis", .object(SanctionBasis.allCases.map { ($0.rawValue, .int(sanctions.byBasis[$0] ?? 0)) })),
            ("remobilisations", .int(sanctions.remobilisations)),
            ("withdrawals", .int(sanctions.withdrawals)),
            ("withheld", .euros(sanctions.withheld)),
            ("refunded", .euros(sanctions.refunded)),
            ("lost", .euros(sanctions.lost)),
            ("unknown_amounts", .int(sanctions.unknownAmounts)),
        ])
    }

    /// `indicators.new_entrants` (`Docs/report.md`).
    private var newEntrantsJSON: JSONValue {
        let n = newEntrants
        func counts(_ month: String?) -> [(String, JSONValue)] {
            NewEntry.Status.allCases.map { ($0.rawValue, .int(n.count($0, in: month))) }
        }
        return .object([("target_days", .int(n.targetDays)), ("total", .int(n.total))] + counts(nil) + [
            ("months", .array(n.orderedMonths.map { month in
                .object([("month", .string(month)), ("entrants", .int(n.entrants(in: month)))] + counts(month))
            })),
        ])
    }

    package var jsonValue: JSONValue { .object(jsonMembers) }

    package var jsonMembers: [(key: String, value: JSONValue)] {
        [
            ("orientation", orientation.jsonValue),
            ("contract", contract.jsonValue),
            ("review", review.jsonValue),
            ("stock", stock.jsonValue),
            ("by_dominante", .object(Dominante.allCases.map { ($0.rawValue, .int(byDominante[$0] ?? 0)) })),
            ("by_organisme", .object(Organisme.allCases.map { ($0.rawValue, .int(byOrganisme[$0] ?? 0)) })),
            ("reorientations", .int(reorientations)),
            ("registration_to_contract", .object([
                ("count", .int(registrationToContract.count)),
                ("median_days", .decimal(registrationToContract.median)),
                ("mean_days", .decimal(registrationToContract.mean)),
            ])),
            ("states", .object(PathwayStatus.allCases.map { ($0.rawValue, .int(states[$0] ?? 0)) })),
            ("duties_unknown", .int(dutiesUnknown)),
            ("new_entrants", newEntrantsJSON),
            ("intensity", intensityJSON),
            ("sanctions", sanctionsJSON),
            ("findings", .object(
                Severity.allCases.map { ($0.rawValue, JSONValue.int(findingsBySeverity[$0] ?? 0)) }
                + [("by_rule", .object(RuleRegistry.all.map { ($0.id.rawValue, .int(findingsByRule[$0.id] ?? 0)) }))]
            )),
        ]
    }
}

extension Report {
    /// `indicators`, with `by_file` last when `--by-file` was given.
    package var indicatorsValue: JSONValue {
        guard !byFile.isEmpty else { return indicators.jsonValue }
        return .object(indicators.jsonMembers + [("by_file", .array(byFile.map { .object([("file", .string($0.file))] + $0.indicators.jsonMembers) }))])
    }
}

extension Intensity {
    /// The per-person summary of the JSON report (the weeks themselves are the library's).
    package func writeSummary(to w: inout JSONWriter) {
        Lent.lending(self) { Intensity.writeSummary($0, to: &w) }
    }

    /// The same, the intensity read where it lies (in its person's report): field by field, not
    /// copied whole.
    package static func writeSummary(_ intensity: Lent<Intensity>, to w: inout JSONWriter) {
        let totals = intensity.value.totals
        let weeksUnderContract = intensity.value.weeksUnderContract
        w.object { w in
            w.field("measured", bool: intensity.value.measured)
            w.field("weeks_under_contract", int: weeksUnderContract)
            w.field("full_weeks", int: totals.fullWeeks)
            w.field("days_under_contract", int: totals.days)
            w.field("hours_done", hours: Hours(hundredths: totals.done))
            w.field("average_hours_per_week", hours: totals.averagePerWeek)
            w.field("weeks_meeting_plan", int: totals.meetingPlan)
            w.field("share_weeks_meeting_plan", perMille: Ratio.perMille(totals.meetingPlan, weeksUnderContract))
            w.field("hours_by_category") { w in
                w.object { w in
                    for category in ActivityCategory.allCases {
                        w.field(category.literal) { $0.hours(intensity.value.byCategory[category]) }
                    }
                }
            }
            w.field("shortfalls") { w in
                w.array { w in
                    for e in intensity.value.episodes {
                        w.element { w in
                            w.object { w in
                                w.field("first") { $0.week(e.first) }
                                w.field("last") { $0.week(e.last) }
                                w.field("from", date: e.firstMonday)
                                w.field("to", date: e.lastMonday.adding(days: 6))
                                w.field("weeks", int: e.weeks)
                                w.field("hours_done", hours: e.done)
                                w.field("hours_planned", hours: Hours(hundredths: (e.plannedSevenths * 2 + 7) / 14))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension SanctionReport {
    /// `procedure`: the hearing and the appeals around the decision, in French
    /// (``Report/procedureLines(_:previous:state:)``).
    package func write(to w: inout JSONWriter, procedure: [String]) {
        let r = record
        w.object { w in
            w.field("event", string: r.event)
            w.field("date", date: r.date)
            w.field("measure", string: r.decision.measure.rawValue)
            w.field("percent", int: r.decision.percent)
            w.field("months", int: r.decision.months)
            w.field("starts", date: r.starts)
            w.field("ends", date: r.ends)
            w.field("ended_by", string: r.endedBy?.rawValue)
            w.field("basis", string: r.basis.rawValue)
            w.field("failings") { w in w.array { w in for f in r.failings { w.element { $0.string(f) } } } }
            w.field("repeats", string: r.repeats)
            w.field("regime", string: r.regime.rawValue)
            w.field("monthly_amount", euros: amounts?.monthlyAmount)
            w.field("withheld", euros: amounts?.withheld)
            w.field("refunded", euros: amounts?.refunded)
            w.field("lost", euros: amounts?.lost)
            w.field("procedure") { w in w.array { w in for line in procedure { w.element { $0.string(line) } } } }
        }
    }
}

extension DeadlineCounts {
    package var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("on_time", .int(onTime)), ("late", .int(late)), ("pending", .int(pending)), ("missing", .int(missing)),
            ("cancelled", .int(cancelled)),
            ("on_time_rate", .decimal(Ratio.decimal(onTimePerMille))),
            ("median_days", .decimal(delay.median)),
            ("mean_days", .decimal(delay.mean)),
        ]
        if hasTarget {
            members.append(("target", .object([("met", .int(targetMet)), ("missed", .int(targetMissed))])))
        }
        return .object(members)
    }
}
