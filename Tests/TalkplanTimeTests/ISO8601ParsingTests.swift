import Testing
import TalkplanTime

/// Inputs that no date-time or offset parser may accept; each must throw (or
/// return `nil` on the byte path), never crash. (Some are valid basic times,
/// such as `2024` for 20:24, so `PlainTime` has its own cases.)
let malformedDateTimes: [String] = [
    "", "\r", "\r\r", "2", "2024", "2024-", "2024-03", "2024-03-1", "2024-03-10", "2024-03-10T",
    "2024-03-10T08", "2024-03-10T08:", "2024-03-10T08:0", "2024-03-10T08:00:", "2024-03-10T08:00:0",
    "2024-03-10T08:00:00.", "2024-03-10T08:00:00.Z", "abcd-ef-ghTij:kl:mnZ", "2024-03-10X08:00:00Z",
    "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
    "2024-03-00T00:00:00Z", "2024-03-32T00:00:00Z", "2024-03-10T24:00:00Z", "2024-03-10T23:60:00Z",
    "2024-03-10T23:59:60Z", "2024-03-10T08:00:00.1234567890Z", "2024-03-10T0830Z", "2024-0310T08:00Z",
    "202403-10T08:00Z", "20240310T08:00Z", "99999999999999999999", "+2024-03-10T08:00:00Z",
    "-000000-01-01T00:00:00Z", "+1000000-01-01T00:00:00Z", "2024-3-10T08:00:00Z", "2024-03-10T8:00:00Z",
    " 2024-03-10T08:00:00Z", "2024-03-10T08:00:00Z ", "2024-03-10T08:00:00Z\n", "2024-03-10T08:00:00Z\r\r",
    "2024-03-10T08:00:00Z\r\n", "2024-03-10\t08:00:00Z", "2024-03-10T08:00:00+", "2024-03-10T08:00:00+0",
    "2024-03-10T08:00:00+02:0", "2024-03-10T08:00:00+02:", "2024-03-10T08:00:00+2", "2024-03-10T08:00:00+24:00",
    "2024-03-10T08:00:00+02:60", "2024-03-10T08:00:00+02:00:60", "2024-03-10T08:00:00+02:00:", "2024-03-10T08:00:00ZZ",
    "2024-03-10T08:00:00Z[UTC]", "２０２４-03-10T08:00:00Z", "2024-03-10T08:00:00−05:00", "2024-03-10T08.5Z",
    "2024-03-10T08:00.5Z", "T08:00:00Z", "08:00:00Z", "2024-03-10T08:00:00GMT",
]

@Suite("ISO 8601 parsing")
struct ISO8601ParsingTests {
    @Test("accepted instant forms", arguments: [
        ("2024-03-10T08:00:00Z", 1_710_057_600, 0),
        ("2024-03-10t08:00:00z", 1_710_057_600, 0),
        ("2024-03-10 08:00:00Z", 1_710_057_600, 0),
        ("2024-03-10T08:00Z", 1_710_057_600, 0),
        ("2024-03-10T08:00:00Z\r", 1_710_057_600, 0),
        ("2024-03-10T08:00:00.5Z", 1_710_057_600, 500_000_000),
        ("2024-03-10T08:00:00,25Z", 1_710_057_600, 250_000_000),
        ("2024-03-10T08:00:00.123456789Z", 1_710_057_600, 123_456_789),
        ("2024-03-10T08:00:00.000000001Z", 1_710_057_600, 1),
        ("2024-03-10T10:00:00+02:00", 1_710_057_600, 0),
        ("2024-03-10T10:00:00+0200", 1_710_057_600, 0),
        ("2024-03-10T10:00:00+02", 1_710_057_600, 0),
        ("2024-03-10T10:00+02", 1_710_057_600, 0),
        ("2024-03-10T03:00:00-05:00", 1_710_057_600, 0),
        ("2024-03-10T08:00:00-00:00", 1_710_057_600, 0),
        ("2024-03-10T13:53:28+05:53:28", 1_710_057_600, 0),
        ("2024-03-10T13:53:28+055328", 1_710_057_600, 0),
        ("20240310T080000Z", 1_710_057_600, 0),
        ("20240310T0800Z", 1_710_057_600, 0),
        ("20240310T030000.5-0500", 1_710_057_600, 500_000_000),
        ("+002024-03-10T08:00:00Z", 1_710_057_600, 0),
        // Source: Python closed form, days(-1, 1, 1) = -719893; x 86400.
        ("-000001-01-01T00:00:00Z", -62_198_755_200, 0),
        ("1969-12-31T23:59:59.999Z", -1, 999_000_000),
        ("-999999-01-01T00:00:00Z", -31_619_087_596_800, 0),
        ("+999999-12-31T23:59:59.999999999Z", 31_494_784_780_799, 999_999_999),
    ] as [(String, Int64, Int32)])
    func acceptedInstants(text: String, seconds: Int64, nanoseconds: Int32) throws {
        let instant = try Instant(iso8601: text)
        #expect(instant == Instant(seconds: seconds, nanoseconds: nanoseconds))
        #expect(Array(text.utf8).withUnsafeBytes(ISO8601.parseInstant) == instant)
        // Substrings work too.
        let padded = "[" + text + "]"
        #expect(try Instant(iso8601: padded.dropFirst().dropLast()) == instant)
    }

