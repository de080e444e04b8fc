import Baselines
import Benchmark
import Foundation
import TalkplanTime

// ISO 8601 text <-> epoch seconds, talkplan's byte-level code against glibc and Foundation,
// over 1M timestamps per iteration (`scalingFactor: .mega`: Throughput reads in M/s):
//
//   parse UTC Z     `2024-03-10T08:00:00Z`           ISO8601.parseCompactUTC (the fixed-width path
//                                                    of `talkplan convert --to`), the general
//                                                    ISO8601.parseInstant; glibc strptime + timegm;
//                                                    Foundation Date.ISO8601FormatStyle
//   parse offset    `2024-03-10T03:00:00-05:00`      ISO8601.parseInstant; Foundation
//   format offset   epoch seconds + offset -> `2024-03-10T03:00:00-05:00`
//                                                    ISO8601.writeCompactLocal (fixed width), the
//                                                    general ISO8601.writeOffsetDateTime; glibc
//                                                    gmtime_r + strftime; Foundation
//
// The timestamps are uniform over 1970-2037, drawn once from a fixed-seed generator; offsets are
// America/Chicago's. Text sits in fixed-stride records, one per line, like a file read in bulk.

/// Timestamps per iteration; equal to the `.mega` scaling factor.
let count = 1_000_000

/// SplitMix64: the same numbers on every run and every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Instants uniform over 1970-01-01 ..< 2038-01-01 and their America/Chicago offsets.
func instantsAndOffsets() -> (seconds: [Int64], offsets: [Int32]) {
    var generator = SplitMix64(state: 0x7A1C_0001)
    let seconds = (0..<count).map { _ in Int64.random(in: 0..<2_145_916_800, using: &generator) }
    do {
        return (seconds, try Zone("America/Chicago").table().offsets(of: seconds))
    } catch {
        fatalError("cannot open America/Chicago: \(error)")
    }
}

/// Text records of `stride` bytes, each one timestamp then `\n` (and padding).
struct Records {
    let stride: Int
    let length: Int
    var bytes: [UInt8]

    /// Writes each record with `write` (which returns the bytes it wrote).
    init(stride: Int, write: (Int, UnsafeMutablePointer<UInt8>) -> Int) {
        self.stride = stride
        var bytes = [UInt8](repeating: 0x0A, count: count * stride)
        var length = 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in 0..<count { length = write(index, buffer.baseAddress! + index * stride) }
        }
        self.bytes = bytes
        self.length = length
    }

    func string(_ index: Int) -> String {
        String(decoding: bytes[(index * stride)..<(index * stride + length)], as: UTF8.self)
    }
}

/// Holds the body a benchmark's setup prepares for its iterations.
final class Prepared {
    var body: (() -> Void)?
}

/// Registers a benchmark whose inputs are built in its setup, outside any measurement.
func benchmark(_ name: String, _ configuration: Benchmark.Configuration, prepare: @escaping () -> () -> Void) {
    let prepared = Prepared()
    Benchmark(name, configuration: configuration, closure: { _ in prepared.body!() }, setup: { prepared.body = prepare() })
}

var fast: Benchmark.Configuration {
    .init(metrics: [.throughput, .wallClock], timeUnits: .microseconds, warmupIterations: 2, scalingFactor: .mega,
          maxDuration: .seconds(2), maxIterations: 30)
}

var slow: Benchmark.Configuration {
    .init(metrics: [.throughput, .wallClock], timeUnits: .microseconds, warmupIterations: 0, scalingFactor: .mega,
          maxDuration: .seconds(5), maxIterations: 8)
}

