import TalkplanTime
import Testing
@testable import TalkplanExtract

@Suite("years, weekdays and day/month order")
struct DateSettlingTests {
    func written(_ day: Int, _ month: Int, _ year: Int? = nil, _ weekday: Weekday? = nil) -> WrittenDate {
        WrittenDate(day: day, month: month, year: year, weekday: weekday, style: .textual, text: "\(day)/\(month)")
    }

    @Test("a missing year is the nearest in which the date falls on the stated weekday")
    func weekdayYear() throws {
        let settler = DateSettler(reference: PlainDate(year: 2026, month: 11, day: 22)!, referenceSource: "the reference date 2026-11-22")
        // Wednesday 6 November: 2019, 2024, 2030; 2024 is nearest 2026-11-22.
        let settled = try #require(settler.settle(written(6, 11, nil, .wednesday)))
        #expect(settled.date == PlainDate(year: 2024, month: 11, day: 6))
        #expect(settled.warnings.contains { $0.contains("year 2024 inferred") && $0.contains("2026-11-22") })
    }

    @Test("without a weekday, the occurrence nearest the reference date")
    func nearestYear() throws {
        let settler = DateSettler(reference: PlainDate(year: 2024, month: 12, day: 20)!, referenceSource: "the email's date 2024-12-20")
        #expect(try #require(settler.settle(written(8, 1))).date == PlainDate(year: 2025, month: 1, day: 8))
        #expect(try #require(settler.settle(written(8, 12))).date == PlainDate(year: 2024, month: 12, day: 8))
    }

    @Test("a weekday that never matches is a warning, not a silent guess")
    func impossibleWeekday() throws {
        let settler = DateSettler(reference: PlainDate(year: 2024, month: 1, day: 1)!, referenceSource: "today")
        // February 29 falls on every weekday within 28 years, so use a date with a year that contradicts it.
        let stated = try #require(settler.settle(written(7, 12, 2023, .wednesday)))
        #expect(stated.date == PlainDate(year: 2023, month: 12, day: 7))
        #expect(stated.warnings.contains { $0.contains("is a thursday, not a wednesday") })
        #expect(settler.settle(written(30, 2, nil, .monday)) == nil)
    }

    @Test("February 29 with a weekday looks decades around")
    func leapDay() throws {
        let settler = DateSettler(reference: PlainDate(year: 2024, month: 6, day: 1)!, referenceSource: "today")
        let settled = try #require(settler.settle(written(29, 2, nil, .thursday)))
        #expect(settled.date == PlainDate(year: 2024, month: 2, day: 29))
        let monday = try #require(settler.settle(written(29, 2, nil, .monday)))
        #expect(monday.date.weekday == .monday)
    }

    @Test("day/month order: unambiguous dates, full dates, region, language")
    func order() {
        var settler = DateSettler(reference: PlainDate(year: 2024, month: 1, day: 1)!, referenceSource: "today")
        let open = WrittenDate(day: 4, month: 5, year: 2021, style: .numeric, order: .open(first: 4, second: 5), text: "04/05/2021")
        let iso = WrittenDate(day: 4, month: 5, year: 2021, style: .iso, text: "2021-05-04")
        settler.decideOrder(dates: [open, iso], region: nil, language: "en", usContext: false)
        #expect(settler.order == .dayMonth)
        #expect(settler.orderGuess == nil)
        settler.decideOrder(dates: [open], region: "US", language: "en", usContext: false)
        #expect(settler.order == .monthDay)
        settler.decideOrder(dates: [open], region: nil, language: "fr", usContext: false)
        #expect(settler.order == .dayMonth)
        #expect(settler.orderGuess?.contains("fr") == true)
        settler.decideOrder(dates: [open], region: nil, language: "en", usContext: false)
        #expect(settler.order == .monthDay)
        #expect(settler.orderGuess != nil)
    }

    @Test("relative days count from the day the email was sent")
    func relative() throws {
        var settler = DateSettler(reference: PlainDate(year: 2024, month: 2, day: 7)!, referenceSource: "the email's date 2024-02-07")
        settler.sent = PlainDate(year: 2024, month: 2, day: 7)
        let tomorrow = WrittenDate(day: 1, month: 1, style: .relative, relativeDays: 1, text: "tomorrow")
        let settled = try #require(settler.settle(tomorrow))
        #expect(settled.date == PlainDate(year: 2024, month: 2, day: 8))
        #expect(settled.warnings.first?.hasPrefix("\"tomorrow\" read as 2024-02-08") == true)
    }
}
