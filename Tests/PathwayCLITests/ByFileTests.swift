import Foundation
import Testing
@testable import Pathway

/// `pathway replay A B C --by-file`: the indicators of each file, whose counts add up to the whole.
@Suite("Indicators by file")
struct ByFileTests {
    /// The example split by person into three files (a person's lines all in one file).
    static func parts() throws -> [String] {
        let text = try String(contentsOfFile: "Examples/departement-2025.ndjson", encoding: .utf8)
        var parts = ["", "", ""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let person = line.range(of: #""person":""#).map { String(line[$0.upperBound...].prefix { $0 != "\"" }) } ?? String(line)
            parts[person.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % 3] += line + "\n"
        }
        return try parts.map { try CLI.temporaryFile($0) }
    }

    /// Rates, medians, means, shares and averages are not counts; the target is a parameter.
    static func additive(_ key: String) -> Bool {
        !["rate", "median", "mean", "share", "average", "target_days"].contains { key.contains($0) }
    }

    /// Every count of `whole` against the sum of the files' (`path` for the message).
    static func compare(_ whole: JSONValue, _ files: [JSONValue?], _ path: String, _ checked: inout Int) {
        switch whole {
        case .object(let members):
            for (key, value) in members where key != "by_file" && Self.additive(key) {
                let parts: [JSONValue?] = files.map { file in
                    if case .object(let m)? = file { return m.first { $0.key == key }?.value }
                    return nil
                }
                compare(value, parts, path + "." + key, &checked)
            }
        case .number(let text):
            let sum = files.reduce(Decimal(0)) { total, file in
                if case .number(let t)? = file { return total + (Decimal(string: t) ?? 0) }
                return total
            }
            #expect(Decimal(string: text) == sum, "\(path): \(text) for the whole, \(sum) for the files")
            checked += 1
        default:
            break
        }
    }

    @Test("three files split by person: each file's counts add up to the whole, field by field; the order of the files is kept")
    func addUp() throws {
        let files = try Self.parts()
        let result = try CLI.run(["replay"] + files + ["--by-file", "--format", "json"])
        #expect(result.status == 1)
        let json = try JSONValue.parse(result.stdout)
        guard case .object(let top) = json, case .object(let indicators)? = top.first(where: { $0.key == "indicators" })?.value,
              case .array(let byFile)? = indicators.first(where: { $0.key == "by_file" })?.value else { Issue.record("no indicators.by_file"); return }
        #expect(byFile.count == 3)
        let names = byFile.map { value -> String in
            if case .object(let m) = value, case .string(let name)? = m.first(where: { $0.key == "file" })?.value { return name }
            return "?"
        }
        #expect(names == files)
        var checked = 0
        Self.compare(.object(indicators), byFile.map { $0 }, "indicators", &checked)
        #expect(checked > 60, "\(checked) counts compared")
        // Without --by-file, the same report with no by_file.
        let plain = try CLI.run(["replay"] + files + ["--format", "json"])
        #expect(!plain.stdout.contains("by_file"))
        // One file: one entry, equal to the whole.
        let one = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--by-file", "--format", "json"])
        // Once in indicators.by_file, once in merge.files (the input named, for pathway merge).
        #expect(one.stdout.components(separatedBy: "\"file\": \"Examples/departement-2025.ndjson\"").count - 1 == 2)
    }

    @Test("a person in two files is counted once, in the file of their first event")
    func personInTwoFiles() throws {
        let a = try CLI.temporaryFile(#"{"id":"a1","person":"P1","type":"right_opened","date":"2025-03-03"}"# + "\n")
        let b = try CLI.temporaryFile(#"{"id":"b1","person":"P1","type":"orientation_decided","date":"2025-03-20","notified":"2025-03-21","dominante":"emploi","organisme":"france_travail"}"# + "\n"
                                      + #"{"id":"b2","person":"P2","type":"right_opened","date":"2025-03-03"}"# + "\n")
        let result = try CLI.run(["replay", a, b, "--by-file", "--format", "json", "--as-of", "2025-06-30"])
        let json = try JSONValue.parse(result.stdout)
        guard case .object(let top) = json, case .object(let indicators)? = top.first(where: { $0.key == "indicators" })?.value,
              case .array(let byFile)? = indicators.first(where: { $0.key == "by_file" })?.value else { Issue.record("no by_file"); return }
        func states(_ value: JSONValue) -> Int {
            guard case .object(let m) = value, case .object(let s)? = m.first(where: { $0.key == "states" })?.value else { return -1 }
            return s.reduce(0) { total, member in if case .number(let n) = member.value { return total + (Int(n) ?? 0) } else { return total } }
        }
        #expect(byFile.map(states) == [1, 1], "P1 in the first file, P2 in the second")
    }

    @Test("the HTML report compares the files: a row each whose people add up to the total, a chart, the shares of the JSON")
    func html() throws {
        let files = try Self.parts()
        let page = try CLI.run(["replay"] + files + ["--by-file", "--format", "html"]).stdout
        #expect(page.contains("<a href=\"#fichiers\">Fichiers</a>"))
        guard let start = page.range(of: "<figure id=\"files-comparison\" data-files=\"3\">"),
              let end = page[start.upperBound...].range(of: "</figure>") else { Issue.record("no comparison"); return }
        let figure = String(page[start.upperBound..<end.lowerBound])
        // The people of each file, then the total row.
        var people: [Int] = []
        for row in figure.components(separatedBy: "<tr><td><code>").dropFirst() {
            let cells = row.components(separatedBy: "</td><td>")
            people.append(Int(cells[1]) ?? -1)
        }
        #expect(people.count == 3)
        #expect(figure.contains("<tr class=\"total\"><td>total</td><td>\(people.reduce(0, +))</td><td>34 / 39 (87,2 %)</td><td>34 / 37 (91,9 %)</td><td>1 / 44 (2,3 %)</td><td>12</td>"), "\(figure)")
        #expect(figure.components(separatedBy: "<rect x=\"190\"").count - 1 == 9, "three bars a file")
        // Without --by-file, no comparison.
        #expect(!(try CLI.run(["replay"] + files + ["--format", "html"]).stdout.contains("files-comparison")))
    }

    @Test("--by-file goes with the JSON or HTML report of a whole replay")
    func usage() throws {
        let text = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--by-file"])
        #expect(text.status == 2 && text.stderr.contains("--by-file ajoute les indicateurs de chaque fichier au rapport JSON et au rapport HTML seulement"))
        let sorted = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--by-file", "--sorted", "--format", "json"])
        #expect(sorted.status == 2)
    }

    @Test("a file that gives no event among several is refused with its own diagnosis, and no report is written",
          arguments: ["xml", "windows-1252", "gzip"])
    func fileOfAnotherKind(_ kind: String) throws {
        let log = try CLI.temporaryFile(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}"# + "\n")
        let other: String
        switch kind {
        case "xml": other = try CLI.temporaryFile(#"<?xml version="1.0" encoding="ISO-8859-1"?>"# + "\n<IdentificationFlux><NumOrganisme>931</NumOrganisme></IdentificationFlux>\n", suffix: ".xml")
        case "windows-1252":
            other = try CLI.temporaryFile("", suffix: ".ndjson")
            try Data(#"{"id":"e2","person":"P\#u{E9}","type":"registered","date":"2025-03-03"}"#.utf8.map { $0 == 0xC3 ? 0x20 : $0 == 0xA9 ? 0xE9 : $0 } + [0x0A])
                .write(to: URL(fileURLWithPath: other))
        default:
            other = try CLI.temporaryFile("", suffix: ".ndjson.gz")
            try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A]).write(to: URL(fileURLWithPath: other))
        }
        let output = try CLI.temporaryFile("", suffix: ".json")
        try FileManager.default.removeItem(atPath: output)
        let result = try CLI.run(["replay", log, other, "--by-file", "--format", "json", "--output", output])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(other) && result.stderr.contains("aucun événement lu"), "\(result.stderr)")
        #expect(result.stderr.contains(kind == "xml" ? "pathway import caf" : kind == "gzip" ? "gzip" : "--encoding windows-1252"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        // `explain` reads several files as `replay` does, and says the same (it said the person
        // had no event).
        let told = try CLI.run(["explain", log, other, "P1"])
        #expect(told.status == 2, "\(told.stderr)")
        #expect(told.stderr.contains(other) && told.stderr.contains("aucun événement lu") && !told.stderr.contains("aucun événement pour la personne"),
                "\(told.stderr)")
        #expect(try CLI.run(["explain", log, "P1"]).status != 2)
        // A file of events beside an empty one is read as before.
        let empty = try CLI.temporaryFile("")
        #expect(try CLI.run(["replay", log, empty, "--format", "json"]).status != 2)
    }
}
