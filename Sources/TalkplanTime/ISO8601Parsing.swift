// ISO 8601 / RFC 3339 input.
//
// One byte-level grammar serves both the allocation-free fast path
// (`ISO8601.parseInstant` and friends, which return `nil`) and the
// `init(iso8601:)` initialisers (which throw a `TimeError` naming the column
// and the values involved). Parsers read only within the given bytes and
// never trap, whatever the input.

/// ISO 8601 parsing and formatting on raw bytes, for bulk conversion.
///
/// Accepted syntax (all parsers ignore one trailing `\r`, so CRLF lines can
/// be passed as they are):
///
/// - date: `YYYY-MM-DD` or basic `YYYYMMDD`; years outside `0000...9999` as
///   `±YYYYYY` (six digits, `-000000` rejected).
/// - separator: `T`, `t` or a space.
/// - time: `HH:MM`, `HH:MM:SS` (basic `HHMM`, `HHMMSS` after a basic date),
///   optionally with a fraction of 1–9 digits after `.` or `,` (seconds only).
///   Hour 24 and second 60 are rejected.
/// - offset: `Z`, `z`, `±HH`, `±HHMM`, `±HH:MM`, `±HH:MM:SS`, `±HHMMSS`.
///
/// ```swift
/// let line = Array("2024-03-10T08:00:00Z\r".utf8)
/// let instant = line.withUnsafeBytes { ISO8601.parseInstant($0) }
/// // Instant(seconds: 1710057600)
/// ```
public enum ISO8601 {
    /// Parses a UTC instant with a required offset, such as
    /// `2024-03-10T08:00:00Z` or `2024-03-10 03:00:00.5-05:00`; `nil` when
    /// the bytes are not one, or the instant falls outside
    /// ``Instant/min``...``Instant/max``. A trailing `\r` is ignored.
    /// Allocation-free; never traps.
    ///
    /// ```swift
    /// Array("2024-03-10T03:00:00-05:00".utf8).withUnsafeBytes(ISO8601.parseInstant)
    /// // Instant(seconds: 1710057600)
    /// ```
    public static func parseInstant(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        try? ISO8601Grammar.instant(bytes)
    }

    /// Parses a date-time with a required offset and keeps both parts; `nil`
    /// when the bytes are not one. A trailing `\r` is ignored. Allocation-free;
    /// never traps.
    ///
    /// ```swift
    /// Array("2024-03-10T03:00:00-05:00".utf8).withUnsafeBytes(ISO8601.parseOffsetDateTime)?.offset
    /// // -05:00
    /// ```
    public static func parseOffsetDateTime(_ bytes: UnsafeRawBufferPointer) -> OffsetDateTime? {
        guard let (dateTime, offset) = try? ISO8601Grammar.offsetDateTime(bytes) else { return nil }
        return OffsetDateTime(dateTime: dateTime, offset: offset)
    }

    /// Parses a wall-clock date-time without offset, such as
    /// `2024-03-10T02:30:00`, `2024-03-10T02:30` or `2024-03-10 02:30:00.25`;
    /// `nil` when the bytes are not one (including when an offset follows).
    /// A trailing `\r` is ignored. Allocation-free; never traps.
    ///
    /// ```swift
    /// Array("2024-03-10T02:30".utf8).withUnsafeBytes(ISO8601.parsePlainDateTime)
    /// // 2024-03-10T02:30:00
    /// ```
    public static func parsePlainDateTime(_ bytes: UnsafeRawBufferPointer) -> PlainDateTime? {
        try? ISO8601Grammar.plainDateTime(bytes)
    }

