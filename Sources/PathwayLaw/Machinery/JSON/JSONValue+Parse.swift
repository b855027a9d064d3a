import PathwayMachinery
/// Reading JSON text into a ``JSONValue`` (a `--config` file, a `serve` request), through
/// the byte lexer.
extension JSONValue {
    /// Parses a whole JSON text (any value at the top).
    public static func parse(_ text: String) throws(JSONValue.ParseError) -> JSONValue {
        let bytes = Array(text.utf8)
        let result: Result<JSONValue, JSONValue.ParseError> = bytes.withUnsafeBufferPointer { buffer in
            if let bad = UTF8Check.firstInvalidOffset(buffer) {
                return .failure(location(buffer, bad, "UTF-8 invalide"))
            }
            var lexer = JSONLexer(buffer)
            do throws(JSONLexer.SyntaxError) {
                lexer.skipWhitespace()
                let value = try build(&lexer, depth: 1)
                lexer.skipWhitespace()
                guard lexer.position == buffer.count else {
                    throw JSONLexer.SyntaxError(.textAfterValue, offset: lexer.position)
                }
                return .success(value)
            } catch {
                return .failure(location(buffer, error.offset, error.message))
            }
        }
        return try result.get()
    }

    fileprivate static func location(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ message: String) -> JSONValue.ParseError {
        var line = 1, column = 1
        for byte in buffer.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return JSONValue.ParseError(message: message, line: line, column: column)
    }

    fileprivate static func build(_ lexer: inout JSONLexer, depth: Int) throws(JSONLexer.SyntaxError) -> JSONValue {
        guard depth <= JSONLexer.maximumDepth else {
            throw JSONLexer.SyntaxError(.nestedTooDeeply, offset: lexer.position)
        }
        guard let first = lexer.peek() else {
            throw JSONLexer.SyntaxError(.truncatedTextValue, offset: lexer.position)
        }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = first == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            lexer.position += 1
            lexer.skipWhitespace()
            var items: [JSONValue] = []
            var members: [(key: String, value: JSONValue)] = []
            if lexer.peek() == close {
                lexer.position += 1
            } else {
                while true {
                    lexer.skipWhitespace()
                    var key = ""
                    if isObject {
                        guard lexer.peek() == UInt8(ascii: "\"") else {
                            throw JSONLexer.SyntaxError(.expectedFieldName, offset: lexer.position)
                        }
                        let (s, e, _) = try lexer.readString()
                        key = String(decoding: JSONLexer.unescape(lexer.bytes, from: s, to: e), as: UTF8.self)
                        lexer.skipWhitespace()
                        guard lexer.peek() == UInt8(ascii: ":") else {
                            throw JSONLexer.SyntaxError(.expectedColon, offset: lexer.position)
                        }
                        lexer.position += 1
                        lexer.skipWhitespace()
                    }
                    let value = try build(&lexer, depth: depth + 1)
                    if isObject { members.append((key, value)) } else { items.append(value) }
                    lexer.skipWhitespace()
                    guard let next = lexer.peek() else {
                        throw JSONLexer.SyntaxError(.truncatedText, offset: lexer.position)
                    }
                    lexer.position += 1
                    if next == close { break }
                    guard next == UInt8(ascii: ",") else {
                        throw JSONLexer.SyntaxError(.expectedCommaOr(Character(Unicode.Scalar(close))), offset: lexer.position - 1)
                    }
                }
            }
            return isObject ? .object(members) : .array(items)
        default:
            let (kind, start, end, _) = try lexer.readValue(depth: depth)
            switch kind {
            case .string:
                return .string(String(decoding: JSONLexer.unescape(lexer.bytes, from: start, to: end), as: UTF8.self))
            case .number:
                return .number(String(decoding: UnsafeBufferPointer(rebasing: lexer.bytes[start..<end]), as: UTF8.self))
            case .bool:
                return .bool(lexer.bytes[start] == UInt8(ascii: "t"))
            case .null, .object, .array:
                return .null
            }
        }
    }
}
