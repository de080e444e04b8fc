import TalkplanTime

/// The occurrences of a ``RecurrenceSet`` in a window, lazily, in order of start.
///
/// ```swift
/// var iterator = try set.occurrences(from: monday, to: nextMonday).makeIterator()
/// while let occurrence = iterator.next() { print(occurrence) }
/// for problem in iterator.diagnostics { print(problem.message) }
/// ```
public struct RecurrenceOccurrences: Sequence, Sendable {
    let set: RecurrenceSet
    let plans: [RulePlan]
    let from: Instant?
    let to: Instant?
    let options: ExpansionOptions
    /// The series zone's compiled table, looked up once for all iterators.
    let table: ZoneTable
    /// Whether a set simple enough may be expanded in batches (``BatchExpansion``); tests
    /// turn it off to compare with the general expansion.
    var allowsBatch = true

    init(set: RecurrenceSet, plans: [RulePlan], from: Instant?, to: Instant?, options: ExpansionOptions) {
        self.set = set
        self.plans = plans
        self.from = from
        self.to = to
        self.options = options
        self.table = set.start.zone.table()
    }

    /// The same occurrences, always by the general expansion (for tests).
    func generalOnly() -> RecurrenceOccurrences {
        var copy = self
        copy.allowsBatch = false
        return copy
    }

    /// A fresh iterator from the start of the window.
    ///
    /// ```swift
    /// var iterator = try set.occurrences().makeIterator()
    /// ```
    public func makeIterator() -> Iterator { Iterator(self) }

    /// Iterates the occurrences; after the end, ``diagnostics`` says whether a limit stopped a rule.
    ///
    /// Advance one copy of an iterator only (as `IteratorProtocol` allows, copies may share
    /// state); take a fresh one with ``RecurrenceOccurrences/makeIterator()``. The batch expansion
    /// works up to 64 occurrences ahead of what it has handed out, so ``diagnostics`` is final
    /// only once `next()` has returned `nil`.
    ///
    /// ```swift
    /// while let occurrence = iterator.next() { print(occurrence) }
    /// ```
    public struct Iterator: IteratorProtocol {
        /// One of the two is set: the batch expansion when the set allows it, else the general one.
        private var batch: BatchExpansion?
        private let expansion: SetExpansion?

        init(_ sequence: RecurrenceOccurrences) {
            if sequence.allowsBatch, let batch = BatchExpansion(sequence, table: sequence.table) {
                self.batch = batch
                expansion = nil
            } else {
                batch = nil
                expansion = SetExpansion(sequence)
            }
        }

        /// Whether this iterator uses the batch expansion (for tests).
        var isBatch: Bool { batch != nil }

        /// Why rules stopped early (limits), in rule order; empty when none did.
        ///
        /// ```swift
        /// iterator.diagnostics.map(\.message)  // ["FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=2 has no occurrence in 400 ..."]
        /// ```
        public var diagnostics: [RecurrenceDiagnostic] { batch?.diagnostics ?? expansion?.diagnostics ?? [] }

        /// The next occurrence, by start; `nil` at the end of the window or the series.
        ///
        /// ```swift
        /// iterator.next()?.start  // 2024-03-01T18:00:00Z
        /// ```
        public mutating func next() -> Occurrence? {
            if let expansion { return expansion.next() }
            return batch!.next()
        }
    }
}

/// The state of one set expansion: the sources merged by original start, exclusions and
/// overrides applied, and a small reorder buffer for `THISANDFUTURE` shifts.
final class SetExpansion {
    /// An instance before exclusions and overrides.
    struct Base {
        var instant: Int64
        /// Its computed wall time in the series' zone (local seconds).
        var local: Int64
        var offset: Int32
        var origin: Occurrence.Origin
        var zone: Zone
        var end: RecurrenceDate.End?
        var isAllDay: Bool
    }

