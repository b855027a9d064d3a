import PathwayMachinery
/// A byte-level reader of JSON text, written for the event log's hot path: it validates a
/// whole line and records the top-level members of an object as byte ranges, so that the
/// event parser reads only the fields it knows, with no per-line `JSONDecoder` and no tree.
///
/// Offsets are 0-based byte offsets into the buffer given.
package struct JSONLexer {
    package enum Kind: Sendable, Equatable {
        case string, number, bool, null, object, array

        /// How an error message names a value of this kind.
        /// The kind as a reason names it.
        package var valueKind: LineProblem.ValueKind {
            switch self {
            case .string: return .string
            case .number: return .number
            case .bool: return .bool
            case .null: return .null
            case .object: return .object
            case .array: return .array
            }
        }

        package var noun: String {
            switch self {
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "a boolean"
            case .null: return "null"
            case .object: return "an object"
            case .array: return "an array"
            }
        }
    }

    /// One member of an object: its key and its value as byte ranges. For strings the range
    /// is inside the quotes.
    package struct Member {
        package var keyStart: Int
        package var keyEnd: Int
        package var keyEscaped: Bool
        package var kind: Kind
        package var valueStart: Int
        package var valueEnd: Int
        package var valueEscaped: Bool
    }

    /// Receives the members of an object as ``readObject(into:)`` reads them.
    package protocol MemberSink {
        mutating func take(_ member: Member, in bytes: UnsafeBufferPointer<UInt8>)
    }

    package struct SyntaxError: Error, Equatable {
        package var problem: JSONSyntaxProblem
        package var offset: Int

        package init(_ problem: JSONSyntaxProblem, offset: Int) {
            self.problem = problem
            self.offset = offset
        }

        /// In English (a configuration file's error, a `serve` request's).
        package var message: String { problem.text(in: .french) }
    }

    package let bytes: UnsafeBufferPointer<UInt8>
    package var position = 0
    package static let maximumDepth = 64

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Top level

    /// Reads the whole buffer as one JSON object and gives its members to `members`, in order.
    package mutating func readObject<Sink: MemberSink>(into members: inout Sink) throws(SyntaxError) {
        skipWhitespace()
        guard position < bytes.count else { throw SyntaxError(.emptyLine, offset: position) }
        guard bytes[position] == UInt8(ascii: "{") else {
            throw SyntaxError(.notAnObject, offset: position)
        }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else {
                    throw SyntaxError(.expectedFieldName, offset: position)
                }
                let (keyStart, keyEnd, keyEscaped) = try readString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else {
                    throw SyntaxError(.expectedColon, offset: position)
                }
                position += 1
                skipWhitespace()
                let (kind, start, end, escaped) = try readValue(depth: 1)
                members.take(Member(keyStart: keyStart, keyEnd: keyEnd, keyEscaped: keyEscaped,
                                    kind: kind, valueStart: start, valueEnd: end, valueEscaped: escaped), in: bytes)
                skipWhitespace()
                guard let next = peek() else {
                    throw SyntaxError(.truncatedObject, offset: position)
                }
                position += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else {
                    throw SyntaxError(.expectedCommaOrBrace, offset: position - 1)
                }
            }
        }
        skipWhitespace()
        guard position == bytes.count else {
            throw SyntaxError(.textAfterObject, offset: position)
        }
    }

    // MARK: Values

    /// Reads any value; returns its kind and byte range (inside the quotes for a string).
    package mutating func readValue(depth: Int) throws(SyntaxError) -> (Kind, Int, Int, Bool) {
        guard let first = peek() else {
            throw SyntaxError(.truncatedValue, offset: position)
        }
        let start = position
        switch first {
        case UInt8(ascii: "\""):
            let (s, e, escaped) = try readString()
            return (.string, s, e, escaped)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumber()
            return (.number, start, position, false)
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return (.bool, start, position, false)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return (.bool, start, position, false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return (.null, start, position, false)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONLexer.maximumDepth else {
                throw SyntaxError(.tooDeep(JSONLexer.maximumDepth), offset: position)
            }
            try skipContainer(depth: depth + 1)
            return (first == UInt8(ascii: "{") ? .object : .array, start, position, false)
        default:
            throw SyntaxError(.notAValue(JSONLexer.printable(first)), offset: position)
        }
    }

    /// The sixteen bytes at `offset` of `raw` classified at once: each byte that is a `"`, a `\`
    /// or below 0x20 as a byte of all ones, in two words whose byte `i` is the `i`th byte in
    /// memory (the first special byte is the lowest one set); and the sixteen bytes themselves,
    /// or-ed into one word (for a test of their high bits).
    ///
    /// The SIMD types are named in full on purpose. With them inferred (`SIMD16(repeating: …)`),
    /// Swift 6.3 chose the SIMD protocol's generic comparisons, a loop over the lanes through
    /// memory (a replay took half again as many instructions); named, the comparisons compile
    /// to SSE2's `pcmpeqb` and `pminub`, sixteen bytes an instruction.
    @inline(__always) package static func specialLanes(_ raw: UnsafeRawPointer, at offset: Int)
        -> (first: UInt64, second: UInt64, or: UInt64) {
        let bytes: SIMD16<UInt8> = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        let quote: SIMD16<UInt8> = SIMD16<UInt8>(repeating: 0x22)
        let backslash: SIMD16<UInt8> = SIMD16<UInt8>(repeating: 0x5C)
        let space: SIMD16<UInt8> = SIMD16<UInt8>(repeating: 0x20)
        let special: SIMDMask<SIMD16<Int8>> = (bytes .== quote) .| (bytes .== backslash) .| (bytes .< space)
        let marks = unsafeBitCast(special, to: SIMD2<UInt64>.self)
        let words = unsafeBitCast(bytes, to: SIMD2<UInt64>.self)
        return (UInt64(littleEndian: marks[0]), UInt64(littleEndian: marks[1]), words[0] | words[1])
    }

    /// Where the first special byte of sixteen classified by ``specialLanes(_:at:)`` lies, from
    /// 0 to 15; 16 when none is.
    @inline(__always) package static func firstSpecial(_ lanes: (first: UInt64, second: UInt64, or: UInt64)) -> Int {
        lanes.first != 0 ? lanes.first.trailingZeroBitCount >> 3
            : lanes.second != 0 ? 8 &+ lanes.second.trailingZeroBitCount >> 3 : 16
    }

    /// Reads a string starting at the opening quote; returns the range inside the quotes.
    @inline(__always) package mutating func readString() throws(SyntaxError) -> (Int, Int, Bool) {
        position += 1
        let start = position
        var escaped = false
        // Sixteen, then eight bytes at a time while none is a quote, a backslash or a control
        // character; the first one found is reached directly, and a closing quote ends the
        // string there.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while position + 16 <= bytes.count {
                let found = JSONLexer.firstSpecial(JSONLexer.specialLanes(raw, at: position))
                position += found
                if found < 16 { break }
            }
            while position + 8 <= bytes.count {
                // Byte i of the line is byte i of the number on any machine.
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let special = JSONLexer.specialBytes(word)
                if special == 0 { position += 8; continue }
                position += special.trailingZeroBitCount >> 3
                if base[position] == UInt8(ascii: "\"") {
                    let end = position
                    position += 1
                    return (start, end, escaped)
                }
                break
            }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let end = position
                position += 1
                return (start, end, escaped)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    guard position + 4 < bytes.count,
                          (1...4).allSatisfy({ JSONLexer.hexValue(bytes[position + $0]) != nil }) else {
                        throw SyntaxError(.badUnicodeEscape, offset: position - 1)
                    }
                    position += 5
                default:
                    throw SyntaxError(.badEscape(JSONLexer.printable(bytes[position])), offset: position - 1)
                }
                continue
            }
            if byte < 0x20 {
                throw SyntaxError(.controlCharacter(byte), offset: position)
            }
            position += 1
        }
        throw SyntaxError(.unterminatedString, offset: start - 1)
    }

    package mutating func readNumber() throws(SyntaxError) {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), JSONLexer.isDigit(first) else {
            throw SyntaxError(.invalidNumber, offset: start)
        }
        position += 1
        if first != UInt8(ascii: "0") {
            while let b = peek(), JSONLexer.isDigit(b) { position += 1 }
        } else if let b = peek(), JSONLexer.isDigit(b) {
            throw SyntaxError(.leadingZero, offset: start)
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let b = peek(), JSONLexer.isDigit(b) else { throw SyntaxError(.invalidNumber, offset: start) }
            while let b = peek(), JSONLexer.isDigit(b) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let b = peek(), JSONLexer.isDigit(b) else { throw SyntaxError(.invalidNumber, offset: start) }
            while let b = peek(), JSONLexer.isDigit(b) { position += 1 }
        }
    }

    package mutating func readLiteral(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = position + count <= bytes.count && word.withUTF8Buffer { literal in
            (0..<count).allSatisfy { bytes[position + $0] == literal[$0] }
        }
        guard matches else {
            throw SyntaxError(.invalidLiteral("\(word)"), offset: position)
        }
        position += count
    }

    /// Skips an object or array, validating it.
    package mutating func skipContainer(depth: Int) throws(SyntaxError) {
        let isObject = bytes[position] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipWhitespace()
        if peek() == close { position += 1; return }
        while true {
            skipWhitespace()
            if isObject {
                guard peek() == UInt8(ascii: "\"") else {
                    throw SyntaxError(.expectedFieldName, offset: position)
                }
                _ = try readString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else {
                    throw SyntaxError(.expectedColon, offset: position)
                }
                position += 1
                skipWhitespace()
            }
            _ = try readValue(depth: depth)
            skipWhitespace()
            guard let next = peek() else {
                throw SyntaxError(.truncatedContainer(isObject: isObject), offset: position)
            }
            position += 1
            if next == close { return }
            guard next == UInt8(ascii: ",") else {
                throw SyntaxError(.expectedCommaOr(Character(Unicode.Scalar(close))), offset: position - 1)
            }
        }
    }

    // MARK: Helpers

    @inline(__always) package func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    @inline(__always) package mutating func skipWhitespace() {
        while position < bytes.count {
            let b = bytes[position]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else { return }
            position += 1
        }
    }

    @inline(__always) package static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The bytes of a word that are a `"` (0x22), a `\` (0x5C) or below 0x20 (SWAR), as the
    /// high bit of each; zero when there is none. The lowest bit set is exact (the bytes above
    /// it may be flagged falsely by a borrow): its byte is the first special one in memory.
    @inline(__always) package static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = zeroByte(word ^ (ones &* 0x22))
        let backslash = zeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }

    package static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    package static func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "0x" + String(byte, radix: 16)
    }

    /// Decodes the inside of a string (already validated by ``readString()``) into UTF-8
    /// bytes, resolving escapes; an unpaired surrogate becomes U+FFFD.
    package static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | (hexValue(bytes[at + $1]) ?? 0) }
        }
        while i < end {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    if i + 6 <= end, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        let low = hex4(i + 2)
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: UTF8.encode(unicode) ?? [])
            default: out.append(e)
            }
        }
        return out
    }
}

extension UTF8 {
    /// The UTF-8 bytes of one scalar.
    package static func encode(_ scalar: Unicode.Scalar) -> [UInt8]? {
        var bytes: [UInt8] = []
        UTF8.encode(scalar) { bytes.append($0) }
        return bytes
    }
}

extension String {
    /// A string of these UTF-8 bytes (checked, as any are). Made by
    /// `String(unsafeUninitializedCapacity:)`, which measured quicker than `String(decoding:as:)`
    /// on both strings the hot paths make: the short id of every line (about 220 instructions
    /// against 280) and French messages with accented letters (430 ns against 690).
    package init(copyingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { $0.initialize(fromContentsOf: bytes) }
    }
}

/// UTF-8 validation of a line, with an ASCII fast path.
package enum UTF8Check {
    /// Whether every byte is ASCII, eight bytes at a time.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// The bytes of `bytes` that are not valid UTF-8, and whether each is a character of
    /// windows-1252 (which leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; a zero byte is none
    /// either): the sign of an export where only some lines carry accents.
    package static func foreignBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, allWindows1252: Bool) {
        var k = 0
        var count = 0
        var all = true
        while k < bytes.count {
            guard let bad = firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[k...])) else { break }
            let byte = bytes[k + bad]
            if byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D { all = false }
            count += 1
            k += bad + 1
        }
        if all && bytes.contains(0) { all = false }
        return (count, all)
    }

    /// The offset of the first byte that is not valid UTF-8, or `nil` when all are.
    package static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
