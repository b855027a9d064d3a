import Foundation
import Testing
@testable import Pathway

@Suite("What people open: CSV for Excel, formats, whole files, exits that never mislead", .serialized)
struct OutputTests {
    @Test("--excel: ';', a byte-order mark, French headers and severities; a formula-like cell neutralised in every CSV")
    func excel() throws {
        let log = #"{"id":"=1+1","person":"=1+1","type":"contract_signed","date":"2025-03-10","weekly_hours":40}"# + "\n"
            + #"{"id":"a1","person":"@SUM(A1)","type":"right_opened","date":"2025-01-06"}"# + "\n"
        let path = try CLI.temporaryFile(log)
        let excel = try CLI.run(["replay", path, "--excel"])
        #expect(excel.stdout.hasPrefix("\u{FEFF}personne;règle;intitulé de la règle;gravité;date;échéance;réalisé le;événement;article;confiance;constat\r\n"))
        #expect(excel.stdout.contains("'=1+1;contract.hours;Durée hebdomadaire d'activité au plus égale à la durée légale du travail;violation;2025-03-10"))
        #expect(excel.stdout.contains("'@SUM(A1);orientation.deadline;Orientation dans le délai légal;violation;"))
        let standard = try CLI.run(["replay", path, "--format", "csv"])
        #expect(standard.stdout.hasPrefix("person,rule,severity"))
        #expect(!standard.stdout.contains("\n=1+1") && standard.stdout.contains("\n'=1+1,contract.hours"))
        #expect(Report.csvField("-5") == "'-5")
        #expect(Report.csvField("\tx") == "'\tx")
        #expect(Report.csvField("a;b", separator: ";") == "\"a;b\"")
    }

    @Test("the default audit date names the event that set it, the same whatever the order of the lines; a date given names none")
    func asOfNamed() throws {
        let lines = [
            #"{"id":"b2","person":"B","type":"registered","date":"2025-05-02"}"#,
            #"{"id":"a1","person":"A","type":"right_opened","date":"2025-04-01"}"#,
            #"{"id":"b1","person":"B","type":"right_opened","date":"2025-05-02"}"#,
        ]
        let forward = try CLI.run(["replay", "-"], stdin: lines.joined(separator: "\n") + "\n").stdout
        let backward = try CLI.run(["replay", "-"], stdin: lines.reversed().joined(separator: "\n") + "\n").stdout
        #expect(forward.contains("Date d'audit : 2025-05-02 (par défaut, la date la plus récente du journal, celle de l'événement b1 et de 1 autre)\n"))
        #expect(forward == backward)
        let html = try CLI.run(["replay", "-", "--format", "html"], stdin: lines.joined(separator: "\n") + "\n").stdout
        #expect(html.contains("(par défaut, la date la plus récente du journal, celle de l&#39;événement b1 et de 1 autre)"))
        let given = try CLI.run(["replay", "-", "--as-of", "2025-06-01"], stdin: lines.joined(separator: "\n") + "\n").stdout
        #expect(given.contains("Date d'audit : 2025-06-01\n"))
        // Not in the JSON report (the contract).
        let json = try CLI.run(["replay", "-", "--format", "json"], stdin: lines.joined(separator: "\n") + "\n").stdout
        #expect(!json.contains("par défaut"))
    }

    @Test("--output infers the format from its extension, and replaces the file whole")
    func outputs() throws {
        let dir = Scratch.url("pathway-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Whatever the extension's case; .csv is the CSV French Excel opens (a byte-order mark,
        // ';', French headers); --format csv stays the machine CSV.
        for (name, prefix) in [("r.json", "{"), ("r.csv", "\u{FEFF}personne;règle"), ("r.txt", "RAPPORT D'AUDIT"),
                               ("R.HTML", "<!DOCTYPE html>"), ("R.Json", "{")] {
            let file = dir.appendingPathComponent(name).path
            _ = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", file])
            #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self).hasPrefix(prefix), "\(name)")
        }
        for name in ["R.HTML", "R.Json"] { try FileManager.default.removeItem(atPath: dir.appendingPathComponent(name).path) }
        let machine = dir.appendingPathComponent("m.csv").path
        _ = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "csv", "--output", machine])
        #expect(try String(contentsOfFile: machine, encoding: .utf8).hasPrefix("person,rule"))
        try FileManager.default.removeItem(atPath: machine)
        // An unknown extension (a .pdf, a .docx) is refused, and nothing is written.
        for name in ["audit.pdf", "audit.docx"] {
            let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", dir.appendingPathComponent(name).path])
            #expect(result.status == 2 && result.stderr.contains("extension inconnue"), "\(name)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        // A run that fails before its report leaves the previous one whole, and no temporary file.
        let report = dir.appendingPathComponent("r.json").path
        let before = try String(contentsOfFile: report, encoding: .utf8)
        let failed = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", report, "--config", "/nonexistent.json"])
        #expect(failed.status == 2)
        #expect(try String(contentsOfFile: report, encoding: .utf8) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["r.csv", "r.json", "r.txt"])
    }

