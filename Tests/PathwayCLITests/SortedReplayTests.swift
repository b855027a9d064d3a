import Foundation
import Testing
@testable import Pathway

/// `pathway replay --sorted`: a log grouped by person replayed one person at a time gives the
/// report of the whole-log replay, byte for byte.
@Suite("Replay of a log grouped by person (--sorted)", .serialized)
struct SortedReplayTests {
    /// The example log, its lines stably grouped by person (lines that name no person first).
    static func groupedExample() throws -> String {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        func person(_ line: String) -> String {
            guard let range = line.range(of: #""person":""#) else { return "" }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        let order = lines.indices.sorted { (person(lines[$0]), $0) < (person(lines[$1]), $1) }
        return order.map { lines[$0] }.joined(separator: "\n") + "\n"
    }

    static func grouped(_ text: String, format: GroupedReplay.Format, asOf: CivilDate, jobs: Int, batchEvents: Int,
                        spill: Bool = false) throws -> String {
        let store = MemoryFragmentStore()
        var replay = GroupedReplay(asOf: asOf, format: format, jobs: jobs, store: store, spill: spill ? MemoryFragmentStore() : nil,
                                   batchEvents: batchEvents)
        // Out of order, the people sorted beyond memory in runs of 3 (65,536 in use): the merge
        // of the runs is what is tested.
        replay.sortRunLength = 3
        replay.reader.sortRunLength = 3
        // As `pathway replay --sorted` does with its first pass: the sources the events name.
        replay.notJudged = NotJudged.rules(sources: LogReader.read(text).sources).notJudged
        var bytes = Array(text.utf8)[...]
        // Fed in uneven chunks, as a stream.
        while !bytes.isEmpty {
            let chunk = bytes.prefix(997)
            try Array(chunk).withUnsafeBufferPointer { try replay.consume($0) }
            bytes = bytes.dropFirst(chunk.count)
        }
        var out: [UInt8] = []
        _ = try replay.finish { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("the library: the same JSON and CSV as the whole-log replay, whatever the batch and the threads",
          arguments: [(1, 1), (3, 50), (2, 65_536)])
    func library(_ jobs: Int, _ batchEvents: Int) throws {
        let text = LogGenerator(events: 6_000, seed: 21, byPerson: true).text()
        for day in ["2025-06-30", "2026-12-31"] {
            let asOf = try #require(CivilDate(day))
            let whole = Replay.log(LogReader.read(text), asOf: asOf, jobs: 2)
            for spill in [false, true] {
                #expect(try Self.grouped(text, format: .json, asOf: asOf, jobs: jobs, batchEvents: batchEvents, spill: spill) == whole.json())
                #expect(try Self.grouped(text, format: .csv, asOf: asOf, jobs: jobs, batchEvents: batchEvents, spill: spill) == whole.csv())
            }
        }
    }

    @Test("people in byte order, reversed, or in order then not: the same report (written as they came from the store, or sorted), with and without a spill store",
          arguments: [0, 1, 2])
    func order(_ arrangement: Int) throws {
        // The generated log's people, kept in the order written or reversed (each person's lines
        // still together, in their order).
        let lines = LogGenerator(events: 4_000, seed: 9, byPerson: true).text().split(separator: "\n")
        var runs: [[Substring]] = []
        var last: Substring?
        for line in lines {
            let person = line.range(of: #""person":""#).map { line[$0.upperBound...].prefix { $0 != "\"" } }
            if person != last { runs.append([]); last = person }
            runs[runs.count - 1].append(line)
        }
        let ordered = runs.map { $0[0] }.map { String($0) }
        // 0: in order; 1: reversed; 2: two thirds in order, then the rest reversed (the order
        // breaks after people were written to the store as they came).
        let cut = runs.count * 2 / 3
        let arranged = [runs, runs.reversed(), Array(runs[..<cut]) + runs[cut...].reversed()][arrangement]
        let text = arranged.flatMap { $0 }.joined(separator: "\n") + "\n"
        let asOf = try #require(CivilDate("2026-12-31"))
        let whole = Replay.log(LogReader.read(text), asOf: asOf, jobs: 2)
        for spill in [false, true] {
            #expect(try Self.grouped(text, format: .json, asOf: asOf, jobs: 2, batchEvents: 100, spill: spill) == whole.json())
            #expect(try Self.grouped(text, format: .csv, asOf: asOf, jobs: 1, batchEvents: 100, spill: spill) == whole.csv())
        }
        #expect(ordered.count > 10)
    }

    @Test("pathway generate --by-person writes the same lines as the interleaved log, each person's in the same order")
    func generateByPerson() {
        let interleaved = LogGenerator(events: 5_000, seed: 7).text().split(separator: "\n")
        let byPerson = LogGenerator(events: 5_000, seed: 7, byPerson: true).text().split(separator: "\n")
        #expect(interleaved.sorted() == byPerson.sorted())
        let a = LogReader.read(interleaved.joined(separator: "\n")).events
        let b = LogReader.read(byPerson.joined(separator: "\n")).events
        #expect(Dictionary(grouping: a, by: \.person).mapValues { $0.map(\.id) }
                == Dictionary(grouping: b, by: \.person).mapValues { $0.map(\.id) })
        // People one after the other, never coming back.
        let runs = b.map(\.person).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(runs.count == Set(runs).count)
    }

    @Test("end to end on the example grouped by person (a duplicate, two rejected lines): json and csv, with and without --as-of",
          arguments: ["json", "csv"])
    func example(_ format: String) throws {
        let path = try CLI.temporaryFile(try Self.groupedExample())
        for asOf in [[], ["--as-of", "2025-09-30"]] {
            let whole = try CLI.run(["replay", path, "--format", format] + asOf)
            let sorted = try CLI.run(["replay", path, "--format", format, "--sorted"] + asOf)
            #expect(sorted.status == whole.status)
            #expect(sorted.status == 1)
            #expect(sorted.stdout == whole.stdout)
            #expect(sorted.stderr.isEmpty)
        }
        let piped = try CLI.run(["replay", "-", "--format", format, "--sorted", "--as-of", "2025-09-30"], stdin: try Self.groupedExample())
        #expect(piped.stdout == CLI.named((try CLI.run(["replay", path, "--format", format, "--as-of", "2025-09-30"])).stdout, path))
        if format == "json" {
            #expect(piped.stdout.contains(#""duplicates": 1,"#))
            #expect(piped.stdout.contains(#""rejected": 2,"#))
        }
    }

    @Test("end to end on a generated log: --sorted and the whole replay give the same bytes, on 1 and 3 threads")
    func generated() throws {
        let path = try CLI.temporaryFile(LogGenerator(events: 30_000, seed: 12, byPerson: true).text())
        let whole = try CLI.run(["replay", path, "--format", "json"])
        for jobs in ["1", "3"] {
            let sorted = try CLI.run(["replay", path, "--format", "json", "--sorted", "--jobs", jobs])
            #expect(sorted.stdout == whole.stdout)
            #expect(sorted.status == whole.status)
        }
    }

    @Test("a log not grouped by person is an error naming the line, the person and its first line; nothing is written")
    func notGrouped() throws {
        let text = """
        {"id":"a1","person":"A","date":"2025-03-03","type":"registered"}
        {"id":"b1","person":"B","date":"2025-03-03","type":"registered"}
        {"id":"a2","person":"A","date":"2025-03-04","type":"registered"}

        """
        let path = try CLI.temporaryFile(text)
        let output = Scratch.url("pathway-sorted-\(UUID().uuidString).json").path
        for asOf in [[], ["--as-of", "2025-03-31"]] {
            let result = try CLI.run(["replay", path, "--format", "json", "--sorted", "--output", output] + asOf)
            #expect(result.status == 2)
            #expect(result.stderr.contains("ligne 3 : la personne « A » avait déjà des lignes depuis la ligne 1, avant celles d'une autre : le journal n'est pas groupé par personne (rejouez-le sans --sorted)"))
            #expect(!FileManager.default.fileExists(atPath: output))
        }
        var reader = GroupedReader()
        var people: [String] = []
        #expect(throws: GroupedReader.NotGrouped(line: 3, person: "A", firstLine: 1)) {
            try Array(text.utf8).withUnsafeBufferPointer { try reader.consume($0) { id, _ in people.append(id) } }
            _ = try reader.finish { id, _ in people.append(id) }
        }
        #expect(people == ["A"])
    }

    @Test("with a spill store, the people of a log in byte order are kept there, not in memory; a person who comes back is found with their first line, while the order holds or after it broke",
          arguments: [
            (["A", "B", "A"], GroupedReader.NotGrouped(line: 3, person: "A", firstLine: 1) as GroupedReader.NotGrouped?),
            (["A", "C", "B", "A"], GroupedReader.NotGrouped(line: 4, person: "A", firstLine: 1)),
            (["A", "C", "B", "C"], GroupedReader.NotGrouped(line: 4, person: "C", firstLine: 2)),
            (["A", "C", "B", "D", "Zoe\u{301}", "Zo\u{E9}"], nil),
            (["Zo\u{E9}", "Zoe\u{301}", "Zo\u{E9}"], GroupedReader.NotGrouped(line: 3, person: "Zo\u{E9}", firstLine: 1)),
          ])
    func spill(_ people: [String], _ error: GroupedReader.NotGrouped?) throws {
        // A person back among the latest people met stops the reading as it comes; one back from
        // further (the latest forgotten: a limit of 1) is found at the end: the same error.
        for runLength in [1, 2, 65_536] {
            for recent in [1, 65_536] { try spill(people, error, runLength: runLength, recent: recent) }
        }
    }

    func spill(_ people: [String], _ error: GroupedReader.NotGrouped?, runLength: Int, recent: Int) throws {
        let text = people.enumerated().map { k, p in
            JSONValue.object([("id", .string("e\(k)")), ("person", .string(p)), ("date", .string("2025-03-03")), ("type", .string("registered"))]).serialized(pretty: false)
        }.joined(separator: "\n") + "\n"
        let store = MemoryFragmentStore()
        var reader = GroupedReader(spill: store)
        reader.sortRunLength = runLength
        reader.recentLimit = recent
        var handed: [[UInt8]] = []
        func read() throws {
            try Array(text.utf8).withUnsafeBufferPointer { try reader.consume($0) { id, _ in handed.append(Array(id.utf8)) } }
            _ = try reader.finish { id, _ in handed.append(Array(id.utf8)) }
        }
        if let error {
            #expect(throws: error) { try read() }
        } else {
            try read()
        }
        // Found as it comes, neither the person back nor the one before them (whose lines might
        // go on) is handed over, as without a spill store; found at the end, every group is.
        let stopped = error != nil && recent > 1
        #expect(handed == people.prefix(stopped ? (error?.line ?? 2) - 2 : people.count).map { Array($0.utf8) })
        // Every person met was spilled once (id, and its length and first line: 12 bytes more),
        // none kept in memory: in order as they came, out of order in sorted runs.
        #expect(store.bytes.count == people.prefix(stopped ? (error?.line ?? 0) : people.count).reduce(0) { $0 + 12 + $1.utf8.count })
    }

    @Test("a log not grouped (in date order), or grouped but for one person back far later: the error worked out line by line, with and without a spill store, whatever it remembers")
    func spillSameError() throws {
        let interleaved = LogGenerator(events: 3_000, seed: 5).text()
        // Grouped by person, then the first person's first line moved to the end: back from far.
        var lines = LogGenerator(events: 3_000, seed: 5, byPerson: true).text().split(separator: "\n").map(String.init)
        lines.append(lines.removeFirst())
        // Grouped, people reversed (out of byte order), then a line from the middle moved to the end.
        var reversed = LogGenerator(events: 3_000, seed: 5, byPerson: true).text().split(separator: "\n").map(String.init).reversed().map { $0 }
        reversed.append(reversed.remove(at: reversed.count / 2))
        for text in [interleaved, lines.joined(separator: "\n") + "\n", reversed.joined(separator: "\n") + "\n"] {
            func error(spill: Bool, recent: Int = 65_536, runLength: Int = 65_536) -> GroupedReader.NotGrouped? {
                var reader = GroupedReader(jobs: 2, spill: spill ? MemoryFragmentStore() : nil)
                reader.recentLimit = recent
                reader.sortRunLength = runLength
                do {
                    try Array(text.utf8).withUnsafeBufferPointer { try reader.consume($0) { _, _ in } }
                    _ = try reader.finish { _, _ in }
                    return nil
                } catch let error as GroupedReader.NotGrouped { return error } catch { return nil }
            }
            // What the reader must find, worked out here line by line: the first line that starts a
            // group of a person met before, and that person's first line.
            var firstLine: [[UInt8]: Int] = [:], previous: [UInt8]?, oracle: GroupedReader.NotGrouped?
            for (k, line) in text.split(separator: "\n").enumerated() where oracle == nil {
                guard case .object(let members) = try JSONValue.parse(String(line)),
                      case .string(let p)? = members.first(where: { $0.key == "person" })?.value else { continue }
                let person = Array(p.utf8)
                if person != previous {
                    if let first = firstLine[person] { oracle = GroupedReader.NotGrouped(line: k + 1, person: p, firstLine: first) }
                    firstLine[person] = k + 1
                    previous = person
                }
            }
            let expected = try #require(oracle)
            #expect(error(spill: false) == expected)
            #expect(error(spill: true) == expected)
            #expect(error(spill: true, recent: 1, runLength: 7) == expected)
            #expect(error(spill: true, recent: 5, runLength: 65_536) == expected)
        }
    }

    @Test("identifiers with the same characters but different bytes are two people, grouped or not")
    func peopleByBytes() throws {
        // "Zoé" with a precomposed é, then with e and a combining accent: equal as Swift
        // strings, different bytes, so two people (`Docs/events.md`: the identifier is opaque).
        let text = [
            #"{"id":"a1","person":"Zo\u00e9","type":"registered","date":"2025-03-03"}"#,
            #"{"id":"a2","person":"Zo\u00e9","type":"registered","date":"2025-03-04"}"#,
            #"{"id":"b1","person":"Zoe\u0301","type":"registered","date":"2025-03-05"}"#,
        ].joined(separator: "\n") + "\n"
        let whole = Array(text.utf8).withUnsafeBufferPointer { LogReader.read($0, jobs: 2, minimumPiece: 1) }
        // In byte order: "e" (0x65) before "é" (0xC3 0xA9).
        #expect(Replay.log(whole).people.map { Array($0.person.utf8) } == [Array("Zoe\u{301}".utf8), Array("Zo\u{E9}".utf8)])
        #expect(Replay.log(LogReader.read(text)).people.count == 2)
        var reader = GroupedReader()
        var people: [[UInt8]] = []
        try Array(text.utf8).withUnsafeBufferPointer { try reader.consume($0) { id, _ in people.append(Array(id.utf8)) } }
        _ = try reader.finish { id, _ in people.append(Array(id.utf8)) }
        #expect(people == [Array("Zo\u{E9}".utf8), Array("Zoe\u{301}".utf8)])
        let day = try #require(CivilDate("2025-03-05"))
        #expect(try Self.grouped(text, format: .json, asOf: day, jobs: 1, batchEvents: 1)
                == Replay.log(whole, asOf: day).json(jobs: 1))
    }

    @Test("the grouped reader accounts for every line, resolves duplicates within a person, and hands people over in file order")
    func reader() throws {
        let text = """
        {"id":"b1","person":"B","date":"2025-03-03","type":"registered"}

        {"id":"b1","person":"B","type":"registered","date":"2025-03-03"}
        {"id":"b1","person":"B","date":"2025-03-09","type":"registered"}
        not json
        {"id":"a1","person":"A","date":"2025-03-02","type":"registered"}
        {"id":"a2","person":"A","date":"2025-03-01","type":"registered"}
        """
        var reader = GroupedReader()
        var people: [(String, [String])] = []
        try Array(text.utf8).withUnsafeBufferPointer { try reader.consume($0) { people.append(($0, $1.map(\.id))) } }
        let summary = try reader.finish { people.append(($0, $1.map(\.id))) }
        #expect(people.map(\.0) == ["B", "A"])
        #expect(people.map(\.1) == [["b1"], ["a1", "a2"]])
        #expect(summary.lines == 7)
        #expect(summary.events == 3)
        #expect(summary.duplicates == 1)
        #expect(summary.blank == 1)
        #expect(summary.rejected.map(\.line) == [4, 5])
        #expect(summary.people == 2)
        #expect(summary.lines == summary.events + summary.duplicates + summary.rejected.count + summary.blank)
        let whole = LogReader.read(text)
        #expect(whole.rejected == summary.rejected)
    }

    @Test("usage: --sorted writes json or csv, and needs --as-of on standard input")
    func usage() throws {
        let text = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--sorted"])
        #expect(text.status == 2)
        #expect(text.stderr.contains("--sorted écrit du json ou du csv"))
        let stdin = try CLI.run(["replay", "-", "--sorted", "--format", "json"], stdin: "")
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("--sorted ne lit l'entrée standard qu'une fois : donnez --as-of"))
        let empty = try CLI.temporaryFile("\n\n")
        let a = try CLI.run(["replay", empty, "--format", "json", "--sorted"])
        let b = try CLI.run(["replay", empty, "--format", "json"])
        // A log of blank lines has no event: exit 2, no report written, with or without --sorted.
        #expect(a.status == 2 && b.status == 2)
        #expect(a.stdout.isEmpty && b.stdout.isEmpty)
        #expect(b.stderr.contains("l'entrée ne contient que des lignes vides : aucun événement à rejouer, aucun rapport écrit"))
        let unwritable = try CLI.run(["replay", try CLI.temporaryFile(try Self.groupedExample()), "--sorted", "--format", "csv",
                                      "--output", "/nonexistent-folder/report.csv"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("/nonexistent-folder/report.csv : écriture impossible"))
    }
}
