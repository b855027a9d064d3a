import PathwayMachinery
import PathwayLaw
/// Replays a log grouped by person one person at a time (`pathway replay --sorted`): memory is
/// bounded by the largest batch of people replayed together, not by the number of events, nor
/// by the number of people given a `spill` store for the reader. Each person's pieces go to the
/// store as they are replayed; while people come in the byte order of their ids (a log sorted by
/// person), they are read back in the order they were kept; out of order, their ids are sorted
/// beyond memory (in runs written to the store too) and the pieces read back in that order. The report is the one ``Replay/log(_:asOf:parameters:sources:jobs:)`` gives for the same
/// log, byte for byte, as long as no id is used by two different people (see
/// ``GroupedReader``).
///
/// Each person's events are replayed as soon as their lines are read (on `jobs` threads, a
/// batch of people at a time), their entry of the report and their findings rendered and kept
/// in a ``FragmentStore``, and their figures added to the indicators; the report is then
/// written with people in the report's order.
public struct GroupedReplay {
    public enum Format: Sendable {
        /// The JSON report (`Docs/report.md`).
        case json
        /// One line per finding (``Report/csv(_:)``).
        case csv
    }

    /// What the replay found, once the report is written.
    public struct Completion: Sendable {
        public var input: Report.Input
        /// Rejected lines, in file order.
        public var rejected: [LineError]
        public var hasViolation: Bool
    }

    private let asOf: CivilDate
    private let parameters: Parameters
    private let format: Format
    private let jobs: Int
    private let store: FragmentStore
    private let batchEvents: Int
    package var reader: GroupedReader
    private var pending: [(id: String, events: [Event])] = []
    private var pendingEvents = 0
    /// Whether the people came in the report's order (their ids' bytes increasing), as in a log
    /// sorted by person: then their records are read back one after the other (`Records`).
    private var inOrder = true
    /// Once the people are out of order: each one's id and where their record lies, sorted
    /// beyond memory (`ExternalSort`, in `store` too), to read the records in the ids' order.
    private var sorter: ExternalSort?
    /// Records sorted in memory at a time, once out of order (tests lower it).
    package var sortRunLength = 65_536
    /// People kept, the latest of them, and where their records end in `store`.
    private var count = 0
    private var latestPerson: String?
    private var recordsEnd = 0
    private var tally: Indicators.Tally
    private var replayed = 0
    private var afterAsOf = 0
    private var hasViolation = false
    /// The timelines of the most serious people so far (at most `Report.drawnTimelines`), in
    /// the page's order: the JSON report's `merge.timelines`, as the whole replay gives it.
    private var timelines = Report.MostSerious<Timeline>(limit: Report.drawnTimelines)

    /// `batchEvents`: people are replayed together until their events reach this number.
    /// The rules the log cannot judge (``NotJudged``): a grouped log is read once, so the caller
    /// says which kinds of events it holds (a first pass, `pathway replay --sorted`); by default
    /// every rule is judged.
    public var notJudged: [NotJudged] = []
    /// The input's name, for the JSON report's `merge.files` (`pathway merge`); none: not listed.
    public var fileName: String?
    /// What each source records (custom mappings added to the built-in ones), for `merge.sources`.
    public var declared = SourceDeclarations.builtIn
    /// Without `--as-of`: the event that set the audit date, for `merge.latest`.
    public var latest: Report.Provenance.Latest?

    /// `spill`: where the reader remembers the people met (none: in memory).
    public init(asOf: CivilDate, parameters: Parameters = .law, format: Format = .json, jobs: Int = 1,
                store: FragmentStore, spill: FragmentStore? = nil, batchEvents: Int = 65_536) {
        self.asOf = asOf
        self.parameters = parameters
        self.format = format
        self.jobs = max(1, jobs)
        self.store = store
        self.batchEvents = max(1, batchEvents)
        reader = GroupedReader(jobs: jobs, spill: spill)
        tally = Indicators.Tally(newEntrantTargetDays: parameters.newEntrantTargetDays.value(on: asOf) ?? 15)
    }

