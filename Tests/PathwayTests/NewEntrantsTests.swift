import Testing
@testable import Pathway

/// `indicators.new_entrants`: the départements' monthly reporting of new entrants oriented within
/// 15 days (`Sources/PathwayLaw/Engine/NewEntrants.swift`).
@Suite("New entrants")
struct NewEntrantsTests {
    static func counts(_ s: TestLog, asOf: String) -> NewEntrantCounts { s.report(asOf: asOf).indicators.newEntrants }

    @Test("entered 2025-03-01: notified 2025-03-15 within the target, 2025-03-16 later", arguments: [("2025-03-15", "within_target"), ("2025-03-16", "later")])
    func target(_ notified: String, _ status: String) {
        var s = TestLog()
        s.add("right_opened", "2025-03-01")
        s.add("orientation_decided", "2025-03-10", #""dominante":"emploi","organisme":"france_travail","notified":"\#(notified)""#)
        let n = Self.counts(s, asOf: "2025-06-30")
        #expect(n.total == 1 && n.orderedMonths == ["2025-03"])
        #expect(n.count(NewEntry.Status(rawValue: status)!, in: "2025-03") == 1)
    }

    @Test("not notified: pending up to 2025-03-15, missing from 2025-03-16", arguments: [("2025-03-15", NewEntry.Status.pending), ("2025-03-16", .missing)])
    func pending(_ asOf: String, _ status: NewEntry.Status) {
        var s = TestLog()
        s.add("right_opened", "2025-03-01")
        #expect(Self.counts(s, asOf: asOf).count(status) == 1)
    }

    @Test("duties unknown, then stated: the entry is the day they are, in its month")
    func dutiesLater() {
        var s = TestLog()
        s.add("right_opened", "2025-03-01", #""subject_to_duties":null"#)
        s.add("duties_changed", "2025-04-10", #""subject_to_duties":true"#)
        let n = Self.counts(s, asOf: "2025-06-30")
        #expect(n.orderedMonths == ["2025-04"] && n.total == 1)
    }

    @Test("a payment suspended more than 12 months closes the follow-up: resumed the day after suspended + 12 months, a new entry; on that day, none",
          arguments: [("2025-02-01", 1), ("2025-02-02", 2)])
    func suspension(_ resumed: String, _ entries: Int) {
        var s = TestLog()
        s.add("right_opened", "2024-01-05")
        s.add("orientation_decided", "2024-01-20", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("payment_suspended", "2024-02-01", #""reason":"3""#)
        s.add("payment_resumed", resumed)
        let n = Self.counts(s, asOf: "2025-06-30")
        #expect(n.total == entries, "\(resumed)")
        if entries == 2 { #expect(n.orderedMonths == ["2024-01", "2025-02"]) }
    }

    @Test("a payment suspended at entry time delays the entry to its resumption; going in and out of duties is the same follow-up")
    func payable() {
        var s = TestLog()
        s.add("right_opened", "2025-03-01", #""subject_to_duties":false"#)
        s.add("payment_suspended", "2025-03-02")
        s.add("duties_changed", "2025-03-05", #""subject_to_duties":true"#)
        s.add("payment_resumed", "2025-05-03")
        s.add("duties_changed", "2025-06-01", #""subject_to_duties":false"#)
        s.add("duties_changed", "2025-07-01", #""subject_to_duties":true"#)
        let n = Self.counts(s, asOf: "2025-12-31")
        #expect(n.orderedMonths == ["2025-05"] && n.total == 1 && n.count(.missing) == 1)
    }

    @Test("a reopening after a closure is a new follow-up; an orientation before the entry means no entry")
    func reopening() {
        var s = TestLog()
        s.add("right_opened", "2025-01-10")
        s.add("right_closed", "2025-02-10", #""reason":"resources""#)
        s.add("right_opened", "2025-04-01", #""subject_to_duties":false"#)
        s.add("orientation_decided", "2025-04-05", #""dominante":"social","organisme":"departement""#)
        s.add("duties_changed", "2025-04-20", #""subject_to_duties":true"#)
        let n = Self.counts(s, asOf: "2025-12-31")
        #expect(n.orderedMonths == ["2025-01"], "the second follow-up was oriented before its entry")
        var t = TestLog()
        t.add("right_opened", "2025-01-10")
        t.add("right_closed", "2025-02-10", #""reason":"resources""#)
        t.add("right_opened", "2025-04-01")
        #expect(Self.counts(t, asOf: "2025-12-31").orderedMonths == ["2025-01", "2025-04"])
    }

    @Test("the JSON report gives the totals and the months, in order")
    func json() {
        var s = TestLog()
        s.add("right_opened", "2025-03-01")
        let json = s.report(asOf: "2025-06-30").json()
        #expect(json.contains(#""new_entrants": {"#))
        #expect(json.contains(#""target_days": 15"#))
        #expect(json.contains(#""month": "2025-03""#))
    }

    /// The month an entrant is counted in is the first seven characters of the day's date, for
    /// every day, across years of four digits and beyond them.
    @Test("the month of a day is the first seven characters of its date")
    func monthOfDay() {
        let days = Array(stride(from: -800_000, through: 3_000_000, by: 997)) + [-719_529, -719_528, -719_162, -1, 0, 2_932_896, 2_932_897]
        for n in days {
            let day = CivilDate(dayNumber: Int32(n))
            #expect(day.monthText == String(day.description.prefix(7)), "\(day)")
        }
        #expect(CivilDate("2025-03-01")!.monthText == "2025-03")
    }
}
