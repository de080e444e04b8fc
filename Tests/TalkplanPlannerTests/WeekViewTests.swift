import Testing
import TalkplanExtract
import TalkplanTime
@testable import TalkplanPlanner

@Suite("week view")
struct WeekViewTests {
    private func occurrence(_ id: String, _ start: String, minutes: Int64 = 60, zone: String) -> Occurrence {
        let z = try! Zone(zone)
        let s = try! Instant(iso8601: start)
        return Occurrence(id: id, talkID: id, title: id, speaker: nil, start: s, end: s.adding(seconds: minutes * 60),
                          zone: z, localStart: OffsetDateTime(instant: s, offset: z.offset(at: s)))
    }

    @Test("day boundaries are the attendee's: a Jerusalem talk on Monday 06:00 is Sunday evening in Chicago")
    func dayBoundaries() throws {
        // Monday 2024-11-11 06:00 in Jerusalem (+02:00) = 04:00Z = Sunday 2024-11-10 22:00 in Chicago (-06:00).
        let talk = occurrence("j", "2024-11-11T04:00:00Z", zone: "Asia/Jerusalem")
        let view = WeekView([talk], zone: try Zone("America/Chicago"), from: PlainDate(year: 2024, month: 11, day: 4)!)
        #expect(view.days[6].date == PlainDate(year: 2024, month: 11, day: 10)!)
        #expect(view.days[6].entries.map(\.occurrence.id) == ["j"])
        #expect(view.days[6].entries[0].attendeeStart.isoString == "2024-11-10T22:00:00-06:00")
    }

    @Test("the week of 2024-11-04 in Chicago: US clocks changed the day before, Chile is on summer time")
    func weekOfNovember4() throws {
        let chicago = try Zone("America/Chicago")
        let view = WeekView([occurrence("s", "2024-11-06T18:00:00Z", zone: "America/Santiago")], zone: chicago,
                            from: PlainDate(year: 2024, month: 11, day: 4)!)
        // Midnight of 2024-11-04 in Chicago (CST, -06:00) = 06:00Z (Python zoneinfo).
        #expect(view.start.instant == (try Instant(iso8601: "2024-11-04T06:00:00Z")))
        #expect(view.end.instant == (try Instant(iso8601: "2024-11-11T06:00:00Z")))
        #expect(view.clockChanges.isEmpty)
        #expect(view.days[2].entries[0].attendeeStart.isoString == "2024-11-06T12:00:00-06:00")
    }

    @Test("late March 2024: the EU and Israel change on different days")
    func lateMarch() throws {
        let view = WeekView([occurrence("p", "2024-03-28T10:00:00Z", zone: "Europe/Paris"),
                             occurrence("j", "2024-03-27T10:00:00Z", zone: "Asia/Jerusalem")],
                            zone: try Zone("America/Chicago"), from: PlainDate(year: 2024, month: 3, day: 25)!)
        // Israel: 2024-03-29 00:00Z (Friday 02:00 → 03:00); EU: 2024-03-31 01:00Z (Sunday 02:00 → 03:00).
        #expect(view.clockChanges.map(\.zone.identifier) == ["Asia/Jerusalem", "Europe/Paris"])
        #expect(view.clockChanges.map(\.transition.instant) == [try Instant(iso8601: "2024-03-29T00:00:00Z"),
                                                                try Instant(iso8601: "2024-03-31T01:00:00Z")])
        #expect(view.clockChanges[0].description == "clocks in Asia/Jerusalem go forward 1 h on Fri 2024-03-29 at 02:00 (+02:00 → +03:00)")
    }

    @Test("Chile skips midnight in September: the day starts at 01:00")
    func chileMidnight() throws {
        let santiago = try Zone("America/Santiago")
        let start = WeekView.midnight(of: PlainDate(year: 2024, month: 9, day: 8)!, in: santiago)
        #expect(start.isoString == "2024-09-08T01:00:00-03:00")
        #expect(start.instant == (try Instant(iso8601: "2024-09-08T04:00:00Z")))
    }

    @Test("overlaps are marked within the view")
    func overlaps() throws {
        let view = WeekView([occurrence("a", "2024-11-05T15:00:00Z", zone: "Europe/Paris"),
                             occurrence("b", "2024-11-05T15:30:00Z", zone: "America/Santiago")],
                            zone: try Zone("Europe/Paris"), from: PlainDate(year: 2024, month: 11, day: 4)!)
        #expect(view.entries.map(\.overlapsWith) == [["b"], ["a"]])
    }

    @Test("week start")
    func weekStart() {
        #expect(WeekView.weekStart(containing: PlainDate(year: 2026, month: 11, day: 22)!) == PlainDate(year: 2026, month: 11, day: 16)!)
        #expect(WeekView.weekStart(containing: PlainDate(year: 2026, month: 11, day: 22)!, firstDay: .sunday) == PlainDate(year: 2026, month: 11, day: 22)!)
    }
}
