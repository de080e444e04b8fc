import Foundation
import TalkplanExtract
import TalkplanTime

/// The planner's verdict on one occurrence.
public struct PlanEntry: Sendable {
    public var occurrence: Occurrence
    /// The start in the attendee's zone.
    public var attendeeStart: ZonedDateTime
    /// Whether the attendee could join it live, other talks aside.
    public var joinable: Bool
    /// Whether it is in the recommended set (joinable, no overlaps, maximum total interest).
    public var selected: Bool
    /// Why not: `cancelled`, `in-person-only`, `no-online-link`, `outside-hours`, `busy`, `overlaps:<id>`.
    public var reasons: [String]
    /// Interest weight: 1 plus the weight of every interest word found in the talk.
    public var weight: Int
    /// For a joinable talk that lost a clash: the talk that won, and why.
    public var lostTo: (id: String, why: String)?
}

/// Decides which talks the attendee can join live and recommends a set without overlaps.
///
/// ```swift
/// let entries = Planner.plan(occurrences, profile: profile)
/// for entry in entries where entry.selected { print(entry.occurrence.title ?? "") }
/// ```
public enum Planner {
    /// Plans every occurrence; the result is in start order (ties by end, then id).
    ///
    /// Joinable means: not cancelled; an online link, or in person where the attendee is; the
    /// whole talk inside the awake hours in the attendee's zone; no busy interval overlapping it.
    /// The recommendation maximises the total weight of non-overlapping joinable talks
    /// (weighted interval scheduling, O(n log n)); ties prefer the set that ends earlier, so the
    /// result is deterministic.
    public static func plan(_ occurrences: [Occurrence], profile: AttendeeProfile) -> [PlanEntry] {
        let ordered = occurrences.sorted(by: Overlaps.precedes)
        let busy = profile.busy.sorted { $0.start < $1.start }
        var entries = ordered.map { occurrence -> PlanEntry in
            let reasons = Self.reasons(occurrence, profile: profile, busy: busy)
            return PlanEntry(occurrence: occurrence, attendeeStart: ZonedDateTime(occurrence.start, in: profile.zone),
                             joinable: reasons.isEmpty, selected: false, reasons: reasons,
                             weight: weight(of: occurrence, interests: profile.interests), lostTo: nil)
        }
        let chosen = select(entries.indices.filter { entries[$0].joinable }, entries)
        for index in chosen { entries[index].selected = true }
        explainLosses(&entries)
        return entries
    }

    // MARK: - Joinability

    static func reasons(_ occurrence: Occurrence, profile: AttendeeProfile, busy: [BusyInterval]) -> [String] {
        var reasons: [String] = []
        if occurrence.cancelled { reasons.append("cancelled") }
        if occurrence.online.isEmpty {
            if canAttendInPerson(occurrence, profile: profile) {
                // Fine: the attendee is there.
            } else if occurrence.mode == .inPerson || occurrence.mode == .hybrid || occurrence.location != nil {
                reasons.append("in-person-only")
            } else {
                reasons.append("no-online-link")
            }
        }
        if !insideAwakeHours(occurrence, profile: profile) { reasons.append("outside-hours") }
        if busy.contains(where: { $0.start < occurrence.end && occurrence.start < $0.end }) { reasons.append("busy") }
        return reasons
    }

    /// In person: the talk is in the attendee's zone and, when both are known, its location
    /// names one of the attendee's places.
    static func canAttendInPerson(_ occurrence: Occurrence, profile: AttendeeProfile) -> Bool {
        guard let here = profile.inPerson, occurrence.mode != .online, let zone = occurrence.zone, zone == here else {
            return false
        }
        guard let location = occurrence.location, !profile.inPersonPlaces.isEmpty else { return true }
        let folded = fold(location)
        return profile.inPersonPlaces.contains { folded.contains(fold($0)) }
    }