    @Test("Python instants parse in both forms", arguments: pythonInstantTable)
    func pythonInstants(row: (seconds: Int64, nanoseconds: Int32, utc: String, offset: Int32, local: String)) throws {
        let expected = Instant(seconds: row.seconds, nanoseconds: row.nanoseconds)
        #expect(try Instant(iso8601: row.utc) == expected)
        #expect(try Instant(iso8601: row.local) == expected)
        let parsed = try OffsetDateTime(iso8601: row.local)
        #expect(parsed.offset.seconds == row.offset)
        #expect(parsed.instant == expected)
        #expect(parsed.description == row.local)
        #expect(Array(row.local.utf8).withUnsafeBytes(ISO8601.parseOffsetDateTime) == parsed)
    }

    @Test("malformed inputs are rejected", arguments: malformedDateTimes)
    func malformed(text: String) {
        #expect(throws: TimeError.self) { try Instant(iso8601: text) }
        #expect(throws: TimeError.self) { try OffsetDateTime(iso8601: text) }
        #expect(throws: TimeError.self) { try PlainDateTime(iso8601: text) }
        #expect(throws: TimeError.self) { try UTCOffset(iso8601: text) }
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes(ISO8601.parseInstant) == nil)
        #expect(bytes.withUnsafeBytes(ISO8601.parseOffsetDateTime) == nil)
        #expect(bytes.withUnsafeBytes(ISO8601.parsePlainDateTime) == nil)
    }

    @Test func errorMessages() {
        func message(_ body: () throws -> Void) -> String {
            do {
                try body()
                return "no error"
            } catch let error as TimeError {
                return error.message
            } catch {
                return "unexpected error type \(type(of: error))"
            }
        }
        #expect(message { _ = try Instant(iso8601: "2024-03-10T0830") }
                == #"expected ':' at column 14 in "2024-03-10T0830""#)
        #expect(message { _ = try Instant(iso8601: "") }
                == "empty input, expected an instant like 2024-03-10T08:00:00Z")
        #expect(message { _ = try Instant(iso8601: "2024-03-10T08:00:00") }
                == #"expected offset ('Z', '+HH:MM' or '-HH:MM') at column 20 (end of input) in "2024-03-10T08:00:00""#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10T08") }
                == #"expected ':' at column 14 (end of input) in "2024-03-10T08""#)
        #expect(message { _ = try Instant(iso8601: "2024-13-01T00:00:00Z") }
                == #"invalid date 2024-13-01 in "2024-13-01T00:00:00Z": month 13 is not in 1...12"#)
        #expect(message { _ = try PlainDate(iso8601: "2024-02-30") }
                == #"invalid date 2024-02-30 in "2024-02-30": february 2024 has 29 days"#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10T24:00:00Z") }
                == #"invalid time 24:00:00 in "2024-03-10T24:00:00Z": hour 24 is not in 0...23"#)
        #expect(message { _ = try PlainDateTime(iso8601: "2024-03-10T23:59:60") }
                == #"invalid time 23:59:60 in "2024-03-10T23:59:60": leap seconds are not supported"#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10T08:00:00.1234567890Z") }
                == #"more than 9 fractional second digits at column 30 in "2024-03-10T08:00:00.1234567890Z""#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10T08:00:00+24:00") }
                == #"invalid offset +24:00 in "2024-03-10T08:00:00+24:00": hour 24 is not in 0...23"#)
        #expect(message { _ = try PlainDateTime(iso8601: "2024-03-10T02:30:00+01:00") }
                == #"unexpected offset at column 20 in "2024-03-10T02:30:00+01:00": a plain date-time has no offset"#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10T08:00:00Zjunk") }
                == #"unexpected character 'j' at column 21 in "2024-03-10T08:00:00Zjunk""#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10T08:00:00Z\n") }
                == #"unexpected byte 0x0A at column 21 in "2024-03-10T08:00:00Z\n""#)
        #expect(message { _ = try Instant(iso8601: "2024-03-10X08:00:00Z") }
                == #"expected 'T' or ' ' between date and time at column 11 in "2024-03-10X08:00:00Z""#)
        #expect(message { _ = try PlainDate(iso8601: "-000000-01-01") }
                == #"invalid year -000000 in "-000000-01-01": year zero is written 0000"#)
        #expect(message { _ = try UTCOffset(iso8601: "02:00") }
                == #"expected 'Z', '+' or '-' at column 1 in "02:00""#)
        #expect(message { _ = try Instant(iso8601: "+999999-12-31T23:00:00-05:00") }
                == #"instant out of range in "+999999-12-31T23:00:00-05:00": supported instants are "#
                + "-999999-01-01T00:00:00Z...+999999-12-31T23:59:59.999999999Z")
        let long = String(repeating: "x", count: 200)
        #expect(message { _ = try Instant(iso8601: long) }
                == "expected digit at column 1 in \"" + String(repeating: "x", count: 80) + "…\"")
    }

    @Test func offsetDateTimeKeepsTheOffset() throws {
        let value = try OffsetDateTime(iso8601: "2024-03-10T03:00:00-05:00")
        #expect(value.dateTime == PlainDateTime(year: 2024, month: 3, day: 10, hour: 3))
        #expect(value.offset == UTCOffset(hours: -5))
        #expect(value.instant == Instant(seconds: 1_710_057_600))
        #expect(try OffsetDateTime(iso8601: "2024-03-10T08:00:00Z").offset == .zero)
        // Wall times at the calendar edge keep their offset even when the instant is beyond it.
        let edge = try OffsetDateTime(iso8601: "+999999-12-31T23:00:00-05:00")
        #expect(edge.instant > Instant.max)
        #expect(throws: TimeError.self) { try Instant(iso8601: "+999999-12-31T23:00:00-05:00") }
        #expect(throws: TimeError.self) { try Instant(iso8601: "-999999-01-01T00:00:00+00:01") }
    }

    @Test func plainDateTimeForms() throws {
        let expected = PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)
        #expect(try PlainDateTime(iso8601: "2024-03-10T02:30:00") == expected)
        #expect(try PlainDateTime(iso8601: "2024-03-10T02:30") == expected)
        #expect(try PlainDateTime(iso8601: "2024-03-10 02:30") == expected)
        #expect(try PlainDateTime(iso8601: "2024-03-10t02:30:00\r") == expected)
        #expect(try PlainDateTime(iso8601: "20240310T023000") == expected)
        #expect(try PlainDateTime(iso8601: "2024-03-10T02:30:00.25")
                == PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30, nanosecond: 250_000_000))
        #expect(Array("2024-03-10T02:30".utf8).withUnsafeBytes(ISO8601.parsePlainDateTime) == expected)
        for withOffset in ["2024-03-10T02:30:00Z", "2024-03-10T02:30:00z", "2024-03-10T02:30-05:00", "2024-03-10T02:30:00+01"] {
            #expect(throws: TimeError.self) { try PlainDateTime(iso8601: withOffset) }
        }
    }

    @Test func plainDateForms() throws {
        #expect(try PlainDate(iso8601: "2024-03-10") == PlainDate(year: 2024, month: 3, day: 10))
        #expect(try PlainDate(iso8601: "20240310") == PlainDate(year: 2024, month: 3, day: 10))
        #expect(try PlainDate(iso8601: "2024-03-10\r") == PlainDate(year: 2024, month: 3, day: 10))
        #expect(try PlainDate(iso8601: "0000-01-01") == PlainDate(year: 0, month: 1, day: 1))
        #expect(try PlainDate(iso8601: "+012345-06-07") == PlainDate(year: 12_345, month: 6, day: 7))
        #expect(try PlainDate(iso8601: "+0123450607") == PlainDate(year: 12_345, month: 6, day: 7))
        #expect(try PlainDate(iso8601: "-000044-03-15") == PlainDate(year: -44, month: 3, day: 15))
        for bad in ["", "2024-3-10", "2024-03-10T00:00", "2024-0310", "202403-10", "2024031", "+2024-03-10",
                    "-000000-01-01", "2024-02-30", "2023-02-29", "1900-02-29", "2024/03/10", "2024-03-10 "] {
            #expect(throws: TimeError.self, "\(bad)") { try PlainDate(iso8601: bad) }
        }
        #expect(try PlainDate(iso8601: "2000-02-29") == PlainDate(year: 2000, month: 2, day: 29))
    }

    @Test func plainTimeForms() throws {
        #expect(try PlainTime(iso8601: "08:30") == PlainTime(hour: 8, minute: 30))
        #expect(try PlainTime(iso8601: "08:30:15") == PlainTime(hour: 8, minute: 30, second: 15))
        #expect(try PlainTime(iso8601: "08:30:15.250") == PlainTime(hour: 8, minute: 30, second: 15, nanosecond: 250_000_000))
        #expect(try PlainTime(iso8601: "0830") == PlainTime(hour: 8, minute: 30))
        #expect(try PlainTime(iso8601: "083015.5") == PlainTime(hour: 8, minute: 30, second: 15, nanosecond: 500_000_000))
        for bad in ["8:30", "24:00", "23:60", "23:59:60", "08:3", "08", "0830:15", "08:30:15.", "08:30Z"] {
            #expect(throws: TimeError.self, "\(bad)") { try PlainTime(iso8601: bad) }
        }
    }

    @Test func offsetForms() throws {
        #expect(try UTCOffset(iso8601: "Z") == .zero)
        #expect(try UTCOffset(iso8601: "z") == .zero)
        #expect(try UTCOffset(iso8601: "+02:00") == UTCOffset(hours: 2))
        #expect(try UTCOffset(iso8601: "+0200") == UTCOffset(hours: 2))
        #expect(try UTCOffset(iso8601: "+02") == UTCOffset(hours: 2))
        #expect(try UTCOffset(iso8601: "-05:00") == UTCOffset(hours: -5))
        #expect(try UTCOffset(iso8601: "+0530").seconds == 19_800)
        #expect(try UTCOffset(iso8601: "+05:53:28") == UTCOffset(hours: 5, minutes: 53, seconds: 28))
        #expect(try UTCOffset(iso8601: "+055328") == UTCOffset(hours: 5, minutes: 53, seconds: 28))
        #expect(try UTCOffset(iso8601: "-00:30") == UTCOffset(seconds: -1800))
        #expect(try UTCOffset(iso8601: "-00:00") == .zero)
        #expect(try UTCOffset(iso8601: "-23:59:59\r") == UTCOffset(seconds: -86_399))
        for bad in ["", "02:00", "+2", "+24:00", "+02:60", "+02:00:60", "+02:0", "+020", "+02000", "Z ", "UTC", "+02:00Z"] {
            #expect(throws: TimeError.self, "\(bad)") { try UTCOffset(iso8601: bad) }
        }
    }
}