    /// A `THISANDFUTURE` override, from its instance on.
    struct RangeOverride {
        var from: Int64
        var index: Int
        var delta: Int64
        var end: RecurrenceDate.End?
        var cancelled: Bool
    }

    let set: RecurrenceSet
    let zone: Zone
    let table: ZoneTable
    let options: ExpansionOptions
    let from: Instant?
    let to: Instant?

    private var engines: [RuleEngine] = []
    private var heads: [RuleInstance?] = []
    private var done: [Bool] = []
    private var startBase: Base?
    private var dates: [Base] = []
    private var dateIndex = 0
    /// Whether any EXDATE or override names an instance (when none, their lookups are skipped).
    private var hasExclusions = false
    private var excludedInstants: Set<Int64> = []
    private var excludedDays: Set<Int64> = []
    private var replacedInstants: [Int64: Int] = [:]
    private var replacedDays: [Int64: Int] = [:]
    private var ranges: [RangeOverride] = []
    private var replacements: [Occurrence] = []
    private var replacementIndex = 0
    private var buffer: [Occurrence] = []
    private var slack: Int64 = 0
    private var watermark: Int64 = .min
    private var baseEnded = false
    private var ended = false
    private var produced = 0
    private var stop: RecurrenceDiagnostic?

    var diagnostics: [RecurrenceDiagnostic] {
        engines.compactMap(\.diagnostic) + (stop.map { [$0] } ?? [])
    }

    init(_ sequence: RecurrenceOccurrences) {
        set = sequence.set
        zone = set.start.zone
        table = sequence.table
        options = sequence.options
        from = sequence.from
        to = sequence.to
        let start = set.start

        // Overrides: replacements at their own time; instances they name are dropped.
        var latest: [String: Int] = [:]
        for (index, override) in set.overrides.enumerated() { latest[key(override.recurrenceID)] = index }
        var maximumShift: Int64 = 0
        var minimumShift: Int64 = 0
        for (index, override) in set.overrides.enumerated() where latest[key(override.recurrenceID)] == index {
            let id = override.recurrenceID.instant(in: zone)
            if case .date(let date) = override.recurrenceID, !start.isAllDay {
                replacedDays[date.daysSinceEpoch] = index
            } else {
                replacedInstants[id.seconds] = index
            }
            let newStart = override.start?.instant(in: zone) ?? id
            let display = override.start?.displayZone(default: zone) ?? zone
            if override.range == .thisAndFuture {
                let delta = wall(newStart) - wall(id)
                ranges.append(RangeOverride(from: id.seconds, index: index, delta: override.start == nil ? 0 : delta,
                                            end: override.end, cancelled: override.isCancelled))
                maximumShift = max(maximumShift, delta)
                minimumShift = min(minimumShift, delta)
            }
            if override.isCancelled && !options.includeCancelled { continue }
            let allDay = start.isAllDay || (override.start.map { if case .date = $0 { true } else { false } } ?? false)
            replacements.append(Occurrence(
                start: newStart, end: end(of: override.end, from: newStart, zone: display),
                zone: display, offset: display.offset(at: newStart), isAllDay: allDay,
                recurrenceID: id, origin: .override(index), isCancelled: override.isCancelled))
        }
        replacements.sort()
        ranges.sort { $0.from < $1.from }
        if !ranges.isEmpty { slack = -minimumShift + 2 * RuleEngine.offsetBound }

        for exclusion in set.exclusions {
            if case .date(let date) = exclusion, !start.isAllDay {
                excludedDays.insert(date.daysSinceEpoch)
            } else {
                excludedInstants.insert(exclusion.instant(in: zone).seconds)
            }
        }

        hasExclusions = !excludedInstants.isEmpty || !excludedDays.isEmpty || !replacedInstants.isEmpty || !replacedDays.isEmpty

        // Sources.
        let margin = maximumShift.addingReportingOverflow(2 * RuleEngine.offsetBound)
        let seekTarget = from.map { RuleEngine.seekTarget(from: $0, margin: margin.overflow ? .max : margin.partialValue) }
        for (rule, plan) in zip(set.rules, sequence.plans) {
            let engine = RuleEngine(rule: rule, plan: plan, table: table, options: options)
            if let seekTarget { engine.seek(toLocal: seekTarget) }
            engines.append(engine)
        }
        heads = Array(repeating: nil, count: engines.count)
        done = Array(repeating: false, count: engines.count)
        if set.includesStart {
            let instant = RecurrenceTime.compatible(start.dateTime, table: table).seconds
            startBase = Base(instant: instant, local: start.dateTime.localEpochSeconds, offset: table.offsetSeconds(at: instant),
                             origin: .start, zone: zone, end: nil, isAllDay: start.isAllDay)
        }
        for (index, date) in set.dates.enumerated() {
            let instant = date.start.instant(in: zone).seconds
            let allDay = start.isAllDay || { if case .date = date.start { return true } else { return false } }()
            dates.append(Base(instant: instant, local: instant + Int64(table.offsetSeconds(at: instant)),
                              offset: 0, origin: .date(index), zone: date.start.displayZone(default: zone),
                              end: date.end, isAllDay: allDay))
        }
        dates.sort { $0.instant < $1.instant }
    }

