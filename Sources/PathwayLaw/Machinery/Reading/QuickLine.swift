import PathwayMachinery
// The quickest reading of a line: the two commonest events (`activity`, `appointment`), read
// straight from the bytes into what a log's list keeps.

/// A line of one of the two commonest events, `activity` and `appointment` (nine lines in ten of
/// a département's log: the hours of the weekly activity and the appointments), read in one
/// pass from its bytes to its kind, its date and where its id, person and source lie: no member
/// kept, no field looked up again.
///
/// It reads only lines whose reading cannot go wrong or differ: compact JSON (no white space),
/// every byte ASCII, no escape, keys in any order but each once, only the fields of the line's
/// type (`id`, `person`, `date`, `type`, `source` if given, then `hours` and `category` or
/// `purpose` and `status`), strings of 1 to 128 characters, a real date, hours written as an
/// integer or with one or two decimals, in the range the schema allows, and values the schema
/// lists. Anything else, valid or not, it declines (`nil`, nothing kept, nothing counted), and
/// the line is read by ``LineMembers/readCompact(_:fields:keys:following:)`` or the general
/// lexer, which accept it or say why not. So a line it reads is one the other paths read to the
/// same event (the tests compare them on every line of a generated log and on every one-byte
/// change to some of its lines; the `replay` fuzz target on every line it makes).
package struct QuickLine {
    /// The event's kind as a log's list keeps it (an activity or an appointment, never
    /// ``EventList/StoredKind/other(_:)``); ``kind`` builds it.
    package var event: EventList.StoredKind
    package var date: CivilDate
    /// The bytes of the id, the person and the source (`source.count == 0` when the line names
    /// none) in the line.
    package var id: UnsafeBufferPointer<UInt8>
    package var person: UnsafeBufferPointer<UInt8>
    package var source: UnsafeBufferPointer<UInt8>

    @inline(__always) package var kind: EventKind { EventList.kind(event, others: []) }

    /// The fields each type's line holds, with `source` too or not.
    private static let common = Field.id.bit | Field.person.bit | Field.type.bit | Field.date.bit
    private static let activityFields = common | Field.hours.bit | Field.category.bit
    private static let appointmentFields = common | Field.purpose.bit | Field.status.bit

    /// The line read, or `nil` when it is not one this path reads. `following` is the compact
    /// path's guess of the next key (shared with it); `dates` the latest date read, updated.
    @inline(__always)
    package static func read(_ bytes: UnsafeBufferPointer<UInt8>, fields: ByteTable<Field>, keys: FieldKeys,
                             following: UnsafeMutablePointer<Int8>, dates: UnsafeMutablePointer<DateMemo>) -> QuickLine? {
        let n = bytes.count
        guard let base = bytes.baseAddress, n > 2, base[0] == UInt8(ascii: "{"), base[n &- 1] == UInt8(ascii: "}") else {
            return nil
        }
        var high: UInt64 = 0
        var present: UInt64 = 0
        // Where each string's content starts and ends (the date's start alone: ten bytes).
        var id = (0, 0), person = (0, 0), type = (0, 0), source = (0, 0), first = (0, 0), second = (0, 0)
        var dateStart = 0
        var hours: Int64 = 0
        var p = 1
        var previous = Field.allCases.count
        while true {
            // A key: the one that followed the previous key last time, or found and looked up.
            guard base[p] == UInt8(ascii: "\"") else { return nil }
            let field: Field
            let guess = Int(following[previous])
            if guess >= 0, keys.isKey(guess, at: base + p, available: n &- p &- 1) {
                field = keys.field(guess)
                p &+= keys.nameLength(guess) &+ 3
            } else {
                guard let end = LineMembers.closingQuote(base, count: n, from: p &+ 1, high: &high), end &+ 2 < n,
                      base[end &+ 1] == UInt8(ascii: ":"),
                      let found = fields.match(UnsafeBufferPointer(start: base + (p &+ 1), count: end &- p &- 1)) else {
                    return nil
                }
                following[previous] = Int8(found.rawValue)
                field = found
                p = end &+ 2
            }
            previous = field.rawValue
            let bit = field.bit
            guard present & bit == 0 else { return nil }
            present |= bit
            switch field {
            case .hours:
                guard let (value, end) = hundredths(base, count: n, from: p) else { return nil }
                hours = value
                p = end
            case .date:
                // Ten bytes and a quote: the bytes are those of a date read before or are read
                // as one below (digits and dashes: no quote, no escape among them).
                guard base[p] == UInt8(ascii: "\""), p &+ 12 < n, base[p &+ 11] == UInt8(ascii: "\"") else { return nil }
                dateStart = p &+ 1
                p &+= 12
            default:
                guard base[p] == UInt8(ascii: "\""),
                      let end = LineMembers.closingQuote(base, count: n, from: p &+ 1, high: &high) else { return nil }
                let span = (p &+ 1, end)
                switch field {
                case .id: id = span
                case .person: person = span
                case .type: type = span
                case .source: source = span
                case .category, .purpose: first = span
                case .status: second = span
                default: return nil
                }
                p = end &+ 1
            }
            if p == n &- 1 { break }
            guard base[p] == UInt8(ascii: ","), p &+ 1 < n &- 1 else { return nil }
            p &+= 1
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        @inline(__always) func text(_ span: (Int, Int)) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + span.0, count: span.1 &- span.0)
        }
        @inline(__always) func isText(_ span: (Int, Int)) -> Bool {
            span.1 > span.0 && span.1 &- span.0 <= FieldReader.maximumText
        }
        let withoutSource = present & ~Field.source.bit
        guard withoutSource & common == common, isText(id), isText(person),
              present & Field.source.bit == 0 || isText(source),
              let eventType = QuickLine.type(text(type)) else { return nil }
        let event: EventList.StoredKind
        switch eventType {
        case .activity:
            guard withoutSource == activityFields, hours > 0, hours <= 2_400,
                  let category = QuickLine.category(text(first)) else { return nil }
            event = .activity(hundredths: Int32(hours), category)
        case .appointment:
            guard withoutSource == appointmentFields, let purpose = QuickLine.purpose(text(first)),
                  let status = QuickLine.status(text(second)) else { return nil }
            event = .appointment(purpose, status)
        default:
            return nil
        }
        // The date, most often the previous line's (``FieldReader/eventDate()``).
        guard let date = DateMemo.date(at: base + dateStart, memo: dates) else { return nil }
        return QuickLine(event: event, date: date, id: text(id), person: text(person),
                         source: present & Field.source.bit != 0 ? text(source) : UnsafeBufferPointer(start: base, count: 0))
    }

    // The values this path reads: the one a value's length allows (no two of a field's share
    // one), compared as words with its constant (``Spelled``); the byte tables of the other
    // paths cost 50 instructions a value. A value added to the schema and not here is read by
    // the other paths (a test holds each value of these fields to this path).

    /// Whether `name` is `literal`.
    @inline(__always) private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        name.count == literal.utf8CodeUnitCount && ShortBytes.equal(name.baseAddress!, literal.utf8Start, name.count)
    }

    /// `candidate`, when `name` is its value.
    @inline(__always) private static func matching<Value: Spelled>(_ name: UnsafeBufferPointer<UInt8>, _ candidate: Value?) -> Value? {
        guard let candidate, equals(name, candidate.literal) else { return nil }
        return candidate
    }

    /// The two types this path reads.
    @inline(__always) private static func type(_ name: UnsafeBufferPointer<UInt8>) -> EventType? {
        switch name.count {
        case 8: equals(name, "activity") ? .activity : nil
        case 11: equals(name, "appointment") ? .appointment : nil
        default: nil
        }
    }

    @inline(__always) private static func category(_ name: UnsafeBufferPointer<UInt8>) -> ActivityCategory? {
        let candidate: ActivityCategory? = switch name.count {
        case 7: .support
        case 8: .training
        case 10: .jobSearch
        case 14: .workPlacement
        case 16: .accessToRights
        case 21: .professionalActivity
        default: nil
        }
        return matching(name, candidate)
    }

    @inline(__always) private static func purpose(_ name: UnsafeBufferPointer<UInt8>) -> AppointmentPurpose? {
        let candidate: AppointmentPurpose? = switch name.count {
        case 5: .other
        case 7: .hearing
        case 8: .contract
        case 10: .diagnostic
        case 11: .orientation
        case 13: .accompaniment
        default: nil
        }
        return matching(name, candidate)
    }

    @inline(__always) private static func status(_ name: UnsafeBufferPointer<UInt8>) -> AppointmentStatus? {
        let candidate: AppointmentStatus? = switch name.count {
        case 6: .missed
        case 7: .excused
        case 8: .attended
        default: nil
        }
        return matching(name, candidate)
    }

    /// Whether this path reads `line` (for tests: those it declines are read by the others).
    package static func reads(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let following = UnsafeMutablePointer<Int8>.allocate(capacity: Field.allCases.count + 1)
        following.initialize(repeating: -1, count: Field.allCases.count + 1)
        let dates = UnsafeMutablePointer<DateMemo>.allocate(capacity: 1)
        dates.initialize(to: DateMemo())
        defer {
            following.deallocate()
            dates.deallocate()
        }
        return read(line, fields: Field.table, keys: FieldKeys.all, following: following, dates: dates) != nil
    }

    /// Hours written `7`, `7.5` or `7.25` (no sign, no exponent, no leading zero before a digit),
    /// as hundredths, and where the number ends; `nil` for any other number (read by the other
    /// paths, which round a third decimal or refuse it).
    @inline(__always)
    private static func hundredths(_ base: UnsafePointer<UInt8>, count n: Int, from start: Int) -> (Int64, Int)? {
        @inline(__always) func digit(_ q: Int) -> Int64? {
            let d = base[q] &- UInt8(ascii: "0")
            return d < 10 ? Int64(d) : nil
        }
        // The line ends with `}`: every read below stops there at the latest.
        var q = start
        guard var value = digit(q) else { return nil }
        q &+= 1
        if value == 0 {
            if digit(q) != nil { return nil }
        } else {
            while let d = digit(q), value < 100_000 {
                value = value &* 10 &+ d
                q &+= 1
            }
        }
        value &*= 100
        if base[q] == UInt8(ascii: ".") {
            guard let tenths = digit(q &+ 1) else { return nil }
            value &+= tenths &* 10
            q &+= 2
            if let d = digit(q) {
                value &+= d
                q &+= 1
            }
            if digit(q) != nil { return nil }
        }
        return (value, q)
    }
}
