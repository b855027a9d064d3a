import Testing
@testable import Pathway

/// A person oriented, diagnosed, and under contract from `signed`.
func underContract(_ signed: String, hours: String = "15", extra: String = "") -> TestLog {
    var s = TestLog(person: "P1")
    s.add("right_opened", "2025-03-03")
    s.add("registered", "2025-03-03")
    s.add("orientation_decided", "2025-04-07", #""dominante":"emploi","organisme":"france_travail""#)
    s.add("diagnostic_completed", "2025-04-14")
    s.add("contract_signed", signed, #""weekly_hours":\#(hours)"# + extra)
    return s
}

/// One activity on each Monday of `weeks` weeks from `monday`.
func weekly(_ s: inout TestLog, from monday: String, weeks: Int, hours: String) {
    for w in 0..<weeks {
        s.add("activity", date(monday).adding(days: 7 * w).description, #""hours":\#(hours),"category":"training""#)
    }
}

func intensity(_ s: TestLog, asOf: String, parameters: Parameters = .law) -> Intensity {
    Replay.person("P1", events: LogReader.read(s.text).events, asOf: date(asOf), parameters: parameters).intensity
}

@Suite("Intensity: weeks, proration, categories")
struct IntensityWeekTests {
    @Test("a contract signed on a Wednesday plans 5/7 of its hours for that week", arguments: [("11", true), ("10.72", true), ("10.71", false)])
    func wednesday(_ done: String, _ meets: Bool) {
        var s = underContract("2025-05-07")
        s.add("activity", "2025-05-09", #""hours":\#(done),"category":"job_search""#)
        let first = intensity(s, asOf: "2025-05-11").weeks.first
        #expect(first?.week == ISOWeek(year: 2025, week: 19))
        #expect(first?.daysUnderContract == 5)
        #expect(first?.plannedSevenths == 7500)
        #expect(first?.planned == Hours(hundredths: 1071))
        #expect(first?.meetsPlan == meets)
    }

    @Test("an activity before the signature, in the same week, is not under contract")
    func beforeSignature() {
        var s = underContract("2025-05-07")
        s.add("activity", "2025-05-05", #""hours":5,"category":"training""#)
        s.add("activity", "2025-05-08", #""hours":2,"category":"training""#)
        #expect(intensity(s, asOf: "2025-05-11").weeks.first?.done == Hours(2))
    }

    @Test("an update mid-week changes the plan from its date: 3 days at 15 h and 4 at 20 h")
    func updateMidWeek() {
        var s = underContract("2025-05-05")
        s.add("contract_updated", "2025-05-08", #""weekly_hours":20"#)
        s.add("activity", "2025-05-06", #""hours":1,"category":"support""#)
        let week = intensity(s, asOf: "2025-05-11").weeks.first
        #expect(week?.plannedSevenths == 3 * 1500 + 4 * 2000)
        #expect(week?.planned == Hours(hundredths: 1786))
    }

    @Test("weeks across a year end: 2025-12-29 to 2026-01-04 is week 1 of 2026")
    func yearEnd() {
        var s = underContract("2025-12-22")
        s.add("activity", "2025-12-28", #""hours":4,"category":"training""#)
        s.add("activity", "2025-12-29", #""hours":5,"category":"training""#)
        s.add("activity", "2026-01-02", #""hours":6,"category":"job_search""#)
        let weeks = intensity(s, asOf: "2026-01-04").weeks
        #expect(weeks.map(\.week) == [ISOWeek(year: 2025, week: 52), ISOWeek(year: 2026, week: 1)])
        #expect(weeks.map(\.done) == [Hours(4), Hours(11)])
        #expect(weeks.last?.byCategory == [.training: Hours(5), .jobSearch: Hours(6)])
    }

    @Test("a week with no activity counts, at zero hours")
    func emptyWeek() {
        var s = underContract("2025-05-05")
        s.add("activity", "2025-05-05", #""hours":15,"category":"training""#)
        s.add("activity", "2025-05-19", #""hours":15,"category":"training""#)
        let i = intensity(s, asOf: "2025-05-25")
        #expect(i.weeks.map(\.done) == [Hours(15), Hours(0), Hours(15)])
        #expect(i.weeksMeetingPlan == 2)
        #expect(i.averageHoursPerWeek == Hours(10))
    }

    @Test("a closure in the middle stops the count: the last week is partial, none after")
    func closure() {
        var s = underContract("2025-05-05")
        weekly(&s, from: "2025-05-05", weeks: 2, hours: "15")
        s.add("right_closed", "2025-05-22", #""reason":"employment""#)
        s.add("activity", "2025-05-23", #""hours":3,"category":"training""#)
        let i = intensity(s, asOf: "2025-06-30")
        #expect(i.weeks.map(\.daysUnderContract) == [7, 7, 3])
        #expect(i.hoursDone == Hours(30))
    }

    @Test("days after as_of are not under contract yet")
    func asOf() {
        var s = underContract("2025-05-05")
        s.add("activity", "2025-05-05", #""hours":15,"category":"training""#)
        #expect(intensity(s, asOf: "2025-05-07").weeks.map(\.daysUnderContract) == [3])
    }

    @Test("the contract's planned end stops the count after its day")
    func ends() {
        var s = underContract("2025-05-05", extra: #","ends":"2025-05-13""#)
        s.add("activity", "2025-05-05", #""hours":15,"category":"training""#)
        #expect(intensity(s, asOf: "2025-06-30").weeks.map(\.daysUnderContract) == [7, 2])
    }

    @Test("a whole-log report keeps every sum, category and episode of a person's intensity, not the weeks nor the activities")
    func wholeLogSummary() {
        var s = underContract("2025-05-07")
        weekly(&s, from: "2025-05-12", weeks: 6, hours: "8")
        s.add("activity", "2025-05-14", #""hours":2.5,"category":"job_search""#)
        let alone = intensity(s, asOf: "2025-07-06")
        let person = Replay.log(LogReader.read(s.text), asOf: date("2025-07-06")).people[0]
        let inLog = person.intensity
        #expect(person.state.activities.isEmpty)
        let replayedAlone = Replay.person(person.person, events: LogReader.read(s.text).events, asOf: date("2025-07-06"))
        #expect(replayedAlone.state.activities.count == 7)
        #expect(replayedAlone.intensity == alone)
        #expect(alone.weeks.count == 9)
        #expect(inLog.weeks.isEmpty)
        #expect(inLog == alone.withoutWeeks())
        #expect(inLog.weeksUnderContract == 9)
        #expect(inLog.fullWeeks == alone.fullWeeks && inLog.fullWeeks == 8)
        #expect(inLog.daysUnderContract == 61)
        #expect(inLog.hoursDone == Hours(hundredths: 5050))
        #expect(inLog.weeksMeetingPlan == alone.weeksMeetingPlan)
        #expect(inLog.averageHoursPerWeek == alone.averageHoursPerWeek)
        #expect(inLog.byCategory == alone.byCategory)
        #expect(!inLog.episodes.isEmpty && inLog.episodes == alone.episodes)
    }

    @Test("without any activity in the log, intensity is not measured (intensity_requires_activity)")
    func notMeasured() throws {
        let s = underContract("2025-05-05")
        #expect(intensity(s, asOf: "2025-06-30").measured == false)
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-06-30").isEmpty)
        let zero = try Parameters.law.applying(JSONValue.parse(#"{"intensity_requires_activity": false}"#))
        #expect(intensity(s, asOf: "2025-06-30", parameters: zero).weeks.count == 9) // 8 full weeks and Monday 2025-06-30
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-06-30", parameters: zero).count == 1)
    }

    @Test("the weekly duration is a term of the contrat d'engagement: a 2024 contract gives no plan", arguments: [
        ("2024-12-02", 0), ("2025-01-06", 4),
    ])
    func reformOnly(_ signed: String, _ weeks: Int) {
        var s = TestLog.entrant(opened: "2024-10-07")
        s.add("orientation_decided", "2024-11-04", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", signed, #""weekly_hours":15,"ends":"2025-02-02""#)
        weekly(&s, from: "2024-12-02", weeks: 9, hours: "2")
        let i = intensity(s, asOf: "2025-03-31")
        #expect(i.weeksUnderContract == weeks)
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-03-31").count == (weeks >= 4 ? 1 : 0))
    }

    @Test("a week that begins before 2025-01-01 is not measured, even under a contract signed on 2025-01-01")
    func firstWeekOf2025() {
        var s = TestLog.entrant(opened: "2024-10-07")
        s.add("orientation_decided", "2024-11-04", #""dominante":"emploi","organisme":"france_travail""#)
        s.add("contract_signed", "2025-01-01", #""weekly_hours":15"#)
        weekly(&s, from: "2024-12-30", weeks: 3, hours: "20")
        let i = intensity(s, asOf: "2025-01-19")
        #expect(i.weeks.map(\.monday) == [date("2025-01-06"), date("2025-01-13")])
        #expect(i.hoursDone == Hours(40))
    }

    @Test("a contract whose hours are not recorded gives no plan, and ends the previous one")
    func unrecordedHours() {
        var s = underContract("2025-05-05")
        s.add("contract_updated", "2025-05-19")
        weekly(&s, from: "2025-05-05", weeks: 6, hours: "1")
        let i = intensity(s, asOf: "2025-06-30")
        #expect(i.weeks.map(\.monday) == [date("2025-05-05"), date("2025-05-12")])
        #expect(s.findings(Rules.Intensity.Shortfall.id, asOf: "2025-06-30").isEmpty)
    }
}

@Suite("Appointments and intensity indicators")
struct IntensityIndicatorTests {
    @Test("no-show rate: missed / (attended + missed + excused)")
    func noShow() {
        var s = underContract("2025-05-05")
        s.add("appointment", "2025-05-06", #""purpose":"accompaniment","status":"attended""#)
        s.add("appointment", "2025-05-13", #""purpose":"accompaniment","status":"missed""#)
        s.add("appointment", "2025-05-20", #""purpose":"accompaniment","status":"excused""#)
        s.add("appointment", "2025-05-27", #""purpose":"accompaniment","status":"attended""#)
        let report = s.report()
        #expect(report.indicators.intensity.noShowPerMille == 250)
        #expect(report.person("P1")?.state.appointments == [.attended: 2, .missed: 1, .excused: 1])
    }

    @Test("contracts planning at least 15 h, reductions by reason, hours by dominante")
    func indicators() {
        var a = underContract("2025-05-05")
        weekly(&a, from: "2025-05-05", weeks: 2, hours: "15")
        var b = TestLog(person: "P2")
        b.add("right_opened", "2025-03-03")
        b.add("orientation_decided", "2025-04-07", #""dominante":"social","organisme":"departement""#)
        b.add("contract_signed", "2025-05-05", #""weekly_hours":8,"reduction_reason":"health""#)
        b.add("activity", "2025-05-06", #""hours":4,"category":"support""#)
        let report = Replay.log(LogReader.read(a.text + b.text), asOf: date("2025-05-18"))
        let i = report.indicators.intensity
        #expect(i.contracts == 2)
        #expect(i.contractsAtLeastMinimum == 1)
        #expect(i.peopleWithReduction == 1)
        #expect(i.reductionsByReason == [.health: 1])
        #expect(i.averageHours(.emploi) == Hours(15))
        #expect(i.averageHours(.social) == Hours(2))
        #expect(i.byCategory == [.training: Hours(30), .support: Hours(4)])
    }
}
