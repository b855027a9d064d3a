import Foundation
import Testing
@testable import Pathway

/// A corpus of bad inputs run through the `pathway` binary: each gives its exact error, the
/// process never traps, and every line is accounted for.
@Suite("Bad input corpus (end to end)", .serialized)
struct BadInputTests {
    static let good = #"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}"#

    /// (name, file bytes, the rejected lines expected as "line N: reason")
    static let corpus: [(String, [UInt8], [String])] = [
        ("truncated JSON", Array((good + "\n" + #"{"id":"e2","person":"P1","type":"regis"#).utf8),
         ["line 2: invalid JSON at byte 33: unterminated string (truncated JSON?)"]),
        ("wrong type", Array(#"{"id":"e1","person":"P1","type":"contract_signed","date":"2025-03-03","weekly_hours":true}"#.utf8),
         [#"line 1: "weekly_hours": expected a number of hours from 0 to 168, got true"#]),
        ("number as a string", Array(#"{"id":"e1","person":"P1","type":"sanction_decided","date":"2025-07-01","measure":"suspension","percent":"30","months":1}"#.utf8),
         [#"line 1: "percent": expected an integer from 1 to 100, got "30" (a string)"#]),
        ("impossible date", Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-02-29"}"#.utf8),
         [#"line 1: "date": impossible date "2025-02-29" (no such day, or a year outside 1900–2999)"#]),
        ("date with a time", Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03T00:00:00Z"}"#.utf8),
         [#"line 1: "date": expected a calendar day YYYY-MM-DD with no time or time zone, got "2025-03-03T00:00:00Z""#]),
        ("unknown type", Array(#"{"id":"e1","person":"P1","type":"orientation","date":"2025-03-03"}"#.utf8),
         [#"line 1: "type": unknown event type "orientation" (did you mean "orientation_decided"?)"#]),
        ("unknown fields are accepted", Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","origin":{"system":"x"}}"#.utf8), []),
        ("a source that is not a text is rejected, naming the field", Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","source":{"system":"x"}}"#.utf8),
         [#"line 1: "source": expected a string of 1 to 128 characters, got {"system":"x"} (an object)"#]),
        ("an empty source is rejected", Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","source":""}"#.utf8),
         [#"line 1: "source": expected a string of 1 to 128 characters, got 0 characters"#]),
        ("id too long", Array(#"{"id":"\#(String(repeating: "x", count: 129))","person":"P1","type":"registered","date":"2025-03-03"}"#.utf8),
         [#"line 1: "id": expected a string of 1 to 128 characters, got 129 characters"#]),
        ("line over 64 KiB", Array((#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","pad":""# + String(repeating: "y", count: 70_000) + "\"}\n" + good).utf8),
         ["line 1: line of 70074 bytes is longer than the limit of 65536 bytes (64 KiB); not read"]),
        ("invalid UTF-8", Array(#"{"id":"e1","person":"P"#.utf8) + [0xFF] + Array(#"","type":"registered","date":"2025-03-03"}"#.utf8),
         ["line 1: invalid UTF-8 at byte 23"]),
        ("a NUL byte", Array(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}"#.utf8) + [0x00],
         ["line 1: invalid JSON at byte 66: unexpected text after the JSON object"]),
        ("no final newline", Array((good + "\n" + good.replacingOccurrences(of: "e1", with: "e2")).utf8), []),
        ("empty file", [], []),
        ("only blank lines and CRLF", Array("\r\n  \r\n\n".utf8), []),
        ("a top-level array", Array("[1,2]\n".utf8), ["line 1: invalid JSON at byte 1: expected a JSON object starting with '{'"]),
        ("deeply nested unknown field", Array((#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","x":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}").utf8),
         ["line 1: invalid JSON at byte 133: nested more than 64 levels deep"]),
    ]

    @Test("each bad input gives its exact error, and every line is accounted for", arguments: 0..<corpus.count)
    func corpusEntry(_ index: Int) throws {
        let (name, bytes, expected) = Self.corpus[index]
        let path = Scratch.url("pathway-bad-\(UUID().uuidString).ndjson").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["replay", path, "--format", "json"])
        let report = LogReader.read(bytes)
        // A log that gives no event at all (empty, blank, or every line rejected) exits 2 with a
        // diagnosis that names its first rejected line, and writes no report.
        let noEvent = report.events.isEmpty
        #expect(noEvent ? result.status == 2 : [0, 1].contains(result.status), "\(name): exit \(result.status)")
        if noEvent {
            #expect(result.stdout.isEmpty, "\(name): a report was written for an input with no event")
            #expect(result.stderr.contains(report.lines > report.blank ? "aucun événement lu" : "aucun événement à rejouer"), "\(name)")
            // The first rejected line in French, unless a diagnosis says better what the file is.
            if let first = report.rejected.first {
                #expect(result.stderr.contains(first.frenchDescription) || result.stderr.contains("windows-1252") || result.stderr.contains("un tableau JSON"), "\(name): \(result.stderr)")
            }
        }
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(name)")
        #expect(report.rejected.map(\.description) == expected, "\(name)")
        if !noEvent {
            // The JSON report gives each the French reason and its stable code.
            for error in report.rejected {
                #expect(result.stdout.contains("\"code\": \"\(error.code)\",\n") || result.stdout.contains("\"code\":\"\(error.code)\""), "\(name)")
                #expect(result.stdout.contains(error.reason(in: .french).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")), "\(name)")
            }
        }
        let lines = bytes.isEmpty ? 0 : bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count - (bytes.last == 0x0A ? 1 : 0)
        #expect(report.lines == lines, "\(name): \(report.lines) lines accounted, \(lines) in the file")
        let strict = try CLI.run(["replay", path, "--strict"])
        #expect(strict.status == (noEvent ? 2 : expected.isEmpty ? 0 : 3), "\(name)")
    }

    @Test("a directory, a missing file and an unreadable file exit 2 with a message")
    func unreadable() throws {
        #expect(try CLI.run(["replay", "Docs"]).stderr == "pathway : Docs : c'est un dossier, un fichier NDJSON était attendu\n")
        #expect(try CLI.run(["replay", "nope.ndjson"]).stderr == "pathway : nope.ndjson : fichier introuvable\n")
        #expect(try CLI.run(["replay", "nope.ndjson"]).status == 2)
    }
}
