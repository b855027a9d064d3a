import Testing
@testable import Pathway

/// `Sources/Pathway/Rules/Intensity/intensity.shortfall.swift`; the weeks it reads are tested
/// in `IntensityTests.swift`.
@Suite("intensity.shortfall")
struct IntensityShortfallTests {
    @Test("an episode of exactly the window is reported; one week shorter is not", arguments: [("2025-06-01", 1), ("2025-05-25", 0)])
    func window(_ ends: String, _ expected: Int) {
        var s = underContract("2025-05-05", extra: #","ends":"\#(ends)""#)
        weekly(&s, from: "2025-05-05", weeks: 4, hours: "10")
        let f = s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-07-31")
        #expect(f.count == expected)
        if expected == 1 {
            #expect(f.first?.date == date("2025-05-05"))
            #expect(f.first?.severity == .warning)
            #expect(f.first?.event == "e5")
            #expect(f.first?.message.contains("semaine 2025-W19") == true)
            #expect(f.first?.message.contains("semaine 2025-W22") == true)
            #expect(f.first?.message.contains("10 h d'activité par semaine en moyenne pour 15 h prévues") == true)
        }
    }

    @Test("the message, kept as its facts, reads, compares, hashes and renders as its text")
    func messageKeptAsFacts() throws {
        var s = underContract("2025-05-05", extra: #","ends":"2025-06-01""#)
        weekly(&s, from: "2025-05-05", weeks: 4, hours: "10.5")
        let finding = try #require(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-07-31").first)
        let text = "Du lundi 2025-05-05 (semaine 2025-W19) au dimanche 2025-06-01 (semaine 2025-W22), 4 semaines complètes "
            + "sous contrat : 10,5 h d'activité par semaine en moyenne pour 15 h prévues (moyenne sur 4 semaines consécutives "
            + "en deçà du plan). " + Rules.Intensity.Shortfall.cited + "."
        #expect(finding.message == text)
        // The same finding with its message set as text: equal, same hash, one element of a set.
        var written = finding
        written.message = finding.message
        #expect(written == finding && finding == written)
        #expect(written.hashValue == finding.hashValue)
        #expect(Set([finding, written]).count == 1)
        var other = finding
        other.message = text + " "
        #expect(other != finding)
        // Rendered into JSON as the text, escaped as any message is.
        var w = JSONWriter()
        finding.write(to: &w)
        let json = try JSONValue.parse(String(decoding: w.finish().withBytes { Array($0) }, as: UTF8.self))
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.first { $0.key == "message" }?.value == .string(text))
    }

    /// The contract named is the one in force first in the episode's first week: an update on
    /// that week's Monday is in force from its first day, one on the Tuesday is not (the day
    /// before, of and after).
    @Test("the finding names the contract in force on the first day of the episode's first week",
          arguments: [("2025-05-04", "e6"), ("2025-05-05", "e6"), ("2025-05-06", "e5")])
    func contractOfFirstWeek(_ updated: String, _ expected: String) {
        // Signed on a Wednesday: its first week is partial, so the episode starts the next
        // Monday, 2025-05-05 (W19).
        var s = underContract("2025-04-30", extra: #","ends":"2025-06-01""#)
        s.add("contract_updated", updated, #""weekly_hours":15,"ends":"2025-06-01""#)
        weekly(&s, from: "2025-05-05", weeks: 4, hours: "10")
        let f = s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-07-31")
        #expect(f.count == 1)
        #expect(f.first?.date == date("2025-05-05"))
        #expect(f.first?.event == expected, "updated \(updated)")
    }

    @Test("one finding per episode, with its first and last week")
    func episode() {
        var s = underContract("2025-05-05")
        weekly(&s, from: "2025-05-05", weeks: 4, hours: "10")
        weekly(&s, from: "2025-06-02", weeks: 6, hours: "24")
        let i = intensity(s, asOf: "2025-07-13")
        // Windows starting W19 (40 < 60) and W20 (54 < 60) fall short; W21 (68) does not.
        #expect(i.episodes.map { "\($0.first)…\($0.last)" } == ["2025-W19…2025-W23"])
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-07-13").count == 1)
    }

    @Test("two separate episodes give two findings")
    func twoEpisodes() {
        var s = underContract("2025-05-05")
        weekly(&s, from: "2025-05-05", weeks: 4, hours: "10")
        weekly(&s, from: "2025-06-02", weeks: 8, hours: "24")
        weekly(&s, from: "2025-07-28", weeks: 4, hours: "5")
        let episodes = intensity(s, asOf: "2025-08-24").episodes.map { "\($0.first)…\($0.last)" }
        #expect(episodes == ["2025-W19…2025-W23", "2025-W29…2025-W34"])
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-08-24").count == 2)
    }

    @Test("a contract with 0 planned hours never falls short")
    func zeroPlan() {
        var s = underContract("2025-05-05", hours: "0", extra: #","reduction_reason":"invalidity""#)
        s.add("activity", "2025-05-06", #""hours":1,"category":"access_to_rights""#)
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-08-31").isEmpty)
        #expect(intensity(s, asOf: "2025-08-31").weeksMeetingPlan == intensity(s, asOf: "2025-08-31").weeksUnderContract)
    }

    @Test("a reduced plan is the measure: 8 hours done for 8 planned is met")
    func reduced() {
        var s = underContract("2025-05-05", hours: "8", extra: #","reduction_reason":"health""#)
        weekly(&s, from: "2025-05-05", weeks: 8, hours: "8")
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-06-29").isEmpty)
    }

    @Test("intensity_window_weeks is a local parameter")
    func windowParameter() throws {
        var s = underContract("2025-05-05", extra: #","ends":"2025-05-25""#)
        weekly(&s, from: "2025-05-05", weeks: 3, hours: "10")
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-07-31").isEmpty)
        let two = try Parameters.law.applying(JSONValue.parse(#"{"intensity_window_weeks": 2}"#))
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-07-31", parameters: two).count == 1)
    }
}
