import TalkplanTime

/// An RFC 5545 DURATION: weeks and days are nominal (a day is a calendar day, 23 or 25 hours
/// across a DST change), hours, minutes and seconds are exact.
///
/// ```swift
/// let duration = try ICalendarDuration.parse("PT1H30M")
/// duration.exactSeconds   // 5400
/// try ICalendarDuration.parse("-P1W").nominalDays   // -7
/// "\(try ICalendarDuration.parse("P1DT2H"))"        // "P1DT2H"
/// ```
public struct ICalendarDuration: Sendable, Hashable, CustomStringConvertible {
    public var isNegative: Bool
    public var weeks: Int
    public var days: Int
    public var hours: Int
    public var minutes: Int
    public var seconds: Int

    public init(isNegative: Bool = false, weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) {
        self.isNegative = isNegative
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// An exact duration of a number of seconds, written with hours, minutes and seconds.
    public init(seconds total: Int64) {
        let magnitude = Int(total.magnitude)
        self.init(isNegative: total < 0, hours: magnitude / 3600, minutes: magnitude / 60 % 60, seconds: magnitude % 60)
    }

    /// Signed calendar days (weeks count 7).
    public var nominalDays: Int { (weeks * 7 + days) * (isNegative ? -1 : 1) }

    /// Signed seconds of the time part.
    public var exactSeconds: Int64 { Int64(hours * 3600 + minutes * 60 + seconds) * (isNegative ? -1 : 1) }

    /// The RFC form: `P1W`, `PT1H30M`, `-P1DT2H`, `PT0S`.
    public var description: String {
        var text = isNegative ? "-P" : "P"
        if weeks != 0 && days == 0 && hours == 0 && minutes == 0 && seconds == 0 { return text + "\(weeks)W" }
        let totalDays = weeks * 7 + days
        if totalDays != 0 { text += "\(totalDays)D" }
        if hours != 0 || minutes != 0 || seconds != 0 {
            text += "T"
            if hours != 0 { text += "\(hours)H" }
            if minutes != 0 { text += "\(minutes)M" }
            if seconds != 0 { text += "\(seconds)S" }
        }
        if text.hasSuffix("P") { text += "T0S" }
        return text
    }

    /// Reads a DURATION (`P1W`, `P1D`, `PT1H30M`, `-PT15M`); letters in either case, parts in any
    /// combination (`P1W2D`, `PT90M` are read as written).
    public static func parse(_ text: some StringProtocol) throws(ICalendarValueError) -> ICalendarDuration {
        let trimmed = text.trimmingICalendarWhitespace()
        var result = ICalendarDuration()
        var scalars = Substring(trimmed.uppercased()).unicodeScalars[...]
        if scalars.first == "-" || scalars.first == "+" {
            result.isNegative = scalars.first == "-"
            scalars.removeFirst()
        }
        guard scalars.first == "P" else { throw invalid(trimmed) }
        scalars.removeFirst()
        var inTime = false
        var number: Int? = nil
        var sawPart = false
        for scalar in scalars {
            switch scalar {
            case "0"..."9":
                let digit = Int(scalar.value - 48)
                let next = (number ?? 0) * 10 + digit
                guard next <= 99_999_999 else { throw ICalendarValueError("invalid DURATION \(quoted(trimmed)): number too large") }
                number = next
            case "T":
                guard !inTime, number == nil else { throw invalid(trimmed) }
                inTime = true
            case "W", "D", "H", "M", "S":
                guard let value = number else { throw invalid(trimmed) }
                switch (scalar, inTime) {
                case ("W", false): result.weeks = value
                case ("D", false): result.days = value
                case ("H", true): result.hours = value
                case ("M", true): result.minutes = value
                case ("S", true): result.seconds = value
                default: throw invalid(trimmed)
                }
                number = nil
                sawPart = true
            default:
                throw invalid(trimmed)
            }
        }
        guard sawPart, number == nil else { throw invalid(trimmed) }
        return result
    }

    private static func invalid(_ text: String) -> ICalendarValueError {
        ICalendarValueError("invalid DURATION \(quoted(text)): expected a form like P1D, PT1H30M or -PT15M")
    }
}

/// An RFC 5545 PERIOD: a start and either an end or a duration.
///
/// ```swift
/// let period = try ICalendarPeriod.parse("19970101T180000Z/PT5H30M", tzid: nil)
/// period.start          // .utc(1997-01-01T18:00:00)
/// ```
public struct ICalendarPeriod: Sendable, Hashable, CustomStringConvertible {
    public enum End: Sendable, Hashable {
        case dateTime(ICalendarDateTime)
        case duration(ICalendarDuration)
    }

