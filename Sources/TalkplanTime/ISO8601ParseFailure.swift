// CivilDiagnostics for ISO 8601 input: what went wrong, where, and the wording
// of the resulting `TimeError`.

/// Why a byte sequence is not the ISO 8601 text it was expected to be.
/// Small and trivially copyable, so the fast path can discard it for free.
struct ISO8601ParseFailure: Error {
    enum Expectation {
        case digit, dash, colon, dateTimeSeparator, offset, offsetSign
    }

    enum Kind {
        case empty
        case expected(Expectation)
        case unexpectedCharacter
        case unexpectedOffset
        case tooManyFractionDigits
        case negativeZeroYear
        case invalidDate(year: Int, month: Int, day: Int)
        case invalidTime(hour: Int, minute: Int, second: Int)
        case invalidOffset(negative: Bool, hours: Int, minutes: Int, seconds: Int, hasSeconds: Bool)
        case instantOutOfRange
    }

    /// What the caller wanted, for the wording of the message.
    enum Target {
        case instant, offsetDateTime, plainDateTime, date, time, offset

        var example: String {
            switch self {
            case .instant: "an instant like 2024-03-10T08:00:00Z"
            case .offsetDateTime: "a date-time with offset like 2024-03-10T03:00:00-05:00"
            case .plainDateTime: "a date-time like 2024-03-10T02:30:00"
            case .date: "a date like 2024-03-10"
            case .time: "a time like 08:30:00"
            case .offset: "an offset like +02:00"
            }
        }
    }

    let kind: Kind
    /// Zero-based byte index where the problem was found.
    let index: Int

    func timeError(input: UnsafeRawBufferPointer, target: Target) -> TimeError {
        let quoted = CivilDiagnostics.quoted(input)
        let column = index + 1
        var end = input.count
        if end > 0 && input[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let place = "at column \(column)\(index >= end ? " (end of input)" : "")"
        switch kind {
        case .empty:
            return TimeError(message: "empty input, expected \(target.example)")
        case .expected(let expectation):
            let what: String
            switch expectation {
            case .digit: what = "digit"
            case .dash: what = "'-'"
            case .colon: what = "':'"
            case .dateTimeSeparator: what = "'T' or ' ' between date and time"
            case .offset: what = "offset ('Z', '+HH:MM' or '-HH:MM')"
            case .offsetSign: what = "'Z', '+' or '-'"
            }
            return TimeError(message: "expected \(what) \(place) in \(quoted)")
        case .unexpectedCharacter:
            return TimeError(message: "unexpected \(ISO8601ParseFailure.describe(byte: input[index])) \(place) in \(quoted)")
        case .unexpectedOffset:
            return TimeError(message: "unexpected offset \(place) in \(quoted): a plain date-time has no offset")
        case .tooManyFractionDigits:
            return TimeError(message: "more than 9 fractional second digits \(place) in \(quoted)")
        case .negativeZeroYear:
            return TimeError(message: "invalid year -000000 in \(quoted): year zero is written 0000")
        case .invalidDate(let year, let month, let day):
            return TimeError(message: "invalid date \(CivilDiagnostics.dateText(year, month, day)) in \(quoted): "
                + CivilDiagnostics.dateProblem(year: year, month: month, day: day))
        case .invalidTime(let hour, let minute, let second):
            return TimeError(message: "invalid time \(CivilDiagnostics.timeText(hour, minute, second)) in \(quoted): "
                + CivilDiagnostics.timeProblem(hour: hour, minute: minute, second: second, nanosecond: 0))
        case .invalidOffset(let negative, let hours, let minutes, let seconds, let hasSeconds):
            let text = (negative ? "-" : "+") + CivilDiagnostics.padded(hours, width: 2) + ":"
                + CivilDiagnostics.padded(minutes, width: 2) + (hasSeconds ? ":" + CivilDiagnostics.padded(seconds, width: 2) : "")
            let problem = hours > 23 ? "hour \(hours) is not in 0...23"
                : minutes > 59 ? "minute \(minutes) is not in 0...59"
                : "second \(seconds) is not in 0...59"
            return TimeError(message: "invalid offset \(text) in \(quoted): \(problem)")
        case .instantOutOfRange:
            return TimeError(message: "instant out of range in \(quoted): supported instants are "
                + "\(Instant.min)...\(Instant.max)")
        }
    }

    static func describe(byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "space" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 16 ? "0" : "")\(hex)"
    }
}
