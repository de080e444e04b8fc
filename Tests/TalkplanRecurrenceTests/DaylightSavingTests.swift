import Testing
import TalkplanRecurrence
import TalkplanTime

/// Series across clock changes. Expected instants are from Python's `zoneinfo` (tz 2026f)
/// reading each wall time with `fold=0`, which is RFC 5545 §3.3.5's reading: e.g.
/// `datetime(2024, 3, 10, 2, 30, tzinfo=ZoneInfo("America/Chicago")).astimezone(timezone.utc)`.
@Suite("recurrences across DST changes")
struct DaylightSavingTests {
    typealias F = Fixture

    /// The seminar of the issue: Fridays 15:00 in Santiago. Chile's clocks go back on
    /// 2024-04-07 and forward on 2024-09-08; Chicago's forward on 2024-03-10. The Santiago
    /// wall time never moves; the instant and the Chicago time do, on different weeks.
    @Test("a weekly 15:00 seminar in Santiago, seen from Chicago")
    func santiagoSeenFromChicago() throws {
        let santiago = F.zone("America/Santiago")
        let chicago = F.zone("America/Chicago")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 3, day: 1, hour: 15)!, in: santiago),
                                rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR;UNTIL=20240927T190000Z")])
        let all = Array(try set.occurrences())
        #expect(all.allSatisfy { $0.localStart.time == PlainTime(hour: 15, minute: 0)! })
        let march = all.prefix(7).map { "\($0.start) \($0.start(in: chicago).isoString)" }
        #expect(march == [
            "2024-03-01T18:00:00Z 2024-03-01T12:00:00-06:00",
            "2024-03-08T18:00:00Z 2024-03-08T12:00:00-06:00",
            "2024-03-15T18:00:00Z 2024-03-15T13:00:00-05:00",
            "2024-03-22T18:00:00Z 2024-03-22T13:00:00-05:00",
            "2024-03-29T18:00:00Z 2024-03-29T13:00:00-05:00",
            "2024-04-05T18:00:00Z 2024-04-05T13:00:00-05:00",
            "2024-04-12T19:00:00Z 2024-04-12T14:00:00-05:00",
        ])
        let september = all.suffix(4).map { "\($0.start) \($0.isoLocalStart)" }
        #expect(september == [
            "2024-09-06T19:00:00Z 2024-09-06T15:00:00-04:00",
            "2024-09-13T18:00:00Z 2024-09-13T15:00:00-03:00",
            "2024-09-20T18:00:00Z 2024-09-20T15:00:00-03:00",
            "2024-09-27T18:00:00Z 2024-09-27T15:00:00-03:00",
        ])
    }

    @Test("a time in a gap is read with the offset before it (RFC 5545 §3.3.5), and counted")
    func gapShiftsForward() throws {
        let chicago = F.zone("America/Chicago")
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2024, month: 3, day: 9, hour: 2, minute: 30)!, in: chicago)
        let set = RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3")])
        #expect(try set.occurrences().map(\.isoLocalStart)
            == ["2024-03-09T02:30:00-06:00", "2024-03-10T03:30:00-05:00", "2024-03-11T02:30:00-05:00"])
        #expect(try F.instants(set) == ["2024-03-09T08:30:00Z", "2024-03-10T08:30:00Z", "2024-03-11T07:30:00Z"])
    }

    /// RFC 5545 §3.3.5's own examples: `TZID=America/New_York:20070311T023000` is 03:30 EDT,
    /// and `20071104T013000` is 01:30 EDT (the first of the two).
    @Test("RFC 5545 §3.3.5's gap and fold examples, as occurrences of a daily rule")
    func rfcDateTimeExamples() throws {
        #expect(try F.expand("20070310T023000", "FREQ=DAILY;COUNT=3")
            == ["2007-03-10T02:30:00-05:00", "2007-03-11T03:30:00-04:00", "2007-03-12T02:30:00-04:00"])
        #expect(try F.expand("20071103T013000", "FREQ=DAILY;COUNT=3")
            == ["2007-11-03T01:30:00-04:00", "2007-11-04T01:30:00-04:00", "2007-11-05T01:30:00-05:00"])
    }

    @Test("with .skip, a time in a gap is left out and not counted (the RFC 2445 sentence)")
    func gapSkipped() throws {
        var options = ExpansionOptions()
        options.nonexistentTimes = .skip
        #expect(try F.expand("20070310T023000", "FREQ=DAILY;COUNT=3", options: options)
            == ["2007-03-10T02:30:00-05:00", "2007-03-12T02:30:00-04:00", "2007-03-13T02:30:00-04:00"])
        // The same when the window starts later and COUNT must be counted up to it.
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2007, month: 3, day: 10, hour: 2, minute: 30)!, in: F.newYork)
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3")
        let late = try rule.occurrences(from: start, options: options).window(from: try Instant(iso8601: "2007-03-12T00:00:00Z"), to: nil)
        #expect(late.map(\.isoLocalStart) == ["2007-03-12T02:30:00-04:00", "2007-03-13T02:30:00-04:00"])
    }

    @Test("a repeated time is its first occurrence")
    func foldTakesEarlier() throws {
        let chicago = F.zone("America/Chicago")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 11, day: 2, hour: 1, minute: 30)!, in: chicago),
                                rules: [try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3")])
        #expect(try F.instants(set) == ["2024-11-02T06:30:00Z", "2024-11-03T06:30:00Z", "2024-11-04T07:30:00Z"])
    }

    /// Europe changes clocks on the last Sunday of March and October, at 01:00 UTC.
    @Test("the last Sunday of each month at 02:30 in Paris meets both changes")
    func parisLastSunday() throws {
        let paris = F.zone("Europe/Paris")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 1, day: 28, hour: 2, minute: 30)!, in: paris),
                                rules: [try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1SU;COUNT=11")])
        #expect(try F.instants(set) == [
            "2024-01-28T01:30:00Z", "2024-02-25T01:30:00Z", "2024-03-31T01:30:00Z", "2024-04-28T00:30:00Z",
            "2024-05-26T00:30:00Z", "2024-06-30T00:30:00Z", "2024-07-28T00:30:00Z", "2024-08-25T00:30:00Z",
            "2024-09-29T00:30:00Z", "2024-10-27T00:30:00Z", "2024-11-24T01:30:00Z",
        ])
        #expect(try set.occurrences().map(\.isoLocalStart)[2] == "2024-03-31T03:30:00+02:00")
    }

    /// Israel springs forward on the Friday before the last Sunday of March, at 02:00.
    @Test("a Friday 02:15 series in Jerusalem")
    func jerusalemFriday() throws {
        let jerusalem = F.zone("Asia/Jerusalem")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 3, day: 22, hour: 2, minute: 15)!, in: jerusalem),
                                rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=3")])
        #expect(try F.instants(set) == ["2024-03-22T00:15:00Z", "2024-03-29T00:15:00Z", "2024-04-04T23:15:00Z"])
    }

    /// Expanding in wall-clock time: 00:00, 01:00, 02:00 (the first, CEST), 03:00 CET —
    /// the second 02:00 (CET) is not a time the rule computes. dateutil + zoneinfo agree.
    @Test("an hourly rule through Zurich's fold")
    func zurichHourlyFold() throws {
        let zurich = F.zone("Europe/Zurich")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 10, day: 27)!, in: zurich),
                                rules: [try RecurrenceRule(parsing: "FREQ=HOURLY;COUNT=5")])
        #expect(try F.instants(set) == ["2024-10-26T22:00:00Z", "2024-10-26T23:00:00Z", "2024-10-27T00:00:00Z",
                                        "2024-10-27T02:00:00Z", "2024-10-27T03:00:00Z"])
    }

    /// 02:00 and 02:30 do not exist on 2024-03-10 in Chicago; read before the gap they are
    /// 03:00 and 03:30, the very instants of the next two computed times: four computed
    /// times, two occurrences, in order.
    @Test("times shifted out of a gap that meet later times are one occurrence each, in order")
    func gapDuplicates() throws {
        let chicago = F.zone("America/Chicago")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 3, day: 10, hour: 1, minute: 30)!, in: chicago),
                                rules: [try RecurrenceRule(parsing: "FREQ=MINUTELY;INTERVAL=30;COUNT=6")])
        // Computed: 01:30, 02:00, 02:30, 03:00, 03:30, 04:00.
        #expect(try F.instants(set) == ["2024-03-10T07:30:00Z", "2024-03-10T08:00:00Z", "2024-03-10T08:30:00Z",
                                        "2024-03-10T09:00:00Z"])
    }

    /// Santiago springs forward at midnight: 2024-09-08 begins at 01:00.
    @Test("an all-day occurrence on a day whose midnight does not exist starts when the day begins")
    func santiagoMidnight() throws {
        let santiago = F.zone("America/Santiago")
        let set = RecurrenceSet(start: .allDay(PlainDate(year: 2024, month: 9, day: 7)!, readIn: santiago),
                                rules: [try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=2")])
        let occurrences = Array(try set.occurrences())
        #expect(occurrences.map { "\($0.start)" } == ["2024-09-07T04:00:00Z", "2024-09-08T04:00:00Z"])
        #expect(occurrences.map(\.date) == [PlainDate(year: 2024, month: 9, day: 7)!, PlainDate(year: 2024, month: 9, day: 8)!])
        #expect(occurrences.allSatisfy { $0.isAllDay })
    }

    @Test("a UTC start is expanded in UTC, a floating one in the zone chosen for it")
    func utcAndFloating() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=2")
        let utc = RecurrenceSet(start: .utc(try Instant(iso8601: "2024-03-09T08:30:00Z")), rules: [rule])
        #expect(try F.instants(utc) == ["2024-03-09T08:30:00Z", "2024-03-10T08:30:00Z"])
        let floating = RecurrenceSet(start: .floating(PlainDateTime(year: 2024, month: 3, day: 9, hour: 8, minute: 30)!,
                                                      readIn: F.zone("America/Chicago")), rules: [rule])
        #expect(try F.instants(floating) == ["2024-03-09T14:30:00Z", "2024-03-10T13:30:00Z"])
    }
}
