import PathwayMachinery
/// Reads a log whose lines are grouped by person (all of a person's lines together, people in
/// any order) and hands over one person at a time, so that memory is bounded by the largest
/// person and the number of people, not by the size of the log (`pathway replay --sorted`).
/// The people met are remembered in a `spill` store (a temporary file for `pathway replay
/// --sorted`, in memory by default), so that with a file memory is bounded whatever the number
/// of people: while they come in the byte order of their ids (a log sorted by person), none can
/// have come back; once that order breaks (a log grouped but not sorted), the people met are
/// sorted beyond memory (`ExternalSort`). A person back among the latest 16,384 met (a log not
/// grouped at all) stops the reading as it comes; one back from further is found at the end, by
/// ``finish(person:)``: the same error either way, the first line where a person came back.
///
/// Lines are cut, parsed and counted as by ``LogReader``. Duplicates are resolved within each
/// person: the first line with an id wins, a later one with the same content is counted, with
/// other content rejected. An id used by two different people is not detected (that would
/// need every id in memory); ``LogReader`` rejects the second line. A person whose lines come
/// back after another person's is an error (``NotGrouped``): the log must then be replayed
/// whole.
public struct GroupedReader {
    /// A person's lines are not all together.
    public struct NotGrouped: Error, Sendable, Equatable, CustomStringConvertible {
        /// The line where the person comes back.
        public var line: Int
        public var person: String
        /// The first line of the person's earlier group.
        public var firstLine: Int

        public init(line: Int, person: String, firstLine: Int) {
            self.line = line
            self.person = person
            self.firstLine = firstLine
        }

        public var description: String {
            "ligne \(line) : la personne « \(person) » avait déjà des lignes depuis la ligne \(firstLine), avant celles d'une autre : "
                + "le journal n'est pas groupé par personne (rejouez-le sans --sorted)"
        }
    }

    /// How every line was counted, once the log is read.
    public struct Summary: Sendable, Equatable {
        public var lines = 0
        public var events = 0
        public var duplicates = 0
        public var blank = 0
        /// Rejected lines, in file order.
        public var rejected: [LineError] = []
        public var people = 0
        /// The sources the events name (``SourceTally``).
        public var sources = SourceTally()
    }

    private var splitter = LineSplitter()
    private let jobs: Int
    /// Lines cut but not parsed yet: their bytes one after the other, and for each its end in
    /// `block`, its number, and its length when it was too long to keep.
    private var block: [UInt8] = []
    private var pending: [(end: Int, number: Int, overlong: Int?)] = []
    private var summary = Summary()
    /// The current person's events, with the duplicates resolved among them.
    private var group = ParsedLog()
    /// Its events (an array: a person's events are handed over as one).
    private var groupEvents: [Event] = []
    private var dedup = Deduplicator(capacity: 64)
    private var current: String?
    /// Where the people handed over are kept: each one's id and first line, as a record of
    /// `ExternalSort`; while they come in byte order, one sorted run.
    private let spill: FragmentStore
    private var spilledEnd = 0
    /// Whether the people so far came in the byte order of their ids (kept in `spill`), and the
    /// latest of them.
    private var ordered = true
    private var latest: String?
    /// Once the order broke: the people met, to sort and check at the end.
    private var met: ExternalSort?
    /// Records sorted in memory at a time, once out of order (tests lower it).
    package var sortRunLength = 65_536
    /// The latest people met (at most `recentLimit`, forgotten all at once), in memory, so that a
    /// person back soon after (a log not grouped at all) stops the reading as it comes; one back
    /// from further is found at the end.
    private var recent = StringTable(capacity: 1024)
    private var recentNames: [String] = []
    package var recentLimit = 16_384

    /// `jobs`: threads parsing lines (a block of about 1 MiB a thread at a time); people are
    /// still handed over one by one, in file order. `spill`: where to remember the people met
    /// (none: in memory).
    public init(jobs: Int = 1, spill: FragmentStore? = nil) {
        self.jobs = max(1, jobs)
        self.spill = spill ?? MemoryFragmentStore()
    }

    /// Lines cut so far.
    public var linesRead: Int { splitter.lineNumber }

    /// The sources the events parsed so far name.
    public var sources: SourceTally { summary.sources }