    private func key(_ time: RecurrenceTime) -> String {
        if case .date(let date) = time, !set.start.isAllDay { return "d\(date.daysSinceEpoch)" }
        return "i\(time.instant(in: set.start.zone).seconds)"
    }

    /// The wall time (local seconds) of an instant in the series' zone.
    private func wall(_ instant: Instant) -> Int64 {
        instant.seconds + Int64(table.offsetSeconds(at: instant.seconds))
    }

    private func end(of end: RecurrenceDate.End?, from start: Instant, zone display: Zone) -> Instant? {
        switch end {
        case .at(let time): return time.instant(in: zone)
        case .after(let duration): return duration.end(from: start, in: display)
        case nil: return set.duration?.end(from: start, in: display)
        }
    }

    // MARK: - Iteration

    func next() -> Occurrence? {
        while !ended {
            let limitReached = baseEnded || (to.map { watermark >= $0.seconds } ?? false)
            let fromBuffer = buffer.first
            let fromReplacements = replacementIndex < replacements.count ? replacements[replacementIndex] : nil
            var head: Occurrence?
            var takeBuffer = false
            if let fromBuffer, fromReplacements == nil || fromBuffer < fromReplacements! {
                head = fromBuffer
                takeBuffer = true
            } else {
                head = fromReplacements
            }
            if let head, limitReached || head.start.seconds <= watermark {
                if takeBuffer { buffer.removeFirst() } else { replacementIndex += 1 }
                if let to, head.start >= to { ended = true; return nil }
                if let from, head.start < from { continue }
                if produced >= options.limits.maximumOccurrences { return stopAtLimit() }
                produced += 1
                return head
            }
            if limitReached { ended = true; return nil }
            guard let base = nextBase() else {
                baseEnded = true
                continue
            }
            watermark = base.instant - slack
            guard let occurrence = apply(base) else { continue }
            // The usual case: nothing waits in the buffer or before it, so it goes straight out.
            if slack == 0, buffer.isEmpty, occurrence.start.seconds <= watermark,
               replacementIndex >= replacements.count || occurrence < replacements[replacementIndex] {
                if let to, occurrence.start >= to { ended = true; return nil }
                if let from, occurrence.start < from { continue }
                if produced >= options.limits.maximumOccurrences { return stopAtLimit() }
                produced += 1
                return occurrence
            }
            insert(occurrence)
        }
        return nil
    }

    private func stopAtLimit() -> Occurrence? {
        stop = RecurrenceDiagnostic(reason: .occurrenceLimit,
                                    message: "stopped after \(produced) occurrences (the limit); ask for a narrower window")
        ended = true
        return nil
    }

