import Foundation
import Testing
@testable import Pathway

/// `pathway explain`: one person's story, whose findings are the whole replay's.
@Suite("pathway explain")
struct ExplainTests {
    static let example = "Examples/departement-2025.ndjson"

    @Test("for every person of the example: the story's findings are the replay's, each told once, every event accounted for")
    func sameFindingsAsReplay() throws {
        try Self.sameFindings(try String(contentsOfFile: Self.example, encoding: .utf8))
        // And a generated log: sanctions, reorientations, transfers, closures, activities.
        try Self.sameFindings(LogGenerator(events: 20_000, seed: 7).text())
    }

    static func sameFindings(_ text: String) throws {
        let log = LogReader.read(text)
        let whole = Replay.log(log)
        let asOf = try #require(whole.asOf)
        for person in whole.people {
            let events = log.events.filter { $0.person == person.person }
            let story = Explanation.person(person.person, events: events, asOf: asOf, notJudged: whole.notJudged)
            let replayed = whole.findings.filter { $0.person == person.person }
            #expect(story.findings == replayed, "\(person.person)")
            // Told where they arise: at an event or at the audit date, each once.
            let told = story.steps.flatMap(\.findings) + story.closing.findings
            #expect(told.count == replayed.count, "\(person.person)")
            #expect(Set(told) == Set(replayed), "\(person.person)")
            #expect(story.steps.count + story.after.count == events.count, "\(person.person)")
            // Every clock the replay records was started by an event and ended by one or by the audit date.
            let started = story.steps.flatMap(\.started).count
            let ended = story.steps.flatMap(\.ended).count + story.closing.records.count
            #expect(ended == person.records.count, "\(person.person)")
            #expect(started <= person.records.count + 1, "\(person.person)")
        }
    }

    /// A decision with a hearing asked and held, then appealed, referred, and reformed to 30 %.
    static let appealed = """
        {"id":"e1","person":"P1","type":"right_opened","date":"2025-01-06","monthly_amount":646.52}
        {"id":"e2","person":"P1","type":"registered","date":"2025-01-06"}
        {"id":"e3","person":"P1","type":"orientation_decided","date":"2025-01-20","dominante":"emploi","organisme":"france_travail"}
        {"id":"e4","person":"P1","type":"diagnostic_completed","date":"2025-01-27"}
        {"id":"e5","person":"P1","type":"contract_signed","date":"2025-02-03","weekly_hours":15}
        {"id":"e6","person":"P1","type":"failing_recorded","date":"2025-07-01","failing":"obligation_breach"}
        {"id":"e7","person":"P1","type":"sanction_notice","date":"2025-07-02","measure":"suspension","percent":30,"months":2}
        {"id":"e8","person":"P1","type":"hearing_requested","date":"2025-07-05"}
        {"id":"e9","person":"P1","type":"appointment","date":"2025-07-10","purpose":"hearing","status":"attended"}
        {"id":"e10","person":"P1","type":"sanction_decided","date":"2025-07-20","measure":"suspension","percent":50,"months":2,"starts":"2025-08-01","notified":"2025-07-22"}
        {"id":"e11","person":"P1","type":"appeal_filed","date":"2025-08-04","decision":"e10"}
        {"id":"e12","person":"P1","type":"appeal_referred","date":"2025-08-10","appeal":"e11"}
        {"id":"e13","person":"P1","type":"appeal_opinion","date":"2025-09-01","appeal":"e11"}
        {"id":"e14","person":"P1","type":"appeal_decided","date":"2025-09-15","appeal":"e11","outcome":"reformed","percent":30}

        """

