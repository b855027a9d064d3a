import PathwayMachinery
// The lexer's side of a line: the members of one line, found by the fast path for compact
// lines or by the general lexer (`EventLineParser.swift` drives them).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each field's key as a compact line writes it, quoted and followed by its colon
/// (`"person":`), for the fast path to compare with the bytes where it expects that key.
/// Static, allocated once for the life of the process.
package struct FieldKeys: @unchecked Sendable {
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Key `k` is `bytes[starts[k] ..< starts[k + 1]]`.
    private let starts: UnsafeMutablePointer<Int32>
    /// Key `k` as the sixteen bytes it starts, the bytes beyond it masked off: compared with
    /// two words and two masks where the line has sixteen bytes left, its field and its length
    /// read with them (one record, where the bytes' comparison took 26 instructions a key, its
    /// bounds read from `starts` each time).
    private struct Key {
        var low: UInt64 = 0, high: UInt64 = 0
        var lowMask: UInt64 = 0, highMask: UInt64 = 0
        var count: Int = 0
        var field = Field.id
    }
    private let keys: UnsafeMutablePointer<Key>

    package static let all = FieldKeys()

    private init() {
        let keys = Field.allCases.map { Array("\"\($0.name)\":".utf8) }
        bytes = .allocate(capacity: keys.reduce(0) { $0 + $1.count })
        starts = .allocate(capacity: keys.count + 1)
        self.keys = .allocate(capacity: keys.count)
        var offset = 0
        for (k, key) in keys.enumerated() {
            starts[k] = Int32(offset)
            (bytes + offset).initialize(from: key, count: key.count)
            offset += key.count
            // The key's first sixteen bytes and a mask of them, as the same loads read a line.
            var padded = [UInt8](repeating: 0, count: 16), mask = [UInt8](repeating: 0, count: 16)
            for i in 0..<min(16, key.count) { (padded[i], mask[i]) = (key[i], 0xFF) }
            func word(_ b: [UInt8], _ at: Int) -> UInt64 { b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) } }
            (self.keys + k).initialize(to: Key(low: word(padded, 0), high: word(padded, 8), lowMask: word(mask, 0), highMask: word(mask, 8),
                                               count: key.count, field: Field.allCases[k]))
        }
        starts[keys.count] = Int32(offset)
    }

    /// Field number `k`.
    @inline(__always) package func field(_ k: Int) -> Field { keys[k].field }

    /// Whether the key of field number `k` is at `at`, where `available` bytes remain.
    @inline(__always) package func isKey(_ k: Int, at: UnsafePointer<UInt8>, available: Int) -> Bool {
        let key = keys + k
        let count = key.pointee.count
        if count <= 16 && available >= 16 {
            let raw = UnsafeRawPointer(at)
            return raw.loadUnaligned(as: UInt64.self) & key.pointee.lowMask == key.pointee.low
                && raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & key.pointee.highMask == key.pointee.high
        }
        return count <= available && ShortBytes.equal(bytes + Int(starts[k]), at, count)
    }

    /// The length of field number `k`'s name.
    @inline(__always) package func nameLength(_ k: Int) -> Int { keys[k].count &- 3 }
}

