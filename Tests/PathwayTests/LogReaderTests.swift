import Foundation
import Testing
@testable import Pathway

/// Ranges appended from several threads.
private final class Ranges: @unchecked Sendable {
    private let lock = NSLock()
    private var ranges: [Range<Int>] = []

    func append(_ range: Range<Int>) { lock.withLock { ranges.append(range) } }
    var all: [Range<Int>] { lock.withLock { ranges } }
}

@Suite("Event log v1: reading lines")
struct LogReaderTests {
    let valid = #"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}"#

    @Test("every line is accounted for: lines = events + duplicates + rejected + blank")
    func accounting() {
        let text = [valid, "", "   ", valid, #"{"id":"e2","person":"P1","type":"nope","date":"2025-03-03"}"#,
                    #"{"id":"e3","person":"P1","type":"registered","date":"2025-03-04"}"#].joined(separator: "\n")
        let log = LogReader.read(text)
        #expect(log.lines == 6)
        #expect(log.events.count == 2)
        #expect(log.duplicates == 1)
        #expect(log.rejected.count == 1)
        #expect(log.blank == 2)
        #expect(log.rejected.first?.line == 5)
    }

    @Test("a UTF-8 byte-order mark, CRLF line ends and no final newline are accepted")
    func bomAndCRLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((valid + "\r\n" + valid.replacingEvent("e1", "e2")).utf8)
        let log = LogReader.read(bytes)
        #expect(log.events.map(\.id) == ["e1", "e2"])
        #expect(log.rejected.isEmpty)
        #expect(LogReader.read("").lines == 0)
        #expect(LogReader.read("\n").blank == 1)
    }

    @Test("a byte-order mark after line 1 is an error")
    func bomLater() {
        let bytes = Array((valid + "\n").utf8) + [0xEF, 0xBB, 0xBF] + Array(valid.replacingEvent("e1", "e2").utf8)
        let log = LogReader.read(bytes)
        #expect(log.rejected.map(\.line) == [2])
    }

    @Test("64 KiB: a line of 65,536 bytes is read, one of 65,537 is rejected with its number",
          arguments: [(65_536, true), (65_537, false), (200_000, false)])
    func lineLimit(_ length: Int, _ accepted: Bool) {
        let prefix = #"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","pad":""#
        let line = prefix + String(repeating: "x", count: length - prefix.utf8.count - 2) + "\"}"
        #expect(line.utf8.count == length)
        for chunk in [7, 4096, 1 << 20] {
            var reader = LogReader()
            let bytes = Array((valid.replacingEvent("e1", "e0") + "\n" + line + "\r\n" + valid.replacingEvent("e1", "e9")).utf8)
            var start = 0
            while start < bytes.count {
                reader.consume(Array(bytes[start..<min(start + chunk, bytes.count)]))
                start += chunk
            }
            let log = reader.finish()
            #expect(log.lines == 3)
            #expect(log.events.count == (accepted ? 3 : 2))
            if !accepted {
                #expect(log.rejected.first?.line == 2)
                #expect(log.rejected.first?.message.contains("64 KiB") == true)
            }
        }
    }

