import Testing
@testable import TalkplanTime

@Suite("ISO 8601 fixed-width fast paths")
struct ISO8601CompactTests {
    private func parseUTC(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { ISO8601.parseCompactUTC($0.baseAddress!, $0.count) }
    }

    private func parseLocal(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { ISO8601.parseCompactLocal($0.baseAddress!, $0.count) }
    }

    private func local(_ seconds: Int64, _ offset: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let n = bytes.withUnsafeMutableBufferPointer { ISO8601.writeCompactLocal(utcSeconds: seconds, offset: offset, to: $0.baseAddress!) }
        return n == 0 ? nil : String(decoding: bytes[0..<n], as: UTF8.self)
    }

    // Epoch values from Python: int(datetime.fromisoformat("...+00:00").timestamp()).
    @Test("known instants", arguments: [
        ("2024-03-10T08:00:00Z", Int64(1_710_057_600)),
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("1969-12-31T23:59:59Z", Int64(-1)),
        ("2038-01-19T03:14:08Z", Int64(2_147_483_648)),
        ("0000-01-01T00:00:00Z", Int64(-62_167_219_200)),
        ("9999-12-31T23:59:59z", Int64(253_402_300_799)),
        ("2000-02-29T12:00:00Z", Int64(951_825_600)),
    ])
    func known(text: String, seconds: Int64) {
        #expect(parseUTC(text) == seconds)
    }

    @Test("everything else falls back", arguments: [
        "2024-03-10T08:00:00", "2024-03-10T08:00:00+00:00", "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-03-10T24:00:00Z", "2024-03-10T23:60:00Z",
        "2024-03-10T23:59:60Z", "2024-03-1OT08:00:00Z", "2024/03/10T08:00:00Z", "2024-03-10T08:00:00.5Z",
        "+2024-03-10T08:00:00Z", "", "ZZZZZZZZZZZZZZZZZZZZ",
    ])
    func rejects(text: String) {
        #expect(parseUTC(text) == nil)
    }

    @Test("local writer: Chicago offsets (values from Python zoneinfo)")
    func writesLocal() {
        #expect(local(1_710_057_600, -18_000) == "2024-03-10T03:00:00-05:00")
        #expect(local(1_710_057_599, -21_600) == "2024-03-10T01:59:59-06:00")
        #expect(local(0, 19_800) == "1970-01-01T05:30:00+05:30")
        #expect(local(-1, 0) == "1969-12-31T23:59:59+00:00")
        #expect(local(0, -2_079) == nil)                       // offset with seconds: general writer
        #expect(local(253_402_300_799, 3600) == nil)           // year 10000: general writer
    }

    @Test("the UTC writer at the ends of years 0000–9999", arguments: [
        (Int64(-62_167_219_200), "0000-01-01T00:00:00Z"), (Int64(253_402_300_799), "9999-12-31T23:59:59Z"),
        (Int64(951_782_400), "2000-02-29T00:00:00Z"), (Int64(-1), "1969-12-31T23:59:59Z"),
    ])
    func utcWriterEdges(seconds: Int64, text: String) {
        var bytes = [UInt8](repeating: 0, count: 20)
        let n = bytes.withUnsafeMutableBufferPointer { ISO8601.writeCompactUTC(seconds: seconds, to: $0.baseAddress!) }
        #expect(n == 20)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
        #expect(bytes.withUnsafeMutableBufferPointer { ISO8601.writeCompactUTC(seconds: 253_402_300_800, to: $0.baseAddress!) } == 0)
    }

    @Test("fast and general paths agree on random instants and wall times")
    func agreesWithGeneralPath() {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<50_000 {
            let seconds = Int64(generator.next() % 253_402_300_800) - 62_135_596_800 / 2
            let offset = Int32(Int64(generator.next() % 108) - 54) * 900
            let instant = Instant(seconds: seconds)
            var general = [UInt8](repeating: 0, count: 64)
            let n = general.withUnsafeMutableBytes {
                ISO8601.writeOffsetDateTime(instant.plainDateTime(at: UTCOffset(seconds: offset)!), offset: UTCOffset(seconds: offset)!, into: $0)
            }
            let expected = String(decoding: general[0..<n], as: UTF8.self)
            if let fast = local(seconds, offset) { #expect(fast == expected) }
            let utc = instant.description
            #expect(parseUTC(utc) == seconds, "\(utc)")
            var compact = [UInt8](repeating: 0, count: 20)
            let written = compact.withUnsafeMutableBufferPointer { ISO8601.writeCompactUTC(seconds: seconds, to: $0.baseAddress!) }
            if written == 20 { #expect(String(decoding: compact, as: UTF8.self) == utc) }
            #expect(parseLocal(String(utc.dropLast())) == seconds)
        }
    }
}
