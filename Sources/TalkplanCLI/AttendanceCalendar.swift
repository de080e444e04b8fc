import Foundation
import TalkplanICalendar
import TalkplanPlanner
import TalkplanTime

/// The personal attendance calendar `talkplan plan --ics` writes: the selected talks, each with its
/// join link, the original and the attendee's times, and a reminder; a VTIMEZONE for every TZID.
///
/// UIDs are derived from the occurrence ids, so writing the calendar again updates the events in a
/// calendar app instead of duplicating them. DTSTAMP is the current time, or `SOURCE_DATE_EPOCH`
/// when set (for reproducible files).
enum AttendanceCalendar {
    static func write(_ entries: [PlanEntry], attendee zone: Zone, to path: String,
                      environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let stamp = environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init).map { Instant(seconds: $0) } ?? Clock.now()
        let writer = ICalendarWriter()
        let events = entries.map { draft($0, attendee: zone, stamp: stamp) }
        var calendar = writer.calendar([], name: "talkplan: talks to attend")
        calendar.components = events
        let text = writer.text(calendar)
        let url = URL(fileURLWithPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    static func draft(_ entry: PlanEntry, attendee zone: Zone, stamp: Instant) -> ICalendarComponent {
        let occurrence = entry.occurrence
        func time(_ instant: Instant) -> ICalendarEventDraft.Time {
            guard let source = occurrence.zone, source.ianaIdentifier != nil else { return .instant(instant) }
            return .zoned(ZonedDateTime(instant, in: source))
        }
        let mine = ZonedDateTime(occurrence.start, in: zone)
        let theirs = occurrence.localStart
        var lines: [String] = []
        if let link = occurrence.online.first { lines.append("Join: \(link)") }
        lines.append("Your time: \(mine.date.weekday.shortName) \(mine.date) \(TalkText.clock(mine.time)) (\(zone.identifier))")
        lines.append("Local time: \(theirs.dateTime.date.weekday.shortName) \(theirs.dateTime.date) \(TalkText.clock(theirs.dateTime.time)) \(theirs.offset) (\(occurrence.zone?.identifier ?? "fixed offset"))")
        if let speaker = occurrence.speaker { lines.append("Speaker: \(speaker)") }
        if let location = occurrence.location { lines.append("Place: \(location)") }
        var event = ICalendarEventDraft(
            uid: "\(occurrence.id)@talkplan", stamp: stamp, start: time(occurrence.start), end: time(occurrence.end),
            summary: occurrence.title ?? "Talk", description: lines.joined(separator: "\n"),
            location: occurrence.online.first ?? occurrence.location, url: occurrence.online.first,
            status: "CONFIRMED", conferences: occurrence.online
        ).component
        event.components.append(ICalendarComponent("VALARM", properties: [
            ICalendarProperty("ACTION", value: "DISPLAY"),
            ICalendarProperty("TRIGGER", value: "-PT10M"),
            .text("DESCRIPTION", "\(occurrence.title ?? "Talk") starts in 10 minutes"),
        ]))
        return event
    }
}