    @Test("any chunking gives the same result")
    func chunking() {
        let text = "\u{FEFF}" + (1...30).map { #"{"id":"e\#($0)","person":"P\#($0 % 4)","type":"activity","date":"2025-05-0\#($0 % 9 + 1)","hours":1.5,"category":"training"}"# }
            .joined(separator: "\r\n") + "\n\n" + #"{"broken"#
        let whole = LogReader.read(text)
        let bytes = Array(text.utf8)
        for size in [1, 2, 3, 5, 64] {
            var reader = LogReader()
            var i = 0
            while i < bytes.count {
                reader.consume(Array(bytes[i..<min(i + size, bytes.count)]))
                i += size
            }
            let log = reader.finish()
            #expect(log.events == whole.events)
            #expect(log.rejected == whole.rejected)
            #expect(log.blank == whole.blank)
        }
        #expect(whole.events.count == 30)
        #expect(whole.rejected.map(\.line) == [32])
    }

    @Test("duplicates: same id and content in any key order, white space or number form is ignored and counted")
    func identicalDuplicates() {
        let text = """
        {"id":"e1","person":"P1","type":"contract_signed","date":"2025-05-06","weekly_hours":15,"x":{"a":[1, 2]}}
        { "date" : "2025-05-06", "weekly_hours": 15.0, "type": "contract_signed", "person": "P1", "id": "e1", "x": {"a": [1,2]} }
        {"id":"\\u0065\\u0031","person":"P1","type":"contract_signed","date":"2025-05-06","weekly_hours":15.00,"x":{"a":[1,2]}}
        """
        let log = LogReader.read(text)
        #expect(log.events.count == 1)
        #expect(log.duplicates == 2)
        #expect(log.rejected.isEmpty)
    }

    @Test("duplicates: same id with different content is rejected; the first line wins")
    func conflictingDuplicates() {
        let text = """
        {"id":"e1","person":"P1","type":"contract_signed","date":"2025-05-06","weekly_hours":15}
        {"id":"e1","person":"P1","type":"contract_signed","date":"2025-05-06","weekly_hours":16}
        {"id":"e1","person":"P1","type":"contract_signed","date":"2025-05-06","weekly_hours":15,"note":"extra"}
        """
        let log = LogReader.read(text)
        #expect(log.events.first?.kind == .contractSigned(ContractTerms(weeklyHours: Hours(15))))
        #expect(log.rejected.map(\.description) == [
            #"line 2: "id": "e1" was already used on line 1 with different content"#,
            #"line 3: "id": "e1" was already used on line 1 with different content"#,
        ])
    }

    @Test("a rejected line does not claim its id")
    func rejectedDoesNotClaimID() {
        let text = """
        {"id":"e1","person":"P1","type":"registered","date":"2025-02-30"}
        {"id":"e1","person":"P1","type":"registered","date":"2025-02-03"}
        """
        let log = LogReader.read(text)
        #expect(log.events.count == 1)
        #expect(log.rejected.map(\.line) == [1])
    }
}

@Suite("Event log v1: the parallel reader")
struct ParallelReaderTests {
    static let samples: [String] = [
        "\u{FEFF}" + #"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}"# + "\r\n\n   \n"
            + #"{"id":"e2","person":"P2","type":"registered","date":"2025-03-04"}"# + "\n"
            + #"{ "date":"2025-03-03","type":"registered","person":"P1","id":"e1" }"# + "\n"
            + #"{"id":"e2","person":"P2","type":"registered","date":"2025-03-05"}"# + "\n"
            + #"{"broken"# + "\n"
            + #"{"id":"e3","person":"P1","type":"activity","date":"2025-03-06","hours":2,"category":"training"}"#,
        LogGenerator(events: 2_000, seed: 3).text(),
        // Lines at the 64 KiB limit and one byte beyond, with and without a CR: the length
        // named in the rejection is the line's without its CR, whichever reader.
        [65_536, 65_537].flatMap { length -> [String] in
            let head = #"{"id":"l\#(length)","person":"P1","type":"registered","date":"2025-03-03","note":""#
            let line = head + String(repeating: "a", count: length - head.utf8.count - 2) + #""}"#
            return [line + "\r\n", line + "\n"]
        }.joined() + #"{"id":"e9","person":"P1","type":"registered","date":"2025-03-04"}"#,
    ]

    @Test("pieces cut at line ends give the stream's result: events, lines, duplicates, rejections", arguments: [1, 2, 3, 4, 7])
    func sameAsStream(_ jobs: Int) {
        for text in Self.samples {
            let stream = LogReader.read(text)
            let bytes = Array(text.utf8)
            let parallel = bytes.withUnsafeBufferPointer { LogReader.read($0, jobs: jobs, minimumPiece: 1) }
            #expect(parallel.events == stream.events)
            #expect(parallel.rejected == stream.rejected)
            #expect(parallel.duplicates == stream.duplicates)
            #expect(parallel.blank == stream.blank)
            #expect(parallel.lines == stream.lines)
        }
    }

