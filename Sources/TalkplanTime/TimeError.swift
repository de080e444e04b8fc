/// An error raised by the time engine, carrying a lower-case, human-readable
/// message that names the values involved.
///
/// `TimeError` is deliberately a plain value: every failure is described by
/// its ``message``, and new kinds of failure are added as static factory
/// functions rather than enum cases.
///
/// ```swift
/// do {
///     _ = try PlainDate(iso8601: "2024-02-30")
/// } catch {
///     print(error.message)
///     // invalid date 2024-02-30 in "2024-02-30": february 2024 has 29 days
/// }
/// ```
public struct TimeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The lower-case description of what went wrong.
    ///
    /// ```swift
    /// TimeError(message: "offset out of range").message  // "offset out of range"
    /// ```
    public let message: String

    /// Creates an error with the given message.
    ///
    /// ```swift
    /// let error = TimeError(message: "unknown zone \"Mars/Olympus\"")
    /// ```
    public init(message: String) {
        self.message = message
    }

    /// The error's ``message``.
    ///
    /// ```swift
    /// "\(TimeError(message: "boom"))"  // "boom"
    /// ```
    public var description: String { message }
}

extension TimeError {
    /// The error for a year, month and day that do not name a date.
    ///
    /// ```swift
    /// TimeError.invalidDate(year: 2024, month: 2, day: 30).message
    /// // "invalid date 2024-02-30: february 2024 has 29 days"
    /// ```
    public static func invalidDate(year: Int, month: Int, day: Int) -> TimeError {
        TimeError(message: "invalid date \(CivilDiagnostics.dateText(year, month, day)): "
            + CivilDiagnostics.dateProblem(year: year, month: month, day: day))
    }

    /// The error for an hour, minute, second and nanosecond that do not name a
    /// time of day.
    ///
    /// ```swift
    /// TimeError.invalidTime(hour: 23, minute: 59, second: 60).message
    /// // "invalid time 23:59:60: leap seconds are not supported"
    /// ```
    public static func invalidTime(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) -> TimeError {
        TimeError(message: "invalid time \(CivilDiagnostics.timeText(hour, minute, second)): "
            + CivilDiagnostics.timeProblem(hour: hour, minute: minute, second: second, nanosecond: nanosecond))
    }
}

/// Shared wording for error messages.
enum CivilDiagnostics {
    static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// `value` zero-padded to at least `width` digits, with a leading `-` when negative.
    static func padded(_ value: Int, width: Int) -> String {
        let body = paddedMagnitude(value.magnitude, width: width)
        return value < 0 ? "-" + body : body
    }

    static func paddedMagnitude(_ magnitude: UInt, width: Int) -> String {
        let digits = String(magnitude)
        return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    }

    /// A year as ISO 8601 writes it: four digits, or a sign and six or more.
    static func yearText(_ year: Int) -> String {
        if (0...9999).contains(year) { return padded(year, width: 4) }
        return (year < 0 ? "-" : "+") + paddedMagnitude(year.magnitude, width: 6)
    }

    static func dateText(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(yearText(year))-\(padded(month, width: 2))-\(padded(day, width: 2))"
    }

    static func timeText(_ hour: Int, _ minute: Int, _ second: Int) -> String {
        "\(padded(hour, width: 2)):\(padded(minute, width: 2)):\(padded(second, width: 2))"
    }

    static func dateProblem(year: Int, month: Int, day: Int) -> String {
        if !PlainDate.supportedYears.contains(year) {
            return "year \(year) is outside the supported range "
                + "\(PlainDate.supportedYears.lowerBound)...\(PlainDate.supportedYears.upperBound)"
        }
        if !(1...12).contains(month) { return "month \(month) is not in 1...12" }
        if day < 1 { return "day \(day) is not in 1...\(PlainDate.daysInMonth(year: year, month: month))" }
        let count = PlainDate.daysInMonth(year: year, month: month)
        if day > count { return "\(monthNames[month - 1]) \(year) has \(count) days" }
        return "date is valid"
    }

    static func timeProblem(hour: Int, minute: Int, second: Int, nanosecond: Int) -> String {
        if !(0...23).contains(hour) { return "hour \(hour) is not in 0...23" }
        if !(0...59).contains(minute) { return "minute \(minute) is not in 0...59" }
        if second == 60 { return "leap seconds are not supported" }
        if !(0...59).contains(second) { return "second \(second) is not in 0...59" }
        if !(0..<1_000_000_000).contains(nanosecond) {
            return "nanosecond \(nanosecond) is not in 0...999999999"
        }
        return "time is valid"
    }

    /// Quotes an input for an error message, escaping control characters and
    /// shortening very long inputs.
    static func quoted(_ bytes: UnsafeRawBufferPointer) -> String {
        let limit = 80
        let shown = bytes.count > limit ? UnsafeRawBufferPointer(rebasing: bytes[0..<limit]) : bytes
        var text = ""
        for scalar in String(decoding: shown, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + text + (bytes.count > limit ? "…" : "") + "\""
    }
}
