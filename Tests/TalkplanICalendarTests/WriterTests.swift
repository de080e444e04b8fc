import Foundation
import Testing
import TalkplanICalendar
import TalkplanTime

@Suite("writer: escaping, folding, VTIMEZONEs, determinism")
struct WriterTests {
    @Test("folding: at most 75 octets, never inside a UTF-8 sequence, CRLF, continuation with a space")
    func folding() {
        for length in [70, 74, 75, 76, 150, 400] {
            for filler in ["a", "é", "東", "🎓", "aé東🎓"] {
                var value = ""
                while value.utf8.count < length { value += filler }
                let property = ICalendarProperty.text("DESCRIPTION", value)
                let text = ICalendarFolding.line(property)
                let bytes = Array(text.utf8)
                #expect(bytes.suffix(2) == [0x0D, 0x0A])
                // Physical lines, split on CRLF at the byte level.
                var lines: [[UInt8]] = []
                var current: [UInt8] = []
                var index = 0
                while index < bytes.count {
                    if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                        lines.append(current)
                        current = []
                        index += 2
                    } else {
                        current.append(bytes[index])
                        index += 1
                    }
                }
                #expect(current.isEmpty)
                var unfolded: [UInt8] = []
                for (number, line) in lines.enumerated() {
                    #expect(line.count <= 75)
                    if number > 0 { #expect(line.first == 0x20) }
                    // Each physical line is valid UTF-8 on its own: no sequence was split.
                    #expect(String(validating: line, as: UTF8.self) != nil)
                    unfolded += number == 0 ? line : Array(line.dropFirst())
                }
                #expect(unfolded == Array(("DESCRIPTION:" + ICalendarText.escape(value)).utf8))
            }
        }
    }