    /// Feeds the next bytes; `person` is called with each person whose lines have all been
    /// read, with their events in file order.
    public mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>,
                                 person: (_ id: String, _ events: [Event]) throws -> Void) throws {
        var splitter = self.splitter
        self.splitter = LineSplitter()
        splitter.consume(chunk) { keep($0) }
        self.splitter = splitter
        if block.count >= jobs << 20 { try parsePending(person) }
    }

    /// Ends the log: the last person is handed over, and the counts returned.
    public mutating func finish(person: (_ id: String, _ events: [Event]) throws -> Void) throws -> Summary {
        var splitter = self.splitter
        self.splitter = LineSplitter()
        splitter.finish { keep($0) }
        try parsePending(person)
        try flush(person)
        try checkMet()
        summary.lines = splitter.lineNumber
        summary.rejected.sort { $0.line < $1.line }
        return summary
    }

    private mutating func keep(_ line: LineSplitter.Line) {
        switch line {
        case .text(let bytes, let number):
            block.append(contentsOf: bytes)
            pending.append((block.count, number, nil))
        case .overlong(let length, let number):
            pending.append((block.count, number, length))
        }
    }

    /// Parses the pending lines on `jobs` threads, then takes their outcomes in file order.
    private mutating func parsePending(_ person: (String, [Event]) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        let (block, pending) = (self.block, self.pending)
        self.block.removeAll(keepingCapacity: true)
        self.pending.removeAll(keepingCapacity: true)
        let pieces = max(1, min(jobs * 4, pending.count / 256))
        let outcomes = block.withUnsafeBufferPointer { bytes in
            Parallel.map(count: pieces, jobs: jobs) { k -> ([LineParser.Parsed], SourceTally) in
                var parser = LineParser()
                let lines = (pending.count * k / pieces)..<(pending.count * (k + 1) / pieces)
                let parsed = lines.map { i in
                    let line = pending[i]
                    if let length = line.overlong { return parser.parse(.overlong(length: length, number: line.number)) }
                    let start = i == 0 ? 0 : pending[i - 1].end
                    return parser.parse(.text(UnsafeBufferPointer(rebasing: bytes[start..<line.end]), number: line.number))
                }
                return (parsed, parser.sources)
            }
        }
        for (piece, sources) in outcomes {
            summary.sources.merge(sources)
            for outcome in piece { try take(outcome, person: person) }
        }
    }

    private mutating func take(_ outcome: LineParser.Parsed, person: (String, [Event]) throws -> Void) throws {
        switch outcome {
        case .blank:
            summary.blank += 1
        case .rejected(let error):
            summary.rejected.append(error)
        case .event(let event, let hash):
            // People are told apart by their identifier's bytes, as the whole-log reader does.
            if !(current.map { PersonNames.sameBytes($0, event.person) } ?? false) {
                try admit(event.person, line: event.line)
                try flush(person)
                current = event.person
            }
            dedup.take(.event(event, hash), into: &groupEvents, log: &group)
        }
    }

    /// Checks that a person who starts here has not been handed over before, and remembers them.
    private mutating func admit(_ name: String, line: Int) throws {
        let key = StringTable.hash(name)
        let back = recent.find(hash: key, isKey: { PersonNames.sameBytes(recentNames[Int($0)], name) }) != nil
        if recentNames.count >= recentLimit {
            recent = StringTable(capacity: 1024)
            recentNames.removeAll(keepingCapacity: true)
        }
        recent.insert(hash: key, value: Int32(recentNames.count))
        recentNames.append(name)
        if ordered {
            if !back, latest.map({ PersonNames.bytesPrecede($0, name) }) ?? true {
                // After every person so far: new.
                spilledEnd = spill.append(ExternalSort.record(name.utf8, line)).upperBound
                latest = name
                return
            }
            // The order breaks: the people so far are one sorted run; the others are sorted
            // beyond memory, and checked at the end.
            ordered = false
            met = ExternalSort(store: spill, runLength: sortRunLength, run: 0..<spilledEnd)
        }
        met?.add(name.utf8, line)
        // A person back: the first line where one came back, among everyone met so far.
        if back { try checkMet() }
    }

    /// Of the people met out of order, the first line where one came back (by the sorted
    /// people: an id met twice), as a reader checking every person as they come would find it.
    private mutating func checkMet() throws {
        guard var met else { return }
        self.met = nil
        let sorted = met.merged()
        var found: NotGrouped?
        var previous: (key: ArraySlice<UInt8>, first: Int)?
        while let (key, value) = sorted.next() {
            if let p = previous, ExternalSort.compare(p.key, key) == 0 {
                // The same person again: their first line, then the start of a later group of
                // theirs (the earliest later group is the first after the first: ties keep order).
                if found.map({ value < $0.line }) ?? true {
                    found = NotGrouped(line: value, person: String(decoding: key, as: UTF8.self), firstLine: p.first)
                }
                // Only the second group of a person matters: the later ones come after it.
                previous = (key, p.first)
                continue
            }
            previous = (key, value)
        }
        if let found { throw found }
    }

    /// Hands the current person over and starts afresh.
    private mutating func flush(_ person: (String, [Event]) throws -> Void) throws {
        guard let id = current else { return }
        let events = groupEvents
        groupEvents = []
        summary.events += events.count
        summary.duplicates += group.duplicates
        summary.rejected.append(contentsOf: group.rejected)
        summary.people += 1
        group = ParsedLog()
        dedup = Deduplicator(capacity: 64)
        current = nil
        try person(id, events)
    }
}
