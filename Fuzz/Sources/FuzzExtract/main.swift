// libFuzzer harness: the announcement extractor (emails, HTML, plain text).
//
// Checks: nothing traps or runs away; every diagnostic points inside the input; every talk
// ends no earlier than it starts and comes from a line of the input.
import FuzzSupport
import TalkplanExtract
import TalkplanTime

private let options = ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 11, day: 4),
                                        defaultZone: nil)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(data, count)
    let result = Extractor.extract(AnnouncementInput(name: "fuzz.txt", bytes: bytes), options: options)
    let lines = lineCount(bytes)
    for diagnostic in result.diagnostics {
        let line = diagnostic.location.line
        invariant(line >= 1 && line <= lines, "diagnostic on line \(line) of \(lines): \(diagnostic)")
    }
    for talk in result.talks {
        invariant(talk.start <= talk.end, "talk ends \(talk.end) before it starts \(talk.start)")
        let line = talk.source.line
        invariant(line >= 1 && line <= lines, "talk from line \(line) of \(lines)")
    }
    return 0
}
