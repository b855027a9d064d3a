import Foundation
import Testing
@testable import Pathway

/// `pathway split`: a log cut by person, every line kept, the parts replayed together giving the
/// whole's people, findings and indicators.
@Suite("pathway split")
struct SplitTests {
    @Test("the hash is FNV-1a on the person's bytes, the same on every machine")
    func hash() {
        #expect(LogSplit.part(ofPerson: "P01".utf8, parts: 7) == 1)
        #expect(LogSplit.part(ofPerson: "P02".utf8, parts: 7) == 3)
        #expect(LogSplit.part(ofPerson: "é".utf8, parts: 7) == 2)
        #expect(LogSplit.part(ofPerson: "P01".utf8, parts: 1) == 0)
        #expect(LogSplit.part(ofLine: Array("not json".utf8), parts: 3) == nil)
        #expect(LogSplit.part(ofLine: Array(#"{"person":"P01","id":"x"}"#.utf8), parts: 7) == 1)
        // The line read in place or parsed whole: the same part, whatever hides around the person.
        let lines = [
            #"{"id":"a","person":"P01","type":"registered","date":"2025-03-03"}"#,
            #"{"id":"a"b","person":"P01"}"#,
            #"{"origin":{"person":"Z"},"person":"P01"}"#,
            #"{"person":"Pé"}"#,
            #"{"person":"Pé","list":["x","{"]}"#,
            #"{"person":"P01","person":"P02"}"#,
        ]
        let expected = [1, 1, 1, LogSplit.part(ofPerson: "Pé".utf8, parts: 7), LogSplit.part(ofPerson: "Pé".utf8, parts: 7), 1]
        for (line, part) in zip(lines, expected) { #expect(LogSplit.part(ofLine: Array(line.utf8), parts: 7) == part, "\(line)") }
        #expect(LogSplit.part(ofLine: [0x7B, 0x22, 0xFF, 0x7D], parts: 7) == nil, "invalid UTF-8: the first part")
    }

    @Test("three parts: every line kept in its order, each person in one part, and together the whole's people, findings and indicators", arguments: [false, true])
    func parts(_ generated: Bool) throws {
        let log = generated ? try CLI.temporaryFile(LogGenerator(events: 5_000, seed: 3).text()) : "Examples/departement-2025.ndjson"
        let dir = Scratch.url("pathway-split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let prefix = dir.appendingPathComponent("p").path
        let result = try CLI.run(["split", log, "--parts", "3", "--output", prefix])
        #expect(result.status == 0, "\(result.stderr)")
        let names = (1...3).map { "\(prefix)-\($0)-sur-3.ndjson" }
        let original = try Data(contentsOf: URL(fileURLWithPath: log))
        let parts = try names.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        func lines(_ data: Data) -> [Data] { data.split(separator: 0x0A, omittingEmptySubsequences: true) }
        // Every non-blank line, as bytes, in exactly one part; each part keeps the original order.
        #expect(parts.map { lines($0).count }.reduce(0, +) == lines(original).count)
        #expect(Set(parts.flatMap(lines)) == Set(lines(original)))
        for part in parts {
            let mine = lines(part)
            var position = lines(original).makeIterator()
            #expect(mine.allSatisfy { line in while let next = position.next() { if next == line { return true } }; return false }, "order kept")
        }
        #expect(result.stderr.contains("écrites en 3 parties"))
        // Replayed together (as of the whole log's date): the same people, findings and indicators.
        func section(_ json: String, _ key: String) throws -> JSONValue? {
            guard case .object(let top) = try JSONValue.parse(json) else { return nil }
            return top.first { $0.key == key }?.value
        }
        let whole = try CLI.run(["replay", log, "--format", "json"]).stdout
        guard case .string(let asOf)? = try section(whole, "as_of") else { Issue.record("no as_of"); return }
        let together = try CLI.run(["replay"] + names + ["--format", "json", "--as-of", asOf]).stdout
        for key in ["people", "findings", "indicators", "not_judged"] {
            #expect(try section(whole, key) == section(together, key), "\(key)")
        }
        // Each part alone: its people are its own.
        var seen = Set<String>()
        for name in names {
            guard case .array(let people)? = try section(try CLI.run(["replay", name, "--format", "json", "--as-of", asOf]).stdout, "people") else { continue }
            for case .object(let person) in people {
                if case .string(let id)? = person.first(where: { $0.key == "person" })?.value { #expect(seen.insert(id).inserted, "\(id) in two parts") }
            }
        }
    }

    @Test("usage: --parts is required; a single log")
    func usage() throws {
        let missing = try CLI.run(["split", "Examples/departement-2025.ndjson"])
        #expect(missing.status == 2 && missing.stderr.contains("il manque --parts N"))
        let none = try CLI.run(["split", "--parts", "2"])
        #expect(none.status == 2 && none.stderr.contains("il manque le journal"))
        // An empty input, or one where no line names a person (UTF-16 here): exit 2, no part written.
        for content in [Data(), Data([0xFF, 0xFE, 0x7B, 0x00, 0x22, 0x00, 0x0A, 0x00])] {
            let folder = Scratch.url("pathway-split-none-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let log = folder.appendingPathComponent("log.ndjson")
            try content.write(to: log)
            let result = try CLI.run(["split", log.path, "--parts", "2", "--output", folder.appendingPathComponent("p").path])
            #expect(result.status == 2 && result.stderr.contains("aucune partie écrite"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["log.ndjson"])
        }
        // A part that cannot be written: exit 2, and no part left behind.
        let dir = Scratch.url("pathway-split-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let refused = try CLI.run(["split", "Examples/departement-2025.ndjson", "--parts", "3", "--output", dir.path + "/missing/x"])
        #expect(refused.status == 2 && refused.stderr.contains("écriture impossible"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
