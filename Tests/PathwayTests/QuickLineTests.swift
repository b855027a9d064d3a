import Foundation
import Testing
@testable import Pathway

/// The quick path of a log's list (`QuickLine`: `activity` and `appointment` lines read straight
/// from their bytes) against the paths it stands before: for each line, the same event, the same
/// error, the same person numbered, the same id kept and the same source counted.
@Suite("The quick path for activity and appointment lines")
struct QuickLineTests {
    /// Two parsers fed the same lines, one with the quick path, the other without.
    private struct Pair {
        var quick = EventLineParser()
        var other = EventLineParser()
        var compared = 0
        var quickly = 0

        init() {
            quick.people = PersonNames()
            other.people = PersonNames()
            other.quickPath = false
        }

        /// What a list keeps of one line (the kind, the date, the id's bytes, the person's number),
        /// or the error; then the people and sources so far.
        private struct Listing: Equatable {
            var kind: EventKind?
            var date: CivilDate?
            var id: [UInt8] = []
            var error: LineError?
            var latest: Int32
            var people: Int
            var lastName: String?
            var withoutSource: Int
            /// The sources named so far: how many, the latest new one, how many events named one.
            var sources: Int
            var lastSource: String?
            var named: Int
        }

        private static func listing(_ parser: inout EventLineParser, _ line: [UInt8]) -> Listing {
            let ids = UnsafeMutablePointer<UInt8>.allocate(capacity: line.count + 1)
            defer { ids.deallocate() }
            let result = line.withUnsafeBufferPointer { parser.listed($0, lineNumber: 9, ids: ids) }
            let people = parser.people ?? PersonNames()
            var listing = Listing(latest: people.latest, people: people.names.count, lastName: people.names.last,
                                  withoutSource: parser.sources.withoutSource,
                                  sources: parser.sources.names.count, lastSource: parser.sources.names.last,
                                  named: parser.sources.counts.reduce(0, +))
            switch result {
            case .listed(let kind, let date, let count):
                (listing.kind, listing.date) = (kind, date)
                listing.id = Array(UnsafeBufferPointer(start: ids, count: count))
            case .rejected(let error):
                listing.error = error
            case .blank:
                break
            }
            return listing
        }

        mutating func expectSame(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
            if line.withUnsafeBufferPointer({ QuickLine.reads($0) }) { quickly += 1 }
            let (a, b) = (Pair.listing(&quick, line), Pair.listing(&other, line))
            #expect(a == b, "\(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
            compared += 1
        }
    }

    private static func bytes(_ lines: [String]) -> [[UInt8]] { lines.map { Array($0.utf8) } }