    @Test("each rule applied says whether the person's pathway kept it, in text, html and json; a sanction and its appeal drawn as periods")
    func verdicts() throws {
        // P05: oriented on time, contract signed 5 days late; P04: still no orientation at the
        // audit date; P35: suspended, then remobilised (sanction.refund, for information).
        func rules(_ person: String) throws -> [String: String] {
            let json = try JSONValue.parse(try CLI.run(["explain", Self.example, person, "--format", "json"]).stdout)
            guard case .object(let top) = json, case .array(let list)? = top.first(where: { $0.key == "rules" })?.value else { return [:] }
            var out: [String: String] = [:]
            for case .object(let rule) in list {
                if case .string(let id)? = rule.first(where: { $0.key == "id" })?.value, case .string(let v)? = rule.first(where: { $0.key == "verdict" })?.value { out[id] = v }
            }
            return out
        }
        #expect(try rules("P05")["orientation.deadline"] == "kept")
        #expect(try rules("P05")["contract.deadline"] == "broken")
        #expect(try rules("P04")["orientation.deadline"] == "broken")
        #expect(try rules("P35")["sanction.refund"] == "noted")
        #expect(try rules("P35")["contract.deadline"] == "kept")
        let text = try CLI.run(["explain", Self.example, "P05"]).stdout
        #expect(text.contains("orientation.deadline — Orientation dans le délai légal\n  Pour cette personne : respectée — gravité d'un manquement : violation"))
        #expect(text.contains("contract.deadline — Contrat d'engagement dans le délai après l'orientation\n  Pour cette personne : enfreinte : 1 constat (violation)"))
        let html = try CLI.run(["explain", Self.example, "P35", "--format", "html"]).stdout
        #expect(html.contains("<td class=\"verdict kept\">respectée</td>"))
        #expect(html.contains("<td class=\"verdict noted\">1 constat pour information, sans manquement</td>"))
        // The sanction P35-08 drawn from its first day (2025-08-01) to its end (2025-09-05), with its terms.
        #expect(html.contains("class=\"label\">Sanction P35-08</text>"))
        #expect(html.contains("<title>suspension 50 % 2 mois, décidée le 2025-07-28, du 2025-08-01 au 2025-09-05 (fin par remobilisation)</title>"))
        #expect(html.contains("class=\"label\">Orientation (délai)</text>") && !html.contains("class=\"label\">orientation.deadline</text>"))
    }

