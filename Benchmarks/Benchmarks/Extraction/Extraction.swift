import Benchmark
import ExtractionInputs
import WholeInputs
import TalkplanExtract

// Announcement extraction (`TalkplanExtract`, the text reader behind `talkplan extract`) over
// the three inputs of `ExtractionInputs` (a 1 MB mailbox, 1 MB of prose, a 0.2 MB HTML notice),
// built once before measuring and identical on every run.
//
// One iteration reads the whole input; with `scalingFactor: .one`, Throughput is inputs per
// second, so MB/s is Throughput × the input's size in MB (printed in each benchmark's name).

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = WholeInputs.configuration

    for (name, bytes) in ExtractionInputs.all() {
        let input = AnnouncementInput(name: "\(name).txt", bytes: bytes)
        Benchmark("extract \(name), \(WholeInputs.megabytes(bytes))") { benchmark in
            var talks = 0
            for _ in benchmark.scaledIterations {
                talks &+= Extractor.extract(input, options: ExtractionInputs.options).talks.count
            }
            blackHole(talks)
        }
    }
}
