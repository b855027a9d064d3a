import Foundation
import Testing
@testable import Pathway

@Suite("The HTML report")
struct HTMLReportTests {
    /// The figure `id` of a page, from its opening tag to its end (nil when absent).
    static func figure(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "<figure id=\"\(id)\""), let end = html[start.upperBound...].range(of: "</figure>") else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("one self-contained page in French: no network, no external asset, charts as SVG with their tables, printable")
    func page() throws {
        let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "html"])
        #expect(result.status == 1)
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        for external in ["http://", "https://", "src=", "<link", "@import"] { #expect(!html.contains(external), "\(external)") }
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        for id in ["orientation-delays", "contract-delays", "on-time-by-month", "new-entrants-by-month", "sanctions-by-month", "hours-by-dominante"] {
            #expect(html.contains("<figure id=\"\(id)\""), "\(id)")
        }
        // The new entrants by month: the chart's bars and the table agree with the JSON report's
        // indicators.new_entrants (44 entrants, 1 within 15 days, 3 without orientation; 2025-09:
        // 3 entrants, 1 within the target).
        if let start = html.range(of: "<figure id=\"new-entrants-by-month\""), let end = html[start.upperBound...].range(of: "</figure>") {
            let figure = String(html[start.upperBound..<end.lowerBound])
            #expect(figure.contains("<tr class=\"total\"><td>total</td><td>44</td><td>1</td><td>40</td><td>0</td><td>3</td><td>2,3 %</td></tr>"))
            #expect(figure.contains("<tr><td>2025-09</td><td>3</td><td>1</td><td>1</td><td>0</td><td>1</td><td>33,3 %</td></tr>"))
            #expect(figure.contains("<title>2025-09 : 1 orientés en 15 jours et moins</title>"))
        } else { Issue.record("no new entrants figure") }
        #expect(html.contains("@media print"))
        #expect(html.contains("42 jours"))
        #expect(html.contains("id=\"p-P02\""))
        // P02's timeline shows its five events on the time axis.
        if let start = html.range(of: "id=\"p-P02\""), let end = html[start.upperBound...].range(of: "</article>") {
            #expect(html[start.upperBound..<end.lowerBound].components(separatedBy: "class=\"axis event\"").count - 1 == 5)
        } else { Issue.record("no P02 section") }
        // --output report.html chooses the format.
        let dir = Scratch.url("pathway-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("audit.html").path
        _ = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html)
    }

    @Test("the page drawn from the timelines the report carries is the page drawn from the events (pathway replay lets go of them)",
          arguments: [nil, "2026-06-30"] as [String?])
    func timelinesWithoutEvents(_ asOf: String?) throws {
        // More than the hundred people drawn have a finding.
        let log = LogReader.read(LogGenerator(events: 30_000, seed: 7).text())
        let report = Replay.log(log, asOf: asOf.flatMap(CivilDate.init))
        #expect(report.people.filter { !$0.findings.isEmpty }.count > 120 && report.timelines.count == Report.drawnTimelines)
        let drawnFromEvents = report.html(source: "x", events: log.events)
        #expect(report.html(source: "x") == drawnFromEvents)
        // Beyond the timelines carried, the events are read (none given: the person has no tick).
        #expect(report.html(source: "x", personCap: 120, events: log.events) != report.html(source: "x", personCap: 120))
        // And `pathway replay --format html`, which lets them go, writes that page.
        var released = log
        #expect(Replay.log(releasing: &released, asOf: asOf.flatMap(CivilDate.init)).html(source: "x") == drawnFromEvents)
    }

    @Test("one person with a finding: one timeline, its heading in the singular")
    func singleTimeline() {
        let log = #"{"id":"e1","person":"P1","type":"right_opened","date":"2025-01-06"}"# + "\n"
        let html = Replay.log(LogReader.read(log), asOf: CivilDate(year: 2025, month: 6, day: 30)).html(source: "x")
        #expect(html.contains("Frise de la personne avec un constat</h3>"))
        #expect(!html.contains("Frises des 1 "))
    }

    @Test("people beyond the cap are listed with a pointer to the JSON report")
    func cap() throws {
        let log = LogGenerator(events: 3_000, seed: 2).text()
        let report = Replay.log(LogReader.read(log))
        let html = report.html(source: "x", personCap: 3)
        #expect(html.components(separatedBy: "<article class=\"person\"").count - 1 == 3)
        #expect(html.contains("autres personnes ont un constat"))
    }

    @Test("delays: weeks aligned on the limit, up to three times it, the longer ones in a last bucket; every step counted once, by status")
    func delayBuckets() throws {
        // Contracts signed 700, 29, 91 and 90 days after the notification of 2025-03-10: the
        // month runs to 2025-04-10 (31 days), so day 29 is on time and the others late.
        var lines: [String] = []
        for (k, days) in [(1, 700), (2, 29), (3, 91), (4, 90)] {
            let p = "Q\(k)"
            lines.append(#"{"id":"\#(p)a","person":"\#(p)","type":"right_opened","date":"2025-03-03"}"#)
            lines.append(#"{"id":"\#(p)b","person":"\#(p)","type":"orientation_decided","date":"2025-03-10","notified":"2025-03-10","dominante":"emploi","organisme":"france_travail"}"#)
            let signed = CivilDate(year: 2025, month: 3, day: 10)!.adding(days: days)
            lines.append(#"{"id":"\#(p)c","person":"\#(p)","type":"contract_signed","date":"\#(signed)","weekly_hours":15}"#)
        }
        let html = Replay.log(LogReader.read(lines.joined(separator: "\n") + "\n")).html(source: "x")
        guard let figure = Self.figure("contract-delays", in: html) else { Issue.record("no contract chart"); return }
        #expect(figure.contains("4 étapes réalisées"))
        #expect(figure.contains("data-on-time=\"1\" data-late=\"3\""))
        // One month is 28 to 31 days: the bins break after day 31, a week each from day 4.
        #expect(figure.contains("<tr><td>25–31</td><td>1</td><td>0</td><td>1</td></tr>"))
        #expect(figure.contains("<tr><td>88–94</td><td>0</td><td>2</td><td>2</td></tr>"))
        #expect(figure.contains("<tr><td>95 et plus</td><td>0</td><td>1</td><td>1</td></tr>"))
        #expect(figure.contains("un mois (28 à 31 jours)"))
        #expect(!figure.contains("693"))
    }

    @Test("day 42 is on time, left of the line; day 43 is late, right of it; days 41 and 44 with them")
    func orientationBoundary() throws {
        // Rights received on 2025-03-03 (day 0); orientations decided on days 41, 42, 43 and 44.
        var lines: [String] = []
        for days in [41, 42, 43, 44] {
            let p = "B\(days)"
            lines.append(#"{"id":"\#(p)a","person":"\#(p)","type":"right_opened","date":"2025-03-03"}"#)
            lines.append(#"{"id":"\#(p)r","person":"\#(p)","type":"registered","date":"2025-03-03"}"#)
            let decided = CivilDate(year: 2025, month: 3, day: 3)!.adding(days: days)
            lines.append(#"{"id":"\#(p)b","person":"\#(p)","type":"orientation_decided","date":"\#(decided)","notified":"\#(decided)","dominante":"emploi","organisme":"france_travail"}"#)
        }
        let html = Replay.log(LogReader.read(lines.joined(separator: "\n") + "\n"), asOf: CivilDate(year: 2025, month: 6, day: 30)).html(source: "x")
        guard let figure = Self.figure("orientation-delays", in: html) else { Issue.record("no orientation chart"); return }
        #expect(figure.contains("data-on-time=\"2\" data-late=\"2\""))
        #expect(figure.contains("<tr><td>36–42</td><td>2</td><td>0</td><td>2</td></tr>"), "\(figure)")
        #expect(figure.contains("<tr><td>43–49</td><td>0</td><td>2</td><td>2</td></tr>"))
        // The line is drawn at the boundary between the two bins: the left edge of the 43–49 bar.
        // The bars are the rectangles with a title (the legend's squares have none).
        let bars = Set(figure.components(separatedBy: "<rect x=\"").dropFirst()
            .filter { chunk in chunk.components(separatedBy: "</rect>")[0].contains("<title>") }
            .compactMap { Int($0.prefix { $0.isNumber }) })
        let line = figure.range(of: "class=\"limit\"").flatMap { r in figure[..<r.lowerBound].range(of: "<line x1=\"", options: .backwards) }
            .map { Int(figure[$0.upperBound...].prefix { $0.isNumber }) ?? -1 }
        #expect(line != nil && bars.count == 2 && line == bars.max(), "line \(String(describing: line)), bars \(bars)")
    }

    @Test("a month of 31 days: day 31 on time, day 32 late past the line; a month of 28 days: day 29 late, red left of the line")
    func contractBoundary() throws {
        // (notified, days to the signature): March 10 + 1 month = April 10 (31 days);
        // January 31 + 1 month = February 28 (28 days).
        var lines: [String] = []
        for (k, (notified, days)) in [("2025-03-10", 31), ("2025-03-10", 32), ("2025-01-31", 28), ("2025-01-31", 29)].enumerated() {
            let p = "C\(k)"
            let signed = CivilDate(notified)!.adding(days: days)
            lines.append(#"{"id":"\#(p)a","person":"\#(p)","type":"right_opened","date":"2025-01-06"}"#)
            lines.append(#"{"id":"\#(p)b","person":"\#(p)","type":"orientation_decided","date":"\#(notified)","notified":"\#(notified)","dominante":"emploi","organisme":"france_travail"}"#)
            lines.append(#"{"id":"\#(p)c","person":"\#(p)","type":"contract_signed","date":"\#(signed)","weekly_hours":15}"#)
        }
        let html = Replay.log(LogReader.read(lines.joined(separator: "\n") + "\n"), asOf: CivilDate(year: 2025, month: 6, day: 30)).html(source: "x")
        guard let figure = Self.figure("contract-delays", in: html) else { Issue.record("no contract chart"); return }
        #expect(figure.contains("data-on-time=\"2\" data-late=\"2\""))
        // Days 28 (on time), 29 (late, a short month) and 31 (on time) share the bin 25–31.
        #expect(figure.contains("<tr><td>25–31</td><td>2</td><td>1</td><td>3</td></tr>"), "\(figure)")
        #expect(figure.contains("<tr><td>32–38</td><td>0</td><td>1</td><td>1</td></tr>"))
    }

    @Test("the lines' words sit in a band above the tallest bar (the example's contract chart writes them left of its line, where they were drawn over the bars)")
    func wordsAboveBars() throws {
        let log = try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)
        let html = Replay.log(LogReader.read(log)).html(source: "x")
        func numbers(_ pattern: String, in text: String) throws -> [Int] {
            let regex = try NSRegularExpression(pattern: pattern)
            return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
                Range(match.range(at: 1), in: text).flatMap { Int(text[$0]) }
            }
        }
        for id in ["orientation-delays", "contract-delays"] {
            let figure = try #require(Self.figure(id, in: html))
            let bars = try numbers(#"<rect x="\d+" y="(\d+)" width="\d+" height="\d+" class="(?:ontime|late)">"#, in: figure)
            // The lines drawn down to the axis (y2="200"; the legend's are short ticks), then their words.
            let words = try numbers(#"y2="200" class="(?:limit|target)"/><text x="\d+" y="(\d+)""#, in: figure)
            let (highest, lowest) = (try #require(bars.min()), try #require(words.max()))
            // A label's y is its baseline: the bars start below it, with room to spare.
            #expect(highest >= lowest + 6, "\(id): bar at \(highest), words at \(lowest)")
            // And the tallest bar still reaches the band: the scale uses the chart's height.
            #expect(highest <= lowest + 12, "\(id): bar at \(highest)")
        }
    }

    @Test("bins: a bin ends on the limit's last day and the next starts the day after, for every limit")
    func binsOnTheLimit() {
        for limit in [1, 4, 7, 14, 15, 28, 31, 42, 45, 60, 92] {
            let bins = Report.delayBins(limit: limit, largest: max(400, 10 * limit))
            #expect(bins.first?.lowerBound == 0)
            #expect(bins.contains { $0.upperBound == limit }, "limit \(limit)")
            #expect(bins.contains { $0.lowerBound == limit + 1 }, "limit \(limit)")
            // Contiguous, the first of 4 to 10 days, then weeks, the last one open.
            for (a, b) in zip(bins, bins.dropFirst()) { #expect(a.upperBound.map { $0 + 1 } == b.lowerBound) }
            let first = (bins[0].upperBound ?? 0) + 1
            #expect((4...10).contains(first) || (first == limit + 1 && limit < 4), "limit \(limit): first bin \(first) days")
            for b in bins.dropFirst().dropLast() { #expect(b.upperBound.map { $0 - b.lowerBound } == 6) }
            #expect(bins.last?.upperBound == nil)
            #expect((bins.last?.lowerBound ?? 0) >= max(91, 3 * limit))
        }
        // Small values: the bins still reach the first day late, and no open bin.
        let few = Report.delayBins(limit: 42, largest: 10)
        #expect(few.map(\.lowerBound) == [0, 8, 15, 22, 29, 36, 43])
        #expect(few.last?.upperBound == 49)
        #expect(Report.monthDays(1) == 28...31)
        #expect(Report.monthDays(6) == 181...184)
    }

    @Test("month axes: every month from the first to the last, those without data left blank")
    func monthAxis() {
        #expect(Report.monthRange(["2025-11", "2026-02", "2025-12"]) == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(Report.monthRange(["2025-03"]) == ["2025-03"])
        #expect(Report.monthRange([]) == [])
    }

    @Test("every chart's totals are the JSON report's, on the example and on a generated log")
    func chartTotals() throws {
        for log in [try String(contentsOfFile: "Examples/departement-2025.ndjson", encoding: .utf8), LogGenerator(events: 20_000, seed: 7).text()] {
            let report = Replay.log(LogReader.read(log))
            let html = report.html(source: "x")
            let json = try JSONValue.parse(report.json())
            func value(_ path: String...) -> Int? {
                var v: JSONValue? = json
                for key in path { if case .object(let o)? = v { v = o.first { $0.key == key }?.value } else { return nil } }
                if case .number(let n)? = v { return Int(n) } else { return nil }
            }
            func attribute(_ figure: String, _ name: String) -> Int? {
                guard let f = html.range(of: "<figure id=\"\(figure)\""), let end = html[f.upperBound...].firstIndex(of: ">"),
                      let a = html[f.upperBound..<end].range(of: " \(name)=\"") else { return nil }
                return Int(html[a.upperBound...].prefix { $0 != "\"" })
            }
            // The rows of a figure's table (the total row left out) summed, column by column.
            func columnSum(_ figure: String, _ column: Int) -> Int {
                guard let f = html.range(of: "<figure id=\"\(figure)\""), let end = html[f.upperBound...].range(of: "</figure>") else { return -1 }
                return html[f.upperBound..<end.lowerBound].components(separatedBy: "<tr><td>").dropFirst().reduce(0) { sum, row in
                    let cells = row.components(separatedBy: "</td><td>")
                    // A count is written with its thousands apart: its digits up to the cell's end.
                    return sum + (cells.count > column ? Int(String(cells[column].prefix { $0 != "<" }.filter(\.isNumber))) ?? 0 : 0)
                }
            }
            #expect(attribute("orientation-delays", "data-on-time") == value("indicators", "orientation", "on_time"))
            #expect(attribute("orientation-delays", "data-late") == value("indicators", "orientation", "late"))
            #expect(columnSum("orientation-delays", 1) == value("indicators", "orientation", "on_time"))
            #expect(columnSum("orientation-delays", 2) == value("indicators", "orientation", "late"))
            #expect(attribute("contract-delays", "data-on-time") == value("indicators", "contract", "on_time"))
            #expect(columnSum("contract-delays", 2) == value("indicators", "contract", "late"))
            let judged = [value("indicators", "orientation", "on_time"), value("indicators", "orientation", "late"), value("indicators", "orientation", "missing")].compactMap { $0 }.reduce(0, +)
            #expect(attribute("on-time-by-month", "data-judged") == judged)
            #expect(columnSum("on-time-by-month", 2) == judged)
            #expect(columnSum("on-time-by-month", 1) == value("indicators", "orientation", "on_time"))
            #expect(attribute("new-entrants-by-month", "data-total") == report.indicators.newEntrants.total)
            #expect(columnSum("new-entrants-by-month", 1) == report.indicators.newEntrants.total)
            let s = report.indicators.sanctions
            #expect(attribute("sanctions-by-month", "data-decisions") == s.suspension + s.suppression)
            #expect(columnSum("sanctions-by-month", 1) == s.suspension + s.suppression)
            #expect(attribute("sanctions-by-month", "data-withheld").map { Int64($0) } == s.withheld.value)
            #expect(attribute("sanctions-by-month", "data-refunded").map { Int64($0) } == s.refunded.value)
            #expect(attribute("sanctions-by-month", "data-lost").map { Int64($0) } == s.lost.value)
            // The synthesis accounts for every line.
            let i = report.input
            #expect(i.lines == i.events + i.duplicates + i.rejected + i.blank)
            #expect(html.contains("<td id=\"duplicates\">\(FrenchWords.integer(i.duplicates))</td>"))
            #expect(html.contains("<td id=\"blank\">\(FrenchWords.integer(i.blank))</td>"))
        }
    }

    @Test("in a real browser: the page is not blank, its script ran, its numbers are the JSON report's",
          .enabled(if: ExternalTool.chromium, ExternalTool.installChromium))
    func browser() throws {
        let dir = Scratch.url("pathway-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("audit.html").path
        _ = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", page])
        let check = try CLI.tool(["bash", "scripts/browser-check", page, dir.appendingPathComponent("out").path])
        #expect(check.status == 0, "\(check.output)")
        let dom = try String(contentsOf: dir.appendingPathComponent("out/dom.html"), encoding: .utf8)
        #expect(dom.contains("data-script=\"ran\""), "the inline script did not run")
        let png = try Data(contentsOf: dir.appendingPathComponent("out/screenshot.png"))
        #expect(png.count > 20_000, "a blank page?")
        // The numbers the browser shows are those of the JSON report.
        let json = try JSONValue.parse(try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "json"]).stdout)
        guard case .object(let top) = json, case .object(let indicators)? = top.first(where: { $0.key == "indicators" })?.value,
              case .object(let findings)? = indicators.first(where: { $0.key == "findings" })?.value,
              case .array(let people)? = top.first(where: { $0.key == "people" })?.value,
              case .object(let input)? = top.first(where: { $0.key == "input" })?.value else { Issue.record("JSON shape"); return }
        func shown(_ id: String) -> String? {
            guard let range = dom.range(of: "<td id=\"\(id)\">") else { return nil }
            return String(dom[range.upperBound...].prefix { $0 != "<" })
        }
        func number(_ value: JSONValue?) -> String { if case .number(let n)? = value { return n } else { return "?" } }
        #expect(shown("violations") == number(findings.first { $0.key == "violation" }?.value))
        #expect(shown("warnings") == number(findings.first { $0.key == "warning" }?.value))
        #expect(shown("people") == String(people.count))
        #expect(shown("lines") == number(input.first { $0.key == "lines" }?.value))
        #expect(shown("as-of") == nil)
        // The charts as the browser has them: their totals are the JSON report's.
        func figure(_ id: String, _ name: String) -> String? {
            guard let f = dom.range(of: "<figure id=\"\(id)\""), let end = dom[f.upperBound...].firstIndex(of: ">"),
                  let a = dom[f.upperBound..<end].range(of: " \(name)=\"") else { return nil }
            return String(dom[a.upperBound...].prefix { $0 != "\"" })
        }
        func indicator(_ group: String, _ key: String) -> String {
            guard case .object(let g)? = indicators.first(where: { $0.key == group })?.value else { return "?" }
            return number(g.first { $0.key == key }?.value)
        }
        #expect(figure("orientation-delays", "data-on-time") == indicator("orientation", "on_time"))
        #expect(figure("orientation-delays", "data-late") == indicator("orientation", "late"))
        #expect(figure("contract-delays", "data-on-time") == indicator("contract", "on_time"))
        #expect(figure("contract-delays", "data-late") == indicator("contract", "late"))
        #expect(dom.contains("<strong id=\"as-of\">2027-01-15</strong>"))
    }
}
