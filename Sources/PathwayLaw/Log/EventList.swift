import PathwayMachinery
/// The events of a log, in file order: a collection of ``Event``, kept compact.
///
/// A log holds millions of events, and most of them name a person already named: each event is
/// kept without its person (48 bytes, where an ``Event`` takes 64), with the person's number
/// beside it (4 bytes), each person's identifier kept once. An event read from the list is
/// built as it is read.
///
/// People are told apart by the UTF-8 bytes of their identifier, as the report sorts them (the
/// identifier is opaque, `Docs/events.md`): two spellings of one name in Unicode are two
/// people.
public struct EventList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// One event without its person.
    package struct Stored: Sendable {
        package var id: String
        package var kind: EventKind
        package var date: CivilDate
        package var line: Int

        package init(_ event: Event) {
            id = event.id
            kind = event.kind
            date = event.date
            line = event.line
        }

        /// The event, with its person.
        package func event(of person: String) -> Event {
            Event(id: id, person: person, date: date, kind: kind, line: line)
        }
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
    /// The people's numbers by their identifier's bytes, for ``append(_:)``: built on the first
    /// append (a log read whole never needs it).
    private var numbers: StringTable?

    public init() {
        stored = []
        personOf = []
        names = []
    }

    /// The events of a reader that numbered the people as it parsed: `personOf[i]` is the
    /// number in `names` of event `i`'s person, each name has an event, and no two names have
    /// the same bytes.
    package init(stored: [Stored], personOf: [Int32], names: [String]) {
        precondition(stored.count == personOf.count, "one person per event")
        self.stored = stored
        self.personOf = personOf
        self.names = names
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
        stored[position].event(of: names[Int(personOf[position])])
    }

    /// The person of event `position`, without building the event.
    package func person(at position: Int) -> String { names[Int(personOf[position])] }

    /// Adds an event at the end.
    public mutating func append(_ event: Event) {
        personOf.append(number(of: event.person))
        stored.append(Stored(event))
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
