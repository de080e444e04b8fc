import Testing
@testable import TalkplanRecurrence
import TalkplanTime

@Suite("day arithmetic")
struct CivilDaysTests {
    @Test("days, dates and weekdays agree with TalkplanTime's PlainDate")
    func agreesWithPlainDate() {
        var state: UInt64 = 0x5EED
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let days = Int64(state >> 33) % 2_000_000 - 1_000_000
            let date = PlainDate(daysSinceEpoch: days)
            let civil = CivilDays.civil(days)
            #expect(civil.year == Int64(date.year) && civil.month == Int64(date.month) && civil.day == Int64(date.day))
            #expect(CivilDays.days(civil.year, civil.month, civil.day) == days)
            #expect(CivilDays.weekday(days) == date.weekday.rawValue)
        }
    }

    /// ISO 8601 week numbers (weeks from Monday) from Python's `date.isocalendar()`.
    @Test("ISO week numbers", arguments: [
        (2024, 12, 30, 2025, 1), (2021, 1, 3, 2020, 53), (2026, 12, 31, 2026, 53), (2027, 1, 3, 2026, 53),
        (2027, 1, 4, 2027, 1), (2015, 12, 31, 2015, 53), (2016, 1, 4, 2016, 1), (1997, 5, 12, 1997, 20),
    ])
    func isoWeeks(year: Int, month: Int, day: Int, weekYear: Int, week: Int) {
        let days = PlainDate(year: year, month: month, day: day)!.daysSinceEpoch
        let found = CivilDays.weekNumber(of: days, weekStart: 1)
        #expect(found.year == Int64(weekYear) && found.week == Int64(week))
    }

    /// With weeks from Sunday, week 1 is the first Sunday-to-Saturday week with four days in
    /// the year: for 2025 (1 January a Wednesday), 29 December 2024 – 4 January 2025.
    @Test("week numbers with another week start")
    func sundayWeeks() {
        let days = PlainDate(year: 2024, month: 12, day: 29)!.daysSinceEpoch
        #expect(CivilDays.firstWeekStart(year: 2025, weekStart: 7) == days)
        #expect(CivilDays.weekNumber(of: days, weekStart: 7) == (2025, 1))
        #expect(CivilDays.weekCount(year: 2026, weekStart: 1) == 53)
        #expect(CivilDays.weekCount(year: 2025, weekStart: 1) == 52)
    }
}
