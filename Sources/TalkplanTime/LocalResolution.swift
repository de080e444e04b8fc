/// How a wall time maps to instants in a zone, before any rule picks one.
///
/// Modelled explicitly, as Temporal and jiff do, so that callers can report
/// a gap or a fold instead of silently shifting a time.
///
/// ```swift
/// switch try Zone("America/Chicago").resolve(wall) {
/// case .unique(let offset): ...
/// case .gap(let before, let after): ...   // e.g. 02:30 on 2024-03-10: -06:00 → -05:00
/// case .fold(let before, let after): ...  // e.g. 01:30 on 2024-11-03: -05:00 → -06:00
/// }
/// ```
public enum LocalResolution: Sendable, Hashable {
    /// The wall time occurs exactly once, at this offset.
    case unique(UTCOffset)
    /// The wall time was skipped: clocks jumped from `before` to the larger `after` offset.
    case gap(before: UTCOffset, after: UTCOffset)
    /// The wall time occurs twice: first at `before`, then again at the smaller `after` offset.
    case fold(before: UTCOffset, after: UTCOffset)

    /// Whether the wall time occurs exactly once.
    public var isUnique: Bool {
        if case .unique = self { return true }
        return false
    }

    /// The offset a disambiguation picks, or `nil` for `reject` of a gap or fold.
    ///
    /// For a gap, `compatible` and `later` read the wall time with the offset in
    /// effect before the gap (the result lies after it, moved forward by the gap's
    /// length, as RFC 5545 and Temporal require); `earlier` reads it with the offset
    /// after the gap. For a fold, `compatible` and `earlier` take the first occurrence.
    public func offset(for disambiguation: Disambiguation) -> UTCOffset? {
        switch (self, disambiguation) {
        case (.unique(let offset), _): offset
        case (_, .reject): nil
        case (.gap(let before, _), .compatible), (.gap(let before, _), .later): before
        case (.gap(_, let after), .earlier): after
        case (.fold(let before, _), .compatible), (.fold(let before, _), .earlier): before
        case (.fold(_, let after), .later): after
        }
    }

    /// The instant of `dateTime` under a disambiguation, or `nil` when `reject` refuses it.
    public func instant(for dateTime: PlainDateTime, _ disambiguation: Disambiguation) -> Instant? {
        offset(for: disambiguation).map { dateTime.instant(at: $0) }
    }
}

/// Which instant to take for a wall time that falls in a gap or a fold, as Temporal's option.
///
/// ```swift
/// try zone.instant(for: wall, disambiguation: .later)
/// ```
public enum Disambiguation: String, Sendable, Hashable, CaseIterable {
    /// The default of RFC 5545 and Temporal: a gap moves forward by its length, a fold takes the earlier.
    case compatible
    /// The earlier of the two candidate instants.
    case earlier
    /// The later of the two candidate instants.
    case later
    /// Refuse a wall time that is not unique.
    case reject
}
