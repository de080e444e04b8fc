/// A time zone: a tz database zone (`Europe/Paris`) or a fixed UTC offset.
///
/// A tz zone is identified by its IANA canonical ID: aliases are followed
/// when the zone is created, so `Zone("US/Central").identifier` is
/// `"America/Chicago"`. Unknown names are errors, never a silent UTC.
///
/// ```swift
/// let chicago = try Zone("America/Chicago")
/// chicago.offset(at: try Instant(iso8601: "2024-03-10T08:00:00Z"))   // -05:00
/// ```
public struct Zone: Sendable, Hashable, CustomStringConvertible {
    enum Storage: @unchecked Sendable {
        case tz(ICUBridge.ZoneHandle)
        case fixed(UTCOffset)
    }

    /// One reference for a tz zone (its handle holds the ID), none for a fixed offset: copying
    /// a zone, as every occurrence and resolved time does, costs one reference count at most.
    let storage: Storage

    /// The IANA canonical ID, or the offset (`+01:00`) for a fixed-offset zone.
    public var identifier: String {
        switch storage {
        case .tz(let handle): handle.identifier
        case .fixed(let offset): offset.description
        }
    }

    /// Creates a zone from a tz database ID or alias.
    ///
    /// ```swift
    /// try Zone("Asia/Calcutta").identifier   // "Asia/Kolkata"
    /// try Zone("Mars/Olympus")               // throws: unknown time zone "Mars/Olympus"
    /// ```
    public init(_ identifier: String) throws(TimeError) {
        if let problem = TZDatabase.loadError { throw TimeError(message: problem) }
        guard identifier.utf8.count <= 128,
              let canonical = Self.canonicalIdentifier(identifier),
              let handle = ICUBridge.ZoneHandle(identifier: canonical)
        else {
            throw TimeError.unknownZone(identifier)
        }
        self.storage = .tz(handle)
    }

    /// The identifier a zone is known by: the IANA canonical ID, with one exception.
    ///
    /// Aliases follow the tz database's links (`US/Central` → `America/Chicago`,
    /// `Asia/Calcutta` → `Asia/Kolkata`, `Europe/Kiev` → `Europe/Kyiv`). But since 2022 the
    /// tz database also links some countries' zones to a neighbour's because their clocks
    /// have agreed since 1970 (`Europe/Amsterdam` → `Europe/Brussels`, `Europe/Oslo` →
    /// `Europe/Berlin`), while its zone.tab still lists `Europe/Amsterdam` for the
    /// Netherlands. Reporting a Dutch seminar in `Europe/Brussels` would mislead, so:
    /// an ID zone.tab lists is kept; otherwise the link is followed when its target is in
    /// the same country; otherwise the ID zone.tab lists for the name's own country among
    /// its equivalents is used (`Africa/Asmera` → `Africa/Asmara`, not `Africa/Nairobi`).
    /// Offsets are identical whichever of these is chosen.
    static func canonicalIdentifier(_ name: String) -> String? {
        guard let target = ICUBridge.ianaCanonicalID(name) else { return nil }
        if target == name || zoneTab.contains(name) { return name }
        guard let region = ICUBridge.region(ofZone: name), region != "001" else { return target }
        if zoneTab.contains(target), ICUBridge.region(ofZone: target) == region { return target }
        let local = ICUBridge.equivalentIDs(name).filter { zoneTab.contains($0) && ICUBridge.region(ofZone: $0) == region }
        return local.count == 1 ? local[0] : target
    }

    private static let zoneTab: Set<String> = ICUBridge.zoneTabIDs()

    /// A zone that is always at one offset from UTC.
    ///
    /// ```swift
    /// Zone.fixed(UTCOffset(hours: 1)!).identifier   // "+01:00"
    /// ```
    public static func fixed(_ offset: UTCOffset) -> Zone { Zone(fixed: offset) }

    /// UTC.
    public static let utc = Zone(fixed: .zero)

    private init(fixed offset: UTCOffset) {
        self.storage = .fixed(offset)
    }

