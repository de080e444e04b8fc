import Foundation
import TalkplanICalendar
import TalkplanExtract
import TalkplanTime

// The in-process side of `icalendar-throughput.py`: reads an iCalendar file as talkplan does
// and prints how long it took, without process start-up, so that Python's icalendar, timed
// inside its own process, is compared with the same work on this side.
//
//     ReadFeed FILE [RUNS]
//
// Prints three lines, each `name seconds count`: the file read from disk (once), the median
// of RUNS readings (`ICalendarReader.read`: content lines, components, every event's times
// resolved) with the events read, and the median of RUNS extractions (`Extractor.extract`: the
// same and the talks) with the talks made. Each run starts from the file's bytes.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: ReadFeed FILE [RUNS]\n".utf8))
    exit(64)
}
let runs = max(1, arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3)

func seconds(_ body: () -> Int) -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let count = body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, count)
}

func median(_ body: () -> Int) -> (Double, Int) {
    let timed = (0..<runs).map { _ in seconds(body) }
    return timed.sorted { $0.0 < $1.0 }[timed.count / 2]
}

var bytes: [UInt8] = []
let load = seconds {
    bytes = (FileManager.default.contents(atPath: arguments[1]).map { [UInt8]($0) }) ?? []
    return bytes.count
}
guard !bytes.isEmpty else {
    FileHandle.standardError.write(Data("ReadFeed: cannot read \(arguments[1])\n".utf8))
    exit(1)
}
let read = median { ICalendarReader.read(bytes, file: arguments[1]).events.count }
let options = ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 1, day: 1))
let input = AnnouncementInput(name: arguments[1], bytes: bytes)
let talks = median { Extractor.extract(input, options: options).talks.count }
print("load \(load.0) \(load.1)")
print("read \(read.0) \(read.1)")
print("talks \(talks.0) \(talks.1)")
