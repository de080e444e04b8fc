import TalkplanICalendar
import TalkplanTime

/// Turns a decoded VEVENT into a ``Talk``.
enum ICalendarTalkMapping {
    /// The talk for an event, or `nil` when the event has no usable start.
    ///
    /// - id: the UID (with the RECURRENCE-ID for an overriding instance), else the file and start;
    /// - title and speaker: split out of SUMMARY and DESCRIPTION (``SpeakerTitle``);
    /// - zone: the IANA zone the start was read in; `nil` for UTC, fixed offsets and a file's own VTIMEZONE;
    /// - location, online links and mode: see ``ICalendarPlace``.
    ///
    /// `cancelsAll` is the calendar's METHOD:CANCEL; `places` holds the locations already read in this input.
    static func talk(from event: ICalendarEvent, in calendar: ICalendarCalendar, cancelsAll: Bool, file: String,
                     places: inout PlaceMemo) -> Talk? {
        guard let times = event.times else { return nil }
        var warnings = times.warnings
        var id: String
        if let uid = event.uid {
            id = uid
            if let recurrenceID = event.recurrenceID { id += "#" + recurrenceID.valueText }
        } else {
            id = "\(file)@\(times.start)"
        }
        let split = SpeakerTitle.split(summary: event.summary, description: event.description)
        let place = ICalendarPlace(event, places: &places)
        if event.recurrenceRules.count > 1 {
            warnings.append("\(event.recurrenceRules.count) RRULEs; only the first is reported")
        }
        var status = TalkStatus.confirmed
        if event.isCancelled || cancelsAll {
            status = .cancelled
        } else if event.status == "TENTATIVE" {
            status = .tentative
        }
        let line = event.sourceLocation?.line ?? 1
        return Talk(
            id: id,
            title: split.title,
            speaker: split.speaker,
            start: times.start,
            end: times.end,
            endEstimated: times.endEstimated,
            allDay: times.isAllDay,
            zone: times.zone.ianaIdentifier != nil ? times.zone.zone : nil,
            localStart: times.localStart,
            location: place.physical,
            online: place.links,
            mode: place.mode,
            recurrence: event.recurrenceRules.first?.text,
            status: status,
            sequence: event.sequence,
            url: event.url,
            details: event.description,
            source: SourceLocation(file: file, line: line, column: 1),
            warnings: warnings)
    }
}
