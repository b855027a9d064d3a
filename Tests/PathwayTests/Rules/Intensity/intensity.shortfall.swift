import Testing
@testable import Pathway
@testable import PathwayLaw

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

    @Test("the episodes are those of the windows summed anew at each start, on random weeks with gaps and partial weeks",
          arguments: 1...6)
    func slidingSums(_ window: Int) {
        var random = SplitMix64(seed: UInt64(window))
        var episodes = 0
        for _ in 0..<300 {
            var weeks: [WeekFigures] = []
            var index = Int(random.next() % 3)
            for _ in 0..<Int(random.next() % 40) {
                // A gap of a week now and then, a partial week now and then; hours done around
                // the plan (15 h a week: 10,500 sevenths of a hundredth a day).
                index += random.next() % 9 == 0 ? 2 : 1
                let days = random.next() % 7 == 0 ? Int(1 + random.next() % 6) : 7
                let plan = random.next() % 11 == 0 ? 0 : 1_500
                weeks.append(WeekFigures(index: index, days: days, plannedSevenths: plan * days,
                                         done: Int(random.next() % 2_400)))
            }
            let contracts = weeks.indices.map { Int32($0 % 3) }
            let got = PersonState.shortfalls(weeks, firstMonday: date("2025-01-06"), contracts: contracts, window: window) { "c\($0)" }
            let expected = plainShortfalls(weeks, firstMonday: date("2025-01-06"), contracts: contracts, window: window)
            #expect(got == expected, "window \(window), weeks \(weeks.map { ($0.index, $0.days, $0.done) })")
            episodes += expected.count
        }
        // Not a comparison of empty lists: the random weeks fall short often.
        #expect(episodes > 100)
    }

    /// The definition written plainly: each window of `window` consecutive full weeks summed anew,
    /// the short ones merged where they overlap
    /// (share a week).
    private func plainShortfalls(_ weeks: [WeekFigures], firstMonday: CivilDate, contracts: [Int32], window: Int) -> [ShortfallEpisode] {
        var short: [(first: Int, last: Int)] = []
        for start in weeks.indices where start + window <= weeks.count {
            let slice = weeks[start..<(start + window)]
            guard slice.allSatisfy(\.isFull),
                  zip(slice, slice.dropFirst()).allSatisfy({ $1.index == $0.index + 1 }) else { continue }
            guard slice.reduce(0, { $0 + $1.done }) * 7 < slice.reduce(0, { $0 + $1.plannedSevenths }) else { continue }
            if let open = short.last, start <= open.last {
                short[short.count - 1].last = start + window - 1
            } else {
                short.append((start, start + window - 1))
            }
        }
        return short.map { range in
            let slice = weeks[range.first...range.last]
            let from = firstMonday.adding(days: 7 * weeks[range.first].index)
            let to = firstMonday.adding(days: 7 * weeks[range.last].index)
            return ShortfallEpisode(first: from.isoWeek, last: to.isoWeek, firstMonday: from, lastMonday: to, weeks: slice.count,
                                    done: Hours(hundredths: slice.reduce(0) { $0 + $1.done }),
                                    plannedSevenths: slice.reduce(0) { $0 + $1.plannedSevenths },
                                    contractEvent: "c\(contracts[range.first])")
        }
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
