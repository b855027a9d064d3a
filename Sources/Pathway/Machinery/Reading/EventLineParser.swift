#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns one line of the log into an ``Event``, or a ``LineError`` that names the field.
///
/// It reads the bytes once, by a fast path for compact lines
/// (``LineMembers/readCompact(_:fields:keys:following:)``) or else by ``JSONLexer``, then only
/// the fields the event's type defines; unknown fields are validated as JSON and otherwise
/// ignored (`Docs/events.md`: forward compatibility). It also computes a hash of the line's content that does not depend on
/// key order or white space, to tell a harmless duplicate from a conflicting one.
struct EventLineParser {
    /// Where the members of known fields are kept, by field: allocated once per parser (and
    /// again by a copy of the parser before it parses, so that copies never share it).
    private var storage = SlotStorage()
    /// When set, the people are interned as lines are parsed (``PersonNames``).
    var people: PersonNames?
    /// Whether compact lines are read by ``LineMembers/readCompact(_:fields:keys:following:)`` before the
    /// general lexer; tests turn it off to compare the two.
    var compactPath = true
    /// The names of the fields, held here so that the hot path does not reach the static table
    /// through its lazy initialiser at every key.
    private let fields = Field.table
    private let keys = FieldKeys.all

    init() {}

    /// Parses one line (without its line end); `hashing: false` skips the content hash (left
    /// zero) for readers that compute it only when an id repeats.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, hashing: Bool = true) -> Result<(Event, ContentHash), LineError> {
        if !isKnownUniquelyReferenced(&storage) { storage = SlotStorage() }
        // Each member goes to its field's slot as it is read; a key seen twice rejects the
        // line once the whole line is known to be valid JSON. The UTF-8 is checked before any
        // other error is reported, on either path.
        var members = LineMembers(slots: storage.slots)
        // The fast path tells whether the line is ASCII as it reads it (`nil`: not read).
        let compact = compactPath ? members.readCompact(line, fields: fields, keys: keys, following: storage.following) : nil
        let ascii = compact ?? UTF8Check.isASCII(line)
        if !ascii, let bad = UTF8Check.firstInvalidOffset(line) {
            return .failure(LineError(line: lineNumber, field: nil, byte: bad + 1, .invalidUTF8(byte: bad + 1)))
        }
        if compact == nil {
            members = LineMembers(slots: storage.slots)
            var lexer = JSONLexer(line)
            do {
                try lexer.readObject(into: &members)
            } catch {
                return .failure(LineError(line: lineNumber, field: nil, byte: error.offset + 1, .invalidJSON(byte: error.offset + 1, error.problem)))
            }
        }
        if let field = members.repeated {
            return .failure(LineError(line: lineNumber, field: field.name, .repeatedKey))
        }
        let fields = FieldReader(bytes: line, members: members, line: lineNumber, ascii: ascii, dates: storage.dates)
        do throws(LineError) {
            if members.unknown.count > 1 { try fields.checkNoRepeatedKeys() }
            let event = try fields.event(people: &people)
            return .success((event, hashing ? fields.contentHash() : ContentHash(a: 0, b: 0)))
        } catch {
            return .failure(error)
        }
    }
}

extension EventLineParser {
    /// Whether the fast path for compact lines reads `line` whole (for tests: the lines it
    /// declines are read by the general lexer, with the same result but more slowly).
    static func readsCompactly(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let storage = SlotStorage()
        var members = LineMembers(slots: storage.slots)
        return members.readCompact(line, fields: Field.table, keys: FieldKeys.all, following: storage.following) != nil
    }
}

/// The slots of one parser: one member per known field, written before they are read. Only
/// the parser that holds the sole reference writes to them (see ``EventLineParser/parse``).
private final class SlotStorage: @unchecked Sendable {
    let slots = UnsafeMutablePointer<JSONLexer.Member>.allocate(capacity: Field.allCases.count)
    /// The fast path's guess of the key after each field (``LineMembers/readCompact``): the
    /// field that followed it last time (`following[field.slot]`), or came first in a line
    /// (`following[Field.allCases.count]`); -1 for none.
    let following: UnsafeMutablePointer<Int8>
    /// The latest `date` read, by its ten bytes (``FieldReader/eventDate()``).
    let dates: UnsafeMutablePointer<DateMemo>

