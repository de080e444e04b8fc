import Testing
import TalkplanRecurrence
import TalkplanTime

@Suite("reading RRULE values")
struct RecurrenceRuleParsingTests {
    @Test("every part is read")
    func allParts() throws {
        let rule = try RecurrenceRule(parsing:
            "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYSECOND=0,30;BYMINUTE=15;BYHOUR=9,17;BYDAY=1MO,-1FR,TU;"
            + "BYMONTHDAY=1,-1;BYYEARDAY=100,-306;BYWEEKNO=20,-1;BYMONTH=3,11;BYSETPOS=1,-2;WKST=SU")
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 2)
        #expect(rule.count == 10)
        #expect(rule.bySecond == [0, 30])
        #expect(rule.byMinute == [15])
        #expect(rule.byHour == [9, 17])
        #expect(rule.byDay == [.init(.monday, ordinal: 1), .init(.friday, ordinal: -1), .init(.tuesday)])
        #expect(rule.byMonthDay == [1, -1])
        #expect(rule.byYearDay == [100, -306])
        #expect(rule.byWeekNo == [20, -1])
        #expect(rule.byMonth == [3, 11])
        #expect(rule.bySetPos == [1, -2])
        #expect(rule.weekStart == .sunday)
    }

    @Test("UNTIL in its three forms")
    func untilForms() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=19971224T000000Z").until
            == .instant(try Instant(iso8601: "1997-12-24T00:00:00Z")))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=19971224T090000").until
            == .local(PlainDateTime(year: 1997, month: 12, day: 24, hour: 9)!))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=19971224").until == .date(PlainDate(year: 1997, month: 12, day: 24)!))
    }

    @Test("names and values in any letter case, an RRULE: prefix, empty parts, RFC 7529 defaults")
    func lenientForms() throws {
        let rule = try RecurrenceRule(parsing: "rrule:freq=weekly;byday=mo,we;wkst=su;;RSCALE=GREGORIAN;SKIP=OMIT;")
        #expect(rule.frequency == .weekly)
        #expect(rule.byDay == [.init(.monday), .init(.wednesday)])
        #expect(rule.weekStart == .sunday)
    }

    @Test("the canonical text reads back to the same rule")
    func roundTrip() throws {
        let texts = [
            "FREQ=WEEKLY;UNTIL=20241231T235959Z;BYDAY=MO,WE",
            "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
            "FREQ=YEARLY;UNTIL=20000131;BYMONTHDAY=1,-1;BYYEARDAY=-1;BYWEEKNO=53;BYMONTH=1;BYSETPOS=-1;WKST=SU",
            "FREQ=SECONDLY;UNTIL=20240310T023000;BYSECOND=0,60;BYMINUTE=0;BYHOUR=2",
        ]
        for text in texts {
            let rule = try RecurrenceRule(parsing: text)
            #expect(rule.description == text)
            #expect(try RecurrenceRule(parsing: rule.description) == rule)
        }
        #expect(try RecurrenceRule(parsing: "byday=we,mo;freq=weekly;wkst=mo;interval=1").description == "FREQ=WEEKLY;BYDAY=WE,MO")
    }

    @Test("errors name the part and its value", arguments: [
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 is out of range (1…31 or -31…-1)"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,0", "BYMONTHDAY=0 is out of range (1…31 or -31…-1)"),
        ("FREQ=YEARLY;BYYEARDAY=-367", "BYYEARDAY=-367 is out of range (1…366 or -366…-1)"),
        ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO=54 is out of range (1…53 or -53…-1)"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13 is out of range (1…12)"),
        ("FREQ=DAILY;BYHOUR=24", "BYHOUR=24 is out of range (0…23)"),
        ("FREQ=DAILY;BYMINUTE=60", "BYMINUTE=60 is out of range (0…59)"),
        ("FREQ=DAILY;BYSECOND=61", "BYSECOND=61 is out of range (0…60)"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS=0 is out of range (1…366 or -366…-1)"),
        ("FREQ=MONTHLY;BYDAY=0MO", "BYDAY=0MO is out of range (ordinals 1…53 or -53…-1)"),
        ("FREQ=YEARLY;BYDAY=54MO", "BYDAY=54MO is out of range (ordinals 1…53 or -53…-1)"),
        ("FREQ=WEEKLY;BYDAY=MO,XX",
         "BYDAY=XX is not a weekday (MO, TU, WE, TH, FR, SA or SU, with an optional ordinal such as 1MO or -1FR)"),
        ("FREQ=WEEKLY;BYDAY=1XMO", "BYDAY=1XMO: \"1X\" is not an integer"),
        ("FREQ=WEEKLY;WKST=XX", "WKST=XX is not a weekday (MO, TU, WE, TH, FR, SA or SU)"),
        ("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency (SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)"),
        ("BYDAY=MO", "missing FREQ (one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY) in \"BYDAY=MO\""),
        ("FREQ=DAILY;COUNT=0", "COUNT=0 is not a positive integer"),
        ("FREQ=DAILY;INTERVAL=-2", "INTERVAL=-2 is not a positive integer"),
        ("FREQ=DAILY;INTERVAL=2000000000", "INTERVAL=2000000000 is too large (at most 1000000000)"),
        ("FREQ=DAILY;COUNT=ten", "COUNT=ten: \"ten\" is not an integer"),
        ("FREQ=DAILY;BYHOUR=9,,10", "BYHOUR=9,,10 has an empty value in its list"),
        ("FREQ=DAILY;UNTIL=2024-13-01", "UNTIL=2024-13-01 is not a date or date-time (YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ)"),
        ("FREQ=SECONDLY;UNTIL=20240310T023000,60", "UNTIL=20240310T023000,60 is not a date or date-time (YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ): no fractions of a second"),
        ("FREQ=DAILY;UNTIL=20240310T023000.5Z", "UNTIL=20240310T023000.5Z is not a date or date-time (YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ): no fractions of a second"),
        ("FREQ=DAILY;FREQ=WEEKLY", "FREQ appears twice in the rule"),
        ("FREQ=DAILY;COUNT", "rule part \"COUNT\" has no \"=\" (expected NAME=VALUE, e.g. FREQ=WEEKLY)"),
        ("FREQ=DAILY;COUNT=", "COUNT= has no value"),
        ("FREQ=DAILY;BYEASTER=0", "unknown rule part \"BYEASTER=0\""),
        ("FREQ=DAILY;SKIP=BACKWARD", "SKIP=BACKWARD is not supported (only OMIT, RFC 5545's behaviour: invalid dates are skipped)"),
        ("FREQ=DAILY;RSCALE=HEBREW", "RSCALE=HEBREW is not supported (only GREGORIAN)"),
    ])
    func errors(text: String, message: String) {
        #expect(throws: RecurrenceError(message: message)) { try RecurrenceRule(parsing: text) }
    }

    @Test("a rule built in code is checked when it is expanded")
    func checkedInCode() throws {
        var rule = RecurrenceRule(frequency: .monthly)
        rule.byMonthDay = [32]
        let start = RecurrenceStart.utc(.unixEpoch)
        #expect(throws: RecurrenceError(message: "BYMONTHDAY=32 is out of range (1…31 or -31…-1)")) {
            try rule.occurrences(from: start)
        }
        #expect(throws: RecurrenceError(message: "BYMONTHDAY=32 is out of range (1…31 or -31…-1)")) {
            try RecurrenceSet(start: start, rules: [rule]).occurrences()
        }
    }

    @Test("RFC 5545 departures that can still be expanded are reported")
    func conformanceWarnings() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO,WE").conformanceWarnings.isEmpty)
        #expect(try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=1MO").conformanceWarnings
            == ["BYDAY=1MO: an ordinal needs FREQ=MONTHLY or YEARLY (RFC 5545 §3.3.10); read as every MO"])
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3;UNTIL=20240101").conformanceWarnings
            == ["COUNT and UNTIL are both given (RFC 5545 §3.3.10); the rule ends at whichever comes first"])
        #expect(try RecurrenceRule(parsing: "FREQ=MONTHLY;BYWEEKNO=3").conformanceWarnings
            == ["BYWEEKNO needs FREQ=YEARLY (RFC 5545 §3.3.10); read as a limit on the days"])
        #expect(try RecurrenceRule(parsing: "FREQ=MONTHLY;BYYEARDAY=3").conformanceWarnings
            == ["BYYEARDAY is not allowed with FREQ=MONTHLY (RFC 5545 §3.3.10); read as a limit on the days"])
        #expect(try RecurrenceRule(parsing: "FREQ=WEEKLY;BYMONTHDAY=3").conformanceWarnings
            == ["BYMONTHDAY is not allowed with FREQ=WEEKLY (RFC 5545 §3.3.10); read as a limit on the days"])
        #expect(try RecurrenceRule(parsing: "FREQ=MONTHLY;BYSETPOS=1").conformanceWarnings
            == ["BYSETPOS needs another BY part (RFC 5545 §3.3.10); it selects within the one occurrence per period the start implies"])
    }
}
