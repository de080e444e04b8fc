import TalkplanICalendar
import TalkplanTime

/// Talks from an iCalendar stream: each VEVENT with a usable start becomes a talk.
///
/// ```swift
/// let result = ICalendarTalkReader.read(AnnouncementInput(name: "ens.ics", bytes: bytes), options: ExtractionOptions())
/// result.talks[0].speaker   // "Lénaïc Chizat (EPFL)"
/// result.talks[0].zone      // Europe/Paris
/// ```
enum ICalendarTalkReader {
    static func read(_ input: AnnouncementInput, options: ExtractionOptions) -> ExtractionResult {
        let readOptions = ICalendarReadOptions(defaultZone: options.defaultZone)
        let document = ICalendarReader.read(input.bytes, file: input.name, options: readOptions)
        var result = ExtractionResult(diagnostics: document.diagnostics.map(Diagnostic.init))
        var usedIDs = Set<String>()
        var places = PlaceMemo()
        for calendar in document.calendars {
            let cancelsAll = calendar.method == "CANCEL"
            // Overrides (RECURRENCE-ID) belong to the series with the same UID in the same calendar.
            var overrides: [String: [ICalendarEvent]] = [:]
            for event in calendar.events where event.recurrenceID != nil {
                if let uid = event.uid { overrides[uid, default: []].append(event) }
            }
            for event in calendar.events {
                guard var talk = ICalendarTalkMapping.talk(from: event, in: calendar, cancelsAll: cancelsAll, file: input.name,
                                                          places: &places) else { continue }
                if event.recurrenceID == nil, let times = event.times {
                    let series = ICalendarRecurrence.set(for: event, overrides: event.uid.flatMap { overrides[$0] } ?? [], times: times)
                    talk.recurrenceSet = series.set
                    talk.warnings += series.warnings
                }
                if !usedIDs.insert(talk.id).inserted {
                    var counter = 2
                    while !usedIDs.insert("\(talk.id)#\(counter)").inserted { counter += 1 }
                    talk.id = "\(talk.id)#\(counter)"
                }
                result.talks.append(talk)
            }
        }
        return result
    }
}

extension Diagnostic {
    /// The talk-level diagnostic for an iCalendar one.
    init(_ diagnostic: ICalendarDiagnostic) {
        self.init(diagnostic.severity == .error ? .error : .warning,
                  SourceLocation(file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column),
                  diagnostic.message)
    }
}
