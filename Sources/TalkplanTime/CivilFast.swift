extension Civil {
    /// Days added to a day count so that the computational calendar starts on a March 1st
    /// 82 × 400 years before 1970, and every day count of interest is a small non-negative
    /// number: 719,468 days from 0000-03-01 to 1970-01-01, plus 82 cycles of 146,097 days.
    static let fastDayShift: UInt64 = 719_468 + 146_097 * 82
    /// Years in those 82 cycles.
    static let fastYearShift: UInt32 = 400 * 82
    /// The largest shifted day count the 32-bit arithmetic below handles (`4 × N + 3` must
    /// fit in 32 bits).
    static let fastDayLimit: UInt64 = 1_000_000_000

    /// Civil fields of a local epoch second by Neri and Schneider's Euclidean affine
    /// functions ("Euclidean affine functions and their application to calendar algorithms",
    /// 2022): the date from the day count in unsigned 32-bit multiplications and shifts, no
    /// division by a variable and no branch but the final March/January choice. `nil`
    /// outside years −29,000…+33,000 (the general path takes those).
    ///
    /// ```swift
    /// Civil.fastFields(local: 1_710_039_600, offset: -18_000)   // 2024-03-10 03:00:00, Sunday
    /// ```
    @inline(__always)
    static func fastFields(local: Int64, offset: Int32) -> CivilFields? {
        let shifted = UInt64(bitPattern: local &+ Int64(fastDayShift) &* 86_400)
        let n64 = shifted / 86_400
        guard n64 < fastDayLimit, local > -Int64(fastDayShift) * 86_400 else { return nil }
        let secondOfDay = UInt32(truncatingIfNeeded: shifted &- n64 &* 86_400)
        let n = UInt32(truncatingIfNeeded: n64)
        let (year, civilMonth, day) = fastDate(shiftedDays: n)
        let hour = secondOfDay / 3600
        let minuteAndSecond = secondOfDay &- hour &* 3600
        let minute = minuteAndSecond / 60
        // Day 0 of the shifted count is a Wednesday: 1970-01-01 (a Thursday) is day
        // 12,699,422 ≡ 1 (mod 7).
        let weekday = (n &+ 2) % 7 &+ 1
        return CivilFields(year: year, month: UInt8(truncatingIfNeeded: civilMonth), day: UInt8(truncatingIfNeeded: day),
                           hour: UInt8(truncatingIfNeeded: hour), minute: UInt8(truncatingIfNeeded: minute),
                           second: UInt8(truncatingIfNeeded: minuteAndSecond &- minute &* 60),
                           weekday: UInt8(truncatingIfNeeded: weekday), offset: offset)
    }

    /// The date of a shifted day count (days since the computational calendar's start, see
    /// ``fastDayShift``; below ``fastDayLimit``): year, month 1…12, day 1…31.
    @inline(__always)
    static func fastDate(shiftedDays n: UInt32) -> (year: Int32, month: UInt32, day: UInt32) {
        // Century and day of century.
        let n1 = 4 &* n &+ 3
        let century = n1 / 146_097
        let dayOfCentury = (n1 % 146_097) / 4
        // Year of century and day of year (March-based), by one 64-bit multiplication.
        let n2 = 4 &* dayOfCentury &+ 3
        let p2 = UInt64(2_939_745) &* UInt64(n2)
        let yearOfCentury = UInt32(truncatingIfNeeded: p2 >> 32)
        let dayOfYear = UInt32(truncatingIfNeeded: p2) / 2_939_745 / 4
        // Month and day.
        let n3 = 2_141 &* dayOfYear &+ 197_913
        let month = n3 >> 16
        let day = (n3 & 0xFFFF) / 2_141
        // Back from the March-based year.
        let january = dayOfYear >= 306 ? UInt32(1) : 0
        let year = Int32(bitPattern: 100 &* century &+ yearOfCentury &- fastYearShift &+ january)
        return (year, january == 1 ? month &- 12 : month, day &+ 1)
    }
}
