import Testing
import TalkplanTime
@testable import TalkplanICalendar

/// The reader's byte-level shortcuts, each checked against a plain reference written here
/// (or against ICU, the engine the zone tables are compiled from) on varied and random input.
@Suite("iCalendar reader: byte-level paths")
struct ReaderFastPathTests {
    /// A small deterministic generator, so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    @Test("line breaks found eight bytes at a time are the first CR or LF")
    func lineBreaks() {
        var random = Generator(state: 1)
        for _ in 0..<300 {
            let count = random.below(80)
            let bytes = (0..<count).map { _ -> UInt8 in
                switch random.below(10) {
                case 0: 0x0A
                case 1: 0x0D
                case 2: UInt8(0x80 + random.below(0x80))
                default: UInt8(0x20 + random.below(0x5F))
                }
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...count {
                    let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? count
                    #expect(LineBreaks.first(in: buffer, from: start) == expected)
                }
            }
        }
    }

    @Test("UTF-8 is judged as the standard library judges it, ASCII runs skipped eight bytes at a time")
    func utf8Check() {
        var random = Generator(state: 2)
        let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("😀".utf8), Array("ab€cdefgh".utf8),
                                 [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(12) {
                bytes += random.below(4) == 0 ? pieces[random.below(pieces.count)] : Array("plain text".utf8)
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let invalid = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidOffset($0) }
            #expect((invalid == nil) == valid, "\(bytes)")
            if let invalid {
                #expect(String(validating: bytes[..<invalid], as: UTF8.self) != nil)
            }
        }
    }

