import PathwayMachinery
/// The events of a log, in file order: a collection of ``Event``, kept compact.
///
/// A log holds millions of events, and most of them name a person already named: each event is
/// kept without its person and with its identifier's bytes laid end to end with the others'
/// (40 bytes, and the bytes of its id, where an ``Event`` takes 64, and more for an id longer
/// than 15 bytes, kept apart), with the person's number beside it (4 bytes), each person's
/// identifier kept once. An event read from the list is built as it is read.
///
/// People are told apart by the UTF-8 bytes of their identifier, as the report sorts them (the
/// identifier is opaque, `Docs/events.md`): two spellings of one name in Unicode are two
/// people. So are events by the bytes of their ids.
public struct EventList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One event without its person, its id's bytes in the list's ``idBytes``.
    package struct Stored: Sendable {
        package var id: IdSpan
        package var kind: EventKind
        package var date: CivilDate
        package var line: Int

        package init(id: IdSpan, kind: EventKind, date: CivilDate, line: Int) {
            self.id = id
            self.kind = kind
            self.date = date
            self.line = line
        }

        /// The event, with its person and its id (read from its list's ``idBytes``).
        package func event(of person: String, id: String) -> Event {
            Event(id: id, person: person, date: date, kind: kind, line: line)
        }
    }

    /// Where an event's id lies in ``idBytes``: its start and its length in one word (40 bits
    /// and 24: a log in memory holds far less than a terabyte of ids, and an id at most 16 MiB;
    /// a log's is at most 128 characters).
    package struct IdSpan: Sendable, Hashable {
        private var raw: UInt64

        package init(start: Int, count: Int) {
            precondition(start >= 0 && start < 1 << 40 && count >= 0 && count < 1 << 24,
                         "an event id of at most 16 MiB, in a list of at most 1 TiB of ids")
            raw = UInt64(start) << 24 | UInt64(count)
        }

        package var start: Int { Int(raw >> 24) }
        package var count: Int { Int(raw & 0xFF_FFFF) }
        package var range: Range<Int> { start..<(start + count) }
    }

    /// The events without their person, in order.
    package private(set) var stored: [Stored]
    /// Each event's person, as a number in `names`.
    package private(set) var personOf: [Int32]
    /// The people, by number; each has at least one event. Their order is not the report's (which
    /// sorts people by the bytes of their ids) and depends on the reader: the parallel reader
    /// numbers a person at their first line read as an event, kept or not (a repeated id), an
    /// append at their first event kept.
    package private(set) var names: [String]
    /// The bytes of the events' ids, end to end, each where its ``Stored/id`` says (a list read
    /// whole also keeps there the ids of lines it removed as repeated, read by no event).
    package private(set) var idBytes: [UInt8]
    /// The people's numbers by their identifier's bytes, for ``append(_:)``: built on the first
    /// append (a log read whole never needs it).
    private var numbers: StringTable?

    public init() {
        stored = []
        personOf = []
        names = []
        idBytes = []
    }

    /// The events of a reader that numbered the people as it parsed: `personOf[i]` is the
    /// number in `names` of event `i`'s person, each name has an event, and no two names have
    /// the same bytes; each event's id lies in `idBytes`.
    package init(stored: [Stored], personOf: [Int32], names: [String], idBytes: [UInt8]) {
        precondition(stored.count == personOf.count, "one person per event")
        self.stored = stored
        self.personOf = personOf
        self.names = names
        self.idBytes = idBytes
    }

    public init(_ events: some Sequence<Event>) {
        self.init()
        for event in events { append(event) }
    }

    public init(arrayLiteral events: Event...) {
        self.init(events)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { stored.count }

    public subscript(position: Int) -> Event {
        event(stored[position], of: names[Int(personOf[position])])
    }

    /// A stored event of this list, with its person.
    package func event(_ record: Stored, of person: String) -> Event {
        record.event(of: person, id: id(of: record))
    }

    /// The id of a stored event of this list.
    package func id(of record: Stored) -> String {
        String(decoding: idBytes[record.id.range], as: UTF8.self)
    }

    /// Whether two events of this list have the same id (the same bytes).
    package func sameId(_ a: Int, _ b: Int) -> Bool {
        idBytes[stored[a].id.range].elementsEqual(idBytes[stored[b].id.range])
    }

    /// The person of event `position`, without building the event.
    package func person(at position: Int) -> String { names[Int(personOf[position])] }

    /// Adds an event at the end.
    public mutating func append(_ event: Event) {
        personOf.append(number(of: event.person))
        let start = idBytes.count
        var id = event.id
        id.withUTF8 { idBytes.append(contentsOf: $0) }
        stored.append(Stored(id: IdSpan(start: start, count: idBytes.count - start), kind: event.kind, date: event.date,
                             line: event.line))
    }

    /// The number of a person, given one if new: the latest person first (the events of a
    /// person often follow one another), then by the bytes of the identifier.
    private mutating func number(of person: String) -> Int32 {
        if let last = personOf.last, PersonNames.sameBytes(names[Int(last)], person) { return last }
        if numbers == nil {
            var table = StringTable(capacity: Swift.max(16, names.count * 2))
            for (k, name) in names.enumerated() { table.insert(hash: StringTable.hash(name), value: Int32(k)) }
            numbers = table
        }
        let hash = StringTable.hash(person)
        if let found = numbers?.find(hash: hash, isKey: { PersonNames.sameBytes(names[Int($0)], person) }) { return found }
        let number = Int32(names.count)
        names.append(person)
        numbers?.insert(hash: hash, value: number)
        return number
    }

    /// Removes every event (and every person).
    public mutating func removeAll() {
        self = EventList()
    }

    public static func == (a: EventList, b: EventList) -> Bool {
        a.elementsEqual(b)
    }
}