    /// Lines read so far.
    public var linesRead: Int { reader.linesRead }

    /// Ends the log and hands the report to `sink`, piece by piece.
    public mutating func finish(generator: String = "pathway", to sink: ([UInt8]) -> Void) throws -> Completion {
        var finished: [(id: String, events: [Event])] = []
        let summary = try reader.finish { id, events in finished.append((id, events)) }
        for person in finished { take(person.id, person.events) }
        replayPending()
        let input = Report.Input(lines: summary.lines, events: summary.events, duplicates: summary.duplicates,
                                 rejected: summary.rejected.count, blank: summary.blank, replayed: replayed,
                                 afterAsOf: afterAsOf, people: summary.people)
        // People in the report's order: their ids' UTF-8 bytes (the order they came in, when
        // they came so; sorted otherwise).
        let count = self.count
        let store = self.store
        // In order, each person's record is read back one after the other; out of order, at
        // the places the sorted ids give (the sort merged once for the people, once for the
        // findings).
        let kept = 0..<recordsEnd
        func nextRecord(_ sorted: ExternalSort.Merged?) -> () -> Record? {
            // In order: one run, read a MiB at a time; out of order, a record here and there.
            let records = StoreReader(store, range: kept, window: sorted == nil ? 1 << 20 : 4096)
            return {
                if let sorted {
                    guard let place = sorted.next()?.value else { return nil }
                    records.seek(to: place)
                }
                return Record(records)
            }
        }
        let (nextReport, nextFindings) = (nextRecord(sorter?.merged()), nextRecord(sorter?.merged()))
        let entry = { (_: Int) -> [UInt8] in nextReport().map { Array($0.report) } ?? [] }
        let findings = { (_: Int) -> [UInt8] in nextFindings().map { Array($0.findings) } ?? [] }
        switch format {
        case .json:
            var report = Report(asOf: asOf, input: input, rejected: summary.rejected, notJudged: notJudged, people: [], findings: [],
                                indicators: tally.indicators, parameters: parameters)
            report.provenance = Report.Provenance(sources: summary.sources, declared: declared)
            report.timelines = timelines.kept.map(\.element)
            report.provenance.latest = latest
            if let fileName {
                report.provenance.files = [Report.FileCounts(file: fileName, lines: input.lines, events: input.events,
                                                             duplicates: input.duplicates, rejected: input.rejected, blank: input.blank)]
            }
            let people = Report.Fragments(count: count, window: 1024) { range in
                [Report.Fragments.run(range.map(entry))]
            }
            let findingsRuns = Report.Fragments(count: count, window: 1024) { range in
                [Report.Fragments.run(range.flatMap { GroupedReplay.unpack(findings($0)) })]
            }
            report.writeJSON(generator: generator, people: people, findings: findingsRuns, flushAt: 1 << 20,
                             through: { sink(Array($0)) })
        case .csv:
            var out = Array(Report.csvHeaderLine.utf8)
            for k in 0..<count {
                out.append(contentsOf: findings(k))
                if out.count >= 1 << 20 { sink(out); out.removeAll(keepingCapacity: true) }
            }
            sink(out)
        }
        return Completion(input: input, rejected: summary.rejected, hasViolation: hasViolation)
    }

    // MARK: People

    package mutating func take(_ id: String, _ events: [Event]) {
        pending.append((id, events))
        pendingEvents += events.count
        if pendingEvents >= batchEvents { replayPending() }
    }