    init() {
        following = .allocate(capacity: Field.allCases.count + 1)
        following.initialize(repeating: -1, count: Field.allCases.count + 1)
        dates = .allocate(capacity: 1)
        dates.initialize(to: DateMemo())
    }

    deinit {
        slots.deallocate()
        following.deallocate()
        dates.deallocate()
    }
}

/// The date of the latest line, kept with its ten bytes: a log is exported in date order, so
/// that hundreds of lines in a row have the same date, read then by two loads and a comparison.
struct DateMemo {
    /// Bytes 0–7 and 8–9 of the text (`2025-03-` and `03`; zero, which no date matches, when
    /// none yet).
    var head: UInt64 = 0
    var tail: UInt16 = 0
    var date = CivilDate(dayNumber: 0)
}

/// Each field's key as a compact line writes it, quoted and followed by its colon
/// (`"person":`), for the fast path to compare with the bytes where it expects that key.
/// Static, allocated once for the life of the process.
struct FieldKeys: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Key `k` is `bytes[starts[k] ..< starts[k + 1]]`.
    private let starts: UnsafeMutablePointer<Int32>
    /// Field number `k` (a load, where `Field(rawValue:)` tests every case).
    private let fields: UnsafeMutablePointer<Field>

    static let all = FieldKeys()

    private init() {
        let keys = Field.allCases.map { Array("\"\($0.name)\":".utf8) }
        bytes = .allocate(capacity: keys.reduce(0) { $0 + $1.count })
        starts = .allocate(capacity: keys.count + 1)
        var offset = 0
        for (k, key) in keys.enumerated() {
            starts[k] = Int32(offset)
            (bytes + offset).initialize(from: key, count: key.count)
            offset += key.count
        }
        starts[keys.count] = Int32(offset)
        fields = .allocate(capacity: keys.count)
        fields.initialize(from: Field.allCases, count: keys.count)
    }

    /// Field number `k`.
    @inline(__always) func field(_ k: Int) -> Field { fields[k] }

    /// Whether the key of field number `k` is at `at`, where `available` bytes remain.
    @inline(__always) func isKey(_ k: Int, at: UnsafePointer<UInt8>, available: Int) -> Bool {
        let start = Int(starts[k])
        let count = Int(starts[k + 1]) - start
        return count <= available && ShortBytes.equal(bytes + start, at, count)
    }

    /// The length of field number `k`'s name.
    @inline(__always) func nameLength(_ k: Int) -> Int { Int(starts[k + 1] - starts[k]) - 3 }
}

/// The members of one line: those of known fields in their slots (a bit set for each field
/// present), the others in order.
struct LineMembers: JSONLexer.MemberSink {
    let slots: UnsafeMutablePointer<JSONLexer.Member>
    /// Bit `field.slot` is set when the field is in the line.
    var present: UInt64 = 0
    var unknown: [JSONLexer.Member] = []
    /// The first known field whose key came twice.
    var repeated: Field?

    mutating func take(_ member: JSONLexer.Member, in bytes: UnsafeBufferPointer<UInt8>) {
        let field = member.keyEscaped
            ? JSONLexer.unescape(bytes, from: member.keyStart, to: member.keyEnd).withUnsafeBufferPointer { Field.named($0) }
            : Field.named(UnsafeBufferPointer(rebasing: bytes[member.keyStart..<member.keyEnd]))
        take(member, field: field)
    }

    /// Keeps a member whose key names `field` (`nil`: an unknown key).
    @inline(__always) mutating func take(_ member: JSONLexer.Member, field: Field?) {
        guard let field else { unknown.append(member); return }
        let bit = UInt64(1) << UInt64(field.slot)
        guard present & bit == 0 else {
            if repeated == nil { repeated = field }
            return
        }
        present |= bit
        slots[field.slot] = member
    }

