import Testing
@testable import TalkplanRecurrence
import TalkplanTime

/// Windows far from the start: the engine jumps where it can and counts where it must.
/// Expected instants are from python-dateutil (`rrule(...).between(...)`) localised with
/// `zoneinfo`; the day arithmetic is Python's `date` arithmetic.
@Suite("windows, jumps and COUNT")
struct WindowTests {
    typealias F = Fixture

    static let zurich = F.zone("Europe/Zurich")
    static let dailySince1990 = RecurrenceStart.zoned(PlainDateTime(year: 1990, month: 1, day: 1, hour: 9)!, in: zurich)

    /// The week Europe springs forward in 2026 (29 March).
    static let week = (from: "2026-03-23T00:00:00Z", to: "2026-03-30T00:00:00Z")
    static let weekInstants = ["2026-03-23T08:00:00Z", "2026-03-24T08:00:00Z", "2026-03-25T08:00:00Z", "2026-03-26T08:00:00Z",
                               "2026-03-27T08:00:00Z", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"]

    static func window(_ rule: String, _ start: RecurrenceStart = dailySince1990) throws -> (starts: [String], steps: Int) {
        let occurrences = try RecurrenceRule(parsing: rule).occurrences(from: start)
            .window(from: try Instant(iso8601: week.from), to: try Instant(iso8601: week.to))
        var iterator = occurrences.makeIterator()
        var starts: [String] = []
        while let occurrence = iterator.next() { starts.append("\(occurrence.start)") }
        return (starts, iterator.steps)
    }

    @Test("a daily rule started in 1990 jumps straight to a week of 2026")
    func dailyJumps() throws {
        let (starts, steps) = try Self.window("FREQ=DAILY")
        #expect(starts == Self.weekInstants)
        #expect(steps < 20, "examined \(steps) periods for 7 occurrences")
    }

    /// 1990-01-01 + 13,230 days is 2026-03-23, so COUNT=20000 reaches the week; the daily
    /// rule has one occurrence per period, so the 13,230 before it are counted arithmetically.
    @Test("with COUNT, the occurrences before the window are counted, a period at a time or at once")
    func dailyCountJumps() throws {
        let (starts, steps) = try Self.window("FREQ=DAILY;COUNT=20000")
        #expect(starts == Self.weekInstants)
        #expect(steps < 30, "examined \(steps) periods")
        // The 13,000th occurrence is on 2025-08-04: nothing is left for the week.
        #expect(try Self.window("FREQ=DAILY;COUNT=13000").starts.isEmpty)
        // COUNT=13233 ends on 2026-03-25, the third day of the window.
        #expect(try Self.window("FREQ=DAILY;COUNT=13233").starts == Array(Self.weekInstants.prefix(3)))
    }

    @Test("a daily rule with a day filter and COUNT counts period by period without building occurrences")
    func filteredCount() throws {
        // Weekdays only: 1990-01-01 (a Monday) to 2026-03-23 is 13,230 days, 1,890 weeks, 9,450 weekdays.
        let (starts, _) = try Self.window("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=9453")
        #expect(starts == Array(Self.weekInstants.prefix(3)))
    }

    @Test("a monthly rule with COUNT far from its start")
    func monthlyCount() throws {
        let chicago = F.zone("America/Chicago")
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2000, month: 1, day: 28, hour: 10)!, in: chicago)
        let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=500")
        let window = try rule.occurrences(from: start).window(from: try Instant(iso8601: "2030-01-01T00:00:00Z"),
                                                          to: try Instant(iso8601: "2030-04-01T00:00:00Z"))
        #expect(window.map { "\($0.start)" } == ["2030-01-25T16:00:00Z", "2030-02-22T16:00:00Z", "2030-03-29T15:00:00Z"])
        // The 500th and last is 2041-08-30.
        let last = try rule.occurrences(from: start).window(from: try Instant(iso8601: "2041-01-01T00:00:00Z"), to: nil)
        #expect(last.map { "\($0.localStart.date)" }.last == "2041-08-30")
    }

    @Test("a set's window seeks its rules, keeps RDATEs and DTSTART in order")
    func setWindow() throws {
        var set = RecurrenceSet(start: Self.dailySince1990, rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO")])
        set.dates = [RecurrenceDate(.utc(try Instant(iso8601: "2026-03-25T12:00:00Z")))]
        #expect(try F.instants(set, from: Self.week.from, to: Self.week.to) == ["2026-03-23T08:00:00Z", "2026-03-25T12:00:00Z"])
    }

    @Test("the last occurrence before UNTIL, in a window")
    func untilInWindow() throws {
        let (starts, _) = try Self.window("FREQ=DAILY;UNTIL=20260325T080000Z")
        #expect(starts == Array(Self.weekInstants.prefix(3)))
    }
}
