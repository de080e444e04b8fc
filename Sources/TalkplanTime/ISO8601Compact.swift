/// Fixed-width fast paths for the forms bulk data nearly always uses.
///
/// Each function handles exactly one layout and returns `nil` (or 0 bytes) for anything else,
/// so callers fall back to the general parsers and writers (``ISO8601/parseInstant(_:)``,
/// ``ISO8601/writeOffsetDateTime(_:offset:into:)``), which accept every form. Validation is
/// complete: every digit is checked and impossible dates (Feb 30) are refused.
extension ISO8601 {
    /// Parses exactly `YYYY-MM-DDTHH:MM:SSZ` (20 bytes) into epoch seconds.
    ///
    /// ```swift
    /// "2024-03-10T08:00:00Z".utf8.withContiguousStorageIfAvailable {
    ///     ISO8601.parseCompactUTC($0.baseAddress!, $0.count)
    /// }   // 1_710_057_600
    /// ```
    @inline(__always)
    public static func parseCompactUTC(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
        guard count == 20, p[19] == 0x5A || p[19] == 0x7A else { return nil }
        return parseCompactDateTime(p)
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SS` (19 bytes) into local epoch seconds
    /// (seconds since 1970-01-01T00:00:00 of the wall time read as if it were UTC).
    @inline(__always)
    public static func parseCompactLocal(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
        guard count == 19 else { return nil }
        return parseCompactDateTime(p)
    }

    @inline(__always)
    static func parseCompactDateTime(_ p: UnsafePointer<UInt8>) -> Int64? {
        guard p[4] == 0x2D, p[7] == 0x2D, p[10] == 0x54 || p[10] == 0x74 || p[10] == 0x20, p[13] == 0x3A, p[16] == 0x3A
        else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int64 { Int64(p[i] &- 0x30) }
        let d0 = digit(0), d1 = digit(1), d2 = digit(2), d3 = digit(3)
        let d5 = digit(5), d6 = digit(6), d8 = digit(8), d9 = digit(9)
        let d11 = digit(11), d12 = digit(12), d14 = digit(14), d15 = digit(15), d17 = digit(17), d18 = digit(18)
        guard d0 < 10, d1 < 10, d2 < 10, d3 < 10, d5 < 10, d6 < 10, d8 < 10, d9 < 10,
              d11 < 10, d12 < 10, d14 < 10, d15 < 10, d17 < 10, d18 < 10
        else { return nil }
        let year = d0 * 1000 + d1 * 100 + d2 * 10 + d3
        let month = d5 * 10 + d6
        let day = d8 * 10 + d9
        let hour = d11 * 10 + d12
        let minute = d14 * 10 + d15
        let second = d17 * 10 + d18
        guard month >= 1, month <= 12, day >= 1, day <= Civil.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60
        else { return nil }
        return Civil.daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Writes the wall time `utcSeconds + offset` as `YYYY-MM-DDTHH:MM:SS±HH:MM` (25 bytes) and
    /// returns 25; returns 0, writing nothing, when the year is outside 0000–9999 or the offset has
    /// seconds (use ``writeOffsetDateTime(_:offset:into:)`` then). `to` must have room for 25 bytes.
    @inline(__always)
    public static func writeCompactLocal(utcSeconds: Int64, offset: Int32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard offset % 60 == 0, writeCompactDateTime(utcSeconds &+ Int64(offset), to: p) else { return 0 }
        let magnitude = offset < 0 ? -offset : offset
        p[19] = offset < 0 ? 0x2D : 0x2B
        let hours = magnitude / 3600
        let minutes = (magnitude / 60) % 60
        p[20] = UInt8(truncatingIfNeeded: 0x30 + hours / 10)
        p[21] = UInt8(truncatingIfNeeded: 0x30 + hours % 10)
        p[22] = 0x3A
        p[23] = UInt8(truncatingIfNeeded: 0x30 + minutes / 10)
        p[24] = UInt8(truncatingIfNeeded: 0x30 + minutes % 10)
        return 25
    }

    /// Writes an instant as `YYYY-MM-DDTHH:MM:SSZ` (20 bytes) and returns 20; returns 0 when the
    /// year is outside 0000–9999. `to` must have room for 20 bytes.
    @inline(__always)
    public static func writeCompactUTC(seconds: Int64, to p: UnsafeMutablePointer<UInt8>) -> Int {
        guard writeCompactDateTime(seconds, to: p) else { return 0 }
        p[19] = 0x5A
        return 20
    }

    /// Years 0000–9999: seconds since the epoch from -62167219200 to 253402300799. The date by
    /// 32-bit calendar arithmetic (``Civil/fastDate(shiftedDays:)``), each pair of digits by a
    /// multiply-shift and one 16-bit store.
    @inline(__always)
    static func writeCompactDateTime(_ seconds: Int64, to p: UnsafeMutablePointer<UInt8>) -> Bool {
        guard seconds >= -62_167_219_200, seconds < 253_402_300_800 else { return false }
        let shifted = UInt64(bitPattern: seconds &+ Int64(Civil.fastDayShift) &* 86_400)
        let dayCount = shifted / 86_400
        let secondOfDay = UInt32(truncatingIfNeeded: shifted &- dayCount &* 86_400)
        let (signedYear, month, day) = Civil.fastDate(shiftedDays: UInt32(truncatingIfNeeded: dayCount))
        let year = UInt32(bitPattern: signedYear)
        let raw = UnsafeMutableRawPointer(p)
        @inline(__always) func two(_ value: UInt32, _ at: Int) {
            let tens = (value &* 103) >> 10          // value / 10 for value < 100
            let pair = UInt16(truncatingIfNeeded: (0x30 &+ tens) | ((0x30 &+ value &- tens &* 10) << 8))
            raw.storeBytes(of: pair.littleEndian, toByteOffset: at, as: UInt16.self)
        }
        let century = (year &* 5_243) >> 19             // year / 100 for year < 10,000 (exact: checked for all)
        two(century, 0)
        two(year &- century &* 100, 2)
        p[4] = 0x2D
        two(month, 5)
        p[7] = 0x2D
        two(day, 8)
        p[10] = 0x54
        let hour = secondOfDay / 3600
        let minuteAndSecond = secondOfDay &- hour &* 3600
        let minute = minuteAndSecond / 60
        two(hour, 11)
        p[13] = 0x3A
        two(minute, 14)
        p[16] = 0x3A
        two(minuteAndSecond &- minute &* 60, 17)
        return true
    }
}
