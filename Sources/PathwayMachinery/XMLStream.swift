/// A streaming reader of XML bytes, fed chunk by chunk, for the CAF/MSA flows: files of
/// hundreds of MB are read in pieces, never whole. It knows what those flows use: the prolog
/// (and its `encoding`), elements with or without attributes, text, the five predefined
/// entities and character references, comments, CDATA and a DOCTYPE to skip. It reports an
/// error with its byte and line instead of guessing.
///
/// Only the element names and the text the consumer asks for are decoded; names and
/// identities the audit never needs are skipped as bytes.
package struct XMLStream {
    /// What the reader found, handed to the consumer.
    package enum Piece {
        /// An element opens: its tag (the index of its name in the vocabulary, or -1).
        case start(tag: Int, line: Int)
        case end(tag: Int)
        /// The text of the element just opened (its entities resolved), as decoded bytes.
        case text(String)
    }

    /// Why the bytes are not a flow that can be read.
    package struct Failure: Error, Equatable, CustomStringConvertible {
        package var message: String
        /// 1-based line and byte offset (from the start of the file) where it was found.
        package var line: Int
        package var byte: Int
        package var description: String { "line \(line) (byte \(byte)): \(message)" }

        package init(message: String, line: Int, byte: Int) {
            self.message = message
            self.line = line
            self.byte = byte
        }
    }

    /// The encodings a flow may declare.
    package enum Encoding: Equatable {
        case utf8, windows1252, latin1

        package init?(declared name: String) {
            switch name.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "windows-1252", "cp1252", "x-cp1252": self = .windows1252
            case "iso-8859-1", "latin1", "iso-8859-15", "latin-9": self = .latin1
            default: return nil
            }
        }
    }

    package private(set) var encoding: Encoding = .utf8
    private var declared = false
    private var pending: [UInt8] = []
    /// Bytes consumed before `pending`, and the lines they held.
    private var consumed = 0
    private var lines = 1
    /// The open elements' name hashes, and their tags (for messages).
    private var open: [UInt64] = []
    private var openTags: [Int] = []
    /// The names of elements outside the vocabulary, by hash, kept the first time each is met
    /// (a flow uses a few dozen): messages name elements as the flow writes them.
    private var otherNames: [UInt64: String] = [:]
    private var sawRoot = false
    /// The names the consumer knows, by the hash of their bytes.
    private let vocabulary: [[UInt8]]
    private let names: [String]
    /// Open addressing by the hash's top byte: (hash, tag) or (0, -1) for an empty slot. A
    /// dictionary would hash each name again with SipHash, a tenth of an import's time.
    /// Names outside the vocabulary are kept there too, the first time each is met, as (hash,
    /// -2), with their text in `otherNames` for messages: a flow's names are looked up without
    /// hashing them twice.
    private var slots = [(UInt64, Int)](repeating: (0, -1), count: XMLStream.slotMask + 1)
    private static let slotMask = 8_191
    private static let slotShift: UInt64 = 51
    /// Whether each known tag's text is wanted.
    private let wanted: [Bool]

    /// A reader that tells `vocabulary`'s names apart (each piece carries a name's index) and
    /// reports the text of the elements named in `textOf`.
    package init(vocabulary: [String], textOf: Set<String>) {
        names = vocabulary
        self.vocabulary = vocabulary.map { Array($0.utf8) }
        wanted = vocabulary.map { textOf.contains($0) }
        for (index, name) in self.vocabulary.enumerated() {
            var h = Self.seed
            for b in name { h = (h ^ UInt64(b)) &* Self.prime }
            var slot = Int(h >> Self.slotShift)
            while slots[slot].1 != -1 { slot = (slot + 1) & Self.slotMask }
            slots[slot] = (h, index)
        }
    }

    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The name of a known tag, for messages.
    package func name(of tag: Int) -> String { tag >= 0 && tag < names.count ? names[tag] : "?" }

    /// The name of the open element at depth `k`, as the flow writes it.
    private func openName(_ k: Int) -> String {
        openTags[k] >= 0 ? name(of: openTags[k]) : otherNames[open[k]] ?? "?"
    }
    /// Whether the element open last wants its text (kept across chunks).
    private var textWanted = false


    /// Reads `chunk` (the next bytes of the file); `last` when it is the end. `body` receives each
    /// piece in order; text is reported only for the elements `wantsText` names.
    package mutating func feed(_ chunk: [UInt8], last: Bool, _ body: (Piece) throws(Failure) -> Void) throws(Failure) {
        if pending.isEmpty { pending = chunk } else { pending.append(contentsOf: chunk) }
        let all = pending
        var result: Result<Int, Failure> = .success(0)
        all.withUnsafeBufferPointer { bytes in
            do throws(Failure) {
                result = .success(try scan(bytes, last: last, body))
            } catch {
                result = .failure(error)
            }
        }
        let i = try result.get()
        consumed += i
        pending = i < all.count ? Array(all[i...]) : []
        if last {
            if !openTags.isEmpty { throw Failure(message: "le flux finit avec <\(openName(openTags.count - 1))> encore ouvert (flux tronqué ?)", line: lines, byte: consumed + 1) }
            if !sawRoot { throw Failure(message: "aucun élément XML : pas un flux CAF/MSA", line: lines, byte: consumed + 1) }
        }
    }

    /// Reads what `bytes` holds whole and returns how many bytes were read.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, last: Bool,
                               _ body: (Piece) throws(Failure) -> Void) throws(Failure) -> Int {
        var i = 0
        let n = bytes.count
        // A UTF-8 byte-order mark before the prolog is accepted, as every XML reader does.
        if consumed == 0 && !sawRoot && n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        if consumed == 0 && n < 3 && !last && bytes.first == 0xEF { return 0 } // the mark cut by the chunk
        var line = lines
        // What a failure needs, taken apart from `self` (a closure that read `self` made scan
        // copy the whole reader, a twentieth of an import's time).
        let (firstLine, base) = (lines, consumed)
        func newlines(_ from: Int, _ to: Int) { for k in from..<min(to, n) where bytes[k] == 0x0A { line += 1 } }
        func failure(_ message: String, at index: Int) -> Failure {
            var at = firstLine
            for k in 0..<min(index, n) where bytes[k] == 0x0A { at += 1 }
            return Failure(message: message, line: at, byte: base + index + 1)
        }
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            guard pattern.count <= n else { return nil }
            var k = start
            while k + pattern.count <= n {
                if bytes[k] == pattern[0] {
                    var match = true
                    for j in 1..<pattern.count where bytes[k + j] != pattern[j] { match = false; break }
                    if match { return k }
                }
                k += 1
            }
            return nil
        }
        scan: while i < n {
            if bytes[i] != UInt8(ascii: "<") {
                // Text up to the next tag.
                var j = i
                var breaks = 0
                while j < n && bytes[j] != UInt8(ascii: "<") {
                    if bytes[j] == 0x0A { breaks += 1 }
                    j += 1
                }
                if j == n && !last { break scan }
                line += breaks
                if textWanted, !open.isEmpty {
                    let text = try decodeText(bytes, i, j, failure: failure)
                    try body(.text(text))
                } else if open.isEmpty {
                    for k in i..<j where !Self.isSpace(bytes[k]) {
                        throw failure(sawRoot ? "du texte après l'élément racine" : "du texte avant l'élément racine", at: k)
                    }
                } else if encoding == .utf8 {
                    // Even skipped text must be valid in the declared encoding.
                    if let bad = Self.firstInvalidUTF8(bytes, i, j) {
                        throw failure(declared ? "UTF-8 invalide" : "UTF-8 invalide : le flux ne déclare pas d'encodage, et celui de XML par défaut est l'UTF-8 (un flux windows-1252 doit le dire dans son prologue)", at: bad)
                    }
                }
                i = j
                continue
            }
            // A tag, a declaration, a comment or a CDATA section.
            guard i + 1 < n else { if last { throw failure("fin du flux inattendue au milieu d'une balise", at: i) }; break scan }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") {
                guard let end = find(Array("?>".utf8), from: i + 2) else {
                    if last { throw failure("instruction de traitement non terminée", at: i) }
                    break scan
                }
                if !declared && consumed + i == 0 || (!declared && !sawRoot) {
                    let text = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                    if text.hasPrefix("xml") {
                        if let name = Self.attribute("encoding", in: text) {
                            declared = true
                            guard let found = Encoding(declared: name) else {
                                throw failure("encodage inconnu « \(name) » (UTF-8, windows-1252 ou ISO-8859-1 attendu)", at: i)
                            }
                            encoding = found
                        }
                    }
                }
                newlines(i, end)
                i = end + 2
                continue
            }
            if next == UInt8(ascii: "!") {
                if i + 3 < n, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    guard let end = find(Array("-->".utf8), from: i + 4) else {
                        if last { throw failure("commentaire non terminé", at: i) }
                        break scan
                    }
                    newlines(i, end)
                    i = end + 3
                    continue
                }
                if i + 8 < n, Array(bytes[(i + 2)..<(i + 9)]) == Array("[CDATA[".utf8) {
                    guard let end = find(Array("]]>".utf8), from: i + 9) else {
                        if last { throw failure("unterminated CDATA section", at: i) }
                        break scan
                    }
                    if textWanted { try body(.text(try decode(Array(bytes[(i + 9)..<end]), at: i, failure: failure))) }
                    newlines(i, end)
                    i = end + 3
                    continue
                }
                guard let end = find([UInt8(ascii: ">")], from: i + 2) else {
                    if last { throw failure("déclaration non terminée", at: i) }
                    break scan
                }
                newlines(i, end)
                i = end + 1
                continue
            }
            // An element's start or end. Its name is read (and hashed) first; the usual tag ends
            // right after it (`<NAME>`, `</NAME>`, `<NAME/>`), with no quote and no line end to
            // look for. Otherwise its closing '>' is found outside quotes, its line ends counted
            // on the way.
            let nameStart = next == UInt8(ascii: "/") ? i + 2 : i + 1
            let (hash, tag, length) = identify(bytes, nameStart, n)
            let nameEnd = nameStart + length
            var j = nameEnd
            var tagBreaks = 0
            var selfClosing = false
            if j < n && bytes[j] == UInt8(ascii: ">") {
                // `<NAME>` or `</NAME>`.
            } else if j + 1 < n && bytes[j] == UInt8(ascii: "/") && bytes[j + 1] == UInt8(ascii: ">") && next != UInt8(ascii: "/") {
                j += 1
                selfClosing = true
            } else {
                var quote: UInt8 = 0
                while j < n {
                    let b = bytes[j]
                    if b == 0x0A { tagBreaks += 1 }
                    if quote != 0 { if b == quote { quote = 0 } } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b } else if b == UInt8(ascii: ">") { break }
                    j += 1
                }
                selfClosing = j < n && next != UInt8(ascii: "/") && bytes[j - 1] == UInt8(ascii: "/")
            }
            guard j < n else {
                if last { throw failure("fin du flux inattendue au milieu d'une balise (flux tronqué ?)", at: i) }
                break scan
            }
            if next == UInt8(ascii: "/") {
                guard let top = open.last else { throw failure("balise fermante </\(Self.text(bytes, i + 2, j))> sans élément ouvert", at: i) }
                guard top == hash else {
                    throw failure("balise fermante </\(Self.text(bytes, i + 2, j))> là où </\(openName(openTags.count - 1))> était attendue", at: i)
                }
                open.removeLast()
                openTags.removeLast()
                textWanted = false
                try body(.end(tag: tag))
            } else {
                guard length > 0 else { throw failure("un élément sans nom", at: i) }
                // After the name, attributes only (`name="value"`): `<Identification 2730799404078>`
                // is not XML.
                if i + 1 + length < (selfClosing ? j - 1 : j), !Self.attributesAreWellFormed(bytes, i + 1 + length, selfClosing ? j - 1 : j) {
                    throw failure("une balise mal formée <\(Self.text(bytes, i + 1, j))> (après le nom de l'élément, seulement des attributs nom=\"valeur\")", at: i)
                }
                if tag < 0 { remember(hash, bytes, i + 1, i + 1 + length) }
                if open.isEmpty && sawRoot { throw failure("un second élément racine <\(Self.text(bytes, i + 1, j))>", at: i) }
                sawRoot = true
                try body(.start(tag: tag, line: line))
                if selfClosing {
                    try body(.end(tag: tag))
                    textWanted = false
                } else {
                    open.append(hash)
                    openTags.append(tag)
                    textWanted = tag >= 0 && wanted[tag]
                }
            }
            line += tagBreaks
            i = j + 1
        }
        // What was not read waits for the next chunk.
        lines = line
        return i
    }

    /// Keeps the name of an element outside the vocabulary the first time it is met (up to
    /// 4,096 names), for messages.
    private mutating func remember(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        var slot = Int(h >> Self.slotShift)
        while slots[slot].1 != -1 {
            if slots[slot].0 == h && slots[slot].1 == -2 { return }
            slot = (slot + 1) & Self.slotMask
        }
        guard otherNames.count < 4_096 else { return }
        slots[slot] = (h, -2)
        otherNames[h] = Self.text(bytes, from, to)
    }

    /// The hash of a tag's name (up to the first space, '/' or '>'), its index in the vocabulary (-1 when
    /// unknown) and its length.
    @inline(__always)
    private func identify(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (UInt64, Int, Int) {
        var end = from
        var h = Self.seed
        while end < to {
            let b = bytes[end]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") { break }
            h = (h ^ UInt64(b)) &* Self.prime
            end += 1
        }
        var slot = Int(h >> Self.slotShift)
        var found = -1
        while slots[slot].1 != -1 {
            if slots[slot].0 == h && slots[slot].1 >= 0 { found = slots[slot].1; break }
            slot = (slot + 1) & Self.slotMask
        }
        let tag = found
        guard tag >= 0, vocabulary[tag].count == end - from else { return (h, -1, end - from) }
        for k in 0..<(end - from) where vocabulary[tag][k] != bytes[from + k] { return (h, -1, end - from) }
        return (h, tag, end - from)
    }

    /// Whether `bytes[from..<to]` (what follows an element's name in its start tag) is white
    /// space and attributes `name="value"` or `name='value'`.
    private static func attributesAreWellFormed(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var k = from
        func skipSpace() { while k < to && isSpace(bytes[k]) { k += 1 } }
        while true {
            let before = k
            skipSpace()
            if k >= to { return true }
            guard k > before else { return false } // an attribute follows white space
            let nameStart = k
            while k < to && !isSpace(bytes[k]) && bytes[k] != UInt8(ascii: "=") && bytes[k] != UInt8(ascii: "\"") && bytes[k] != UInt8(ascii: "'") { k += 1 }
            guard k > nameStart else { return false }
            // A name starts with a letter, `_` or `:` (or a byte of a non-ASCII letter).
            let first = bytes[nameStart]
            guard first >= 0x80 || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                    || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else { return false }
            skipSpace()
            guard k < to, bytes[k] == UInt8(ascii: "=") else { return false }
            k += 1
            skipSpace()
            guard k < to, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") else { return false }
            let quote = bytes[k]
            k += 1
            while k < to && bytes[k] != quote { k += 1 }
            guard k < to else { return false }
            k += 1
        }
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    // MARK: Pieces

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }


    /// The value of `name="…"` in a declaration.
    private static func attribute(_ name: String, in text: String) -> String? {
        let chars = Array(text.unicodeScalars)
        let key = Array((name + "=").unicodeScalars)
        var k = 0
        while k + key.count < chars.count {
            if Array(chars[k..<(k + key.count)]) == key {
                let quote = chars[k + key.count]
                guard quote == "\"" || quote == "'" else { return nil }
                var end = k + key.count + 1
                while end < chars.count && chars[end] != quote { end += 1 }
                return String(String.UnicodeScalarView(chars[(k + key.count + 1)..<end]))
            }
            k += 1
        }
        return nil
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int? {
        var k = from
        while k < to {
            let b = bytes[k]
            if b < 0x80 { k += 1; continue }
            let count = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            guard count > 0, k + count <= to else { return k }
            for j in 1..<count where bytes[k + j] & 0xC0 != 0x80 { return k }
            k += count
        }
        return nil
    }

    private func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                            failure: (String, Int) -> Failure) throws(Failure) -> String {
        var plain = true
        for k in from..<to where bytes[k] == UInt8(ascii: "&") || bytes[k] >= 0x80 { plain = false; break }
        if plain { return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self) }
        var raw: [UInt8] = []
        raw.reserveCapacity(to - from)
        var k = from
        while k < to {
            let b = bytes[k]
            guard b == UInt8(ascii: "&") else { raw.append(b); k += 1; continue }
            var e = k + 1
            while e < to && bytes[e] != UInt8(ascii: ";") && e - k < 12 { e += 1 }
            guard e < to, bytes[e] == UInt8(ascii: ";") else { throw failure("un « & » qui ne commence aucune entité", k) }
            let entity = String(decoding: bytes[(k + 1)..<e], as: UTF8.self)
            switch entity {
            case "amp": raw.append(UInt8(ascii: "&"))
            case "lt": raw.append(UInt8(ascii: "<"))
            case "gt": raw.append(UInt8(ascii: ">"))
            case "quot": raw.append(UInt8(ascii: "\""))
            case "apos": raw.append(UInt8(ascii: "'"))
            default:
                let digits = entity.dropFirst(entity.hasPrefix("#x") ? 2 : 1)
                guard entity.hasPrefix("#"), let code = UInt32(digits, radix: entity.hasPrefix("#x") ? 16 : 10),
                      let scalar = Unicode.Scalar(code) else { throw failure("entité inconnue &\(entity);", k) }
                raw.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            k = e + 1
        }
        return try decode(raw, at: from, failure: failure)
    }

    /// Text in the flow's encoding, as a string.
    private func decode(_ raw: [UInt8], at index: Int, failure: (String, Int) -> Failure) throws(Failure) -> String {
        // ASCII reads the same in every encoding (codes, dates and amounts are).
        if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
        switch encoding {
        case .utf8:
            if let bad = raw.withUnsafeBufferPointer({ Self.firstInvalidUTF8($0, 0, $0.count) }) {
                throw failure(declared ? "UTF-8 invalide" : "UTF-8 invalide : le flux ne déclare pas d'encodage, et celui de XML par défaut est l'UTF-8 (un flux windows-1252 doit le dire dans son prologue)", index + bad)
            }
            return String(decoding: raw, as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
        case .windows1252:
            return TextDecoding.windows1252(raw)
        }
    }
}

/// Text in the single-byte encodings départements' files use.
package enum TextDecoding {
    /// Bytes 0x80–0x9F of windows-1252 (the rest is ISO-8859-1); the five undefined ones map to
    /// themselves, as the WHATWG encoding standard does.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    package static func windows1252(_ bytes: some Sequence<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let code = b >= 0x80 && b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)
            if let scalar = Unicode.Scalar(code) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// Whether `bytes` are valid UTF-8 throughout.
    package static func isUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }
}

/// Text written by older tools, turned into UTF-8 for the reader.
public enum LegacyText {
    /// Windows-1252 bytes as UTF-8.
    public static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        Array(TextDecoding.windows1252(bytes).utf8)
    }
}
