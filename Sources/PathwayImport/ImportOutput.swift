import PathwayMachinery
import PathwayLaw
/// The events of an import, written as the event log v1: sorted by date and person (a person's
/// events of a day in the order they were made), each with an `id` derived from its source,
/// person, type and date, so that importing the same files twice gives the same bytes, and a log
/// assembled from overlapping imports replays with its repeats counted as duplicates.
///
/// Each event is serialised as it comes (a few hundred bytes, no `ImportedEvent` kept). With a
/// ``FragmentStore``, the rows are sorted in runs of about `runBytes` and kept there, then merged
/// when written: the memory is the run's, whatever the size of the flows.
public struct ImportOutput {
    /// The source's name (`caf`, `pilotage`, `rdv-insertion`, a custom mapping's), written in
    /// each event's `source` (`Docs/events.md`) unless the event names its own (`msa`).
    public var source: String
    /// The source's name in the ids: its own, but `rdvi` for `rdv-insertion` (the ids of
    /// earlier imports kept, so that a log assembled from old and new imports has its repeats
    /// counted as duplicates).
    private var idPrefix: String { source == "rdv-insertion" ? "rdvi" : source }
    /// With a key, each person id is replaced by its HMAC-SHA-256 under the key (hex), the same
    /// in every source and run.
    public var pseudonymKey: [UInt8]?
    private let store: FragmentStore?
    private let runBytes: Int
    /// The rows not yet in a run, and their bytes.
    private var rows: [Row] = []
    private var rowBytes = 0
    /// The runs kept in `store`, each as its pieces in order.
    private var runs: [[Range<Int>]] = []
    public private(set) var count = 0
    private var byType = [Int](repeating: 0, count: EventType.allCases.count)
    /// The latest person written and their pseudonym (a household's events come together).
    private var lastPerson: (raw: String, written: String)?

    /// One event, serialised: its sort key and its members after `"date"` (`,"source":…,…`).
    private struct Row {
        var date: Int32
        var person: [UInt8]
        var order: Int
        var type: EventType
        var rest: [UInt8]

        static func < (a: Row, b: Row) -> Bool {
            if a.date != b.date { return a.date < b.date }
            if a.person != b.person { return a.person.lexicographicallyPrecedes(b.person) }
            return a.order < b.order
        }

        var size: Int { person.count + rest.count + 48 }