    /// Ids as a département's files write them: longer than a string keeps inline (an import's
    /// `caf-45678-DEM-right_opened-2023-09-01`), of 128 characters of two and four bytes, escaped,
    /// and in two Unicode spellings (two events, not a duplicate); repeated with the same content
    /// (a duplicate) and with another (rejected, the message naming the whole id).
    static let ids: String = {
        let long = "caf-45678-DEM-right_opened-2023-09-01"
        let lines = [
            #"{"id":"\#(long)","person":"45678-DEM","type":"right_opened","date":"2023-09-01","source":"caf"}"#,
            #"{"id":"\#(String(repeating: "é", count: 128))","person":"P1","type":"registered","date":"2025-03-03"}"#,
            #"{"id":"\#(String(repeating: "𝄞", count: 128))","person":"P1","type":"situation_reviewed","date":"2025-03-04"}"#,
            #"{"id":"\u00e9v\u00e8nement \"cit\u00e9\" \ud834\udd1e","person":"P2","type":"registered","date":"2025-03-03"}"#,
            #"{"id":"r\#u{00E9}f","person":"P2","type":"situation_reviewed","date":"2025-03-05"}"#,
            #"{"id":"re\#u{0301}f","person":"P2","type":"situation_reviewed","date":"2025-03-06"}"#,
            #"{"id":"e","person":"P3","type":"registered","date":"2025-03-03"}"#,
            #"{"person":"45678-DEM","id":"\#(long)","date":"2023-09-01","type":"right_opened","source":"caf"}"#,
            #"{"id":"\#(long)","person":"45678-DEM","type":"right_opened","date":"2023-09-02","source":"caf"}"#,
            #"{"id":"\#(String(repeating: "x", count: 129))","person":"P3","type":"registered","date":"2025-03-03"}"#,
        ]
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\n"
    }()

    @Test("ids kept as their bytes, laid end to end: long, of many bytes, escaped, in two spellings, repeated", arguments: [1, 2, 3, 7])
    func idsKept(_ jobs: Int) throws {
        let stream = LogReader.read(Self.ids)
        let bytes = Array(Self.ids.utf8)
        let parallel = bytes.withUnsafeBufferPointer { LogReader.read($0, jobs: jobs, minimumPiece: 1) }
        let expected = ["caf-45678-DEM-right_opened-2023-09-01", String(repeating: "é", count: 128), String(repeating: "𝄞", count: 128),
                        "év\u{E8}nement \"cité\" 𝄞", "r\u{00E9}f", "re\u{0301}f", "e"]
        for log in [stream, parallel] {
            #expect(log.events.map { Array($0.id.utf8) } == expected.map { Array($0.utf8) })
            #expect(log.duplicates == 1)
            #expect(log.rejected.map(\.line) == [9, 10])
            #expect(log.rejected.first?.frenchDescription.contains(expected[0]) == true, "\(log.rejected)")
            // Read back from the list, and compared by their bytes.
            #expect((0..<log.events.count).map { log.events.id(at: $0) } == log.events.map(\.id))
            #expect(!log.events.sameId(4, 5) && log.events.sameId(0, 0))
        }
        // Read whole, the ids take their bytes and no more: no gap between the pieces' ids, only
        // the repeated line's (removed with its event).
        let kept = expected.map { $0.utf8.count }.reduce(0, +)
        #expect(parallel.events.idBytes.count >= kept && parallel.events.idBytes.count <= kept + expected[0].utf8.count * 2)
        #expect(parallel.events.idBytes.count <= bytes.count)
        // An append after a read whole lands after the ids.
        var appended = parallel.events
        appended.append(Event(id: "après", person: "P9", date: date("2025-03-07"), kind: .situationReviewed))
        #expect(appended.map(\.id) == parallel.events.map(\.id) + ["après"])
        #expect(parallel.events.count == expected.count)
    }

