/// Day arithmetic on days since 1970-01-01, for the expansion loops.
///
/// The recurrence engine works on plain integers (days since the epoch and
/// "local seconds", a wall time counted as if it were UTC) so that a period
/// can be expanded without building calendar values. These are the proleptic
/// Gregorian algorithms of `TalkplanTime`'s `PlainDate`, restated here for
/// integers; `CivilDaysTests` checks them against `PlainDate`.
enum CivilDays {
    static let secondsPerDay: Int64 = 86_400

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    @inline(__always)
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a % b
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }

    /// The smallest integer not below `a / b`, for `b > 0`.
    @inline(__always)
    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        -floorDiv(-a, b)
    }

    @inline(__always)
    static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    @inline(__always)
    static func yearLength(_ year: Int64) -> Int64 { isLeap(year) ? 366 : 365 }

    @inline(__always)
    static func monthLength(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    @inline(__always)
    static func days(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (H. Hinnant's `civil_from_days`).
    @inline(__always)
    static func civil(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }

    /// ISO weekday, Monday 1 … Sunday 7 (1970-01-01 was a Thursday).
    @inline(__always)
    static func weekday(_ days: Int64) -> Int {
        Int(floorMod(days + 3, 7)) + 1
    }

    /// The first day of the week (weeks starting on `weekStart`, ISO 1…7) that contains `days`.
    @inline(__always)
    static func weekStart(containing days: Int64, weekStart: Int) -> Int64 {
        days - Int64((weekday(days) - weekStart + 7) % 7)
    }

    /// The first day of week 1 of `year` when weeks start on `weekStart`: RFC 5545 §3.3.10
    /// (after ISO 8601), week 1 is the first week with at least four days in the year.
    @inline(__always)
    static func firstWeekStart(year: Int64, weekStart: Int) -> Int64 {
        let january1 = days(year, 1, 1)
        let start = self.weekStart(containing: january1, weekStart: weekStart)
        // Days of that week falling in `year`: 7 - (january1 - start).
        return january1 - start > 3 ? start + 7 : start
    }

    /// The number of weeks (52 or 53) of week-numbering year `year`.
    @inline(__always)
    static func weekCount(year: Int64, weekStart: Int) -> Int64 {
        (firstWeekStart(year: year + 1, weekStart: weekStart) - firstWeekStart(year: year, weekStart: weekStart)) / 7
    }

    /// The week-numbering year of a day and its week number in it, `1...53`.
    static func weekNumber(of days: Int64, weekStart: Int) -> (year: Int64, week: Int64) {
        let year = civil(days).year
        var weekYear = year
        if days < firstWeekStart(year: year, weekStart: weekStart) {
            weekYear = year - 1
        } else if days >= firstWeekStart(year: year + 1, weekStart: weekStart) {
            weekYear = year + 1
        }
        return (weekYear, (days - firstWeekStart(year: weekYear, weekStart: weekStart)) / 7 + 1)
    }

    /// The largest and smallest day counts the expansion works with: years ±999,999,
    /// the range `PlainDate` supports.
    static let minDays: Int64 = days(-999_999, 1, 1)
    static let maxDays: Int64 = days(999_999, 12, 31)
}
