import Foundation
import Testing
@testable import Pathway

/// What an auditor must not be misled by (Docs/report.md, "Codes de sortie"): a log where only a
/// few lines are windows-1252 is said so first, with the command to run again; an input that
/// gives no event writes no report and names what it is.
@Suite("Unreadable and partly readable inputs")
struct UnreadableInputTests {
    /// The example with three of its lines (P05's registration among them) in windows-1252.
    static func partlyWindows1252() throws -> (path: String, bytes: [UInt8]) {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { Array($0.utf8) }
        var changed = 0
        for k in lines.indices where changed < 3 {
            let line = String(decoding: lines[k], as: UTF8.self)
            guard line.contains(#""person":"P05""#) || (changed > 0 && k % 40 == 0) else { continue }
            // `"x":"é"` added, in windows-1252: one byte 0xE9.
            lines[k] = Array(lines[k].dropLast()) + Array(#","note":"r"#.utf8) + [0xE9] + Array(#"sum"}"#.utf8)
            changed += 1
        }
        let bytes = Array(lines.joined(separator: [0x0A])) + [0x0A]
        let path = Scratch.url("pathway-1252-\(UUID().uuidString).ndjson").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    @Test("a few windows-1252 lines: said first on standard error and at the top of the text, HTML and JSON reports, with the command to rerun")
    func partly() throws {
        let (path, _) = try Self.partlyWindows1252()
        let text = try CLI.run(["replay", path, "--as-of", "2025-12-31"])
        #expect([0, 1].contains(text.status))
        let rerun = "Relancez : pathway replay \(path) --as-of 2025-12-31 --encoding windows-1252"
        #expect(text.stderr.contains("sont en windows-1252 (des accents), pas en UTF-8") && text.stderr.contains(rerun))
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count > 2 && lines[1].hasPrefix("ATTENTION : 3 lignes rejetées (ligne "), "\(lines.prefix(2))")
        let html = try CLI.run(["replay", path, "--format", "html"]).stdout
        #expect(html.contains("<p class=\"note\" role=\"alert\"><strong>Attention :</strong> 3 lignes rejetées"))
        let json = try JSONValue.parse(try CLI.run(["replay", path, "--format", "json"]).stdout)
        guard case .object(let top) = json, case .array(let warnings)? = top.first(where: { $0.key == "warnings" })?.value else {
            Issue.record("no warnings in the JSON report"); return
        }
        #expect(warnings.count == 1)
        #expect(top.map(\.key).prefix(5) == ["report", "as_of", "parameters", "input", "warnings"])
        // Rerun as told: every line read, P05 registered, no warning.
        let again = try CLI.run(["replay", path, "--as-of", "2025-12-31", "--encoding", "windows-1252"])
        #expect(!again.stdout.contains("ATTENTION") && again.stdout.contains("(309 événements, 1 doublon ignoré, 2 rejetées, 0 vide)"), "the example's own two rejected lines only")
        // A UTF-8 log with an invalid byte that windows-1252 does not define gets no such advice.
        var odd = Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","note":"a"#.utf8) + [0x81] + Array("\"}\n".utf8)
        odd += Array(#"{"id":"e2","person":"P1","type":"registered","date":"2025-03-04"}"#.utf8) + [0x0A]
        let oddPath = try CLI.temporaryFile(String(decoding: odd, as: UTF8.self))
        try Data(odd).write(to: URL(fileURLWithPath: oddPath))
        #expect(!(try CLI.run(["replay", oddPath]).stderr.contains("windows-1252")))
    }

    static let unreadable: [(String, [UInt8], String)] = [
        ("UTF-16 with a byte-order mark", [UInt8(0xFF), 0xFE] + Array(#"{"id":"e1"}"#.utf8).flatMap { [$0, UInt8(0)] }, "UTF-16 (petit-boutiste, avec indicateur d'ordre des octets)"),
        ("UTF-16 without one", Array(#"{"id":"e1","person":"P1"}"#.utf8).flatMap { [$0, UInt8(0)] }, "UTF-16 (petit-boutiste, sans indicateur d'ordre des octets)"),
        ("a JSON array", Array(#"[{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}]"#.utf8) + [UInt8(0x0A)], "un tableau JSON"),
        ("pretty-printed JSON", Array("{\n  \"id\": \"e1\",\n  \"person\": \"P1\"\n}\n".utf8), "JSON écrit sur plusieurs lignes"),
        ("an empty file", [], "l'entrée est vide"),
        // A file cut in the middle of its only line, with or without a line feed: not JSON
        // written over several lines.
        ("a single line cut short", Array(#"{"id":"e1","person":"P1","type":"regis"#.utf8), "sa seule ligne s'arrête avant la fin de son objet JSON"),
        ("a single line cut short, with its line feed", Array(#"{"id":"e1","person":"P1","#.utf8) + [UInt8(0x0A)], "sa seule ligne s'arrête avant la fin de son objet JSON"),
        ("pretty-printed JSON cut after its first member", Array("{\n  \"id\": \"e1\",\n".utf8), "JSON écrit sur plusieurs lignes"),
    ]

    @Test("no event at all: exit 2, nothing written (not even --output), the input named for what it is", arguments: unreadable)
    func nothingWritten(_ name: String, _ bytes: [UInt8], _ said: String) throws {
        let dir = Scratch.url("pathway-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("log.ndjson").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for format in ["text", "json", "csv", "html"] {
            let out = dir.appendingPathComponent("r.\(format)").path
            let result = try CLI.run(["replay", path, "--format", format, "--output", out])
            #expect(result.status == 2, "\(name) \(format)")
            #expect(result.stderr.contains(said), "\(name): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out), "\(name): \(format) written")
        }
        let excel = dir.appendingPathComponent("r.csv").path
        #expect(try CLI.run(["replay", path, "--excel", "--output", excel]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: excel))
        // The agenda says the same, rather than "no deadline" for a file it could not read.
        let due = try CLI.run(["due", path, "--as-of", "2025-01-01"])
        #expect(due.status == 2 && due.stderr.contains(said) && due.stdout.isEmpty, "\(name): \(due.stderr)")
    }
}
