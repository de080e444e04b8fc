import TalkplanTime

extension RecurrenceRule {
    /// Reads an RFC 5545 `RECUR` value such as `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20241231T235959Z`.
    ///
    /// An `RRULE:` prefix is allowed; names and enumerated values may be in any
    /// letter case; empty parts (`FREQ=DAILY;`) are ignored. RFC 7529's
    /// `RSCALE=GREGORIAN` and `SKIP=OMIT` are accepted, being what RFC 5545 does
    /// anyway. Errors name the offending part with its value:
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=6")   // the last Friday, six times
    /// try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=32")
    /// // throws "BYMONTHDAY=32 is out of range (1…31 or -31…-1)"
    /// try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO,XX")
    /// // throws "BYDAY=XX is not a weekday (MO, TU, WE, TH, FR, SA or SU, with an optional ordinal such as 1MO or -1FR)"
    /// ```
    public init(parsing text: some StringProtocol) throws(RecurrenceError) {
        var body = Substring(text).trimmingWhitespace()
        if body.count >= 6, body.prefix(6).uppercased() == "RRULE:" { body = body.dropFirst(6) }
        var seen: Set<String> = []
        var frequency: Frequency?
        var rule = RecurrenceRule(frequency: .daily)
        for rawPart in body.split(separator: ";", omittingEmptySubsequences: false) {
            let part = rawPart.trimmingWhitespace()
            if part.isEmpty { continue }
            guard let equals = part.firstIndex(of: "=") else {
                throw RecurrenceError(message: "rule part \"\(part)\" has no \"=\" (expected NAME=VALUE, e.g. FREQ=WEEKLY)")
            }
            let name = part[..<equals].trimmingWhitespace().uppercased()
            let value = part[part.index(after: equals)...].trimmingWhitespace()
            guard seen.insert(name).inserted else {
                throw RecurrenceError(message: "\(name) appears twice in the rule")
            }
            if value.isEmpty { throw RecurrenceError(message: "\(name)= has no value") }
            switch name {
            case "FREQ":
                guard let found = Frequency(name: value) else {
                    throw RecurrenceError(message: "FREQ=\(value) is not a frequency (SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)")
                }
                frequency = found
            case "INTERVAL": rule.interval = try Self.positive(name, value)
            case "COUNT": rule.count = try Self.positive(name, value)
            case "UNTIL": rule.until = try Self.until(value)
            case "BYSECOND": rule.bySecond = try Self.integers(name, value)
            case "BYMINUTE": rule.byMinute = try Self.integers(name, value)
            case "BYHOUR": rule.byHour = try Self.integers(name, value)
            case "BYDAY": rule.byDay = try Self.weekdays(value)
            case "BYMONTHDAY": rule.byMonthDay = try Self.integers(name, value)
            case "BYYEARDAY": rule.byYearDay = try Self.integers(name, value)
            case "BYWEEKNO": rule.byWeekNo = try Self.integers(name, value)
            case "BYMONTH": rule.byMonth = try Self.integers(name, value)
            case "BYSETPOS": rule.bySetPos = try Self.integers(name, value)
            case "WKST":
                guard let day = Self.weekday(code: value) else {
                    throw RecurrenceError(message: "WKST=\(value) is not a weekday (MO, TU, WE, TH, FR, SA or SU)")
                }
                rule.weekStart = day
            case "RSCALE":
                guard value.uppercased() == "GREGORIAN" else {
                    throw RecurrenceError(message: "RSCALE=\(value) is not supported (only GREGORIAN)")
                }
            case "SKIP":
                guard value.uppercased() == "OMIT" else {
                    throw RecurrenceError(message: "SKIP=\(value) is not supported (only OMIT, RFC 5545's behaviour: invalid dates are skipped)")
                }
            default:
                throw RecurrenceError(message: "unknown rule part \"\(part)\"")
            }
        }
        guard let frequency else {
            throw RecurrenceError(message: "missing FREQ (one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY) in \"\(body)\"")
        }
        rule.frequency = frequency
        try rule.check()
        self = rule
    }

    private static func integer(_ name: String, _ text: Substring, whole: Substring) throws(RecurrenceError) -> Int {
        var digits = text
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else {
            throw RecurrenceError(message: "\(name)=\(whole): \"\(text)\" is not an integer")
        }
        return negative ? -value : value
    }

    private static func positive(_ name: String, _ value: Substring) throws(RecurrenceError) -> Int {
        try integer(name, value, whole: value)
    }

    private static func integers(_ name: String, _ value: Substring) throws(RecurrenceError) -> [Int] {
        var result: [Int] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingWhitespace()
            if item.isEmpty { throw RecurrenceError(message: "\(name)=\(value) has an empty value in its list") }
            result.append(try integer(name, item, whole: value))
        }
        return result
    }

    private static func weekdays(_ value: Substring) throws(RecurrenceError) -> [WeekdayOccurrence] {
        var result: [WeekdayOccurrence] = []
        for item in value.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingWhitespace()
            guard item.count >= 2, let day = weekday(code: item.suffix(2)) else {
                throw RecurrenceError(message: "BYDAY=\(item.isEmpty ? value : item) is not a weekday (MO, TU, WE, TH, FR, SA or SU, with an optional ordinal such as 1MO or -1FR)")
            }
            let prefix = item.dropLast(2)
            if prefix.isEmpty {
                result.append(WeekdayOccurrence(day))
            } else {
                result.append(WeekdayOccurrence(day, ordinal: try integer("BYDAY", prefix, whole: item)))
            }
        }
        return result
    }

    private static func until(_ value: Substring) throws(RecurrenceError) -> Until {
        let text = String(value)
        // A DATE-TIME has whole seconds; ISO 8601's fractions (`,60`, `.5`) would be lost
        // when the rule is written back.
        if text.contains(where: { $0 == "." || $0 == "," }) {
            throw RecurrenceError(message: "UNTIL=\(value) is not a date or date-time (YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ): no fractions of a second")
        }
        if text.last == "Z" || text.last == "z" {
            if let instant = try? Instant(iso8601: text) { return .instant(instant) }
        } else if text.contains("T") || text.contains("t") {
            if let local = try? PlainDateTime(iso8601: text) { return .local(local) }
        } else if let date = try? PlainDate(iso8601: text) {
            return .date(date)
        }
        throw RecurrenceError(message: "UNTIL=\(value) is not a date or date-time (YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ)")
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" || first == "\r" || first == "\n" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" || last == "\n" { result = result.dropLast() }
        return result
    }
}
