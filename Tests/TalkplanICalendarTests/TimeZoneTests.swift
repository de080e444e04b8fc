import Testing
import TalkplanICalendar
import TalkplanTime

@Suite("time zones: TZIDs, custom VTIMEZONEs, floating times")
struct TimeZoneTests {
    @Test("TZIDs that name tz zones", arguments: [
        ("Europe/Paris", "Europe/Paris", ICalendarTZIDReading.Method.iana),
        ("US/Central", "America/Chicago", .alias),
        ("europe/zurich", "Europe/Zurich", .iana),
        ("\"Europe/Berlin\"", "Europe/Berlin", .iana),
        ("/mozilla.org/20070129_1/Europe/Berlin", "Europe/Berlin", .prefixed),
        ("/softwarestudio.org/Olson_20011030_5/America/New_York", "America/New_York", .prefixed),
        ("Romance Standard Time", "Europe/Paris", .windows),
        ("Pacific SA Standard Time", "America/Santiago", .windows),
        ("Israel Standard Time", "Asia/Jerusalem", .windows),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Amsterdam", .windowsDisplayName),
        ("(UTC-06:00) Central Time (US & Canada)", "America/Chicago", .windowsDisplayName),
        ("(UTC-04:00) Santiago", "America/Santiago", .windowsDisplayName),
        ("(GMT+02.00) Jerusalem", "Asia/Jerusalem", .windowsDisplayName),
    ])
    func identify(_ tzid: String, _ zone: String, _ method: ICalendarTZIDReading.Method) throws {
        let reading = try #require(ICalendarTZID.identify(tzid))
        #expect(reading.zone.identifier == zone)
        #expect(reading.method == method)
    }

    @Test("names that only a VTIMEZONE or a guess can settle")
    func unknown() {
        #expect(ICalendarTZID.identify("Customized Time Zone") == nil)
        #expect(ICalendarTZID.identify("Station Local Time") == nil)
        #expect(ICalendarTZID.guess("Eastern")?.zone.identifier == "America/New_York")
        #expect(ICalendarTZID.guess("GMT+0530")?.zone.fixedOffset == UTCOffset(hours: 5, minutes: 30))
        #expect(ICalendarTZID.guess("Lausanne")?.zone.identifier == "Europe/Zurich")
        #expect(ICalendarTZID.guess("Nowhere at all") == nil)
    }

