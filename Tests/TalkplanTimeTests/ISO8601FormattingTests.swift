import Testing
import TalkplanTime

/// Instants as (epoch seconds, nanoseconds, UTC form, offset seconds, form at that offset).
/// Source: Python 3 `datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=s)`
/// (plus the offset for the last column), fields printed with `%04d-%02d-%02dT%02d:%02d:%02d`;
/// the fraction is printed with 3, 6 or 9 digits, whichever is the shortest exact one.
/// First ten rows chosen by hand, the rest `random.seed(99)`.
let pythonInstantTable: [(seconds: Int64, nanoseconds: Int32, utc: String, offset: Int32, local: String)] = [
        (1710057600, 0, "2024-03-10T08:00:00Z", -18000, "2024-03-10T03:00:00-05:00"),
        (0, 0, "1970-01-01T00:00:00Z", 0, "1970-01-01T00:00:00+00:00"),
        (-1, 999000000, "1969-12-31T23:59:59.999Z", 3600, "1970-01-01T00:59:59.999+01:00"),
        (951782400, 123000000, "2000-02-29T00:00:00.123Z", 19800, "2000-02-29T05:30:00.123+05:30"),
        (2147483647, 0, "2038-01-19T03:14:07Z", 0, "2038-01-19T03:14:07+00:00"),
        (-2208988800, 500, "1900-01-01T00:00:00.000000500Z", -36000, "1899-12-31T14:00:00.000000500-10:00"),
        (253402300799, 999999999, "9999-12-31T23:59:59.999999999Z", 0, "9999-12-31T23:59:59.999999999+00:00"),
        (-62135596800, 0, "0001-01-01T00:00:00Z", 0, "0001-01-01T00:00:00+00:00"),
        (1710057600, 120000000, "2024-03-10T08:00:00.120Z", 21208, "2024-03-10T13:53:28.120+05:53:28"),
        (1710057600, 123456000, "2024-03-10T08:00:00.123456Z", -12600, "2024-03-10T04:30:00.123456-03:30"),
        (1030039913, 204000000, "2002-08-22T18:11:53.204Z", 19800, "2002-08-22T23:41:53.204+05:30"),
        (-333180962, 0, "1959-06-11T17:43:58Z", 21208, "1959-06-11T23:37:26+05:53:28"),
        (-2898580053, 431000000, "1878-02-23T14:52:27.431Z", 45900, "1878-02-24T03:37:27.431+12:45"),
        (2826828090, 882000000, "2059-07-30T22:01:30.882Z", 50400, "2059-07-31T12:01:30.882+14:00"),
        (-2162882468, 0, "1901-06-18T15:18:52Z", -43200, "1901-06-18T03:18:52-12:00"),
        (-327925040, 422180000, "1959-08-11T13:42:40.422180Z", -43200, "1959-08-11T01:42:40.422180-12:00"),
        (-672305922, 0, "1948-09-11T16:21:18Z", 50400, "1948-09-12T06:21:18+14:00"),
        (4440681269, 473000000, "2110-09-20T18:34:29.473Z", 19800, "2110-09-21T00:04:29.473+05:30"),
        (-1928478009, 765000000, "1908-11-21T15:39:51.765Z", -43200, "1908-11-21T03:39:51.765-12:00"),
        (-2164034571, 37000000, "1901-06-05T07:17:09.037Z", 50400, "1901-06-05T21:17:09.037+14:00"),
        (-3200309450, 0, "1868-08-02T09:09:10Z", -18000, "1868-08-02T04:09:10-05:00"),
        (4920545200, 5000000, "2125-12-04T18:06:40.005Z", -43200, "2125-12-04T06:06:40.005-12:00"),
        (-3259119618, 921000000, "1866-09-21T16:59:42.921Z", 50400, "1866-09-22T06:59:42.921+14:00"),
        (4696217564, 413000000, "2118-10-26T08:52:44.413Z", 45900, "2118-10-26T21:37:44.413+12:45"),
        (-4760264843, 756000000, "1819-02-26T08:12:37.756Z", 21208, "1819-02-26T14:06:05.756+05:53:28"),
        (3337491057, 127000000, "2075-10-05T08:50:57.127Z", -12600, "2075-10-05T05:20:57.127-03:30"),
        (57948946, 969024000, "1971-11-02T16:55:46.969024Z", 50400, "1971-11-03T06:55:46.969024+14:00"),
        (-1572763836, 270111000, "1920-02-29T17:09:24.270111Z", -18000, "1920-02-29T12:09:24.270111-05:00"),
        (-2086617773, 0, "1903-11-18T07:57:07Z", 45900, "1903-11-18T20:42:07+12:45"),
        (224063897, 883009961, "1977-02-06T07:58:17.883009961Z", -36000, "1977-02-05T21:58:17.883009961-10:00"),
]

@Suite("ISO 8601 formatting")
struct ISO8601FormattingTests {
    @Test("descriptions match Python", arguments: pythonInstantTable)
    func pythonDescriptions(row: (seconds: Int64, nanoseconds: Int32, utc: String, offset: Int32, local: String)) throws {
        let instant = Instant(seconds: row.seconds, nanoseconds: row.nanoseconds)
        #expect(instant.description == row.utc)
        let offset = try #require(UTCOffset(seconds: row.offset))
        #expect(OffsetDateTime(instant: instant, offset: offset).description == row.local)
        #expect(instant.plainDateTime(at: offset).description + offset.description == row.local)
    }

