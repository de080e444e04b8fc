/// Proleptic Gregorian calendar arithmetic on plain integers.
///
/// The conversions follow Howard Hinnant's `days_from_civil` and
/// `civil_from_days` ("chrono-Compatible Low-Level Date Algorithms"): O(1),
/// branch-light, and exact for negative years because they work in 400-year
/// eras with floor division. All arithmetic is in `Int64`; for the supported
/// years (±999,999) intermediate values stay below 2^40, far from overflow.
enum Civil {
    /// Seconds in a civil day (no leap seconds).
    static let secondsPerDay: Int64 = 86_400
    /// Nanoseconds in a second.
    static let nanosecondsPerSecond: Int64 = 1_000_000_000

    /// Days since 1970-01-01 of -999999-01-01 (the earliest supported date).
    static let minDaysSinceEpoch: Int64 = -365_961_662
    /// Days since 1970-01-01 of +999999-12-31 (the latest supported date).
    static let maxDaysSinceEpoch: Int64 = 364_522_971

    /// Days since 1970-01-01 of the given proleptic Gregorian date.
    ///
    /// `month` must be 1...12 and `day` 1...31; `year` may be any value whose
    /// result fits (anything within ±10^12 is safe).
    @inline(__always)
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                    // 0...399
        let shiftedMonth = month > 2 ? month - 3 : month + 9             // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1           // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear // 0...146096
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date that is `days` days after 1970-01-01.
    ///
    /// Exact for any `days` within ±10^14.
    @inline(__always)
    static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                 // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100) // 0...365
        let shiftedMonth = (5 * dayOfYear + 2) / 153                     // March = 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Whether `year` is a leap year in the proleptic Gregorian calendar.
    @inline(__always)
    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    @inline(__always)
    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO weekday number (Monday = 1 ... Sunday = 7) of a day count since
    /// 1970-01-01, which was a Thursday.
    @inline(__always)
    static func isoWeekday(daysSinceEpoch days: Int64) -> Int {
        Int(floorMod(days + 3, 7)) + 1
    }

    /// Floor division (rounds toward negative infinity); `divisor` > 0.
    @inline(__always)
    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }

    /// Floor modulo, always in `0..<divisor`; `divisor` > 0.
    @inline(__always)
    static func floorMod(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    /// `a + b`, clamped to the `Int64` range instead of overflowing.
    @inline(__always)
    static func saturatingAdd(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if !overflow { return sum }
        return b > 0 ? .max : .min
    }

    /// `a * b`, clamped to the `Int64` range instead of overflowing.
    @inline(__always)
    static func saturatingMultiply(_ a: Int64, _ b: Int64) -> Int64 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow { return product }
        return (a < 0) == (b < 0) ? .max : .min
    }
}