    /// The fast path for the usual line, written compactly: no white space between tokens,
    /// keys and string values with no escape. It takes the members that
    /// ``JSONLexer/readObject(into:)`` would take, with the same byte ranges, and returns
    /// whether the line is ASCII (below). At the first byte it does not expect (white space, an
    /// escape, a malformed token, the end of the line) it returns `nil`, having taken some
    /// members or none, and the line must be read again by the general lexer, which accepts it
    /// or says why not. So it never accepts what the general lexer would refuse: the lines it
    /// reads are valid JSON. Objects and arrays as values are read by the general lexer's own
    /// method.
    ///
    /// Whether the line is all ASCII is known from what it read: outside strings every byte it
    /// accepts is ASCII, and the words it scans in strings cover every byte inside them (the
    /// line's UTF-8 is checked only when it is not).
    ///
    /// Keys are first compared with the key that followed the previous one in an earlier line
    /// (`following`, updated here); the key is scanned and looked up only when it differs.
    mutating func readCompact(_ bytes: UnsafeBufferPointer<UInt8>, fields: ByteTable<Field>, keys: FieldKeys,
                              following: UnsafeMutablePointer<Int8>) -> Bool? {
        let n = bytes.count
        guard let base = bytes.baseAddress, n >= 2, base[0] == UInt8(ascii: "{"), base[n - 1] == UInt8(ascii: "}") else {
            return nil
        }
        if n == 2 { return true }
        let raw = UnsafeRawPointer(base)
        // The bytes of the strings, or-ed together: ASCII when no high bit is set.
        var high: UInt64 = 0
        var container = false
        /// The closing quote of a string whose content starts at `start`; `nil` at an escape,
        /// a control character or the end of the line.
        @inline(__always) func closingQuote(from start: Int) -> Int? {
            var q = start
            while q + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt64.self))
                high |= word
                let special = JSONLexer.specialBytes(word)
                if special == 0 { q += 8; continue }
                q += special.trailingZeroBitCount >> 3
                return base[q] == UInt8(ascii: "\"") ? q : nil
            }
            while q < n {
                let b = base[q]
                high |= UInt64(b)
                if b == UInt8(ascii: "\"") { return q }
                if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
                q += 1
            }
            return nil
        }
        /// The end of the digits from `q`, which may be `q` itself.
        @inline(__always) func digits(from q: Int) -> Int {
            var q = q
            while q < n, JSONLexer.isDigit(base[q]) { q += 1 }
            return q
        }
        /// The end of a JSON number starting at `start`; `nil` when it is malformed there.
        func numberEnd(from start: Int) -> Int? {
            var q = start
            if base[q] == UInt8(ascii: "-") { q += 1 }
            guard q < n, JSONLexer.isDigit(base[q]) else { return nil }
            q = base[q] == UInt8(ascii: "0") ? q + 1 : digits(from: q + 1)
            if q < n, base[q] == UInt8(ascii: ".") {
                let end = digits(from: q + 1)
                guard end > q + 1 else { return nil }
                q = end
            }
            if q < n, base[q] == UInt8(ascii: "e") || base[q] == UInt8(ascii: "E") {
                q += 1
                if q < n, base[q] == UInt8(ascii: "+") || base[q] == UInt8(ascii: "-") { q += 1 }
                let end = digits(from: q)
                guard end > q else { return nil }
                q = end
            }
            return q
        }
        /// Whether `word` is at `q`.
        @inline(__always) func literal(_ word: StaticString, at q: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            return q + count <= n && ShortBytes.equal(base + q, word.utf8Start, count)
        }
        var p = 1
        // The previous key's field, or `Field.allCases.count` at the start of the line (and after
        // an unknown key).
        var previous = Field.allCases.count
        while true {
            guard base[p] == UInt8(ascii: "\"") else { return nil }
            let keyStart = p + 1
            let keyEnd: Int
            let field: Field?
            let guess = Int(following[previous])
            if guess >= 0, keys.isKey(guess, at: base + p, available: n - p - 1) {
                field = keys.field(guess)
                keyEnd = keyStart + keys.nameLength(guess)
            } else {
                guard let end = closingQuote(from: keyStart), end + 2 < n, base[end + 1] == UInt8(ascii: ":") else {
                    return nil
                }
                keyEnd = end
                field = fields.match(UnsafeBufferPointer(start: base + keyStart, count: keyEnd - keyStart))
                following[previous] = Int8(field?.rawValue ?? -1)
            }
            previous = field?.rawValue ?? Field.allCases.count
            p = keyEnd + 2
            let kind: JSONLexer.Kind
            let valueStart: Int, valueEnd: Int
            switch base[p] {
            case UInt8(ascii: "\""):
                guard let end = closingQuote(from: p + 1) else { return nil }
                (kind, valueStart, valueEnd) = (.string, p + 1, end)
                p = end + 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let end = numberEnd(from: p) else { return nil }
                (kind, valueStart, valueEnd) = (.number, p, end)
                p = end
            case UInt8(ascii: "t"):
                guard literal("true", at: p) else { return nil }
                (kind, valueStart, valueEnd) = (.bool, p, p + 4)
                p += 4
            case UInt8(ascii: "f"):
                guard literal("false", at: p) else { return nil }
                (kind, valueStart, valueEnd) = (.bool, p, p + 5)
                p += 5
            case UInt8(ascii: "n"):
                guard literal("null", at: p) else { return nil }
                (kind, valueStart, valueEnd) = (.null, p, p + 4)
                p += 4
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                var lexer = JSONLexer(bytes)
                lexer.position = p
                guard let (read, start, end, _) = try? lexer.readValue(depth: 1) else { return nil }
                (kind, valueStart, valueEnd) = (read, start, end)
                p = end
                container = true
            default:
                return nil
            }
            take(JSONLexer.Member(keyStart: keyStart, keyEnd: keyEnd, keyEscaped: false,
                                  kind: kind, valueStart: valueStart, valueEnd: valueEnd, valueEscaped: false),
                 field: field)
            guard p < n - 1 else {
                guard p == n - 1 else { return nil }
                return container ? UTF8Check.isASCII(bytes) : high & 0x8080_8080_8080_8080 == 0
            }
            guard base[p] == UInt8(ascii: ",") else { return nil }
            p += 1
        }
    }

    /// The member of a known field, or `nil` when the line has none.
    @inline(__always) func member(_ field: Field) -> JSONLexer.Member? {
        present & (UInt64(1) << UInt64(field.slot)) != 0 ? slots[field.slot] : nil
    }

    /// Every member, known fields first (by slot), then the others in order.
    func forEach(_ body: (JSONLexer.Member) -> Void) {
        var bits = present
        while bits != 0 {
            body(slots[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
        for member in unknown { body(member) }
    }
}

/// How the lexer finds a field: its slot, and the table of the fields' names as bytes.
extension Field {
    /// Index in the parser's slot table (and bit of ``LineMembers/present``: at most 64 fields).
    @inline(__always) var slot: Int { rawValue }

    static let table = ByteTable(allCases.map { (Array("\($0)".utf8), $0) })

    /// The field a key names, or `nil` for an unknown key.
    static func named(_ key: UnsafeBufferPointer<UInt8>) -> Field? { table.match(key) }
}

/// Values matched by their UTF-8 bytes, with no `String` built and no reference counted: the
/// entries are hashed by length, first and last byte into 256 buckets, and a key is compared
/// byte for byte with the few entries of its bucket.
///
/// Made for static tables (the names of fields and of enum values): its memory is allocated
/// once and kept for the life of the process.
struct ByteTable<Value>: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Entries of bucket `b`: `bucketStart[b] ..< bucketStart[b + 1]`.
    private let bucketStart: UnsafeMutablePointer<Int32>
    /// Each entry's bytes in `bytes`, and its value.
    private let offsets: UnsafeMutablePointer<Int32>
    private let counts: UnsafeMutablePointer<Int32>
    private let values: UnsafeMutablePointer<Value>

    init(_ entries: [([UInt8], Value)]) {
        let sorted = entries.sorted { ByteTable.bucket($0.0[...]) < ByteTable.bucket($1.0[...]) }
        let total = entries.reduce(0) { $0 + $1.0.count }
        bytes = .allocate(capacity: max(total, 1))
        bucketStart = .allocate(capacity: 257)
        offsets = .allocate(capacity: max(entries.count, 1))
        counts = .allocate(capacity: max(entries.count, 1))
        values = .allocate(capacity: max(entries.count, 1))
        bucketStart.initialize(repeating: 0, count: 257)
        var offset = 0
        for (index, (key, value)) in sorted.enumerated() {
            (bytes + offset).initialize(from: key, count: key.count)
            offsets[index] = Int32(offset)
            counts[index] = Int32(key.count)
            (values + index).initialize(to: value)
            bucketStart[ByteTable.bucket(key[...]) + 1] += 1
            offset += key.count
        }
        for b in 0..<256 { bucketStart[b + 1] += bucketStart[b] }
    }

    @inline(__always) private static func bucket<C: RandomAccessCollection>(_ key: C) -> Int where C.Element == UInt8 {
        guard let first = key.first, let last = key.last else { return 0 }
        return (key.count &* 37 &+ Int(first) &* 5 &+ Int(last)) & 255
    }

    @inline(__always) func match(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        let b = ByteTable.bucket(key)
        guard let base = key.baseAddress else { return nil }
        for index in Int(bucketStart[b])..<Int(bucketStart[b + 1])
        where Int(counts[index]) == key.count && ShortBytes.equal(bytes + Int(offsets[index]), base, key.count) {
            return values[index]
        }
        return nil
    }
}

/// Byte comparison of short keys (names of fields and values, identifiers of people).
enum ShortBytes {
    /// Whether `count` bytes at `a` and `b` are equal: keys are short, so two overlapping
    /// loads of a word (or half a word) cover them, with no call to `memcmp`.
    @inline(__always) static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            return x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }
}

