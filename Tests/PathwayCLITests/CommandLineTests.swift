import Foundation
import Testing
@testable import Pathway

@Suite("pathway (end to end)", .serialized)
struct CommandLineTests {
    let compliant = """
    {"id":"e1","person":"P1","type":"right_opened","date":"2025-03-03"}
    {"id":"e2","person":"P1","type":"registered","date":"2025-03-03"}
    {"id":"e3","person":"P1","type":"orientation_decided","date":"2025-04-14","dominante":"emploi","organisme":"france_travail"}
    {"id":"e4","person":"P1","type":"diagnostic_completed","date":"2025-04-20"}
    {"id":"e5","person":"P1","type":"contract_signed","date":"2025-05-14","weekly_hours":15}

    """

    @Test("--version, --help and help replay")
    func help() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "pathway 0.1.0\n")
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("replay <events.ndjson | ->"))
        let replayHelp = try CLI.run(["replay", "--help"])
        #expect(replayHelp.status == 0)
        #expect(replayHelp.stdout.contains("--as-of YYYY-MM-DD"))
        #expect(try CLI.run(["help", "replay"]).stdout == replayHelp.stdout)
    }

    @Test("usage errors exit 2 and say what was expected", arguments: [
        (["replay"], "pathway replay : il manque le fichier d'événements (un chemin, ou - pour l'entrée standard)"),
        (["replay", "x.ndjson", "--fromat", "json"], "pathway replay : option inconnue « --fromat » (vouliez-vous dire « --format » ?)"),
        (["replay", "x.ndjson", "--format", "xml"], "pathway replay : --format : text, json, csv, csv-excel, html ou xlsx attendu, reçu « xml »"),
        (["replay", "x.ndjson", "--format", "json", "--summary"], "pathway replay : --summary raccourcit le seul rapport texte ; retirez-le, ou utilisez --format text"),
        (["replay", "x.ndjson", "--as-of", "2025-02-30"], "pathway replay : --as-of : 2025-02-30 n'est pas un jour du calendrier (jour inexistant, ou année hors de 1900 à 2999)"),
        (["replay", "x.ndjson", "--as-of"], "pathway replay : --as-of demande une valeur : une date AAAA-MM-JJ"),
        (["replay", "a.ndjson", "b.ndjson", "--sorted", "--format", "json"], "pathway replay : --sorted lit un seul journal groupé par personne ; plusieurs fichiers se rejouent sans lui"),
        (["replya"], "pathway : commande inconnue « replya » (vouliez-vous dire « replay » ?)"),
        ([], "pathway : il manque une commande"),
    ])
    func usage(_ arguments: [String], _ message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\n"))
        #expect(result.stdout.isEmpty)
    }

    @Test("unreadable input exits 2: a missing file, a directory")
    func unreadable() throws {
        let missing = try CLI.run(["replay", "/nonexistent/events.ndjson"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "pathway : /nonexistent/events.ndjson : fichier introuvable\n")
        let directory = try CLI.run(["replay", "Examples"])
        #expect(directory.status == 2)
        #expect(directory.stderr == "pathway : Examples : c'est un dossier, un fichier NDJSON était attendu\n")
    }

    @Test("exit 0 without violation, 1 with one; warnings alone exit 0")
    func exitStatus() throws {
        let ok = try CLI.temporaryFile(compliant)
        #expect(try CLI.run(["replay", ok]).status == 0)
        let late = try CLI.temporaryFile(compliant.replacingOccurrences(of: "2025-04-14", with: "2025-04-15"))
        #expect(try CLI.run(["replay", late]).status == 1)
        let warning = try CLI.temporaryFile(compliant.replacingOccurrences(of: #"{"id":"e4","person":"P1","type":"diagnostic_completed","date":"2025-04-20"}"#, with: #"{"id":"x4","person":"P2","type":"diagnostic_completed","date":"2025-04-20"}"#))
        let result = try CLI.run(["replay", warning, "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("sequence.contract_without_diagnostic,warning"))
    }

    @Test("--strict exits 3 on a rejected line; without it the rest is replayed")
    func strict() throws {
        let path = try CLI.temporaryFile(compliant + #"{"id":"e6","person":"P1","type":"activity","date":"2025-05-20","hours":30,"category":"training"}"# + "\n")
        let lenient = try CLI.run(["replay", path, "--format", "json"])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains(#""code": "not_number","#))
        #expect(lenient.stdout.contains(#""reason": "« hours » : un nombre d'heures"#), "\(lenient.stdout)")
        let strict = try CLI.run(["replay", path, "--strict"])
        #expect(strict.status == 3)
        #expect(strict.stderr.contains("ligne 6 : « hours »"))
    }

    @Test("the JSON report: fields, counts and sort order")
    func json() throws {
        let log = """
        {"id":"b1","person":"P2","type":"right_opened","date":"2025-03-03"}
        {"id":"a1","person":"P1","type":"right_opened","date":"2025-03-03"}
        {"id":"a2","person":"P1","type":"contract_signed","date":"2025-03-10","weekly_hours":12}
        {"id":"a2","person":"P1","type":"contract_signed","date":"2025-03-10","weekly_hours":12}
        not json

        """
        let result = try CLI.run(["replay", "-", "--format", "json", "--as-of", "2025-04-30"], stdin: log)
        #expect(result.status == 1)
        let value = try JSONValue.parse(result.stdout)
        guard case .object(let top) = value else { Issue.record("not an object"); return }
        #expect(top.map(\.key) == ["report", "as_of", "parameters", "input", "rejected", "not_judged", "people", "findings", "indicators", "merge"])
        let input = top.first { $0.key == "input" }?.value
        #expect(input == .object([("lines", .number("5")), ("events", .number("3")), ("duplicates", .number("1")),
                                  ("rejected", .number("1")), ("blank", .number("0")), ("replayed", .number("3")),
                                  ("after_as_of", .number("0")), ("people", .number("2"))]))
        guard case .array(let findings)? = top.first(where: { $0.key == "findings" })?.value else { Issue.record("no findings"); return }
        let summary = findings.map { f -> String in
            guard case .object(let m) = f else { return "" }
            let get = { (k: String) -> String in
                switch m.first(where: { $0.key == k })?.value {
                case .string(let s)?: return s
                case .null?: return "null"
                default: return "-"
                }
            }
            return [get("person"), get("date"), get("rule"), get("due"), get("done"), get("event")].joined(separator: " ")
        }
        #expect(summary == [
            "P1 2025-03-10 contract.reduced_hours - - a2",
            "P1 2025-03-10 sequence.contract_before_orientation - - a2",
            // A native log (no source): the rule is judged though no diagnostic is in the log.
            "P1 2025-03-10 sequence.contract_without_diagnostic - - a2",
            "P1 2025-04-14 orientation.deadline 2025-04-14 null a1",
            "P2 2025-04-14 orientation.deadline 2025-04-14 null b1",
        ])
    }

    @Test("same input, same bytes: whatever the order of people's lines")
    func deterministic() throws {
        let example = try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)
        let lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Reverse the order of the lines while keeping each person's events in their order.
        var byPerson: [String: [String]] = [:]
        var order: [String] = []
        for line in lines where !line.isEmpty {
            let person = line.range(of: #""person":"[^"]*""#, options: .regularExpression).map { String(line[$0]) } ?? "?"
            if byPerson[person] == nil { order.append(person) }
            byPerson[person, default: []].append(line)
        }
        let shuffled = order.reversed().flatMap { byPerson[$0] ?? [] }.joined(separator: "\n") + "\n"
        let a = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "json"])
        let b = try CLI.run(["replay", "-", "--format", "json"], stdin: shuffled)
        let c = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "json"])
        #expect(a.stdout == c.stdout)
        // Line numbers of rejected lines differ; everything else is the same.
        func withoutRejected(_ s: String) -> String {
            guard case .object(let m)? = try? JSONValue.parse(s) else { return "" }
            return JSONValue.object(m.filter { $0.key != "rejected" }).serialized()
        }
        #expect(withoutRejected(CLI.named(a.stdout, "Examples/departement-2025.ndjson")) == withoutRejected(b.stdout))
        #expect(!withoutRejected(a.stdout).isEmpty)
    }

    @Test("--output writes the file; --config applies local targets and rejects unknown keys")
    func outputAndConfig() throws {
        let log = try CLI.temporaryFile(compliant)
        let out = Scratch.url("pathway-out-\(UUID().uuidString).json").path
        let config = try CLI.temporaryFile(#"{"orientation_target_days": 15}"#, suffix: ".json")
        let result = try CLI.run(["replay", log, "--format=json", "--output", out, "--config", config])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains(#""orientation_target_days": "15""#))
        #expect(written.contains(#""target": {"#))
        let bad = try CLI.temporaryFile(#"{"orientation_target": 15}"#, suffix: ".json")
        let rejected = try CLI.run(["replay", log, "--config", bad])
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("« orientation_target » : paramètre inconnu (vouliez-vous dire « orientation_target_days » ?)"))
        let broken = try CLI.temporaryFile(#"{"orientation_target_days": }"#, suffix: ".json")
        let invalid = try CLI.run(["replay", log, "--config", broken])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("JSON invalide, ligne 1, colonne 29"))
    }

    @Test("--output over a longer file leaves exactly the new report, in every format and with --sorted; so does generate")
    func outputOverLongerFile() throws {
        let log = try CLI.temporaryFile(compliant)
        let out = Scratch.url("pathway-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let longer = String(repeating: "old report line\n", count: 20_000)
        for arguments in [["--format=json"], ["--format=csv"], ["--format=text"], ["--format=json", "--sorted"]] {
            try longer.write(toFile: out, atomically: false, encoding: .utf8)
            let expected = try CLI.run(["replay", log] + arguments)
            let written = try CLI.run(["replay", log, "--output", out] + arguments)
            #expect(written.status == expected.status && written.stdout.isEmpty)
            #expect(try String(contentsOfFile: out, encoding: .utf8) == expected.stdout, "\(arguments)")
        }
        try longer.write(toFile: out, atomically: false, encoding: .utf8)
        #expect(try CLI.run(["generate", "--events", "50", "--seed", "1", "--output", out]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == LogGenerator(events: 50, seed: 1).text())
    }

    @Test("CSV: a header, one row per finding, RFC 4180 quoting")
    func csv() throws {
        let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "csv"])
        #expect(result.status == 1)
        let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "person,rule,severity,date,due,done,event,article,confidence,message")
        #expect(rows.count == 31)
        #expect(rows.contains { $0.hasPrefix(#"P02,orientation.deadline,violation,2025-03-17,2025-03-17,2025-03-20,P02-03,"CASF D262-65-2 ; Interprétation : six semaines = 42 jours, jour 0 = réception",I,"#) })
    }

    @Test("snapshots: the text and JSON reports of the example (a reviewed change when they move)",
          arguments: [("text", "departement-2025.txt"), ("json", "departement-2025.json")])
    func snapshot(_ format: String, _ file: String) throws {
        let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", format])
        #expect(result.status == 1)
        let snapshot = CLI.root.appendingPathComponent("Tests/PathwayCLITests/Snapshots/\(file)")
        if ProcessInfo.processInfo.environment["PATHWAY_UPDATE_SNAPSHOTS"] == "1" {
            try result.stdout.write(to: snapshot, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: snapshot, encoding: .utf8)
        #expect(result.stdout == expected, "run with PATHWAY_UPDATE_SNAPSHOTS=1 and review the diff")
    }
}