/// The members of one line: those of known fields in their slots (a bit set for each field
/// present), the others in order.
package struct LineMembers: JSONLexer.MemberSink {
    package let slots: UnsafeMutablePointer<JSONLexer.Member>
    /// Bit `field.slot` is set when the field is in the line.
    package var present: UInt64 = 0
    package var unknown: [JSONLexer.Member] = []
    /// The first known field whose key came twice.
    package var repeated: Field?

    package mutating func take(_ member: JSONLexer.Member, in bytes: UnsafeBufferPointer<UInt8>) {
        let field = member.keyEscaped
            ? JSONLexer.unescape(bytes, from: member.keyStart, to: member.keyEnd).withUnsafeBufferPointer { Field.named($0) }
            : Field.named(UnsafeBufferPointer(rebasing: bytes[member.keyStart..<member.keyEnd]))
        take(member, field: field)
    }

    /// Keeps a member whose key names `field` (`nil`: an unknown key).
    @inline(__always) package mutating func take(_ member: JSONLexer.Member, field: Field?) {
        guard let field else { unknown.append(member); return }
        let bit = field.bit
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
    package mutating func readCompact(_ bytes: UnsafeBufferPointer<UInt8>, fields: ByteTable<Field>, keys: FieldKeys,
                              following: UnsafeMutablePointer<Int8>) -> Bool? {
        let n = bytes.count
        guard let base = bytes.baseAddress, n >= 2, base[0] == UInt8(ascii: "{"), base[n &- 1] == UInt8(ascii: "}") else {
            return nil
        }
        if n == 2 { return true }
        // The bytes of the strings, or-ed together: ASCII when no high bit is set.
        var high: UInt64 = 0
        var container = false
        @inline(__always) func closingQuote(from start: Int) -> Int? {
            LineMembers.closingQuote(base, count: n, from: start, high: &high)
        }
        /// The end of the digits from `q`, which may be `q` itself.
        @inline(__always) func digits(from q: Int) -> Int {
            var q = q
            while q < n, JSONLexer.isDigit(base[q]) { q &+= 1 }
            return q
        }
        /// The end of a JSON number starting at `start`; `nil` when it is malformed there.
        func numberEnd(from start: Int) -> Int? {
            var q = start
            if base[q] == UInt8(ascii: "-") { q &+= 1 }
            guard q < n, JSONLexer.isDigit(base[q]) else { return nil }
            q = base[q] == UInt8(ascii: "0") ? q &+ 1 : digits(from: q &+ 1)
            if q < n, base[q] == UInt8(ascii: ".") {
                let end = digits(from: q &+ 1)
                guard end > q &+ 1 else { return nil }
                q = end
            }
            if q < n, base[q] == UInt8(ascii: "e") || base[q] == UInt8(ascii: "E") {
                q &+= 1
                if q < n, base[q] == UInt8(ascii: "+") || base[q] == UInt8(ascii: "-") { q &+= 1 }
                let end = digits(from: q)
                guard end > q else { return nil }
                q = end
            }
            return q
        }
        /// Whether `word` is at `q`.
        @inline(__always) func literal(_ word: StaticString, at q: Int) -> Bool {
            let count = word.utf8CodeUnitCount
            return q &+ count <= n && ShortBytes.equal(base + q, word.utf8Start, count)
        }
        var p = 1
        // The previous key's field, or `Field.allCases.count` at the start of the line (and after
        // an unknown key).
        var previous = Field.allCases.count
        while true {
            guard base[p] == UInt8(ascii: "\"") else { return nil }
            let keyStart = p &+ 1
            let keyEnd: Int
            let field: Field?
            let guess = Int(following[previous])
            if guess >= 0, keys.isKey(guess, at: base + p, available: n &- p &- 1) {
                field = keys.field(guess)
                keyEnd = keyStart &+ keys.nameLength(guess)
            } else {
                guard let end = closingQuote(from: keyStart), end &+ 2 < n, base[end &+ 1] == UInt8(ascii: ":") else {
                    return nil
                }
                keyEnd = end
                field = fields.match(UnsafeBufferPointer(start: base + keyStart, count: keyEnd &- keyStart))
                following[previous] = Int8(field?.rawValue ?? -1)
            }
            previous = field?.rawValue ?? Field.allCases.count
            p = keyEnd &+ 2
            let kind: JSONLexer.Kind
            let valueStart: Int, valueEnd: Int
            switch base[p] {
            case UInt8(ascii: "\""):
                guard let end = closingQuote(from: p &+ 1) else { return nil }
                (kind, valueStart, valueEnd) = (.string, p &+ 1, end)
                p = end &+ 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let end = numberEnd(from: p) else { return nil }
                (kind, valueStart, valueEnd) = (.number, p, end)
                p = end
            case UInt8(ascii: "t"):
                guard literal("true", at: p) else { return nil }
                (kind, valueStart, valueEnd) = (.bool, p, p &+ 4)
                p &+= 4
            case UInt8(ascii: "f"):
                guard literal("false", at: p) else { return nil }
                (kind, valueStart, valueEnd) = (.bool, p, p &+ 5)
                p &+= 5
            case UInt8(ascii: "n"):
                guard literal("null", at: p) else { return nil }
                (kind, valueStart, valueEnd) = (.null, p, p &+ 4)
                p &+= 4
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
            guard p < n &- 1 else {
                guard p == n &- 1 else { return nil }
                return container ? UTF8Check.isASCII(bytes) : high & 0x8080_8080_8080_8080 == 0
            }
            guard base[p] == UInt8(ascii: ",") else { return nil }
            p &+= 1
        }
    }

    /// The closing quote of a string whose content starts at `start`, in a line of `n` bytes
    /// at `base`; `nil` at an escape, a control character or the end of the line. Sixteen bytes
    /// at a time, then eight, then one; every byte scanned is or-ed into `high` (the line is
    /// ASCII when no high bit is set in it).
    @inline(__always) package static func closingQuote(_ base: UnsafePointer<UInt8>, count n: Int, from start: Int,
                                                       high: inout UInt64) -> Int? {
        let raw = UnsafeRawPointer(base)
        var q = start
        while q &+ 16 <= n {
            let lanes = JSONLexer.specialLanes(raw, at: q)
            high |= lanes.or
            let found = JSONLexer.firstSpecial(lanes)
            q &+= found
            if found < 16 { return base[q] == UInt8(ascii: "\"") ? q : nil }
        }
        while q &+ 8 <= n {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: q, as: UInt64.self))
            high |= word
            let special = JSONLexer.specialBytes(word)
            if special == 0 { q &+= 8; continue }
            q &+= special.trailingZeroBitCount >> 3
            return base[q] == UInt8(ascii: "\"") ? q : nil
        }
        while q < n {
            let b = base[q]
            high |= UInt64(b)
            if b == UInt8(ascii: "\"") { return q }
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            q &+= 1
        }
        return nil
    }

    /// The member of a known field, or `nil` when the line has none.
    @inline(__always) package func member(_ field: Field) -> JSONLexer.Member? {
        present & field.bit != 0 ? slots[field.slot] : nil
    }

    /// Every member, known fields first (by slot), then the others in order.
    package func forEach(_ body: (JSONLexer.Member) -> Void) {
        var bits = present
        while bits != 0 {
            body(slots[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
        for member in unknown { body(member) }
    }
}
