import Testing
@testable import Pathway

@Suite("Civil calendar")
struct CivilDateTests {
    @Test("parses and prints YYYY-MM-DD", arguments: ["2025-01-01", "2024-02-29", "1970-01-01", "1900-03-01", "2999-12-31"])
    func roundTrip(_ text: String) {
        #expect(CivilDate(text)?.description == text)
    }

    @Test("rejects impossible or malformed dates",
          arguments: ["2025-02-29", "2025-02-30", "2100-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                      "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01T00:00", "", "1899-12-31", "3000-01-01"])
    func rejects(_ text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("leap years: 2024 and 2000 are, 2100 and 2025 are not")
    func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(2100))
        #expect(!CivilDate.isLeapYear(2025))
        #expect(CivilDate("2000-02-29") != nil)
    }

    @Test("day arithmetic crosses months and years")
    func days() {
        #expect(date("2025-03-03").adding(days: 42) == date("2025-04-14"))
        #expect(date("2024-12-31").adding(days: 1) == date("2025-01-01"))
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2025-04-14").days(since: date("2025-03-03")) == 42)
    }

    @Test("one month: day D of M+1, or the last day of M+1 (`Docs/report.md`)",
          arguments: [("2025-01-31", 1, "2025-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2025-01-15", 1, "2025-02-15"),
                      ("2025-03-31", 1, "2025-04-30"), ("2025-12-31", 1, "2026-01-31"), ("2025-11-30", 3, "2026-02-28"),
                      ("2024-02-29", 12, "2025-02-28"), ("2025-08-31", 6, "2026-02-28"), ("2025-05-06", -1, "2025-04-06")])
    func months(_ start: String, _ months: Int, _ expected: String) {
        #expect(date(start).adding(months: months) == date(expected))
    }

    @Test("month_end next_day: 2025-01-31 + 1 month = 2025-03-01")
    func monthEndNextDay() {
        #expect(date("2025-01-31").adding(months: 1, monthEnd: .nextDay) == date("2025-03-01"))
        #expect(date("2025-01-15").adding(months: 1, monthEnd: .nextDay) == date("2025-02-15"))
    }

    @Test("ISO weeks: week 1 of 2026 starts on 2025-12-29",
          arguments: [("2025-12-29", 2026, 1), ("2026-01-04", 2026, 1), ("2025-12-28", 2025, 52), ("2021-01-03", 2020, 53),
                      ("2020-12-31", 2020, 53), ("2025-01-01", 2025, 1), ("2024-12-30", 2025, 1), ("2027-01-01", 2026, 53)])
    func isoWeeks(_ text: String, _ year: Int, _ week: Int) {
        #expect(date(text).isoWeek == ISOWeek(year: year, week: week))
    }

    @Test("ISO weekday and start of week")
    func weekday() {
        #expect(date("2025-12-29").isoWeekday == 1)
        #expect(date("2026-01-04").isoWeekday == 7)
        #expect(date("1970-01-01").isoWeekday == 4)
        #expect(date("1969-12-31").isoWeekday == 3)
        #expect(date("2025-05-07").startOfISOWeek == date("2025-05-05"))
    }

    @Test("day numbers round-trip over four centuries")
    func roundTripAll() {
        var day = date("1900-01-01")
        let end = date("2300-01-01")
        var previous: (Int, Int, Int)?
        while day < end {
            let c = day.components
            #expect(CivilDate(year: c.year, month: c.month, day: c.day) == day)
            if let p = previous {
                #expect((c.year, c.month, c.day) > p)
            }
            previous = (c.year, c.month, c.day)
            day = day.adding(days: 1)
        }
    }

    /// Hinnant's `civil_from_days`, by divisions: the reference ``CivilDate/civilFromDays(_:)``
    /// is tested against.
    static func civilFromDaysByDivision(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The multiplications of ``CivilDate/civilFromDays(_:)`` against Hinnant's divisions: every
    /// day from year -1000 to 3000, then the ends of an `Int32` and the days around each era's
    /// turn, then a spread of days over the whole range.
    @Test("the date of a day number, against the reference algorithm, over the whole range")
    func civilFromDaysAgainstReference() {
        func same(_ n: Int) -> Bool { CivilDate.civilFromDays(n) == Self.civilFromDaysByDivision(n) }
        let from = CivilDate.daysFromCivil(year: -1000, month: 1, day: 1), to = CivilDate.daysFromCivil(year: 3000, month: 12, day: 31)
        var wrong = (from...to).filter { !same($0) }
        let ends = [Int(Int32.min), Int(Int32.min) + 1, -1, 0, 1, Int(Int32.max) - 1, Int(Int32.max)]
        let eraTurns = stride(from: -14_700, through: 14_700, by: 100).flatMap { era -> [Int] in
            let turn = era * 146_097 - 719_468
            return [turn - 1, turn, turn + 1]
        }
        wrong += (ends + eraTurns).filter { !same($0) }
        var n = Int(Int32.min)
        while n < Int(Int32.max) - 1_000_003 {
            if !same(n) { wrong.append(n) }
            n += 1_000_003
        }
        #expect(wrong.isEmpty, "differs at \(wrong.prefix(5))")
        #expect(CivilDate.civilFromDays(0) == (1970, 1, 1))
        #expect(CivilDate.civilFromDays(-1) == (1969, 12, 31))
        #expect(CivilDate.civilFromDays(11_016) == (2000, 2, 29))
        #expect(CivilDate.civilFromDays(Int(Int32.min)) == Self.civilFromDaysByDivision(Int(Int32.min)))
    }
}

@Suite("Fixed-point numbers")
struct FixedPointTests {
    private func parse(_ text: String, scale: Int = 2, rounding: Bool = false) -> Result<Int64, FixedPoint.ParseError> {
        Array(text.utf8).withUnsafeBufferPointer { FixedPoint.parse($0, scale: scale, rounding: rounding) }
    }

    @Test("euros to cents, exactly", arguments: [("646.52", 64652), ("0", 0), ("15", 1500), ("1.5", 150), ("1.50", 150),
                                                 ("1.500", 150), ("1e2", 10000), ("2.5E-1", 25), ("-3.25", -325)])
    func cents(_ text: String, _ expected: Int64) {
        #expect(parse(text) == .success(expected))
    }

    @Test("more than two decimals is an error for money, rounded half up for hours")
    func decimals() {
        #expect(parse("646.525") == .failure(.tooManyDecimals))
        #expect(parse("0.335", rounding: true) == .success(34))
        #expect(parse("0.334", rounding: true) == .success(33))
    }

    @Test("formats without floating point")
    func format() {
        #expect(Cents(64652).description == "646.52")
        #expect(Cents(5).description == "0.05")
        #expect(Cents(-5).description == "-0.05")
        #expect(Hours(hundredths: 1750).description == "17.5")
        #expect(Hours(hundredths: 1500).description == "15")
        #expect(Hours(hundredths: 0).description == "0")
        #expect(Hours(hundredths: 5).description == "0.05")
        #expect(FixedPoint.format(-120, scale: 2, trimZeros: true) == "-1.2")
        #expect(FixedPoint.format(0, scale: 3, trimZeros: false) == "0.000")
        #expect(FixedPoint.format(7, scale: 0, trimZeros: false) == "7")
        #expect(FixedPoint.format(Int64.min, scale: 2, trimZeros: false) == "-92233720368547758.08")
        #expect(FixedPoint.format(Int64.max, scale: 1, trimZeros: true) == "922337203685477580.7")
        // Every value from -2000 to 2000 against the decimal written by the standard library.
        for value in Int64(-2000)...2000 {
            let whole = String(value.magnitude / 100), fraction = String(value.magnitude % 100)
            let expected = (value < 0 ? "-" : "") + whole + "." + String(repeating: "0", count: 2 - fraction.count) + fraction
            #expect(FixedPoint.format(value, scale: 2, trimZeros: false) == expected)
        }
        // Whole numbers: those below 10,000 are written by a path of their own; around each of
        // its limits and beyond, against the standard library, with or without trimming.
        let wholes = Array(Int64(-1_010)...10_010) + [99_999, 100_000, 1_000_000, Int64.max, Int64.min, Int64.min + 1]
        for value in wholes {
            #expect(FixedPoint.format(value, scale: 0, trimZeros: false) == String(value))
            #expect(FixedPoint.format(value, scale: 0, trimZeros: true) == String(value))
        }
    }

    @Test("dates are written YYYY-MM-DD, for any year")
    func dateText() {
        for text in ["1900-01-01", "2025-02-28", "2999-12-31", "2024-02-29"] { #expect(CivilDate(text)?.description == text) }
        #expect(CivilDate.ymd(9999, 12, 31).description == "9999-12-31")
        #expect(CivilDate.ymd(9999, 12, 31).adding(days: 1).description == "10000-01-01")
    }
}