/// Enums of the log whose raw values are matched from bytes.
protocol ByteCoded: RawRepresentable, CaseIterable where RawValue == String {
    static var byteTable: ByteTable<Self> { get }
}

extension ByteCoded {
    static func makeTable() -> ByteTable<Self> { ByteTable(allCases.map { (Array($0.rawValue.utf8), $0) }) }
}

extension EventType: ByteCoded { static let byteTable = makeTable() }
extension ClosureReason: ByteCoded { static let byteTable = makeTable() }
extension Dominante: ByteCoded { static let byteTable = makeTable() }
extension Organisme: ByteCoded { static let byteTable = makeTable() }
extension Decider: ByteCoded { static let byteTable = makeTable() }
extension ReductionReason: ByteCoded { static let byteTable = makeTable() }
extension ActivityCategory: ByteCoded { static let byteTable = makeTable() }
extension AppointmentPurpose: ByteCoded { static let byteTable = makeTable() }
extension AppointmentStatus: ByteCoded { static let byteTable = makeTable() }
extension FailingKind: ByteCoded { static let byteTable = makeTable() }
extension SanctionMeasure: ByteCoded { static let byteTable = makeTable() }
extension DatedFrom: ByteCoded { static let byteTable = makeTable() }

/// A 128-bit hash of a line's content (members in any order, white space ignored).
struct ContentHash: Hashable, Sendable {
    var a: UInt64
    var b: UInt64
}

