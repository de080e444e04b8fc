import TalkplanTime

/// A zone computed from a file's own VTIMEZONE, for a TZID that is not a tz database zone
/// ("Customized Time Zone", "Central Europe Custom").
///
/// Offsets come from the observances: every onset (DTSTART, RDATEs, and the yearly RRULE's
/// occurrences up to the year 2200) is a transition to `TZOFFSETTO` at the wall time it
/// names in `TZOFFSETFROM`. Lookups are binary searches over the compiled transitions.
///
/// ```swift
/// let zone = ICalendarCustomZone(definition)
/// zone.offset(at: try Instant(iso8601: "2024-07-01T00:00:00Z"))   // +02:00
/// zone.resolve(PlainDateTime(year: 2024, month: 3, day: 31, hour: 2, minute: 30)!)   // .gap(+01:00, +02:00)
/// ```
public struct ICalendarCustomZone: Sendable, Hashable {
    /// The TZID the file gave it.
    public let tzid: String
    /// Transition instants (epoch seconds), ascending; `offsets[i + 1]` applies from `starts[i]`.
    let starts: [Int64]
    /// `offsets[0]` applies before the first transition.
    let offsets: [Int32]
    /// Whether a rule goes on without end, or every observance has the same offset (then the
    /// zone speaks for any later date).
    let openEnded: Bool
    /// The first onset (epoch seconds), from which the definition speaks.
    let firstOnset: Int64?

    /// Onsets computed per rule, at most (a yearly rule from 1601 to 2200 needs 600).
    static let onsetLimit = 1_000
    /// Rules are expanded up to this year.
    static let horizonYear = 2200
    /// Years a rule is followed for at most, years followed for all rules together, and
    /// transitions kept at most (bounded work whatever the VTIMEZONE).
    static let yearLimit = 3_000
    static let totalYearLimit = 20_000
    static let transitionLimit = 50_000

    /// Compiles a definition; rule parts this reading does not support are added to `notes`.
    public init(_ definition: ICalendarTimeZoneDefinition, notes: inout [String]) {
        tzid = definition.tzid
        var transitions: [(at: Int64, from: Int32, to: Int32)] = []
        var openEnded = false
        var budget = Self.totalYearLimit
        var exhausted = false
        for observance in definition.observances where transitions.count < Self.transitionLimit {
            var onsets = [observance.start] + observance.dates
            if observance.rule != nil, budget <= 0 {
                if !exhausted {
                    notes.append("VTIMEZONE \(quoted(tzid)) has more rules than are followed; later observances' RRULEs are ignored")
                    exhausted = true
                }
            } else if let rule = observance.rule {
                let expansion = Self.expand(rule, from: observance.start, offsetFrom: observance.offsetFrom,
                                            budget: &budget, notes: &notes, tzid: tzid)
                onsets += expansion.onsets
                openEnded = openEnded || expansion.openEnded
            }
            for onset in onsets {
                transitions.append((onset.instant(at: observance.offsetFrom).seconds, observance.offsetFrom.seconds, observance.offsetTo.seconds))
            }
        }
        transitions.sort { $0.at < $1.at }
        if Set(definition.observances.map(\.offsetTo)).count == 1 { openEnded = true }
        firstOnset = transitions.first?.at
        var starts: [Int64] = []
        var offsets: [Int32] = [transitions.first?.from ?? 0]
        for transition in transitions where transition.to != offsets[offsets.count - 1] {
            if let last = starts.last, last == transition.at {
                offsets[offsets.count - 1] = transition.to
                continue
            }
            starts.append(transition.at)
            offsets.append(transition.to)
        }
        self.starts = starts
        self.offsets = offsets
        self.openEnded = openEnded
    }

    /// Compiles a definition, dropping the notes.
    public init(_ definition: ICalendarTimeZoneDefinition) {
        var notes: [String] = []
        self.init(definition, notes: &notes)
    }

    /// The offset in effect at an instant.
    public func offset(at instant: Instant) -> UTCOffset {
        UTCOffset(seconds: offsets[period(containing: instant.seconds)]) ?? .zero
    }

    /// Whether the definition speaks for an instant: between its first and last transitions,
    /// or anywhere after the first when a rule goes on without end. Outside, the nearest
    /// observance's offset is only an extrapolation.
    public func covers(_ instant: Instant) -> Bool {
        let year: Int64 = 366 * 86_400
        guard let first = starts.first ?? firstOnset else { return false }
        let last = starts.last ?? first
        return instant.seconds >= first - year && (openEnded || instant.seconds <= last + year)
    }