@Suite("pathway replay: sanctions end to end", .serialized)
struct SanctionCommandLineTests {
    @Test("exact amounts in the JSON report, per decision and in the indicators")
    func amounts() throws {
        let log = """
        {"id":"a1","person":"A","type":"right_opened","date":"2025-01-06","monthly_amount":646.52}
        {"id":"a2","person":"A","type":"registered","date":"2025-01-06"}
        {"id":"a3","person":"A","type":"orientation_decided","date":"2025-01-20","dominante":"emploi","organisme":"france_travail"}
        {"id":"a4","person":"A","type":"diagnostic_completed","date":"2025-01-27"}
        {"id":"a5","person":"A","type":"contract_signed","date":"2025-02-03","weekly_hours":15}
        {"id":"a6","person":"A","type":"failing_recorded","date":"2025-07-01","failing":"obligation_breach"}
        {"id":"a7","person":"A","type":"sanction_notice","date":"2025-07-02"}
        {"id":"a8","person":"A","type":"sanction_decided","date":"2025-07-20","measure":"suspension","percent":30,"months":2,"starts":"2025-08-01"}
        {"id":"a9","person":"A","type":"remobilised","date":"2025-08-20"}
        {"id":"b1","person":"B","type":"right_opened","date":"2025-01-06","monthly_amount":646.52,"household_size":2}
        {"id":"b2","person":"B","type":"registered","date":"2025-01-06"}
        {"id":"b3","person":"B","type":"orientation_decided","date":"2025-01-20","dominante":"emploi","organisme":"france_travail"}
        {"id":"b4","person":"B","type":"diagnostic_completed","date":"2025-01-27"}
        {"id":"b5","person":"B","type":"contract_signed","date":"2025-02-03","weekly_hours":15}
        {"id":"b6","person":"B","type":"failing_recorded","date":"2025-07-01","failing":"control_refusal"}
        {"id":"b7","person":"B","type":"sanction_notice","date":"2025-07-02"}
        {"id":"b8","person":"B","type":"team_opinion","date":"2025-07-10"}
        {"id":"b9","person":"B","type":"sanction_decided","date":"2025-07-20","measure":"suppression","percent":50,"months":4}
        {"id":"c1","person":"C","type":"right_opened","date":"2025-01-06"}
        {"id":"c2","person":"C","type":"registered","date":"2025-01-06"}
        {"id":"c3","person":"C","type":"orientation_decided","date":"2025-01-20","dominante":"emploi","organisme":"france_travail"}
        {"id":"c4","person":"C","type":"diagnostic_completed","date":"2025-01-27"}
        {"id":"c5","person":"C","type":"contract_signed","date":"2025-02-03","weekly_hours":15}
        {"id":"c6","person":"C","type":"failing_recorded","date":"2025-07-01","failing":"obligation_breach"}
        {"id":"c7","person":"C","type":"sanction_notice","date":"2025-07-02"}
        {"id":"c8","person":"C","type":"sanction_decided","date":"2025-07-20","measure":"suspension","percent":30,"months":1}

        """
        let result = try CLI.run(["replay", "-", "--format", "json", "--as-of", "2025-10-31"], stdin: log)
        #expect(result.status == 0)
        // A: 30 % of 646.52 = 193.956 → 193.96 a month; remobilised in the first month.
        #expect(result.stdout.contains("""
                  "event": "a8",
                  "date": "2025-07-20",
                  "measure": "suspension",
                  "percent": 30,
                  "months": 2,
                  "starts": "2025-08-01",
                  "ends": "2025-08-20",
                  "ended_by": "remobilised",
                  "basis": "first",
                  "failings": [
                    "a6"
                  ],
                  "repeats": null,
                  "regime": "decret_2025_478",
                  "monthly_amount": 646.52,
                  "withheld": 193.96,
                  "refunded": 193.96,
                  "lost": 0.00
        """))
        // B: 50 % of 646.52 = 323.26 a month; months begun 07-20, 08-20, 09-20, 10-20 by 2025-10-31.
        #expect(result.stdout.contains("""
                  "withheld": 1293.04,
                  "refunded": 0.00,
                  "lost": 1293.04
        """))
        // C: monthly amount unknown.
        #expect(result.stdout.contains("""
                  "monthly_amount": null,
                  "withheld": null,
                  "refunded": null,
                  "lost": null
        """))
        #expect(result.stdout.contains("""
            "sanctions": {
              "suspension": 2,
              "suppression": 1,
              "by_basis": {
                "first": 2,
                "repetition": 0,
                "persistence": 0,
                "control_refusal": 1,
                "none": 0
              },
              "remobilisations": 1,
              "withdrawals": 0,
              "withheld": 1487.00,
              "refunded": 193.96,
              "lost": 1293.04,
              "unknown_amounts": 1
            }
        """))
        #expect(result.stdout.contains(#""rule": "sanction.refund""#))
        #expect(result.stdout.contains(#""severity": "info""#))
    }
}

@Suite("pathway check and pathway rules", .serialized)
struct ReferenceCommandTests {
    @Test("rules --as-of marks the rules not yet, or no longer, in force on that date")
    func rulesInForce() throws {
        let may = try CLI.run(["rules", "--as-of", "2025-05-01"])
        #expect(may.status == 0)
        #expect(may.stdout.contains("sanction.notice — violation — Préavis et délai d'observations\n  En vigueur à partir du 2025-06-01 : PAS ENCORE EN VIGUEUR le 2025-05-01."))
        #expect(!may.stdout.contains("sanction.legacy_bounds — violation — Bornes du régime antérieur\n  En vigueur jusqu'au 2025-05-31 : PLUS"))
        let june = try CLI.run(["rules", "--as-of", "2025-06-01", "--format", "json"])
        #expect(june.stdout.contains(#""id": "sanction.legacy_bounds""#))
        let value = try JSONValue.parse(june.stdout)
        guard case .object(let top) = value, case .array(let rules)? = top.first(where: { $0.key == "rules" })?.value else {
            Issue.record("no rules"); return
        }
        let inForce = rules.compactMap { rule -> (String, Bool)? in
            guard case .object(let m) = rule, case .string(let id)? = m.first(where: { $0.key == "id" })?.value,
                  case .bool(let flag)? = m.first(where: { $0.key == "in_force_on_as_of" })?.value else { return nil }
            return (id, flag)
        }
        #expect(inForce.count == RuleRegistry.all.count)
        #expect(inForce.first { $0.0 == "sanction.legacy_bounds" }?.1 == false)
        #expect(inForce.first { $0.0 == "sanction.notice" }?.1 == true)
    }

    @Test("pathway check Docs/rules passes and prints a summary")
    func checkCorpus() throws {
        let result = try CLI.run(["check", "Docs/rules"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok      Docs/rules/orientation.deadline.md:"))
        #expect(result.stdout.hasSuffix(" en échec\n"))
        #expect(result.stdout.contains(", 0 en échec"))
        let quiet = try CLI.run(["check", "Docs/rules", "--quiet"])
        #expect(quiet.stdout.split(separator: "\n").count == 1)
    }

    @Test("a wrong expected date fails with a French message naming the rule, the person and both dates")
    func checkFailure() throws {
        let page = """
        # Cas locaux

        ```scenario
        title: Date d'échéance fausse exprès
        log:
        {"id":"e1","person":"P9","type":"right_opened","date":"2025-03-03"}
        {"id":"e2","person":"P9","type":"registered","date":"2025-03-03"}
        {"id":"e3","person":"P9","type":"orientation_decided","date":"2025-04-15","dominante":"emploi","organisme":"france_travail"}
        expect:
        finding: orientation.deadline P9 due 2025-04-15 done 2025-04-15
        ```
        """
        let path = try CLI.temporaryFile(page, suffix: ".md")
        let result = try CLI.run(["check", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ÉCHEC   \(path):3  Date d'échéance fausse exprès\n"))
        #expect(result.stdout.contains("        - P9 orientation.deadline : échéance attendue 2025-04-15, obtenue 2025-04-14\n"))
        #expect(result.stdout.hasSuffix("1 scénario dans 1 fichier : 0 conforme, 1 en échec\n"))
    }

    @Test("a malformed scenario exits 2 with its file and line")
    func checkMalformed() throws {
        let path = try CLI.temporaryFile("```scenario\nlog:\n{}\nexpect:\nstate: P1 happy\n```\n", suffix: ".md")
        let result = try CLI.run(["check", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path):5: state: <personne> <état>"))
    }

    @Test("pathway rules lists every rule with its articles and parameters; --as-of shows the law of the day")
    func rules() throws {
        let text = try CLI.run(["rules"])
        #expect(text.status == 0)
        for rule in RuleRegistry.all { #expect(text.stdout.contains("\n\(rule.id) — ")) }
        #expect(text.stdout.contains("Paramètre repetition_window_months = 24 (depuis le 2025-06-01) — modifiable par --config"))
        let before = try CLI.run(["rules", "--as-of", "2025-05-31"])
        #expect(before.stdout.contains("Paramètre repetition_window_months = non en vigueur"))
        #expect(before.stdout.contains("Paramètre sanction_bounds = première décision ≤ 80 %, 1–3 mois ; suivantes 1–4 mois"))
        let json = try CLI.run(["rules", "--format", "json", "--as-of", "2024-12-31"])
        guard case .object(let top)? = try? JSONValue.parse(json.stdout),
              case .array(let rules)? = top.first(where: { $0.key == "rules" })?.value,
              case .array(let parameters)? = top.first(where: { $0.key == "parameters" })?.value else {
            Issue.record("rules --format json is not the expected object"); return
        }
        #expect(rules.count == RuleRegistry.all.count)
        let orientation = parameters.first { p in
            if case .object(let m) = p { return m.first?.value == .string("orientation_deadline_days") }
            return false
        }
        guard case .object(let members)? = orientation else { Issue.record("no orientation_deadline_days"); return }
        #expect(members.first { $0.key == "value" }?.value == .null) // not in force on 2024-12-31
        let bad = try CLI.run(["rules", "--format", "xml"])
        #expect(bad.status == 2)
    }
}

@Suite("Replay at scale: generate and --jobs", .serialized)
struct ScaleTests {
    @Test("pathway generate is deterministic for a seed, and its lines are all valid")
    func generate() throws {
        let a = try CLI.run(["generate", "--events", "3000", "--seed", "42"])
        let b = try CLI.run(["generate", "--events", "3000", "--seed", "42"])
        let c = try CLI.run(["generate", "--events", "3000", "--seed", "43"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(a.stdout == LogGenerator(events: 3000, seed: 42).text())
        let log = LogReader.read(a.stdout)
        #expect(log.lines == 3000)
        #expect(log.events.count == 3000)
        #expect(log.rejected.isEmpty)
        // Interleaved in date order, as an export would be.
        #expect(zip(log.events, log.events.dropFirst()).allSatisfy { $0.date <= $1.date })
        // Most event types of the log v1 appear in a log of this size.
        #expect(Set(log.events.map(\.type)).count >= 14)
    }

    @Test("--jobs 1 and --jobs 4 give the same bytes, in every format", arguments: ["json", "text", "csv"])
    func jobs(_ format: String) throws {
        let path = try CLI.temporaryFile(LogGenerator(events: 40_000, seed: 5).text())
        let one = try CLI.run(["replay", path, "--format", format, "--jobs", "1"])
        let four = try CLI.run(["replay", path, "--format", format, "--jobs", "4"])
        #expect(one.status == four.status)
        #expect(one.stdout == four.stdout)
        #expect(!one.stdout.isEmpty)
    }

    @Test("a file read whole (mapped) and the same bytes on standard input give the same report")
    func mappedAndStream() throws {
        let text = LogGenerator(events: 5_000, seed: 8).text()
        let path = try CLI.temporaryFile(text)
        let mapped = try CLI.run(["replay", path, "--format", "json"])
        let piped = try CLI.run(["replay", "-", "--format", "json"], stdin: text)
        // The same but for the input's name (merge.files).
        #expect(CLI.named(mapped.stdout, path) == piped.stdout)
        #expect(mapped.stdout != piped.stdout)
    }

    @Test("pages of a mapped log dropped once parsed are read again for a repeated id")
    func releasedPagesReread() throws {
        // 40,000 lines (4 MB) parsed in several ranges released as they go; then repeats of early
        // lines: one identical (a duplicate), one with other content (rejected, naming line 1).
        let lines = LogGenerator(events: 40_000, seed: 9).text().split(separator: "\n", omittingEmptySubsequences: false)
        let first = String(lines[0]), second = String(lines[1])
        let text = lines.joined(separator: "\n") + first + "\n" + second.replacingOccurrences(of: "\"date\":\"20", with: "\"date\":\"19") + "\n"
        let path = try CLI.temporaryFile(text)
        let mapped = try CLI.run(["replay", path, "--format", "json", "--jobs", "2"])
        let piped = try CLI.run(["replay", "-", "--format", "json", "--jobs", "2"], stdin: text)
        #expect(CLI.named(mapped.stdout, path) == piped.stdout)
        #expect(mapped.stdout.contains("\"duplicates\": 1,"))
        #expect(mapped.stdout.contains("est déjà utilisé ligne 2 avec un autre contenu"))
    }

    @Test("the JSON report written piece by piece is the report rendered whole, whatever the window")
    func streamedJSON() {
        let report = Replay.log(LogReader.read(LogGenerator(events: 20_000, seed: 6).text()), jobs: 2)
        let whole = report.jsonBytes(jobs: 1)
        for (window, flushAt) in [(1, 1), (7, 4096), (64, 1 << 16)] {
            var pieces: [[UInt8]] = []
            report.writeJSON(generator: "pathway", jobs: 3, window: window, flushAt: flushAt) { pieces.append(Array($0)) }
            #expect(pieces.count > 1)
            #expect(Array(pieces.joined()) == whole)
        }
        // The public forms, with the default window: long runs of people handed over as they
        // are, short runs of findings gathered.
        var viewed: [UInt8] = []
        var views = 0
        report.writeJSON(jobs: 2, through: { viewed.append(contentsOf: $0); views += 1 })
        #expect(viewed == whole)
        #expect(views > 2)
        var copied: [[UInt8]] = []
        report.writeJSON(jobs: 2, to: { copied.append($0) })
        #expect(copied.count == views)
        #expect(Array(copied.joined()) == whole)
    }
}

@Suite("pathway due: the caseworker's agenda", .serialized)
struct DueCommandTests {
    @Test("the example's agenda on fixed dates, soonest first, with the end of suspensions")
    func example() throws {
        let result = try CLI.run(["due", "Examples/departement-2025.ndjson", "--as-of", "2025-09-01", "--within", "42", "--format", "csv"])
        #expect(result.status == 0)
        // The social reviews run six months from the contract (P09's of 2025-04-10, P10's of 2025-04-14).
        #expect(result.stdout == """
            due,person,kind,rule,start,event,passed\r
            2025-09-18,P36,suspension_end,,2025-08-18,P36-08,false\r
            2025-09-18,P40,suspension_end,,2025-08-18,P40-07,false\r
            2025-10-01,P33,suspension_end,,2025-08-01,P33-10,false\r
            2025-10-01,P35,suspension_end,,2025-08-01,P35-08,false\r
            2025-10-01,P45,suspension_end,,2025-08-01,P45-07,false\r
            2025-10-10,P09,deadline,review.deadline,2025-04-10,P09-05,false\r
            2025-10-13,P04,deadline,orientation.deadline,2025-09-01,P04-01,false\r
            2025-10-13,P26,deadline,orientation.deadline,2025-09-01,P26-05,false\r

            """)
        let overdue = try CLI.run(["due", "Examples/departement-2025.ndjson", "--as-of", "2025-09-01", "--within", "31", "--overdue"])
        #expect(overdue.stdout.contains("  2025-04-24  P15  [dépassé] contract.deadline"))
        let early = try CLI.run(["due", "Examples/departement-2025.ndjson", "--as-of", "2025-04-01", "--within", "14", "--format", "json"])
        #expect(early.stdout.contains(#""rule": "orientation.deadline","#))
        #expect(early.stdout.contains(#""until": "2025-04-15","#))
    }

    @Test("--as-of is required: the agenda never reads the machine's clock")
    func asOfRequired() throws {
        let result = try CLI.run(["due", "Examples/departement-2025.ndjson"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("pathway due : il manque --as-of AAAA-MM-JJ"))
    }
}

@Suite("The JSON Schema of the event log", .serialized,
       .enabled(if: ExternalTool.jsonschema, ExternalTool.installJSONSchema))
struct SchemaTests {
    /// Runs scripts/validate-schema (Python's jsonschema) on a file.
    private func validate(_ path: String) throws -> (status: Int32, output: String) {
        try CLI.tool(["python3", "scripts/validate-schema", path])
    }

    @Test("the example log: the schema flags exactly the two lines pathway rejects")
    func example() throws {
        let result = try validate("Examples/departement-2025.ndjson")
        #expect(result.status == 1)
        // Each line is `FILE:LINE: message`; a line of another form (a Python error) is kept whole.
        let flagged = result.output.split(separator: "\n").map { line in
            line.split(separator: ":").dropFirst().first.map(String.init) ?? String(line)
        }
        let rejected = LogReader.read(try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)).rejected
        #expect(flagged == rejected.map { String($0.line) })
        #expect(flagged == ["61", "91"])
    }

    @Test("generated logs and every scenario log of the rule reference are valid")
    func valid() throws {
        let generated = try CLI.temporaryFile(LogGenerator(events: 20_000, seed: 21).text())
        let result = try validate(generated)
        #expect(result.status == 0, "\(result.output.prefix(500))")
        var lines: [String] = []
        for page in Repository.rulePages() {
            for scenario in try Scenario.parse(markdown: page.text, source: page.id) { lines.append(scenario.log) }
        }
        let scenarios = try CLI.temporaryFile(lines.joined())
        let checked = try validate(scenarios)
        #expect(checked.status == 0, "\(checked.output.prefix(500))")
    }

    @Test("lines pathway rejects for their content are invalid for the schema too")
    func invalid() throws {
        let bad = [
            #"{"id":"e1","person":"P1","type":"contract_signed","date":"2025-03-03","weekly_hours":true}"#,
            #"{"id":"e1","person":"P1","type":"sanction_decided","date":"2025-07-01","measure":"suspension","percent":"30","months":1}"#,
            #"{"id":"e1","person":"P1","type":"registered","date":"2025-02-30"}"#,
            #"{"id":"e1","person":"P1","type":"orientation","date":"2025-03-03"}"#,
            #"{"id":"e1","person":"P1","type":"household_changed","date":"2025-03-03"}"#,
            #"{"id":"e1","person":"P1","type":"activity","date":"2025-03-03","hours":0,"category":"training"}"#,
            #"{"id":"e1","person":"P1","type":"orientation_decided","date":"2025-03-03","dominante":"pro","organisme":"france_travail"}"#,
            #"{"person":"P1","type":"registered","date":"2025-03-03"}"#,
        ]
        for line in bad {
            #expect(!LogReader.read(line).rejected.isEmpty, "pathway accepts \(line)")
            let result = try validate(try CLI.temporaryFile(line + "\n"))
            #expect(result.status == 1, "the schema accepts \(line)")
        }
    }
}

@Suite("pathway serve --stdio", .serialized)
struct ServeTests {
    @Test("the Python example drives the protocol end to end", .enabled(if: ExternalTool.python3, ExternalTool.installPython))
    func python() throws {
        let executable = try #require(CLI.executable)
        let result = try CLI.tool(["python3", "Examples/embedding/caseworker.py", executable.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("ok\n"))
    }

    @Test("due with overdue lists the deadlines passed and still open (P15's contract); an unknown key is an error naming it; --log accounts for every line")
    func overdueAndKeys() throws {
        let requests = [
            #"{"op":"due","as_of":"2025-12-31","within":7}"#,
            #"{"op":"due","as_of":"2025-12-31","within":7,"overdue":true}"#,
            #"{"op":"due","as_of":"2025-12-31","overdu":true}"#,
            #"{"op":"state","person":"P15","as_of":"2025-12-31","format":"text"}"#,
            #"{"op":"due","as_of":"2025-12-31","overdue":"yes"}"#,
        ]
        let result = try CLI.run(["serve", "--stdio", "--log", "Examples/departement-2025.ndjson"], stdin: requests.joined(separator: "\n") + "\n")
        let answers = result.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == 5)
        #expect(!answers[0].contains(#""person":"P15""#))
        #expect(answers[1].contains(#"{"person":"P15","kind":"deadline","rule":"contract.deadline","due":"2025-04-24","start":"2025-03-24","event":"P15-05","passed":true}"#))
        #expect(answers[2] == #"{"ok":false,"code":"unknown_key","error":"« overdu » : clé inconnue pour « due » (attendues : « as_of », « overdue », « within »)"}"#)
        #expect(answers[3] == #"{"ok":false,"code":"unknown_key","error":"« format » : clé inconnue pour « state » (attendues : « as_of », « person »)"}"#)
        #expect(answers[4] == #"{"ok":false,"code":"not_boolean","error":"« overdue » : true ou false était attendu"}"#)
        // The same accounting as replay: 312 lines, 309 events, 1 duplicate, 2 rejected.
        #expect(result.stderr.contains("Examples/departement-2025.ndjson : 312 lignes : 309 événements, 1 doublon, 2 rejetées, 0 vide"))
    }

    @Test("each request gets exactly one answer line, errors included")
    func protocolErrors() throws {
        let requests = [
            "not json",
            #"{"op":"x"}"#,
            #"{"person":"P1"}"#,
            "",
            #"{"op":"state","person":"P1"}"#,
            #"{"op":"event","event":{"id":"e1","person":"P1","type":"registered","date":"2025-02-30"}}"#,
            #"{"op":"event","event":{"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}}"#,
            #"{"op":"event","event":{"date":"2025-03-03","type":"registered","person":"P1","id":"e1"}}"#,
            #"{"op":"state","person":"P1","as_of":"2025-03-03"}"#,
        ]
        let result = try CLI.run(["serve", "--stdio"], stdin: requests.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let answers = result.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == requests.count - 1) // the blank line gets no answer
        #expect(answers[0].hasPrefix(#"{"ok":false,"code":"invalid_json","error":"un objet JSON par ligne était attendu"#))
        #expect(answers[1] == #"{"ok":false,"code":"unknown_op","error":"op inconnue « x » (attendues : event, check, state ou due)"}"#)
        #expect(answers[2] == #"{"ok":false,"code":"missing_op","error":"« op » manque (event, check, state ou due)"}"#)
        #expect(answers[3].hasPrefix(#"{"ok":false,"code":"not_date","error":"« as_of » : une date AAAA-MM-JJ était attendue"#))
        #expect(answers[4] == #"{"ok":false,"code":"impossible_date","error":"« date » : date impossible \"2025-02-30\" (ce jour n'existe pas, ou année hors de 1900 à 2999)"}"#)
        #expect(answers[5] == #"{"ok":true,"op":"event","person":"P1","event":"e1"}"#)
        #expect(answers[6] == #"{"ok":true,"op":"event","event":"e1","duplicate":true}"#)
        #expect(answers[7].hasPrefix(#"{"ok":true,"op":"state","person":{"person":"P1","state":"no_right""#))
        let usage = try CLI.run(["serve"])
        #expect(usage.status == 2)
    }
}

@Suite("The DocC documentation", .serialized, .enabled(if: ExternalTool.docc, ExternalTool.installDocc))
struct DocumentationTests {
    @Test("scripts/docs builds the catalog with the toolchain's docc, with no warning")
    func docc() throws {
        let result = try CLI.tool(["bash", "scripts/docs", "--warnings-as-errors"])
        #expect(result.status == 0, "\(result.output.suffix(2000))")
        let archive = CLI.root.appendingPathComponent(".build/docs/Pathway.doccarchive/data/documentation/pathway.json")
        #expect(FileManager.default.fileExists(atPath: archive.path))
    }
}