    /// Parses a decimal count of seconds since the epoch: an optional `+` or
    /// `-` followed by at least one ASCII digit (leading zeros allowed, no
    /// spaces). `nil` when the bytes are not such a number or it does not fit
    /// in `Int64` (`Int64.min` itself parses). A trailing `\r` is ignored.
    /// Allocation-free; never traps.
    ///
    /// ```swift
    /// Array("-86400".utf8).withUnsafeBytes(ISO8601.parseEpochSeconds)               // -86400
    /// Array("9223372036854775808".utf8).withUnsafeBytes(ISO8601.parseEpochSeconds)  // nil
    /// ```
    public static func parseEpochSeconds(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var end = bytes.count
        if end > 0 && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var index = 0
        var negative = false
        if index < end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end else { return nil }
        // Accumulate toward negative infinity so that Int64.min is representable.
        var value: Int64 = 0
        while index < end {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = scaled.subtractingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }
}

extension Instant {
    /// Parses an ISO 8601 / RFC 3339 instant with a required offset, such as
    /// `2024-03-10T08:00:00Z`, `2024-03-10t08:00:00z`, `2024-03-10 03:00:00-05:00`,
    /// `2024-03-10T10:00:00.250+0200` or `2024-03-10T10:00+02`. The offset is
    /// applied and discarded (see ``OffsetDateTime`` to keep it). A trailing
    /// `\r` is ignored. Throws a ``TimeError`` naming the column at fault, or
    /// when the instant is outside ``min``...``max``.
    ///
    /// ```swift
    /// try Instant(iso8601: "2024-03-10T03:00:00-05:00").seconds  // 1710057600
    /// try Instant(iso8601: "2024-03-10T0830")
    /// // throws "expected ':' at column 14 in \"2024-03-10T0830\""
    /// ```
    public init(iso8601 text: some StringProtocol) throws(TimeError) {
        self = try ISO8601Grammar.run(text, .instant, ISO8601Grammar.instant)
    }
}

extension OffsetDateTime {
    /// Parses an ISO 8601 date-time with a required offset, keeping the wall
    /// time and the offset as written. Same syntax as ``Instant/init(iso8601:)``.
    ///
    /// ```swift
    /// let value = try OffsetDateTime(iso8601: "2024-03-10T03:00:00-05:00")
    /// value.dateTime  // 2024-03-10T03:00:00
    /// value.offset    // -05:00
    /// ```
    public init(iso8601 text: some StringProtocol) throws(TimeError) {
        let (dateTime, offset) = try ISO8601Grammar.run(text, .offsetDateTime, ISO8601Grammar.offsetDateTime)
        self.init(dateTime: dateTime, offset: offset)
    }
}

extension PlainDateTime {
    /// Parses an ISO 8601 date-time without offset, such as
    /// `2024-03-10T02:30:00`, `2024-03-10T02:30`, `2024-03-10 02:30:00.5` or
    /// basic `20240310T023000`. A time is required, and an offset is an error.
    /// A trailing `\r` is ignored.
    ///
    /// ```swift
    /// try PlainDateTime(iso8601: "2024-03-10T02:30")  // 2024-03-10T02:30:00
    /// try PlainDateTime(iso8601: "2024-03-10T24:00")
    /// // throws "invalid time 24:00:00 in \"2024-03-10T24:00\": hour 24 is not in 0...23"
    /// ```
    public init(iso8601 text: some StringProtocol) throws(TimeError) {
        self = try ISO8601Grammar.run(text, .plainDateTime, ISO8601Grammar.plainDateTime)
    }
}

extension PlainDate {
    /// Parses an ISO 8601 calendar date: `2024-03-10`, basic `20240310`, or
    /// with an extended year `+012345-01-01` / `-000044-03-15`. A trailing
    /// `\r` is ignored.
    ///
    /// ```swift
    /// try PlainDate(iso8601: "20240310")  // 2024-03-10
    /// try PlainDate(iso8601: "2023-02-29")
    /// // throws "invalid date 2023-02-29 in \"2023-02-29\": february 2023 has 28 days"
    /// ```
    public init(iso8601 text: some StringProtocol) throws(TimeError) {
        self = try ISO8601Grammar.run(text, .date, ISO8601Grammar.plainDate)
    }
}

extension PlainTime {
    /// Parses an ISO 8601 time of day: `08:30`, `08:30:15`, `08:30:15.5`, or
    /// basic `0830`, `083015`. A trailing `\r` is ignored.
    ///
    /// ```swift
    /// try PlainTime(iso8601: "08:30:15.250")  // 08:30:15.250
    /// ```
    public init(iso8601 text: some StringProtocol) throws(TimeError) {
        self = try ISO8601Grammar.run(text, .time, ISO8601Grammar.plainTime)
    }
}

extension UTCOffset {
    /// Parses an ISO 8601 UTC offset: `Z`, `+02:00`, `+0200`, `+02`,
    /// `-05:00`, `+05:53:28`. A trailing `\r` is ignored. `-00:00` means UTC.
    ///
    /// ```swift
    /// try UTCOffset(iso8601: "+0530").seconds  // 19800
    /// try UTCOffset(iso8601: "Z")              // +00:00
    /// ```
    public init(iso8601 text: some StringProtocol) throws(TimeError) {
        self = try ISO8601Grammar.run(text, .offset, ISO8601Grammar.utcOffset)
    }
}