    private func insert(_ occurrence: Occurrence) {
        var index = buffer.count
        while index > 0 && occurrence < buffer[index - 1] { index -= 1 }
        buffer.insert(occurrence, at: index)
    }

    /// The next instance by original start, all sources merged, duplicates (same instant) merged.
    private func nextBase() -> Base? {
        var best: Int64 = .max
        for index in engines.indices where heads[index] == nil && !done[index] {
            heads[index] = engines[index].next()
            if heads[index] == nil { done[index] = true }
        }
        for head in heads { if let head, head.instant < best { best = head.instant } }
        if let startBase, startBase.instant < best { best = startBase.instant }
        if dateIndex < dates.count, dates[dateIndex].instant < best { best = dates[dateIndex].instant }
        if best == .max { return nil }
        // Preference among equal instants: an RDATE (it may carry a period), DTSTART, then the rules.
        var chosen: Base?
        while dateIndex < dates.count && dates[dateIndex].instant == best {
            if chosen == nil { chosen = dates[dateIndex] }
            dateIndex += 1
        }
        if let startBase, startBase.instant == best {
            if chosen == nil { chosen = startBase }
            self.startBase = nil
        }
        for index in heads.indices {
            guard let head = heads[index], head.instant == best else { continue }
            if chosen == nil {
                chosen = Base(instant: head.instant, local: head.local, offset: head.offset, origin: .rule(index),
                              zone: zone, end: nil, isAllDay: set.start.isAllDay)
            }
            heads[index] = nil
        }
        return chosen
    }

    /// Exclusions and overrides applied to one instance.
    private func apply(_ base: Base) -> Occurrence? {
        let offset = table.offsetSeconds(at: base.instant)
        if hasExclusions {
            // Hashing costs more than the rest of an occurrence: only series that have these pay it.
            let day = CivilDays.floorDiv(base.instant + Int64(offset), CivilDays.secondsPerDay)
            if excludedInstants.contains(base.instant) || excludedDays.contains(day) { return nil }
            if replacedInstants[base.instant] != nil || replacedDays[day] != nil { return nil }
        }
        let original = Instant(seconds: base.instant)
        if let range = applicableRange(base.instant) {
            if range.cancelled {
                guard options.includeCancelled else { return nil }
                return Occurrence(start: original, end: end(of: range.end, from: original, zone: base.zone), zone: base.zone,
                                  offset: base.zone.offset(at: original), isAllDay: base.isAllDay, recurrenceID: original,
                                  origin: .override(range.index), isCancelled: true)
            }
            let start = RecurrenceTime.compatible(PlainDateTime(localEpochSeconds: base.local + range.delta), zone)
            return Occurrence(start: start, end: end(of: range.end, from: start, zone: zone), zone: zone,
                              offset: zone.offset(at: start), isAllDay: base.isAllDay, recurrenceID: original,
                              origin: .override(range.index))
        }
        // Only an RDATE may carry another zone; comparing zones compares their identifiers.
        let ownZone: Bool
        if case .date = base.origin { ownZone = base.zone == zone } else { ownZone = true }
        let zoneOffset = ownZone ? (UTCOffset(seconds: offset) ?? .zero) : base.zone.offset(at: original)
        return Occurrence(start: original, end: end(of: base.end, from: original, zone: base.zone), zone: base.zone,
                          offset: zoneOffset, isAllDay: base.isAllDay, recurrenceID: original, origin: base.origin)
    }

    /// The `THISANDFUTURE` override in force at an instance: the latest one at or before it.
    private func applicableRange(_ instant: Int64) -> RangeOverride? {
        guard !ranges.isEmpty, ranges[0].from <= instant else { return nil }
        var low = 0
        var high = ranges.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if ranges[middle].from <= instant { low = middle } else { high = middle }
        }
        return ranges[low]
    }
}
