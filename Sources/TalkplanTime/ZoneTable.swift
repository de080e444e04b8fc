/// A zone compiled for bulk conversion: its transitions in flat arrays, indexed by time buckets.
///
/// Built once per zone from the same ICU zone (and so the same tz data) as ``Zone``, by
/// walking ICU's transitions from the earliest to ``horizon`` (2500-01-01). A lookup reads the
/// 16-byte record of the instant's bucket (2²¹ s, about 24 days, from 1900 on: the bucket's
/// transition and the offsets before and after it) and selects without a branch; the rare
/// bucket with several transitions is stepped through (see ``BucketRecord``). Wall times have
/// records of their own, for local → UTC. No ICU call, no lock, no allocation.
///
/// After the last explicit transition every zone follows its final rule (or a fixed offset),
/// and Gregorian calendar rules repeat exactly every 400 years (146,097 days, a whole number
/// of weeks), so instants at or after the horizon are folded back by multiples of 400 years
/// into 2100–2500, where the table holds the rule's transitions. Results are identical to
/// the ``Zone`` path (tested for every zone against ICU and against Python's zoneinfo).
///
/// ```swift
/// let table = try Zone("America/Chicago").table()
/// table.offsetSeconds(at: 1_710_057_600)   // -18000 (2024-03-10T08:00:00Z is 03:00 CDT)
/// ```
public struct ZoneTable: Sendable {
    /// The zone the table was built from.
    public let zone: Zone
    /// Transition instants (epoch seconds), ascending; the total offset changes at each.
    let times: [Int64]
    /// `after[i]` is the total offset (seconds) from `times[i]` on.
    let after: [Int32]
    /// The offset before the first transition (or always, for a zone without transitions).
    let initial: Int32
    /// One record per bucket of instants (covering `bucketBase + b << bucketShift` on), read
    /// by ``offsetSeconds(at:)`` and the bulk loops: see ``BucketRecord``.
    let records: [BucketRecord]
    /// One record per bucket of wall times (local seconds, same bucketing), read by the bulk
    /// local → UTC loop: see ``BucketRecord``.
    let localRecords: [BucketRecord]
    /// Whether instants at or after the horizon may be folded back by 400-year cycles
    /// (checked against ICU when the table is built; otherwise ICU answers them).
    private(set) var periodic = false

    static let bucketShift: Int64 = 21
    /// 1900-01-01T00:00:00Z.
    static let bucketBase: Int64 = -2_208_988_800
    /// The first instant the table does not hold: 2500-01-01T00:00:00Z.
    public static let horizon: Int64 = 16_725_225_600
    /// 400 Gregorian years in seconds.
    static let cycle: Int64 = 12_622_780_800
    /// Start of the last full cycle before the horizon: 2100-01-01T00:00:00Z.
    static let cycleStart: Int64 = horizon - cycle
    /// The largest offset magnitude of any zone, with margin (the tz database stays within ±26 h).
    static let offsetBound: Int64 = 26 * 3600

    init(zone: Zone) {
        var times: [Int64] = []
        var after: [Int32] = []
        var initial: Int32 = 0
        if case .tz(let handle) = zone.storage {
            // ICU's earliest representable moment; the zone's first offset applies before its first transition.
            var cursor = -8.64e15
            initial = handle.offsetMilliseconds(atUTC: cursor) / 1000
            var current = initial
            let end = Double(Self.horizon) * 1000
            while let next = handle.nextTransition(afterUTC: cursor, inclusive: false), next.at < end {
                let offset = next.after / 1000
                if offset != current {
                    times.append(Int64((next.at / 1000).rounded(.down)))
                    after.append(offset)
                    current = offset
                }
                cursor = next.at
                if times.count > 200_000 { break }  // no zone has this many; never loop unbounded
            }
        } else {
            initial = zone.offset(at: .unixEpoch).seconds
        }
        self.zone = zone
        self.times = times
        self.after = after
        self.initial = initial
        self.records = Self.instantRecords(times: times, after: after, initial: initial)
        self.localRecords = Self.wallTimeRecords(times: times, after: after, initial: initial)
        // The fold-back is exact when the zone runs on its final rule (or a constant offset)
        // through 2100–2500, as every zone of the tz database does; check a spread of
        // instants beyond the horizon against ICU rather than assume it.
        self.periodic = true
        var probe = Self.horizon + 12_345
        for _ in 0..<64 {
            if offsetSeconds(at: probe) != zone.offset(at: Instant(seconds: probe)).seconds {
                self.periodic = false
                break
            }
            probe += Self.cycle / 61 + 7_919
        }
    }

    /// Transition instants with a leading `Int64.min`, and the offset from each on.
    public var starts: [Int64] { [Int64.min] + times }
    /// Offsets in effect from each of ``starts``.
    public var offsets: [Int32] { [initial] + after }

    // MARK: - UTC → local

