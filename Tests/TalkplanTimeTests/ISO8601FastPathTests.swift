import Testing
import TalkplanTime

private func bytes<T>(_ text: String, _ parse: (UnsafeRawBufferPointer) -> T) -> T {
    Array(text.utf8).withUnsafeBytes(parse)
}

@Suite("ISO 8601 byte fast path")
struct ISO8601FastPathTests {
    @Test func epochSeconds() {
        #expect(bytes("0", ISO8601.parseEpochSeconds) == 0)
        #expect(bytes("-0", ISO8601.parseEpochSeconds) == 0)
        #expect(bytes("+5", ISO8601.parseEpochSeconds) == 5)
        #expect(bytes("1710057600", ISO8601.parseEpochSeconds) == 1_710_057_600)
        #expect(bytes("1710057600\r", ISO8601.parseEpochSeconds) == 1_710_057_600)
        #expect(bytes("-86400", ISO8601.parseEpochSeconds) == -86_400)
        #expect(bytes("0000000000000000000000000001", ISO8601.parseEpochSeconds) == 1)
        #expect(bytes("9223372036854775807", ISO8601.parseEpochSeconds) == .max)
        #expect(bytes("-9223372036854775808", ISO8601.parseEpochSeconds) == .min)
        #expect(bytes("+9223372036854775807", ISO8601.parseEpochSeconds) == .max)
        for bad in ["", "\r", "-", "+", "-\r", "9223372036854775808", "-9223372036854775809",
                    "99999999999999999999", "18446744073709551616", "12a", "a12", " 1", "1 ", "1\n",
                    "1\r\r", "--1", "+-1", "1.5", "1e9", "０"] {
            #expect(bytes(bad, ISO8601.parseEpochSeconds) == nil, "\(bad)")
        }
    }

