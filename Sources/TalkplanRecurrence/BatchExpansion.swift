import TalkplanTime

/// The expansion of a set with one simple rule (see ``BatchShape``), no `RDATE` and no
/// override, `EXDATE`s allowed: the rule's instances come a batch at a time from
/// ``RuleEngine/fillBatch(_:_:into:budget:stopInstant:)`` and are handed out from a buffer.
///
/// It is ``SetExpansion`` for that case, step for step: `DTSTART` merged in (and preferred
/// when a rule instance has the same instant), exclusions applied, the window and the
/// occurrence limit checked in the same order; only the bookkeeping the general case needs
/// (several sources, overrides, a reorder buffer) is left out. A value type, so that its
/// state is reached without the run-time exclusivity checks of a class.
struct BatchExpansion {
    private let engine: RuleEngine
    private let shape: BatchShape
    private let buffers: BatchBuffers
    private let zone: Zone
    private let isAllDay: Bool
    private let duration: RecurrenceDuration?
    /// The instances of the current batch, and the next one to hand out.
    private var batch: [RuleInstance] = []
    private var index = 0
    private var engineDone = false
    /// `DTSTART` as an instance, until it is handed out (`nil` when the set leaves it out).
    private var startInstant: Int64?
    private var startOffset: Int32 = 0
    /// The window, as whole seconds: an occurrence (whole seconds) is in it when its start
    /// is at or after `fromCeiling` and before `toCeiling`. `toFloor` is `to`'s whole seconds,
    /// which the watermark is compared with.
    private let fromCeiling: Int64
    private let toCeiling: Int64
    private let toFloor: Int64
    /// The instant of the last instance taken (the general expansion's watermark).
    private var watermark: Int64 = .min
    /// `EXDATE`s: instants, ascending, with the first not yet passed; days (days since
    /// 1970-01-01 in the series' zone), ascending.
    private let excludedInstants: [Int64]
    private var exclusionIndex = 0
    private let excludedDays: [Int64]
    /// Whether there is any `EXDATE` (when none, the lookups are skipped).
    private let hasExclusions: Bool
    private let maximum: Int
    private var produced = 0
    private var ended = false
    private var stop: RecurrenceDiagnostic?

    /// The expansion of `sequence`, or `nil` when it needs the general one.
    init?(_ sequence: RecurrenceOccurrences, table: ZoneTable) {
        let set = sequence.set
        guard set.rules.count == 1, sequence.plans.count == 1, set.dates.isEmpty, set.overrides.isEmpty,
              let shape = BatchShape(plan: sequence.plans[0])
        else { return nil }
        let start = set.start
        let zone = start.zone
        self.shape = shape
        buffers = BatchBuffers(shape: shape)
        self.zone = zone
        isAllDay = start.isAllDay
        duration = set.duration
        maximum = sequence.options.limits.maximumOccurrences
        fromCeiling = sequence.from.map { Self.ceiling($0) } ?? .min
        toCeiling = sequence.to.map { Self.ceiling($0) } ?? .max
        toFloor = sequence.to?.seconds ?? .max

        var instants: [Int64] = []
        var days: [Int64] = []
        for exclusion in set.exclusions {
            if case .date(let date) = exclusion, !start.isAllDay {
                days.append(date.daysSinceEpoch)
            } else {
                instants.append(exclusion.instant(in: zone).seconds)
            }
        }
        excludedInstants = instants.sorted()
        excludedDays = days.sorted()
        hasExclusions = !instants.isEmpty || !days.isEmpty

        engine = RuleEngine(rule: set.rules[0], plan: sequence.plans[0], table: table, options: sequence.options)
        if let from = sequence.from { engine.seek(toLocal: RuleEngine.seekTarget(from: from, margin: 2 * RuleEngine.offsetBound)) }
        if set.includesStart {
            let instant = RecurrenceTime.compatible(start.dateTime, table: table).seconds
            startInstant = instant
            startOffset = table.offsetSeconds(at: instant)
        }
        batch.reserveCapacity(RuleEngine.batchSize)
    }

    /// The smallest whole second at or after an instant.
    private static func ceiling(_ instant: Instant) -> Int64 {
        guard instant.nanoseconds != 0 else { return instant.seconds }
        return instant.seconds == .max ? .max : instant.seconds + 1
    }

    /// The rule's diagnostic, then the occurrence limit's.
    var diagnostics: [RecurrenceDiagnostic] {
        (engine.diagnostic.map { [$0] } ?? []) + (stop.map { [$0] } ?? [])
    }

    /// The next occurrence, by start; `nil` at the end.
    mutating func next() -> Occurrence? {
        while !ended {
            if watermark >= toFloor { break }
            if index == batch.count && !engineDone { refill() }
            let instant: Int64
            let offset: Int32
            let origin: Occurrence.Origin
            if let start = startInstant, index == batch.count || start <= batch[index].instant {
                // DTSTART is preferred to a rule instance at the same instant.
                instant = start
                offset = startOffset
                origin = .start
                startInstant = nil
                if index < batch.count && batch[index].instant == start { index += 1 }
            } else if index < batch.count {
                instant = batch[index].instant
                offset = batch[index].offset
                origin = .rule(0)
                index += 1
            } else {
                break
            }
            watermark = instant
            if hasExclusions && isExcluded(instant, offset: offset) { continue }
            if instant >= toCeiling { break }
            if instant < fromCeiling { continue }
            if produced >= maximum {
                stop = RecurrenceDiagnostic(reason: .occurrenceLimit,
                                            message: "stopped after \(produced) occurrences (the limit); ask for a narrower window")
                break
            }
            produced += 1
            let start = Instant(seconds: instant)
            return Occurrence(start: start, end: duration?.end(from: start, in: zone), zone: zone,
                              offset: UTCOffset(seconds: offset) ?? .zero, isAllDay: isAllDay,
                              recurrenceID: start, origin: origin)
        }
        ended = true
        return nil
    }

    /// Takes the next batch of instances from the engine.
    private mutating func refill() {
        batch.removeAll(keepingCapacity: true)
        index = 0
        // Instances the caller may still take before the occurrence limit stops it; DTSTART may be one.
        let budget = maximum - produced - (startInstant == nil ? 0 : 1)
        engine.fillBatch(shape, buffers, into: &batch, budget: budget, stopInstant: toFloor)
        if batch.isEmpty { engineDone = true }
    }

    /// Whether an `EXDATE` names the instance at `instant` (whose offset is `offset`).
    private mutating func isExcluded(_ instant: Int64, offset: Int32) -> Bool {
        if !excludedInstants.isEmpty {
            // Instances come in order of instants, so the exclusions passed need no second look.
            while exclusionIndex < excludedInstants.count && excludedInstants[exclusionIndex] < instant { exclusionIndex += 1 }
            if exclusionIndex < excludedInstants.count && excludedInstants[exclusionIndex] == instant { return true }
        }
        if !excludedDays.isEmpty {
            // Local days can step back at a transition: a search, not a merge.
            let day = CivilDays.floorDiv(instant + Int64(offset), CivilDays.secondsPerDay)
            var low = 0
            var high = excludedDays.count
            while low < high {
                let middle = (low + high) / 2
                if excludedDays[middle] < day { low = middle + 1 } else { high = middle }
            }
            if low < excludedDays.count && excludedDays[low] == day { return true }
        }
        return false
    }
}
