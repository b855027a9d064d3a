/// Writes JSON straight into bytes without building a tree (the report's hot path), and
/// serialises ``JSONValue`` too, so there is one layout: pretty (two-space indentation,
/// `"key": value`, `{}` and `[]` when empty) or compact (one line, no spaces).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Per open container: whether it has an element yet.
    private var hasElement: [Bool] = []
    private var baseDepth: Int
    private let pretty: Bool

    /// A writer whose first value sits at `depth` (for fragments rendered apart, then joined).
    init(depth: Int = 0, capacity: Int = 1024, pretty: Bool = true) {
        baseDepth = depth
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    private var depth: Int { baseDepth + hasElement.count }

    @inline(__always) private mutating func indent(_ level: Int) {
        for _ in 0..<level { bytes.append(0x20); bytes.append(0x20) }
    }

    /// Comma, new line and indentation before an element of the open container.
    private mutating func separator() {
        guard let last = hasElement.indices.last else { return }
        if hasElement[last] { bytes.append(UInt8(ascii: ",")) }
        hasElement[last] = true
        guard pretty else { return }
        bytes.append(0x0A)
        indent(depth)
    }

    private mutating func open(_ byte: UInt8) {
        bytes.append(byte)
        hasElement.append(false)
    }

    private mutating func close(_ byte: UInt8) {
        let had = hasElement.removeLast()
        if had && pretty {
            bytes.append(0x0A)
            indent(depth)
        }
        bytes.append(byte)
    }

    private mutating func key(_ key: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        colon()
    }

    private mutating func colon() {
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
    }

    // MARK: Values

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        openObject()
        body(&self)
        closeObject()
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array(String(byte, radix: 16).utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")] + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex)
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A number already formatted (`646.52`), written as is.
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[n] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            for i in stride(from: n - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    mutating func date(_ value: CivilDate?) {
        guard let value else { return null() }
        let (y, m, d) = value.components
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(48 + y / 1000 % 10)); bytes.append(UInt8(48 + y / 100 % 10))
        bytes.append(UInt8(48 + y / 10 % 10)); bytes.append(UInt8(48 + y % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(48 + m / 10)); bytes.append(UInt8(48 + m % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(48 + d / 10)); bytes.append(UInt8(48 + d % 10))
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    mutating func null() { raw("null") }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): raw(n)
        case .string(let s): string(s)
        case .array(let items): array { w in for item in items { w.element { $0.value(item) } } }
        case .object(let members):
            object { w in
                for member in members {
                    w.separator()
                    w.string(member.key)
                    w.colon()
                    w.value(member.value)
                }
            }
        }
    }

    // MARK: Members and elements

    /// A member `"key": …` of the open object; `body` writes its value.
    mutating func field(_ name: StaticString, _ body: (inout JSONWriter) -> Void) {
        key(name)
        body(&self)
    }

    mutating func field(_ name: StaticString, string value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: StaticString, int value: Int) { key(name); int(value) }
    mutating func field(_ name: StaticString, date value: CivilDate?) { key(name); date(value) }
    mutating func field(_ name: StaticString, bool value: Bool) { key(name); bool(value) }

    /// A number already formatted, or `null`.
    mutating func field(_ name: StaticString, number value: String?) {
        key(name)
        if let value { raw(value) } else { null() }
    }

    mutating func field(_ name: StaticString, value: JSONValue) { key(name); self.value(value) }

    /// A member whose key is only known at run time.
    mutating func field(named name: String, _ body: (inout JSONWriter) -> Void) {
        separator()
        string(name)
        colon()
        body(&self)
    }

    /// Opens an object as the next value, for a caller that writes its members without a closure
    /// (``closeObject()`` closes it).
    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }

    /// Opens the array of member `name` of the open object (``closeArray()`` closes it).
    mutating func openArray(key name: StaticString) {
        key(name)
        open(UInt8(ascii: "["))
    }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// The bytes written so far, handed over; the writer goes on with an empty buffer (same
    /// capacity), its open containers unchanged.
    mutating func take() -> [UInt8] {
        var fresh: [UInt8] = []
        fresh.reserveCapacity(bytes.capacity)
        swap(&fresh, &bytes)
        return fresh
    }

    /// An element of the open array; `body` writes it.
    mutating func element(_ body: (inout JSONWriter) -> Void) {
        separator()
        body(&self)
    }

    /// An element rendered apart by a writer created with this writer's depth.
    mutating func element(rendered: [UInt8]) {
        separator()
        bytes.append(contentsOf: rendered)
    }

    /// The depth a separately rendered element of the open container must be created with.
    var elementDepth: Int { depth }
}
