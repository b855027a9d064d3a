import PathwayMachinery
/// A civil day (year, month, day) with no time and no time zone.
///
/// Pathway never uses `Date`, a time zone or the machine's clock: every legal period is
/// counted in civil days, as the law and `Docs/report.md` ("Ce que le rapport compte") do.
/// The value is stored as a day number (days since 1970-01-01) so that comparison and
/// day arithmetic are integer operations; the components are derived with Howard
/// Hinnant's `days_from_civil` / `civil_from_days` algorithms (proleptic Gregorian).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    /// The earliest and latest years the event log accepts.
    public static let supportedYears: ClosedRange<Int> = firstYear...lastYear
    // Constants, not a stored range, on the hot path (a static stored range is read through a
    // once-only initialisation check on every call).
    private static var firstYear: Int { 1900 }
    private static var lastYear: Int { 2999 }

    /// Creates a date from its day number (days since 1970-01-01).
    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// Creates a date from its components, or `nil` for an impossible date (`2025-02-30`)
    /// or a year outside ``supportedYears``.
    public init?(year: Int, month: Int, day: Int) {
        guard year >= CivilDate.firstYear, year <= CivilDate.lastYear, month >= 1, month <= 12,
              day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        self.dayNumber = Int32(CivilDate.daysFromCivil(year: year, month: month, day: day))
    }

    /// The outcome of parsing ten bytes as a date.
    public enum ParseResult: Sendable, Equatable {
        case valid(CivilDate)
        /// Not of the form `YYYY-MM-DD`.
        case malformed
        /// Of the right form but not a day of the calendar (`2025-02-30`), or out of range.
        case impossible
    }

    // MARK: Components

    /// Year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.civilFromDays(Int(dayNumber))
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    // MARK: Arithmetic

    /// This date moved by `days` calendar days (no extension for weekends or holidays).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + Int32(days))
    }

    /// Calendar days from `earlier` to this date (positive when this date is later).
    public func days(since earlier: CivilDate) -> Int {
        Int(dayNumber) - Int(earlier.dayNumber)
    }

    /// How a month count lands on a month without the starting day number.
    public enum MonthEnd: String, Sendable, CaseIterable {
        /// 2025-01-31 + 1 month = 2025-02-28 (the last day of the month): `Docs/report.md`.
        case lastDay = "last_day"
        /// 2025-01-31 + 1 month = 2025-03-01 (the day after the last day).
        case nextDay = "next_day"
    }

    /// This date moved by `months` months: day D of month M gives day D of month M+n, or,
    /// when that month has no day D, its last day (``MonthEnd/lastDay``, the default) or the
    /// first day of the following month (``MonthEnd/nextDay``).
    public func adding(months: Int, monthEnd: MonthEnd = .lastDay) -> CivilDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        let length = CivilDate.daysInMonth(year: year, month: month)
        if d <= length {
            return CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(year: year, month: month, day: d)))
        }
        let last = CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(year: year, month: month, day: length)))
        return monthEnd == .lastDay ? last : last.adding(days: 1)
    }

    // MARK: Weeks

    /// ISO 8601 weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (Int(dayNumber) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The ISO 8601 week (Monday to Sunday) this date belongs to. Week 1 is the week with
    /// the year's first Thursday, so 2025-12-29 is in week 1 of 2026.
    public var isoWeek: ISOWeek {
        let thursday = adding(days: 4 - isoWeekday)
        let isoYear = thursday.year
        let firstOfYear = CivilDate.daysFromCivil(year: isoYear, month: 1, day: 1)
        let week = (Int(thursday.dayNumber) - firstOfYear) / 7 + 1
        return ISOWeek(year: isoYear, week: week)
    }

    /// The Monday that starts this date's ISO week.
    public var startOfISOWeek: CivilDate { adding(days: 1 - isoWeekday) }

    // MARK: Calendar facts

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number (days since 1970-01-01), by Neri and Schneider's algorithm
    /// ("Euclidean affine functions and their application to calendar algorithms", 2022):
    /// multiplications and shifts where Hinnant's algorithm (the reference it is tested against,
    /// in `CivilDateTests`) divides, at a hundred instructions a date (half a percent of a
    /// replay, most of it writing the report's dates). Exact for every day a ``CivilDate`` holds
    /// (an `Int32`): the days are shifted by whole 400-year eras so that each is non-negative.
    package static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let eras: UInt64 = 14_704
        let n = UInt64(bitPattern: Int64(days) &+ Int64(719_468 + 146_097 * eras))
        // The century, then the day within it.
        let n1 = 4 &* n &+ 3
        let century = n1 / 146_097
        let dayOfCentury = n1 % 146_097 / 4
        // The year within the century (computed years start on March 1st), then the day within it.
        let n2 = 4 &* dayOfCentury &+ 3
        let p2 = 2_939_745 &* n2
        let yearOfCentury = p2 >> 32
        let dayOfYear = (p2 & 0xFFFF_FFFF) / 2_939_745 / 4
        // Month (3 to 14) and day of a year that starts on March 1st.
        let n3 = 2_141 &* dayOfYear &+ 197_913
        let month = n3 >> 16
        let day = (n3 & 0xFFFF) / 2_141
        // January and February belong to the next calendar year.
        let january = dayOfYear >= 306
        let year = Int(100 &* century &+ yearOfCentury) - 400 * Int(eras) + (january ? 1 : 0)
        return (year, Int(january ? month - 12 : month), Int(day) + 1)
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// An ISO 8601 week: the year it belongs to (which may differ from the calendar year of its
/// days) and its number, 1 to 53.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// `2026-W01`.
    public var description: String { "\(year)-W" + CivilDate.pad(week, 2) }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}