    /// Replays the people read so far, renders their pieces and counts them, in file order.
    private mutating func replayPending() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        pendingEvents = 0
        let (asOf, parameters, format) = (self.asOf, self.parameters, self.format)
        let unjudged = Set(notJudged.map(\.rule))
        let results = Parallel.map(count: batch.count, jobs: jobs) { i -> (PersonReport, [UInt8], [UInt8]) in
            var person = Replay.person(batch[i].id, events: batch[i].events, asOf: asOf, parameters: parameters)
            if !unjudged.isEmpty { person.findings.removeAll { unjudged.contains($0.rule) } }
            switch format {
            case .json:
                var entry = JSONWriter(depth: Report.Fragments.depth, capacity: 2048)
                person.write(to: &entry, asOf: asOf)
                var findings: [UInt8] = []
                for finding in person.findings {
                    var w = JSONWriter(depth: Report.Fragments.depth, capacity: 512)
                    finding.write(to: &w)
                    GroupedReplay.pack(w.bytes, into: &findings)
                }
                return (person, entry.bytes, findings)
            case .csv:
                return (person, [], person.findings.reduce(into: [UInt8]()) { Report.appendCSVRow($1, .standard, to: &$0) })
            }
        }
        for (i, (person, entry, findings)) in results.enumerated() {
            afterAsOf += person.eventsAfterAsOf
            // As of a date, a person whose events all come later is not known yet: not listed.
            guard person.eventsReplayed > 0 else { continue }
            if format == .json, !person.findings.isEmpty {
                timelines.offer(Report.Seriousness(person.findings), person.person) { Timeline(person, events: batch[i].events, asOf: asOf) }
            }
            tally.add(person)
            replayed += person.eventsReplayed
            if person.findings.contains(where: { $0.severity == .violation }) { hasViolation = true }
            keep(person.person, entry, findings)
        }
    }

    /// Keeps a person's pieces in `store`, one record: the lengths of the id, the entry and the
    /// findings (4 bytes each, little-endian), then their bytes.
    private mutating func keep(_ person: String, _ entry: [UInt8], _ findings: [UInt8]) {
        if inOrder, let latestPerson, !PersonNames.bytesPrecede(latestPerson, person) {
            // Out of order: the people kept so far, read back, to sort them all.
            inOrder = false
            var sorter = ExternalSort(store: store, runLength: sortRunLength)
            let records = StoreReader(store, range: 0..<recordsEnd, window: 1 << 20)
            while true {
                let place = records.offset
                guard let r = Record(records) else { break }
                sorter.add(r.id, place)
            }
            self.sorter = sorter
        }
        var record: [UInt8] = []
        record.reserveCapacity(12 + person.utf8.count + entry.count + findings.count)
        for n in [person.utf8.count, entry.count, findings.count] { record.appendLittleEndian(n, bytes: 4) }
        record.append(contentsOf: person.utf8)
        record.append(contentsOf: entry)
        record.append(contentsOf: findings)
        let range = store.append(record)
        recordsEnd = range.upperBound
        count += 1
        latestPerson = person
        sorter?.add(person.utf8, range.lowerBound)
    }

    /// A person's record as `keep` writes it, read from `reader` (nil at the end).
    private struct Record {
        var id: ArraySlice<UInt8>
        var report: ArraySlice<UInt8>
        var findings: ArraySlice<UInt8>

        init?(_ reader: StoreReader) {
            guard let lengths = reader.take(12) else { return nil }
            let number = { (k: Int) in lengths.dropFirst(4 * k).prefix(4).littleEndian() }
            guard let id = reader.take(number(0)), let report = reader.take(number(1)), let findings = reader.take(number(2)) else { return nil }
            (self.id, self.report, self.findings) = (id, report, findings)
        }
    }

    /// Elements kept one after the other, each behind its length (4 bytes, little-endian).
    package static func pack(_ element: [UInt8], into out: inout [UInt8]) {
        out.appendLittleEndian(element.count, bytes: 4)
        out.append(contentsOf: element)
    }

    package static func unpack(_ bytes: [UInt8]) -> [[UInt8]] {
        var elements: [[UInt8]] = []
        var i = 0
        while i + 4 <= bytes.count {
            let n = bytes[i..<(i + 4)].littleEndian()
            elements.append(Array(bytes[(i + 4)..<(i + 4 + n)]))
            i += 4 + n
        }
        return elements
    }
}
