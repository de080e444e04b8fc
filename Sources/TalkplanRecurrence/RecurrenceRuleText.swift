import TalkplanTime

extension RecurrenceRule {
    /// The rule as RFC 5545 text, parts in a fixed order (`FREQ`, `INTERVAL`,
    /// `COUNT`, `UNTIL`, `BYSECOND` … `BYMONTH`, `BYSETPOS`, `WKST`), defaults left out.
    /// Reading it back gives an equal rule.
    ///
    /// ```swift
    /// "\(try RecurrenceRule(parsing: "byday=we,mo;freq=weekly;wkst=mo"))"  // "FREQ=WEEKLY;BYDAY=WE,MO"
    /// ```
    public var description: String {
        var parts = ["FREQ=\(frequency)"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until)") }
        func list(_ name: String, _ values: [Int]) {
            if !values.isEmpty { parts.append("\(name)=" + values.map(String.init).joined(separator: ",")) }
        }
        list("BYSECOND", bySecond)
        list("BYMINUTE", byMinute)
        list("BYHOUR", byHour)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        list("BYMONTHDAY", byMonthDay)
        list("BYYEARDAY", byYearDay)
        list("BYWEEKNO", byWeekNo)
        list("BYMONTH", byMonth)
        list("BYSETPOS", bySetPos)
        if weekStart != .monday { parts.append("WKST=\(Self.weekdayCode(weekStart))") }
        return parts.joined(separator: ";")
    }
}

/// RFC 5545 basic date and date-time forms.
enum RuleText {
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let body = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + body : body
    }

    static func basic(_ date: PlainDate) -> String {
        pad(Int(date.year), 4) + pad(Int(date.month), 2) + pad(Int(date.day), 2)
    }

    static func basic(_ dateTime: PlainDateTime) -> String {
        basic(dateTime.date) + "T" + pad(Int(dateTime.time.hour), 2) + pad(Int(dateTime.time.minute), 2)
            + pad(Int(dateTime.time.second), 2)
    }
}
