import PathwayLaw
/// A JSON report cut where `pathway merge` needs it, without a tree of its big arrays: its
/// top-level members as byte ranges, and each element of `people` and `findings` as the bytes
/// the report wrote, with the person it names. Merged reports are written from these bytes as
/// they are, so that an element reads the same in the merged report as in its part.
package struct ReportSlices {
    /// The top-level members, in order, `people` and `findings` included.
    package var members: [(key: String, range: Range<Int>)] = []
    /// The elements of `people` and of `findings`, in order.
    package var people: [Element] = []
    package var findings: [Element] = []

    package struct Element {
        /// The element's bytes (an object).
        package var range: Range<Int>
        /// Where its `person` lies in the report (inside the quotes), and its bytes unescaped when
        /// the report escaped them (`nil`: the bytes in place are the person's): a million people
        /// cost two ranges each, not an array each.
        package var personRange: Range<Int>
        package var unescaped: [UInt8]?
    }

    package struct Problem: Error {
        package var message: String
    }

    /// The report in `bytes` cut into its members.
    package static func read(_ bytes: ReportBytes) throws(Problem) -> ReportSlices { try read(bytes.buffer) }

    /// The report in `bytes` cut into its members; a syntax error is given with its line.
    package static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> ReportSlices {
        var slices = ReportSlices()
        var lexer = JSONLexer(bytes)
        func fail(_ error: JSONLexer.SyntaxError) -> Problem {
            let line = bytes[0..<min(error.offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return Problem(message: "ligne \(line) : JSON invalide (\(error.message))")
        }
        do {
            lexer.skipWhitespace()
            guard lexer.peek() == UInt8(ascii: "{") else { throw Problem(message: "un objet JSON était attendu") }
            lexer.position += 1
            lexer.skipWhitespace()
            if lexer.peek() == UInt8(ascii: "}") { return slices }
            while true {
                lexer.skipWhitespace()
                guard lexer.peek() == UInt8(ascii: "\"") else { throw JSONLexer.SyntaxError(.expectedFieldName, offset: lexer.position) }
                let (ks, ke, escaped) = try lexer.readString()
                let key = String(decoding: escaped ? JSONLexer.unescape(bytes, from: ks, to: ke) : Array(bytes[ks..<ke]), as: UTF8.self)
                lexer.skipWhitespace()
                guard lexer.peek() == UInt8(ascii: ":") else { throw JSONLexer.SyntaxError(.expectedColon, offset: lexer.position) }
                lexer.position += 1
                lexer.skipWhitespace()
                let start = lexer.position
                if (key == "people" || key == "findings") && lexer.peek() == UInt8(ascii: "[") {
                    let elements = try readElements(&lexer, key: key)
                    if key == "people" { slices.people = elements } else { slices.findings = elements }
                } else {
                    _ = try lexer.readValue(depth: 1)
                }
                slices.members.append((key, start..<lexer.position))
                lexer.skipWhitespace()
                guard let next = lexer.peek() else { throw JSONLexer.SyntaxError(.truncatedObject, offset: lexer.position) }
                lexer.position += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw JSONLexer.SyntaxError(.expectedCommaOrBrace, offset: lexer.position - 1) }
            }
            lexer.skipWhitespace()
            guard lexer.position == bytes.count else { throw JSONLexer.SyntaxError(.textAfterObject, offset: lexer.position) }
        } catch let error as JSONLexer.SyntaxError {
            throw fail(error)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(message: "\(error)")
        }
        return slices
    }

    /// The elements of an array of objects, each with its `person`.
    private static func readElements(_ lexer: inout JSONLexer, key: String) throws -> [Element] {
        let bytes = lexer.bytes
        var elements: [Element] = []
        lexer.position += 1
        lexer.skipWhitespace()
        if lexer.peek() == UInt8(ascii: "]") { lexer.position += 1; return elements }
        while true {
            lexer.skipWhitespace()
            let (kind, start, end, _) = try lexer.readValue(depth: 2)
            guard kind == .object else { throw Problem(message: "\(key) : chaque élément doit être un objet") }
            // The element's own members, read apart: its `person`.
            var sink = PersonSink()
            var inner = JSONLexer(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            try inner.readObject(into: &sink)
            guard let person = sink.person else { throw Problem(message: "\(key) : un élément sans \"person\" (texte)") }
            elements.append(Element(range: start..<end, personRange: (start + person.lowerBound)..<(start + person.upperBound), unescaped: sink.unescaped))
            lexer.skipWhitespace()
            guard let next = lexer.peek() else { throw JSONLexer.SyntaxError(.truncatedContainer(isObject: false), offset: lexer.position) }
            lexer.position += 1
            if next == UInt8(ascii: "]") { return elements }
            guard next == UInt8(ascii: ",") else { throw JSONLexer.SyntaxError(.expectedCommaOr("]"), offset: lexer.position - 1) }
        }
    }

    private struct PersonSink: JSONLexer.MemberSink {
        var person: Range<Int>?
        var unescaped: [UInt8]?
        mutating func take(_ member: JSONLexer.Member, in bytes: UnsafeBufferPointer<UInt8>) {
            guard person == nil, member.kind == .string, member.keyEnd - member.keyStart == 6,
                  bytes[member.keyStart..<member.keyEnd].elementsEqual("person".utf8) else { return }
            person = member.valueStart..<member.valueEnd
            if member.valueEscaped { unescaped = JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd) }
        }
    }
}

/// The bytes of a report being merged: a file mapped in memory by the caller (borrowed: it must
/// outlive the merge), or a copy of an array (owned, freed with this object).
package final class ReportBytes: @unchecked Sendable {
    package let buffer: UnsafeBufferPointer<UInt8>
    private let owned: UnsafeMutableBufferPointer<UInt8>?

    package init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        owned = copy
        buffer = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copy)[0..<bytes.count])
    }

    package init(borrowing buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        owned = nil
    }

    deinit { owned?.deallocate() }

    package var count: Int { buffer.count }
    package func bytes(_ range: Range<Int>) -> [UInt8] { Array(buffer[range]) }
    package func text(_ range: Range<Int>) -> String { String(decoding: buffer[range], as: UTF8.self) }

    /// The person of `element`, as UTF-8 bytes.
    package func person(_ element: ReportSlices.Element) -> [UInt8] { element.unescaped ?? Array(buffer[element.personRange]) }

    /// Whether the person of `a` (here) comes before that of `b` (in `other`) in byte order; 0
    /// when they are the same person.
    package func comparePerson(_ a: ReportSlices.Element, _ other: ReportBytes, _ b: ReportSlices.Element) -> Int {
        func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
            let n = min(x.count, y.count)
            for i in 0..<n where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        }
        func with<R>(_ bytes: ReportBytes, _ e: ReportSlices.Element, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let unescaped = e.unescaped { return unescaped.withUnsafeBufferPointer(body) }
            return body(UnsafeBufferPointer(rebasing: bytes.buffer[e.personRange]))
        }
        return with(self, a) { x in with(other, b) { y in compare(x, y) } }
    }

    /// Byte order of two whole reports (parts read from the same input name).
    package func precedes(_ other: ReportBytes) -> Bool { buffer.lexicographicallyPrecedes(other.buffer) }
}
