import Foundation
import Testing
@testable import Pathway

/// Person summaries that agree with the findings beside them (Docs/report.md, `people[]`).
@Suite("Person summaries")
struct SummaryTests {
    @Test("a contract signed then updated: both dates, each with its hours, in text, HTML and JSON")
    func signedAndUpdated() throws {
        let text = try CLI.run(["replay", "Examples/departement-2025.ndjson"]).stdout
        #expect(text.contains("contrat signé le 2025-06-23 (38 h/semaine), actualisé le 2025-07-07 (30 h/semaine)"), "P13")
        #expect(text.contains("contrat signé le 2025-03-24 (15 h/semaine), actualisé le 2025-09-05 (15 h/semaine)"), "P35")
        let html = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "html"]).stdout
        #expect(html.contains("contrat signé le 2025-06-23 (38 h/semaine), actualisé le 2025-07-07 (30 h/semaine)"))
        let report = Replay.log(LogReader.read(try String(contentsOf: CLI.root.appendingPathComponent("Examples/departement-2025.ndjson"), encoding: .utf8)))
        let p35 = try #require(report.people.first { $0.person == "P35" })
        #expect(p35.state.signed?.date == CivilDate("2025-03-24") && p35.state.contract?.date == CivilDate("2025-09-05"))
        let json = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--format", "json"]).stdout
        #expect(json.contains(#""signed": {"#) && json.contains(#""updated": {"#))
    }

    @Test("a right dated from its application: its receipt unknown until another source gives it, then that day")
    func receipt() throws {
        var log = """
        {"id":"c1","person":"1-DEM","type":"right_opened","date":"2016-05-02","dated_from":"application","source":"caf"}

        """
        let before = Replay.log(LogReader.read(log), asOf: CivilDate("2025-03-31"))
        #expect(before.people.first { $0.person == "1-DEM" }?.state.receivedOn == nil)
        #expect(Report.personFacts(try #require(before.people.first)).first == "droit ouvert le 2016-05-02 (date de la demande ; réception inconnue)")
        log += #"{"id":"p1","person":"1-DEM","type":"right_opened","date":"2025-03-03","source":"pilotage"}"# + "\n"
        let after = Replay.log(LogReader.read(log), asOf: CivilDate("2025-03-31"))
        #expect(after.people.first { $0.person == "1-DEM" }?.state.receivedOn == CivilDate("2025-03-03"))
        #expect(Report.personFacts(try #require(after.people.first)).first == "droit ouvert le 2016-05-02 (date de la demande ; réception le 2025-03-03)")
        let path = try CLI.temporaryFile(log)
        #expect(try CLI.run(["replay", path, "--format", "json", "--as-of", "2025-03-31"]).stdout.contains(#""received": "2025-03-03""#))
    }

    @Test("control characters in a person id are made visible in the text report and the story, never printed raw")
    func controlCharacters() throws {
        let path = try CLI.temporaryFile(#"{"id":"e\t1","person":"P\tX\r","type":"right_opened","date":"2025-01-06"}"# + "\n")
        let text = try CLI.run(["replay", path, "--as-of", "2025-12-31"]).stdout
        #expect(text.contains("  P\\u{9}X\\u{d} — en attente d'orientation"))
        #expect(!text.contains("\t") && !text.contains("\r"))
        let story = try CLI.run(["explain", path, "P\tX\r", "--as-of", "2025-12-31"]).stdout
        #expect(story.hasPrefix("HISTOIRE DE P\\u{9}X\\u{d}") && story.contains("[e\\u{9}1, ligne 1]"))
        #expect(Report.visible("a\\b") == "a\\\\b" && Report.visible("Zoé") == "Zoé")
    }
}