    @Test func yearForms() {
        #expect(PlainDate(year: 2024, month: 3, day: 10)!.description == "2024-03-10")
        #expect(PlainDate(year: 0, month: 1, day: 1)!.description == "0000-01-01")
        #expect(PlainDate(year: 7, month: 1, day: 1)!.description == "0007-01-01")
        #expect(PlainDate(year: 9999, month: 12, day: 31)!.description == "9999-12-31")
        #expect(PlainDate(year: 10_000, month: 1, day: 1)!.description == "+010000-01-01")
        #expect(PlainDate(year: 12_345, month: 6, day: 7)!.description == "+012345-06-07")
        #expect(PlainDate(year: -1, month: 1, day: 1)!.description == "-000001-01-01")
        #expect(PlainDate(year: -44, month: 3, day: 15)!.description == "-000044-03-15")
        #expect(PlainDate.min.description == "-999999-01-01")
        #expect(PlainDate.max.description == "+999999-12-31")
    }

    @Test func fractionDigits() {
        func text(_ nanosecond: Int) -> String {
            PlainTime(hour: 8, minute: 0, nanosecond: nanosecond)!.description
        }
        #expect(text(0) == "08:00:00")
        #expect(text(1) == "08:00:00.000000001")
        #expect(text(1_000) == "08:00:00.000001")
        #expect(text(1_000_000) == "08:00:00.001")
        #expect(text(120_000_000) == "08:00:00.120")
        #expect(text(123_400_000) == "08:00:00.123400")
        #expect(text(123_456_780) == "08:00:00.123456780")
        #expect(text(999_999_999) == "08:00:00.999999999")
        #expect(PlainTime.max.description == "23:59:59.999999999")
    }

    @Test func typeDescriptions() {
        #expect(PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!.description == "2024-03-10T02:30:00")
        #expect(Instant.unixEpoch.description == "1970-01-01T00:00:00Z")
        #expect(Instant.min.description == "-999999-01-01T00:00:00Z")
        #expect(Instant.max.description == "+999999-12-31T23:59:59.999999999Z")
        // Beyond the calendar range the bound is printed.
        #expect(Instant(seconds: .max).description == Instant.max.description)
        #expect(Instant(seconds: .min).description == Instant.min.description)
        #expect(PlainDateTime.max.description == "+999999-12-31T23:59:59.999999999")
        let wall = PlainDateTime(year: 2024, month: 1, day: 1)!
        #expect(OffsetDateTime(dateTime: wall, offset: .zero).description == "2024-01-01T00:00:00+00:00")
        #expect(OffsetDateTime(dateTime: .max, offset: UTCOffset(seconds: -86_399)!).description
                == "+999999-12-31T23:59:59.999999999-23:59:59")
    }

    @Test func byteWriters() {
        var out = [UInt8](repeating: 0, count: ISO8601.maxOffsetDateTimeLength)
        let wall = PlainDateTime(year: 2024, month: 3, day: 10, hour: 3)!
        let n = out.withUnsafeMutableBytes { ISO8601.writeOffsetDateTime(wall, offset: UTCOffset(hours: -5)!, into: $0) }
        #expect(String(decoding: out[..<n], as: UTF8.self) == "2024-03-10T03:00:00-05:00")

        let m = out.withUnsafeMutableBytes { ISO8601.writeInstant(Instant(seconds: 1_710_057_600), into: $0) }
        #expect(String(decoding: out[..<m], as: UTF8.self) == "2024-03-10T08:00:00Z")

        let k = out.withUnsafeMutableBytes { ISO8601.writePlainDateTime(wall, into: $0) }
        #expect(String(decoding: out[..<k], as: UTF8.self) == "2024-03-10T03:00:00")

        // The documented maxima are exact for the longest values.
        #expect(out.withUnsafeMutableBytes {
            ISO8601.writeOffsetDateTime(.max, offset: UTCOffset(seconds: -86_399)!, into: $0)
        } == ISO8601.maxOffsetDateTimeLength)
        #expect(out.withUnsafeMutableBytes { ISO8601.writeInstant(.max, into: $0) } == ISO8601.maxInstantLength)
        #expect(out.withUnsafeMutableBytes { ISO8601.writePlainDateTime(.max, into: $0) } == ISO8601.maxDateTimeLength)
    }

    @Test func tooSmallBuffersAreLeftUntouched() {
        let wall = PlainDateTime(year: 2024, month: 3, day: 10, hour: 3)!
        for size in 0..<25 {
            var out = [UInt8](repeating: 0xEE, count: size)
            let written = out.withUnsafeMutableBytes {
                ISO8601.writeOffsetDateTime(wall, offset: UTCOffset(hours: -5)!, into: $0)
            }
            #expect(written == 0)
            #expect(out.allSatisfy { $0 == 0xEE })
        }
        for size in 0..<20 {
            var out = [UInt8](repeating: 0xEE, count: size)
            #expect(out.withUnsafeMutableBytes { ISO8601.writeInstant(Instant(seconds: 1_710_057_600), into: $0) } == 0)
            if size < 19 {
                #expect(out.withUnsafeMutableBytes { ISO8601.writePlainDateTime(wall, into: $0) } == 0)
            }
            #expect(out.allSatisfy { $0 == 0xEE })
        }
        var exact = [UInt8](repeating: 0, count: 25)
        #expect(exact.withUnsafeMutableBytes {
            ISO8601.writeOffsetDateTime(wall, offset: UTCOffset(hours: -5)!, into: $0)
        } == 25)
    }
}
