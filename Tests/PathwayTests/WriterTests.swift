import Foundation
import Testing
@testable import Pathway
@testable import PathwayLaw

@Suite("JSON writer and string table")
struct WriterTests {
    @Test("strings are escaped where JSON requires it, wherever the byte falls in a word of eight")
    func escapes() {
        #expect(JSONValue.string("plain ascii and é, €").serialized() == #""plain ascii and é, €""#)
        #expect(JSONValue.string("0123456789abcdef\"").serialized() == #""0123456789abcdef\"""#)
        #expect(JSONValue.string("a\\b").serialized() == #""a\\b""#)
        #expect(JSONValue.string("line\nnext\r\tend").serialized() == #""line\nnext\r\tend""#)
        #expect(JSONValue.string("bell\u{07} unit\u{1F} nul\u{00}").serialized() == #""bell\u0007 unit\u001f nul\u0000""#)
        for offset in 0..<17 {
            let padding = String(repeating: "x", count: offset)
            #expect(JSONValue.string(padding + "\"").serialized() == "\"" + padding + "\\\"\"")
        }
    }

    @Test("numbers: hours shortest, euros with two decimals, rates with three at most")
    func numbers() {
        func fixed(_ value: Int64, _ scale: Int, _ trim: Bool) -> String {
            var w = JSONWriter()
            w.fixed(value, scale: scale, trimZeros: trim)
            return String(decoding: w.bytes, as: UTF8.self)
        }
        #expect(fixed(1500, 2, true) == "15")
        #expect(fixed(1750, 2, true) == "17.5")
        #expect(fixed(5, 2, true) == "0.05")
        #expect(fixed(0, 2, true) == "0")
        #expect(fixed(64652, 2, false) == "646.52")
        #expect(fixed(-19396, 2, false) == "-193.96")
        #expect(fixed(0, 2, false) == "0.00")
        #expect(fixed(815, 3, true) == "0.815")
        #expect(fixed(1000, 3, true) == "1")
        #expect(fixed(Int64.min, 0, false) == "-9223372036854775808")
        #expect(fixed(Int64.max, 2, false) == "92233720368547758.07")
        #expect(FixedPoint.format(-5, scale: 3, trimZeros: true) == "-0.005")
    }

    @Test("a key given as bytes is written as the same key given as a string, pretty or compact")
    func keysAsBytes() {
        for pretty in [true, false] {
            for name in ActivityCategory.allCases.map(\.rawValue) + ["", "k", "a key of more than sixteen bytes"] {
                func written(_ member: (inout JSONWriter) -> Void) -> [UInt8] {
                    var w = JSONWriter(pretty: pretty)
                    w.object { w in
                        w.field("before", int: 1)
                        member(&w)
                        w.field("after", int: 2)
                    }
                    return w.bytes
                }
                let bytes = written { w in w.field(named: Array(name.utf8)) { $0.int(3) } }
                #expect(bytes == written { w in w.field(named: name) { $0.int(3) } }, "\(name)")
                #expect(String(decoding: bytes, as: UTF8.self).contains("\"\(name)\":"))
            }
        }
    }

    /// The key of the member holding string `k`: `k`, then `k` times `y` (no escape: a key given
    /// as bytes needs none).
    static func key(_ k: Int) -> String { "k" + String(repeating: "y", count: k) }

    /// A reference written a byte at a time: an object per level, down to `depth`, each holding
    /// a member for each string, then the next level.
    static func reference(_ strings: [String], depth: Int, level: Int = 0, pretty: Bool) -> String {
        func indent(_ n: Int) -> String { pretty ? "\n" + String(repeating: "  ", count: n) : "" }
        func quoted(_ s: String) -> String {
            "\"" + s.unicodeScalars.map { c -> String in
                switch c {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                default: return String(c)
                }
            }.joined() + "\""
        }
        var members = strings.indices.map { k in indent(level + 1) + quoted(key(k)) + (pretty ? ": " : ":") + quoted(strings[k]) }
        if level < depth {
            members.append(indent(level + 1) + quoted("next") + (pretty ? ": " : ":")
                           + reference(strings, depth: depth, level: level + 1, pretty: pretty))
        }
        return "{" + members.joined(separator: ",") + indent(level) + "}"
    }