/// Typed access to the members of one parsed line.
struct FieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let members: LineMembers
    let line: Int
    /// The whole line is ASCII: characters are bytes.
    let ascii: Bool
    let dates: UnsafeMutablePointer<DateMemo>

    func fail(_ field: String?, _ problem: LineProblem, at member: JSONLexer.Member? = nil) -> LineError {
        LineError(line: line, field: field, byte: member.map { $0.valueStart + 1 }, problem)
    }

    func fail(_ field: Field, _ problem: LineProblem, at member: JSONLexer.Member? = nil) -> LineError {
        fail(field.name, problem, at: member)
    }

    // MARK: Keys

    func keyBytes(_ member: JSONLexer.Member) -> [UInt8] {
        member.keyEscaped
            ? JSONLexer.unescape(bytes, from: member.keyStart, to: member.keyEnd)
            : Array(bytes[member.keyStart..<member.keyEnd])
    }

    func keysEqual(_ a: JSONLexer.Member, _ b: JSONLexer.Member) -> Bool {
        if a.keyEscaped || b.keyEscaped { return keyBytes(a) == keyBytes(b) }
        return UnsafeBufferPointer(rebasing: bytes[a.keyStart..<a.keyEnd]).elementsEqual(UnsafeBufferPointer(rebasing: bytes[b.keyStart..<b.keyEnd]))
    }

    /// Unknown keys are validated too: one repeated rejects the line.
    func checkNoRepeatedKeys() throws(LineError) {
        let unknown = members.unknown
        if unknown.count <= 24 {
            for (n, a) in unknown.enumerated() {
                for b in unknown[(n + 1)...] where keysEqual(a, b) {
                    throw fail(String(decoding: keyBytes(a), as: UTF8.self), .repeatedKey)
                }
            }
        } else {
            var seen = Set<[UInt8]>()
            for member in unknown where !seen.insert(keyBytes(member)).inserted {
                throw fail(String(decoding: keyBytes(member), as: UTF8.self), .repeatedKey)
            }
        }
    }

    /// The member of `field`, or `nil` when it is absent or `null` (null is read as absent).
    @inline(__always) func member(_ field: Field) -> JSONLexer.Member? {
        guard let member = members.member(field), member.kind != .null else { return nil }
        return member
    }

    // The typed readers below are inlined into the event's construction; the messages of
    // their errors are built out of line, only when a line is rejected.

    @inline(__always) func required(_ field: Field) throws(LineError) -> JSONLexer.Member {
        if let member = member(field) { return member }
        throw missing(field)
    }

    @inline(never) func missing(_ field: Field) -> LineError {
        fail(field, members.member(field) != nil ? .nullWhereRequired : .missing)
    }

    // MARK: Rendering what was found

    func raw(_ member: JSONLexer.Member) -> String {
        let start = member.kind == .string ? member.valueStart - 1 : member.valueStart
        let end = member.kind == .string ? member.valueEnd + 1 : member.valueEnd
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// The value as written, with its kind (`"abc" (a string)`), except a number or a boolean.
    func got(_ member: JSONLexer.Member) -> LineProblem.Found {
        LineProblem.Found(raw: raw(member), kind: member.kind == .number || member.kind == .bool ? nil : member.kind.valueKind)
    }

    /// The value as written, alone.
    func found(_ member: JSONLexer.Member) -> LineProblem.Found {
        LineProblem.Found(raw: raw(member), kind: nil)
    }

    func stringValue(_ member: JSONLexer.Member) -> String {
        if member.valueEscaped {
            return String(decoding: JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]), as: UTF8.self)
    }

    // MARK: Typed values

    @inline(__always) func text(_ field: Field, required isRequired: Bool, maxLength: Int = 128) throws(LineError) -> String? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        // ASCII with no escape: a character per byte.
        if ascii, member.kind == .string, !member.valueEscaped, member.valueEnd > member.valueStart,
           member.valueEnd - member.valueStart <= maxLength {
            return String(copyingUTF8: UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]))
        }
        return try textSlowly(field, member, maxLength: maxLength)
    }

    @inline(never) func textSlowly(_ field: Field, _ member: JSONLexer.Member, maxLength: Int) throws(LineError) -> String {
        guard member.kind == .string else {
            throw fail(field, .notText(maxLength: maxLength, got: got(member)), at: member)
        }
        let value = stringValue(member)
        let count = ascii && !member.valueEscaped ? member.valueEnd - member.valueStart : value.unicodeScalars.count
        guard count >= 1, count <= maxLength else {
            throw fail(field, .textLength(maxLength: maxLength, count: count), at: member)
        }
        return value
    }

    @inline(__always) func date(_ field: Field, required isRequired: Bool) throws(LineError) -> CivilDate? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        if member.kind == .string, !member.valueEscaped,
           case .valid(let date) = CivilDate.parse(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])) {
            return date
        }
        throw dateError(field, member)
    }

    /// The event's `date` (required), most often the previous line's: its ten bytes, read as
    /// eight and two, are compared with that line's, and parsed only when they differ.
    @inline(__always) func eventDate() throws(LineError) -> CivilDate {
        let member = try required(.date)
        if member.kind == .string, !member.valueEscaped, member.valueEnd - member.valueStart == 10,
           let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base + member.valueStart)
            let head = raw.loadUnaligned(as: UInt64.self)
            let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
            if head == dates.pointee.head && tail == dates.pointee.tail { return dates.pointee.date }
            if case .valid(let date) = CivilDate.parse(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])) {
                dates.pointee = DateMemo(head: head, tail: tail, date: date)
                return date
            }
        }
        throw dateError(.date, member)
    }

    @inline(never) func dateError(_ field: Field, _ member: JSONLexer.Member) -> LineError {
        guard member.kind == .string, !member.valueEscaped else {
            return fail(field, .notDate(got: got(member)), at: member)
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])
        switch CivilDate.parse(slice) {
        case .valid:
            preconditionFailure("a valid date is not an error")
        case .impossible:
            return fail(field, .impossibleDate(raw: raw(member)), at: member)
        case .malformed:
            if slice.count > 10, case .valid = CivilDate.parse(UnsafeBufferPointer(rebasing: slice[0..<10])) {
                return fail(field, .dateWithTime(raw: raw(member)), at: member)
            }
            return fail(field, .notDate(got: found(member)), at: member)
        }
    }

    @inline(__always) func choice<Value: ByteCoded>(_ field: Field, required isRequired: Bool, as: Value.Type) throws(LineError) -> Value? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        if member.kind == .string, !member.valueEscaped,
           let result = Value.byteTable.match(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])) {
            return result
        }
        return try choiceSlowly(field, member, as: Value.self)
    }

    /// A value written with escapes, or not allowed.
    @inline(never) func choiceSlowly<Value: ByteCoded>(_ field: Field, _ member: JSONLexer.Member, as: Value.Type) throws(LineError) -> Value {
        let allowed = Value.allCases.map(\.rawValue)
        guard member.kind == .string else {
            throw fail(field, .notOneOf(allowed: allowed, got: got(member), suggestion: nil), at: member)
        }
        let value = stringValue(member)
        guard let result = Value(rawValue: value) else {
            throw fail(field, .notOneOf(allowed: allowed, got: found(member), suggestion: Suggestion.closest(to: value, in: allowed)),
                       at: member)
        }
        return result
    }

    @inline(__always) func bool(_ field: Field) throws(LineError) -> Bool? {
        guard let member = member(field) else { return nil }
        guard member.kind == .bool else { throw boolError(field, member) }
        return bytes[member.valueStart] == UInt8(ascii: "t")
    }

    @inline(never) func boolError(_ field: Field, _ member: JSONLexer.Member) -> LineError {
        fail(field, .notBool(got: got(member)), at: member)
    }

    func integer(_ field: Field, required isRequired: Bool, in range: ClosedRange<Int>, expectation: LineProblem.Expectation) throws(LineError) -> Int? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        guard member.kind == .number else { throw fail(field, .notNumber(expectation, got: got(member)), at: member) }
        let slice = UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])
        guard case .success(let value) = FixedPoint.parse(slice, scale: 0, rounding: false),
              value >= Int64(range.lowerBound), value <= Int64(range.upperBound) else {
            throw fail(field, .notNumber(expectation, got: found(member)), at: member)
        }
        return Int(value)
    }

    /// A decimal number scaled to hundredths.
    @inline(__always) func hundredths(_ field: Field, required isRequired: Bool, rounding: Bool,
                                      accept: (Int64) -> Bool, expectation: LineProblem.Expectation) throws(LineError) -> Int64? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        if member.kind == .number,
           case .success(let value) = FixedPoint.parse(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]),
                                                       scale: 2, rounding: rounding),
           accept(value) {
            return value
        }
        throw hundredthsError(field, member, rounding: rounding, expectation: expectation)
    }

    @inline(never) func hundredthsError(_ field: Field, _ member: JSONLexer.Member, rounding: Bool, expectation: LineProblem.Expectation) -> LineError {
        guard member.kind == .number else { return fail(field, .notNumber(expectation, got: got(member)), at: member) }
        let slice = UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])
        if case .failure(.tooManyDecimals) = FixedPoint.parse(slice, scale: 2, rounding: rounding) {
            return fail(field, .tooManyDecimals(expectation, raw: raw(member)), at: member)
        }
        return fail(field, .notNumber(expectation, got: found(member)), at: member)
    }

    func money(_ field: Field) throws(LineError) -> Cents? {
        try hundredths(field, required: false, rounding: false, accept: { $0 >= 0 && $0 <= 100_000_000 },
                       expectation: .euros).map { Cents($0) }
    }

    func strings(_ field: Field) throws(LineError) -> [String] {
        guard let member = member(field) else { return [] }
        guard member.kind == .array else { throw fail(field, .notArrayOfStrings(got: got(member)), at: member) }
        var lexer = JSONLexer(bytes)
        lexer.position = member.valueStart + 1
        var result: [String] = []
        lexer.skipWhitespace()
        if lexer.peek() == UInt8(ascii: "]") { return result }
        while lexer.position < member.valueEnd {
            lexer.skipWhitespace()
            // The array was validated by the lexer already: these reads cannot fail.
            guard let (kind, start, end, escaped) = try? lexer.readValue(depth: 2) else { break }
            let element = JSONLexer.Member(keyStart: 0, keyEnd: 0, keyEscaped: false, kind: kind,
                                           valueStart: start, valueEnd: end, valueEscaped: escaped)
            guard kind == .string else {
                throw fail(field, .elementNotText(got: got(element)), at: element)
            }
            let value = stringValue(element)
            guard (1...128).contains(value.unicodeScalars.count) else {
                throw fail(field, .elementLength(count: value.unicodeScalars.count), at: element)
            }
            result.append(value)
            lexer.skipWhitespace()
            lexer.position += 1 // ',' or ']'
        }
        return result
    }

    // MARK: The event

    func event(people: inout PersonNames?) throws(LineError) -> Event {
        guard let id = try text(.id, required: true) else { throw fail(.id, .missing) }
        let person: String
        if people != nil, let member = member(.person), member.kind == .string {
            if member.valueEscaped {
                guard let value = try text(.person, required: true) else { throw fail(.person, .missing) }
                var key = value
                person = key.withUTF8 { key in
                    if let known = people!.find(key) { return known }
                    people!.add(key, name: value)
                    return value
                }
            } else {
                // A person already met: its string is reused, and its bytes, already checked,
                // are not checked again.
                let key = UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])
                if let known = people!.find(key) {
                    person = known
                } else {
                    guard let value = try text(.person, required: true) else { throw fail(.person, .missing) }
                    people!.add(key, name: value)
                    person = value
                }
            }
        } else {
            guard let value = try text(.person, required: true) else { throw fail(.person, .missing) }
            person = value
        }
        let typeMember = try required(.type)
        guard typeMember.kind == .string else {
            throw fail(.type, .notEventType(got: got(typeMember)), at: typeMember)
        }
        let typeName = typeMember.valueEscaped ? stringValue(typeMember) : ""
        let matched = typeMember.valueEscaped ? EventType(rawValue: typeName)
            : EventType.byteTable.match(UnsafeBufferPointer(rebasing: bytes[typeMember.valueStart..<typeMember.valueEnd]))
        guard let type = matched else {
            let typeName = stringValue(typeMember)
            throw fail(.type, .unknownEventType(raw: raw(typeMember),
                                                suggestion: Suggestion.closest(to: typeName, in: EventType.allCases.map(\.rawValue))),
                       at: typeMember)
        }
        return Event(id: id, person: person, date: try eventDate(), kind: try kind(type), line: line)
    }

    // MARK: Content hash

    /// Sums a per-member hash, so the order of members does not matter; each member hashes
    /// its decoded key and its value (strings decoded, numbers normalised, containers
    /// without white space).
    func contentHash() -> ContentHash {
        var total = ContentHash(a: 0, b: 0)
        members.forEach { member in
            var hasher = LineHasher()
            if member.keyEscaped {
                hasher.add(keyBytes(member))
            } else {
                hasher.add(UnsafeBufferPointer(rebasing: bytes[member.keyStart..<member.keyEnd]))
            }
            hasher.add(byte: 0xFF)
            switch member.kind {
            case .string:
                hasher.add(byte: 1)
                if member.valueEscaped {
                    hasher.add(JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd))
                } else {
                    hasher.add(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]))
                }
            case .number:
                hasher.add(byte: 2)
                hasher.add(NumberText.normalised(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])))
            case .bool, .null, .object, .array:
                hasher.add(byte: 3)
                var inString = false
                var escape = false
                for byte in bytes[member.valueStart..<member.valueEnd] {
                    if inString {
                        if escape { escape = false } else if byte == UInt8(ascii: "\\") { escape = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    } else if byte == UInt8(ascii: "\"") {
                        inString = true
                    } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                        continue
                    }
                    hasher.add(byte: byte)
                }
            }
            let (a, b) = hasher.finish()
            total.a &+= a
            total.b &+= b
        }
        return total
    }
}

/// Two independent 64-bit FNV-1a lanes with a final mix: 128 bits of content identity.
struct LineHasher {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x8422_2325_cbf2_9ce4

    @inline(__always) mutating func add(byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0193
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte: byte) }
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { add($0) }
    }

    func finish() -> (UInt64, UInt64) {
        (LineHasher.mix(a), LineHasher.mix(b ^ 0x9E37_79B9_7F4A_7C15))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Normal form of a JSON number for content comparison: `15`, `15.0` and `15.00` are equal.
enum NumberText {
    static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = bytes.count
        if !bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }), bytes.contains(UInt8(ascii: ".")) {
            while end > 0, bytes[end - 1] == UInt8(ascii: "0") { end -= 1 }
            if end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        }
        var start = 0
        // "-0" is "0".
        if end - start == 2, bytes[0] == UInt8(ascii: "-"), bytes[1] == UInt8(ascii: "0") { start = 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }
}

