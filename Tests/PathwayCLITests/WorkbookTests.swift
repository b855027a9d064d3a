import Foundation
import Testing
@testable import Pathway

/// `--output audit.xlsx`: a real workbook (Office Open XML in a stored ZIP, written by the
/// library), read back here entry by entry, and by Python's zipfile when it is there.
@Suite("The Excel workbook")
struct WorkbookTests {
    @Test("CRC-32 on the standard check value, and a stored ZIP that reads back")
    func zip() {
        #expect(StoredZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(StoredZip.crc32([]) == 0)
        var zip = StoredZip()
        zip.add("a.txt", Array("bonjour".utf8))
        let bytes = zip.archive()
        #expect(bytes.prefix(4) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes.suffix(22).prefix(4) == [0x50, 0x4B, 0x05, 0x06])
        #expect(Report.column(0) == "A" && Report.column(25) == "Z" && Report.column(26) == "AA" && Report.column(701) == "ZZ")
    }

    /// The entries of a stored ZIP, by name (enough for the workbook: no compression).
    static func entries(_ bytes: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        var k = 0
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        while k + 30 <= bytes.count, u32(k) == 0x0403_4B50 {
            let size = u32(k + 18), nameLength = u16(k + 26), extra = u16(k + 28)
            let name = String(decoding: bytes[(k + 30)..<(k + 30 + nameLength)], as: UTF8.self)
            let start = k + 30 + nameLength + extra
            let data = Array(bytes[start..<(start + size)])
            #expect(StoredZip.crc32(data) == UInt32(u32(k + 14)), "\(name): CRC")
            out[name] = String(decoding: data, as: UTF8.self)
            k = start + size
        }
        return out
    }

    @Test("four sheets; a row per finding with its dates as dates; amounts in euros; a frozen header and an autofilter; the same bytes twice")
    func workbook() throws {
        let dir = Scratch.url("pathway-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("Audit.XLSX").path
        let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", path])
        #expect(result.status == 1)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let entries = Self.entries(bytes)
        #expect(entries.keys.sorted() == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml",
                                          "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"])
        let workbook = try #require(entries["xl/workbook.xml"])
        for name in ["Synthèse", "Constats", "Personnes", "Indicateurs"] { #expect(workbook.contains("<sheet name=\"\(name)\"")) }
        let findings = try #require(entries["xl/worksheets/sheet2.xml"])
        let report = Replay.log(LogReader.read(try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)))
        #expect(findings.components(separatedBy: "<row ").count - 1 == report.findings.count + 1)
        #expect(findings.contains("state=\"frozen\"") && findings.contains("<autoFilter ref=\"A1:K\(report.findings.count + 1)\"/>"))
        // P02's orientation.competence on 2025-03-17: Excel's day 45733, styled as a date, after
        // the rule's code and title.
        #expect(findings.contains("<c r=\"E2\" s=\"1\"><v>45733</v></c>"))
        let synthesis = try #require(entries["xl/worksheets/sheet1.xml"])
        #expect(synthesis.contains("lignes lues") && synthesis.contains("<v>312</v>"))
        #expect(synthesis.contains("s=\"2\"><v>9891.78</v>"), "the euros withheld as a number in euros")
        #expect(synthesis.contains("ligne rejetée 61"))
        // Deterministic.
        let again = dir.appendingPathComponent("again.xlsx").path
        _ = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", again])
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == Data(bytes))
        // Python's zipfile, when there, reads it whole with its CRCs.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))", path]
        let pipe = Pipe()
        python.standardOutput = pipe
        python.standardError = Pipe()
        if (try? python.run()) != nil {
            python.waitUntilExit()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if python.terminationStatus == 127 { return } // no python3: the entries above were read here
            #expect(python.terminationStatus == 0 && out.hasPrefix("9"), "python's zipfile: \(out)")
        }
    }
}
