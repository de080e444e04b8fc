// ISO 8601 / RFC 3339 output, written straight into caller-provided bytes.
//
// Every `description` in the module goes through these writers, so the string
// forms and the byte fast path cannot drift apart.

extension ISO8601 {
    /// Bytes needed for any ``PlainDate`` (`+999999-12-31`).
    static let maxDateLength = 13
    /// Bytes needed for any ``PlainTime`` (`23:59:59.999999999`).
    static let maxTimeLength = 18
    /// Bytes needed for any ``UTCOffset`` (`+23:59:59`).
    static let maxOffsetLength = 9

    /// Bytes that always suffice for ``writePlainDateTime(_:into:)``
    /// (`+999999-12-31T23:59:59.999999999`).
    ///
    /// ```swift
    /// ISO8601.maxDateTimeLength  // 32
    /// ```
    public static let maxDateTimeLength = 32

    /// Bytes that always suffice for ``writeInstant(_:into:)``
    /// (`+999999-12-31T23:59:59.999999999Z`).
    ///
    /// ```swift
    /// var buffer = [UInt8](repeating: 0, count: ISO8601.maxInstantLength)  // 33 bytes
    /// ```
    public static let maxInstantLength = 33

    /// Bytes that always suffice for ``writeOffsetDateTime(_:offset:into:)``
    /// (`+999999-12-31T23:59:59.999999999+23:59:59`).
    ///
    /// ```swift
    /// var buffer = [UInt8](repeating: 0, count: ISO8601.maxOffsetDateTimeLength)  // 41 bytes
    /// ```
    public static let maxOffsetDateTimeLength = 41

    /// Writes `dt` followed by `offset`, e.g. `2024-03-10T03:00:00-05:00`, and
    /// returns the number of bytes written. The fraction appears only when the
    /// nanoseconds are not zero (3, 6 or 9 digits); the offset is `±HH:MM`, or
    /// `±HH:MM:SS` when it has seconds, and UTC is `+00:00`. Years outside
    /// `0...9999` use the six-digit form `±YYYYYY`.
    ///
    /// Writes nothing and returns 0 when `into` is too small;
    /// ``maxOffsetDateTimeLength`` bytes always suffice. Allocation-free.
    ///
    /// ```swift
    /// var out = [UInt8](repeating: 0, count: ISO8601.maxOffsetDateTimeLength)
    /// let dt = PlainDateTime(year: 2024, month: 3, day: 10, hour: 3)!
    /// let n = out.withUnsafeMutableBytes {
    ///     ISO8601.writeOffsetDateTime(dt, offset: UTCOffset(hours: -5)!, into: $0)
    /// }
    /// // out[..<n] == "2024-03-10T03:00:00-05:00" (25 bytes)
    /// ```
    public static func writeOffsetDateTime(_ dt: PlainDateTime, offset: UTCOffset,
                                           into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let length = dateTimeLength(dt) + offsetLength(offset)
        guard buffer.count >= length else { return 0 }
        let end = writeOffset(offset, to: buffer, at: writeDateTime(dt, to: buffer, at: 0))
        return end
    }

    /// Writes `i` in UTC with a `Z` designator, e.g. `2024-03-10T08:00:00Z`,
    /// and returns the number of bytes written. The fraction appears only when
    /// the nanoseconds are not zero (3, 6 or 9 digits). Instants outside
    /// ``Instant/min``...``Instant/max`` are written as the clamped bound.
    ///
    /// Writes nothing and returns 0 when `into` is too small;
    /// ``maxInstantLength`` bytes always suffice. Allocation-free.
    ///
    /// ```swift
    /// var out = [UInt8](repeating: 0, count: ISO8601.maxInstantLength)
    /// let n = out.withUnsafeMutableBytes {
    ///     ISO8601.writeInstant(Instant(seconds: 1_710_057_600), into: $0)
    /// }
    /// // out[..<n] == "2024-03-10T08:00:00Z" (20 bytes)
    /// ```
    public static func writeInstant(_ i: Instant, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let dt = i.plainDateTime(at: .zero)
        let length = dateTimeLength(dt) + 1
        guard buffer.count >= length else { return 0 }
        let end = writeDateTime(dt, to: buffer, at: 0)
        buffer[end] = UInt8(ascii: "Z")
        return end + 1
    }

