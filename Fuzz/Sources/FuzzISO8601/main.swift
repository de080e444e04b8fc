// libFuzzer harness: the ISO 8601 parsers, byte fast path and throwing initialisers.
//
// Checks: nothing traps; the byte path agrees with the initialisers; whatever parses
// formats back to text that parses to an equal value; the compact (iCalendar) forms agree
// with the general ones.
import FuzzSupport
import TalkplanTime

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzISO8601(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(data, count)
    let instant = bytes.withUnsafeBytes(ISO8601.parseInstant)
    let plain = bytes.withUnsafeBytes(ISO8601.parsePlainDateTime)
    let both = bytes.withUnsafeBytes(ISO8601.parseOffsetDateTime)
    _ = bytes.withUnsafeBytes(ISO8601.parseEpochSeconds)
    _ = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { ISO8601.parseCompactUTC($0, buffer.count) }
    }
    _ = bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { ISO8601.parseCompactLocal($0, buffer.count) }
    }
    invariant(plain == nil || both == nil, "read both with and without an offset")
    if let instant {
        invariant(both?.instant == instant, "instant \(instant) but offset date-time \(String(describing: both))")
        invariant((try? Instant(iso8601: instant.description)) == instant, "\(instant) does not read back")
    }
    if let plain {
        invariant((try? PlainDateTime(iso8601: plain.description)) == plain, "\(plain) does not read back")
    }
    if let both {
        invariant((try? OffsetDateTime(iso8601: both.description)) == both, "\(both) does not read back")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if bytes.allSatisfy({ $0 < 0x80 }) {
        invariant((try? Instant(iso8601: text)) == instant, "byte path and Instant(iso8601:) disagree")
        invariant((try? PlainDateTime(iso8601: text)) == plain, "byte path and PlainDateTime(iso8601:) disagree")
        invariant((try? OffsetDateTime(iso8601: text)) == both, "byte path and OffsetDateTime(iso8601:) disagree")
    }
    if let date = try? PlainDate(iso8601: text) {
        invariant((try? PlainDate(iso8601: date.description)) == date, "\(date) does not read back")
    }
    if let time = try? PlainTime(iso8601: text) {
        invariant((try? PlainTime(iso8601: time.description)) == time, "\(time) does not read back")
    }
    if let offset = try? UTCOffset(iso8601: text) {
        invariant((try? UTCOffset(iso8601: offset.description)) == offset, "\(offset) does not read back")
    }
    return 0
}
