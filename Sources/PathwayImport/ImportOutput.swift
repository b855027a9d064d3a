import PathwayMachinery
import PathwayLaw
/// The events of an import, written as the event log v1: sorted by date and person (a person's events of a day in the order they were made), each
/// with an `id` derived from its source, person, type and date, so that importing the same
/// files twice gives the same bytes, and a log assembled from overlapping imports replays with
/// its repeats counted as duplicates.
public struct ImportOutput: Sendable {
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
    private var events: [(event: ImportedEvent, order: Int)] = []

    public init(source: String, pseudonymKey: [UInt8]? = nil) {
        self.source = source
        self.pseudonymKey = pseudonymKey
    }

    public mutating func append(contentsOf more: [ImportedEvent]) {
        for event in more { events.append((event, events.count)) }
    }

    public var count: Int { events.count }

    /// Events by type, for the summary.
    public var countsByType: [(EventType, Int)] {
        var counts: [EventType: Int] = [:]
        for e in events { counts[e.event.type, default: 0] += 1 }
        return EventType.allCases.compactMap { t in counts[t].map { (t, $0) } }
    }

    /// The person id as written: pseudonymised when a key is given.
    public func written(_ person: String) -> String {
        guard let key = pseudonymKey else { return person }
        return HMACSHA256.hex(HMACSHA256.mac(key: key, message: Array(person.utf8)))
    }

    /// The NDJSON text, one line per event, sorted.
    public func ndjson() -> String {
        var pseudonyms: [String: String] = [:]
        var rows: [(date: CivilDate, person: String, type: String, order: Int, event: ImportedEvent)] = []
        rows.reserveCapacity(events.count)
        for (event, order) in events {
            let person: String
            if let known = pseudonyms[event.person] { person = known } else {
                person = written(event.person)
                pseudonyms[event.person] = person
            }
            rows.append((event.date, person, event.type.rawValue, order, event))
        }
        // By date and person; a person's events of one day in the order they were made (a right
        // opened before its payment is suspended, before it is closed): the replay reads them in
        // file order.
        rows.sort { a, b in
            if a.date != b.date { return a.date < b.date }
            if a.person != b.person { return a.person.utf8.lexicographicallyPrecedes(b.person.utf8) }
            return a.order < b.order
        }
        var out = ""
        var used: [String: Int] = [:]
        for row in rows {
            var id = "\(idPrefix)-\(row.person)-\(row.type)-\(row.date)"
            used[id, default: 0] += 1
            if let n = used[id], n > 1 { id += "-\(n)" }
            var members: [(key: String, value: JSONValue)] = [
                ("id", .string(id)), ("person", .string(row.person)), ("type", .string(row.type)), ("date", .string(row.date.description)),
            ]
            members.append(("source", .string(row.event.source ?? source)))
            for (key, value) in row.event.fields {
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
            out += JSONValue.object(members).serialized(pretty: false)
            out += "\n"
        }
        return out
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