    /// TEXT unescaping as RFC 5545 §3.3.11 states it, scalar by scalar.
    func referenceUnescape(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else { result.unicodeScalars.append(scalar); continue }
            switch scalars.next() {
            case "n"?, "N"?: result += "\n"
            case let escaped? where escaped == "\\" || escaped == ";" || escaped == "," || escaped == ":":
                result.unicodeScalars.append(escaped)
            case let other?: result += "\\"; result.unicodeScalars.append(other)
            case nil: result += "\\"
            }
        }
        return result
    }

    @Test("TEXT values unescape on bytes as they do scalar by scalar")
    func unescape() {
        var random = Generator(state: 3)
        let alphabet: [String] = ["\\", "\\", "n", "N", ";", ",", ":", "x", " ", "é", "😀", "e\u{301}"]
        for _ in 0..<3_000 {
            let text = (0..<random.below(24)).map { _ in alphabet[random.below(alphabet.count)] }.joined()
            #expect(ICalendarText.unescape(text) == referenceUnescape(text), "\(text.debugDescription)")
            #expect(ICalendarText.unescape(Substring(text)) == referenceUnescape(text))
        }
        #expect(ICalendarText.unescape("Room 2\\, floor 1\\nBring a laptop\\") == "Room 2, floor 1\nBring a laptop\\")
    }

    @Test("known names match in any letter case; anything else is upper-cased as written")
    func knownNames() {
        func read(_ text: String) -> String { Array(text.utf8).withUnsafeBufferPointer { KnownNames.upperCased($0) } }
        #expect(read("dtstart") == "DTSTART")
        #expect(read("DtStArT") == "DTSTART")
        #expect(read("x-wr-calname") == "X-WR-CALNAME")
        #expect(read("recurrence-id") == "RECURRENCE-ID")
        #expect(read("X-Custom-Thing") == "X-CUSTOM-THING")
        // One byte away from a known name, or its non-letter bytes case-shifted: not that name.
        #expect(read("DTSTARX") == "DTSTARX")
        #expect(read("X\rWR-CALNAME") == "X\rWR-CALNAME")
        #expect(read("V{VENT") == "V{VENT")
        #expect(read("") == "")
        #expect(ByteText.upperASCII("tzid") == "TZID")
        #expect(ByteText.upperASCII("Straße") == "STRAßE")
    }

    @Test("trimming cuts spaces, tabs and line breaks at both ends only")
    func trimming() {
        #expect(" \t Europe/Paris\r\n".trimmingICalendarWhitespace() == "Europe/Paris")
        #expect("Europe/Paris".trimmingICalendarWhitespace() == "Europe/Paris")
        #expect("  ".trimmingICalendarWhitespace() == "")
        #expect(" é b ".trimmingICalendarWhitespace() == "é b")
        #expect(Substring(" x ").trimmingICalendarWhitespace() == "x")
        #expect(ByteText.split("FREQ=WEEKLY;;BYDAY=TU;", UInt8(ascii: ";")) == ["FREQ=WEEKLY", "BYDAY=TU"])
        #expect(ByteText.split("A=B=C", UInt8(ascii: "="), maxSplits: 1, omittingEmpty: false) == ["A", "B=C"])
    }

    @Test("DATE-TIME basic forms read at once agree with the fields written; the rest keep their notes and errors")
    func basicDateTimes() throws {
        var random = Generator(state: 4)
        for _ in 0..<2_000 {
            let year = 1 + random.below(9_999), month = 1 + random.below(12), day = 1 + random.below(28)
            let hour = random.below(24), minute = random.below(60), second = random.below(60)
            func pad(_ value: Int, _ width: Int) -> String {
                let digits = String(value)
                return String(repeating: "0", count: width - digits.count) + digits
            }
            let text = pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(hour, 2) + pad(minute, 2) + pad(second, 2)
            let wall = PlainDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)!
            var notes: [String] = []
            #expect(try ICalendarDateTime.parse(text, tzid: nil, notes: &notes) == .floating(wall))
            #expect(try ICalendarDateTime.parse(text + "Z", tzid: nil, notes: &notes) == .utc(wall))
            #expect(try ICalendarDateTime.parse(text, tzid: "Europe/Paris", notes: &notes) == .zoned(wall, tzid: "Europe/Paris"))
            #expect(try ICalendarDateTime.parse(String(text.prefix(8)), tzid: nil, notes: &notes) == .date(wall.date))
            #expect(notes.isEmpty)
        }
        var notes: [String] = []
        #expect(try ICalendarDateTime.parse("20240404T240000", tzid: nil, notes: &notes)
            == .floating(PlainDateTime(year: 2024, month: 4, day: 5)!))
        #expect(try ICalendarDateTime.parse("20161231T235960Z", tzid: nil, notes: &notes)
            == .utc(PlainDateTime(year: 2016, month: 12, day: 31, hour: 23, minute: 59, second: 59)!))
        #expect(try ICalendarDateTime.parse("20240404T100000Z", tzid: "Europe/Paris", notes: &notes)
            == .utc(PlainDateTime(year: 2024, month: 4, day: 4, hour: 10)!))
        #expect(notes == ["\"20240404T240000\" says 24:00; read as 00:00 the next day",
                          "\"20161231T235960Z\" names a leap second; read as second 59",
                          "TZID \"Europe/Paris\" ignored on the UTC time \"20240404T100000Z\""])
        #expect(throws: ICalendarValueError.self) { try ICalendarDateTime.parse("20240230T120000", tzid: nil) }
        #expect(throws: ICalendarValueError.self) { try ICalendarDateTime.parse("20240404T126000", tzid: nil) }
        #expect(throws: ICalendarValueError.self) { try ICalendarDateTime.parse("2024040AT120000", tzid: nil) }
    }

    @Test("a long folded value survives the join buffer growing, with locations on its continuation lines")
    func longFoldedLine() {
        let text = String((0..<40_000).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
        var folded = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:long\r\nDTSTART:20240404T100000Z\r\nDESCRIPTION:"
        var rest = Substring(text)
        folded += rest.prefix(60)
        rest = rest.dropFirst(60)
        while !rest.isEmpty {
            folded += "\r\n " + rest.prefix(74)
            rest = rest.dropFirst(74)
        }
        folded += "\r\nSUMMARY;X-BAD=\"open:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let document = ICalendarReader.read(Array(folded.utf8), file: "long.ics")
        #expect(document.events.first?.description == text)
        let lastLine = folded.split(separator: "\r\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("SUMMARY") }! + 1
        #expect(document.diagnostics.map(\.description)
            == ["long.ics:\(lastLine):15: error: unterminated quoted value of parameter X-BAD of SUMMARY; line skipped"])
    }

    @Test("times read through a busy zone's compiled table equal ICU's, gaps and folds included")
    func busyZoneTables() throws {
        let chicago = try Zone("America/Chicago")
        // Enough events for the zone to get its table (BusyZoneTables.threshold), with wall times
        // spread over 1990-2060, then the 2024 gap and fold (hand-checked: 02:30 on 2024-03-10 does
        // not exist and reads as 03:30 CDT = 08:30Z; 01:30 on 2024-11-03 happens twice, CDT first = 06:30Z).
        var random = Generator(state: 5)
        var walls: [PlainDateTime] = []
        for _ in 0..<(BusyZoneTables.threshold * 3) {
            let date = PlainDate(year: 1990, month: 1, day: 1)!.adding(days: Int64(random.below(70 * 366)))
            walls.append(PlainDateTime(date: date, time: PlainTime(hour: random.below(24), minute: random.below(4) * 15)!))
        }
        let gap = PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!
        let fold = PlainDateTime(year: 2024, month: 11, day: 3, hour: 1, minute: 30)!
        walls += [gap, fold]
        var feed = "BEGIN:VCALENDAR\r\n"
        for (index, wall) in walls.enumerated() {
            feed += "BEGIN:VEVENT\r\nUID:\(index)\r\nDTSTART;TZID=America/Chicago:\(ICalendarDateTime.dateTimeText(wall))\r\nEND:VEVENT\r\n"
        }
        feed += "END:VCALENDAR\r\n"
        let events = ICalendarReader.read(Array(feed.utf8), file: "busy.ics").events
        #expect(events.count == walls.count)
        for (event, wall) in zip(events, walls) {
            let expected = try chicago.instant(for: wall, disambiguation: .compatible)
            #expect(event.times?.start == expected, "\(wall)")
            #expect(event.times?.localStart.offset == chicago.offset(at: expected), "\(wall)")
        }
        #expect(events[events.count - 2].times?.start == (try Instant(iso8601: "2024-03-10T08:30:00Z")))
        #expect(events[events.count - 1].times?.start == (try Instant(iso8601: "2024-11-03T06:30:00Z")))
        #expect(events[events.count - 2].times?.warnings.count == 1)
        #expect(events[events.count - 1].times?.warnings.count == 1)
    }

    @Test("one-valued and many-valued parameters read, compare and change alike")
    func parameterValues() {
        var member = ICalendarParameter("member", ["mailto:a@x.org"])
        #expect(member == ICalendarParameter("MEMBER", "mailto:a@x.org"))
        #expect(member.hashValue == ICalendarParameter("MEMBER", "mailto:a@x.org").hashValue)
        member.values.append("mailto:b@x.org")
        #expect(member.values == ["mailto:a@x.org", "mailto:b@x.org"])
        #expect(member.value == "mailto:a@x.org")
        #expect(member != ICalendarParameter("MEMBER", "mailto:a@x.org"))
        member.values = []
        #expect(member.value == "")
        #expect(ICalendarProperty("X", parameters: [member], value: "").parameter("member") == nil)
        let read = ICalendarReader.read(Array("BEGIN:VCALENDAR\r\nX-A;MEMBER=\"a\",\"b\";CN=c:v\r\nEND:VCALENDAR\r\n".utf8), file: "p.ics")
        #expect(read.components[0].properties[0].parameters == [ICalendarParameter("MEMBER", ["a", "b"]), ICalendarParameter("CN", "c")])
    }

    @Test("properties around a nested component stay with their own component, in order")
    func nestedProperties() {
        let text = """
        BEGIN:VCALENDAR\r\nA:1\r\nBEGIN:VEVENT\r\nB:1\r\nBEGIN:VALARM\r\nC:1\r\nC:2\r\nEND:VALARM\r\nB:2\r\n\
        BEGIN:VALARM\r\nD:1\r\nEND:VALARM\r\nB:3\r\nEND:VEVENT\r\nA:2\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nA:3\r\nEND:VCALENDAR\r\n
        """
        let calendar = ICalendarReader.read(Array(text.utf8), file: "n.ics").components[0]
        func names(_ component: ICalendarComponent) -> [String] { component.properties.map { $0.name + $0.value } }
        #expect(names(calendar) == ["A1", "A2", "A3"])
        #expect(names(calendar.components[0]) == ["B1", "B2", "B3"])
        #expect(calendar.components[0].components.map(names) == [["C1", "C2"], ["D1"]])
        #expect(names(calendar.components[1]) == [])
        // Many properties in one component: the gathering buffer grows.
        let many = "BEGIN:VCALENDAR\r\n" + (0..<100).map { "X-N:\($0)\r\n" }.joined() + "END:VCALENDAR\r\n"
        #expect(ICalendarReader.read(Array(many.utf8), file: "m.ics").components[0].properties.map(\.value) == (0..<100).map(String.init))
    }
}
