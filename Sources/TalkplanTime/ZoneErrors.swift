extension TimeError {
    /// An unknown zone name.
    static func unknownZone(_ name: String) -> TimeError {
        let shown = name.count > 64 ? String(name.prefix(64)) + "…" : name
        return TimeError(message: "unknown time zone \"\(shown)\"")
    }

    /// A wall time in a gap: "02:30 on 2024-03-10 does not exist in America/Chicago (gap 02:00–03:00)".
    static func nonexistent(_ dateTime: PlainDateTime, zone: String, from: PlainDateTime?, to: PlainDateTime?) -> TimeError {
        var message = "\(clock(dateTime.time)) on \(dateTime.date) does not exist in \(zone)"
        if let from, let to { message += " (gap \(clock(from.time))–\(clock(to.time)))" }
        return TimeError(message: message)
    }

    /// A wall time in a fold: "01:30 on 2024-11-03 is ambiguous in America/Chicago (fold 01:00–02:00, at -05:00 then -06:00)".
    static func ambiguous(_ dateTime: PlainDateTime, zone: String, from: PlainDateTime?, to: PlainDateTime?,
                          offsets: (UTCOffset, UTCOffset)) -> TimeError {
        var message = "\(clock(dateTime.time)) on \(dateTime.date) is ambiguous in \(zone)"
        if let from, let to {
            message += " (fold \(clock(from.time))–\(clock(to.time)), at \(offsets.0) then \(offsets.1))"
        } else {
            message += " (at \(offsets.0) then \(offsets.1))"
        }
        return TimeError(message: message)
    }

    private static func clock(_ time: PlainTime) -> String {
        func two(_ value: UInt8) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(two(time.hour)):\(two(time.minute))"
        if time.second != 0 || time.nanosecond != 0 { text += ":\(two(time.second))" }
        return text
    }
}
