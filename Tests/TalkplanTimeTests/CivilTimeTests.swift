import Testing
import TalkplanTime

@Suite("PlainTime")
struct CivilPlainTimeTests {
    @Test func validation() {
        #expect(PlainTime(hour: 0, minute: 0) == .midnight)
        #expect(PlainTime(hour: 23, minute: 59, second: 59, nanosecond: 999_999_999) == .max)
        #expect(PlainTime(hour: 24, minute: 0) == nil)
        #expect(PlainTime(hour: -1, minute: 0) == nil)
        #expect(PlainTime(hour: 0, minute: 60) == nil)
        #expect(PlainTime(hour: 23, minute: 59, second: 60) == nil)
        #expect(PlainTime(hour: 0, minute: 0, nanosecond: 1_000_000_000) == nil)
        #expect(PlainTime(hour: 0, minute: 0, nanosecond: -1) == nil)
        #expect(PlainTime(hour: .max, minute: .min, second: .max, nanosecond: .min) == nil)
    }

    @Test func checkedErrors() {
        #expect(throws: TimeError(message: "invalid time 23:59:60: leap seconds are not supported")) {
            try PlainTime.checked(hour: 23, minute: 59, second: 60)
        }
        #expect(throws: TimeError(message: "invalid time 24:00:00: hour 24 is not in 0...23")) {
            try PlainTime.checked(hour: 24, minute: 0)
        }
        #expect(throws: TimeError(message: "invalid time 10:75:00: minute 75 is not in 0...59")) {
            try PlainTime.checked(hour: 10, minute: 75)
        }
        #expect(throws: TimeError.self) { try PlainTime.checked(hour: .min, minute: .min, second: .min, nanosecond: .min) }
        #expect(throws: TimeError.self) { try PlainTime.checked(hour: .max, minute: .max, second: .max, nanosecond: .max) }
        #expect(throws: TimeError(message: "invalid time 00:00:00: nanosecond 1000000000 is not in 0...999999999")) {
            try PlainTime.checked(hour: 0, minute: 0, nanosecond: 1_000_000_000)
        }
    }

    @Test func secondOfDay() {
        #expect(PlainTime.midnight.secondOfDay == 0)
        #expect(PlainTime(hour: 1, minute: 1, second: 1, nanosecond: 900)?.secondOfDay == 3661)
        #expect(PlainTime.max.secondOfDay == 86_399)
        #expect(PlainTime.max.nanosecondOfDay == 86_399_999_999_999)
        #expect(PlainTime(secondOfDay: 3661) == PlainTime(hour: 1, minute: 1, second: 1))
        #expect(PlainTime(secondOfDay: 86_400) == nil)
        #expect(PlainTime(secondOfDay: -1) == nil)
        for second in stride(from: 0, to: 86_400, by: 997) {
            #expect(PlainTime(secondOfDay: second)?.secondOfDay == second)
        }
    }

    @Test func ordering() {
        let times = [
            PlainTime.midnight, PlainTime(hour: 0, minute: 0, nanosecond: 1)!,
            PlainTime(hour: 0, minute: 0, second: 1)!, PlainTime(hour: 0, minute: 1)!,
            PlainTime(hour: 1, minute: 0)!, PlainTime.max,
        ]
        #expect(times.shuffled().sorted() == times)
    }
}

@Suite("UTCOffset")
struct CivilOffsetTests {
    @Test func construction() {
        #expect(UTCOffset(hours: -5)?.seconds == -18_000)
        #expect(UTCOffset(hours: 5, minutes: 30)?.seconds == 19_800)
        #expect(UTCOffset(hours: -3, minutes: 30)?.seconds == -12_600)
        #expect(UTCOffset(hours: 0, minutes: 53, seconds: 28)?.seconds == 3_208)
        #expect(UTCOffset(hours: 24) == nil)
        #expect(UTCOffset(hours: 2, minutes: 60) == nil)
        #expect(UTCOffset(hours: 2, minutes: -30) == nil)
        #expect(UTCOffset(hours: .min) == nil)
        #expect(UTCOffset(seconds: -1800)?.seconds == -1800)
        #expect(UTCOffset(seconds: 86_399) != nil)
        #expect(UTCOffset(seconds: 86_400) == nil)
        #expect(UTCOffset(seconds: -86_400) == nil)
        #expect(UTCOffset(seconds: .min) == nil)
        #expect(UTCOffset.zero.seconds == 0)
    }

