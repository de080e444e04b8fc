import Benchmark
import TalkplanTime

// Bulk UTC -> local: the offset of America/Chicago at 1M instants, through the
// compiled transition table (`ZoneTable.offsetSeconds(at:)`, what
// `talkplan convert --to` uses) and through ICU, one call per instant
// (`Zone.offset(at:)`), the baseline. Each benchmark iteration converts the
// same 1M instants, so with `scalingFactor: .mega` the throughput metric reads
// directly as millions of conversions per second.

/// Instants per iteration; equal to the `.mega` scaling factor.
private let count = 1_000_000

/// 1970-01-01T00:00:00Z ..< 2038-01-01T00:00:00Z.
private let randomRange: Range<Int64> = 0..<2_145_916_800

/// One week around a transition: 2024-03-07T00:00:00Z ..< 2024-03-14T00:00:00Z
/// (Chicago springs forward on 2024-03-10 at 08:00Z).
private let weekRange: Range<Int64> = 1_709_769_600..<1_710_374_400

/// SplitMix64: the same instants on every run and every machine.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func instants(in range: Range<Int64>, seed: UInt64) -> [Int64] {
    var generator = SplitMix64(state: seed)
    return (0..<count).map { _ in Int64.random(in: range, using: &generator) }
}

private func chicago() -> Zone {
    do {
        return try Zone("America/Chicago")
    } catch {
        fatalError("cannot open America/Chicago: \(error)")
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock],
        timeUnits: .nanoseconds,
        warmupIterations: 1,
        scalingFactor: .mega,
        maxDuration: .seconds(3),
        maxIterations: 20
    )

    let zone = chicago()
    let table = zone.table()
    let random = instants(in: randomRange, seed: 0x7A1C_0001)
    let week = instants(in: weekRange, seed: 0x7A1C_0002)
    let randomInstants = random.map { Instant(seconds: $0) }
    let weekInstants = week.map { Instant(seconds: $0) }

    // Offsets are summed and the sum kept, so no conversion can be optimised away.

    Benchmark("Chicago offsets, table, random 1970-2037") { benchmark in
        var sum: Int64 = 0
        for index in benchmark.scaledIterations {
            sum &+= Int64(table.offsetSeconds(at: random[index]))
        }
        blackHole(sum)
    }

    Benchmark("Chicago offsets, table, one week") { benchmark in
        var sum: Int64 = 0
        for index in benchmark.scaledIterations {
            sum &+= Int64(table.offsetSeconds(at: week[index]))
        }
        blackHole(sum)
    }

    Benchmark("Chicago offsets, ICU per call, random 1970-2037") { benchmark in
        var sum: Int64 = 0
        for index in benchmark.scaledIterations {
            sum &+= Int64(zone.offset(at: randomInstants[index]).seconds)
        }
        blackHole(sum)
    }

    Benchmark("Chicago offsets, ICU per call, one week") { benchmark in
        var sum: Int64 = 0
        for index in benchmark.scaledIterations {
            sum &+= Int64(zone.offset(at: weekInstants[index]).seconds)
        }
        blackHole(sum)
    }
}
