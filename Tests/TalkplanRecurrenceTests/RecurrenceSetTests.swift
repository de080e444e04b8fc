import Testing
import TalkplanRecurrence
import TalkplanTime

/// RDATE, EXDATE, RECURRENCE-ID and durations (RFC 5545 §3.8.4.4, §3.8.5).
@Suite("recurrence sets")
struct RecurrenceSetTests {
    typealias F = Fixture

    static let santiago = F.zone("America/Santiago")
    static func santiagoWall(_ month: Int, _ day: Int, _ hour: Int = 15) -> PlainDateTime {
        PlainDateTime(year: 2024, month: month, day: day, hour: hour)!
    }
    /// Fridays 15:00 in Santiago from 2024-03-01, an hour long.
    static func seminar(count: Int = 12) throws -> RecurrenceSet {
        RecurrenceSet(start: .zoned(santiagoWall(3, 1), in: santiago), duration: .exact(seconds: 3600),
                      rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR;COUNT=\(count)")])
    }

    /// RFC 5545 §3.8.5.2's examples `RDATE:19970714T123000Z` and
    /// `RDATE;TZID=America/New_York:19970714T083000` are the same instant (08:30 EDT is
    /// 12:30Z): "Where duplicate instances are generated ... only one recurrence is considered."
    @Test("RDATEs denoting the same instant are one occurrence")
    func duplicateDates() throws {
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 1997, month: 7, day: 1, hour: 8, minute: 30)!, in: F.newYork),
                                dates: [RecurrenceDate(.utc(try Instant(iso8601: "1997-07-14T12:30:00Z"))),
                                        RecurrenceDate(.zoned(PlainDateTime(year: 1997, month: 7, day: 14, hour: 8, minute: 30)!, F.newYork))])
        #expect(try F.instants(set) == ["1997-07-01T12:30:00Z", "1997-07-14T12:30:00Z"])
    }

    /// `RDATE;VALUE=PERIOD:19960403T020000Z/19960403T040000Z,19960404T010000Z/PT3H` (RFC 5545 §3.8.5.2).
    @Test("RDATE periods carry their own end")
    func periods() throws {
        let set = RecurrenceSet(start: .utc(try Instant(iso8601: "1996-04-01T02:00:00Z")), duration: .exact(seconds: 1800),
                                dates: [RecurrenceDate(.utc(try Instant(iso8601: "1996-04-03T02:00:00Z")),
                                                       end: .at(.utc(try Instant(iso8601: "1996-04-03T04:00:00Z")))),
                                        RecurrenceDate(.utc(try Instant(iso8601: "1996-04-04T01:00:00Z")), end: .after(.exact(seconds: 10_800)))])
        let occurrences = Array(try set.occurrences())
        #expect(occurrences.map { "\($0.start)–\($0.end!)" } == [
            "1996-04-01T02:00:00Z–1996-04-01T02:30:00Z",
            "1996-04-03T02:00:00Z–1996-04-03T04:00:00Z",
            "1996-04-04T01:00:00Z–1996-04-04T04:00:00Z",
        ])
        #expect(occurrences.map(\.origin) == [.start, .date(0), .date(1)])
    }

    /// `RDATE;VALUE=DATE:19970101,19970120,19970217,19970421` (RFC 5545 §3.8.5.2), an all-day series.
    @Test("RDATE dates in an all-day series")
    func allDayDates() throws {
        let dates = [(1997, 1, 20), (1997, 2, 17), (1997, 4, 21)].map { RecurrenceDate(.date(PlainDate(year: $0.0, month: $0.1, day: $0.2)!)) }
        let set = RecurrenceSet(start: .allDay(PlainDate(year: 1997, month: 1, day: 1)!, readIn: F.newYork), dates: dates)
        #expect(try set.occurrences().map { "\($0.date)" } == ["1997-01-01", "1997-01-20", "1997-02-17", "1997-04-21"])
        #expect(try F.instants(set).first == "1997-01-01T05:00:00Z")
    }

    @Test("EXDATE matches by instant, whatever its zone; a date EXDATE matches the day")
    func exclusions() throws {
        var set = try Self.seminar(count: 4)
        // 2024-03-08 15:00 in Santiago (-03:00) is 19:00 in Paris (+01:00): the same instant.
        set.exclusions = [.zoned(PlainDateTime(year: 2024, month: 3, day: 8, hour: 19)!, F.zone("Europe/Paris")),
                          .date(PlainDate(year: 2024, month: 3, day: 22)!)]
        #expect(try F.instants(set) == ["2024-03-01T18:00:00Z", "2024-03-15T18:00:00Z"])
    }

    @Test("a date EXDATE removes every occurrence that day")
    func dateExclusionRemovesTheDay() throws {
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 5, day: 6, hour: 9)!, in: F.zone("Europe/Zurich")),
                                rules: [try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=9,15;COUNT=6")],
                                exclusions: [.date(PlainDate(year: 2024, month: 5, day: 7)!)])
        #expect(try set.occurrences().map(\.isoLocalStart) == ["2024-05-06T09:00:00+02:00", "2024-05-06T15:00:00+02:00",
                                                               "2024-05-08T09:00:00+02:00", "2024-05-08T15:00:00+02:00"])
    }

    @Test("DTSTART is the first instance even when the rule does not generate it, unless asked otherwise")
    func startIsAnInstance() throws {
        // 1997-09-02 is a Tuesday; the rule wants Fridays.
        var set = RecurrenceSet(start: .zoned(PlainDateTime(year: 1997, month: 9, day: 2, hour: 9)!, in: F.newYork),
                                rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR;COUNT=2")])
        #expect(try set.occurrences().map(\.isoLocalStart) == ["1997-09-02T09:00:00-04:00", "1997-09-05T09:00:00-04:00",
                                                               "1997-09-12T09:00:00-04:00"])
        set.includesStart = false
        #expect(try set.occurrences().map(\.isoLocalStart) == ["1997-09-05T09:00:00-04:00", "1997-09-12T09:00:00-04:00"])
    }

    @Test("a moved instance replaces the one it names; the others keep their time")
    func movedInstance() throws {
        var set = try Self.seminar(count: 4)
        set.overrides = [RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 15), Self.santiago),
                                            start: .zoned(Self.santiagoWall(3, 14, 16), Self.santiago))]
        let occurrences = Array(try set.occurrences())
        #expect(occurrences.map(\.isoLocalStart) == ["2024-03-01T15:00:00-03:00", "2024-03-08T15:00:00-03:00",
                                                     "2024-03-14T16:00:00-03:00", "2024-03-22T15:00:00-03:00"])
        #expect(occurrences[2].origin == .override(0))
        #expect("\(occurrences[2].recurrenceID)" == "2024-03-15T18:00:00Z")
        #expect("\(occurrences[2].end!)" == "2024-03-14T20:00:00Z")
    }

    @Test("a cancelled instance is left out, or reported as cancelled when asked")
    func cancelledInstance() throws {
        var set = try Self.seminar(count: 3)
        set.overrides = [RecurrenceOverride(recurrenceID: .utc(try Instant(iso8601: "2024-03-08T18:00:00Z")), isCancelled: true)]
        #expect(try F.instants(set) == ["2024-03-01T18:00:00Z", "2024-03-15T18:00:00Z"])
        var options = ExpansionOptions()
        options.includeCancelled = true
        let all = Array(try set.occurrences(options: options))
        #expect(all.map(\.isCancelled) == [false, true, false])
    }

    /// RFC 5545 §3.8.4.4: "if the given recurrence instance is rescheduled to start 2 hours
    /// later, then all subsequent instances are also rescheduled 2 hours later", and take its
    /// new duration. The difference is one of wall time: after Chile's clocks go back on
    /// 2024-04-07, the seminar is still at 17:00 in Santiago.
    @Test("THISANDFUTURE moves the instance and every later one by the same wall-clock difference")
    func thisAndFuture() throws {
        var set = try Self.seminar(count: 8)
        set.overrides = [RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 22), Self.santiago), range: .thisAndFuture,
                                            start: .zoned(Self.santiagoWall(3, 22, 17), Self.santiago),
                                            end: .after(.exact(seconds: 5400)))]
        let occurrences = Array(try set.occurrences())
        #expect(occurrences.map(\.isoLocalStart) == [
            "2024-03-01T15:00:00-03:00", "2024-03-08T15:00:00-03:00", "2024-03-15T15:00:00-03:00",
            "2024-03-22T17:00:00-03:00", "2024-03-29T17:00:00-03:00", "2024-04-05T17:00:00-03:00",
            "2024-04-12T17:00:00-04:00", "2024-04-19T17:00:00-04:00",
        ])
        #expect(occurrences.suffix(5).allSatisfy { $0.end == $0.start.adding(seconds: 5400) })
        #expect(occurrences[6].recurrenceID == (try Instant(iso8601: "2024-04-12T19:00:00Z")))
    }

    @Test("an instance overridden on its own keeps its own override inside a THISANDFUTURE range")
    func ownOverrideWins() throws {
        var set = try Self.seminar(count: 5)
        set.overrides = [
            RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 8), Self.santiago), range: .thisAndFuture,
                               start: .zoned(Self.santiagoWall(3, 8, 10), Self.santiago)),
            RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 22), Self.santiago),
                               start: .zoned(Self.santiagoWall(3, 23, 12), Self.santiago)),
        ]
        #expect(try set.occurrences().map(\.isoLocalStart) == [
            "2024-03-01T15:00:00-03:00", "2024-03-08T10:00:00-03:00", "2024-03-15T10:00:00-03:00",
            "2024-03-23T12:00:00-03:00", "2024-03-29T10:00:00-03:00",
        ])
    }

    @Test("a THISANDFUTURE shift earlier than the instances before it keeps the order")
    func earlierShiftKeepsOrder() throws {
        var set = try Self.seminar(count: 4)
        // From 15 March on, the seminar is two days earlier, on Wednesdays.
        set.overrides = [RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 15), Self.santiago), range: .thisAndFuture,
                                            start: .zoned(Self.santiagoWall(3, 13), Self.santiago))]
        #expect(try set.occurrences().map { "\($0.localStart.date)" } == ["2024-03-01", "2024-03-08", "2024-03-13", "2024-03-20"])
    }

    @Test("a cancelled THISANDFUTURE ends the series there")
    func cancelledFromHereOn() throws {
        var set = try Self.seminar(count: 6)
        set.overrides = [RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 22), Self.santiago), range: .thisAndFuture,
                                            isCancelled: true)]
        #expect(Array(try set.occurrences()).count == 3)
    }

    @Test("an override naming no instance is still an occurrence")
    func orphanOverride() throws {
        var set = try Self.seminar(count: 2)
        set.overrides = [RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 5), Self.santiago),
                                            start: .zoned(Self.santiagoWall(3, 5, 11), Self.santiago))]
        #expect(try set.occurrences().map(\.isoLocalStart) == ["2024-03-01T15:00:00-03:00", "2024-03-05T11:00:00-03:00",
                                                               "2024-03-08T15:00:00-03:00"])
    }

    /// RFC 5545 §3.8.5.3: with `DURATION`, "recurrence instances of a nominal duration of one
    /// day will have an exact duration of more or less than 24 hours on a day where a time
    /// zone shift occurs". Chicago springs forward on 2024-03-10.
    @Test("a nominal day lasts 23 hours across the spring change; an exact duration does not change")
    func durations() throws {
        let chicago = F.zone("America/Chicago")
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2024, month: 3, day: 9)!, in: chicago)
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=2")
        let nominal = RecurrenceSet(start: start, duration: .nominal(days: 1, seconds: 0), rules: [rule])
        #expect(try nominal.occurrences().map { $0.end!.seconds - $0.start.seconds } == [86_400, 82_800])
        let exact = RecurrenceSet(start: start, duration: .exact(seconds: 86_400), rules: [rule])
        #expect(try exact.occurrences().map { $0.end!.seconds - $0.start.seconds } == [86_400, 86_400])
    }

    @Test("several RRULEs are their union, without duplicates")
    func severalRules() throws {
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 1, day: 1, hour: 9)!, in: F.zone("Europe/Paris")),
                                rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4"),
                                        try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=WE,FR;COUNT=4")])
        #expect(try set.occurrences().map { "\($0.localStart.date)" }
            == ["2024-01-01", "2024-01-03", "2024-01-05", "2024-01-08", "2024-01-10", "2024-01-12"])
        #expect(set.conformanceWarnings == ["several RRULEs: RFC 5545 §3.8.5.3 leaves this undefined; their union is used"])
    }

    @Test("a window of a set includes the occurrences moved into it and leaves out those moved away")
    func windowWithOverrides() throws {
        var set = try Self.seminar(count: 10)
        set.overrides = [
            RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 1), Self.santiago), start: .zoned(Self.santiagoWall(3, 20), Self.santiago)),
            RecurrenceOverride(recurrenceID: .zoned(Self.santiagoWall(3, 22), Self.santiago), start: .zoned(Self.santiagoWall(4, 30), Self.santiago)),
        ]
        #expect(try F.instants(set, from: "2024-03-18T00:00:00Z", to: "2024-03-25T00:00:00Z") == ["2024-03-20T18:00:00Z"])
    }
}