    @Test("a non-empty input with no event exits 2 with a diagnosis: gzip, windows-1252, CSV, XML; windows-1252 accepted on request")
    func diagnoses() throws {
        let line = #"{"id":"e1","person":"Zoé","type":"registered","date":"2025-03-03"}"# + "\n"
        let gzip = try CLI.temporaryFile("", suffix: ".gz")
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00]).write(to: URL(fileURLWithPath: gzip))
        let compressed = try CLI.run(["replay", gzip])
        #expect(compressed.status == 2)
        #expect(compressed.stderr.contains("compressé (gzip) ; lancez : zcat"))
        let latin = try CLI.temporaryFile("", suffix: ".ndjson")
        try Data(line.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }).write(to: URL(fileURLWithPath: latin))
        let undeclared = try CLI.run(["replay", latin])
        #expect(undeclared.status == 2)
        #expect(undeclared.stderr.contains("ressemble à du windows-1252 : ajoutez --encoding windows-1252"))
        let accepted = try CLI.run(["replay", latin, "--encoding", "windows-1252", "--format", "json"])
        #expect(accepted.status == 0)
        #expect(accepted.stdout.contains(#""person": "Zoé""#))
        let csv = try CLI.run(["replay", "Examples/import/pilotage-2025.csv"])
        #expect(csv.status == 2)
        #expect(csv.stderr.contains("c'est du CSV") && csv.stderr.contains("pathway import csv"))
        let xml = try CLI.run(["replay", "Examples/import/RSABEM_2025-03-03.xml"])
        #expect(xml.stderr.contains("pathway import caf"))
        let empty = try CLI.run(["replay", try CLI.temporaryFile("")])
        #expect(empty.stderr.contains("l'entrée est vide"))
    }

    @Test("the default as_of names its event and warns when it lies more than a year after the next latest date")
    func typoYear() throws {
        let log = #"{"id":"e1","person":"P1","type":"right_opened","date":"2025-01-15"}"# + "\n"
            + #"{"id":"e2","person":"P1","type":"registered","date":"2205-01-15"}"# + "\n"
        let result = try CLI.run(["replay", try CLI.temporaryFile(log)])
        #expect(result.stderr.contains("la date d'audit (as_of) est le 2205-01-15, fixée par l'événement e2 (ligne 2)"))
        let fine = try CLI.run(["replay", "Examples/departement-2025.ndjson"])
        #expect(!fine.stderr.contains("a mistyped year"))
    }
}

@Suite("The French text report", .serialized)
struct FrenchReportTests {
    /// Enumeration values of the log that are not French words: none may appear in the report.
    static let english = ["resources", "employment", "moved", "deceased", "france_travail", "mission_locale", "cap_emploi",
                          "work_placement", "job_search", "access_to_rights", "professional_activity", "contract_refusal",
                          "obligation_breach", "control_refusal", "right_opened", "activity", "attended", "missed", "excused",
                          "accompaniment", "as_of", "impossible date", "no such day", "expected"]

