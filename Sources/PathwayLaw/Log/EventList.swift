import PathwayMachinery
/// The events of a log, in file order: a collection of ``Event``, kept compact.
///
/// A log holds millions of events, and most of them name a person already named: each event is
/// kept without its person and with its identifier's bytes laid end to end with the others'
/// (32 bytes, and the bytes of its id, where an ``Event`` takes 64, and more for an id longer
/// than 15 bytes, kept apart), with the person's number beside it (4 bytes), each person's
/// identifier kept once. An event read from the list is built as it is read. Its kind is kept
/// where it lies when it is an activity or an appointment (nine events in ten), in a list of
/// its own otherwise: an event kept holds no reference to count, and the millions
/// of a log are let go without a visit to each (the visit took 6 ms, the other threads idle,
/// at 10^6 events).
///
/// People are told apart by the UTF-8 bytes of their identifier, as the report sorts them (the
/// identifier is opaque, `Docs/events.md`): two spellings of one name in Unicode are two
/// people. So are events by the bytes of their ids.
public struct EventList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One event without its person, its id's bytes in the list's ``idBytes``.
    package struct Stored: Sendable {
        package var id: IdSpan
        package var kind: StoredKind
        package var date: CivilDate
        package var line: Int

        package init(id: IdSpan, kind: StoredKind, date: CivilDate, line: Int) {
            self.id = id
            self.kind = kind
            self.date = date
            self.line = line
        }
    }

    /// An event's kind as the list keeps it: an activity or an appointment where it lies, any
    /// other kind by its place in the list's ``others``. No case holds a reference.
    package enum StoredKind: Sendable, Equatable {
        case activity(hundredths: Int32, ActivityCategory)
        case appointment(AppointmentPurpose, AppointmentStatus)
        case other(Int32)

        /// `kind` as a list keeps it, appended to `others` when it is kept there.
        package init(_ kind: EventKind, others: inout [EventKind]) {
            switch kind {
            case .activity(let hours, let category) where Int32(exactly: hours.hundredths) != nil:
                self = .activity(hundredths: Int32(hours.hundredths), category)
            case .appointment(let purpose, let status):
                self = .appointment(purpose, status)
            default:
                precondition(others.count < Int(Int32.max), "at most 2^31 events other than activities and appointments")
                others.append(kind)
                self = .other(Int32(others.count - 1))
            }
        }

        /// The routine of an activity or an appointment, read where it lies; `nil` for any
        /// other kind.
        package var routine: PersonState.Routine? {
            switch self {
            case .activity(let hundredths, let category): .activity(Hours(hundredths: Int(hundredths)), category)
            case .appointment(let purpose, let status): .appointment(purpose, status)
            case .other: nil
            }
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
    /// The kinds of the events that are neither activities nor appointments, in the order they
    /// were kept (``StoredKind/other(_:)``; a list read whole may also keep the kinds of lines it
    /// then removed as repeated, read by no event).
    package private(set) var others: [EventKind]
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
        others = []
        personOf = []
        names = []
        idBytes = []
    }

    /// The events of a reader that numbered the people as it parsed: `personOf[i]` is the
    /// number in `names` of event `i`'s person, each name has an event, and no two names have
    /// the same bytes; each event's id lies in `idBytes`.
    package init(stored: [Stored], others: [EventKind], personOf: [Int32], names: [String], idBytes: [UInt8]) {
        precondition(stored.count == personOf.count, "one person per event")
        self.stored = stored
        self.others = others
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
        Event(id: id(of: record), person: person, date: record.date, kind: kind(of: record), line: record.line)
    }

    /// The kind of a stored event of this list.
    package func kind(of record: Stored) -> EventKind {
        EventList.kind(record.kind, others: others)
    }

    /// The kind `kind` stands for, read in `others` when it is kept there.
    package static func kind(_ kind: StoredKind, others: [EventKind]) -> EventKind {
        switch kind {
        case .activity(let hundredths, let category): .activity(hours: Hours(hundredths: Int(hundredths)), category: category)
        case .appointment(let purpose, let status): .appointment(purpose: purpose, status: status)
        case .other(let k): others[Int(k)]
        }
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
        stored.append(Stored(id: IdSpan(start: start, count: idBytes.count - start), kind: StoredKind(event.kind, others: &others),
                             date: event.date, line: event.line))
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