    @Test func components() {
        let offset = UTCOffset(seconds: -12_600)!
        #expect(offset.hours == -3 && offset.minutes == 30 && offset.secondsComponent == 0)
        let lmt = UTCOffset(hours: 5, minutes: 53, seconds: 28)!
        #expect(lmt.hours == 5 && lmt.minutes == 53 && lmt.secondsComponent == 28)
    }

    @Test func description() {
        #expect("\(UTCOffset.zero)" == "+00:00")
        #expect("\(UTCOffset(hours: 2)!)" == "+02:00")
        #expect("\(UTCOffset(hours: -5)!)" == "-05:00")
        #expect("\(UTCOffset(hours: 5, minutes: 53, seconds: 28)!)" == "+05:53:28")
        #expect("\(UTCOffset(seconds: -1800)!)" == "-00:30")
        #expect("\(UTCOffset(seconds: -86_399)!)" == "-23:59:59")
    }

    @Test func ordering() {
        #expect(UTCOffset(hours: -5)! < .zero)
        #expect(UTCOffset.zero < UTCOffset(seconds: 1)!)
    }
}

@Suite("PlainDateTime")
struct CivilDateTimeTests {
    @Test func localEpochSeconds() {
        #expect(PlainDateTime(year: 1970, month: 1, day: 1)?.localEpochSeconds == 0)
        #expect(PlainDateTime(year: 1970, month: 1, day: 2, hour: 1)?.localEpochSeconds == 90_000)
        #expect(PlainDateTime(year: 1969, month: 12, day: 31, hour: 23)?.localEpochSeconds == -3_600)
        // Source: Python `calendar.timegm((2024, 3, 10, 2, 30, 0))` = 1710037800.
        #expect(PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)?.localEpochSeconds == 1_710_037_800)
        // Nanoseconds are dropped, not rounded.
        #expect(PlainDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59,
                              nanosecond: 999_999_999)?.localEpochSeconds == -1)
        #expect(PlainDateTime.min.localEpochSeconds == -31_619_087_596_800)
        #expect(PlainDateTime.max.localEpochSeconds == 31_494_784_780_799)
    }

    @Test func fromLocalEpochSeconds() {
        #expect(PlainDateTime(localEpochSeconds: 1_710_037_800) ==
                PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30))
        #expect(PlainDateTime(localEpochSeconds: -1, nanosecond: 5) ==
                PlainDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 5))
        #expect(PlainDateTime(localEpochSeconds: 0, nanosecond: -1) ==
                PlainDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 999_999_999))
        #expect(PlainDateTime(localEpochSeconds: 0, nanosecond: .max) ==
                PlainDateTime(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 2, nanosecond: 147_483_647))
        #expect(PlainDateTime(localEpochSeconds: .max) == .max)
        #expect(PlainDateTime(localEpochSeconds: .min) == .min)
        #expect(PlainDateTime(localEpochSeconds: .max, nanosecond: .max) == .max)
        #expect(PlainDateTime(localEpochSeconds: .min, nanosecond: .min) == .min)
        #expect(PlainDateTime(localEpochSeconds: 31_494_784_780_800) == .max)
        #expect(PlainDateTime(localEpochSeconds: -31_619_087_596_801) == .min)
    }

    @Test func addingSeconds() {
        let newYearsEve = PlainDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 7)!
        #expect(newYearsEve.adding(seconds: 1) == PlainDateTime(year: 2025, month: 1, day: 1, nanosecond: 7))
        #expect(newYearsEve.adding(seconds: -86_400 * 366) ==
                PlainDateTime(year: 2023, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 7))
        #expect(newYearsEve.adding(seconds: .max) == .max)
        #expect(newYearsEve.adding(seconds: .min) == .min)
    }

    @Test func instantAtOffset() {
        let wall = PlainDateTime(year: 2024, month: 3, day: 10, hour: 3)!
        #expect(wall.instant(at: UTCOffset(hours: -5)!) == Instant(seconds: 1_710_057_600))
        #expect(wall.instant(at: .zero) == Instant(seconds: 1_710_039_600))
        let fractional = PlainDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 250)!
        #expect(fractional.instant(at: .zero) == Instant(seconds: -1, nanoseconds: 250))
        #expect(PlainDateTime.max.instant(at: UTCOffset(seconds: -86_399)!).seconds == 31_494_784_867_198)
    }

    @Test func ordering() {
        let values = [
            PlainDateTime(year: 2024, month: 1, day: 1, hour: 23, minute: 59, second: 59, nanosecond: 999_999_999)!,
            PlainDateTime(year: 2024, month: 1, day: 2)!,
            PlainDateTime(year: 2024, month: 1, day: 2, nanosecond: 1)!,
            PlainDateTime(year: 2024, month: 1, day: 2, hour: 1)!,
        ]
        #expect(values.shuffled().sorted() == values)
    }
}