    /// The UTC offset in seconds at an instant given as epoch seconds.
    @inline(__always)
    public func offsetSeconds(at seconds: Int64) -> Int32 {
        var t = seconds
        if t >= Self.horizon {
            guard periodic else { return zone.offset(at: Instant(seconds: t)).seconds }
            t = Self.foldBack(t)
        }
        let relative = t &- Self.bucketBase
        if relative < 0 { return offsetBeforeBuckets(t) }
        let record = records[Int(relative >> Self.bucketShift)]
        if record.isSimple { return record.offset(at: t) }
        return times.withUnsafeBufferPointer { times in
            after.withUnsafeBufferPointer { after in record.offsetStepping(at: t, times, after) }
        }
    }

    /// Maps an instant at or after the horizon into the last 400-year cycle before it.
    @inline(__always)
    static func foldBack(_ t: Int64) -> Int64 {
        let cycles = (t - cycleStart) / cycle
        return t - cycles * cycle
    }

    /// Instants before 1900: a binary search over the transitions.
    func offsetBeforeBuckets(_ t: Int64) -> Int32 {
        let next = firstTransitionIndex(after: t)
        return next == 0 ? initial : after[next - 1]
    }

    /// The UTC offset at an instant.
    public func offset(at instant: Instant) -> UTCOffset {
        UTCOffset(seconds: offsetSeconds(at: instant.seconds)) ?? .zero
    }

    // MARK: - Local → UTC

    /// How a wall time, given as local epoch seconds, maps to instants: unique, in a gap, or in a fold.
    ///
    /// A wall time `L` falls in the period `[start, end)` of offset `o` when `start <= L - o < end`;
    /// only periods near `L` (within the largest offset) can qualify, and most wall times have no
    /// transition within a day of them at all.
    public func resolve(localSeconds: Int64) -> LocalResolution {
        var local = localSeconds
        if local >= Self.horizon - Self.offsetBound {
            guard periodic else { return zone.resolve(PlainDateTime(localEpochSeconds: local)) }
            let cycles = (local - Self.cycleStart - Self.offsetBound) / Self.cycle
            local -= cycles * Self.cycle
        }
        let low = local &- Self.offsetBound
        let high = local &+ Self.offsetBound
        // The first transition after `low`.
        let first = firstTransitionIndex(after: low)
        if first >= times.count || times[first] > high {
            return .unique(offset(first == 0 ? initial : after[first - 1]))
        }
        // Periods: index p covers [start(p), start(p+1)) with offset off(p); p = 0 is before times[0].
        func start(_ p: Int) -> Int64 { p == 0 ? Int64.min : times[p - 1] }
        func end(_ p: Int) -> Int64 { p < times.count ? times[p] : Int64.max }
        func off(_ p: Int) -> Int32 { p == 0 ? initial : after[p - 1] }
        var matchFirst = -1
        var matchLast = -1
        var lastBefore = first
        var period = first  // the period containing `low`
        while period <= times.count, start(period) <= high {
            let utc = local &- Int64(off(period))
            if utc >= start(period) && utc < end(period) {
                if matchFirst < 0 { matchFirst = period }
                matchLast = period
            } else if utc >= end(period) {
                lastBefore = period
            }
            period += 1
        }
        if matchFirst < 0 {
            // Skipped: the period the wall time ran past, and the next one.
            return .gap(before: offset(off(lastBefore)), after: offset(off(min(lastBefore + 1, times.count))))
        }
        if matchFirst == matchLast { return .unique(offset(off(matchFirst))) }
        return .fold(before: offset(off(matchFirst)), after: offset(off(matchLast)))
    }

    /// The index of the first transition strictly after `t` (`times.count` when none): a
    /// binary search (zones have at most a few hundred transitions).
    @inline(__always)
    func firstTransitionIndex(after t: Int64) -> Int { Self.firstIndex(after: t, in: times) }

    /// The index of the first of `times` (ascending) strictly after `t`; `times.count` when none.
    static func firstIndex(after t: Int64, in times: [Int64]) -> Int {
        var low = 0
        var high = times.count
        while low < high {
            let mid = (low + high) >> 1
            if times[mid] <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The offset a disambiguation picks for a wall time given as local epoch seconds; `nil` when `reject` refuses it.
    @inline(__always)
    public func offsetSeconds(atLocal local: Int64, _ disambiguation: Disambiguation) -> Int32? {
        resolve(localSeconds: local).offset(for: disambiguation)?.seconds
    }

    @inline(__always)
    private func offset(_ seconds: Int32) -> UTCOffset { UTCOffset(seconds: seconds) ?? .zero }
}

extension Zone {
    /// This zone compiled for bulk conversion; built once per zone and cached.
    public func table() -> ZoneTable { ZoneTableCache.shared.table(for: self) }
}

/// Process-wide cache of compiled zone tables.
final class ZoneTableCache: @unchecked Sendable {
    static let shared = ZoneTableCache()
    private let lock = Lock()
    private var tables: [String: ZoneTable] = [:]

    func table(for zone: Zone) -> ZoneTable {
        if let table = lock.withLock({ tables[zone.identifier] }) { return table }
        let built = ZoneTable(zone: zone)
        return lock.withLock {
            if let existing = tables[zone.identifier] { return existing }
            tables[zone.identifier] = built
            return built
        }
    }
}