    @Test func trailingCarriageReturnIsIgnoredOnce() {
        #expect(bytes("2024-03-10T08:00:00Z\r", ISO8601.parseInstant) == Instant(seconds: 1_710_057_600))
        #expect(bytes("2024-03-10T02:30\r", ISO8601.parsePlainDateTime)
                == PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30))
        #expect(bytes("2024-03-10T08:00:00Z\r\r", ISO8601.parseInstant) == nil)
        #expect(bytes("2024-03-10T08:00:00\rZ", ISO8601.parseInstant) == nil)
    }

    @Test func emptyAndTinyBuffers() {
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        #expect(ISO8601.parseInstant(empty) == nil)
        #expect(ISO8601.parsePlainDateTime(empty) == nil)
        #expect(ISO8601.parseOffsetDateTime(empty) == nil)
        #expect(ISO8601.parseEpochSeconds(empty) == nil)
    }

    /// Parsers must read only within the buffer: each prefix of a valid line
    /// is parsed from an exactly-sized buffer, so an overread would be caught
    /// by the address sanitizer and cannot produce a value.
    @Test func everyPrefixOfValidLinesIsSafe() {
        let lines = ["+999999-12-31T23:59:59.999999999+23:59:59", "2024-03-10T08:00:00.123456789Z",
                     "20240310T030000.5-0500", "2024-03-10 02:30:00"]
        for line in lines {
            let full = Array(line.utf8)
            for length in 0..<full.count {
                let prefix = Array(full[..<length])
                _ = prefix.withUnsafeBytes(ISO8601.parseInstant)
                _ = prefix.withUnsafeBytes(ISO8601.parseOffsetDateTime)
                _ = prefix.withUnsafeBytes(ISO8601.parsePlainDateTime)
                _ = prefix.withUnsafeBytes(ISO8601.parseEpochSeconds)
            }
        }
        // Prefixes of an instant that stop before the offset is complete never parse.
        let instant = Array("2024-03-10T08:00:00Z".utf8)
        for length in 0..<instant.count {
            #expect(Array(instant[..<length]).withUnsafeBytes(ISO8601.parseInstant) == nil)
        }
    }

    @Test func randomInstantsRoundTripThroughBytes() {
        var rng = CivilTestRNG(state: 0xB17E)
        var buffer = [UInt8](repeating: 0, count: ISO8601.maxOffsetDateTimeLength)
        for _ in 0..<50_000 {
            let seconds = Int64.random(in: Instant.min.seconds...Instant.max.seconds, using: &rng)
            let nanoseconds: Int32
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: nanoseconds = 0
            case 1: nanoseconds = Int32.random(in: 0..<1000, using: &rng) * 1_000_000
            case 2: nanoseconds = Int32.random(in: 0..<1_000_000, using: &rng) * 1000
            default: nanoseconds = Int32.random(in: 0..<1_000_000_000, using: &rng)
            }
            let instant = Instant(seconds: seconds, nanoseconds: nanoseconds)
            let n = buffer.withUnsafeMutableBytes { ISO8601.writeInstant(instant, into: $0) }
            #expect(n > 0)
            let parsed = buffer.withUnsafeBytes { ISO8601.parseInstant(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            #expect(parsed == instant)
            #expect(String(decoding: buffer[..<n], as: UTF8.self) == instant.description)

            let offset = UTCOffset(seconds: Int32.random(in: -86_399...86_399, using: &rng))!
            let wall = instant.plainDateTime(at: offset)
            let m = buffer.withUnsafeMutableBytes { ISO8601.writeOffsetDateTime(wall, offset: offset, into: $0) }
            let both = buffer.withUnsafeBytes { ISO8601.parseOffsetDateTime(UnsafeRawBufferPointer(rebasing: $0[..<m])) }
            #expect(both?.dateTime == wall)
            #expect(both?.offset == offset)
            #expect(both?.instant == instant)
        }
    }

    /// Random bytes drawn mostly from the ISO 8601 alphabet, and random edits of
    /// valid lines: nothing may trap, the byte path must agree with the throwing
    /// initialisers, and whatever parses must format back to an equal value.
    @Test func fuzzedInputsNeverTrapAndAgree() {
        var rng = CivilTestRNG(state: 0xF0CC)
        let alphabet = Array("0123456789-+:Tt Zz.,\r\n\u{0}x".utf8) + [0xFF, 0xC3, 0x80]
        let seeds = ["2024-03-10T08:00:00Z", "2024-03-10T03:00:00.123-05:00", "20240310T080000+0200",
                     "+012345-06-07T23:59:59,5+05:53:28", "2024-03-10 02:30", "-000001-01-01T00:00:00Z"].map { Array($0.utf8) }
        var accepted = 0
        for round in 0..<60_000 {
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int.random(in: 0...36, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            } else {
                input = seeds.randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let position = Int.random(in: 0...input.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0 where position < input.count: input.remove(at: position)
                    case 1: input.insert(alphabet.randomElement(using: &rng)!, at: position)
                    default: if position < input.count { input[position] = alphabet.randomElement(using: &rng)! }
                    }
                }
            }
            let instant = input.withUnsafeBytes(ISO8601.parseInstant)
            let plain = input.withUnsafeBytes(ISO8601.parsePlainDateTime)
            let both = input.withUnsafeBytes(ISO8601.parseOffsetDateTime)
            _ = input.withUnsafeBytes(ISO8601.parseEpochSeconds)
            #expect(plain == nil || both == nil)
            if let instant {
                accepted += 1
                #expect(both?.instant == instant)
                #expect((try? Instant(iso8601: instant.description)) == instant)
            }
            if let plain {
                accepted += 1
                #expect((try? PlainDateTime(iso8601: plain.description)) == plain)
            }
            if input.allSatisfy({ $0 < 0x80 }) {
                let text = String(decoding: input, as: UTF8.self)
                #expect((try? Instant(iso8601: text)) == instant)
                #expect((try? PlainDateTime(iso8601: text)) == plain)
                #expect((try? OffsetDateTime(iso8601: text)) == both)
                _ = try? PlainDate(iso8601: text)
                _ = try? PlainTime(iso8601: text)
                _ = try? UTCOffset(iso8601: text)
            }
        }
        #expect(accepted > 1000)
    }
}
