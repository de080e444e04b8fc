import Baselines
import TalkplanTime

// The inputs every benchmark of this target converts: 1M instants (or wall times) per
// iteration, drawn once from a fixed-seed generator, so every run and every machine sees
// the same ones. Each benchmark runs in its own process and builds only what it needs,
// in its setup, before anything is measured.

/// Conversions per iteration; equal to the `.mega` scaling factor, so Throughput reads in M/s.
let count = 1_000_000

/// The five zones the figures are taken over (medians across them in the README).
let zoneNames = ["America/Chicago", "Europe/Paris", "Asia/Jerusalem", "America/Santiago", "Australia/Lord_Howe"]

/// The part of a zone ID used in benchmark names: `America/Santiago` -> `Santiago`.
func shortName(_ zone: String) -> String { String(zone.split(separator: "/").last!) }

/// Where the instants (or wall times) lie.
enum Span: CaseIterable {
    /// Uniform over 1970-01-01 ..< 2038-01-01.
    case uniform1970
    /// Uniform over 2038-01-01 ..< 2100-01-01: past the 32-bit epoch and past most explicit transitions.
    case after2037
    /// Uniform over the week centred on the zone's first transition of 2024: what a calendar's
    /// worth of talks looks like, and every instant close to a transition.
    case week

    var label: String {
        switch self {
        case .uniform1970: "1970-2037"
        case .after2037: "2038-2100"
        case .week: "one week"
        }
    }

    func range(in table: ZoneTable) -> Range<Int64> {
        switch self {
        case .uniform1970: return 0..<2_145_916_800
        case .after2037: return 2_145_916_800..<4_102_444_800
        case .week:
            // 2024-01-01T00:00:00Z; every one of the five zones changes offset in 2024.
            let transition = table.starts.first { $0 >= 1_704_067_200 } ?? 1_710_057_600
            return (transition - 302_400)..<(transition + 302_400)
        }
    }

    var seed: UInt64 {
        switch self {
        case .uniform1970: 0x7A1C_0001
        case .after2037: 0x7A1C_0003
        case .week: 0x7A1C_0002
        }
    }
}

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

func randomSeconds(in range: Range<Int64>, seed: UInt64) -> [Int64] {
    var generator = SplitMix64(state: seed)
    return (0..<count).map { _ in Int64.random(in: range, using: &generator) }
}

func openZone(_ name: String) -> Zone {
    do {
        return try Zone(name)
    } catch {
        fatalError("cannot open \(name): \(error)")
    }
}

/// Instants (epoch seconds) of a span.
func instants(_ span: Span, _ table: ZoneTable) -> [Int64] {
    randomSeconds(in: span.range(in: table), seed: span.seed)
}

/// Wall times (local epoch seconds) of a span: the span's bounds read as wall times, so the
/// week's wall times straddle the same transition. A few fall in gaps and folds, as in real data.
func wallTimes(_ span: Span, _ table: ZoneTable) -> [Int64] {
    let range = span.range(in: table)
    let shift = span == .week ? Int64(table.offsetSeconds(at: range.lowerBound)) : 0
    return randomSeconds(in: (range.lowerBound + shift)..<(range.upperBound + shift), seed: span.seed ^ 0x10CA1)
}

/// Wall times as fields, the input ICU's calendar and `mktime` take.
func wallFields(_ local: [Int64]) -> [baseline_civil] {
    local.map { seconds in
        let wall = PlainDateTime(localEpochSeconds: seconds)
        return baseline_civil(
            year: wall.date.year, month: wall.date.month, day: wall.date.day,
            hour: UInt8(wall.time.hour), minute: UInt8(wall.time.minute), second: UInt8(wall.time.second),
            weekday: 0, offset: 0)
    }
}

/// A buffer allocated once per benchmark process and written by every iteration.
func outputBuffer<T>(of value: T) -> UnsafeMutableBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    buffer.initialize(repeating: value)
    return buffer
}
