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
        /// The UTF-8 bytes of its `person` (unescaped).
        package var person: [UInt8]
    }

    package struct Problem: Error {
        package var message: String
    }

    /// The report in `bytes` cut into its members.
    package static func read(_ bytes: [UInt8]) throws(Problem) -> ReportSlices {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Problem) -> ReportSlices in try read(buffer) }
    }

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
            elements.append(Element(range: start..<end, person: person))
            lexer.skipWhitespace()
            guard let next = lexer.peek() else { throw JSONLexer.SyntaxError(.truncatedContainer(isObject: false), offset: lexer.position) }
            lexer.position += 1
            if next == UInt8(ascii: "]") { return elements }
            guard next == UInt8(ascii: ",") else { throw JSONLexer.SyntaxError(.expectedCommaOr("]"), offset: lexer.position - 1) }
        }
    }

    private struct PersonSink: JSONLexer.MemberSink {
        var person: [UInt8]?
        mutating func take(_ member: JSONLexer.Member, in bytes: UnsafeBufferPointer<UInt8>) {
            guard person == nil, member.kind == .string, member.keyEnd - member.keyStart == 6,
                  Array(bytes[member.keyStart..<member.keyEnd]) == Array("person".utf8) else { return }
            person = member.valueEscaped ? JSONLexer.unescape(bytes, from: member.valueStart, to: member.valueEnd)
                : Array(bytes[member.valueStart..<member.valueEnd])
        }
    }
}
