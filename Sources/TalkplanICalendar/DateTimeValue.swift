import TalkplanTime

/// An RFC 5545 DATE or DATE-TIME value, in one of its four forms.
///
/// ```swift
/// try ICalendarDateTime.parse("20240404", tzid: nil)                      // .date(2024-04-04)
/// try ICalendarDateTime.parse("20210510T163000", tzid: nil)               // .floating(2021-05-10T16:30:00)
/// try ICalendarDateTime.parse("20240404T100000Z", tzid: nil)              // .utc(2024-04-04T10:00:00)
/// try ICalendarDateTime.parse("20240404T120000", tzid: "Europe/Paris")    // .zoned(2024-04-04T12:00:00, tzid: "Europe/Paris")
/// try ICalendarDateTime.parse("20240230T120000", tzid: nil)
/// // throws: invalid DATE-TIME "20240230T120000": invalid date 2024-02-30: february 2024 has 29 days
/// ```
public enum ICalendarDateTime: Sendable, Hashable, CustomStringConvertible {
    /// A calendar date (an all-day value).
    case date(PlainDate)
    /// A wall time with no zone ("floating").
    case floating(PlainDateTime)
    /// A UTC time (`Z` suffix).
    case utc(PlainDateTime)
    /// A wall time in the zone a `TZID` parameter names.
    case zoned(PlainDateTime, tzid: String)

    /// Whether this is a DATE (no time of day).
    public var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    /// The TZID, for `.zoned`.
    public var tzid: String? {
        if case .zoned(_, let tzid) = self { return tzid }
        return nil
    }

    /// The wall time (midnight for a date).
    public var dateTime: PlainDateTime {
        switch self {
        case .date(let date): PlainDateTime(date: date, time: .midnight)
        case .floating(let value), .utc(let value), .zoned(let value, _): value
        }
    }

    /// The value as iCalendar writes it: `20240404`, `20240404T120000`, `20240404T100000Z`.
    public var valueText: String {
        switch self {
        case .date(let date): Self.dateText(date)
        case .floating(let value), .zoned(let value, _): Self.dateTimeText(value)
        case .utc(let value): Self.dateTimeText(value) + "Z"
        }
    }

    public var description: String {
        switch self {
        case .date(let date): "\(date)"
        case .floating(let value): "\(value)"
        case .utc(let value): "\(value)Z"
        case .zoned(let value, let tzid): "\(value)[\(tzid)]"
        }
    }

    /// A UTC DATE-TIME for an instant (seconds precision).
    public static func utc(_ instant: Instant) -> ICalendarDateTime {
        .utc(instant.plainDateTime(at: .zero))
    }