@Suite("Instant")
struct CivilInstantTests {
    @Test func normalisesNanoseconds() {
        let a = Instant(seconds: 10, nanoseconds: 1_500_000_000)
        #expect(a.seconds == 11 && a.nanoseconds == 500_000_000)
        let b = Instant(seconds: 0, nanoseconds: -1)
        #expect(b.seconds == -1 && b.nanoseconds == 999_999_999)
        let c = Instant(seconds: 0, nanoseconds: .min)
        #expect(c.seconds == -3 && c.nanoseconds == 852_516_352)
        let d = Instant(seconds: 5, nanoseconds: -1_000_000_000)
        #expect(d.seconds == 4 && d.nanoseconds == 0)
        // Saturates instead of overflowing.
        #expect(Instant(seconds: .max, nanoseconds: .max) == Instant(seconds: .max, nanoseconds: 999_999_999))
        #expect(Instant(seconds: .min, nanoseconds: .min) == Instant(seconds: .min, nanoseconds: 0))
    }

    @Test func epochMilliseconds() {
        #expect(Instant.fromEpochMilliseconds(1_710_057_600_123) == Instant(seconds: 1_710_057_600, nanoseconds: 123_000_000))
        let beforeEpoch = Instant.fromEpochMilliseconds(-1)
        #expect(beforeEpoch.seconds == -1 && beforeEpoch.nanoseconds == 999_000_000)
        #expect(Instant(seconds: 1, nanoseconds: 999_999_999).epochMilliseconds == 1999)
        #expect(Instant(seconds: -1, nanoseconds: 999_999_999).epochMilliseconds == -1)
        #expect(Instant(seconds: -1, nanoseconds: 1).epochMilliseconds == -1000)
        #expect(Instant.fromEpochMilliseconds(.min).epochMilliseconds == .min)
        #expect(Instant.fromEpochMilliseconds(.max).epochMilliseconds == .max)
        #expect(Instant(seconds: .max).epochMilliseconds == .max)
        #expect(Instant(seconds: .min).epochMilliseconds == .min)
        for ms: Int64 in [-86_400_001, -1001, -999, -1, 0, 1, 999, 1000, 1_710_057_600_123] {
            #expect(Instant.fromEpochMilliseconds(ms).epochMilliseconds == ms)
        }
    }

    @Test func addingSeconds() {
        #expect(Instant.unixEpoch.adding(seconds: 86_400) == Instant(seconds: 86_400))
        let fractional = Instant(seconds: 1, nanoseconds: 5)
        #expect(fractional.adding(seconds: -2) == Instant(seconds: -1, nanoseconds: 5))
        #expect(Instant(seconds: .max - 1).adding(seconds: 10).seconds == .max)
        #expect(Instant(seconds: .min + 1).adding(seconds: -10).seconds == .min)
    }

    @Test func plainDateTimeAtOffset() {
        let instant = Instant(seconds: 1_710_057_600)
        #expect(instant.plainDateTime(at: UTCOffset(hours: -5)!) == PlainDateTime(year: 2024, month: 3, day: 10, hour: 3))
        #expect(instant.plainDateTime(at: UTCOffset(hours: 5, minutes: 53, seconds: 28)!) ==
                PlainDateTime(year: 2024, month: 3, day: 10, hour: 13, minute: 53, second: 28))
        #expect(Instant(seconds: -1, nanoseconds: 5).plainDateTime(at: .zero) ==
                PlainDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, nanosecond: 5))
        #expect(Instant(seconds: .max).plainDateTime(at: UTCOffset(hours: 23)!) == .max)
        #expect(Instant(seconds: .min).plainDateTime(at: UTCOffset(hours: -23)!) == .min)
        #expect(Instant.min.plainDateTime(at: .zero) == .min)
        #expect(Instant.max.plainDateTime(at: .zero) == .max)
    }

    @Test func ordering() {
        #expect(Instant(seconds: -1, nanoseconds: 999_999_999) < .unixEpoch)
        #expect(Instant(seconds: 0, nanoseconds: 1) > .unixEpoch)
        #expect(Instant.min < Instant.max)
    }
}