    static func insideAwakeHours(_ occurrence: Occurrence, profile: AttendeeProfile) -> Bool {
        let start = ZonedDateTime(occurrence.start, in: profile.zone).time.secondOfDay
        let duration = max(0, occurrence.end.seconds - occurrence.start.seconds)
        guard duration < 86_400 else { return profile.awake == .always }
        return profile.awake.contains(from: start, to: start + Int(duration))
    }

    // MARK: - Interest

    static func weight(of occurrence: Occurrence, interests: [Interest]) -> Int {
        guard !interests.isEmpty else { return 1 }
        let text = fold(occurrence.text)
        return interests.reduce(1) { total, interest in
            text.contains(fold(interest.word)) ? total + interest.weight : total
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    // MARK: - Selection

    /// Weighted interval scheduling over `candidates` (indices into `entries`).
    static func select(_ candidates: [Int], _ entries: [PlanEntry]) -> [Int] {
        // By end, then start, then id: deterministic.
        let jobs = candidates.sorted {
            let a = entries[$0].occurrence, b = entries[$1].occurrence
            if a.end != b.end { return a.end < b.end }
            if a.start != b.start { return a.start < b.start }
            return a.id < b.id
        }
        let ends = jobs.map { entries[$0].occurrence.end }
        // previous[j]: how many jobs end at or before job j starts (binary search).
        let previous = jobs.map { job -> Int in
            let start = entries[job].occurrence.start
            var low = 0, high = ends.count
            while low < high {
                let mid = (low + high) / 2
                if ends[mid] <= start { low = mid + 1 } else { high = mid }
            }
            return low
        }
        var best = [Int](repeating: 0, count: jobs.count + 1)
        for j in 0..<jobs.count {
            let include = entries[jobs[j]].weight + best[min(previous[j], j)]
            best[j + 1] = max(best[j], include)
        }
        var chosen: [Int] = []
        var j = jobs.count
        while j > 0 {
            let include = entries[jobs[j - 1]].weight + best[min(previous[j - 1], j - 1)]
            if include > best[j - 1] {
                chosen.append(jobs[j - 1])
                j = min(previous[j - 1], j - 1)
            } else {
                j -= 1
            }
        }
        return chosen
    }

    /// Marks each joinable talk that was not chosen with the chosen talks it clashes with, and why.
    /// The chosen talks do not overlap one another, so sorted by start they are also sorted by end,
    /// and the rivals of a talk are found by binary search: O(n log n) in all.
    static func explainLosses(_ entries: inout [PlanEntry]) {
        let winners = entries.indices.filter { entries[$0].selected }.sorted {
            entries[$0].occurrence.start < entries[$1].occurrence.start
        }
        let winnerStarts = winners.map { entries[$0].occurrence.start }
        let winnerEnds = winners.map { entries[$0].occurrence.end }
        for index in entries.indices where entries[index].joinable && !entries[index].selected {
            let start = entries[index].occurrence.start, end = entries[index].occurrence.end
            guard start < end else { continue }
            // The first winner that ends after this talk starts.
            var low = 0, high = winnerEnds.count
            while low < high {
                let mid = (low + high) / 2
                if winnerEnds[mid] <= start { low = mid + 1 } else { high = mid }
            }
            var rivals: [Int] = []
            var cursor = low
            while cursor < winners.count, winnerStarts[cursor] < end {
                if winnerEnds[cursor] > winnerStarts[cursor] { rivals.append(winners[cursor]) }
                cursor += 1
            }
            for rival in rivals { entries[index].reasons.append("overlaps:\(entries[rival].occurrence.id)") }
            guard let first = rivals.first else { continue }
            let loserWeight = entries[index].weight
            let winnerWeight = entries[first].weight
            let why: String
            if rivals.count > 1 {
                let total = rivals.reduce(0) { $0 + entries[$1].weight }
                why = "the \(rivals.count) talks it overlaps weigh \(total) together, against its \(loserWeight)"
            } else if winnerWeight > loserWeight {
                why = "interest weight \(winnerWeight) against \(loserWeight)"
            } else {
                why = "equal interest weight \(loserWeight); the choice that leaves more of the schedule free wins"
            }
            entries[index].lostTo = (entries[first].occurrence.id, why)
        }
    }
}