/// Says on standard error whether a baseline computed what talkplan computed.
func checkAgreement<T: Equatable>(_ name: String, talkplan: [T], baseline: [T]) {
    let mismatches = zip(talkplan, baseline).filter { $0 != $1 }.count
    var line = "agreement \(name): \(talkplan.count - mismatches)/\(talkplan.count) identical"
    if let first = zip(talkplan, baseline).first(where: { $0 != $1 }) {
        line += "; first difference: talkplan \(first.0), baseline \(first.1)"
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `2024-03-10T08:00:00Z` records.
func utcRecords(_ seconds: [Int64]) -> Records {
    Records(stride: 21) { index, p in ISO8601.writeCompactUTC(seconds: seconds[index], to: p) }
}

/// `2024-03-10T03:00:00-05:00` records.
func offsetRecords(_ seconds: [Int64], _ offsets: [Int32]) -> Records {
    Records(stride: 26) { index, p in ISO8601.writeCompactLocal(utcSeconds: seconds[index], offset: offsets[index], to: p) }
}

let benchmarks: @Sendable () -> Void = {
    // MARK: parse `YYYY-MM-DDTHH:MM:SSZ`

    benchmark("parse UTC Z: talkplan parseCompactUTC", fast) {
        let (seconds, _) = instantsAndOffsets()
        let text = utcRecords(seconds)
        let out = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        out.initialize(repeating: 0)
        return {
            text.bytes.withUnsafeBufferPointer { bytes in
                let base = bytes.baseAddress!
                for index in 0..<count {
                    out[index] = ISO8601.parseCompactUTC(base + index * 21, 20) ?? .min
                }
            }
        }
    }

    benchmark("parse UTC Z: talkplan parseInstant", fast) {
        let (seconds, _) = instantsAndOffsets()
        let text = utcRecords(seconds)
        let out = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        out.initialize(repeating: 0)
        let run = {
            text.bytes.withUnsafeBytes { bytes in
                for index in 0..<count {
                    let line = UnsafeRawBufferPointer(rebasing: bytes[(index * 21)..<(index * 21 + 20)])
                    out[index] = ISO8601.parseInstant(line)?.seconds ?? .min
                }
            }
        }
        run()
        checkAgreement("parse UTC Z: talkplan parseInstant", talkplan: seconds, baseline: Array(out))
        return run
    }

    benchmark("parse UTC Z: glibc strptime+timegm", slow) {
        let (seconds, _) = instantsAndOffsets()
        let text = utcRecords(seconds)
        let out = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        out.initialize(repeating: 0)
        let run = {
            text.bytes.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = baseline_libc_parse($0.baseAddress, 21, count, out.baseAddress) }
            }
        }
        run()
        checkAgreement("parse UTC Z: glibc strptime+timegm", talkplan: seconds, baseline: Array(out))
        return run
    }

    benchmark("parse UTC Z: Foundation ISO8601FormatStyle", slow) {
        let (seconds, _) = instantsAndOffsets()
        let text = utcRecords(seconds)
        let strings = (0..<count).map(text.string)
        let style = Date.ISO8601FormatStyle()
        let out = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        out.initialize(repeating: 0)
        let run = {
            for index in 0..<count {
                out[index] = (try? style.parse(strings[index])).map { Int64($0.timeIntervalSince1970) } ?? .min
            }
        }
        run()
        checkAgreement("parse UTC Z: Foundation ISO8601FormatStyle", talkplan: seconds, baseline: Array(out))
        return run
    }

    // MARK: parse `YYYY-MM-DDTHH:MM:SS±HH:MM`

    benchmark("parse offset: talkplan parseInstant", fast) {
        let (seconds, offsets) = instantsAndOffsets()
        let text = offsetRecords(seconds, offsets)
        let out = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        out.initialize(repeating: 0)
        let run = {
            text.bytes.withUnsafeBytes { bytes in
                for index in 0..<count {
                    let line = UnsafeRawBufferPointer(rebasing: bytes[(index * 26)..<(index * 26 + 25)])
                    out[index] = ISO8601.parseInstant(line)?.seconds ?? .min
                }
            }
        }
        run()
        checkAgreement("parse offset: talkplan parseInstant", talkplan: seconds, baseline: Array(out))
        return run
    }

    benchmark("parse offset: Foundation ISO8601FormatStyle", slow) {
        let (seconds, offsets) = instantsAndOffsets()
        let text = offsetRecords(seconds, offsets)
        let strings = (0..<count).map(text.string)
        let style = Date.ISO8601FormatStyle()
        let out = UnsafeMutableBufferPointer<Int64>.allocate(capacity: count)
        out.initialize(repeating: 0)
        let run = {
            for index in 0..<count {
                out[index] = (try? style.parse(strings[index])).map { Int64($0.timeIntervalSince1970) } ?? .min
            }
        }
        run()
        checkAgreement("parse offset: Foundation ISO8601FormatStyle", talkplan: seconds, baseline: Array(out))
        return run
    }

    // MARK: format `YYYY-MM-DDTHH:MM:SS±HH:MM`

    benchmark("format offset: talkplan writeCompactLocal", fast) {
        let (seconds, offsets) = instantsAndOffsets()
        let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count * 26)
        out.initialize(repeating: 0x0A)
        return {
            seconds.withUnsafeBufferPointer { seconds in
                offsets.withUnsafeBufferPointer { offsets in
                    let base = out.baseAddress!
                    for index in 0..<count {
                        _ = ISO8601.writeCompactLocal(utcSeconds: seconds[index], offset: offsets[index], to: base + index * 26)
                    }
                }
            }
        }
    }

    benchmark("format offset: talkplan writeOffsetDateTime", fast) {
        let (seconds, offsets) = instantsAndOffsets()
        let zoneOffsets = offsets.map { UTCOffset(seconds: $0)! }
        let expected = offsetRecords(seconds, offsets)
        let out = UnsafeMutableRawBufferPointer.allocate(byteCount: count * 26, alignment: 16)
        out.initializeMemory(as: UInt8.self, repeating: 0x0A)
        // From epoch seconds and offset, like writeCompactLocal: the wall time is computed here too
        // (`Instant.plainDateTime(at:)`, as the general path of `talkplan convert` does).
        let run = {
            for index in 0..<count {
                let record = UnsafeMutableRawBufferPointer(rebasing: out[(index * 26)..<(index * 26 + 25)])
                let offset = zoneOffsets[index]
                _ = ISO8601.writeOffsetDateTime(Instant(seconds: seconds[index]).plainDateTime(at: offset), offset: offset, into: record)
            }
        }
        run()
        checkAgreement("format offset: talkplan writeOffsetDateTime", talkplan: expected.bytes, baseline: Array(out))
        return run
    }

    benchmark("format offset: glibc gmtime_r+strftime", slow) {
        let (seconds, offsets) = instantsAndOffsets()
        let expected = offsetRecords(seconds, offsets)
        let out = UnsafeMutableBufferPointer<CChar>.allocate(capacity: count * 26)
        out.initialize(repeating: 0x0A)
        let run = { _ = baseline_libc_format(seconds, offsets, count, out.baseAddress, 26) }
        run()
        checkAgreement("format offset: glibc gmtime_r+strftime", talkplan: expected.bytes,
                       baseline: out.map { UInt8(bitPattern: $0) })
        return run
    }

    benchmark("format offset: Foundation ISO8601FormatStyle", slow) {
        let (seconds, offsets) = instantsAndOffsets()
        let expected = offsetRecords(seconds, offsets)
        // One style per offset the zone uses, as a program formatting in a zone would keep them.
        var styles: [Int32: Date.ISO8601FormatStyle] = [:]
        for offset in Set(offsets) { styles[offset] = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: TimeZone(secondsFromGMT: Int(offset))!) }
        let out = UnsafeMutableBufferPointer<String>.allocate(capacity: count)
        out.initialize(repeating: "")
        let run = {
            for index in 0..<count {
                out[index] = styles[offsets[index]]!.format(Date(timeIntervalSince1970: TimeInterval(seconds[index])))
            }
        }
        run()
        checkAgreement("format offset: Foundation ISO8601FormatStyle", talkplan: (0..<count).map(expected.string), baseline: Array(out))
        return run
    }
}
