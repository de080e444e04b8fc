import Foundation
import Testing
import TalkplanICalendar
import TalkplanTime

@Suite("content lines: unfolding, parameters, locations")
struct ContentLineTests {
    @Test("CRLF and bare LF unfold the same; a fold may split a UTF-8 sequence")
    func unfolding() throws {
        let summary = "Séminaire « Géométrie » – 東京 🎓"
        let data = Array("SUMMARY:\(summary)".utf8)
        // Every cut that falls inside a multi-byte sequence.
        let cuts = (1..<data.count).filter { data[$0] & 0xC0 == 0x80 }
        #expect(cuts.count > 5)
        for eol in ["\r\n", "\n"] {
            for cut in cuts {
                let head = "BEGIN:VCALENDAR\(eol)BEGIN:VEVENT\(eol)UID:x\(eol)DTSTART:20240101T100000Z\(eol)"
                let input = Array(head.utf8) + Array(data[..<cut]) + Array("\(eol) ".utf8) + Array(data[cut...])
                    + Array("\(eol)END:VEVENT\(eol)END:VCALENDAR\(eol)".utf8)
                let document = ICalendarReader.read(input, file: "fold.ics")
                #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
                #expect(document.events.first?.summary == summary)
            }
        }
    }

    @Test("a tab also folds, and only one whitespace character is removed")
    func tabFold() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:one\r\n\t two\r\n  three\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let document = ICalendarReader.read(bytes(text), file: "t.ics")
        #expect(document.components[0].components[0].first("DESCRIPTION")?.value == "one two three")
    }

    @Test("parameters: quoted, multi-valued, case-insensitive names, RFC 6868 carets")
    func parameters() throws {
        let document = try Corpus.read("quoted-and-multivalued-params.ics")
        let event = try #require(document.events.first)
        let organizer = try #require(event.component.first("ORGANIZER"))
        #expect(organizer.parameter("cn") == "Lee, Chris: Program Manager")
        #expect(organizer.parameter("SENT-BY") == "mailto:assistant@berkeley.edu")
        #expect(organizer.value == "mailto:chris.lee@berkeley.edu")
        let attendees = event.component.all("ATTENDEE")
        #expect(attendees[0].parameterValues("MEMBER") == ["mailto:theory@lists.example.org", "mailto:ml@lists.example.org"])
        #expect(attendees[1].parameter("CN") == "The \"Boss\"\nSecond line")
        #expect(event.component.first("DTEND")?.timeZoneID == "America/Los_Angeles")
        #expect(event.start == .zoned(PlainDateTime(year: 2024, month: 5, day: 9, hour: 11)!, tzid: "America/Los_Angeles"))
        #expect(event.description == "Plain text; with a semicolon, a comma and a backslash \\.")
        #expect(event.component.first("LOCATION")?.parameter("ALTREP") == "http://example.org/rooms/calvin")
        #expect(event.component.first("X-LABEL")?.parameterValues("X-NAMES") == ["one", "two", "three"])
    }

    @Test("problems carry file, line and column, on the physical line")
    func locations() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Paris:2024\r\n 0230T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let document = ICalendarReader.read(bytes(text), file: "bad-date.ics")
        let error = document.diagnostics.first { $0.severity == .error }
        #expect(error?.location == ICalendarSourceLocation(file: "bad-date.ics", line: 4, column: 27))
        #expect(error?.message == "DTSTART: invalid DATE-TIME \"20240230T120000\": invalid date 2024-02-30: february 2024 has 29 days")
    }

    @Test("malformed lines are reported and skipped; the rest is kept")
    func malformed() {
        let text = calendarText(["BEGIN:VEVENT", "UID:a", "no colon here", ";NOPE:x", "X-BAD;P=\"unterminated:value",
                                 "DTSTART:20240101T100000Z", "SUMMARY:kept", "END:VEVENT"])
        let document = ICalendarReader.read(bytes(text), file: "m.ics")
        let messages = document.diagnostics.map(\.description)
        #expect(messages == [
            "m.ics:6:3: error: malformed content line: expected ':' or ';' after NO, got \" colon here\"",
            "m.ics:7:1: error: malformed content line \";NOPE:x\": expected a property name",
            "m.ics:8:9: error: unterminated quoted value of parameter P of X-BAD; line skipped",
        ])
        #expect(document.events.first?.summary == "kept")
    }

    @Test("components: missing END recovered, stray END ignored, unknown components kept")
    func nesting() {
        let text = calendarText(["BEGIN:VEVENT", "UID:first", "DTSTART:20240101T100000Z",
                                 "BEGIN:VEVENT", "UID:second", "DTSTART:20240102T100000Z", "END:VEVENT",
                                 "END:VTODO", "BEGIN:X-THING", "X-A:1", "END:X-THING"])
        let document = ICalendarReader.read(bytes(text), file: "n.ics")
        #expect(document.events.map(\.uid) == ["first", "second"])
        #expect(document.diagnostics.map(\.description) == [
            "n.ics:7:1: error: missing END:VEVENT for BEGIN:VEVENT at line 4",
            "n.ics:11:1: error: END:VTODO without BEGIN:VTODO; ignored",
        ])
        #expect(document.components[0].components(named: "X-THING").first?.first("X-A")?.value == "1")
    }
}
