import PathwayMachinery
/// Writes JSON straight into bytes without building a tree (the report's hot path), and
/// serialises ``JSONValue`` too, so there is one layout: pretty (two-space indentation,
/// `"key": value`, `{}` and `[]` when empty) or compact (one line, no spaces).
///
/// The bytes go to a ``ByteBuffer`` the writer owns: a write checks the room once, then stores
/// its bytes. The writer cannot be copied, so no two writers ever share the buffer.
package struct JSONWriter: ~Copyable {
    private var buffer: ByteBuffer
    /// Per open container, one bit (the lowest for the innermost): whether it has an element
    /// yet. Containers nest 64 deep at most.
    private var hasElement: UInt64 = 0
    private var open = 0
    private var baseDepth: Int
    private let pretty: Bool

    /// A writer whose first value sits at `depth` (for fragments rendered apart, then joined).
    package init(depth: Int = 0, capacity: Int = 1024, pretty: Bool = true) {
        baseDepth = depth
        self.pretty = pretty
        buffer = ByteBuffer(capacity: capacity)
    }

    /// Bytes written so far.
    package var count: Int { buffer.count }

    /// The bytes written so far, copied.
    package var bytes: [UInt8] { buffer.withBytes { Array($0) } }

    private var depth: Int { baseDepth + open }

    /// The depth of the open container's elements: a writer created with it renders a run of
    /// them apart (``runElement(first:_:)``).
    package var elementDepth: Int { depth }

    @inline(__always) private mutating func reserve(_ n: Int) { buffer.reserve(n) }
    @inline(__always) private mutating func put(_ byte: UInt8) { buffer.append(byte) }
    @inline(__always) private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(bytes) }

    @inline(__always) private mutating func append(_ text: StaticString) {
        text.withBytes { append($0) }
    }

    /// Counts an element of the open container: whether a comma goes before it (it is not the
    /// first); `nil` outside any container.
    @inline(__always) private mutating func nextElement() -> Bool? {
        guard open > 0 else { return nil }
        let comma = hasElement & 1 != 0
        hasElement |= 1
        return comma
    }

    /// Comma, new line and indentation before an element of the open container; `more` bytes
    /// to follow are reserved with them.
    @inline(__always) private mutating func separator(reserving more: Int = 0) {
        guard let comma = nextElement() else { return reserve(more) }
        lineBreak(comma: comma, reserving: more)
    }

    /// A comma if asked, then (when pretty) a new line indented to the current depth; `more`
    /// bytes to follow are reserved with them.
    @inline(__always) private mutating func lineBreak(comma: Bool, reserving more: Int = 0) {
        let spaces = pretty ? 2 * depth : 0
        reserve(2 + spaces + JSONWriter.slack + more)
        let pretty = pretty
        buffer.store { out in JSONWriter.lineBreak(at: out, comma: comma, pretty: pretty, spaces: spaces) }
    }

    /// Bytes reserved beyond those written, for the indentation's word-wide stores.
    @inline(__always) private static var slack: Int { 8 }

    /// Writes the comma, new line and indentation of ``lineBreak(comma:reserving:)`` at `out`,
    /// with ``slack`` bytes of room beyond them, and returns how many it wrote. Through one
    /// pointer, the indentation eight spaces at a time: stored byte by byte through the buffer,
    /// each byte reloaded the buffer's count (a byte's store may write any memory), and the
    /// spaces went through `memset`.
    @inline(__always) private static func lineBreak(at out: UnsafeMutablePointer<UInt8>, comma: Bool, pretty: Bool,
                                                     spaces: Int) -> Int {
        var p = out
        if comma { p.pointee = UInt8(ascii: ","); p += 1 }
        guard pretty else { return p - out }
        p.pointee = 0x0A
        p += 1
        let raw = UnsafeMutableRawPointer(p)
        var i = 0
        while i < spaces {
            raw.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: i, as: UInt64.self)
            i += 8
        }
        return p + spaces - out
    }

    @inline(__always) private mutating func open(_ byte: UInt8) {
        put(byte)
        precondition(open < 64, "JSON nested deeper than 64")
        hasElement <<= 1
        open += 1
    }

    @inline(__always) private mutating func close(_ byte: UInt8) {
        let had = hasElement & 1 != 0
        hasElement >>= 1
        open -= 1
        if had { lineBreak(comma: false) }
        put(byte)
    }

    /// `"key": ` after the separator, written in one step.
    @inline(__always) private mutating func key(_ key: StaticString) {
        key.withBytes { self.key(utf8: $0) }
    }

    /// The same, from the key's bytes, which need no escape: the separator, the quoted name and
    /// the colon written through one pointer (``lineBreak(at:comma:pretty:spaces:)``).
    @inline(__always) private mutating func key(utf8 name: UnsafeBufferPointer<UInt8>) {
        let comma = nextElement()
        let spaces = comma != nil && pretty ? 2 * depth : 0
        let count = name.count
        reserve(2 + spaces + JSONWriter.slack + count + 4)
        let pretty = pretty
        buffer.store { out in
            var p = out
            if let comma { p += JSONWriter.lineBreak(at: p, comma: comma, pretty: pretty, spaces: spaces) }
            p.pointee = UInt8(ascii: "\"")
            p += 1
            if let source = name.baseAddress { ShortBytes.copy(source, to: p, count: count) }
            p += count
            p[0] = UInt8(ascii: "\"")
            p[1] = UInt8(ascii: ":")
            p += 2
            if pretty { p.pointee = 0x20; p += 1 }
            return p - out
        }
    }

    private mutating func colon() {
        put(UInt8(ascii: ":"))
        if pretty { put(0x20) }
    }

    // MARK: Values

    @inline(__always) package mutating func object(_ body: (inout JSONWriter) -> Void) {
        openObject()
        body(&self)
        closeObject()
    }

    @inline(__always) package mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    @inline(__always) package mutating func string(_ value: String) {
        // Read where it lies (a native string's bytes are contiguous): a mutable copy for
        // `withUTF8` counted a reference, on a string often shared by both threads (a rule's
        // citations, in each of its findings).
        if value.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) != nil { return }
        var value = value
        value.withUTF8 { string(utf8: $0) }
    }

    /// A string given as its UTF-8 bytes, escaped as JSON requires.
    @inline(__always) package mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        let count = utf8.count
        reserve(count + 2)
        guard JSONWriter.needsEscape(utf8) else {
            // Quotes and bytes through one pointer; a short string (an id, a code) copied
            // without a call to `memcpy`.
            buffer.store { out in
                out.pointee = UInt8(ascii: "\"")
                if let source = utf8.baseAddress {
                    if count <= 32 {
                        ShortBytes.copy(source, to: out + 1, count: count)
                    } else {
                        (out + 1).initialize(from: source, count: count)
                    }
                }
                out[count + 1] = UInt8(ascii: "\"")
                return count + 2
            }
            return
        }
        buffer.store(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0..<0x20:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                put(hex.utf8Start[Int(byte >> 4)])
                put(hex.utf8Start[Int(byte & 0xF)])
            default: put(byte)
            }
        }
        put(UInt8(ascii: "\""))
    }

    /// A string whose bytes `write` adds to the end of the writer's own buffer (a finding's
    /// message written piece by piece, ``ShortfallMessage``): no buffer of its own, no copy.
    /// The bytes are checked for escapes once written; the rare string that needs them is
    /// taken back and written again, escaped.
    package mutating func string(writtenBy write: (inout ByteBuffer) -> Void) {
        reserve(1)
        buffer.store(UInt8(ascii: "\""))
        let start = buffer.count
        write(&buffer)
        let escaped = buffer.withBytes { JSONWriter.needsEscape(UnsafeBufferPointer(rebasing: $0[start...])) }
        guard !escaped else {
            let written = buffer.withBytes { Array($0[start...]) }
            buffer.removeAll(after: start - 1)
            written.withUnsafeBufferPointer { string(utf8: $0) }
            return
        }
        put(UInt8(ascii: "\""))
    }

    /// Whether a string holds a `"`, a `\` or a control byte (sixteen bytes at a time, then
    /// eight, then one).
    @inline(__always) package static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(start)
        var i = 0
        while i + 16 <= utf8.count {
            let lanes = JSONLexer.specialLanes(raw, at: i)
            if lanes.first | lanes.second != 0 { return true }
            i += 16
        }
        while i + 8 <= utf8.count {
            if JSONLexer.specialBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) != 0 { return true }
            i += 8
        }
        while i < utf8.count {
            let byte = start[i]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            i += 1
        }
        return false
    }

    /// A number already formatted (`646.52`), written as is.
    package mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inline(__always) package mutating func int(_ value: Int) { fixed(Int64(value), scale: 0, trimZeros: false) }

    /// Hours in their shortest decimal form (`17.5`, `15`), as ``Hours/description``.
    @inline(__always) package mutating func hours(_ value: Hours) { fixed(Int64(value.hundredths), scale: 2, trimZeros: true) }

    /// `value / 10^scale` in decimal (``FixedPoint/format(_:scale:trimZeros:)``), with no string
    /// built.
    @inline(__always) package mutating func fixed(_ value: Int64, scale: Int, trimZeros: Bool) {
        reserve(FixedPoint.maximumLength(scale: scale))
        buffer.store { FixedPoint.write(value, scale: scale, trimZeros: trimZeros, to: $0) }
    }

    @inline(__always) package mutating func date(_ value: CivilDate?) {
        guard let value else { return null() }
        let (y, m, d) = value.components
        guard (0...9999).contains(y) else { return string(value.description) }
        reserve(12)
        buffer.store { out in
            out[0] = UInt8(ascii: "\"")
            CivilDate.writeDigits(y, m, d, to: out + 1)
            out[11] = UInt8(ascii: "\"")
            return 12
        }
    }

    /// `"2026-W01"` (``ISOWeek/description``), with no string built.
    package mutating func week(_ value: ISOWeek) {
        guard (1000...9999).contains(value.year), (0...99).contains(value.week) else { return string(value.description) }
        reserve(10)
        buffer.store { out in
            out[0] = UInt8(ascii: "\"")
            var year = value.year
            for i in stride(from: 4, through: 1, by: -1) {
                out[i] = UInt8(ascii: "0") + UInt8(year % 10)
                year /= 10
            }
            out[5] = UInt8(ascii: "-")
            out[6] = UInt8(ascii: "W")
            out[7] = UInt8(ascii: "0") + UInt8(value.week / 10)
            out[8] = UInt8(ascii: "0") + UInt8(value.week % 10)
            out[9] = UInt8(ascii: "\"")
            return 10
        }
    }

    @inline(__always) package mutating func bool(_ value: Bool) { append(value ? "true" : "false") }
    @inline(__always) package mutating func null() { append("null") }

    package mutating func value(_ value: JSONValue) {
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
    @inline(__always) package mutating func field(_ name: StaticString, _ body: (inout JSONWriter) -> Void) {
        key(name)
        body(&self)
    }

    @inline(__always) package mutating func field(_ name: StaticString, string value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    @inline(__always) package mutating func field(_ name: StaticString, int value: Int) { key(name); int(value) }
    @inline(__always) package mutating func field(_ name: StaticString, date value: CivilDate?) { key(name); date(value) }
    @inline(__always) package mutating func field(_ name: StaticString, bool value: Bool) { key(name); bool(value) }

    /// Hours in their shortest decimal form (`17.5`, `15`), or `null`.
    @inline(__always) package mutating func field(_ name: StaticString, hours value: Hours?) {
        key(name)
        if let value { hours(value) } else { null() }
    }

    /// Euros with two decimals (`646.52`), or `null`.
    @inline(__always) package mutating func field(_ name: StaticString, euros value: Cents?) {
        key(name)
        if let value { fixed(value.value, scale: 2, trimZeros: false) } else { null() }
    }

    /// A rate given per mille, as a decimal (`0.815`), or `null`.
    @inline(__always) package mutating func field(_ name: StaticString, perMille value: Int?) {
        key(name)
        if let value { fixed(Int64(value), scale: 3, trimZeros: true) } else { null() }
    }

    @inline(__always) package mutating func field(_ name: StaticString, value: JSONValue) { key(name); self.value(value) }

    /// A member whose value is given as the bytes of its JSON, already written (a string with
    /// its quotes and escapes): copied as they are.
    @inline(__always) package mutating func field(_ name: StaticString, json bytes: [UInt8]) {
        key(name)
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// A member whose value is an array with an object for each of `elements`, whose members
    /// `body` writes.
    @inline(__always) package mutating func field<Element>(_ name: StaticString, objects elements: [Element],
                                         _ body: (Element, inout JSONWriter) -> Void) {
        key(name)
        array { w in
            for element in elements { w.element { w in w.object { w in body(element, &w) } } }
        }
    }

    /// A member whose key is only known at run time, as bytes that need no escape (a name of
    /// the log's schema): written as a static key is, where a `String` key is written as a string
    /// value (five times as long).
    @inline(__always) package mutating func field(named name: [UInt8], _ body: (inout JSONWriter) -> Void) {
        name.withUnsafeBufferPointer { name in
            precondition(!JSONWriter.needsEscape(name), "a key that needs escaping")
            key(utf8: name)
        }
        body(&self)
    }

    /// A member whose key is only known at run time.
    @inline(__always) package mutating func field(named name: String, _ body: (inout JSONWriter) -> Void) {
        separator()
        string(name)
        colon()
        body(&self)
    }

    /// Opens an object as the next value, for a caller that writes its members without a closure
    /// (``closeObject()`` closes it).
    @inline(__always) package mutating func openObject() { open(UInt8(ascii: "{")) }
    @inline(__always) package mutating func closeObject() { close(UInt8(ascii: "}")) }

    /// Opens the array of member `name` of the open object (``closeArray()`` closes it).
    @inline(__always) package mutating func openArray(key name: StaticString) {
        key(name)
        open(UInt8(ascii: "["))
    }
    @inline(__always) package mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Hands the bytes written so far to `body` (valid during the call only), then empties the
    /// writer, keeping its room and its open containers.
    package mutating func flush(to body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard count > 0 else { return }
        buffer.withBytes(body)
        buffer.removeAll()
    }

    /// The bytes written, handed over with their buffer: no copy (a report's runs are rendered
    /// on one thread and written out by another).
    package consuming func finish() -> WrittenBytes { buffer.finish() }

    /// An element of the open array; `body` writes it.
    @inline(__always) package mutating func element(_ body: (inout JSONWriter) -> Void) {
        separator()
        body(&self)
    }

    /// One of a run of elements rendered apart, by a writer created with the depth of their
    /// array and holding nothing else: the new line and indentation the array would have
    /// written before it, after a comma unless it is the run's `first`, then the element that
    /// `body` writes.
    package mutating func runElement(first: Bool, _ body: (inout JSONWriter) -> Void) {
        precondition(open == 0, "a run of elements is written outside any container")
        lineBreak(comma: !first)
        body(&self)
    }

    /// Bytes already rendered, written as they are (an element into a run, see
    /// ``runElement(first:_:)``, or a run into its array).
    package mutating func rendered(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(bytes)
    }

    /// The same, from an array.
    package mutating func rendered(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Opens a run of `count` bytes of elements of the open array that its caller writes (made
    /// by ``runElement(first:_:)``): the comma after the array's earlier elements, if any.
    /// `false` for an empty run.
    package mutating func openRun(count: Int) -> Bool {
        precondition(open > 0)
        guard count > 0 else { return false }
        if nextElement() == true { put(UInt8(ascii: ",")) }
        return true
    }
}

