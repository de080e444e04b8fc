import Testing
import TalkplanTime

/// A small deterministic generator so failures reproduce.
struct CivilTestRNG: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An independent reference: the closed-form leap-day count with floor
/// division (the formula used to generate the Python tables), not the
/// 400-year-era algorithm the library uses.
enum ReferenceCalendar {
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func days(_ y: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let cumulative: [Int64] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let yy = y - 1
        let beforeYear = 365 * yy + floorDiv(yy, 4) - floorDiv(yy, 100) + floorDiv(yy, 400)
        return beforeYear + cumulative[Int(m) - 1] + (isLeap(y) && m > 2 ? 1 : 0) + d - 719_163
    }

    static func monthLength(_ y: Int64, _ m: Int64) -> Int64 {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Int(m) - 1]
    }

    /// The day after (y, m, d), by field arithmetic.
    static func successor(_ y: Int64, _ m: Int64, _ d: Int64) -> (Int64, Int64, Int64) {
        if d < monthLength(y, m) { return (y, m, d + 1) }
        if m < 12 { return (y, m + 1, 1) }
        return (y + 1, 1, 1)
    }
}

@Suite("Days ↔ civil round trips")
struct CivilRoundTripTests {
    @Test func randomDayCountsRoundTrip() throws {
        var rng = CivilTestRNG(state: 0x7A1C_0FF5)
        let range = PlainDate.min.daysSinceEpoch...PlainDate.max.daysSinceEpoch
        for _ in 0..<200_000 {
            let days = Int64.random(in: range, using: &rng)
            let date = PlainDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            let rebuilt = try #require(PlainDate(year: Int(date.year), month: Int(date.month), day: Int(date.day)))
            #expect(rebuilt == date)
            #expect(ReferenceCalendar.days(Int64(date.year), Int64(date.month), Int64(date.day)) == days)
            let expectedWeekday = Int(((days + 3) % 7 + 7) % 7) + 1
            #expect(date.weekday.rawValue == expectedWeekday)
        }
    }

    @Test func randomFieldsRoundTrip() throws {
        var rng = CivilTestRNG(state: 0xDA7E)
        for _ in 0..<200_000 {
            let year = Int.random(in: PlainDate.supportedYears, using: &rng)
            let month = Int.random(in: 1...12, using: &rng)
            let day = Int.random(in: 1...PlainDate.daysInMonth(year: year, month: month), using: &rng)
            let date = try #require(PlainDate(year: year, month: month, day: day))
            let days = date.daysSinceEpoch
            #expect(days == ReferenceCalendar.days(Int64(year), Int64(month), Int64(day)))
            #expect(PlainDate(daysSinceEpoch: days) == date)
            let firstOfYear = try #require(PlainDate(year: year, month: 1, day: 1))
            #expect(date.dayOfYear == Int(days - firstOfYear.daysSinceEpoch) + 1)
        }
    }

    /// Every day of two full 400-year cycles around year 0, and the days at
    /// both ends of the supported range, follow one another by field arithmetic.
    @Test(arguments: [
        (-865_625, 2 * 146_097),  // from -400-01-01 (Python closed form)
        (-365_961_662, 20_000),   // from PlainDate.min
        (364_502_971, 20_000),    // up to PlainDate.max
        (-720_528, 2_000),        // around 0000-01-01
    ] as [(Int64, Int64)])
    func consecutiveDays(start: Int64, count: Int64) {
        var previous = PlainDate(daysSinceEpoch: start)
        var failures = 0
        for days in (start + 1)...(start + count) {
            let date = PlainDate(daysSinceEpoch: days)
            let next = ReferenceCalendar.successor(Int64(previous.year), Int64(previous.month), Int64(previous.day))
            if (Int64(date.year), Int64(date.month), Int64(date.day)) != next || date.daysSinceEpoch != days {
                failures += 1
                if failures < 5 { Issue.record("day \(days): got \(date), expected successor of \(previous)") }
            }
            previous = date
        }
        #expect(failures == 0)
    }

    @Test func randomLocalEpochSecondsRoundTrip() {
        var rng = CivilTestRNG(state: 42)
        let range = PlainDateTime.min.localEpochSeconds...PlainDateTime.max.localEpochSeconds
        for _ in 0..<100_000 {
            let seconds = Int64.random(in: range, using: &rng)
            let nanos = Int32.random(in: 0..<1_000_000_000, using: &rng)
            let dateTime = PlainDateTime(localEpochSeconds: seconds, nanosecond: nanos)
            #expect(dateTime.localEpochSeconds == seconds)
            #expect(dateTime.time.nanosecond == nanos)
            let offset = UTCOffset(seconds: Int32.random(in: -86_399...86_399, using: &rng))!
            let instant = dateTime.instant(at: offset)
            #expect(instant.seconds == seconds - Int64(offset.seconds))
            #expect(instant.plainDateTime(at: offset) == dateTime)
        }
    }
}
