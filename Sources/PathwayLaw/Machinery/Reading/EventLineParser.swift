import PathwayMachinery
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
package struct EventLineParser {
    /// Where the members of known fields are kept, by field: allocated once per parser (and
    /// again by a copy of the parser before it parses, so that copies never share it).
    private var storage = SlotStorage()
    /// When set, the people are interned as lines are parsed (``PersonNames``).
    package var people: PersonNames?
    /// The sources the events parsed name (``SourceTally``).
    package var sources = SourceTally()
    /// Whether compact lines are read by ``LineMembers/readCompact(_:fields:keys:following:)`` before the
    /// general lexer; tests turn it off to compare the two.
    package var compactPath = true
    /// Whether a log's list reads the commonest lines by ``QuickLine`` first (tests turn it off
    /// to compare).
    package var quickPath = true
    /// The names of the fields, held here so that the hot path does not reach the static table
    /// through its lazy initialiser at every key.
    private let fields = Field.table
    private let keys = FieldKeys.all
    package init() {}

    /// Parses one line (without its line end); `hashing: false` skips the content hash (left
    /// zero) for readers that compute it only when an id repeats.
    package mutating func parse(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, hashing: Bool = true) -> Result<(Event, ContentHash), LineError> {
        switch parsed(line, lineNumber: lineNumber, hashing: hashing) {
        case .event(let event, let hash): return .success((event, hash))
        case .rejected(let error): return .failure(error)
        case .blank: preconditionFailure("the line parser never says a line is blank")
        }
    }

    /// The same, as the readers take it: never `.blank` (a blank line is the caller's to tell).
    /// A `Result` of a tuple is destroyed through the runtime's generic code, not inlined: 100
    /// instructions a line, 1.8 % of a replay.
    package mutating func parsed(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, hashing: Bool = true) -> LineParser.Parsed {
        switch lexed(line, lineNumber: lineNumber) {
        case .rejected(let error):
            return .rejected(error)
        case .read(let fields):
            do throws(LineError) {
                let event = try fields.event(people: &people)
                countSource(fields)
                return .event(event, hashing ? fields.contentHash() : ContentHash(a: 0, b: 0))
            } catch {
                return .rejected(error)
            }
        }
    }

    /// A line for a log's list, which keeps ids as bytes and people as numbers: the same checks
    /// as ``parsed(_:lineNumber:hashing:)``, in the same order, but no event built (nor
    /// destroyed: 100 instructions a line). The id's bytes, unescaped, are written to `ids`
    /// (room for the whole line is the caller's to give), and the person is known by number
    /// (`people.latest`, with ``people`` set). Never `.blank`. An `activity` or `appointment`
    /// line is read by ``QuickLine`` first, which reads only lines the checks accept.
    package mutating func listed(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, ids: UnsafeMutablePointer<UInt8>) -> LineParser.Listed {
        if quickPath, people != nil {
            if !isKnownUniquelyReferenced(&storage) { storage = SlotStorage() }
            if let quick = QuickLine.read(line, fields: fields, keys: keys, following: storage.following, dates: storage.dates) {
                // What ``FieldReader/listed(people:)`` and ``countSource(_:)`` do with the same
                // line: its person numbered (named the first time), its id's bytes copied, its
                // source counted.
                if people!.number(quick.person) == nil {
                    people!.add(quick.person, name: String(copyingUTF8: quick.person))
                }
                if let from = quick.id.baseAddress { ShortBytes.copy(from, to: ids, count: quick.id.count) }
                if quick.source.isEmpty { sources.withoutSource += 1 } else { sources.add(quick.source) }
                return .listed(quick.kind, quick.date, idBytes: quick.id.count)
            }
        }
        return listedByMembers(line, lineNumber: lineNumber, ids: ids)
    }

    /// The same, by the compact path or the general lexer: out of line, so that the quick path's
    /// call does not pay for their frame (its registers saved, its room on the stack), about 30
    /// instructions a line.
    @inline(never)
    private mutating func listedByMembers(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int,
                                          ids: UnsafeMutablePointer<UInt8>) -> LineParser.Listed {
        switch lexed(line, lineNumber: lineNumber) {
        case .rejected(let error):
            return .rejected(error)
        case .read(let fields):
            do throws(LineError) {
                let (date, kind) = try fields.listed(people: &people)
                let idBytes = fields.copyText(.id, to: ids)
                countSource(fields)
                return .listed(kind, date, idBytes: idBytes)
            } catch {
                return .rejected(error)
            }
        }
    }

    /// A line's members read, by the fast path or the lexer, and checked as JSON (its UTF-8, a
    /// key not repeated), before its fields are read: the part both kinds of reading share.
    private enum Lexed {
        case read(FieldReader)
        case rejected(LineError)
    }

    @inline(__always) private mutating func lexed(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Lexed {
        if !isKnownUniquelyReferenced(&storage) { storage = SlotStorage() }
        // Each member goes to its field's slot as it is read; a key seen twice rejects the
        // line once the whole line is known to be valid JSON. The UTF-8 is checked before any
        // other error is reported, on either path.
        var members = LineMembers(slots: storage.slots)
        // The fast path tells whether the line is ASCII as it reads it (`nil`: not read).
        let compact = compactPath ? members.readCompact(line, fields: fields, keys: keys, following: storage.following) : nil
        let ascii = compact ?? UTF8Check.isASCII(line)
        if !ascii, let bad = UTF8Check.firstInvalidOffset(line) {
            return .rejected(LineError(line: lineNumber, field: nil, byte: bad + 1, .invalidUTF8(byte: bad + 1)))
        }
        if compact == nil {
            members = LineMembers(slots: storage.slots)
            var lexer = JSONLexer(line)
            do {
                try lexer.readObject(into: &members)
            } catch {
                return .rejected(LineError(line: lineNumber, field: nil, byte: error.offset + 1, .invalidJSON(byte: error.offset + 1, error.problem)))
            }
        }
        if let field = members.repeated {
            return .rejected(LineError(line: lineNumber, field: field.name, .repeatedKey))
        }
        let fields = FieldReader(bytes: line, members: members, line: lineNumber, ascii: ascii, dates: storage.dates)
        if members.unknown.count > 1 {
            do throws(LineError) { try fields.checkNoRepeatedKeys() } catch { return .rejected(error) }
        }
        return .read(fields)
    }
}

extension EventLineParser {
    /// Counts the source the line names (``SourceTally``), once its event is read.
    private mutating func countSource(_ fields: FieldReader) {
        fields.sourceBytes { name in
            if let name { sources.add(name) } else { sources.withoutSource += 1 }
        }
    }

    /// Whether the fast path for compact lines reads `line` whole (for tests: the lines it
    /// declines are read by the general lexer, with the same result but more slowly).
    package static func readsCompactly(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let storage = SlotStorage()
        var members = LineMembers(slots: storage.slots)
        return members.readCompact(line, fields: Field.table, keys: FieldKeys.all, following: storage.following) != nil
    }
}

/// The slots of one parser: one member per known field, written before they are read. Only
/// the parser that holds the sole reference writes to them (see ``EventLineParser/parse``).
private final class SlotStorage: @unchecked Sendable {
    package let slots = UnsafeMutablePointer<JSONLexer.Member>.allocate(capacity: Field.allCases.count)
    /// The fast path's guess of the key after each field (``LineMembers/readCompact``): the
    /// field that followed it last time (`following[field.slot]`), or came first in a line
    /// (`following[Field.allCases.count]`); -1 for none.
    package let following: UnsafeMutablePointer<Int8>
    /// The latest `date` read, by its ten bytes (``FieldReader/eventDate()``).
    package let dates: UnsafeMutablePointer<DateMemo>

    package init() {
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
package struct DateMemo {
    /// Bytes 0–7 and 8–9 of the text (`2025-03-` and `03`; zero, which no date matches, when
    /// none yet).
    package var head: UInt64 = 0
    package var tail: UInt16 = 0
    package var date = CivilDate(dayNumber: 0)

    /// The date whose ten bytes start at `start`: the memo's when they are its bytes, else
    /// parsed and kept in the memo; `nil` when they are not a date.
    @inline(__always)
    package static func date(at start: UnsafePointer<UInt8>, memo: UnsafeMutablePointer<DateMemo>) -> CivilDate? {
        let raw = UnsafeRawPointer(start)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if head == memo.pointee.head && tail == memo.pointee.tail { return memo.pointee.date }
        guard case .valid(let date) = CivilDate.parse(UnsafeBufferPointer(start: start, count: 10)) else { return nil }
        memo.pointee = DateMemo(head: head, tail: tail, date: date)
        return date
    }
}
