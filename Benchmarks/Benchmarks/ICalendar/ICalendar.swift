import Benchmark
import WholeInputs
import TalkplanExtract
import TalkplanICalendar
import TalkplanTime

// iCalendar reading (`TalkplanICalendar`, and `TalkplanExtract` on top), one feed of about
// 4 MB built once before measuring and identical on every run: a VCALENDAR with Europe/Paris
// and America/Chicago VTIMEZONEs and 8,000 VEVENTs shaped like the seminar feeds talkplan
// reads (UID, DTSTAMP, DTSTART/DTEND with TZID, SUMMARY, a folded DESCRIPTION with escapes,
// LOCATION, URL, ORGANIZER with parameters; every tenth event weekly with an RRULE and an
// EXDATE, every twentieth an override with RECURRENCE-ID).
//
//   read        content lines unfolded and parsed, components built, events' times resolved
//               (ICalendarReader.read)
//   talks       the same and the talks talkplan makes of them (Extractor.extract: places,
//               online links, recurrence sets)
//
// One iteration reads the whole feed; with `scalingFactor: .one`, Throughput is feeds per
// second, so MB/s is Throughput × the feed's size in MB (printed in each benchmark's name).
// Benchmarks/icalendar-throughput.sh compares `talkplan extract` with Python's icalendar on a
// feed of the same shape, in one run.

private func feed(events: Int) -> [UInt8] {
    var text = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//Seminars//Feed//EN\r
    X-WR-CALNAME:Seminars\r
    BEGIN:VTIMEZONE\r
    TZID:Europe/Paris\r
    BEGIN:DAYLIGHT\r
    TZOFFSETFROM:+0100\r
    TZOFFSETTO:+0200\r
    TZNAME:CEST\r
    DTSTART:19700329T020000\r
    RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
    END:DAYLIGHT\r
    BEGIN:STANDARD\r
    TZOFFSETFROM:+0200\r
    TZOFFSETTO:+0100\r
    TZNAME:CET\r
    DTSTART:19701025T030000\r
    RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
    END:STANDARD\r
    END:VTIMEZONE\r

    """
    for index in 0..<events {
        let zone = index % 3 == 0 ? "America/Chicago" : "Europe/Paris"
        let month = index % 12 + 1
        let day = index % 28 + 1
        let hour = 9 + index % 8
        let date = "2024\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)"
        let time = "\(hour < 10 ? "0" : "")\(hour)"
        text += "BEGIN:VEVENT\r\n"
        text += "UID:seminar-\(index)@math.example.org\r\n"
        text += "DTSTAMP:20240101T000000Z\r\n"
        if index % 20 == 19 { text += "RECURRENCE-ID;TZID=\(zone):\(date)T\(time)0000\r\n" }
        text += "DTSTART;TZID=\(zone):\(date)T\(time)0000\r\n"
        text += "DTEND;TZID=\(zone):\(date)T\(time)4500\r\n"
        if index % 10 == 0 {
            text += "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20241231T235959Z\r\n"
            text += "EXDATE;TZID=\(zone):\(date)T\(time)0000\r\n"
        }
        text += "SUMMARY:Seminar \(index): Results on random structures\\, part \(index % 7)\r\n"
        text += "DESCRIPTION:Speaker \(index) (University \(index % 17)) presents joint work on ra\r\n"
        text += " ndom structures.\\nAbstract: we study a model and prove that its phases are \r\n"
        text += " separated by sharp transitions\\; open problems follow.\\nJoin: https://zoo\r\n"
        text += " m.us/j/9\(100_000_000 + index)\r\n"
        text += "LOCATION:Salle \(index % 40)\\, 45 rue d'Ulm\\, 75005 Paris\r\n"
        text += "URL:https://math.example.org/seminars/\(index)\r\n"
        text += "ORGANIZER;CN=\"Seminar, Organisers\":mailto:seminars@math.example.org\r\n"
        text += "END:VEVENT\r\n"
    }
    text += "END:VCALENDAR\r\n"
    return Array(text.utf8)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = WholeInputs.configuration

    let bytes = feed(events: 8_000)
    let options = ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 1, day: 1))
    Benchmark("read, \(WholeInputs.megabytes(bytes))") { benchmark in
        var events = 0
        for _ in benchmark.scaledIterations {
            events &+= ICalendarReader.read(bytes, file: "feed.ics").events.count
        }
        blackHole(events)
    }
    let input = AnnouncementInput(name: "feed.ics", bytes: bytes)
    Benchmark("talks, \(WholeInputs.megabytes(bytes))") { benchmark in
        var talks = 0
        for _ in benchmark.scaledIterations {
            talks &+= Extractor.extract(input, options: options).talks.count
        }
        blackHole(talks)
    }
}