    @Test("a custom VTIMEZONE gives offsets, gaps and folds from its observances")
    func customZone() throws {
        let document = try Corpus.read("outlook-customized-time-zone.ics")
        let definition = try #require(document.calendars[0].timeZones.first)
        #expect(definition.tzid == "Customized Time Zone")
        let zone = ICalendarCustomZone(definition)
        #expect(zone.offset(at: try Instant(iso8601: "2024-07-01T00:00:00Z")) == UTCOffset(hours: 2))
        #expect(zone.offset(at: try Instant(iso8601: "2024-12-01T00:00:00Z")) == UTCOffset(hours: 1))
        #expect(zone.resolve(PlainDateTime(year: 2024, month: 3, day: 31, hour: 2, minute: 30)!)
            == .gap(before: UTCOffset(hours: 1)!, after: UTCOffset(hours: 2)!))
        #expect(zone.resolve(PlainDateTime(year: 2024, month: 10, day: 27, hour: 2, minute: 30)!)
            == .fold(before: UTCOffset(hours: 2)!, after: UTCOffset(hours: 1)!))
        // Outlook rules: the same transitions as the tz data's Europe/Paris for decades.
        let paris = try Zone("Europe/Paris")
        var instant = try Instant(iso8601: "2000-01-01T00:00:00Z")
        while instant < (try Instant(iso8601: "2037-01-01T00:00:00Z")) {
            #expect(zone.offset(at: instant) == paris.offset(at: instant), "\(instant)")
            instant = instant.adding(seconds: 86_400 * 7 + 3_600)
        }
        let event = document.events[2]
        #expect(event.times?.warnings == ["02:30 on 2024-10-27 is ambiguous in \"Customized Time Zone\" (at +02:00 then +01:00); read as 2024-10-27T02:30:00+02:00 (compatible)"])
    }

    @Test("a tzurl-style VTIMEZONE with BYMONTHDAY and BYDAY agrees with the tz data")
    func jerusalemRule() throws {
        let document = try Corpus.read("jerusalem-dst.ics")
        let zone = ICalendarCustomZone(try #require(document.calendars[0].timeZones.first))
        let jerusalem = try Zone("Asia/Jerusalem")
        // Israel's current rule (Friday before the last Sunday of March, last Sunday of October) since 2013.
        var instant = try Instant(iso8601: "2013-01-01T00:00:00Z")
        while instant < (try Instant(iso8601: "2030-01-01T00:00:00Z")) {
            #expect(zone.offset(at: instant) == jerusalem.offset(at: instant), "\(instant)")
            instant = instant.adding(seconds: 86_400 + 3_600)
        }
    }

    @Test("a VTIMEZONE that disagrees with the tz data is reported; the tz data wins")
    func disagreement() {
        let text = calendarText([
            "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
            "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100", "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT", "UID:x", "DTSTART;TZID=Europe/Paris:20240704T120000", "END:VEVENT",
        ])
        let event = ICalendarReader.read(bytes(text), file: "d.ics").events[0]
        #expect(event.times?.start.description == "2024-07-04T10:00:00Z")
        #expect(event.times?.warnings == [
            "the file's VTIMEZONE \"Europe/Paris\" puts DTSTART 2024-07-04T12:00:00 at +01:00 (2024-07-04T11:00:00Z), the tz data for Europe/Paris at +02:00 (2024-07-04T10:00:00Z); the tz data is used",
        ])
    }

    @Test("floating times: X-WR-TIMEZONE, then the default zone, then inference, else UTC")
    func floating() throws {
        let seed = try Corpus.seed("epfl-memento-seminar.ics")
        let inferred = ICalendarReader.read(seed, file: "memento.ics").events[0]
        #expect(inferred.times?.zone.ianaIdentifier == "Europe/Zurich")
        #expect(inferred.times?.start.description == "2021-05-10T14:30:00Z")
        #expect(inferred.times?.warnings == ["floating time 2021-05-10T16:30:00 read in Europe/Zurich, inferred: the feed is EPFL's (PRODID \"-//Memento EPFL//\"), in Lausanne"])

        let chicago = try Zone("America/Chicago")
        let defaulted = ICalendarReader.read(seed, file: "memento.ics", options: ICalendarReadOptions(defaultZone: chicago)).events[0]
        #expect(defaulted.times?.zone.ianaIdentifier == "America/Chicago")
        #expect(defaulted.times?.warnings == ["floating time 2021-05-10T16:30:00 read in America/Chicago, the default zone"])

        let none = try Corpus.read("floating-no-evidence.ics").events[0]
        #expect(none.times?.zone.ianaIdentifier == nil)
        #expect(none.times?.warnings == ["floating time 2024-02-15T10:00:00 read in UTC, as no zone is given and none could be inferred"])

        let stated = try Corpus.read("multiple-calendars.ics").events[1]
        #expect(stated.times?.warnings == ["floating time 2024-04-11T09:00:00 read in Asia/Tokyo, the calendar's X-WR-TIMEZONE"])
    }

    @Test("gaps and folds are read compatible, with a warning naming the span")
    func gapsAndFolds() throws {
        let chicago = try Corpus.read("chicago-dst.ics").events
        #expect(chicago[0].times?.warnings == ["02:30 on 2024-03-10 does not exist in America/Chicago (gap 02:00–03:00); read as 2024-03-10T03:30:00-05:00 (compatible)"])
        #expect(chicago[1].times?.warnings.first == "01:30 on 2024-11-03 is ambiguous in America/Chicago (fold 01:00–02:00, at -05:00 then -06:00); read as 2024-11-03T01:30:00-05:00 (compatible)")
    }
}
