import Foundation
import Testing
import TalkplanICalendar
import TalkplanTime

/// Writes what talkplan writes for the corpus, for `Scripts/ics-conformance.py` to parse with
/// Python's icalendar package: for each corpus file, the file written back as read
/// (`NAME.roundtrip.ics`) and its events rebuilt as a personal calendar in the zones talkplan
/// resolved (`NAME.resolved.ics`). Runs only when `TALKPLAN_ICS_EXPORT` names a folder.
@Suite("conformance export")
struct ConformanceExport {
    @Test("export written calendars")
    func export() throws {
        guard let folder = ProcessInfo.processInfo.environment["TALKPLAN_ICS_EXPORT"], !folder.isEmpty else { return }
        let directory = URL(fileURLWithPath: folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let writer = ICalendarWriter()
        let stamp = try Instant(iso8601: "2026-01-01T00:00:00Z")
        for file in Corpus.files {
            let document = try Corpus.read(file)
            let base = String(file.dropLast(4))
            try writer.text(document.components).write(to: directory.appendingPathComponent(base + ".roundtrip.ics"),
                                                       atomically: true, encoding: .utf8)
            var drafts: [ICalendarEventDraft] = []
            for (index, event) in document.events.enumerated() {
                guard let times = event.times else { continue }
                func time(_ instant: Instant) -> ICalendarEventDraft.Time {
                    if times.isAllDay {
                        return .date(ZonedDateTime(instant, in: times.zone.zone ?? .utc).date)
                    }
                    if let zone = times.zone.zone { return .zoned(ZonedDateTime(instant, in: zone)) }
                    return .instant(instant)
                }
                drafts.append(ICalendarEventDraft(uid: "\(base)-\(index)@talkplan.test", stamp: stamp,
                                                  start: time(times.start), end: time(times.end),
                                                  summary: event.summary, description: event.description, location: event.location))
            }
            try writer.text(writer.calendar(drafts, name: base)).write(to: directory.appendingPathComponent(base + ".resolved.ics"),
                                                                       atomically: true, encoding: .utf8)
        }
    }
}
