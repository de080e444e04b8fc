import Foundation
import Testing
import TalkplanExtract
import TalkplanICalendar
import TalkplanTime

@Suite("corpus of real-world iCalendar styles")
struct CorpusTests {
    @Test("the corpus has at least 30 files, each with expectations")
    func corpusSize() {
        let files = Corpus.files
        #expect(files.count >= 30)
        let expected = Set(CorpusExpectations.events.map(\.file))
        #expect(Set(files) == expected)
    }

    @Test("every event resolves to the independently computed instants", arguments: CorpusExpectations.events)
    func instants(_ expected: CorpusExpectation) throws {
        let document = try Corpus.read(expected.file)
        let events = document.events
        let count = CorpusExpectations.events.filter { $0.file == expected.file }.count
        #expect(events.count == count, "\(expected.file): \(events.count) events")
        try #require(expected.index < events.count)
        let times = try #require(events[expected.index].times)
        #expect(times.start.description == expected.start)
        #expect(times.end.description == expected.end)
        #expect(times.zone.ianaIdentifier == expected.zone)
        #expect(times.isAllDay == expected.allDay)
        #expect(times.endEstimated == expected.endEstimated)
        #expect(times.warnings.isEmpty == !expected.warned, "warnings: \(times.warnings)")
    }

    @Test("corpus files read without errors", arguments: Corpus.files)
    func noErrors(_ file: String) throws {
        let document = try Corpus.read(file)
        let errors = document.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("writing what was read keeps every component, property and parameter", arguments: Corpus.files)
    func roundTrip(_ file: String) throws {
        let original = try Corpus.read(file)
        let text = ICalendarWriter().text(original.components)
        let again = ICalendarReader.read(Array(text.utf8), file: "rewritten-" + file)
        #expect(again.diagnostics.filter { $0.severity == .error }.isEmpty, "\(again.diagnostics)")
        // The writer may only add VTIMEZONEs, for TZIDs the file used without defining.
        var rewritten = again.components.map(\.withoutLocations)
        let before = original.components.map(\.withoutLocations)
        for index in rewritten.indices where index < before.count {
            let defined = Set(before[index].components(named: "VTIMEZONE").compactMap { $0.first("TZID")?.value })
            rewritten[index].components.removeAll { $0.name == "VTIMEZONE" && !defined.contains($0.first("TZID")?.value ?? "") }
        }
        #expect(rewritten == before)
        // Writing is deterministic and a fixed point.
        #expect(ICalendarWriter().text(again.components) == text)
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            #expect(line.utf8.count <= 75)
        }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("every TZID written has a VTIMEZONE", arguments: Corpus.files)
    func timeZonesWritten(_ file: String) throws {
        let original = try Corpus.read(file)
        let again = ICalendarReader.read(Array(ICalendarWriter().text(original.components).utf8), file: file)
        for calendar in again.calendars where calendar.component.location != nil {
            let defined = Set(calendar.timeZones.map(\.tzid))
            var used = Set<String>()
            for event in calendar.component.components where event.name != "VTIMEZONE" {
                for property in event.properties { if let tzid = property.parameter("TZID") { used.insert(tzid) } }
            }
            #expect(used.subtracting(defined).isEmpty, "\(used.subtracting(defined))")
        }
    }
}