    public var start: ICalendarDateTime
    public var end: End

    public init(start: ICalendarDateTime, end: End) {
        self.start = start
        self.end = end
    }

    public var description: String {
        switch end {
        case .dateTime(let value): "\(start.valueText)/\(value.valueText)"
        case .duration(let duration): "\(start.valueText)/\(duration)"
        }
    }

    /// Reads `start/end` or `start/duration`.
    public static func parse(_ text: some StringProtocol, tzid: String?) throws(ICalendarValueError) -> ICalendarPeriod {
        let trimmed = text.trimmingICalendarWhitespace()
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw ICalendarValueError("invalid PERIOD \(quoted(trimmed)): expected start/end or start/duration")
        }
        let start = try ICalendarDateTime.parse(parts[0], tzid: tzid)
        let second = parts[1].trimmingICalendarWhitespace()
        if second.hasPrefix("P") || second.hasPrefix("-") || second.hasPrefix("+") || second.hasPrefix("p") {
            return ICalendarPeriod(start: start, end: .duration(try ICalendarDuration.parse(second)))
        }
        return ICalendarPeriod(start: start, end: .dateTime(try ICalendarDateTime.parse(second, tzid: tzid)))
    }
}

/// RFC 5545 UTC-OFFSET values (`+0100`, `-0330`, `+013045`).
///
/// ```swift
/// try ICalendarUTCOffset.parse("-0330")        // -03:30
/// ICalendarUTCOffset.text(UTCOffset(hours: 2)!) // "+0200"
/// ```
public enum ICalendarUTCOffset {
    /// Reads `±HHMM` or `±HHMMSS`; `±HH:MM` and a missing sign are read too.
    public static func parse(_ text: some StringProtocol) throws(ICalendarValueError) -> UTCOffset {
        let trimmed = text.trimmingICalendarWhitespace()
        var scalars = Substring(trimmed).unicodeScalars[...]
        var negative = false
        if scalars.first == "-" || scalars.first == "+" || scalars.first == "\u{2212}" {
            negative = scalars.first != "+"
            scalars.removeFirst()
        }
        let digits = scalars.filter { $0 != ":" }
        guard digits.allSatisfy({ ("0"..."9").contains($0) }), [2, 4, 6].contains(digits.count) else {
            throw ICalendarValueError("invalid UTC-OFFSET \(quoted(trimmed)): expected ±HHMM or ±HHMMSS")
        }
        let values = digits.map { Int($0.value - 48) }
        let hours = values[0] * 10 + values[1]
        let minutes = digits.count >= 4 ? values[2] * 10 + values[3] : 0
        let seconds = digits.count == 6 ? values[4] * 10 + values[5] : 0
        guard hours < 24, minutes < 60, seconds < 60,
              let offset = UTCOffset(seconds: Int32((hours * 3600 + minutes * 60 + seconds) * (negative ? -1 : 1)))
        else {
            throw ICalendarValueError("invalid UTC-OFFSET \(quoted(trimmed)): hours must be below 24, minutes and seconds below 60")
        }
        return offset
    }

    /// The RFC form of an offset: `+0100`, `-0330`, `+005328` when it has seconds.
    public static func text(_ offset: UTCOffset) -> String {
        let magnitude = Int(offset.seconds.magnitude)
        var text = (offset.seconds < 0 ? "-" : "+") + ICalendarDateTime.pad(magnitude / 3600, 2) + ICalendarDateTime.pad(magnitude / 60 % 60, 2)
        if magnitude % 60 != 0 { text += ICalendarDateTime.pad(magnitude % 60, 2) }
        return text
    }
}