    /// Writes `dt` without any offset, e.g. `2024-03-10T02:30:00`, and returns
    /// the number of bytes written; 0 (nothing written) when `into` is too
    /// small. ``maxDateTimeLength`` bytes always suffice. Allocation-free.
    ///
    /// ```swift
    /// var out = [UInt8](repeating: 0, count: ISO8601.maxDateTimeLength)
    /// let dt = PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!
    /// let n = out.withUnsafeMutableBytes { ISO8601.writePlainDateTime(dt, into: $0) }
    /// // out[..<n] == "2024-03-10T02:30:00" (19 bytes)
    /// ```
    public static func writePlainDateTime(_ dt: PlainDateTime, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard buffer.count >= dateTimeLength(dt) else { return 0 }
        return writeDateTime(dt, to: buffer, at: 0)
    }

    // MARK: - Lengths

    @inline(__always)
    static func dateLength(_ date: PlainDate) -> Int {
        date.year >= 0 && date.year <= 9999 ? 10 : 13
    }

    @inline(__always)
    static func fractionDigits(_ nanosecond: Int32) -> Int {
        if nanosecond == 0 { return 0 }
        if nanosecond % 1_000_000 == 0 { return 3 }
        if nanosecond % 1_000 == 0 { return 6 }
        return 9
    }

    @inline(__always)
    static func timeLength(_ time: PlainTime) -> Int {
        let digits = fractionDigits(time.nanosecond)
        return digits == 0 ? 8 : 9 + digits
    }

    @inline(__always)
    static func dateTimeLength(_ dt: PlainDateTime) -> Int {
        dateLength(dt.date) + 1 + timeLength(dt.time)
    }

    @inline(__always)
    static func offsetLength(_ offset: UTCOffset) -> Int {
        offset.seconds % 60 == 0 ? 6 : 9
    }

    // MARK: - Unchecked writers (callers guarantee capacity)

    @inline(__always)
    static func write2(_ value: Int, to buffer: UnsafeMutableRawBufferPointer, at index: Int) -> Int {
        buffer[index] = UInt8(truncatingIfNeeded: 48 + value / 10)
        buffer[index + 1] = UInt8(truncatingIfNeeded: 48 + value % 10)
        return index + 2
    }

    @inline(__always)
    static func writeDigits(_ value: Int, count: Int, to buffer: UnsafeMutableRawBufferPointer, at index: Int) -> Int {
        var remaining = value
        var position = index + count - 1
        while position >= index {
            buffer[position] = UInt8(truncatingIfNeeded: 48 + remaining % 10)
            remaining /= 10
            position -= 1
        }
        return index + count
    }

    static func writeDate(_ date: PlainDate, to buffer: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        var index = start
        let year = Int(date.year)
        if year >= 0 && year <= 9999 {
            index = writeDigits(year, count: 4, to: buffer, at: index)
        } else {
            buffer[index] = year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            index = writeDigits(Int(year.magnitude), count: 6, to: buffer, at: index + 1)
        }
        buffer[index] = UInt8(ascii: "-")
        index = write2(Int(date.month), to: buffer, at: index + 1)
        buffer[index] = UInt8(ascii: "-")
        return write2(Int(date.day), to: buffer, at: index + 1)
    }

    static func writeTime(_ time: PlainTime, to buffer: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        var index = write2(Int(time.hour), to: buffer, at: start)
        buffer[index] = UInt8(ascii: ":")
        index = write2(Int(time.minute), to: buffer, at: index + 1)
        buffer[index] = UInt8(ascii: ":")
        index = write2(Int(time.second), to: buffer, at: index + 1)
        let digits = fractionDigits(time.nanosecond)
        if digits > 0 {
            buffer[index] = UInt8(ascii: ".")
            var value = Int(time.nanosecond)
            if digits == 3 { value /= 1_000_000 } else if digits == 6 { value /= 1_000 }
            index = writeDigits(value, count: digits, to: buffer, at: index + 1)
        }
        return index
    }

    static func writeDateTime(_ dt: PlainDateTime, to buffer: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        let index = writeDate(dt.date, to: buffer, at: start)
        buffer[index] = UInt8(ascii: "T")
        return writeTime(dt.time, to: buffer, at: index + 1)
    }

    static func writeOffset(_ offset: UTCOffset, to buffer: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        let magnitude = Int(offset.seconds.magnitude)
        buffer[start] = offset.seconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        var index = write2(magnitude / 3600, to: buffer, at: start + 1)
        buffer[index] = UInt8(ascii: ":")
        index = write2(magnitude / 60 % 60, to: buffer, at: index + 1)
        if magnitude % 60 != 0 {
            buffer[index] = UInt8(ascii: ":")
            index = write2(magnitude % 60, to: buffer, at: index + 1)
        }
        return index
    }

    /// Builds a `String` by letting `write` fill at most `capacity` ASCII bytes.
    @inline(__always)
    static func string(capacity: Int, _ write: (UnsafeMutableRawBufferPointer) -> Int) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            write(UnsafeMutableRawBufferPointer(buffer))
        }
    }
}
