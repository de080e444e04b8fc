/// A zone compiled to a sorted table of its transitions, for bulk conversion.
///
/// Built once from the same ICU zone (and so the same tz data) as ``Zone``,
/// by walking ICU's transitions from the earliest one up to ``horizon``.
/// Lookups are a binary search over plain arrays: no ICU call, no lock, no
/// allocation. Instants at or beyond the horizon are answered by ICU itself,
/// so results are identical to the ``Zone`` path everywhere.
///
/// ```swift
/// let table = try Zone("America/Chicago").table()
/// table.offsetSeconds(at: 1_710_057_600)   // -18000 (2024-03-10T08:00:00Z is 03:00 CDT)
/// ```
public struct ZoneTable: Sendable {
    /// The zone the table was built from.
    public let zone: Zone
    /// `starts[i]` is when `offsets[i]` takes effect (seconds since the epoch); `starts[0]` is `Int64.min`.
    public let starts: [Int64]
    /// Total UTC offsets in seconds.
    public let offsets: [Int32]
    /// The first instant (epoch seconds) the table does not cover: 2200-01-01T00:00:00Z.
    public static let horizon: Int64 = 7_258_118_400

    /// The largest offset magnitude of any zone, with margin (the tz database stays within ±26 h).
    static let offsetBound: Int64 = 26 * 3600

    init(zone: Zone) {
        var starts: [Int64] = [Int64.min]
        var offsets: [Int32] = []
        if case .tz(let handle) = zone.storage {
            // ICU's earliest representable moment; the zone's first offset applies before its first transition.
            var cursor = -8.64e15
            offsets.append(handle.offsetMilliseconds(atUTC: cursor) / 1000)
            let end = Double(Self.horizon) * 1000
            while let next = handle.nextTransition(afterUTC: cursor, inclusive: false), next.at < end {
                let seconds = Int64((next.at / 1000).rounded(.down))
                let offset = next.after / 1000
                if offset != offsets[offsets.count - 1] {
                    starts.append(seconds)
                    offsets.append(offset)
                }
                cursor = next.at
                if starts.count > 100_000 { break }  // no zone has this many; never loop unbounded
            }
        } else {
            offsets.append(zone.offset(at: .unixEpoch).seconds)
        }
        self.zone = zone
        self.starts = starts
        self.offsets = offsets
    }

    /// Index of the period containing `seconds`: the last `i` with `starts[i] <= seconds`.
    @inline(__always)
    func period(containing seconds: Int64) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let mid = (low + high) >> 1
            if starts[mid] <= seconds { low = mid } else { high = mid }
        }
        return low
    }

    /// The UTC offset in seconds at an instant given as epoch seconds.
    @inline(__always)
    public func offsetSeconds(at seconds: Int64) -> Int32 {
        if seconds >= Self.horizon { return zone.offset(at: Instant(seconds: seconds)).seconds }
        return offsets[period(containing: seconds)]
    }

    /// The UTC offset at an instant.
    public func offset(at instant: Instant) -> UTCOffset {
        UTCOffset(seconds: offsetSeconds(at: instant.seconds)) ?? .zero
    }

    /// How a wall time, given as local epoch seconds, maps to instants: unique, in a gap, or in a fold.
    ///
    /// A wall time `L` falls in period `i` when `starts[i] <= L - offsets[i] < starts[i+1]`;
    /// only periods starting within a day or so of `L` can qualify.
    public func resolve(localSeconds local: Int64) -> LocalResolution {
        if local >= Self.horizon - Self.offsetBound {
            return zone.resolve(PlainDateTime(localEpochSeconds: local))
        }
        var first = period(containing: local &- Self.offsetBound)
        let last = period(containing: local &+ Self.offsetBound)
        var matchFirst = -1
        var matchLast = -1
        var lastBefore = first
        while first <= last {
            let utc = local &- Int64(offsets[first])
            let end = first + 1 < starts.count ? starts[first + 1] : Int64.max
            if utc >= starts[first] && utc < end {
                if matchFirst < 0 { matchFirst = first }
                matchLast = first
            } else if utc >= end {
                lastBefore = first
            }
            first += 1
        }
        func offset(_ index: Int) -> UTCOffset { UTCOffset(seconds: offsets[index]) ?? .zero }
        if matchFirst < 0 {
            // Skipped: the period the wall time ran past, and the next one.
            return .gap(before: offset(lastBefore), after: offset(min(lastBefore + 1, offsets.count - 1)))
        }
        if matchFirst == matchLast { return .unique(offset(matchFirst)) }
        return .fold(before: offset(matchFirst), after: offset(matchLast))
    }

    /// The offset a disambiguation picks for a wall time given as local epoch seconds; `nil` when `reject` refuses it.
    @inline(__always)
    public func offsetSeconds(atLocal local: Int64, _ disambiguation: Disambiguation) -> Int32? {
        resolve(localSeconds: local).offset(for: disambiguation)?.seconds
    }
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