    @Test("the hearing and the appeal on the timeline and under the sanction, in text, html and json, and in the replay's detail")
    func appealAndHearing() throws {
        let path = try CLI.temporaryFile(Self.appealed)
        let text = try CLI.run(["explain", path, "P1", "--as-of", "2025-12-31"]).stdout
        for expected in [
            "2025-07-10  rendez-vous (audition avant sanction, honoré) [e9, ligne 9]",
            "2025-08-04  recours administratif (contre la décision e10) [e11, ligne 11]",
            "2025-09-15  réponse au recours (recours e11, décision réformée, 30 %) [e14, ligne 14]",
            "SANCTIONS, AUDITION ET RECOURS (montants à la date d'audit)",
            // Two months at 50 % withheld (323.26 each), refunded down to 30 % (193.96): 258.60.
            "  Sanction e10 du 2025-07-20 : suspension 30 % 2 mois, du 2025-08-01 au 2025-10-01 (premier manquement) ; retenu 646,52 €, reversé 258,60 €, perdu 387,92 €",
            "    Audition : audition demandée le 2025-07-05 ; rendez-vous d'audition le 2025-07-10 (honoré)",
            "    Recours e11 reçu le 2025-08-04 ; commission de recours amiable saisie le 2025-08-10, avis le 2025-09-01 ; réponse le 2025-09-15 : décision réformée (avant : suspension 50 % 2 mois ; depuis : suspension 30 % 2 mois)",
        ] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let html = try CLI.run(["explain", path, "P1", "--as-of", "2025-12-31", "--format", "html"]).stdout
        #expect(html.contains("<section id=\"sanctions\">") && html.contains("Recours e11 reçu le 2025-08-04"))
        let json = try JSONValue.parse(try CLI.run(["explain", path, "P1", "--as-of", "2025-12-31", "--format", "json"]).stdout)
        guard case .object(let top) = json, case .array(let sanctions)? = top.first(where: { $0.key == "sanctions" })?.value,
              case .object(let first)? = sanctions.first, case .array(let procedure)? = first.first(where: { $0.key == "procedure" })?.value else {
            Issue.record("no sanctions[].procedure in the json story"); return
        }
        #expect(procedure.count == 2)
        // The whole replay's text report tells the same under the person.
        let report = try CLI.run(["replay", path, "--as-of", "2025-12-31"]).stdout
        #expect(report.contains("      Recours e11 reçu le 2025-08-04"))
        // A hearing asked and not held before the decision is said so.
        let unheard = try CLI.temporaryFile(Self.appealed.replacingOccurrences(of: #""status":"attended""#, with: #""status":"excused""#))
        #expect(try CLI.run(["explain", unheard, "P1", "--as-of", "2025-12-31"]).stdout
            .contains("rendez-vous d'audition le 2025-07-10 (excusé) ; personne entendue avant la décision : non"))
    }

    @Test("the person's own rejected lines are listed with their line and reason, in every format; another person's are not")
    func rejectedLines() throws {
        let text = try CLI.run(["explain", Self.example, "P12"]).stdout
        #expect(text.contains("LIGNES REJETÉES DE CETTE PERSONNE"))
        #expect(text.contains("  ligne 61 : « date » : date impossible \"2025-06-31\""))
        let html = try CLI.run(["explain", Self.example, "P12", "--format", "html"]).stdout
        #expect(html.contains("<section id=\"rejetees\"") && html.contains("ligne 61 : « date » : date impossible"))
        let json = try CLI.run(["explain", Self.example, "P12", "--format", "json"]).stdout
        #expect(json.contains(#""line": 61"#) && json.contains(#""field": "date""#))
        #expect(!(try CLI.run(["explain", Self.example, "P02"]).stdout.contains("LIGNES REJETÉES")))
        // Spaces around the colon, an escaped id: still the person's.
        #expect(LogInput.line(Array(#"{"id":"x", "person" :  "P\u00e9","date":"2025-02-30"}"#.utf8), names: "Pé") == false)
        #expect(LogInput.line(Array(#"{"id":"x", "person" :  "P12","date":"2025-02-30"}"#.utf8), names: "P12"))
        #expect(!LogInput.line(Array(#"{"id":"x","person":"P120"}"#.utf8), names: "P12"))
    }

    @Test("a late orientation: the clock, its days, the finding, the article and the parameter in force; exit 1")
    func lateOrientation() throws {
        let result = try CLI.run(["explain", Self.example, "P02"])
        #expect(result.status == 1)
        let out = result.stdout
        #expect(out.contains("Délai ouvert : orientation.deadline, du 2025-02-03 au 2025-03-17"))
        #expect(out.contains("Délai dépassé : orientation.deadline, fait le 2025-03-20 (jour 45), dernier jour le 2025-03-17"))
        #expect(out.contains("État : en attente d'orientation → en attente de contrat"))
        #expect(out.contains("Base : CASF D262-65-2 [P]"))
        #expect(out.contains("Paramètre orientation_deadline_days = 42 (depuis le 2025-01-01)"))
        #expect(out.contains("(3 jours de retard)"))
        // The basis is printed once per rule, not after each finding.
        #expect(out.components(separatedBy: "CASF D262-65-2 [P] ; Interprétation").count - 1 == 1)
        // French throughout: no enumeration's raw value.
        for raw in ["france_travail", "awaiting_", "on_time", "right_opened", "orientation_decided"] { #expect(!out.contains(raw), "\(raw)") }
    }

    @Test("the audit date: a clock still running on it, the events after it listed and not replayed")
    func asOf() throws {
        // P02's orientation was decided on 2025-03-20: on 2025-03-17 (its last day) the clock
        // still runs; the day after, it is missed.
        let before = try CLI.run(["explain", Self.example, "P02", "--as-of", "2025-03-17"]).stdout
        #expect(before.contains("Délai en cours : orientation.deadline, dernier jour le 2025-03-17"))
        #expect(before.contains("Après la date d'audit, non rejoué : 2025-03-20"))
        #expect(!before.contains("Constat orientation.deadline"))
        let after = try CLI.run(["explain", Self.example, "P02", "--as-of", "2025-03-18"])
        #expect(after.stdout.contains("Délai manqué : orientation.deadline, dernier jour le 2025-03-17, rien de fait"))
        #expect(after.status == 1)
    }

    @Test("json and html: the same story; --output chooses by extension; an unknown person is an error")
    func formats() throws {
        let json = try JSONValue.parse(try CLI.run(["explain", Self.example, "P02", "--format", "json"]).stdout)
        guard case .object(let top) = json else { Issue.record("not an object"); return }
        let keys = top.map(\.key)
        for key in ["person", "as_of", "state", "steps", "at_as_of", "rules", "findings"] { #expect(keys.contains(key), "\(key)") }
        if case .array(let findings)? = top.first(where: { $0.key == "findings" })?.value { #expect(findings.count == 2) }
        let html = try CLI.run(["explain", Self.example, "P02", "--format", "html"]).stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        for external in ["http://", "https://", "src=", "<link"] { #expect(!html.contains(external), "\(external)") }
        #expect(html.contains("<figure id=\"frise\"><svg"))
        #expect(html.contains("<span id=\"findings-count\">2</span>"))
        let dir = Scratch.url("pathway-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("P02.html").path
        _ = try CLI.run(["explain", Self.example, "P02", "--output", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html)
        let unknown = try CLI.run(["explain", Self.example, "P99"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("aucun événement pour la personne « P99 »"))
        // Every command that takes --as-of names a day that does not exist the same way.
        for command in [["replay", Self.example], ["explain", Self.example, "P02"], ["due", Self.example], ["rules"]] {
            let impossible = try CLI.run(command + ["--as-of", "2025-02-29"])
            #expect(impossible.status == 2)
            #expect(impossible.stderr.contains("--as-of : 2025-02-29 n'est pas un jour du calendrier"), "\(command)")
        }
        let missing = try CLI.run(["explain", Self.example])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("il manque la personne"))
    }

    @Test("a log of several files: each event is told with its file and its line in that file")
    func severalFiles() throws {
        let dir = Scratch.url("pathway-explain-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let caf = dir.appendingPathComponent("caf.ndjson"), pilotage = dir.appendingPathComponent("pilotage.ndjson")
        try """
        {"id":"c1","person":"Y","type":"right_opened","date":"2025-02-12","dated_from":"application"}
        {"id":"c2","person":"Z","type":"right_opened","date":"2025-02-12"}

        """.write(to: caf, atomically: true, encoding: .utf8)
        try """
        {"id":"p0","person":"Z","type":"registered","date":"2025-02-13"}
        {"id":"p1","person":"Y","type":"right_opened","date":"2025-03-03"}
        {"id":"p2","person":"Y","type":"orientation_decided","date":"2025-04-21","notified":"2025-04-21","dominante":"social","organisme":"delegataire"}

        """.write(to: pilotage, atomically: true, encoding: .utf8)
        let result = try CLI.run(["explain", caf.path, pilotage.path, "Y"])
        #expect(result.stdout.contains("[c1, \(caf.path), ligne 1]"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("[p1, \(pilotage.path), ligne 2]"))
        #expect(result.stdout.contains("[p2, \(pilotage.path), ligne 3]"))
        // The application date starts no clock; the receipt told by the second source does.
        #expect(result.stdout.contains("Délai ouvert : orientation.deadline, du 2025-03-03 au 2025-04-14"))
        #expect(result.stdout.contains("Délai dépassé : orientation.deadline, fait le 2025-04-21 (jour 49)"))
    }

    @Test("a rule applied under the former law shows the parameters then in force")
    func formerLaw() throws {
        // A suspension decided in 2025-03, before the sanctions of the reform (2025-06-01).
        let log = """
        {"id":"a","person":"X","type":"right_opened","date":"2024-10-01"}
        {"id":"b","person":"X","type":"registered","date":"2024-10-01"}
        {"id":"d","person":"X","type":"sanction_decided","date":"2025-03-03","measure":"suspension","percent":100,"months":2}

        """
        let result = try CLI.run(["explain", "-", "X", "--as-of", "2025-12-01"], stdin: log)
        #expect(result.stdout.contains("sanction.legacy_bounds — Bornes du régime antérieur\n  Pour cette personne : enfreinte : 1 constat (violation) — gravité d'un manquement : violation"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Appliquée le 2025-03-03"))
        // The bounds of the former R262-68, not today's (the audit date is 2025-12-01).
        #expect(result.stdout.contains("Paramètre sanction_bounds = première décision ≤ 80 %, 1–3 mois ; suivantes 1–4 mois"))
    }

    @Test("in a real browser: the story's page is not blank and its script ran",
          .enabled(if: ExternalTool.chromium, ExternalTool.installChromium))
    func browser() throws {
        let dir = Scratch.url("pathway-explain-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("P02.html").path
        _ = try CLI.run(["explain", Self.example, "P02", "--output", page])
        let check = try CLI.tool(["bash", "scripts/browser-check", page, dir.appendingPathComponent("out").path])
        #expect(check.status == 0, "\(check.output)")
        let dom = try String(contentsOf: dir.appendingPathComponent("out/dom.html"), encoding: .utf8)
        #expect(dom.contains("data-script=\"ran\""))
        #expect(dom.contains("<span id=\"findings-count\">2</span>"))
        let png = try Data(contentsOf: dir.appendingPathComponent("out/screenshot.png"))
        #expect(png.count > 10_000, "a blank page?")
    }
}
