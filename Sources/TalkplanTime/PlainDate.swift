/// A calendar date with no time of day and no time zone, in the proleptic
/// Gregorian calendar (the Gregorian rules extended backwards, with a year 0).
///
/// Supported years are `-999_999...999_999` (``supportedYears``), the range
/// that the ISO 8601 extended six-digit year format can spell.
///
/// ```swift
/// let date = PlainDate(year: 2024, month: 2, day: 29)!
/// date.weekday                   // .thursday
/// date.adding(years: 1)          // 2025-02-28
/// "\(date)"                      // "2024-02-29"
/// ```
public struct PlainDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, astronomical numbering (year 0 is 1 BCE); `-999_999...999_999`.
    ///
    /// ```swift
    /// PlainDate(year: -44, month: 3, day: 15)!.year  // -44
    /// ```
    public let year: Int32
    /// The month, `1...12`.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 12, day: 25)!.month  // 12
    /// ```
    public let month: UInt8
    /// The day of the month, `1...31`.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 12, day: 25)!.day  // 25
    /// ```
    public let day: UInt8

    /// The years a `PlainDate` can hold.
    ///
    /// ```swift
    /// PlainDate.supportedYears.contains(10_000)  // true
    /// ```
    public static let supportedYears: ClosedRange<Int> = -999_999...999_999

    /// The earliest supported date, `-999999-01-01`.
    ///
    /// ```swift
    /// PlainDate.min.daysSinceEpoch  // -365961662
    /// ```
    public static let min = PlainDate(unchecked: -999_999, 1, 1)

    /// The latest supported date, `+999999-12-31`.
    ///
    /// ```swift
    /// PlainDate.max.daysSinceEpoch  // 364522971
    /// ```
    public static let max = PlainDate(unchecked: 999_999, 12, 31)

    /// The Unix epoch date, `1970-01-01`.
    ///
    /// ```swift
    /// PlainDate.unixEpoch.daysSinceEpoch  // 0
    /// ```
    public static let unixEpoch = PlainDate(unchecked: 1970, 1, 1)

    @inline(__always)
    init(unchecked year: Int32, _ month: UInt8, _ day: UInt8) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date, or `nil` when the fields do not name one (February 30,
    /// month 13, day 0, or a year outside ``supportedYears``).
    ///
    /// ```swift
    /// PlainDate(year: 2000, month: 2, day: 29)  // 2000-02-29
    /// PlainDate(year: 1900, month: 2, day: 29)  // nil
    /// ```
    public init?(year: Int, month: Int, day: Int) {
        guard PlainDate.isValid(year: year, month: month, day: day) else { return nil }
        self.init(unchecked: Int32(year), UInt8(month), UInt8(day))
    }

    /// Creates a date, throwing a ``TimeError`` that explains why the fields
    /// do not name a date.
    ///
    /// ```swift
    /// try PlainDate.checked(year: 2024, month: 2, day: 30)
    /// // throws "invalid date 2024-02-30: february 2024 has 29 days"
    /// ```
    public static func checked(year: Int, month: Int, day: Int) throws(TimeError) -> PlainDate {
        guard let date = PlainDate(year: year, month: month, day: day) else {
            throw TimeError.invalidDate(year: year, month: month, day: day)
        }
        return date
    }

    @inline(__always)
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        supportedYears.contains(year) && month >= 1 && month <= 12 && day >= 1
            && day <= Int(Civil.daysInMonth(year: Int64(year), month: Int64(month)))
    }

    /// Creates the date `daysSinceEpoch` days after 1970-01-01 (before it, when negative).
    ///
    /// Total: counts outside `PlainDate.min.daysSinceEpoch...PlainDate.max.daysSinceEpoch`
    /// (`-365_961_662...364_522_971`) are clamped to ``min`` / ``max``; it never traps.
    ///
    /// ```swift
    /// PlainDate(daysSinceEpoch: 0)      // 1970-01-01
    /// PlainDate(daysSinceEpoch: 24855)  // 2038-01-19
    /// PlainDate(daysSinceEpoch: -1)     // 1969-12-31
    /// ```
    public init(daysSinceEpoch: Int64) {
        let days = Swift.min(Swift.max(daysSinceEpoch, Civil.minDaysSinceEpoch), Civil.maxDaysSinceEpoch)
        let civil = Civil.civilFromDays(days)
        self.init(unchecked: Int32(truncatingIfNeeded: civil.year),
                  UInt8(truncatingIfNeeded: civil.month), UInt8(truncatingIfNeeded: civil.day))
    }

    /// The number of days from 1970-01-01 to this date (negative before it).
    ///
    /// ```swift
    /// PlainDate(year: 2038, month: 1, day: 19)!.daysSinceEpoch  // 24855
    /// ```
    public var daysSinceEpoch: Int64 {
        Civil.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
    }

    /// The day of the week.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 12, day: 30)!.weekday  // .monday
    /// ```
    public var weekday: Weekday {
        Weekday(rawValue: Civil.isoWeekday(daysSinceEpoch: daysSinceEpoch))!
    }

    /// The ordinal day within the year, `1...366`.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 12, day: 31)!.dayOfYear  // 366
    /// ```
    public var dayOfYear: Int {
        Int(daysSinceEpoch - Civil.daysFromCivil(year: Int64(year), month: 1, day: 1)) + 1
    }

    /// Whether this date's year is a leap year.
    ///
    /// ```swift
    /// PlainDate(year: 2000, month: 6, day: 1)!.isLeapYear  // true
    /// ```
    public var isLeapYear: Bool { Civil.isLeapYear(Int64(year)) }

    /// The number of days in this date's month, `28...31`.
    ///
    /// ```swift
    /// PlainDate(year: 2023, month: 2, day: 1)!.daysInMonth  // 28
    /// ```
    public var daysInMonth: Int { Int(Civil.daysInMonth(year: Int64(year), month: Int64(month))) }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar:
    /// divisible by 4, except centuries not divisible by 400. Year 0 is a leap year.
    ///
    /// ```swift
    /// PlainDate.isLeapYear(1900)  // false
    /// PlainDate.isLeapYear(2000)  // true
    /// ```
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` of `year`; 0 when `month` is not in `1...12`.
    ///
    /// ```swift
    /// PlainDate.daysInMonth(year: 2024, month: 2)  // 29
    /// PlainDate.daysInMonth(year: 2024, month: 13) // 0
    /// ```
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        case 1, 3, 5, 7, 8, 10, 12: return 31
        default: return 0
        }
    }

    /// The date `days` days later (earlier when negative), clamped to
    /// ``min``...``max``.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 2, day: 28)!.adding(days: 2)  // 2024-03-01
    /// ```
    public func adding(days: Int64) -> PlainDate {
        PlainDate(daysSinceEpoch: Civil.saturatingAdd(daysSinceEpoch, days))
    }

    /// The date `months` calendar months later (earlier when negative). A day
    /// that does not exist in the target month is constrained to that month's
    /// last day; results beyond the supported years are clamped to ``min`` / ``max``.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 1, day: 31)!.adding(months: 1)   // 2024-02-29
    /// PlainDate(year: 2023, month: 1, day: 31)!.adding(months: 1)   // 2023-02-28
    /// PlainDate(year: 2024, month: 3, day: 15)!.adding(months: -14) // 2023-01-15
    /// ```
    public func adding(months: Int) -> PlainDate {
        // Months since year 0, January; Int64 keeps every `Int` input exact after clamping.
        let current = Int64(year) * 12 + Int64(month) - 1
        let target = Civil.saturatingAdd(current, Int64(months))
        let lowest = Int64(PlainDate.supportedYears.lowerBound) * 12
        let highest = Int64(PlainDate.supportedYears.upperBound) * 12 + 11
        if target < lowest { return .min }
        if target > highest { return .max }
        let newYear = Civil.floorDiv(target, 12)
        let newMonth = Civil.floorMod(target, 12) + 1
        let newDay = Swift.min(Int64(day), Civil.daysInMonth(year: newYear, month: newMonth))
        return PlainDate(unchecked: Int32(newYear), UInt8(newMonth), UInt8(newDay))
    }

    /// The date `years` years later (earlier when negative), with February 29
    /// constrained to February 28 in common years; results beyond the
    /// supported years are clamped to ``min`` / ``max``.
    ///
    /// ```swift
    /// PlainDate(year: 2024, month: 2, day: 29)!.adding(years: 1)  // 2025-02-28
    /// PlainDate(year: 2024, month: 2, day: 29)!.adding(years: 4)  // 2028-02-29
    /// ```
    public func adding(years: Int) -> PlainDate {
        let target = Civil.saturatingAdd(Int64(year), Int64(years))
        if target < Int64(PlainDate.supportedYears.lowerBound) { return .min }
        if target > Int64(PlainDate.supportedYears.upperBound) { return .max }
        let newDay = Swift.min(Int64(day), Civil.daysInMonth(year: target, month: Int64(month)))
        return PlainDate(unchecked: Int32(target), month, UInt8(newDay))
    }

    /// Chronological order.
    ///
    /// ```swift
    /// PlainDate(year: 1999, month: 12, day: 31)! < PlainDate(year: 2000, month: 1, day: 1)!  // true
    /// ```
    public static func < (lhs: PlainDate, rhs: PlainDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The ISO 8601 form `YYYY-MM-DD`; years outside `0...9999` use the
    /// extended form `±YYYYYY-MM-DD`.
    ///
    /// ```swift
    /// "\(PlainDate(year: 2024, month: 3, day: 10)!)"   // "2024-03-10"
    /// "\(PlainDate(year: -1, month: 1, day: 1)!)"      // "-000001-01-01"
    /// "\(PlainDate(year: 12_345, month: 6, day: 7)!)"  // "+012345-06-07"
    /// ```
    public var description: String {
        ISO8601.string(capacity: ISO8601.maxDateLength) { ISO8601.writeDate(self, to: $0, at: 0) }
    }
}
