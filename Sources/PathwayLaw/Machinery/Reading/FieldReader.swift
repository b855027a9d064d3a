import PathwayMachinery
// The reader's side of a line: typed access to its members (`FieldReader`), the hash of its
// content, and the normal form of numbers.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 128-bit hash of a line's content (members in any order, white space ignored).
package struct ContentHash: Hashable, Sendable {
    package var a: UInt64
    package var b: UInt64
}

/// Typed access to the members of one parsed line.
package struct FieldReader {
    package let bytes: UnsafeBufferPointer<UInt8>
    package let members: LineMembers
    package let line: Int
    /// The whole line is ASCII: characters are bytes.
    package let ascii: Bool
    package let dates: UnsafeMutablePointer<DateMemo>

    package func fail(_ field: String?, _ problem: LineProblem, at member: JSONLexer.Member? = nil) -> LineError {
        LineError(line: line, field: field, byte: member.map { $0.valueStart + 1 }, problem)
    }

    package func fail(_ field: Field, _ problem: LineProblem, at member: JSONLexer.Member? = nil) -> LineError {
        fail(field.name, problem, at: member)
    }

    // MARK: Keys

    package func keyBytes(_ member: JSONLexer.Member) -> [UInt8] {
        member.keyEscaped
            ? JSONLexer.unescape(bytes, from: member.keyStart, to: member.keyEnd)
            : Array(bytes[member.keyStart..<member.keyEnd])
    }

    package func keysEqual(_ a: JSONLexer.Member, _ b: JSONLexer.Member) -> Bool {
        if a.keyEscaped || b.keyEscaped { return keyBytes(a) == keyBytes(b) }
        return UnsafeBufferPointer(rebasing: bytes[a.keyStart..<a.keyEnd]).elementsEqual(UnsafeBufferPointer(rebasing: bytes[b.keyStart..<b.keyEnd]))
    }

    /// Unknown keys are validated too: one repeated rejects the line.
    package func checkNoRepeatedKeys() throws(LineError) {
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
    @inline(__always) package func member(_ field: Field) -> JSONLexer.Member? {
        guard let member = members.member(field), member.kind != .null else { return nil }
        return member
    }

    /// Whether `field` is written as `null` (where null means "not said", not "absent").
    package func isNull(_ field: Field) -> Bool { members.member(field)?.kind == .null }

    // The typed readers below are inlined into the event's construction; the messages of
    // their errors are built out of line, only when a line is rejected.

    @inline(__always) package func required(_ field: Field) throws(LineError) -> JSONLexer.Member {
        if let member = member(field) { return member }
        throw missing(field)
    }

    @inline(never) package func missing(_ field: Field) -> LineError {
        fail(field, members.member(field) != nil ? .nullWhereRequired : .missing)
    }

    // MARK: Rendering what was found

    package func raw(_ member: JSONLexer.Member) -> String {
        let start = member.kind == .string ? member.valueStart - 1 : member.valueStart
        let end = member.kind == .string ? member.valueEnd + 1 : member.valueEnd
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    /// The value as written, with its kind (`"abc" (a string)`), except a number or a boolean.
    package func got(_ member: JSONLexer.Member) -> LineProblem.Found {
        LineProblem.Found(raw: raw(member), kind: member.kind == .number || member.kind == .bool ? nil : member.kind.valueKind)
    }

    /// The value as written, alone.
    package func found(_ member: JSONLexer.Member) -> LineProblem.Found {
        LineProblem.Found(raw: raw(member), kind: nil)
    }

    package func stringValue(_ member: JSONLexer.Member) -> String {
        if member.valueEscaped {
            return String(decoding: JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd), as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]), as: UTF8.self)
    }

    // MARK: Typed values

    /// The most characters a text holds, unless a field says otherwise (the schema's `maxLength`).
    package static let maximumText = 128

    @inline(__always) package func text(_ field: Field, required isRequired: Bool, maxLength: Int = maximumText) throws(LineError) -> String? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        if isPlainText(member, maxLength: maxLength) {
            return String(copyingUTF8: UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]))
        }
        return try textSlowly(field, member, maxLength: maxLength)
    }

    /// Checks a text member as ``text(_:required:maxLength:)`` does, without building its string.
    @inline(__always) package func checkText(_ field: Field, required isRequired: Bool, maxLength: Int = maximumText) throws(LineError) {
        guard let member = isRequired ? try required(field) : member(field), !isPlainText(member, maxLength: maxLength) else { return }
        _ = try textSlowly(field, member, maxLength: maxLength)
    }

    /// A string of ASCII with no escape, not empty, within `maxLength`: a character per byte,
    /// valid as it is.
    @inline(__always) private func isPlainText(_ member: JSONLexer.Member, maxLength: Int) -> Bool {
        ascii && member.kind == .string && !member.valueEscaped && member.valueEnd > member.valueStart
            && member.valueEnd - member.valueStart <= maxLength
    }

    /// Writes the bytes of a text member once checked (unescaped: never more bytes than it
    /// takes in the line) to `out`, and returns their count (0 when it is absent).
    package func copyText(_ field: Field, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let member = member(field), let base = bytes.baseAddress else { return 0 }
        if member.valueEscaped {
            let value = JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd)
            value.withUnsafeBufferPointer { if let from = $0.baseAddress { out.initialize(from: from, count: $0.count) } }
            return value.count
        }
        out.initialize(from: base + member.valueStart, count: member.valueEnd - member.valueStart)
        return member.valueEnd - member.valueStart
    }

    @inline(never) package func textSlowly(_ field: Field, _ member: JSONLexer.Member, maxLength: Int) throws(LineError) -> String {
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

    @inline(__always) package func date(_ field: Field, required isRequired: Bool) throws(LineError) -> CivilDate? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        if member.kind == .string, !member.valueEscaped,
           case .valid(let date) = CivilDate.parse(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])) {
            return date
        }
        throw dateError(field, member)
    }

    /// The event's `date` (required), most often the previous line's: its ten bytes, read as
    /// eight and two, are compared with that line's, and parsed only when they differ.
    @inline(__always) package func eventDate() throws(LineError) -> CivilDate {
        let member = try required(.date)
        if member.kind == .string, !member.valueEscaped, member.valueEnd - member.valueStart == 10,
           let base = bytes.baseAddress, let date = DateMemo.date(at: base + member.valueStart, memo: dates) {
            return date
        }
        throw dateError(.date, member)
    }

    @inline(never) package func dateError(_ field: Field, _ member: JSONLexer.Member) -> LineError {
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

    @inline(__always) package func choice<Value: ByteCoded>(_ field: Field, required isRequired: Bool, as: Value.Type) throws(LineError) -> Value? {
        guard let member = isRequired ? try required(field) : member(field) else { return nil }
        if member.kind == .string, !member.valueEscaped,
           let result = Value.byteTable.match(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])) {
            return result
        }
        return try choiceSlowly(field, member, as: Value.self)
    }

    /// A value written with escapes, or not allowed.
    @inline(never) package func choiceSlowly<Value: ByteCoded>(_ field: Field, _ member: JSONLexer.Member, as: Value.Type) throws(LineError) -> Value {
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

    @inline(__always) package func bool(_ field: Field) throws(LineError) -> Bool? {
        guard let member = member(field) else { return nil }
        guard member.kind == .bool else { throw boolError(field, member) }
        return bytes[member.valueStart] == UInt8(ascii: "t")
    }

    @inline(never) package func boolError(_ field: Field, _ member: JSONLexer.Member) -> LineError {
        fail(field, .notBool(got: got(member)), at: member)
    }

    package func integer(_ field: Field, required isRequired: Bool, in range: ClosedRange<Int>, expectation: LineProblem.Expectation) throws(LineError) -> Int? {
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
    @inline(__always) package func hundredths(_ field: Field, required isRequired: Bool, rounding: Bool,
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

    @inline(never) package func hundredthsError(_ field: Field, _ member: JSONLexer.Member, rounding: Bool, expectation: LineProblem.Expectation) -> LineError {
        guard member.kind == .number else { return fail(field, .notNumber(expectation, got: got(member)), at: member) }
        let slice = UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])
        if case .failure(.tooManyDecimals) = FixedPoint.parse(slice, scale: 2, rounding: rounding) {
            return fail(field, .tooManyDecimals(expectation, raw: raw(member)), at: member)
        }
        return fail(field, .notNumber(expectation, got: found(member)), at: member)
    }

    package func money(_ field: Field) throws(LineError) -> Cents? {
        try hundredths(field, required: false, rounding: false, accept: { $0 >= 0 && $0 <= 100_000_000 },
                       expectation: .euros).map { Cents($0) }
    }

    package func strings(_ field: Field) throws(LineError) -> [String] {
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
            guard (1...FieldReader.maximumText).contains(value.unicodeScalars.count) else {
                throw fail(field, .elementLength(count: value.unicodeScalars.count), at: element)
            }
            result.append(value)
            lexer.skipWhitespace()
            lexer.position += 1 // ',' or ']'
        }
        return result
    }

    // MARK: The event

    /// The line's event.
    package func event(people: inout PersonNames?) throws(LineError) -> Event {
        guard let id = try text(.id, required: true) else { throw fail(.id, .missing) }
        let person = try person(people: &people, forList: false)
        let (date, kind) = try dateAndKind()
        return Event(id: id, person: person, date: date, kind: kind, line: line)
    }

    /// The line's event for a log's list, which keeps ids as bytes and people as numbers: the
    /// same checks as ``event(people:)``, in the same order, but no event built. Its id is
    /// checked, not built (the caller reads its bytes, ``copyText(_:to:)``); its person is
    /// numbered (`people.latest`), their name built only the first time.
    package func listed(people: inout PersonNames?) throws(LineError) -> (date: CivilDate, kind: EventKind) {
        try checkText(.id, required: true)
        _ = try person(people: &people, forList: true)
        return try dateAndKind()
    }

    /// The person, interned in `people` when given (empty for one met before, with `forList`).
    @inline(__always) private func person(people: inout PersonNames?, forList: Bool) throws(LineError) -> String {
        guard people != nil, let member = member(.person), member.kind == .string else {
            guard let value = try text(.person, required: true) else { throw fail(.person, .missing) }
            return value
        }
        if member.valueEscaped {
            guard let value = try text(.person, required: true) else { throw fail(.person, .missing) }
            var key = value
            return key.withUTF8 { key in
                if let known = people!.find(key) { return known }
                people!.add(key, name: value)
                return value
            }
        }
        // A person already met: its string is reused, and its bytes, already checked, are not
        // checked again.
        let key = UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd])
        if forList, people!.number(key) != nil { return "" }
        if !forList, let known = people!.find(key) { return known }
        guard let value = try text(.person, required: true) else { throw fail(.person, .missing) }
        people!.add(key, name: value)
        return value
    }

    /// The type, then the date and the kind it reads, then the source checked.
    @inline(__always) private func dateAndKind() throws(LineError) -> (date: CivilDate, kind: EventKind) {
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
        let date = try eventDate()
        let kind = try kind(type)
        if members.present & Field.source.bit != 0 { _ = try text(.source, required: false) }
        return (date, kind)
    }

    /// The bytes of the line's `source` (unescaped), once ``event(people:)`` has checked it, or
    /// `nil` when the line names none.
    package func sourceBytes<R>(_ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let member = member(.source) else { return body(nil) }
        if member.valueEscaped {
            return JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd).withUnsafeBufferPointer { body($0) }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[member.valueStart..<member.valueEnd]))
    }

    // MARK: Content hash

    /// Sums a per-member hash, so the order of members does not matter; each member hashes
    /// its decoded key and its value (strings decoded, numbers normalised, containers
    /// without white space).
    package func contentHash() -> ContentHash {
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

/// Normal form of a JSON number for content comparison: `15`, `15.0` and `15.00` are equal.
package enum NumberText {
    package static func normalised(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
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
