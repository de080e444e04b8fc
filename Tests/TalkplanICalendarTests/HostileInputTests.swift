import Foundation
import Testing
import TalkplanExtract
import TalkplanICalendar

/// Inputs that must give diagnostics (and exit status 1 in `talkplan extract`), never a crash,
/// a hang or unbounded work.
@Suite("hostile inputs")
struct HostileInputTests {
    func extract(_ bytes: [UInt8]) -> ExtractionResult {
        Extractor.extract(AnnouncementInput(name: "hostile.ics", bytes: bytes), options: ExtractionOptions())
    }

    func timed<T>(_ body: () -> T) -> (T, Duration) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = clock.measure { result = body() }
        return (result!, elapsed)
    }

    @Test("a truncated file keeps what it read")
    func truncated() throws {
        let seed = try Corpus.seed("ens-paris-colloquium.ics")
        for cut in stride(from: 16, to: seed.count, by: 97) {
            var bytes = Array(seed[..<cut])
            if cut > 400 { bytes[cut - 1] = 0xE2 }  // end inside a multi-byte sequence too
            let result = extract(bytes)
            #expect(result.hasErrors, "cut at \(cut)")
        }
        let mostly = Array(seed[..<(seed.count - 30)])
        let result = extract(mostly)
        #expect(result.talks.count == 1)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("missing END:VCALENDAR for BEGIN:VCALENDAR at line 1") })
    }

    @Test("missing END lines")
    func missingEnd() {
        let text = calendarText(["BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", "BEGIN:VALARM", "TRIGGER:-PT5M",
                                 "BEGIN:VEVENT", "UID:b", "DTSTART:20240102T100000Z"]).replacingOccurrences(of: "END:VCALENDAR\r\n", with: "")
        let result = extract(Array(text.utf8))
        #expect(result.talks.map(\.id) == ["a", "b"])
        #expect(result.diagnostics.map(\.description) == [
            "hostile.ics:9:1: error: missing END:VALARM for BEGIN:VALARM at line 7",
            "hostile.ics:9:1: error: missing END:VEVENT for BEGIN:VEVENT at line 4",
            "hostile.ics:11:1: error: missing END:VEVENT for BEGIN:VEVENT at line 9 (the input ends first)",
            "hostile.ics:11:1: error: missing END:VCALENDAR for BEGIN:VCALENDAR at line 1 (the input ends first)",
        ])
    }

    @Test("a 1 MB line is reported and skipped without being buffered")
    func hugeLine() {
        let huge = "DESCRIPTION:" + String(repeating: "x", count: 1 << 20)
        let text = calendarText(["BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", huge, "SUMMARY:after", "END:VEVENT"])
        let (result, elapsed) = timed { extract(Array(text.utf8)) }
        #expect(result.talks.first?.title == "after")
        #expect(result.diagnostics.map(\.description) == ["hostile.ics:7:1: error: DESCRIPTION content line of 1048588 bytes is longer than the 262144 bytes allowed; skipped"])
        #expect(elapsed < .seconds(5))
        // The same bytes folded into many physical lines.
        var folded = "DESCRIPTION:"
        for _ in 0..<(1 << 14) { folded += "\r\n " + String(repeating: "y", count: 64) }
        let foldedResult = extract(Array(calendarText(["BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", folded, "END:VEVENT"]).utf8))
        #expect(foldedResult.hasErrors)
        #expect(foldedResult.talks.count == 1)
    }

    @Test("a line with no line break at all, 1 MB long")
    func noLineBreaks() {
        let (result, elapsed) = timed { extract(Array(("BEGIN:VCALENDAR" + String(repeating: "A", count: 1 << 20)).utf8)) }
        #expect(result.hasErrors)
        #expect(elapsed < .seconds(5))
    }

    @Test("invalid UTF-8 is reported where it is and replaced")
    func invalidUTF8() {
        var bytes = Array(calendarText(["BEGIN:VEVENT", "UID:a", "DTSTART:20240101T100000Z", "SUMMARY:caf@ ok", "END:VEVENT"]).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "@"))!
        bytes[at] = 0xE9  // Latin-1 é
        let result = extract(bytes)
        #expect(result.hasErrors)
        #expect(result.diagnostics.map(\.description) == ["hostile.ics:7:12: error: invalid UTF-8 (byte 0xE9); replaced by U+FFFD"])
        #expect(result.talks.first?.title == "caf\u{FFFD} ok")
    }

    @Test("10,000 nested BEGINs: bounded depth, no recursion")
    func deepNesting() {
        for name in ["X-DEEP", "VEVENT", "VALARM"] {
            let text = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:\(name)\r\n", count: 10_000)
                + String(repeating: "END:\(name)\r\n", count: 10_000) + "END:VCALENDAR\r\n"
            let (result, elapsed) = timed { extract(Array(text.utf8)) }
            #expect(result.hasErrors, "\(name)")
            #expect(result.diagnostics.count <= 201)
            #expect(elapsed < .seconds(10), "\(name): \(elapsed)")
        }
        let writer = ICalendarWriter()
        let document = ICalendarReader.read(Array(("BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:X-DEEP\r\n", count: 10_000)).utf8), file: "deep.ics")
        #expect(writer.text(document.components).count > 0)
    }

    @Test("half a million components and more: the rest is reported and skipped")
    func tooManyComponents() {
        var text = "BEGIN:VCALENDAR\r\n"
        text += String(repeating: "BEGIN:VEVENT\r\nEND:VEVENT\r\n", count: ICalendarLimits.maximumComponents)
        text += "END:VCALENDAR\r\n"
        let (components, diagnostics) = ICalendarParser.parse(Array(text.utf8), file: "many.ics")
        // VCALENDAR is component 1; the one too many, VEVENT number 500,000, begins on line 1,000,000.
        let line = 2 + 2 * (ICalendarLimits.maximumComponents - 1)
        #expect(diagnostics.first?.description
                == "many.ics:\(line):1: error: more than 500000 components; the rest of the input is skipped")
        #expect(components.first?.components.count == ICalendarLimits.maximumComponents - 1)
    }

    @Test("binary junk gives errors, capped, quickly")
    func binaryJunk() {
        // Deterministic junk (a 64-bit linear congruential generator), 1 MiB.
        var state: UInt64 = 0x5DEE_CE66
        var junk = (0..<(1 << 20)).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let (result, elapsed) = timed { extract(Array("BEGIN:VCALENDAR\r\n".utf8) + junk) }
        #expect(result.hasErrors)
        #expect(result.diagnostics.count == 201)
        #expect(result.diagnostics.last?.message.hasSuffix("more problems in this input were not listed") == true)
        #expect((result.diagnostics.last?.location.line ?? 0) > 1000)
        #expect(elapsed < .seconds(10))
        junk = Array(repeating: 0, count: 1 << 16)
        let zeros = extract(Array("BEGIN:VCALENDAR\r\n".utf8) + junk)
        #expect(zeros.hasErrors)
    }

    @Test("time-zone bombs: many observances, rules that never match, many TZIDs")
    func zoneBombs() {
        var lines = ["BEGIN:VTIMEZONE", "TZID:Bomb"]
        for index in 0..<2_000 {
            lines += ["BEGIN:DAYLIGHT", "DTSTART:00010101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0\(index % 2 + 1)00",
                      "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "END:DAYLIGHT",
                      "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                      "RRULE:FREQ=YEARLY;BYMONTH=\(index % 12 + 1);BYDAY=-1SU", "END:STANDARD"]
        }
        lines.append("END:VTIMEZONE")
        for index in 0..<500 {
            lines += ["BEGIN:VEVENT", "UID:e\(index)", "DTSTART;TZID=Bomb:20240404T120000",
                      "DTEND;TZID=Unknown Zone \(index):20240404T130000", "END:VEVENT"]
        }
        let (result, elapsed) = timed { extract(Array(calendarText(lines).utf8)) }
        #expect(result.talks.count == 500)
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test("an empty calendar and a file that is not iCalendar")
    func empty() {
        let none = ICalendarReader.read([], file: "empty.ics")
        #expect(none.diagnostics.map(\.description) == ["empty.ics:1:1: error: no iCalendar data: BEGIN:VCALENDAR not found"])
        let result = extract(Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8))
        #expect(!result.hasErrors && result.talks.isEmpty)
    }

    @Test("impossible dates and bad values are errors; the event stays when it can")
    func badValues() {
        let text = calendarText(["BEGIN:VEVENT", "UID:a", "DTSTART:20240230T100000Z", "END:VEVENT",
                                 "BEGIN:VEVENT", "UID:b", "DTSTART:20240301T100000Z", "DURATION:P1X", "RRULE:FREQ=SOMETIMES",
                                 "SEQUENCE:many", "END:VEVENT", "BEGIN:VEVENT", "UID:c", "END:VEVENT"])
        let result = extract(Array(text.utf8))
        #expect(result.talks.map(\.id) == ["b"])
        #expect(result.talks.first?.endEstimated == true)
        #expect(result.diagnostics.map(\.description) == [
            "hostile.ics:6:9: error: DTSTART: invalid DATE-TIME \"20240230T100000Z\": invalid date 2024-02-30: february 2024 has 29 days",
            "hostile.ics:11:10: error: DURATION: invalid DURATION \"P1X\": expected a form like P1D, PT1H30M or -PT15M",
            "hostile.ics:12:7: error: RRULE: invalid RECUR \"FREQ=SOMETIMES\": unknown FREQ \"SOMETIMES\"",
            "hostile.ics:13:10: warning: SEQUENCE \"many\" is not a non-negative integer; 0 is used",
            "hostile.ics:15:1: error: VEVENT \"c\" at line 15 has no DTSTART",
        ])
    }
}