    @Test("standard error speaks French: usage errors, unreadable inputs, rejected lines, import reasons, serve's refusals")
    func frenchStandardError() throws {
        let bad = try CLI.temporaryFile(#"{"id":"a","person":"P","type":"registered","date":"2025-02-30"}"# + "\n" + #"{"id":"b","person":"P","type":"registered","date":"2025-03-03"}"# + "\n")
        let csv = try CLI.temporaryFile("MATRICULE;ROLE;DATE_ORIENTATION\n123;DEM;31/02/2025\n")
        let runs: [[String]] = [
            [], ["replya"], ["replay"], ["replay", "x.ndjson", "--fromat", "json"], ["replay", "x.ndjson", "--as-of", "2025-02-30"],
            ["replay", "x.ndjson", "--jobs", "0"], ["replay", "nope.ndjson"], ["replay", "Docs"], ["replay", bad, "--strict"],
            ["replay", bad, "--output", "r.pdf"], ["explain", bad], ["explain", bad, "NOPE"], ["due", bad],
            ["import", "xml"], ["import", "csv", csv], ["import", "csv", "--mapping", "nope", csv], ["check", "README.md"],
            ["rules", "extra"], ["generate"], ["serve"],
        ]
        // Words that only an English message would hold.
        let english = [" expected", "missing ", "cannot ", "unknown ", "no such", "line ", " got ", "did you mean", "not a ", "rejected"]
        for arguments in runs {
            let result = try CLI.run(arguments)
            #expect(!result.stderr.isEmpty, "\(arguments): nothing said")
            for word in english { #expect(!result.stderr.contains(word), "\(arguments): \(word) in \(result.stderr)") }
        }
        let serve = try CLI.run(["serve", "--stdio"], stdin: "{\"op\":\"due\",\"as_of\":\"2025-01-01\",\"overdu\":true}\nnot json\n")
        for line in serve.stdout.split(separator: "\n") {
            #expect(line.contains("\"code\":\""), "\(line)")
            for word in english { #expect(!line.contains(word), "\(word) in \(line)") }
        }
    }

    @Test("in French words, each legal basis once per rule, the detail refers to the findings; --summary")
    func french() throws {
        let text = try CLI.run(["replay", "Examples/departement-2025.ndjson"]).stdout
        for word in Self.english {
            let body = text.replacingOccurrences(of: "Examples/departement-2025.ndjson", with: "")
            #expect(!body.contains(word), "\(word) in the French report")
        }
        #expect(text.contains("ligne 61 : « date » : date impossible \"2025-06-31\""))
        // Each rule's sources are printed once, on its "Base" line, never again after a finding.
        for rule in RuleRegistry.all where text.contains("  \(rule.id) — ") {
            #expect(text.components(separatedBy: rule.cited).count - 1 == 1, "\(rule.id): its basis more than once")
        }
        #expect(text.contains("retenu 9 891,78 €"))
        #expect(text.contains("3 manqués sans excuse"))
        #expect(text.contains("Constats (voir par règle) : Orientation décidée par le département après le délai (orientation.competence, information) du 2025-03-17 ; Orientation dans le délai légal (orientation.deadline, violation) du 2025-03-17"))
        // No awkward wording: a step not done is "non réalisé", and no empty parentheses.
        #expect(!text.contains("réalisé non") && !text.contains("()"))
        let summary = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--summary"]).stdout
        #expect(summary.contains("SYNTHÈSE") && !summary.contains("CONSTATS PAR RÈGLE"))
        #expect(FrenchWords.integer(2_000_000) == "2 000 000")
        #expect(FrenchWords.euros(Cents(1_251_156_144)) == "12 511 561,44 €")
    }

    @Test("pathway check on a file with no scenario exits 2 and names the fence; serve names an unknown person and echoes ids")
    func checkAndServe() throws {
        let page = try CLI.temporaryFile("# x\n\n```scenarios\ntitle: a\n```\n", suffix: ".md")
        let check = try CLI.run(["check", page])
        #expect(check.status == 2)
        #expect(check.stderr.contains("```scenario"))
        let serve = try CLI.run(["serve", "--stdio", "--log", "Examples/departement-2025.ndjson"],
                                stdin: #"{"id":"q1","op":"state","person":"NOPE","as_of":"2025-03-03"}"# + "\n" + #"{"id":2,"op":"state","person":"P02","as_of":"2025-03-03"}"# + "\n")
        let answers = serve.stdout.split(separator: "\n").map(String.init)
        #expect(answers.first?.hasPrefix(#"{"id":"q1","ok":false,"code":"unknown_person","error":"« person » : aucun événement de NOPE"#) == true)
        #expect(answers.last?.hasPrefix(#"{"id":2,"ok":true,"op":"state","person":{"person":"P02""#) == true)
        #expect(serve.stderr.contains("312 lignes : 309 événements, 1 doublon, 2 rejetées, 0 vide"))
    }
}
