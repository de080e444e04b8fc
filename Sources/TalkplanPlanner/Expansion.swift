import TalkplanExtract
import TalkplanRecurrence
import TalkplanTime

/// Turns talks into the occurrences that start inside a window, recurrences expanded.
///
/// ```swift
/// let result = Expansion.occurrences(of: talks, from: start, to: end)
/// result.occurrences.map(\.id)   // ["seminar#20241106T180000Z", "one-off"]
/// ```
public enum Expansion {
    public struct Result: Sendable {
        /// Sorted by start (then end, then id).
        public var occurrences: [Occurrence]
        /// Problems met while expanding, each naming the talk.
        public var warnings: [String]
    }

    /// The occurrences of `talks` whose start is in `[from, to)`.
    ///
    /// A talk without a recurrence set is one occurrence, id = the talk's id. A series gives one
    /// occurrence per instance, id = `UID#RECURRENCE-ID` (RFC 5545 form, in UTC), moved and cancelled
    /// instances included as their overrides say. Talks with the same id are kept once (the higher
    /// SEQUENCE wins), so an input that is also in the library is not counted twice.
    public static func occurrences(of talks: [Talk], from: Instant, to: Instant,
                                   options: ExpansionOptions = ExpansionOptions()) -> Result {
        var byID: [String: Talk] = [:]
        var order: [String] = []
        for talk in talks {
            if let existing = byID[talk.id] {
                if talk.sequence > existing.sequence { byID[talk.id] = talk }
            } else {
                byID[talk.id] = talk
                order.append(talk.id)
            }
        }
        // An override (RECURRENCE-ID) is also a talk of its own, `UID#RECURRENCE-ID`; when its series'
        // recurrence set carries it, the series expands it and the separate talk is left out.
        let series = Set(byID.values.filter { $0.recurrenceSet.map { !$0.overrides.isEmpty } ?? false }.map(\.id))
        // The override talks of each series, by their (new) start, to give moved instances their own details.
        var overrideTalks: [String: [Instant: Talk]] = [:]
        order.removeAll { id in
            guard let hash = id.firstIndex(of: "#") else { return false }
            let master = String(id[..<hash])
            guard series.contains(master) else { return false }
            if let talk = byID[id] { overrideTalks[master, default: [:]][talk.start] = talk }
            return true
        }
        var occurrences: [Occurrence] = []
        var warnings: [String] = []
        var expandOptions = options
        expandOptions.includeCancelled = true
        for id in order {
            guard let talk = byID[id] else { continue }
            guard let set = talk.recurrenceSet else {
                if talk.start >= from && talk.start < to { occurrences.append(Occurrence(talk: talk)) }
                continue
            }
            do {
                for instance in try set.occurrences(from: from, to: to, options: expandOptions) {
                    guard instance.start >= from, instance.start < to else { continue }
                    var source = talk
                    if case .override = instance.origin, let moved = overrideTalks[talk.id]?[instance.start] { source = moved }
                    var occurrence = Occurrence(talk: source)
                    occurrence.talkID = talk.id
                    occurrence.id = "\(talk.id)#\(compact(instance.recurrenceID))"
                    occurrence.recurrenceID = instance.recurrenceID
                    occurrence.start = instance.start
                    occurrence.end = instance.end ?? instance.start.adding(seconds: talk.end.seconds - talk.start.seconds)
                    occurrence.localStart = OffsetDateTime(instant: instance.start, offset: instance.offset)
                    occurrence.cancelled = source.status == .cancelled || instance.isCancelled
                    occurrences.append(occurrence)
                }
            } catch {
                warnings.append("\(talk.source): cannot expand the recurrence of \"\(talk.title ?? talk.id)\": \(error.message)")
                if talk.start >= from && talk.start < to { occurrences.append(Occurrence(talk: talk)) }
            }
        }
        occurrences.sort(by: Overlaps.precedes)
        return Result(occurrences: occurrences, warnings: warnings)
    }

    /// `20241106T180000Z`: the UTC DATE-TIME form RECURRENCE-ID values take.
    static func compact(_ instant: Instant) -> String {
        let text = instant.description  // 2024-11-06T18:00:00Z
        return text.filter { $0 != "-" && $0 != ":" }
    }
}