    @Test("parameters are quoted when they hold : ; or , and caret-encoded")
    func parameters() {
        let property = ICalendarProperty("ATTENDEE", parameters: [
            ICalendarParameter("CN", "Lee, Chris: \"PM\"\nline"),
            ICalendarParameter("MEMBER", ["mailto:a@x.org", "mailto:b@x.org"]),
            ICalendarParameter("ROLE", "CHAIR"),
        ], value: "mailto:c@x.org")
        #expect(ICalendarFolding.unfolded(property)
            == "ATTENDEE;CN=\"Lee, Chris: ^'PM^'^nline\";MEMBER=\"mailto:a@x.org\",\"mailto:b@x.org\";ROLE=CHAIR:mailto:c@x.org")
    }

    func parisTalk() throws -> ICalendarEventDraft {
        let paris = try Zone("Europe/Paris")
        return ICalendarEventDraft(
            uid: "17436-1712232000-1712239200@www.math.ens.psl.eu",
            stamp: try Instant(iso8601: "2024-04-01T00:00:00Z"),
            start: .zoned(ZonedDateTime(try Instant(iso8601: "2024-04-04T10:00:00Z"), in: paris)),
            end: .zoned(ZonedDateTime(try Instant(iso8601: "2024-04-04T12:00:00Z"), in: paris)),
            summary: "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)",
            description: "Title: A Formula for Feature Learning; in large networks, with width → ∞",
            location: "Amphi Jaurès (29 Rue d’Ulm)",
            categories: ["Séminaire", "Data, science"],
            conferences: ["https://epfl.zoom.us/j/62277760614"])
    }

    @Test("a personal calendar: VTIMEZONE from the tz data for every TZID, read back identically")
    func personalCalendar() throws {
        let chicago = try Zone("America/Chicago")
        let ttic = ICalendarEventDraft(
            uid: "ttic@example.org", stamp: try Instant(iso8601: "2024-04-01T00:00:00Z"),
            start: .zoned(ZonedDateTime(try Instant(iso8601: "2023-12-06T16:30:00Z"), in: chicago)),
            end: .instant(try Instant(iso8601: "2023-12-06T17:30:00Z")),
            summary: "Dingli Yu", status: "cancelled", sequence: 2)
        let allDay = ICalendarEventDraft(uid: "day@example.org", stamp: try Instant(iso8601: "2024-04-01T00:00:00Z"),
                                         start: .date(PlainDate(year: 2024, month: 5, day: 13)!), summary: "Workshop")
        let writer = ICalendarWriter()
        let text = writer.text(writer.calendar([try parisTalk(), ttic, allDay], name: "My talks"))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talkplan//talkplan//EN\r\nCALSCALE:GREGORIAN\r\nNAME:My talks\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/Paris:20240404T120000\r\n"))
        #expect(text.contains("DTSTART;TZID=America/Chicago:20231206T103000\r\n"))
        #expect(text.contains("DTEND:20231206T173000Z\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20240513\r\n"))
        #expect(text.contains("CATEGORIES:Séminaire,Data\\, science\r\n"))
        #expect(!text.contains("X-TZINFO"))
        #expect(text.contains("TZNAME:CEST\r\n") && text.contains("TZNAME:CST\r\n"))
        let document = ICalendarReader.read(Array(text.utf8), file: "mine.ics")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        #expect(Set(document.calendars[0].timeZones.map(\.tzid)) == ["America/Chicago", "Europe/Paris"])
        let events = document.events
        #expect(events[0].times?.start.description == "2024-04-04T10:00:00Z")
        #expect(events[0].times?.end.description == "2024-04-04T12:00:00Z")
        #expect(events[0].times?.warnings == [])  // the generated VTIMEZONE agrees with the tz data
        #expect(events[0].description == "Title: A Formula for Feature Learning; in large networks, with width → ∞")
        #expect(events[0].categories == ["Séminaire", "Data, science"])
        #expect(events[0].conferences.map(\.uri) == ["https://epfl.zoom.us/j/62277760614"])
        #expect(events[1].times?.start.description == "2023-12-06T16:30:00Z")
        #expect(events[1].isCancelled && events[1].sequence == 2)
        // Every generated VTIMEZONE matches the tz data from the first time it is used for.
        let firstUse = ["Europe/Paris": "2024-04-04T00:00:00Z", "America/Chicago": "2023-12-06T00:00:00Z"]
        for definition in document.calendars[0].timeZones {
            let custom = ICalendarCustomZone(definition)
            let zone = try Zone(definition.tzid)
            var instant = try Instant(iso8601: firstUse[definition.tzid] ?? "")
            while instant < (try Instant(iso8601: "2030-01-01T00:00:00Z")) {
                #expect(custom.offset(at: instant) == zone.offset(at: instant), "\(definition.tzid) \(instant)")
                instant = instant.adding(seconds: 86_400 * 3 + 3_600)
            }
        }
        // Deterministic: the same events give the same bytes.
        #expect(writer.text(writer.calendar([try parisTalk(), ttic, allDay], name: "My talks")) == text)
    }

    @Test("a fixed-offset zone is written in UTC")
    func fixedOffset() throws {
        let zoned = ZonedDateTime(try Instant(iso8601: "2024-06-11T08:30:00Z"), in: .fixed(UTCOffset(hours: 5, minutes: 30)!))
        let draft = ICalendarEventDraft(uid: "u", stamp: .unixEpoch, start: .zoned(zoned))
        #expect(draft.component.first("DTSTART")?.value == "20240611T083000Z")
        #expect(draft.component.first("DTSTART")?.parameters == [])
    }

    @Test("VTIMEZONE generation names the TZID as used, and covers the earliest time")
    func generatedZone() throws {
        let text = calendarText(["BEGIN:VEVENT", "UID:a", "DTSTART;TZID=Asia/Calcutta:19990101T100000", "END:VEVENT",
                                 "BEGIN:VEVENT", "UID:b", "DTSTART;TZID=Romance Standard Time:20240101T100000", "END:VEVENT",
                                 "BEGIN:VEVENT", "UID:c", "DTSTART;TZID=Nowhere Time:20240101T100000", "END:VEVENT"])
        let document = ICalendarReader.read(Array(text.utf8), file: "g.ics")
        let (calendar, unresolved) = ICalendarWriter.addingTimeZones(to: document.components[0])
        #expect(unresolved == ["Nowhere Time"])
        let zones = calendar.components(named: "VTIMEZONE")
        #expect(zones.map { $0.first("TZID")?.value } == ["Asia/Calcutta", "Romance Standard Time"])
        #expect(calendar.components.first?.name == "VTIMEZONE")
    }
}