    @Test("the log's latest date, the one before it and the event that set it: the same whether read whole or event by event")
    func latestDate() {
        // Ids of several bytes on the latest day, in no order; a day earlier than both after them.
        let ties = [
            #"{"id":"zé","person":"P1","type":"registered","date":"2025-03-05"}"#,
            #"{"id":"b","person":"P1","type":"situation_reviewed","date":"2025-03-03"}"#,
            #"{"id":"é","person":"P2","type":"registered","date":"2025-03-05"}"#,
            #"{"id":"a","person":"P3","type":"registered","date":"2025-03-05"}"#,
            #"{"id":"c","person":"P3","type":"situation_reviewed","date":"2025-03-04"}"#,
            #"{"id":"aa","person":"P3","type":"situation_reviewed","date":"2025-03-01"}"#,
        ].joined(separator: "\n")
        let single = #"{"id":"x","person":"P1","type":"registered","date":"2025-03-05"}"#
        for text in [ties, single, "", Self.ids, LogGenerator(events: 2_000, seed: 4).text()] {
            let log = Array(text.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: 2, minimumPiece: 1) }
            var oneByOne = LogInput.LatestDate()
            for event in log.events { oneByOne.add(event.date, id: event.id) }
            // Whole, and in shares on several threads (the shares' days merged).
            for jobs in [1, 2, 3, 7] {
                let whole = LogInput.latestDate(log, jobs: jobs, minimumShare: 1)
                #expect(whole?.date == oneByOne.date && whole?.next == oneByOne.next)
                #expect(whole?.setter == (oneByOne.date == nil ? nil : oneByOne.setter) && whole?.count == (oneByOne.date == nil ? nil : oneByOne.count))
            }
            // Days counted apart at every cut, then merged: as counted in one go.
            let days = log.events.map(\.date)
            for cut in 0...days.count {
                var (first, second) = (LogInput.LatestDate(), LogInput.LatestDate())
                for day in days[..<cut] { _ = first.add(day) }
                for day in days[cut...] { _ = second.add(day) }
                first.merge(second)
                #expect(first.date == oneByOne.date && first.next == oneByOne.next && first.count == oneByOne.count, "cut \(cut)")
            }
        }
        let found = LogInput.latestDate(LogReader.read(ties))
        #expect(found?.setter == "a" && found?.count == 3 && found?.next == date("2025-03-04"))
    }

    @Test("an id's place packs its start (40 bits) and length (24 bits) in a word, at their limits")
    func idSpans() {
        for (start, count) in [(0, 0), (0, 1), (1 << 40 - 1, 1 << 24 - 1), (123_456_789, 512), (1 << 39, 0)] {
            let span = EventList.IdSpan(start: start, count: count)
            #expect(span.start == start && span.count == count && span.range == start..<(start + count))
        }
        #expect(MemoryLayout<EventList.IdSpan>.size == 8)
    }

    @Test("an event's kind kept where it lies (activities, appointments) or apart (the others, and hours beyond 32 bits): each read back as it was; a kept event holds no reference",
          arguments: [1, 2, 3])
    func storedKinds(_ jobs: Int) {
        var events: [Event] = []
        let kinds: [EventKind] = [
            .activity(hours: Hours(hundredths: 750), category: .training),
            .activity(hours: Hours(hundredths: Int(Int32.max)), category: .support),
            .activity(hours: Hours(hundredths: Int(Int32.max) + 1), category: .jobSearch),
            .activity(hours: Hours(hundredths: -1), category: .workPlacement),
            .appointment(purpose: .hearing, status: .missed),
            .registered(category: "primo"),
            .diagnosticCompleted(barriers: ["mobilité", "santé"]),
            .situationReviewed,
            .appealFiled(decision: "d1"),
        ]
        for (k, kind) in kinds.enumerated() {
            events.append(Event(id: "e\(k)", person: "P\(k % 2)", date: CivilDate(dayNumber: Int32(20_000 + k)), kind: kind, line: k + 1))
        }
        let list = EventList(events)
        #expect(Array(list) == events)
        // The one beyond 32 bits and the four other kinds apart (hours below 0, which no line
        // gives, fit in 32 bits: kept where they lie, read back as they were).
        #expect(list.others.count == 5)
        #expect(_isPOD(EventList.Stored.self) && MemoryLayout<EventList.Stored>.stride == 32)
        // Read whole, on one thread or several: the kinds apart numbered across the pieces.
        let text = LogGenerator(events: 3_000, seed: 8).text()
        let one = LogReader.read(text)
        let read = Array(text.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: jobs, minimumPiece: 1) }
        #expect(Array(read.events) == Array(one.events))
        #expect(read.events.others.count == read.events.stored.filter { if case .other = $0.kind { true } else { false } }.count)
    }

    /// People the parallel reader numbers as it parses: escaped and plain spellings of one
    /// identifier, a person met in several pieces, a person whose only line is rejected, and a
    /// person who appears only in a conflicting duplicate.
    static let people = [
        #"{"id":"a1","person":"P1","type":"registered","date":"2025-03-03"}"#,
        #"{"id":"a2","person":"P\u0031","type":"activity","date":"2025-03-04","hours":2,"category":"training"}"#,
        #"{"id":"a3","person":"Ghost","type":"registered","date":"2025-02-30"}"#,
        #"{"id":"a1","person":"Twin","type":"registered","date":"2025-03-03"}"#,
        #"{"id":"a4","person":"Zoé","type":"registered","date":"2025-03-05"}"#,
        #"{"id":"a5","person":"P2","type":"registered","date":"2025-03-05"}"#,
        #"{"id":"a6","person":"P1","type":"registered","date":"2025-03-06"}"#,
        // A person first met on a line whose id is taken (rejected), then on a line kept: the
        // parallel reader numbers them at the first, the stream at the second.
        #"{"id":"a2","person":"Late","type":"registered","date":"2025-03-06"}"#,
        #"{"id":"a7","person":"P3","type":"registered","date":"2025-03-06"}"#,
        #"{"id":"a8","person":"Late","type":"registered","date":"2025-03-07"}"#,
    ].joined(separator: "\n") + "\n"

    /// What every list of events holds: each event's person is its number's name, each number
    /// has an event, and no two names have the same bytes.
    static func checkNumbering(_ events: EventList) {
        #expect(events.personOf.count == events.count)
        for (event, number) in zip(events, events.personOf) {
            #expect(Array(events.names[Int(number)].utf8) == Array(event.person.utf8))
        }
        #expect(Set(events.personOf) == Set(events.names.indices.map(Int32.init)))
        #expect(Set(events.names.map { Array($0.utf8) }).count == events.names.count)
    }

    @Test("people numbered while parsing: one number per identifier's bytes, only people with an event", arguments: [1, 2, 3, 7])
    func peopleNumbered(_ jobs: Int) throws {
        for text in Self.samples + [Self.people] {
            let bytes = Array(text.utf8)
            let log = bytes.withUnsafeBufferPointer { LogReader.read($0, jobs: jobs, minimumPiece: 1) }
            Self.checkNumbering(log.events)
            // The stream numbers them as it appends: the same people (maybe in another order: the
            // parallel reader numbers a person at their first line, kept or not), the same report.
            let stream = LogReader.read(text)
            Self.checkNumbering(stream.events)
            #expect(stream.events == log.events)
            #expect(Set(stream.events.names.map { Array($0.utf8) }) == Set(log.events.names.map { Array($0.utf8) }))
            #expect(Replay.log(log, jobs: jobs).json(jobs: 1) == Replay.log(stream, jobs: 1).json(jobs: 1))
        }
        let log = Array(Self.people.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: jobs, minimumPiece: 1) }
        #expect(log.events.names.sorted() == ["Late", "P1", "P2", "P3", "Zoé"])
        // "Late" numbered before "P3" by the parallel reader, after by the stream.
        #expect(log.events.names.firstIndex(of: "Late")! < log.events.names.firstIndex(of: "P3")!)
        let stream = LogReader.read(Self.people)
        #expect(stream.events.names.firstIndex(of: "Late")! > stream.events.names.firstIndex(of: "P3")!)
    }

    /// Keys of 0 to 40 bytes: each prefix of a base, with a zero byte added, with each byte
    /// changed in turn (within the words a short key is kept in, at their edges, and beyond).
    static var personKeys: [[UInt8]] {
        let base = Array("P0001734-ÉQUIPE-Zoé-0123456789-abcdefghij".utf8)
        var keys = Set<[UInt8]>()
        for n in 0...40 {
            let prefix = Array(base.prefix(n))
            keys.insert(prefix)
            keys.insert(prefix + [0])
            for i in 0..<n {
                var changed = prefix
                changed[i] ^= 0x01
                keys.insert(changed)
            }
        }
        return keys.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("people told apart by all their bytes, whatever their length: kept in two words up to 15, apart beyond")
    func personKeysOfEveryLength() {
        let keys = Self.personKeys
        var people = PersonNames()
        for (k, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { key in
                #expect(people.number(key) == nil, "key \(k) found before it was added")
                people.add(key, name: "n\(k)")
            }
        }
        for (k, key) in keys.enumerated() {
            // A copy elsewhere in memory, so that no pointer is compared.
            let copy = [UInt8](key)
            copy.withUnsafeBufferPointer { key in
                #expect(people.number(key) == Int32(k), "key \(k) of \(key.count) bytes")
                #expect(people.find(key) == "n\(k)")
            }
        }
        // Merged into a table holding every other key, in the other order: each keeps its name,
        // those known keep their number, the others are numbered next, in the merged order.
        var merged = PersonNames()
        let half = keys.indices.filter { $0 % 2 == 1 }.reversed()
        for k in half { keys[k].withUnsafeBufferPointer { merged.add($0, name: "n\(k)") } }
        let numbers = merged.merge(people)
        #expect(numbers.count == keys.count)
        var next = Int32(half.count)
        for k in keys.indices {
            if k % 2 == 1 {
                #expect(numbers[k] == Int32(half.firstIndex(of: k).map { half.distance(from: half.startIndex, to: $0) }!))
            } else {
                #expect(numbers[k] == next)
                next += 1
            }
            #expect(merged.names[Int(numbers[k])] == "n\(k)")
            keys[k].withUnsafeBufferPointer { #expect(merged.number($0) == numbers[k]) }
        }
    }

    @Test("the replay that lets go of the events gives the same report, and keeps the log's other lines", arguments: [1, 2])
    func releasingReplay(_ jobs: Int) {
        // Duplicates, a conflicting id, a rejected line and a blank one, beside 3,000 events.
        let text = LogGenerator(events: 3_000, seed: 9).text() + Self.people + "\n{\"id\":\n"
        let log = Array(text.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: jobs, minimumPiece: 1) }
        #expect(log.duplicates + log.rejected.count + log.blank > 0)
        for asOf in [nil, date("2023-06-30")] {
            var released = log
            let report = Replay.log(releasing: &released, asOf: asOf, jobs: jobs)
            #expect(released.events.isEmpty)
            #expect(released.rejected == log.rejected && released.duplicates == log.duplicates && released.blank == log.blank)
            // Every line is still counted, the events let go included.
            #expect(released.lines == log.lines)
            #expect(report.json(jobs: 1) == Replay.log(log, asOf: asOf, jobs: jobs).json(jobs: 1))
            #expect(report.input.lines == log.lines && report.input.events == log.events.count)
        }
    }

    @Test("events appended to a list read whole: a new person numbered next, a known one (by its bytes) keeps its number")
    func peopleAppended() {
        var log = Array(Self.people.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: 2, minimumPiece: 1) }
        let before = log.events.names
        log.events.append(Event(id: "b1", person: "P9", date: date("2025-03-07"), kind: .situationReviewed))
        log.events.append(Event(id: "b2", person: "P1", date: date("2025-03-07"), kind: .situationReviewed))
        // "Zoé" with a combining accent: equal to the other as a Swift string, another person.
        log.events.append(Event(id: "b3", person: "Zoe\u{301}", date: date("2025-03-07"), kind: .situationReviewed))
        log.events.append(Event(id: "b4", person: "Zoé", date: date("2025-03-08"), kind: .situationReviewed))
        Self.checkNumbering(log.events)
        #expect(Array(log.events.names.prefix(before.count)) == before)
        #expect(log.events.names.count == before.count + 2)
        #expect(log.events.person(at: log.events.count - 4) == "P9")
        #expect(Replay.log(log).people.count == 7)
        // A list built from events numbers them the same way.
        let rebuilt = EventList(Array(log.events))
        Self.checkNumbering(rebuilt)
        #expect(rebuilt == log.events && Set(rebuilt.names.map { Array($0.utf8) }) == Set(log.events.names.map { Array($0.utf8) }))
    }

    @Test("each person's events laid out in log order, on one share or several", arguments: [1, 2, 3, 7])
    func layOut(_ jobs: Int) {
        var random = SystemRandomNumberGenerator()
        for (count, people) in [(0, 0), (1, 1), (5, 1), (40, 3), (1_000, 17), (999, 999)] {
            let personOf = (0..<count).map { i in i < people ? Int32(i) : Int32.random(in: 0..<Int32(people), using: &random) }
            let (start, order) = Replay.layOut(personOf, people: people, jobs: jobs, minimumShare: 7)
            #expect(start.count == people + 1 && start.first == 0 && start.last == count)
            for p in 0..<people {
                let mine = order[start[p]..<start[p + 1]].map(Int.init)
                #expect(mine == personOf.indices.filter { personOf[$0] == Int32(p) })
            }
        }
    }

    @Test("the start of a line found by its number: after a byte-order mark, CRLF, blank lines, at the end")
    func lineStarts() {
        let text = Array("\u{FEFF}a\r\nbb\n\n\ncccc\nd".utf8)
        text.withUnsafeBufferPointer { buffer in
            let starts = LogReader.lineStarts(buffer, of: [6, 2, 1, 5, 2, 9, 4])
            #expect(starts == [1: 0, 2: 6, 4: 10, 5: 11, 6: 16])
            #expect(LogReader.lineStarts(buffer, of: []).isEmpty)
        }
    }

    @Test("a large array advised to huge pages holds what was written, as many elements as said")
    func largeMemory() {
        for capacity in [1, 1_000, 3 << 20] { // 24 MiB of Int at the most: several huge pages
            let filled = capacity - capacity / 3
            let array = LargeMemory.array(capacity: capacity) { (buffer: UnsafeMutableBufferPointer<Int>) in
                let out = UnsafeSendable(buffer)
                Parallel.forEachRange(count: filled, jobs: 2) { range in
                    for i in range { (out.value.baseAddress! + i).initialize(to: i &* 7) }
                }
                return filled
            }
            #expect(array.count == filled)
            #expect(array.indices.allSatisfy { array[$0] == $0 &* 7 })
        }
    }

    @Test("the ranges handed back cover the buffer exactly once as the lines are counted, then once as they are parsed, in pieces",
          arguments: [1, 2, 3])
    func parsedRanges(_ jobs: Int) throws {
        // 4.6 MB: more than a MiB a piece with one job, so that the count hands back blocks.
        let bytes = Array(LogGenerator(events: 40_000, seed: 4).text().utf8)
        // Kept behind an NSLock (a pthread mutex), which ThreadSanitizer sees: it does not see the
        // Synchronization module's Mutex, and took two threads appending at once for a race.
        let ranges = Ranges()
        _ = bytes.withUnsafeBufferPointer { buffer in
            LogReader.read(buffer, jobs: jobs, minimumPiece: 1, parsed: { range in ranges.append(range) })
        }
        let all = ranges.all
        // The count is over before the parse starts: the first ranges handed back are the count's.
        var counted = 0, split = 0
        while counted < bytes.count, split < all.count { counted += all[split].count; split += 1 }
        for pass in [all[..<split], all[split...]] {
            let sorted = pass.sorted { $0.lowerBound < $1.lowerBound }
            #expect(sorted.count >= max(jobs, 2))
            #expect(sorted.first?.lowerBound == 0)
            #expect(sorted.last?.upperBound == bytes.count)
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(sorted.allSatisfy { $0.count <= 1 << 20 || pass.startIndex != 0 }, "the count hands back a MiB at most at a time")
        }
    }

    @Test("line ends counted sixty-four bytes at a time: as one by one, at every length and offset, and past 255 blocks of line ends only")
    func countLines() {
        func plain(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        var random = SplitMix64(seed: 3)
        let mixed = (0..<5_000).map { _ in random.next() % 5 == 0 ? UInt8(0x0A) : UInt8(truncatingIfNeeded: random.next()) }
        // Every start and length near the edges of a block of sixty-four, then long stretches.
        for start in 0..<65 {
            for length in Array(0..<200) + [4_000, 4_935 - start] {
                let slice = mixed[start..<(start + length)]
                let counted = slice.withUnsafeBufferPointer { LogReader.countLines($0) }
                #expect(counted == plain(slice), "start \(start), length \(length)")
            }
        }
        // Only line ends: each lane counts 255 of them before the lanes are summed; one more
        // block or byte on either side of each limit.
        for length in [64 * 255 - 1, 64 * 255, 64 * 255 + 1, 64 * 256, 64 * 510 + 63, 64 * 511, 70_001] {
            let ends = [UInt8](repeating: 0x0A, count: length)
            #expect(ends.withUnsafeBufferPointer { LogReader.countLines($0) } == length)
        }
    }
}

extension String {
    func replacingEvent(_ old: String, _ new: String) -> String {
        split(separator: "\"\(old)\"", omittingEmptySubsequences: false).joined(separator: "\"\(new)\"")
    }
}
