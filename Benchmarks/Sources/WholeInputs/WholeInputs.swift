import Benchmark

/// What the benchmarks that read a whole input per iteration (`Extraction`, `ICalendar`) share:
/// their configuration and the way they print an input's size in a benchmark's name.
public enum WholeInputs {
    /// One iteration reads the whole input; with `scalingFactor: .one`, Throughput is inputs per
    /// second, so MB/s is Throughput × the input's size in MB.
    public static var configuration: Benchmark.Configuration {
        .init(
            metrics: [.throughput, .wallClock],
            timeUnits: .milliseconds,
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(5),
            maxIterations: 10
        )
    }

    /// A size in MB with one decimal, for names: `WholeInputs.megabytes(bytes)` → "4.9 MB".
    public static func megabytes(_ bytes: [UInt8]) -> String {
        let tenths = (bytes.count * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