    @Test("every line of a generated log, and every one-byte change to its activity and appointment lines")
    func generatedAndChanged() {
        var pair = Pair()
        let generated = LogGenerator(events: 600, seed: 5).text().split(separator: "\n").map { Array($0.utf8) }
        for line in generated { pair.expectSame(line) }
        let common = generated.filter {
            let text = String(decoding: $0, as: UTF8.self)
            return text.contains(#""type":"activity""#) || text.contains(#""type":"appointment""#)
        }
        // Nine lines in ten of a département's log, and of the generator's, are of these two types.
        #expect(common.count > generated.count * 3 / 4)
        #expect(common.allSatisfy { $0.withUnsafeBufferPointer { QuickLine.reads($0) } })
        let imported = QuickLineTests.bytes([
            #"{"id":"rdvi-12345-DEM-appointment-2025-03-12","person":"12345-DEM","type":"appointment","date":"2025-03-12","source":"rdv-insertion","purpose":"orientation","status":"attended"}"#,
            #"{"id":"a-1","person":"P1","type":"activity","date":"2025-03-12","source":"pilotage","hours":7.5,"category":"training"}"#,
        ])
        let bases = imported + [0, 7, 33, 101].map { common[$0 % common.count] }
        let changes = Array(#" "\,}{[]:0159.-eE+aptn_"#.utf8) + [0x09, 0x01, 0x7F, 0xC3, 0xE9]
        for base in bases {
            pair.expectSame(base)
            for i in base.indices {
                var deleted = base
                deleted.remove(at: i)
                pair.expectSame(deleted)
                for byte in changes {
                    var replaced = base
                    replaced[i] = byte
                    pair.expectSame(replaced)
                    var inserted = base
                    inserted.insert(byte, at: i)
                    pair.expectSame(inserted)
                }
            }
        }
        #expect(pair.compared > 40_000)
        // Most changes leave a line the quick path declines; some leave one it reads (a digit
        // of the hours, of an id or a person changed): both kinds are compared.
        #expect(pair.quickly > 5_000)
    }

    /// An activity line with these hours.
    private static func activity(_ hours: String, id: String = "e1") -> String {
        #"{"id":"\#(id)","person":"P1","date":"2025-03-03","type":"activity","hours":\#(hours),"category":"training"}"#
    }

    @Test("hours at each limit: above zero, at most 24, two decimals (a third rounded by the other paths)")
    func hoursLimits() {
        var pair = Pair()
        let read = ["0.01", "0.5", "1", "7.25", "9.9", "23.99", "24", "24.0", "24.00", "10", "19.50"]
        let declined = ["0", "0.0", "0.00", "24.01", "24.1", "25", "2400", "100000", "1000000000000", "1.005", "7.255",
                        "24.004", "24.005", "0.001", "0.004", "0.005", "01", "00", "1.", ".5", "-1", "-0.5", "1e1", "1E0",
                        "1.5e0", "2.50e+0", #""3""#, "null", "true", "[]", "{}", "7 ", "7.2.5"]
        for hours in read {
            let line = Array(QuickLineTests.activity(hours).utf8)
            #expect(line.withUnsafeBufferPointer { QuickLine.reads($0) }, "\(hours)")
            pair.expectSame(line)
        }
        for hours in declined {
            let line = Array(QuickLineTests.activity(hours).utf8)
            #expect(!line.withUnsafeBufferPointer { QuickLine.reads($0) }, "\(hours)")
            pair.expectSame(line)
        }
    }

    @Test("every value of the fields it reads (category, purpose, status) is read by the quick path, to the same event")
    func everyValue() {
        var pair = Pair()
        var lines: [String] = []
        for category in ActivityCategory.allCases {
            lines.append(#"{"id":"c-\#(category.rawValue)","person":"P1","date":"2025-03-03","type":"activity","hours":2,"category":"\#(category.rawValue)"}"#)
        }
        for purpose in AppointmentPurpose.allCases {
            for status in AppointmentStatus.allCases {
                lines.append(#"{"id":"a-\#(purpose.rawValue)-\#(status.rawValue)","person":"P1","date":"2025-03-03","type":"appointment","purpose":"\#(purpose.rawValue)","status":"\#(status.rawValue)"}"#)
            }
        }
        #expect(lines.count == ActivityCategory.allCases.count + AppointmentPurpose.allCases.count * AppointmentStatus.allCases.count)
        for line in QuickLineTests.bytes(lines) {
            #expect(line.withUnsafeBufferPointer { QuickLine.reads($0) }, "\(String(decoding: line, as: UTF8.self))")
            pair.expectSame(line)
        }
        // A value one byte off, or of another field, is declined (and refused by the other paths).
        for wrong in ["trainin", "trainingg", "Training", "missed", "orientation"] {
            let line = Array(#"{"id":"w","person":"P1","date":"2025-03-03","type":"activity","hours":2,"category":"\#(wrong)"}"#.utf8)
            #expect(!line.withUnsafeBufferPointer { QuickLine.reads($0) }, "\(wrong)")
            pair.expectSame(line)
        }
    }

    @Test("lines it declines, read the same by the other paths: texts at their limits, other fields, order and spelling")
    func declinedLines() {
        var pair = Pair()
        let long = String(repeating: "x", count: 128)
        let lines = [
            // Texts of 1 and 128 characters are read; 0 and 129 are not (the other paths refuse them).
            QuickLineTests.activity("7", id: "a"), QuickLineTests.activity("7", id: long), QuickLineTests.activity("7", id: ""),
            QuickLineTests.activity("7", id: long + "x"),
            #"{"id":"e1","person":"\#(long)","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"\#(long)x","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"appointment","purpose":"orientation","status":"attended","source":""}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"appointment","purpose":"orientation","status":"attended","source":"\#(long)"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"appointment","purpose":"orientation","status":"attended","source":"\#(long)x"}"#,
            // Any key order; a source or none.
            #"{"status":"missed","purpose":"accompaniment","date":"2025-03-04","type":"appointment","person":"P2","id":"e2"}"#,
            #"{"category":"job_search","hours":3,"type":"activity","source":"caf","date":"2025-03-04","person":"P2","id":"e3"}"#,
            // Dates: impossible, with a time, short, as a number, escaped.
            #"{"id":"e1","person":"P1","date":"2025-02-30","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":"2025-02-28T10:00","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":"2025-2-28","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":20250228,"type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":"2025-02-2\u0038","type":"activity","hours":7,"category":"training"}"#,
            // A field of another type, an unknown field, a field missing, a field repeated, null.
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training","status":"missed"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training","note":"x"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training","hours":7}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training","source":null}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"appointment","purpose":"orientation","status":null}"#,
            // Values not in the schema's lists, other types, escapes, white space, other characters.
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"sport"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"appointment","purpose":"orientation","status":"late"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"registered"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activities","hours":7,"category":"training"}"#,
            #"{"id":"e\u0031","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours": 7,"category":"training"}"#,
            #"{ "id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"é1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"Zoé","date":"2025-03-03","type":"activity","hours":7,"category":"training"}"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training"},"#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training""#,
            #"{"id":"e1","person":"P1","date":"2025-03-03","type":"activity","hours":7,"category":"training",}"#,
        ]
        for line in QuickLineTests.bytes(lines) { pair.expectSame(line) }
        let read = [0, 1, 4, 8, 10, 11]
        for (k, line) in lines.enumerated() {
            #expect(Array(line.utf8).withUnsafeBufferPointer { QuickLine.reads($0) } == read.contains(k), "\(line)")
        }
    }

    @Test("a log read whole (the quick path, in pieces) and line by line (the event's parser): the same events, people and errors")
    func wholeLog() {
        // A generated log, with lines the quick path declines among those it reads.
        var lines = LogGenerator(events: 3_000, seed: 11).text().split(separator: "\n").map(String.init)
        for k in stride(from: 5, to: lines.count, by: 97) { lines[k] = lines[k].replacingOccurrences(of: ":", with: ": ") }
        for k in stride(from: 8, to: lines.count, by: 89) { lines[k] = lines[k].replacingOccurrences(of: "\"person\":\"P", with: "\"person\":\"Q") }
        for k in stride(from: 13, to: lines.count, by: 83) { lines[k] = lines[k].replacingOccurrences(of: "\"hours\":", with: "\"hours\":-") }
        let text = lines.joined(separator: "\n")
        let whole = Array(text.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: 2, minimumPiece: 1) }
        let byLine = LogReader.read(text)
        #expect(whole.events.count == byLine.events.count)
        #expect(whole.events.count > 2_900)
        #expect(whole.events == byLine.events)
        #expect(whole.rejected == byLine.rejected)
        #expect(!whole.rejected.isEmpty)
    }
}

/// The fast paths' test of a key where they expect it (`FieldKeys.isKey`): two masked words
/// where sixteen bytes remain, the bytes one by one otherwise; the same answer as comparing the
/// bytes.
@Suite("A key where the fast paths expect it")
struct FieldKeysTests {
    @Test("every field's key, whole or changed at each byte, at every length of line left, against the bytes compared")
    func everyKey() {
        let keys = FieldKeys.all
        for field in Field.allCases {
            let key = Array("\"\(field.name)\":".utf8)
            #expect(keys.field(field.rawValue) == field)
            #expect(keys.nameLength(field.rawValue) == field.name.utf8.count)
            var variants = [key + Array("\"x\",\"id\":\"a\"}".utf8)]
            for i in key.indices {
                var changed = variants[0]
                changed[i] ^= 0x20
                variants.append(changed)
            }
            for line in variants {
                for available in 0...(line.count - 1) {
                    line.withUnsafeBufferPointer { bytes in
                        let expected = key.count <= available && Array(line.prefix(key.count)) == key
                        #expect(keys.isKey(field.rawValue, at: bytes.baseAddress!, available: available) == expected,
                                "\(field.name) in \(String(decoding: line, as: UTF8.self)), \(available) left")
                    }
                }
            }
        }
    }
}
