import Foundation
import Testing
@testable import Pathway

/// Invariants the audit contract promises, checked on generated logs.
@Suite("Properties of the replay")
struct PropertyTests {
    static let seeds: [UInt64] = [11, 12, 13]

    private func lines(_ seed: UInt64, events: Int = 4_000) -> [String] {
        LogGenerator(events: events, seed: seed).text().split(separator: "\n").map(String.init)
    }

    /// The report without what depends on positions in the file (rejected line numbers).
    private func comparable(_ report: Report) -> String {
        guard case .object(let members)? = try? JSONValue.parse(report.json()) else { return "" }
        return JSONValue.object(members.filter { $0.key != "rejected" }).serialized()
    }

    /// The lines shuffled deterministically, each person's lines kept in their order (the
    /// engine orders same-day events by their position in the file); lines naming no person
    /// stay where they are among the others.
    private func interleaved(_ original: [String], seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        var queues: [String: [String]] = [:]
        var people: [String] = []
        for line in original {
            let parts = line.split(separator: "\"person\":\"")
            let person = parts.count > 1 ? String(parts[1].prefix { $0 != "\"" }) : ""
            if queues[person] == nil { people.append(person) }
            queues[person, default: []].append(line)
        }
        var shuffled: [String] = []
        while !people.isEmpty {
            let k = rng.int(0...(people.count - 1))
            let person = people[k]
            shuffled.append(queues[person]!.removeFirst())
            if queues[person]!.isEmpty { people.remove(at: k) }
        }
        return shuffled
    }

    @Test("the report does not depend on how people's lines are interleaved", arguments: seeds)
    func lineOrder(_ seed: UInt64) {
        let original = lines(seed)
        let shuffled = interleaved(original, seed: seed)
        #expect(shuffled.count == original.count)
        #expect(shuffled != original)
        let a = Replay.log(LogReader.read(original.joined(separator: "\n")))
        let b = Replay.log(LogReader.read(shuffled.joined(separator: "\n")))
        #expect(comparable(a) == comparable(b))
    }

    static let example: String = (try? String(contentsOf: Repository.root.appendingPathComponent("Examples/departement-2025.ndjson"),
                                              encoding: .utf8)) ?? ""

    @Test("the real example, its people's lines shuffled, gives the same report", arguments: seeds)
    func exampleShuffled(_ seed: UInt64) {
        let original = Self.example.split(separator: "\n").map(String.init)
        #expect(original.count == 312)
        let shuffled = interleaved(original, seed: seed)
        #expect(shuffled != original)
        let a = Replay.log(LogReader.read(original.joined(separator: "\n")))
        let b = Replay.log(LogReader.read(shuffled.joined(separator: "\n")))
        #expect(comparable(a) == comparable(b))
        #expect(a.input == b.input)
    }

    @Test("the real example cut at any byte: every line accounted for, the whole lines' events kept, the report written")
    func exampleTruncated() {
        let bytes = Array(Self.example.utf8)
        let full = LogReader.read(bytes)
        for cut in stride(from: 0, through: bytes.count, by: 37) {
            let log = LogReader.read(Array(bytes[..<cut]))
            let ends = bytes[..<cut].filter { $0 == 0x0A }.count
            let partial = cut > 0 && bytes[cut - 1] != 0x0A
            #expect(log.lines == ends + (partial ? 1 : 0))
            #expect(log.lines == log.events.count + log.duplicates + log.rejected.count + log.blank)
            // The events of the lines read whole are the full log's; a line cut short is
            // rejected (one cut just before its line end is whole).
            let wholeLines = ends + (partial && (cut == bytes.count || bytes[cut] == 0x0A) ? 1 : 0)
            #expect(log.events.filter { $0.line <= wholeLines } == full.events.filter { $0.line <= wholeLines })
            #expect(log.events.allSatisfy { $0.line <= wholeLines })
            let report = Replay.log(log, jobs: 2)
            #expect(!report.json().isEmpty && !report.text(source: "cut").isEmpty)
        }
    }

    @Test("a log written latest date first gives the report of the log in date order", arguments: seeds)
    func datesReversed(_ seed: UInt64) {
        // The days in reverse order, each day's lines kept in their order (same-day events are
        // ordered by their position in the file): every person's lines are out of date order.
        let original = lines(seed)
        let byDay = Dictionary(grouping: original.indices) { original[$0].split(separator: "\"date\":\"")[1].prefix(10) }
        let reversed = byDay.keys.sorted(by: >).flatMap { byDay[$0]!.map { original[$0] } }
        #expect(reversed.count == original.count)
        #expect(reversed != original)
        let a = Replay.log(LogReader.read(original.joined(separator: "\n")), jobs: 2)
        let b = Replay.log(LogReader.read(reversed.joined(separator: "\n")), jobs: 2)
        #expect(comparable(a) == comparable(b))
    }