        func encode(into out: inout [UInt8]) {
            func int(_ value: Int, _ bytes: Int) { for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * k))) } }
            int(Int(date), 4); int(order, 8); int(person.count, 4); out += person; out.append(UInt8(type.ordinal)); int(rest.count, 4); out += rest
        }

        /// The row at `at` in `bytes`, and where the next one starts; `nil` when `bytes` ends
        /// before it does.
        static func decode(_ bytes: [UInt8], at start: Int) -> (Row, Int)? {
            var k = start
            func int(_ n: Int) -> Int? {
                guard k + n <= bytes.count else { return nil }
                var v = 0
                for j in 0..<n { v |= Int(bytes[k + j]) << (8 * j) }
                k += n
                return v
            }
            guard let date = int(4), let order = int(8), let pc = int(4), k + pc <= bytes.count else { return nil }
            let person = Array(bytes[k..<(k + pc)]); k += pc
            guard k < bytes.count else { return nil }
            let type = EventType.allCases[Int(bytes[k])]; k += 1
            guard let rc = int(4), k + rc <= bytes.count else { return nil }
            let rest = Array(bytes[k..<(k + rc)]); k += rc
            return (Row(date: Int32(truncatingIfNeeded: date), person: person, order: order, type: type, rest: rest), k)
        }
    }

    /// `store`: where sorted runs of about `runBytes` wait (nil: all rows in memory).
    public init(source: String, pseudonymKey: [UInt8]? = nil, store: FragmentStore? = nil, runBytes: Int = 2 << 20) {
        self.source = source
        self.pseudonymKey = pseudonymKey
        self.store = store
        self.runBytes = max(1, runBytes)
    }

    public mutating func append(contentsOf more: [ImportedEvent]) {
        for event in more { append(event) }
    }

    public mutating func append(_ event: ImportedEvent) {
        let person: String
        if let last = lastPerson, last.raw == event.person { person = last.written } else {
            person = written(event.person)
            lastPerson = (event.person, person)
        }
        var members: [(key: String, value: JSONValue)] = [("source", .string(event.source ?? source))]
        for (key, value) in event.fields {
            switch value {
            case .text(let text): members.append((key, .string(text)))
            case .int(let n): members.append((key, .number(String(n))))
            case .bool(let b): members.append((key, .bool(b)))
            case .euros(let cents): members.append((key, .number(cents.description)))
            case .number(let text): members.append((key, .number(text)))
            case .date(let d): members.append((key, .string(d.description)))
            case .null: members.append((key, .null))
            }
        }
        // `{"source":…,…}` without its braces: the members after "date".
        var rest = Array(JSONValue.object(members).serialized(pretty: false).utf8)
        rest.removeFirst()
        rest.removeLast()
        let row = Row(date: event.date.dayNumber, person: Array(person.utf8), order: count, type: event.type, rest: rest)
        count += 1
        byType[event.type.ordinal] += 1
        rowBytes += row.size
        rows.append(row)
        if let store, rowBytes >= runBytes { spill(to: store) }
    }

    /// A point to come back to: what was appended before it (a flow rejected whole after it
    /// leaves no event).
    public struct Checkpoint: Sendable {
        fileprivate var runs: Int
        fileprivate var rows: Int
        fileprivate var rowBytes: Int
        fileprivate var count: Int
        fileprivate var byType: [Int]
    }

    /// Marks the events appended so far (with a store, they are put in runs of their own).
    public mutating func checkpoint() -> Checkpoint {
        if let store, !rows.isEmpty { spill(to: store) }
        return Checkpoint(runs: runs.count, rows: rows.count, rowBytes: rowBytes, count: count, byType: byType)
    }

    /// Forgets every event appended since `mark`.
    public mutating func rollback(to mark: Checkpoint) {
        runs.removeLast(runs.count - mark.runs)
        rows.removeLast(rows.count - mark.rows)
        rowBytes = mark.rowBytes
        count = mark.count
        byType = mark.byType
        lastPerson = nil
    }

    /// Sorts the rows in memory into a run kept in `store`.
    private mutating func spill(to store: FragmentStore) {
        // The rows' places sorted, not the rows: moving a row would count references to its
        // two arrays at every step (a twentieth of an import's time).
        let rows = self.rows
        let order = rows.indices.sorted { rows[$0] < rows[$1] }
        var pieces: [Range<Int>] = []
        var out: [UInt8] = []
        out.reserveCapacity(1 << 18)
        for k in order {
            rows[k].encode(into: &out)
            if out.count >= 1 << 18 { pieces.append(store.append(out)); out.removeAll(keepingCapacity: true) }
        }
        if !out.isEmpty { pieces.append(store.append(out)) }
        runs.append(pieces)
        self.rows = []
        rowBytes = 0
    }

    /// Events by type, for the summary.
    public var countsByType: [(EventType, Int)] {
        EventType.allCases.compactMap { t in byType[t.ordinal] > 0 ? (t, byType[t.ordinal]) : nil }
    }

    /// The person id as written: pseudonymised when a key is given.
    public func written(_ person: String) -> String {
        guard let key = pseudonymKey else { return person }
        return HMACSHA256.hex(HMACSHA256.mac(key: key, message: Array(person.utf8)))
    }

    /// Writes the NDJSON, one line per event, sorted, in pieces of about `chunkSize` bytes.
    public func write(chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void) {
        // The runs kept and the rows in memory, merged.
        var sources: [Cursor] = runs.map { Cursor(store: store, pieces: $0) }
        sources.append(Cursor(rows: rows.sorted(by: <)))
        var heads: [Row?] = sources.indices.map { sources[$0].next() }
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 1024)
        var group: (date: Int32, person: [UInt8])?
        var used: [String: Int] = [:]
        let prefix = Array(idPrefix.utf8)
        while true {
            var best: (k: Int, row: Row)?
            for k in heads.indices {
                guard let row = heads[k] else { continue }
                if best.map({ row < $0.row }) ?? true { best = (k, row) }
            }
            guard let (k, row) = best else { break }
            heads[k] = sources[k].next()
            // Ids repeat only within a person's day: their count restarts with each.
            if group.map({ $0.date != row.date || $0.person != row.person }) ?? true {
                group = (row.date, row.person)
                used.removeAll(keepingCapacity: true)
            }
            let date = CivilDate(dayNumber: row.date).description
            var id = String(decoding: prefix, as: UTF8.self) + "-" + String(decoding: row.person, as: UTF8.self) + "-\(row.type.rawValue)-\(date)"
            used[id, default: 0] += 1
            if let n = used[id], n > 1 { id += "-\(n)" }
            out += Array(#"{"id":"#.utf8)
            out += Array(JSONValue.string(id).serialized(pretty: false).utf8)
            out += Array(#","person":"#.utf8)
            out += Array(JSONValue.string(String(decoding: row.person, as: UTF8.self)).serialized(pretty: false).utf8)
            out += Array(#","type":""#.utf8) + Array(row.type.rawValue.utf8) + Array(#"","date":""#.utf8) + Array(date.utf8) + [UInt8(ascii: "\"")]
            if !row.rest.isEmpty { out.append(UInt8(ascii: ",")); out += row.rest }
            out += Array("}\n".utf8)
            if out.count >= chunkSize { sink(out); out.removeAll(keepingCapacity: true) }
        }
        if !out.isEmpty { sink(out) }
    }

    /// The NDJSON text, one line per event, sorted.
    public func ndjson() -> String {
        var bytes: [UInt8] = []
        write { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a run back piece by piece, or the rows in memory.
    private struct Cursor {
        var store: FragmentStore?
        var pieces: [Range<Int>] = []
        var piece = 0
        var buffer: [UInt8] = []
        var at = 0
        var rows: [Row] = []
        var row = 0

        init(store: FragmentStore?, pieces: [Range<Int>]) {
            self.store = store
            self.pieces = pieces
        }

        init(rows: [Row]) { self.rows = rows }

        mutating func next() -> Row? {
            if store == nil {
                guard row < rows.count else { return nil }
                defer { row += 1 }
                return rows[row]
            }
            while true {
                if let (found, end) = Row.decode(buffer, at: at) {
                    at = end
                    return found
                }
                guard piece < pieces.count, let store else { return nil }
                // A row may span two pieces: what is left is kept before the next.
                buffer = Array(buffer[at...]) + store.read(pieces[piece])
                piece += 1
                at = 0
            }
        }
    }
}

/// A key for `--pseudonymize`: the file's bytes, hexadecimal when they are (a line end aside).
public enum PseudonymKey {
    public static func parse(_ bytes: [UInt8]) -> [UInt8]? {
        var text = bytes
        while let last = text.last, last == 0x0A || last == 0x0D || last == 0x20 { text.removeLast() }
        guard !text.isEmpty else { return nil }
        func nibble(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x61...0x66: return b - 0x61 + 10
            case 0x41...0x46: return b - 0x41 + 10
            default: return nil
            }
        }
        if text.count % 2 == 0, text.allSatisfy({ nibble($0) != nil }) {
            var key: [UInt8] = []
            var i = 0
            while i < text.count {
                if let high = nibble(text[i]), let low = nibble(text[i + 1]) { key.append(high << 4 | low) }
                i += 2
            }
            return key
        }
        return text
    }
}