    /// The IANA ID, or `nil` for a fixed-offset zone.
    public var ianaIdentifier: String? {
        if case .tz = storage { return identifier }
        return nil
    }

    /// The fixed offset, or `nil` for a tz zone.
    public var fixedOffset: UTCOffset? {
        if case .fixed(let offset) = storage { return offset }
        return nil
    }

    public var description: String { identifier }

    public static func == (lhs: Zone, rhs: Zone) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.tz(let left), .tz(let right)): left === right || left.identifier == right.identifier
        case (.fixed(let left), .fixed(let right)): left == right
        default: false
        }
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    // MARK: - Instant to wall time

    /// The UTC offset in effect at an instant.
    ///
    /// ```swift
    /// try Zone("America/Santiago").offset(at: Instant(seconds: 1_725_768_000))   // -03:00
    /// ```
    public func offset(at instant: Instant) -> UTCOffset {
        switch storage {
        case .fixed(let offset):
            return offset
        case .tz(let handle):
            let ms = handle.offsetMilliseconds(atUTC: Self.milliseconds(instant.seconds))
            return UTCOffset(seconds: ms / 1000) ?? .zero
        }
    }

    /// Whether daylight saving time is in effect at an instant (ICU's daylight part is non-zero).
    public func isDaylightSavingTime(at instant: Instant) -> Bool {
        guard case .tz(let handle) = storage else { return false }
        return handle.offsetParts(atUTC: Self.milliseconds(instant.seconds)).dst != 0
    }

    /// The wall time at an instant.
    ///
    /// ```swift
    /// try Zone("Europe/Paris").plainDateTime(at: Instant(iso8601: "2024-04-04T10:00:00Z"))   // 2024-04-04T12:00:00
    /// ```
    public func plainDateTime(at instant: Instant) -> PlainDateTime {
        instant.plainDateTime(at: offset(at: instant))
    }

    // MARK: - Wall time to instant

    /// How a wall time maps to instants in this zone: exactly one, none (a gap), or two (a fold).
    ///
    /// ```swift
    /// let chicago = try Zone("America/Chicago")
    /// chicago.resolve(PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!)
    /// // .gap(before: -06:00, after: -05:00)
    /// chicago.resolve(PlainDateTime(year: 2024, month: 11, day: 3, hour: 1, minute: 30)!)
    /// // .fold(before: -05:00, after: -06:00)
    /// ```
    public func resolve(_ dateTime: PlainDateTime) -> LocalResolution {
        switch storage {
        case .fixed(let offset):
            return .unique(offset)
        case .tz(let handle):
            let local = Self.milliseconds(dateTime.localEpochSeconds)
            let former = handle.offsetMilliseconds(atLocal: local, latter: false) / 1000
            let latter = handle.offsetMilliseconds(atLocal: local, latter: true) / 1000
            let before = UTCOffset(seconds: former) ?? .zero
            let after = UTCOffset(seconds: latter) ?? .zero
            if former == latter { return .unique(before) }
            // ICU's FORMER reads the wall time with the offset before the transition,
            // LATTER with the one after. The clocks jumped forward (a gap) when the
            // offset grew, back (a fold) when it shrank.
            return latter > former ? .gap(before: before, after: after) : .fold(before: before, after: after)
        }
    }

    /// The instant of a wall time, a gap or fold settled by `disambiguation`.
    ///
    /// ```swift
    /// let chicago = try Zone("America/Chicago")
    /// let wall = PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!
    /// try chicago.instant(for: wall)                             // 2024-03-10T08:30:00Z (03:30 CDT)
    /// try chicago.instant(for: wall, disambiguation: .earlier)   // 2024-03-10T07:30:00Z (01:30 CST)
    /// try chicago.instant(for: wall, disambiguation: .reject)
    /// // throws: 02:30 on 2024-03-10 does not exist in America/Chicago (gap 02:00–03:00)
    /// ```
    public func instant(for dateTime: PlainDateTime, disambiguation: Disambiguation = .compatible) throws(TimeError) -> Instant {
        let resolution = resolve(dateTime)
        if let instant = resolution.instant(for: dateTime, disambiguation) { return instant }
        throw rejection(of: dateTime, resolution)
    }

    /// The error `reject` gives for a wall time in a gap or fold, with the span of local times involved.
    ///
    /// ```swift
    /// let wall = PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!
    /// chicago.rejection(of: wall, chicago.resolve(wall)).message
    /// // "02:30 on 2024-03-10 does not exist in America/Chicago (gap 02:00–03:00)"
    /// ```
    public func rejection(of dateTime: PlainDateTime, _ resolution: LocalResolution) -> TimeError {
        switch resolution {
        case .unique:
            return TimeError(message: "\(dateTime) is not ambiguous in \(identifier)")
        case .gap(let before, let after):
            // The transition lies between the two readings of the wall time.
            let transition = transition(near: dateTime.instant(at: before))
            let start = transition.map { $0.instant.plainDateTime(at: before) }
            let end = transition.map { $0.instant.plainDateTime(at: after) }
            return TimeError.nonexistent(dateTime, zone: identifier, from: start, to: end)
        case .fold(let before, let after):
            let transition = transition(near: dateTime.instant(at: after))
            let start = transition.map { $0.instant.plainDateTime(at: after) }
            let end = transition.map { $0.instant.plainDateTime(at: before) }
            return TimeError.ambiguous(dateTime, zone: identifier, from: start, to: end, offsets: (before, after))
        }
    }

    private func transition(near instant: Instant) -> ZoneTransition? {
        previousTransition(before: instant.adding(seconds: 1))
    }

    // MARK: - Transitions

    /// The first transition strictly after an instant, or `nil` when there is none.
    ///
    /// ```swift
    /// try Zone("America/Chicago").nextTransition(after: Instant(iso8601: "2024-01-01T00:00:00Z"))
    /// // 2024-03-10T08:00:00Z, -06:00 → -05:00
    /// ```
    public func nextTransition(after instant: Instant) -> ZoneTransition? {
        guard case .tz(let handle) = storage,
              let found = handle.nextTransition(afterUTC: Self.milliseconds(instant.seconds), inclusive: false)
        else { return nil }
        return ZoneTransition(found)
    }

    /// The last transition strictly before an instant, or `nil` when there is none.
    public func previousTransition(before instant: Instant) -> ZoneTransition? {
        guard case .tz(let handle) = storage else { return nil }
        // A transition at exactly the whole second is before an instant with a fraction.
        let inclusive = instant.nanoseconds != 0
        guard let found = handle.previousTransition(beforeUTC: Self.milliseconds(instant.seconds), inclusive: inclusive)
        else { return nil }
        return ZoneTransition(found)
    }

    /// Every transition in `[start, end)`, in order. Stops after `limit` transitions.
    public func transitions(from start: Instant, to end: Instant, limit: Int = 10_000) -> [ZoneTransition] {
        var result: [ZoneTransition] = []
        var cursor = start.adding(seconds: -1)
        while result.count < limit, let next = nextTransition(after: cursor), next.instant < end {
            if next.instant >= start { result.append(next) }
            cursor = next.instant
        }
        return result
    }

    @inline(__always)
    static func milliseconds(_ seconds: Int64) -> Double { Double(seconds) * 1000 }
}

/// A moment when a zone's UTC offset (or its standard/daylight split) changes.
public struct ZoneTransition: Sendable, Hashable, CustomStringConvertible {
    /// When the new offset takes effect.
    public let instant: Instant
    /// The offset in effect just before.
    public let offsetBefore: UTCOffset
    /// The offset in effect from `instant` on.
    public let offsetAfter: UTCOffset

    init(_ raw: (at: Double, before: Int32, after: Int32)) {
        instant = Instant.fromEpochMilliseconds(Int64(raw.at))
        offsetBefore = UTCOffset(seconds: raw.before / 1000) ?? .zero
        offsetAfter = UTCOffset(seconds: raw.after / 1000) ?? .zero
    }

    public var description: String { "\(instant), \(offsetBefore) → \(offsetAfter)" }
}