    @Test("--jobs 1 equals --jobs N", arguments: seeds)
    func jobs(_ seed: UInt64) {
        let log = LogReader.read(lines(seed).joined(separator: "\n"))
        let one = Replay.log(log, jobs: 1).json(jobs: 1)
        #expect(one == Replay.log(log, jobs: 2).json(jobs: 2))
        #expect(one == Replay.log(log, jobs: 5).json(jobs: 3))
    }

    @Test("every line is accounted for, whatever garbage is mixed in", arguments: seeds)
    func accounting(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let garbage = ["", "   ", "{", "null", #"{"id":"x"}"#, "\u{FEFF}{}", #"{"id":"p1-1","person":"P0000001","type":"registered","date":"2025-02-30"}"#]
        var mixed: [String] = []
        for line in lines(seed, events: 2_000) {
            mixed.append(line)
            if rng.chance(5) { mixed.append(garbage[rng.int(0...(garbage.count - 1))]) }
            if rng.chance(3) { mixed.append(line) }
        }
        let log = LogReader.read(mixed.joined(separator: "\n") + "\n")
        #expect(log.lines == mixed.count)
        #expect(log.lines == log.events.count + log.duplicates + log.rejected.count + log.blank)
        let report = Replay.log(log)
        #expect(report.input.lines == report.input.events + report.input.duplicates + report.input.rejected + report.input.blank)
    }

    @Test("replaying a log with all its lines sent twice gives the same report", arguments: seeds)
    func duplicatesAgain(_ seed: UInt64) {
        let original = lines(seed)
        let once = Replay.log(LogReader.read(original.joined(separator: "\n")))
        let twice = Replay.log(LogReader.read((original + original).joined(separator: "\n")))
        #expect(twice.input.duplicates == original.count)
        #expect(once.findings == twice.findings)
        #expect(comparable(once).replacingOccurrences(of: "\"lines\": \(original.count),", with: "")
                    .replacingOccurrences(of: "\"duplicates\": 0,", with: "")
                == comparable(twice).replacingOccurrences(of: "\"lines\": \(2 * original.count),", with: "")
                    .replacingOccurrences(of: "\"duplicates\": \(original.count),", with: ""))
    }

    @Test("a report as of a date equals the report of the log cut at that date",
          arguments: [(UInt64(11), "2025-06-30"), (UInt64(12), "2025-12-31"), (UInt64(13), "2026-03-15")])
    func asOfCut(_ seed: UInt64, _ day: String) {
        let all = LogReader.read(lines(seed).joined(separator: "\n"))
        let asOf = date(day)
        var cut = all
        cut.events = EventList(all.events.filter { $0.date <= asOf })
        let a = Replay.log(all, asOf: asOf)
        let b = Replay.log(cut, asOf: asOf)
        #expect(a.findings == b.findings)
        let present = Set(b.people.map(\.person))
        #expect(a.people.filter { present.contains($0.person) }.map(\.status) == b.people.map(\.status))
        // The others have no event on or before the date: no right open yet.
        #expect(a.people.filter { !present.contains($0.person) }.allSatisfy { $0.status == .closed && $0.eventsReplayed == 0 })
        #expect(a.input.replayed == b.input.replayed)
        #expect(a.input.afterAsOf == all.events.count - cut.events.count)
        // People whose first event comes after the date still appear (closed, no event replayed).
        #expect(a.people.count >= b.people.count)
    }
}

@Suite("Distributions counted by day")
struct DayCountsTests {
    @Test("the same count, sum and median as the sorted values, for even and odd counts, negative and far days, merged in any split")
    func sameAsSorted() {
        var random = SplitMix64(seed: 11)
        var cases: [[Int]] = [[], [0], [5], [3, 3], [1, 2], [-4, 10_000, 7], [4_095, 4_096, -1, 0]]
        for size in [2, 3, 10, 101, 1_000] {
            cases.append((0..<size).map { _ in Int(random.next() % 300) - (size > 100 ? 20 : 0) })
            cases.append((0..<size).map { _ in Int(random.next() % 9_000) - 500 })
        }
        for values in cases {
            var whole = DayCounts()
            for v in values { whole.add(v) }
            #expect(Distribution(whole) == Distribution(values), "\(values.prefix(8))")
            // Split in two tallies merged: the same.
            let cut = values.count / 3
            var a = DayCounts(), b = DayCounts()
            for v in values[..<cut] { a.add(v) }
            for v in values[cut...] { b.add(v) }
            a.merge(b)
            #expect(Distribution(a) == Distribution(values))
        }
    }
}
