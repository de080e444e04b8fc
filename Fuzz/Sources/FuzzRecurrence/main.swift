// libFuzzer harness: the RRULE parser and the expander.
//
// Input, as text: line 1 an RRULE value (an "RRULE:" prefix is allowed), line 2 a zone
// name, line 3 a DTSTART in ISO 8601 (defaults: America/Chicago, 2024-03-10T02:30, a time
// that falls in the spring gap). Checks: nothing traps; a rule that parses prints as text
// that parses back to the same rule; a bounded expansion ends, yields occurrences in
// strictly increasing order, and every occurrence's offset is the zone's offset then.
import FuzzSupport
import TalkplanRecurrence
import TalkplanTime

private let fallbackZone = try! Zone("America/Chicago")
private let fallbackStart = try! PlainDateTime(iso8601: "2024-03-10T02:30:00")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecurrence(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = fuzzBytes(data, count)
    let lines = bytes.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    guard var ruleText = lines.first else { return 0 }
    if ruleText.hasPrefix("RRULE:") { ruleText.removeFirst(6) }
    let zone = lines.count > 1 ? ((try? Zone(lines[1])) ?? fallbackZone) : fallbackZone
    let start = lines.count > 2 ? ((try? PlainDateTime(iso8601: lines[2])) ?? fallbackStart) : fallbackStart

    let rule: RecurrenceRule
    do { rule = try RecurrenceRule(parsing: ruleText) } catch { return 0 }
    let printed = rule.description
    let reparsed = try? RecurrenceRule(parsing: printed)
    invariant(reparsed == rule, "\(ruleText) prints as \(printed), which reads back as \(String(describing: reparsed))")

    var options = ExpansionOptions()
    options.limits.maximumOccurrences = 400
    options.limits.maximumIdleSteps = 10_000
    options.limits.maximumCountingSteps = 50_000
    let set = RecurrenceSet(start: .zoned(start, in: zone), rules: [rule])
    guard let occurrences = try? set.occurrences(options: options) else { return 0 }
    var previous: Instant?
    var produced = 0
    for occurrence in occurrences {
        produced += 1
        invariant(produced <= 400, "more occurrences than the limit")
        if let previous { invariant(previous < occurrence.start, "\(ruleText): \(occurrence.start) after \(previous)") }
        invariant(zone.offset(at: occurrence.start) == occurrence.offset,
                  "\(ruleText): offset \(occurrence.offset) at \(occurrence.start) in \(zone.identifier)")
        previous = occurrence.start
    }
    return 0
}
