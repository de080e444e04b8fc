import Testing
import TalkplanRecurrence
import TalkplanTime

/// Rules that never match, or would run away, stop after bounded work with a diagnostic.
@Suite("bounded work")
struct LimitTests {
    typealias F = Fixture

    static let start = RecurrenceStart.zoned(PlainDateTime(year: 2025, month: 1, day: 7, hour: 9)!, in: F.zone("Europe/Paris"))

    static func run(_ rule: String, options: ExpansionOptions = ExpansionOptions(), start: RecurrenceStart = start)
        throws -> (count: Int, diagnostic: RecurrenceDiagnostic?) {
        var iterator = try RecurrenceRule(parsing: rule).occurrences(from: start, options: options).makeIterator()
        var count = 0
        while iterator.next() != nil { count += 1 }
        return (count, iterator.diagnostic)
    }

    @Test("February 31st never comes: stopped after one 400-year cycle of periods")
    func februaryThirtyFirst() throws {
        let (count, diagnostic) = try Self.run("FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=2")
        #expect(count == 0)
        #expect(diagnostic?.reason == .neverMatches)
        #expect(diagnostic?.message == "FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=2 has no occurrence in 400 consecutive periods after "
            + "2025-01-07T09:00:00; the calendar repeats every 400 years, so it never will")
    }

    @Test("the same as a daily rule")
    func februaryThirtyFirstDaily() throws {
        let (count, diagnostic) = try Self.run("FREQ=DAILY;BYMONTHDAY=31;BYMONTH=2")
        #expect(count == 0)
        #expect(diagnostic?.reason == .neverMatches)
    }

    @Test("a BYSETPOS that never matches (no month has six Mondays)")
    func setPositionNeverMatches() throws {
        let (count, diagnostic) = try Self.run("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6")
        #expect(count == 0)
        #expect(diagnostic?.reason == .neverMatches)
    }

    @Test("an hourly lattice that never reaches its BYHOUR is known empty at once")
    func unreachableHour() throws {
        let (count, diagnostic) = try Self.run("FREQ=HOURLY;INTERVAL=2;BYHOUR=10")
        #expect(count == 0)
        #expect(diagnostic?.message == "FREQ=HOURLY;INTERVAL=2;BYHOUR=10 never occurs: FREQ=HOURLY;INTERVAL=2 from 09:00:00 "
            + "never reaches the times its BYHOUR, BYMINUTE and BYSECOND allow")
    }

    @Test("an hourly rule a week apart that can never land on its weekday")
    func weeklyHoursOnTheWrongDay() throws {
        // 2025-01-07 is a Tuesday; every 168 hours is every Tuesday.
        let (count, diagnostic) = try Self.run("FREQ=HOURLY;INTERVAL=168;BYDAY=MO")
        #expect(count == 0)
        #expect(diagnostic?.reason == .neverMatches)
    }

    @Test("a leap second never exists")
    func leapSecond() throws {
        let (count, diagnostic) = try Self.run("FREQ=MINUTELY;BYSECOND=60")
        #expect(count == 0)
        #expect(diagnostic?.reason == .neverMatches)
    }

    @Test("FREQ=SECONDLY over a century stops at the occurrence limit")
    func secondlyCentury() throws {
        var options = ExpansionOptions()
        options.limits.maximumOccurrences = 10_000
        let (count, diagnostic) = try Self.run("FREQ=SECONDLY;UNTIL=21250101T000000Z", options: options)
        #expect(count == 10_000)
        #expect(diagnostic?.reason == .occurrenceLimit)
        #expect(diagnostic?.message == "stopped after 10000 occurrences (the limit); ask for a narrower window")
    }

    @Test("a sub-daily rule idle for too long stops at the step limit")
    func idleLimit() throws {
        var options = ExpansionOptions()
        options.limits.maximumIdleSteps = 500
        // Every 7 seconds, but only at second 0 of minute 0 of 09:00 on 29 February: first met on 2028-02-29, some 1,200 steps on.
        let (count, diagnostic) = try Self.run("FREQ=SECONDLY;INTERVAL=7;BYMONTH=2;BYMONTHDAY=29;BYHOUR=9;BYMINUTE=0;BYSECOND=0",
                                               options: options)
        #expect(count == 0)
        #expect(diagnostic?.reason == .idleLimit)
    }

    @Test("a rare but real rule is not stopped: 29 February, from a year after one")
    func rareRule() throws {
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2001, month: 3, day: 1, hour: 12)!, in: F.zone("Europe/Paris"))
        var iterator = try RecurrenceRule(parsing: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=4").occurrences(from: start).makeIterator()
        var dates: [String] = []
        while let occurrence = iterator.next() { dates.append("\(occurrence.date)") }
        #expect(dates == ["2004-02-29", "2008-02-29", "2012-02-29", "2016-02-29"])
        #expect(iterator.diagnostic == nil)
    }

    @Test("counting COUNT up to a far window is bounded")
    func countingLimit() throws {
        var options = ExpansionOptions()
        options.limits.maximumCountingSteps = 1000
        let rule = try RecurrenceRule(parsing: "FREQ=MINUTELY;BYHOUR=9;COUNT=100000000")
        var iterator = try rule.occurrences(from: Self.start, options: options)
            .window(from: try Instant(iso8601: "2030-01-01T00:00:00Z"), to: nil).makeIterator()
        #expect(iterator.next() == nil)
        #expect(iterator.diagnostic?.reason == .countingLimit)
    }

    @Test("a sub-daily rule with an all-day start is refused")
    func subDailyAllDay() throws {
        let start = RecurrenceStart.allDay(PlainDate(year: 2025, month: 1, day: 7)!, readIn: F.zone("Europe/Paris"))
        #expect(throws: RecurrenceError(message: "FREQ=HOURLY needs a start with a time of day; this series starts on a date (all day)")) {
            try RecurrenceRule(parsing: "FREQ=HOURLY").occurrences(from: start)
        }
    }
}

@Suite("bounded work: rules known empty in advance")
struct EmptyRuleTests {
    @Test("BYSETPOS past the largest possible set")
    func setPositionPastTheSet() throws {
        let (count, diagnostic) = try LimitTests.run("FREQ=SECONDLY;INTERVAL=13;BYDAY=SA,TU;BYSETPOS=2")
        #expect(count == 0)
        #expect(diagnostic?.message == "FREQ=SECONDLY;INTERVAL=13;BYDAY=SA,TU;BYSETPOS=2 never occurs: "
            + "BYSETPOS=2 names positions past the 1 occurrence a period can have")
    }

    @Test("a sub-daily rule whose day filters no day passes")
    func noDayPasses() throws {
        // Days 100 and 365 of the year are in April and December, never in January or September.
        let (count, diagnostic) = try LimitTests.run("FREQ=HOURLY;INTERVAL=25;BYYEARDAY=100,365;BYMONTH=1,9")
        #expect(count == 0)
        #expect(diagnostic?.message == "FREQ=HOURLY;INTERVAL=25;BYYEARDAY=100,365;BYMONTH=1,9 never occurs: "
            + "no day of the 400-year calendar cycle passes its day filters")
    }
}
