import Foundation
import Testing
@testable import Pathway

/// `pathway merge`: reports of parts split by person, replayed apart, give the report of the
/// parts replayed together, byte for byte, whatever the order they are given in; and what cannot
/// be merged exactly is refused (`Docs/report.md`, "Merging reports").
@Suite("Merging reports")
struct MergeTests {
    /// A directory of its own, so that the parts' names sort as the test expects.
    static func directory() throws -> String {
        let path = Scratch.url("pathway-merge-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `text` cut into `parts` files by person (as `pathway split` cuts), in name order.
    static func split(_ text: String, parts: Int, in dir: String) throws -> [String] {
        var contents = [String](repeating: "", count: parts)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            let k = LogSplit.part(ofLine: Array(line.utf8), parts: parts) ?? 0
            contents[k] += line + "\n"
        }
        return try contents.enumerated().map { k, content in
            let path = "\(dir)/part-\(k + 1).ndjson"
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    /// Each part replayed alone into `part-K.json` with `options`.
    static func reports(_ parts: [String], _ options: [String]) throws -> [String] {
        try parts.map { part in
            let result = try CLI.run(["replay", part, "--format", "json", "-o", part + ".json"] + options)
            #expect(result.status != 2, "\(result.stderr)")
            return part + ".json"
        }
    }

    @Test("a log split by person into three files: the merge of their reports is the replay of the three, byte for byte, in JSON and CSV, in any order",
          arguments: [["--as-of", "2025-06-30"], ["--as-of", "2026-12-31"], ["--as-of", "2027-03-01", "--by-file"]])
    func threeParts(_ options: [String]) throws {
        let dir = try Self.directory()
        let parts = try Self.split(LogGenerator(events: 12_000, seed: 41).text(), parts: 3, in: dir)
        let reports = try Self.reports(parts, options.filter { $0 != "--by-file" })
        let byFile = options.contains("--by-file") ? ["--by-file"] : []
        let whole = try CLI.run(["replay"] + parts + ["--format", "json"] + options)
        #expect(whole.status == 1)
        for order in [reports, [reports[2], reports[0], reports[1]], reports.reversed()] {
            let merged = try CLI.run(["merge"] + order + byFile)
            #expect(merged.status == whole.status)
            #expect(merged.stderr.hasPrefix("pathway merge : 3 rapports fusionnés : "), "\(merged.stderr)")
            #expect(merged.stdout == whole.stdout)
        }
        for format in ["csv", "csv-excel"] {
            let csv = try CLI.run(["replay"] + parts + ["--format", format] + options.filter { $0 != "--by-file" })
            let merged = try CLI.run(["merge", reports[1], reports[2], reports[0], "--format", format])
            #expect(merged.stdout == csv.stdout)
            #expect(csv.stdout.split(separator: "\r\n").count > 20)
        }
        // The parts' counts add up to the whole, and the medians are the whole's (not a mean of medians).
        let report = try JSONValue.parse(whole.stdout)
        #expect(Self.number(report, "input", "people") == reports.map { Self.number(try! JSONValue.parse(String(contentsOfFile: $0, encoding: .utf8)), "input", "people") }.reduce(0, +))
        // --output writes the same bytes.
        let out = dir + "/merged.json"
        #expect(try CLI.run(["merge"] + reports + byFile + ["-o", out]).stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == whole.stdout)
    }

    static func number(_ value: JSONValue, _ keys: String...) -> Int {
        var current = value
        for key in keys {
            guard case .object(let members) = current, let next = members.first(where: { $0.key == key })?.value else { return -1 }
            current = next
        }
        if case .number(let text) = current { return Int(text) ?? -1 }
        return -1
    }

    @Test("rejected, duplicate and blank lines, a local configuration, sources: each part's accounting merged as the whole replay gives it")
    func accountingAndConfig() throws {
        let dir = try Self.directory()
        let parts = try Self.split(LogGenerator(events: 6_000, seed: 42, sources: true).text(), parts: 3, in: dir)
        // A duplicate in the first part, a line with an impossible date in the second, a blank
        // line and a line that is not JSON in the third.
        let first = try String(contentsOfFile: parts[0], encoding: .utf8)
        try (first + first.split(separator: "\n")[3] + "\n").write(toFile: parts[0], atomically: true, encoding: .utf8)
        let second = try String(contentsOfFile: parts[1], encoding: .utf8)
        try (second + #"{"id":"X-1","person":"XX","type":"right_opened","date":"2025-02-30"}"# + "\n").write(toFile: parts[1], atomically: true, encoding: .utf8)
        let third = try String(contentsOfFile: parts[2], encoding: .utf8)
        try ("\n" + third + "pas du JSON\n").write(toFile: parts[2], atomically: true, encoding: .utf8)
        let config = try CLI.temporaryFile(#"{"orientation_target_days": 15, "reduction_grounds": ["health", "disability"]}"#, suffix: ".json")
        let options = ["--as-of", "2026-09-30", "--config", config]
        let reports = try Self.reports(parts, options)
        let whole = try CLI.run(["replay"] + parts + ["--format", "json"] + options)
        let merged = try CLI.run(["merge", reports[2], reports[1], reports[0]])
        #expect(merged.stdout == whole.stdout)
        #expect(whole.stdout.contains(#""duplicates": 1,"#))
        #expect(whole.stdout.contains(#""code": "impossible_date""#))
        #expect(whole.stdout.contains(#""reduction_grounds": "[\"health\",\"disability\"]""#))
        #expect(whole.stdout.contains(#""every_event_named": true"#))
    }

    @Test("parts read on standard input (as a distributed engine pipes them) merge into the log read on standard input")
    func standardInput() throws {
        let text = LogGenerator(events: 8_000, seed: 43).text()
        var parts = [String](repeating: "", count: 4)
        for line in text.split(separator: "\n") { parts[LogSplit.part(ofLine: Array(line.utf8), parts: 4) ?? 0] += line + "\n" }
        var reports: [String] = []
        for part in parts {
            let result = try CLI.run(["replay", "-", "--as-of", "2026-12-31", "--format", "json"], stdin: part)
            reports.append(try CLI.temporaryFile(result.stdout, suffix: ".json"))
        }
        let whole = try CLI.run(["replay", "-", "--as-of", "2026-12-31", "--format", "json"], stdin: text)
        #expect(try CLI.run(["merge"] + reports.reversed()).stdout == whole.stdout)
        // --sorted parts (grouped by person) merge the same.
        let grouped = LogGenerator(events: 8_000, seed: 43, byPerson: true).text()
        let dir = try Self.directory()
        let files = try Self.split(grouped, parts: 2, in: dir)
        let sortedReports = try Self.reports(files, ["--as-of", "2026-12-31", "--sorted"])
        #expect(try CLI.run(["merge"] + sortedReports).stdout == (try CLI.run(["replay"] + files + ["--as-of", "2026-12-31", "--format", "json"])).stdout)
    }

    @Test("refused with exit 2, naming the file: another as_of, other parameters, another version, a person in two reports, not a report")
    func refusals() throws {
        let dir = try Self.directory()
        let parts = try Self.split(LogGenerator(events: 3_000, seed: 44).text(), parts: 2, in: dir)
        let reports = try Self.reports(parts, ["--as-of", "2026-06-30"])
        func refused(_ arguments: [String], _ says: String) throws {
            let result = try CLI.run(["merge"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(says), "\(result.stderr)")
        }
        let later = try CLI.run(["replay", parts[1], "--as-of", "2026-07-01", "--format", "json"]).stdout
        try refused([reports[0], try CLI.temporaryFile(later, suffix: ".json")], "date d'audit (as_of) 2026-07-01")
        let config = try CLI.temporaryFile(#"{"orientation_target_days": 15}"#, suffix: ".json")
        let configured = try CLI.run(["replay", parts[1], "--as-of", "2026-06-30", "--config", config, "--format", "json"]).stdout
        try refused([reports[0], try CLI.temporaryFile(configured, suffix: ".json")], "paramètres (--config)")
        let original = try String(contentsOfFile: reports[1], encoding: .utf8)
        let other = original.replacingOccurrences(of: "\"generator\": \"pathway 0.1.0\"", with: "\"generator\": \"pathway 0.0.9\"")
        try refused([reports[0], try CLI.temporaryFile(other, suffix: ".json")], "versions différentes")
        try refused([reports[0], reports[0]], "est aussi dans")
        try refused([reports[0], parts[1]], "ce n'est pas un rapport JSON de pathway replay")
        try refused([reports[0], try CLI.temporaryFile(#"{"a": 1}"#, suffix: ".json")], "ce n'est pas un rapport JSON de pathway replay")
        try refused([reports[0], try CLI.temporaryFile("", suffix: ".json")], "ce n'est pas un rapport JSON de pathway replay")
        let explain = try CLI.run(["explain", "Examples/departement-2025.ndjson", "P01", "--format", "json"]).stdout
        #expect(explain.contains("\"person\""))
        try refused([reports[0], try CLI.temporaryFile(explain, suffix: ".json")], "ce n'est pas un rapport JSON de pathway replay")
        // A report of an earlier version, without the merge member.
        var members = try #require({ if case .object(let m) = try JSONValue.parse(original) { return m } else { return nil } }())
        members.removeAll { $0.key == "merge" }
        try refused([reports[0], try CLI.temporaryFile(JSONValue.object(members).serialized(), suffix: ".json")], "sans le champ merge")
        // Of the version before the timelines, and with a timeline's date unreadable.
        try refused([reports[0], try CLI.temporaryFile(Self.editingMerge(original) { $0.removeAll { $0.key == "timelines" } }, suffix: ".json")],
                    "sans merge.timelines")
        let broken = try Self.editingMerge(original) { merge in
            guard let k = merge.firstIndex(where: { $0.key == "timelines" }), case .array(var entries) = merge[k].value,
                  case .object(var first)? = entries.first, let d = first.firstIndex(where: { $0.key == "events" }),
                  case .array(var events) = first[d].value, case .object(var event)? = events.first else { return }
            event[0].value = .string("2026-02-30")
            events[0] = .object(event); first[d].value = .array(events); entries[0] = .object(first); merge[k].value = .array(entries)
        }
        #expect(broken.contains("2026-02-30"))
        try refused([reports[0], try CLI.temporaryFile(broken, suffix: ".json")], "(merge.timelines) : date : une date illisible")
        try refused([], "il manque les rapports")
        // A part whose every event names a source that records no registration leaves a rule
        // unjudged that the whole judges: its findings are missing, so it is refused.
        let sourced = try String(contentsOfFile: parts[0], encoding: .utf8).replacingOccurrences(of: "{\"id\"", with: "{\"source\":\"caf\",\"id\"")
        let caf = try CLI.temporaryFile(sourced)
        let cafReport = try CLI.run(["replay", caf, "--as-of", "2026-06-30", "--format", "json"]).stdout
        #expect(cafReport.contains("sequence.orientation_before_registration"))
        try refused([try CLI.temporaryFile(cafReport, suffix: ".json"), reports[1]], "la fusion ne serait pas exacte")
    }

    @Test("the library: ReportMerge on reports of Replay.log equals the report of the whole log")
    func library() throws {
        let text = LogGenerator(events: 4_000, seed: 45).text()
        var parts = ["", "", ""]
        for line in text.split(separator: "\n") { parts[LogSplit.part(ofLine: Array(line.utf8), parts: 3) ?? 0] += line + "\n" }
        let asOf = try #require(CivilDate("2026-03-31"))
        let given = parts.enumerated().map { k, part in
            ReportMerge.Part(path: "part \(k)", bytes: Replay.log(LogReader.read(part), asOf: asOf).jsonBytes())
        }
        let merge = try ReportMerge(given.reversed())
        var merged: [UInt8] = []
        merge.writeJSON { merged.append(contentsOf: $0) }
        let whole = Replay.log(LogReader.read(text), asOf: asOf)
        #expect(merged == whole.jsonBytes())
        #expect(try merge.findings() == whole.findings)
    }

    @Test("ids with escapes and accents (the same characters in other bytes are two people), and a merged report merged again: the same bytes")
    func escapesAndAssociativity() throws {
        let people = ["Zo\u{E9}", "Zoe\u{301}", "A\\\"B", "a/b", "P\u{1F600}", "zz", "Z"]
        var text = ""
        for (k, person) in people.enumerated() {
            let id = JSONValue.string(person).serialized(pretty: false)
            text += #"{"id":"E\#(k)-1","person":\#(id),"type":"right_opened","date":"2025-01-0\#(k + 1)"}"# + "\n"
            text += #"{"id":"E\#(k)-2","person":\#(id),"type":"registered","date":"2025-01-1\#(k)"}"# + "\n"
        }
        let dir = try Self.directory()
        let parts = try Self.split(text, parts: 3, in: dir)
        #expect(try parts.allSatisfy { !(try String(contentsOfFile: $0, encoding: .utf8)).isEmpty }, "every part has people")
        let reports = try Self.reports(parts, ["--as-of", "2025-12-31"])
        let whole = try CLI.run(["replay"] + parts + ["--format", "json", "--as-of", "2025-12-31"])
        #expect(whole.stdout.contains("orientation.deadline"))
        #expect(try CLI.run(["merge"] + reports.reversed()).stdout == whole.stdout)
        // (a + b) + c = a + b + c.
        let ab = dir + "/ab.json"
        _ = try CLI.run(["merge", reports[0], reports[1], "-o", ab])
        #expect(try CLI.run(["merge", reports[2], ab]).stdout == whole.stdout)
    }

    @Test("one report merged alone is itself, byte for byte (the example, with its rejected lines and duplicate)")
    func identity() throws {
        let report = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "json"]).stdout
        let path = try CLI.temporaryFile(report, suffix: ".json")
        let merged = try CLI.run(["merge", path])
        #expect(merged.stdout == report)
        #expect(merged.status == 1)
        #expect(try CLI.run(["merge", "-"], stdin: report).stdout == report)
    }

    /// The generated log `part` grouped by person (each person's lines in log order, people in
    /// order of first appearance), as `--sorted` reads it: its path.
    static func grouped(_ part: String) throws -> String {
        let text = try String(contentsOfFile: part, encoding: .utf8)
        var byPerson: [String: [Substring]] = [:], order: [String] = []
        for line in text.split(separator: "\n") {
            let person = String(line.split(separator: "\"")[7]) // {"id":"…","person":"…"
            if byPerson[person] == nil { order.append(person) }
            byPerson[person, default: []].append(line)
        }
        let path = part + ".grouped"
        try order.flatMap { byPerson[$0] ?? [] }.map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// `report` with its `merge` member's members changed by `edit`.
    static func editingMerge(_ report: String, _ edit: (inout [(key: String, value: JSONValue)]) -> Void) throws -> String {
        var members = try #require({ if case .object(let m) = try JSONValue.parse(report) { return m } else { return nil } }())
        let k = try #require(members.firstIndex { $0.key == "merge" })
        guard case .object(var merge) = members[k].value else { return report }
        edit(&merge)
        members[k].value = .object(merge)
        return JSONValue.object(members).serialized()
    }

    /// The HTML section `id` of `page`, or nil.
    static func section(_ page: String, _ id: String) -> String? {
        guard let start = page.range(of: "<section id=\"\(id)\">") else { return nil }
        guard let end = page.range(of: "</section>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test("text and HTML of a merge: the whole replay's, byte for byte (the HTML's timelines of the most serious people included)")
    func textAndHTML() throws {
        let dir = try Self.directory()
        let parts = try Self.split(LogGenerator(events: 9_000, seed: 46).text(), parts: 3, in: dir)
        let reports = try Self.reports(parts, ["--as-of", "2026-06-30"])
        let text = try CLI.run(["replay"] + parts + ["--as-of", "2026-06-30"]).stdout
        let merged = try CLI.run(["merge", reports[1], reports[0], reports[2], "--format", "text"])
        #expect(merged.status == 1)
        // The text, byte for byte: each person's detail (facts, deadlines, intensity, sanctions
        // with their hearing and appeals) read back from their part's JSON report.
        #expect(merged.stdout == text)
        #expect(text.contains("DÉTAIL PAR PERSONNE") && text.contains("CONSTATS PAR RÈGLE"))
        #expect(text.contains("      Recours ") || text.contains("      Audition : "), "a procedure is in the detail")
        #expect(text.contains("    Intensité : "))
        let html = try CLI.run(["replay"] + parts + ["--as-of", "2026-06-30", "--format", "html", "--by-file"]).stdout
        let page = try CLI.run(["merge"] + reports + ["--format", "html", "--by-file"]).stdout
        for id in ["synthese", "graphiques", "fichiers", "constats", "personnes"] {
            let mine = Self.section(page, id)
            #expect(mine != nil, "\(id)")
            #expect(mine == Self.section(html, id), "\(id)")
        }
        // The whole page, byte for byte: the people's timelines drawn from `merge.timelines`.
        #expect(page == html)
        #expect(page.contains("<svg class=\"timeline\"") && page.contains("Frises des "))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test("HTML of a merge whose parts each have more than a hundred people with a finding: the first hundred of the whole drawn, as the whole replay draws them, also from --sorted parts")
    func timelinesCut() throws {
        let dir = try Self.directory()
        let log = LogGenerator(events: 45_000, seed: 47).text()
        let parts = try Self.split(log, parts: 3, in: dir)
        let reports = try Self.reports(parts, ["--as-of", "2026-06-30"])
        for report in reports {
            // Each part's report carries its own first hundred: the cut is exercised in each.
            let value = try JSONValue.parse(try String(contentsOfFile: report, encoding: .utf8))
            let r = ReportReader(value, report)
            let flagged = try r.array("people").filter { try ReportReader($0, report).int("findings") > 0 }.count
            #expect(flagged > Report.drawnTimelines, "\(report): \(flagged)")
            #expect(try r.array("merge", "timelines").count == Report.drawnTimelines)
        }
        let html = try CLI.run(["replay"] + parts + ["--as-of", "2026-06-30", "--format", "html"]).stdout
        let page = try CLI.run(["merge", reports[2], reports[0], reports[1], "--format", "html"]).stdout
        #expect(page == html)
        #expect(page.components(separatedBy: "<svg class=\"timeline\"").count - 1 == Report.drawnTimelines)
        // The drawn people come from more than one part.
        let drawn = Set(page.components(separatedBy: "<article class=\"person").dropFirst().compactMap { article in
            article.components(separatedBy: "id=\"p-").dropFirst().first?.split(separator: "\"").first.map(String.init)
        })
        #expect(drawn.count == Report.drawnTimelines)
        #expect(drawn.allSatisfy { $0.hasPrefix("P0") })
        let owners = parts.map { part in (try? String(contentsOfFile: part, encoding: .utf8)) ?? "" }
        #expect(owners.filter { text in drawn.contains { text.contains("\"person\":\"\($0)\"") } }.count == 3)
        // Parts replayed with --sorted (grouped by person) carry the same timelines.
        let grouped = try parts.map(Self.grouped)
        for (k, g) in grouped.enumerated() {
            let sorted = try CLI.run(["replay", g, "--sorted", "--as-of", "2026-06-30", "--format", "json"]).stdout
            let plain = try CLI.run(["replay", g, "--as-of", "2026-06-30", "--format", "json"]).stdout
            #expect(sorted == plain, "\(parts[k])")
            let timelines = { (text: String) throws -> JSONValue in try ReportReader(try JSONValue.parse(text), g).member(["merge", "timelines"]) }
            let mine = try String(contentsOfFile: reports[k], encoding: .utf8)
            #expect(try timelines(sorted) == timelines(mine), "\(parts[k])")
        }
    }

    @Test("parts replayed without --as-of whose latest days coincide: the header names the event that set the whole's date (the smallest id of that day in all the parts), in text, HTML and JSON, with and without --sorted")
    func defaultDate() throws {
        let dir = try Self.directory()
        var parts = try Self.split(LogGenerator(events: 6_000, seed: 48).text(), parts: 3, in: dir)
        // Each part ends on the same day: two events there in the first part, one in the others.
        let last = ["{\"id\":\"z2\",\"person\":\"Z1\",\"date\":\"2030-01-15\",\"type\":\"registered\"}\n{\"id\":\"z9\",\"person\":\"Z1\",\"date\":\"2030-01-15\",\"type\":\"registered\"}\n",
                    "{\"id\":\"z1\",\"person\":\"Z2\",\"date\":\"2030-01-15\",\"type\":\"registered\"}\n",
                    "{\"id\":\"z3\",\"person\":\"Z3\",\"date\":\"2030-01-15\",\"type\":\"registered\"}\n"]
        for (k, part) in parts.enumerated() {
            try (try String(contentsOfFile: part, encoding: .utf8) + last[k]).write(toFile: part, atomically: true, encoding: .utf8)
        }
        let reports = try Self.reports(parts, [])
        for format in ["json", "text", "html"] {
            let whole = try CLI.run(["replay"] + parts + ["--format", format])
            let merged = try CLI.run(["merge", reports[2], reports[1], reports[0], "--format", format])
            #expect(merged.stdout == whole.stdout, "\(format)")
            #expect(whole.stdout.contains(format == "html" ? "celle de l&#39;événement z1 et de 3 autres" : "celle de l'événement z1 et de 3 autres")
                    || format == "json", "\(format)")
        }
        let json = try CLI.run(["merge"] + reports).stdout
        #expect(json.contains("\"latest\": {\n      \"event\": \"z1\",\n      \"count\": 4\n    }"))
        // A part grouped by person, replayed with --sorted (two passes): the same report.
        let grouped = try Self.grouped(parts[0])
        let sorted = try CLI.run(["replay", grouped, "--sorted", "--format", "json"]).stdout
        #expect(sorted == (try CLI.run(["replay", grouped, "--format", "json"])).stdout)
        #expect(sorted.contains("\"event\": \"z2\",\n      \"count\": 2"))
        // One part given --as-of: the whole's date was not set by an event of every part.
        parts = [reports[0], reports[1]]
        let given = parts[1] + ".given.json"
        _ = try CLI.run(["replay", dir + "/part-3.ndjson", "--as-of", "2030-01-15", "--format", "json", "-o", given])
        let mixed = try CLI.run(["merge", reports[0], reports[1], given, "--format", "text"]).stdout
        #expect(mixed.contains("Date d'audit : 2030-01-15\n") && !mixed.contains("celle de l'événement"))
    }
}
