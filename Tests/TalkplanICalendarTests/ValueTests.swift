import Testing
import TalkplanICalendar
import TalkplanTime

@Suite("value types")
struct ValueTests {
    @Test("TEXT escapes round-trip")
    func text() {
        let plain = "a;b,c\\d\nsecond line"
        #expect(ICalendarText.escape(plain) == "a\\;b\\,c\\\\d\\nsecond line")
        #expect(ICalendarText.unescape(ICalendarText.escape(plain)) == plain)
        #expect(ICalendarText.unescape("x\\Ny\\:z") == "x\ny:z")
        #expect(ICalendarText.list("A,B\\, C,") == ["A", "B, C", ""])
    }

    @Test("DATE and DATE-TIME in their four forms, and tolerated variants")
    func dateTimes() throws {
        #expect(try ICalendarDateTime.parse("20240404", tzid: nil) == .date(PlainDate(year: 2024, month: 4, day: 4)!))
        #expect(try ICalendarDateTime.parse("20240404T100000Z", tzid: "Europe/Paris") == .utc(PlainDateTime(year: 2024, month: 4, day: 4, hour: 10)!))
        #expect(try ICalendarDateTime.parse("20240404T120000", tzid: "Europe/Paris")
            == .zoned(PlainDateTime(year: 2024, month: 4, day: 4, hour: 12)!, tzid: "Europe/Paris"))
        var notes: [String] = []
        #expect(try ICalendarDateTime.parse("2024-04-04T12:00", tzid: nil, notes: &notes) == .floating(PlainDateTime(year: 2024, month: 4, day: 4, hour: 12)!))
        #expect(notes.count == 2)
        #expect(try ICalendarDateTime.parse("20241231T240000", tzid: nil) == .floating(PlainDateTime(year: 2025, month: 1, day: 1)!))
        #expect(throws: ICalendarValueError("invalid DATE-TIME \"20240230T100000\": invalid date 2024-02-30: february 2024 has 29 days")) {
            try ICalendarDateTime.parse("20240230T100000", tzid: nil)
        }
        #expect(throws: ICalendarValueError("invalid DATE-TIME \"20240101T256100\": invalid time 25:61:00: hour 25 is not in 0...23")) {
            try ICalendarDateTime.parse("20240101T256100", tzid: nil)
        }
        #expect(throws: ICalendarValueError.self) { try ICalendarDateTime.parse("tomorrow", tzid: nil) }
        #expect(ICalendarDateTime.utc(Instant(seconds: 1_712_224_800)).valueText == "20240404T100000Z")
    }

    @Test("DURATION, PERIOD and UTC-OFFSET")
    func durations() throws {
        let duration = try ICalendarDuration.parse("-P1DT2H30M")
        #expect(duration.nominalDays == -1 && duration.exactSeconds == -9000)
        #expect("\(duration)" == "-P1DT2H30M")
        #expect("\(try ICalendarDuration.parse("P2W"))" == "P2W")
        #expect("\(try ICalendarDuration.parse("pt0s"))" == "PT0S")
        #expect(throws: ICalendarValueError.self) { try ICalendarDuration.parse("P1H") }
        #expect(throws: ICalendarValueError.self) { try ICalendarDuration.parse("PT") }
        let period = try ICalendarPeriod.parse("20241204T210000Z/PT2H", tzid: nil)
        #expect(period.end == .duration(ICalendarDuration(hours: 2)))
        #expect("\(period)" == "20241204T210000Z/PT2H")
        #expect(try ICalendarUTCOffset.parse("-0330") == UTCOffset(hours: -3, minutes: 30))
        #expect(try ICalendarUTCOffset.parse("+013045") == UTCOffset(hours: 1, minutes: 30, seconds: 45))
        #expect(ICalendarUTCOffset.text(UTCOffset(hours: -3, minutes: 30)!) == "-0330")
        #expect(throws: ICalendarValueError.self) { try ICalendarUTCOffset.parse("+2500") }
    }

    @Test("RECUR is kept as text and split into its parts")
    func recur() throws {
        let rule = try ICalendarRecurrenceRule.parse("FREQ=MONTHLY;BYDAY=1TU,-1FR;BYSETPOS=1,-1;COUNT=10;X-NAME=keep")
        #expect(rule.frequency == .monthly)
        #expect(rule.byDay == [.init(.tuesday, ordinal: 1), .init(.friday, ordinal: -1)])
        #expect(rule.bySetPos == [1, -1])
        #expect(rule.count == 10)
        #expect(rule.otherParts == [ICalendarParameter("X-NAME", "keep")])
        #expect(rule.text == "FREQ=MONTHLY;BYDAY=1TU,-1FR;BYSETPOS=1,-1;COUNT=10;X-NAME=keep")
        let weekly = try ICalendarRecurrenceRule.parse("freq=weekly;interval=2;byday=TH;until=20241219T210000Z;wkst=SU")
        #expect(weekly.interval == 2 && weekly.weekStart == .sunday)
        #expect(weekly.until == .utc(PlainDateTime(year: 2024, month: 12, day: 19, hour: 21)!))
        #expect(throws: ICalendarValueError("invalid RECUR \"BYDAY=MO\": FREQ is missing")) { try ICalendarRecurrenceRule.parse("BYDAY=MO") }
        #expect(throws: ICalendarValueError.self) { try ICalendarRecurrenceRule.parse("FREQ=DAILY;BYMONTH=13") }
        #expect(throws: ICalendarValueError.self) { try ICalendarRecurrenceRule.parse("FREQ=DAILY;BYDAY=9999999999999999999MO") }
    }

    @Test("recurrence data of an event is decoded, never expanded")
    func eventRecurrence() throws {
        let document = try Corpus.read("recurrence-data.ics")
        let master = document.events[0]
        #expect(master.recurrenceRules.map(\.text) == ["FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20241219T210000Z;WKST=SU"])
        let newYork = "America/New_York"
        #expect(master.recurrenceDates == [
            .dateTime(.zoned(PlainDateTime(year: 2024, month: 10, day: 23, hour: 16)!, tzid: newYork)),
            .dateTime(.zoned(PlainDateTime(year: 2024, month: 10, day: 30, hour: 16)!, tzid: newYork)),
            .period(ICalendarPeriod(start: .utc(PlainDateTime(year: 2024, month: 12, day: 4, hour: 21)!), end: .duration(ICalendarDuration(hours: 2)))),
        ])
        #expect(master.exceptionDates.count == 3)
        let override = document.events[1]
        #expect(override.recurrenceID == .zoned(PlainDateTime(year: 2024, month: 11, day: 21, hour: 16)!, tzid: newYork))
        #expect(override.recurrenceRange == "THISANDFUTURE")
        #expect(override.sequence == 1)
    }
}
