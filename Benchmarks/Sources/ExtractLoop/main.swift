import Foundation
import ExtractionInputs
import TalkplanExtract

// The `Extraction` benchmarks' inputs in a plain loop, without the benchmark framework (and
// its malloc interposer): wall-clock time per extraction, and one call to count instructions.
//
//     ExtractLoop NAME [RUNS]      NAME: mailbox, prose, notice or all; RUNS default 20
//     ExtractLoop write DIR        writes the inputs as files (mailbox.txt, prose.txt, notice.html)
//
// Prints, per input, the median and the fastest of RUNS extractions (after one warm-up) and
// the MB/s of each. For instructions, run one extraction after the warm-up under callgrind,
// collecting only inside `measured(_:)`:
//
//     valgrind --tool=callgrind --collect-atstart=no \
//       '--toggle-collect=$s11ExtractLoop8measuredySi08TalkplanA017AnnouncementInputVF' \
//       .build/release/ExtractLoop notice 1
//
// (`SWIFT_DETERMINISTIC_HASHING=1` makes the count repeat exactly; otherwise it varies by
// about 0.5% with the hash seed.)

/// One extraction; the function callgrind's `--toggle-collect` names.
@inline(never)
func measured(_ input: AnnouncementInput) -> Int {
    Extractor.extract(input, options: ExtractionInputs.options).talks.count
}

let arguments = CommandLine.arguments
let which = arguments.count > 1 ? arguments[1] : "all"
if which == "write", arguments.count > 2 {
    for (name, bytes) in ExtractionInputs.all() {
        let file = name == "notice" ? "notice.html" : "\(name).txt"
        guard FileManager.default.createFile(atPath: arguments[2] + "/" + file, contents: Data(bytes)) else {
            FileHandle.standardError.write(Data("ExtractLoop: cannot write \(arguments[2])/\(file)\n".utf8))
            exit(1)
        }
    }
    exit(0)
}
let runs = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 20) : 20
for (name, bytes) in ExtractionInputs.all() where which == "all" || which == name {
    let input = AnnouncementInput(name: "\(name).txt", bytes: bytes)
    // The warm-up (process-wide tables built, caches filled) outside `measured(_:)`.
    var talks = Extractor.extract(input, options: ExtractionInputs.options).talks.count
    var seconds: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        talks &+= measured(input)
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2], fastest = seconds[0]
    let megabytes = Double(bytes.count) / 1e6
    print(String(format: "%@: %d bytes, %d talks; median %.2f ms (%.1f MB/s), fastest %.2f ms (%.1f MB/s)",
                 name, bytes.count, talks / (runs + 1), median * 1e3, megabytes / median, fastest * 1e3, megabytes / fastest))
}
