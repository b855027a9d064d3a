import Foundation
import Testing

/// Each command declares its options once (`Sources/PathwayCLI/Options.swift`): the usage text
/// and the parser come from the same table, so that an option accepted is an option shown.
@Suite("Option tables", .serialized)
struct OptionTableTests {
    static let commands = ["replay", "explain", "due", "rules", "check", "generate", "serve", "split", "merge", "import caf", "import csv"]

    /// The options a usage text lists in its "Options :" part.
    static func listed(_ usage: String) -> [String] {
        guard let start = usage.range(of: "Options :\n") else { return [] }
        var names: [String] = []
        for line in usage[start.upperBound...].split(separator: "\n") where line.hasPrefix("  -") {
            for word in line.split(separator: " ").prefix(3) where word.hasPrefix("-") {
                names.append(word.hasSuffix(",") ? String(word.dropLast()) : String(word))
            }
        }
        return names
    }

    @Test("each command's help lists its options, short names included, in lines that fit 100 columns", arguments: commands)
    func usage(command: String) throws {
        let help = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(help.status == 0)
        let options = Self.listed(help.stdout)
        #expect(options.contains("--help") && options.contains("-h"), "\(command): \(options)")
        // Each option has one row: its name (and its short name before a comma) opens it.
        var rows: [String] = []
        for line in help.stdout.split(separator: "\n") where line.hasPrefix("  -") {
            let words = line.split(separator: " ")
            rows.append(String(words[0]))
            if words[0].hasSuffix(","), words.count > 1 { rows.append(String(words[1])) }
        }
        #expect(Set(rows).count == rows.count, "\(command) lists an option twice: \(rows)")
        for line in help.stdout.split(separator: "\n") { #expect(line.count <= 100, "\(command): \(line)") }
        // In French: none of the words an English help would hold.
        for word in [" the ", " of ", " and ", " is ", " to ", "Exit status", "Usage:"] { #expect(!help.stdout.contains(word), "\(command): \(word)") }
        // Every option listed is accepted: given without its value it asks for one, or is a flag.
        for option in options where option != "--help" && option != "-h" {
            let run = try CLI.run(command.split(separator: " ").map(String.init) + [option, "--help"])
            #expect(!run.stderr.contains("option inconnue"), "\(command) lists \(option) but refuses it: \(run.stderr)")
        }
    }

    @Test("the short names are the documented ones: -o for --output, -j for --jobs")
    func shortNames() throws {
        let help = try CLI.run(["replay", "--help"]).stdout
        #expect(help.contains("-o, --output FILE"))
        #expect(help.contains("-j, --jobs N"))
        let log = Scratch.url("options-\(UUID().uuidString).ndjson")
        try #"{"id":"e1","person":"P1","type":"right_opened","date":"2025-03-03"}"#.write(to: log, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: log) }
        let out = log.deletingPathExtension().appendingPathExtension("json")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLI.run(["replay", log.path, "-o", out.path, "-j", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test("errors come from the table: an unknown option with its closest name, a flag given a value, a value out of range, a missing value")
    func errors() throws {
        let unknown = try CLI.run(["replay", "x.ndjson", "--as-off", "2025-01-01"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("option inconnue « --as-off » (vouliez-vous dire « --as-of » ?)"), "\(unknown.stderr)")
        let flag = try CLI.run(["replay", "x.ndjson", "--strict=yes"])
        #expect(flag.status == 2 && flag.stderr.contains("--strict ne prend pas de valeur"), "\(flag.stderr)")
        let range = try CLI.run(["replay", "x.ndjson", "--jobs", "0"])
        #expect(range.status == 2 && range.stderr.contains("--jobs : un nombre entier de 1 à 256 était attendu, reçu « 0 »"), "\(range.stderr)")
        let missing = try CLI.run(["due", "x.ndjson", "--as-of"])
        #expect(missing.status == 2 && missing.stderr.contains("--as-of demande une valeur : une date AAAA-MM-JJ"), "\(missing.stderr)")
        let day = try CLI.run(["explain", "x.ndjson", "P1", "--as-of", "2025-02-30"])
        #expect(day.status == 2 && day.stderr.contains("2025-02-30 n'est pas un jour du calendrier"), "\(day.stderr)")
        let choice = try CLI.run(["import", "csv", "--mapping", "pilotage", "a.csv", "--separator", "|"])
        #expect(choice.status == 2 && choice.stderr.contains("--separator : ; ou , attendu, reçu « | »"), "\(choice.stderr)")
    }
}