    /// Reads a DATE or DATE-TIME. A `Z` value ignores `tzid`. Besides the RFC forms,
    /// ISO 8601 extended forms (`2024-04-04T12:00:00`) and times without seconds
    /// (`20240404T1200`) are read, each with a note in `notes`; so is second 60 (a leap
    /// second, read as 59) and hour 24 (midnight of the next day).
    public static func parse(_ text: some StringProtocol, tzid: String?, notes: inout [String]) throws(ICalendarValueError) -> ICalendarDateTime {
        var trimmed = text.trimmingICalendarWhitespace()
        if let value = trimmed.withUTF8({ basicForm($0, tzid: tzid) }) { return value }
        var digits: [UInt8] = []
        var utc = false
        var hasTime = false
        var extended = false
        for (index, byte) in trimmed.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "T"), UInt8(ascii: "t"):
                guard !hasTime, digits.count == 8 else { throw invalid(trimmed) }
                hasTime = true
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                guard hasTime, index == trimmed.utf8.count - 1 else { throw invalid(trimmed) }
                utc = true
            case UInt8(ascii: "-") where !hasTime && (digits.count == 4 || digits.count == 6):
                extended = true
            case UInt8(ascii: ":") where hasTime && (digits.count == 10 || digits.count == 12):
                extended = true
            default:
                throw invalid(trimmed)
            }
        }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(digits[$1]) } }
        guard digits.count >= 8 else { throw invalid(trimmed) }
        let year = number(0..<4), month = number(4..<6), day = number(6..<8)
        let date: PlainDate
        do {
            date = try PlainDate.checked(year: year, month: month, day: day)
        } catch {
            throw ICalendarValueError("invalid \(hasTime ? "DATE-TIME" : "DATE") \(quoted(trimmed)): \(error.message)")
        }
        if extended { notes.append("\(quoted(trimmed)) is in ISO 8601 extended form, not iCalendar's basic form; read anyway") }
        guard hasTime else {
            guard digits.count == 8 else { throw invalid(trimmed) }
            return .date(date)
        }
        guard digits.count == 14 || digits.count == 12 else { throw invalid(trimmed) }
        if digits.count == 12 { notes.append("\(quoted(trimmed)) has no seconds; read as :00") }
        var hour = number(8..<10)
        let minute = number(10..<12)
        var second = digits.count == 14 ? number(12..<14) : 0
        var dayOffset: Int64 = 0
        if second == 60 {
            notes.append("\(quoted(trimmed)) names a leap second; read as second 59")
            second = 59
        }
        if hour == 24 && minute == 0 && second == 0 {
            notes.append("\(quoted(trimmed)) says 24:00; read as 00:00 the next day")
            hour = 0
            dayOffset = 1
        }
        let time: PlainTime
        do {
            time = try PlainTime.checked(hour: hour, minute: minute, second: second)
        } catch {
            throw ICalendarValueError("invalid DATE-TIME \(quoted(trimmed)): \(error.message)")
        }
        let value = PlainDateTime(date: date.adding(days: dayOffset), time: time)
        if utc {
            if let tzid { notes.append("TZID \(quoted(tzid)) ignored on the UTC time \(quoted(trimmed))") }
            return .utc(value)
        }
        if let tzid { return .zoned(value, tzid: tzid) }
        return .floating(value)
    }

    /// The RFC's basic forms read at once (`20240404`, `20240404T120000`, `20240404T100000Z`),
    /// when valid and needing no note; `nil` sends the value through the general reading.
    private static func basicForm(_ bytes: UnsafeBufferPointer<UInt8>, tzid: String?) -> ICalendarDateTime? {
        let count = bytes.count
        guard count == 8 || count == 15 || (count == 16 && tzid == nil && bytes[15] == UInt8(ascii: "Z")) else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
              let date = try? PlainDate.checked(year: year, month: month, day: day) else { return nil }
        guard count > 8 else { return .date(date) }
        guard bytes[8] == UInt8(ascii: "T"), let hour = number(9, 2), let minute = number(11, 2), let second = number(13, 2),
              hour < 24, second < 60, let time = try? PlainTime.checked(hour: hour, minute: minute, second: second) else { return nil }
        let value = PlainDateTime(date: date, time: time)
        if count == 16 { return .utc(value) }
        if let tzid { return .zoned(value, tzid: tzid) }
        return .floating(value)
    }

    /// Reads a DATE or DATE-TIME, dropping the notes.
    public static func parse(_ text: some StringProtocol, tzid: String?) throws(ICalendarValueError) -> ICalendarDateTime {
        var notes: [String] = []
        return try parse(text, tzid: tzid, notes: &notes)
    }

    private static func invalid(_ text: String) -> ICalendarValueError {
        ICalendarValueError("invalid DATE-TIME \(quoted(text)): expected YYYYMMDD or YYYYMMDDTHHMMSS with an optional Z")
    }

    static func dateText(_ date: PlainDate) -> String {
        pad(Int(date.year), 4) + pad(Int(date.month), 2) + pad(Int(date.day), 2)
    }

    static func dateTimeText(_ value: PlainDateTime) -> String {
        dateText(value.date) + "T" + pad(Int(value.time.hour), 2) + pad(Int(value.time.minute), 2) + pad(Int(value.time.second), 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
