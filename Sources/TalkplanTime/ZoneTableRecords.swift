/// What a zone table knows about one bucket of time (2²¹ s, about 24 days), in 16 bytes.
///
/// Most buckets hold no transition or one, and then a lookup is one load and a select with
/// no branch to mispredict: the offset is `before` until `first`, `after` from it on. A
/// bucket with two or more transitions (rare: some wartime years) is marked by `before ==
/// Int32.min`; `first` is then the index of its first transition and `after` the offset at
/// its start, and the lookup steps over the transitions.
///
/// For wall times (``ZoneTable/localRecords``) the same record describes the transition
/// near the bucket: a wall time before `first + min(before, after)` has offset `before`, one
/// at or after `first + max(before, after)` has `after`, and those between fall in the gap
/// or the fold, which ``ZoneTable/resolve(localSeconds:)`` settles.
struct BucketRecord: Sendable {
    /// The transition instant (a time past the bucket when there is none), or, when marked,
    /// the index of the bucket's first transition.
    var first: Int64
    /// The offset before `first`; `Int32.min` marks a bucket with several transitions.
    var before: Int32
    /// The offset from `first` on (when marked: the offset at the bucket's start).
    var after: Int32

    static let severalMark = Int32.min

    @inline(__always)
    var isSimple: Bool { before != Self.severalMark }

    /// The offset at `t` in a simple bucket, without a branch: `t - first` is negative
    /// exactly before the transition, and its sign bit selects `before`.
    @inline(__always)
    func offset(at t: Int64) -> Int32 {
        let mask = Int32(truncatingIfNeeded: (t &- first) >> 63)
        return (before & mask) | (after & ~mask)
    }

    /// The offset at `t` in a marked bucket: steps over its transitions.
    @inline(__always)
    func offsetStepping(at t: Int64, _ times: UnsafeBufferPointer<Int64>, _ offsets: UnsafeBufferPointer<Int32>) -> Int32 {
        var index = Int(truncatingIfNeeded: first)
        var offset = after
        while index < times.count, times[index] <= t {
            offset = offsets[index]
            index += 1
        }
        return offset
    }
}

extension ZoneTable {
    /// The offset of a wall time (local seconds) when it has exactly one and the wall-time
    /// records can tell at once, that is, outside the hour or so around a transition; `nil`
    /// otherwise (then ``resolve(localSeconds:)`` answers).
    ///
    /// ```swift
    /// table.uniqueOffset(atLocal: 1_719_835_200)   // -18000: 2024-07-01T12:00 in Chicago
    /// table.uniqueOffset(atLocal: 1_710_037_800)   // nil: 2024-03-10T02:30, in the gap
    /// ```
    @inline(__always)
    public func uniqueOffset(atLocal local: Int64) -> Int32? {
        let relative = local &- Self.bucketBase
        guard relative >= 0, local < Self.horizon - Self.offsetBound else { return nil }
        return localRecords.withUnsafeBufferPointer { records in
            Self.uniqueOffset(atLocal: local, records[Int(truncatingIfNeeded: relative >> Self.bucketShift)])
        }
    }

    /// The offset of a wall time from its bucket's record, when outside the transition's window.
    @inline(__always)
    static func uniqueOffset(atLocal local: Int64, _ record: BucketRecord) -> Int32? {
        guard record.isSimple else { return nil }
        if local < record.first &+ Int64(min(record.before, record.after)) { return record.before }
        if local >= record.first &+ Int64(max(record.before, record.after)) { return record.after }
        return nil
    }

    /// The number of buckets from 1900 to the horizon.
    static var bucketCount: Int { Int((horizon - bucketBase) >> bucketShift) + 1 }

    /// Records for instants: bucket `b` covers `[start, start + size)`.
    static func instantRecords(times: [Int64], after: [Int32], initial: Int32) -> [BucketRecord] {
        let size = Int64(1) << bucketShift
        var records: [BucketRecord] = []
        records.reserveCapacity(bucketCount)
        var index = 0
        for bucket in 0..<bucketCount {
            let start = bucketBase + Int64(bucket) << bucketShift
            while index < times.count, times[index] <= start { index += 1 }
            let atStart = index == 0 ? initial : after[index - 1]
            var inside = index
            while inside < times.count, times[inside] < start + size { inside += 1 }
            switch inside - index {
            case 0: records.append(BucketRecord(first: start + size, before: atStart, after: atStart))
            case 1: records.append(BucketRecord(first: times[index], before: atStart, after: after[index]))
            default: records.append(BucketRecord(first: Int64(index), before: BucketRecord.severalMark, after: atStart))
            }
        }
        return records
    }

    /// Records for wall times: bucket `b` covers wall times `[start, start + size)`, whose
    /// instants all lie within ``offsetBound`` of it; a record is simple when at most one
    /// transition falls in that wider range.
    static func wallTimeRecords(times: [Int64], after: [Int32], initial: Int32) -> [BucketRecord] {
        let size = Int64(1) << bucketShift
        var records: [BucketRecord] = []
        records.reserveCapacity(bucketCount)
        for bucket in 0..<bucketCount {
            let start = bucketBase + Int64(bucket) << bucketShift
            let low = start - offsetBound
            let high = start + size + offsetBound
            let index = firstIndex(after: low - 1, in: times)  // the first at or after `low`
            let atLow = index == 0 ? initial : after[index - 1]
            var inside = index
            while inside < times.count, times[inside] <= high { inside += 1 }
            switch inside - index {
            case 0: records.append(BucketRecord(first: high + offsetBound, before: atLow, after: atLow))
            case 1: records.append(BucketRecord(first: times[index], before: atLow, after: after[index]))
            default: records.append(BucketRecord(first: 0, before: BucketRecord.severalMark, after: 0))
            }
        }
        return records
    }
}
