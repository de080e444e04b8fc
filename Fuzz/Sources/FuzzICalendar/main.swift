// libFuzzer harness: the iCalendar reader, the writer, and what talkplan makes of a feed.
//
// Checks: nothing traps or runs away; every diagnostic points at a line of the input;
// writing what was read and reading it again gives the same components; the talks a feed
// yields expand (bounded) in order, no instance twice.
import FuzzSupport
import TalkplanExtract
import TalkplanICalendar
import TalkplanRecurrence
import TalkplanTime

private let options = ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 11, day: 4),
                                        defaultZone: nil)
private let writer = ICalendarWriter(addsTimeZones: false)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICalendar(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(data, count)
    let document = ICalendarReader.read(bytes, file: "fuzz.ics")
    let lines = lineCount(bytes)
    for diagnostic in document.diagnostics {
        let line = diagnostic.location.line
        invariant(line >= 1 && line <= lines, "diagnostic on line \(line) of \(lines): \(diagnostic)")
    }

    let written = writer.bytes(document.components)
    let reread = ICalendarReader.read(written, file: "written.ics")
    invariant(reread.components == document.components,
              "components change when written and read again: \(firstDifference(document.components, reread.components))")

    var input = bytes
    if Extractor.kind(of: AnnouncementInput(name: "fuzz.ics", bytes: input)) != .iCalendar {
        input = Array("BEGIN:VCALENDAR\r\n".utf8) + input
    }
    let result = Extractor.extract(AnnouncementInput(name: "fuzz.ics", bytes: input), options: options)
    var expansion = ExpansionOptions()
    expansion.limits.maximumOccurrences = 200
    expansion.limits.maximumIdleSteps = 50_000
    expansion.limits.maximumCountingSteps = 200_000
    for talk in result.talks {
        invariant(talk.start <= talk.end, "talk ends \(talk.end) before it starts \(talk.start)")
        guard let set = talk.recurrenceSet, let occurrences = try? set.occurrences(options: expansion) else { continue }
        // In order of start; two at the same instant only when they are different instances
        // (an override moved onto another instance's time).
        var previous: Occurrence?
        for occurrence in occurrences {
            if let previous {
                invariant(previous.start <= occurrence.start, "\(occurrence.start) after \(previous.start)")
                invariant(previous.start != occurrence.start || previous.recurrenceID != occurrence.recurrenceID,
                          "instance \(occurrence.recurrenceID) twice at \(occurrence.start)")
            }
            previous = occurrence
        }
    }
    return 0
}

/// Where two component trees first differ, for the invariant's message.
private func firstDifference(_ a: [ICalendarComponent], _ b: [ICalendarComponent], path: String = "") -> String {
    if a.count != b.count { return "\(path): \(a.count) components became \(b.count)" }
    for (x, y) in zip(a, b) where x != y {
        let here = path + "/" + x.name
        if x.name != y.name { return "\(here) became \(y.name)" }
        if x.properties.count != y.properties.count {
            return "\(here): \(x.properties.count) properties became \(y.properties.count)"
        }
        for (p, q) in zip(x.properties, y.properties) where p != q {
            return "\(here): \(String(reflecting: p.name)) \(p.parameters.map { ($0.name, $0.values) }) \(String(reflecting: p.value))"
                + " became \(String(reflecting: q.name)) \(q.parameters.map { ($0.name, $0.values) }) \(String(reflecting: q.value))"
        }
        return firstDifference(x.components, y.components, path: here)
    }
    return "\(path): no difference found"
}