    /// How a wall time maps to instants: unique, in a gap, or in a fold.
    public func resolve(_ dateTime: PlainDateTime) -> LocalResolution {
        let local = dateTime.localEpochSeconds
        let bound: Int64 = 26 * 3600
        var index = period(containing: local - bound)
        let last = period(containing: local + bound)
        var matches: [Int] = []
        var lastBefore = index
        while index <= last {
            let utc = local - Int64(offsets[index])
            let start = index == 0 ? Int64.min : starts[index - 1]
            let end = index < starts.count ? starts[index] : Int64.max
            if utc >= start && utc < end {
                matches.append(index)
            } else if utc >= end {
                lastBefore = index
            }
            index += 1
        }
        func offset(_ index: Int) -> UTCOffset { UTCOffset(seconds: offsets[index]) ?? .zero }
        guard let first = matches.first, let final = matches.last else {
            return .gap(before: offset(lastBefore), after: offset(min(lastBefore + 1, offsets.count - 1)))
        }
        return first == final ? .unique(offset(first)) : .fold(before: offset(first), after: offset(final))
    }

    /// Index into `offsets` of the period holding an instant.
    private func period(containing seconds: Int64) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= seconds { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The transition nearest before an instant (plus one second), for messages.
    func transition(before instant: Instant) -> (at: Instant, before: UTCOffset, after: UTCOffset)? {
        let index = period(containing: instant.seconds + 1)
        guard index > 0 else { return nil }
        return (Instant(seconds: starts[index - 1]), UTCOffset(seconds: offsets[index - 1]) ?? .zero,
                UTCOffset(seconds: offsets[index]) ?? .zero)
    }

    // MARK: - Observance rules

    /// The onsets of a yearly observance rule after its DTSTART: BYMONTH with BYDAY (`-1SU`,
    /// `2SU`), BYMONTHDAY, or both (`BYMONTHDAY=8,9,...,14;BYDAY=SU`), INTERVAL, UNTIL and COUNT.
    static func expand(_ rule: ICalendarRecurrenceRule, from start: PlainDateTime, offsetFrom: UTCOffset,
                       budget: inout Int, notes: inout [String], tzid: String) -> (onsets: [PlainDateTime], openEnded: Bool) {
        guard rule.frequency == .yearly else {
            notes.append("RRULE \(quoted(rule.text)) in VTIMEZONE \(quoted(tzid)) is not yearly; only its DTSTART is used")
            return ([], false)
        }
        if !rule.byYearDay.isEmpty || !rule.byWeekNo.isEmpty || !rule.bySetPos.isEmpty {
            notes.append("RRULE \(quoted(rule.text)) in VTIMEZONE \(quoted(tzid)) uses BYYEARDAY, BYWEEKNO or BYSETPOS, which are ignored")
        }
        var onsets: [PlainDateTime] = []
        var produced = 1  // DTSTART is the first instance
        let months = rule.byMonth.isEmpty ? [Int(start.date.month)] : rule.byMonth.sorted()
        var year = Int(start.date.year)
        let interval = max(rule.interval, 1)
        let openEnded = rule.until == nil && rule.count == nil
        var passes = 0
        while year <= horizonYear, onsets.count < onsetLimit, passes < yearLimit, budget > 0 {
            passes += 1
            budget -= 1
            for month in months {
                for day in days(of: rule, year: year, month: month, defaultDay: Int(start.date.day)) {
                    guard let date = PlainDate(year: year, month: month, day: day) else { continue }
                    let onset = PlainDateTime(date: date, time: start.time)
                    guard onset > start else { continue }
                    if let until = rule.until {
                        switch until {
                        case .utc(let value):
                            if onset.instant(at: offsetFrom) > value.instant(at: .zero) { return (onsets, false) }
                        case .date(let value):
                            if onset.date > value { return (onsets, false) }
                        default:
                            if onset > until.dateTime { return (onsets, false) }
                        }
                    }
                    if let count = rule.count, produced >= count { return (onsets, false) }
                    onsets.append(onset)
                    produced += 1
                }
            }
            year += interval
        }
        return (onsets, openEnded)
    }

    /// The days of a month a yearly rule selects, ascending.
    static func days(of rule: ICalendarRecurrenceRule, year: Int, month: Int, defaultDay: Int) -> [Int] {
        let count = PlainDate.daysInMonth(year: year, month: month)
        guard count > 0 else { return [] }
        var candidates: [Int]
        if !rule.byMonthDay.isEmpty {
            candidates = rule.byMonthDay.map { $0 > 0 ? $0 : count + 1 + $0 }.filter { (1...count).contains($0) }
        } else if !rule.byDay.isEmpty {
            candidates = Array(1...count)
        } else {
            candidates = defaultDay <= count ? [defaultDay] : []
        }
        if !rule.byDay.isEmpty {
            guard let first = PlainDate(year: year, month: month, day: 1) else { return [] }
            var selected = Set<Int>()
            for entry in rule.byDay {
                let firstMatch = 1 + first.weekday.days(until: entry.weekday)
                let all = Array(stride(from: firstMatch, through: count, by: 7))
                if let ordinal = entry.ordinal {
                    let index = ordinal > 0 ? ordinal - 1 : all.count + ordinal
                    if all.indices.contains(index) { selected.insert(all[index]) }
                } else {
                    selected.formUnion(all)
                }
            }
            candidates = candidates.filter(selected.contains)
        }
        return Array(Set(candidates)).sorted()
    }
}
