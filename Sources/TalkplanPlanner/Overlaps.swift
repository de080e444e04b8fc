/// Which occurrences overlap which, found by a sweep over start times: O(n log n + k) for k overlaps.
///
/// ```swift
/// let overlaps = Overlaps.find(in: occurrences)
/// overlaps["talk-a"]   // ["talk-b"]
/// ```
public enum Overlaps {
    /// For every occurrence id, the ids of the occurrences that overlap it, in start order.
    /// Occurrences without overlaps map to an empty array. Zero-length occurrences overlap nothing.
    public static func find(in occurrences: [Occurrence]) -> [String: [String]] {
        let order = occurrences.indices.sorted { Self.precedes(occurrences[$0], occurrences[$1]) }
        var result: [String: [String]] = [:]
        for occurrence in occurrences { result[occurrence.id] = [] }
        var active: [Int] = []  // indices whose end is after the current start
        for index in order {
            let current = occurrences[index]
            active.removeAll { occurrences[$0].end <= current.start }
            for other in active where occurrences[other].overlaps(current) {
                result[occurrences[other].id, default: []].append(current.id)
                result[current.id, default: []].append(occurrences[other].id)
            }
            if current.end > current.start { active.append(index) }
        }
        var rank: [String: Int] = [:]
        for (position, index) in order.enumerated() where rank[occurrences[index].id] == nil {
            rank[occurrences[index].id] = position
        }
        for (id, list) in result where list.count > 1 {
            result[id] = list.sorted { (rank[$0] ?? 0) < (rank[$1] ?? 0) }
        }
        return result
    }

    /// Start order with deterministic ties: start, then end, then id.
    static func precedes(_ a: Occurrence, _ b: Occurrence) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return a.id < b.id
    }
}