    @Test("keys, strings and indentation written a word at a time: a byte-by-byte reference's bytes, at every length and depth")
    func wordWrites() {
        // Lengths around the copies' words (4, 8, 16, 32 bytes), escapes at both ends, non-ASCII.
        let strings = (0...41).map { String(repeating: "x", count: $0) } + ["\"", "a\\", "\nz", "é", "€uros", "0123456789abcdef0123456789abcdef\""]
        for pretty in [true, false] {
            for depth in [0, 1, 3, 4, 5, 8, 13] {
                // The smallest buffer: it grows at many of the writes.
                var w = JSONWriter(capacity: 1, pretty: pretty)
                func level(_ w: inout JSONWriter, _ k: Int) {
                    w.object { w in
                        for (k, s) in strings.enumerated() { w.field(named: Array(Self.key(k).utf8)) { $0.string(s) } }
                        if k < depth { w.field("next") { level(&$0, k + 1) } }
                    }
                }
                level(&w, 0)
                #expect(String(decoding: w.bytes, as: UTF8.self) == Self.reference(strings, depth: depth, pretty: pretty),
                        "pretty \(pretty), depth \(depth)")
            }
        }
    }

    @Test("each value's constant (a category's key in the JSON report, the quick path's comparisons) is its raw value, the name the log uses")
    func categoryKeys() {
        for category in ActivityCategory.allCases { #expect("\(category.literal)" == category.rawValue) }
        for purpose in AppointmentPurpose.allCases { #expect("\(purpose.literal)" == purpose.rawValue) }
        for status in AppointmentStatus.allCases { #expect("\(status.literal)" == status.rawValue) }
    }

    @Test("a string is written as its UTF-8 bytes are: empty, small (kept inline), long, accented, to escape, rebuilt")
    func stringsWritten() {
        for text in ["", "court", "é€🙂", String(repeating: "long ", count: 20), "quote \" back \\"] {
            var native = JSONWriter()
            native.string(text)
            var bytes = JSONWriter()
            Array(text.utf8).withUnsafeBufferPointer { bytes.string(utf8: $0) }
            #expect(native.bytes == bytes.bytes, "\(text)")
            var lazy = JSONWriter()
            lazy.string(String(text.reversed().reversed()))
            #expect(lazy.bytes == bytes.bytes, "\(text)")
        }
    }

    @Test("a string written piece by piece into the writer's buffer is the string written whole, escaped where it must be, after what came before and before what follows")
    func stringsWrittenInPlace() {
        for text in ["", "court", "é€🙂", String(repeating: "long ", count: 40), "quote \" back \\", "tab\tend", "x\u{1F}"] {
            for pretty in [true, false] {
                var whole = JSONWriter(pretty: pretty)
                var pieces = JSONWriter(pretty: pretty)
                for w in [0, 1] {
                    func write(_ body: (inout JSONWriter) -> Void) {
                        if w == 0 { body(&whole) } else { body(&pieces) }
                    }
                    write { w in
                        w.openObject()
                        w.field("before", string: "x")
                    }
                }
                whole.field("text") { $0.string(text) }
                pieces.field("text") { w in
                    // In three pieces, none of which alone is the string.
                    w.string(writtenBy: { buffer in
                        let bytes = Array(text.utf8)
                        let third = bytes.count / 3
                        for range in [0..<third, third..<(2 * third), (2 * third)..<bytes.count] {
                            bytes[range].withUnsafeBufferPointer { buffer.append($0) }
                        }
                    })
                }
                whole.field("after", int: 1)
                pieces.field("after", int: 1)
                whole.closeObject()
                pieces.closeObject()
                #expect(pieces.bytes == whole.bytes, "\(text), pretty \(pretty)")
            }
        }
    }

    @Test("a shortfall's message: written into the report's buffer as written into its own")
    func shortfallMessageInPlace() throws {
        // 38 full weeks from Monday 2026-04-06, 15 h planned and 1.37 h done each: one episode.
        let weeks = (0..<38).map { WeekFigures(index: $0, days: 7, plannedSevenths: 10_500, done: 137) }
        let episodes = PersonState.shortfalls(weeks, firstMonday: CivilDate(year: 2026, month: 4, day: 6)!,
                                              contracts: [Int32](repeating: 0, count: 38), window: 4) { _ in "c1" }
        try #require(episodes.count == 1)
        let facts = ShortfallMessage(episodes[0], window: 4)
        var inPlace = JSONWriter()
        inPlace.string(FindingText.shortfall(facts))
        var copied = JSONWriter()
        facts.withUTF8 { copied.string(utf8: $0) }
        #expect(inPlace.bytes == copied.bytes)
        #expect(String(decoding: inPlace.bytes, as: UTF8.self) == JSONValue.string(facts.string).serialized())
        #expect(facts.string.hasPrefix("Du lundi 2026-04-06 (semaine 2026-W15) au dimanche 2026-12-27 (semaine 2026-W52), 38 semaines"))
    }

    @Test("short copies: every length from 0 to 40 bytes, at every offset, touching nothing beyond")
    func shortCopies() {
        let source = (0..<64).map { UInt8($0 + 1) }
        for count in 0...40 {
            for offset in 0..<8 {
                var target = [UInt8](repeating: 0xEE, count: 64)
                source.withUnsafeBufferPointer { from in
                    target.withUnsafeMutableBufferPointer { to in
                        ShortBytes.copy(from.baseAddress! + offset, to: to.baseAddress! + 8, count: count)
                    }
                }
                #expect(Array(target[8..<(8 + count)]) == Array(source[offset..<(offset + count)]), "count \(count), offset \(offset)")
                #expect(target[..<8].allSatisfy { $0 == 0xEE } && target[(8 + count)...].allSatisfy { $0 == 0xEE }, "count \(count)")
            }
        }
    }

    @Test("parts concatenated on several threads equal flatMap", arguments: [1, 2, 3, 7])
    func concatenation(jobs: Int) {
        for count in [0, 1, 5, 4_097, 20_000] {
            let items = (0..<count).map { k in (0..<(k % 4)).map { "\(k)-\($0)" } }
            #expect(Parallel.concatenation(count: items.count, jobs: jobs) { items[$0] } == items.flatMap { $0 })
        }
    }

    @Test("people in byte order: by their first eight bytes as a number, then by all their bytes")
    func byteOrder() {
        let names = ["b", "a", "", "a\u{0}", "a\u{0}b", "abcdefgh", "abcdefghi", "abcdefgh\u{0}", "abcdefgg~",
                     "é", "e\u{301}", "Zoé", "Zoe\u{301}", "\u{7F}", "🙂", "P0000238", "P0000023", "P00000238"]
        let expected = names.indices.sorted { PersonNames.bytesPrecede(names[$0], names[$1]) }
        #expect(PersonNames.byteOrder(names) == expected)
        #expect(expected.map { names[$0] }.first == "")
    }

    @Test("ISO weeks are written as their description, quoted")
    func weeks() {
        for (year, week) in [(1900, 1), (2025, 9), (2026, 10), (2026, 53), (2999, 52), (999, 1), (12_345, 7)] {
            var w = JSONWriter()
            w.week(ISOWeek(year: year, week: week))
            #expect(String(decoding: w.bytes, as: UTF8.self) == "\"\(ISOWeek(year: year, week: week).description)\"")
        }
    }

    @Test("a writer grows its buffer: a large document comes out whole")
    func growth() {
        let items = (0..<5_000).map { JSONValue.number(String($0)) }
        let text = JSONValue.array(items).serialized(pretty: false)
        #expect(text == "[" + (0..<5_000).map(String.init).joined(separator: ",") + "]")
    }

    @Test("keys whose hashes share their upper half are told apart; the table keeps its keys when it grows")
    func table() {
        // Hashes built by hand: the same upper 32 bits (same slot, same fingerprint) for every
        // key, so only the caller's comparison separates them.
        let keys = (0..<200).map { "key\($0)" }
        let hashes = keys.indices.map { UInt64(0xABCD_0123) << 32 | UInt64($0 + 1) }
        var table = StringTable(capacity: 4)
        for i in keys.indices {
            #expect(table.find(hash: hashes[i], isKey: { keys[Int($0)] == keys[i] }) == nil)
            table.insert(hash: hashes[i], value: Int32(i))
        }
        for i in keys.indices {
            #expect(table.find(hash: hashes[i], isKey: { keys[Int($0)] == keys[i] }) == Int32(i))
        }
        #expect(table.count == 200)
        // Real hashes, past several doublings.
        let many = (0..<50_000).map { "P\($0)" }
        var grown = StringTable()
        for (i, key) in many.enumerated() { grown.insert(hash: StringTable.hash(key), value: Int32(i)) }
        let missing = many.indices.filter { i in
            grown.find(hash: StringTable.hash(many[i]), isKey: { many[Int($0)] == many[i] }) != Int32(i)
        }
        #expect(missing.isEmpty)
        #expect(grown.find(hash: StringTable.hash("absent"), isKey: { many[Int($0)] == "absent" }) == nil)
    }

    @Test("the keys' hash: every byte and the length count, whatever their place in a word of eight; spread in both halves")
    func hashes() {
        // Every key of 0 to 40 bytes, each prefix of a base, each one-byte change at each place
        // and a zero byte added: no two of them share a hash.
        let base = Array("caf-45678-DEM-right_opened-2023-09-01-xyz".utf8)
        var keys: Set<[UInt8]> = [[]]
        for length in 0...base.count {
            let key = Array(base.prefix(length))
            keys.insert(key)
            keys.insert(key + [0])
            for i in key.indices {
                var changed = key
                changed[i] ^= 0x01
                keys.insert(changed)
                changed[i] = 0x80
                keys.insert(changed)
            }
        }
        let hashed = keys.map { key in key.withUnsafeBufferPointer { StringTable.hash($0) } }
        #expect(Set(hashed).count == keys.count)
        #expect(!hashed.contains(0))
        #expect("P0001734".utf8.withContiguousStorageIfAvailable { StringTable.hash($0) } == StringTable.hash("P0001734"))
        // People numbered in sequence, as logs name them: the upper bits (a table's slot) and
        // the lower ones (a partition of the duplicates' search) spread as random ones would.
        let people = (0..<65_536).map { StringTable.hash(String(format: "P%07d", $0)) }
        #expect(Set(people.map { $0 >> 48 }).count > 39_000)  // 41,427 expected of random bits
        var partitions = [Int](repeating: 0, count: 4096)
        for h in people { partitions[Int(h & 4095)] += 1 }
        #expect(partitions.max()! <= 40)  // 16 on average
    }

    @Test("first occurrences are the same on one share or several, in one partition or many", arguments: [2048, 16, 1])
    func firstOccurrences(partitionSize: Int) {
        let keys = (0..<10_000).map { "id\($0 % 3_001)" }
        let hashes = keys.map(StringTable.hash)
        let one = StringTable.firstOccurrences(of: hashes, jobs: 1, partitionSize: partitionSize) { keys[$0] == keys[$1] }
        let four = StringTable.firstOccurrences(of: hashes, jobs: 4, partitionSize: partitionSize) { keys[$0] == keys[$1] }
        #expect(one == four)
        #expect(one.enumerated().allSatisfy { i, first in Int(first) == i % 3_001 })
        // Repeats next to each other and far apart.
        let runs = (0..<1_000).map { "k\($0 / 3)" } + (0..<100).map { "k\($0)" }
        let runHashes = runs.map(StringTable.hash)
        for jobs in [1, 3] {
            let first = StringTable.firstOccurrences(of: runHashes, jobs: jobs, partitionSize: partitionSize) { runs[$0] == runs[$1] }
            #expect(first.enumerated().allSatisfy { i, first in Int(first) == (i < 1_000 ? i / 3 * 3 : (i - 1_000) * 3) })
        }
        // Keys whose hashes are equal are told apart by the comparison.
        let clash = [UInt64](repeating: 42, count: 50)
        let names = (0..<50).map { "c\($0 % 7)" }
        let told = StringTable.firstOccurrences(of: clash, jobs: 2, partitionSize: partitionSize) { names[$0] == names[$1] }
        #expect(told.enumerated().allSatisfy { i, first in Int(first) == i % 7 })
    }
}

@Suite("Indicators tallied in shares")
struct TallyMergeTests {
    @Test("indicators tallied in shares and merged equal one tally of everyone", arguments: [2, 3, 7])
    func shares(_ jobs: Int) {
        let report = Replay.log(LogReader.read(LogGenerator(events: 6_000, seed: 4).text()))
        let whole = Indicators(people: report.people, jobs: 1).jsonValue.serialized()
        let merged = Indicators(people: report.people, jobs: jobs, minimumShare: 1).jsonValue.serialized()
        #expect(report.people.count > 20)
        #expect(merged == whole)
        // The public tally too: two halves merged.
        var first = Indicators.Tally(), second = Indicators.Tally()
        let half = report.people.count / 2
        for person in report.people[..<half] { first.add(person) }
        for person in report.people[half...] { second.add(person) }
        first.merge(second)
        #expect(first.indicators.jsonValue.serialized() == whole)
    }

    @Test("findings by severity: each severity counted in its own place, one with none not a key, the same as counted one by one")
    func severities() {
        let report = Replay.log(LogReader.read(LogGenerator(events: 6_000, seed: 4).text()))
        var tally = Indicators.Tally()
        for person in report.people { tally.add(person) }
        var expected: [Severity: Int] = [:]
        for finding in report.people.flatMap(\.findings) { expected[finding.severity, default: 0] += 1 }
        #expect(expected.count == Severity.allCases.count)
        #expect(tally.indicators.findingsBySeverity == expected)
        // One person at a time, each severity alone: the others are not keys.
        for severity in Severity.allCases {
            var one = Indicators.Tally()
            var person = report.people[0]
            var finding = Finding(rule: "intensity.shortfall", person: person.state.person, date: date("2025-01-06"),
                                  event: nil, message: "m")
            finding.severity = severity
            person.findings = [finding]
            one.add(person)
            #expect(one.indicators.findingsBySeverity == [severity: 1])
        }
        #expect(Indicators.Tally().indicators.findingsBySeverity.isEmpty)
    }
}

@Suite("The CSV writer")
struct CSVWriterTests {
    /// The reference: each field as RFC 4180 writes it, from the finding's strings.
    static func reference(_ value: String, separator: Character) -> String {
        var value = value
        if let first = value.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test("fields: plain, quoted, quotes doubled, formulas neutralised, line ends, non-ASCII, empty")
    func fields() {
        for value in ["", "P1", "a,b", "a;b", "dit \"non\"", "=1+1", "-3", "+x,y", "@SUM(A1)", "\tx", "\rx", "l1\nl2", "l1\r\nl2",
                      "« date » : 2025-06-31", "\"", "\"\"", "é,è", "=\"a\",b"] {
            for separator: Character in [",", ";"] {
                #expect(Report.csvField(value, separator: separator) == Self.reference(value, separator: separator), "\(value) \(separator)")
            }
        }
    }

    @Test("a generated log's CSV: the same bytes on 1, 2 and 7 threads, and row by row", arguments: [Report.CSVFlavour.standard, .excel])
    func threads(_ flavour: Report.CSVFlavour) {
        let report = Replay.log(LogReader.read(LogGenerator(events: 60_000, seed: 5).text()))
        let one = report.csvBytes(flavour, jobs: 1)
        #expect(report.findings.count > 1_000, "several windows of runs of 100 rows")
        for jobs in [1, 2, 7] {
            for rows in [1, 100, 4_096] { #expect(report.csvBytes(flavour, jobs: jobs, rowsPerRun: rows) == one, "\(jobs) threads, runs of \(rows)") }
        }
        let rows = Report.csvHeaderLine(flavour) + report.findings.map { Report.csvRow($0, flavour) }.joined()
        #expect(Array(rows.utf8) == one)
    }
}
