import Foundation
import Testing
@testable import Pathway

@Suite("The HTML report")
struct HTMLReportTests {
    @Test("one self-contained page in French: no network, no external asset, charts as SVG with their tables, printable")
    func page() throws {
        let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "html"])
        #expect(result.status == 1)
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        for external in ["http://", "https://", "src=", "<link", "@import"] { #expect(!html.contains(external), "\(external)") }
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        for id in ["orientation-delays", "contract-delays", "on-time-by-month", "new-entrants-by-month", "sanctions-by-month", "hours-by-dominante"] {
            #expect(html.contains("<figure id=\"\(id)\">"), "\(id)")
        }
        // The new entrants by month: the chart's bars and the table agree with the JSON report's
        // indicators.new_entrants (44 entrants, 1 within 15 days, 3 without orientation; 2025-09:
        // 3 entrants, 1 within the target).
        if let start = html.range(of: "<figure id=\"new-entrants-by-month\">"), let end = html[start.upperBound...].range(of: "</figure>") {
            let figure = String(html[start.upperBound..<end.lowerBound])
            #expect(figure.contains("<tr><td>total</td><td>44</td><td>1</td><td>40</td><td>0</td><td>3</td><td>2,3 %</td></tr>"))
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
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("audit.html").path
        _ = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html)
    }

    @Test("people beyond the cap are listed with a pointer to the JSON report")
    func cap() throws {
        let log = LogGenerator(events: 3_000, seed: 2).text()
        let report = Replay.log(LogReader.read(log))
        let html = report.html(source: "x", personCap: 3)
        #expect(html.components(separatedBy: "<article class=\"person\"").count - 1 == 3)
        #expect(html.contains("autres personnes ont un constat"))
    }

    @Test("delays: weeks up to three times the limit, the longer ones in a last bucket; every step counted once")
    func delayBuckets() throws {
        // A contract signed 700 days after the notification, another on day 29 (the bucket 28–34),
        // one on day 91, the first day past the cap of 13 weeks.
        var lines: [String] = []
        for (k, days) in [(1, 700), (2, 29), (3, 91), (4, 90)] {
            let p = "Q\(k)"
            lines.append(#"{"id":"\#(p)a","person":"\#(p)","type":"right_opened","date":"2025-03-03"}"#)
            lines.append(#"{"id":"\#(p)b","person":"\#(p)","type":"orientation_decided","date":"2025-03-10","notified":"2025-03-10","dominante":"emploi","organisme":"france_travail"}"#)
            let signed = CivilDate(year: 2025, month: 3, day: 10)!.adding(days: days)
            lines.append(#"{"id":"\#(p)c","person":"\#(p)","type":"contract_signed","date":"\#(signed)","weekly_hours":15}"#)
        }
        let html = Replay.log(LogReader.read(lines.joined(separator: "\n") + "\n")).html(source: "x")
        guard let start = html.range(of: "<figure id=\"contract-delays\">"),
              let end = html[start.upperBound...].range(of: "</figure>") else { Issue.record("no contract chart"); return }
        let figure = String(html[start.lowerBound..<end.upperBound])
        #expect(figure.contains("4 étapes faites"))
        #expect(figure.contains("<tr><td>28–34</td><td>1</td></tr>"))
        #expect(figure.contains("<tr><td>84–90</td><td>1</td></tr>"))
        #expect(figure.contains("<tr><td>91 et plus</td><td>2</td></tr>"))
        #expect(!figure.contains("693"))
    }

    @Test("in a real browser: the page is not blank, its script ran, its numbers are the JSON report's",
          .enabled(if: ExternalTool.chromium, ExternalTool.installChromium))
    func browser() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pathway-browser-\(UUID().uuidString)")
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
        #expect(dom.contains("<strong id=\"as-of\">2027-01-15</strong>"))
    }
}
