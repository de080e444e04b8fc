import TalkplanTime

/// A run of days in the attendee's zone with the occurrences that start on each.
///
/// Day boundaries are the attendee's midnights, computed after conversion: a Jerusalem talk at
/// 06:00 on Monday is on Sunday evening in Chicago. Overlaps are marked, and the view notes
/// every clock change inside the window in the attendee's zone and in each source zone, since
/// the US, the EU, Israel and Chile change on different days.
///
/// ```swift
/// let view = WeekView(occurrences, zone: try Zone("America/Chicago"),
///                     from: PlainDate(year: 2024, month: 11, day: 4)!, days: 7)
/// view.days[0].entries.first?.attendeeStart   // 2024-11-04T09:00:00-06:00[America/Chicago]
/// view.notices   // ["America/Santiago: …", …]
/// ```
public struct WeekView: Sendable {
    public struct Entry: Sendable {
        public var occurrence: Occurrence
        /// Start and end in the attendee's zone.
        public var attendeeStart: ZonedDateTime
        public var attendeeEnd: ZonedDateTime
        /// Ids of the occurrences in the window that overlap this one.
        public var overlapsWith: [String]
    }

    public struct Day: Sendable {
        public var date: PlainDate
        public var entries: [Entry]
    }

    /// A clock change inside the window.
    public struct ClockChange: Sendable, Hashable {
        public var zone: Zone
        public var transition: ZoneTransition
        /// Whether the change happens in the attendee's own zone.
        public var isAttendeeZone: Bool

        /// "clocks in America/Chicago go back 1 h on Sun 2024-11-03 at 02:00 (-05:00 → -06:00)".
        public var description: String {
            let local = transition.instant.plainDateTime(at: transition.offsetBefore)
            let delta = Int(transition.offsetAfter.seconds) - Int(transition.offsetBefore.seconds)
            let magnitude = abs(delta)
            let amount = magnitude % 3600 == 0 ? "\(magnitude / 3600) h" : "\(magnitude / 60) min"
            let direction = delta > 0 ? "forward" : "back"
            let clock = "\(two(local.time.hour)):\(two(local.time.minute))"
            return "clocks in \(zone.identifier) go \(direction) \(amount) on \(local.date.weekday.shortName) \(local.date) at \(clock) (\(transition.offsetBefore) → \(transition.offsetAfter))"
        }

        private func two(_ value: UInt8) -> String { value < 10 ? "0\(value)" : "\(value)" }
    }

    public var zone: Zone
    public var start: ZonedDateTime
    public var end: ZonedDateTime
    public var days: [Day]
    public var clockChanges: [ClockChange]

    /// Every entry, in start order.
    public var entries: [Entry] { days.flatMap(\.entries) }

    /// Builds the view of `days` days from `from` (a date in `zone`), keeping the occurrences that start inside.
    public init(_ occurrences: [Occurrence], zone: Zone, from: PlainDate, days count: Int = 7) {
        self.zone = zone
        let first = Self.midnight(of: from, in: zone)
        let last = Self.midnight(of: from.adding(days: Int64(count)), in: zone)
        self.start = first
        self.end = last
        let inside = occurrences.filter { $0.start >= first.instant && $0.start < last.instant }.sorted(by: Overlaps.precedes)
        let overlaps = Overlaps.find(in: inside)
        var days: [Day] = (0..<count).map { Day(date: from.adding(days: Int64($0)), entries: []) }
        for occurrence in inside {
            let attendeeStart = ZonedDateTime(occurrence.start, in: zone)
            let index = Int(attendeeStart.date.daysSinceEpoch - from.daysSinceEpoch)
            guard index >= 0, index < count else { continue }
            days[index].entries.append(Entry(occurrence: occurrence, attendeeStart: attendeeStart,
                                              attendeeEnd: ZonedDateTime(occurrence.end, in: zone),
                                              overlapsWith: overlaps[occurrence.id] ?? []))
        }
        self.days = days
        var zones: [Zone] = [zone]
        for occurrence in inside {
            if let source = occurrence.zone, !zones.contains(source) { zones.append(source) }
        }
        self.clockChanges = zones.flatMap { candidate in
            candidate.transitions(from: first.instant, to: last.instant).map {
                ClockChange(zone: candidate, transition: $0, isAttendeeZone: candidate == zone)
            }
        }.sorted { $0.transition.instant < $1.transition.instant }
    }

    /// The first instant of a date in a zone: midnight, or the first moment after a gap at midnight
    /// (Chile's clocks skip 00:00–01:00 in September).
    public static func midnight(of date: PlainDate, in zone: Zone) -> ZonedDateTime {
        let wall = PlainDateTime(date: date, time: .midnight)
        switch zone.resolve(wall) {
        case .unique(let offset), .fold(let offset, _):
            return ZonedDateTime(wall.instant(at: offset), in: zone)
        case .gap(let before, let after):
            // The gap's end, the earliest instant whose wall date is `date`, is the transition itself;
            // read with the earlier offset, midnight lands exactly on or after it.
            let transition = zone.previousTransition(before: wall.instant(at: before).adding(seconds: 1))
            return ZonedDateTime(transition?.instant ?? wall.instant(at: after), in: zone)
        }
    }

    /// The Monday (or `weekStart`) on or before a date.
    public static func weekStart(containing date: PlainDate, firstDay: Weekday = .monday) -> PlainDate {
        let back = (date.weekday.rawValue - firstDay.rawValue + 7) % 7
        return date.adding(days: Int64(-back))
    }
}
