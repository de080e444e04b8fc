import TalkplanTime

/// One occurrence a rule produced: its computed wall time and the instant it resolves to.
struct RuleInstance {
    /// The computed wall time, local seconds (what the rule generated, before any gap shift).
    var local: Int64
    /// Epoch seconds.
    var instant: Int64
    /// The zone's offset at `instant`, seconds.
    var offset: Int32
    /// The computed wall time fell in a gap and was read with the offset before it.
    var shifted: Bool
}

/// The lazy expansion of one rule: walks periods, filters candidates by `DTSTART`,
/// `UNTIL` and `COUNT`, resolves each wall time in the zone, and yields instants in order.
///
/// Wall times come out of the periods in order, but instants need not: a time in a DST
/// gap read with the offset before the gap lands after the gap, possibly after the next
/// computed times. Such times wait in `pending` until a time that is not in a gap passes
/// them (every later time resolves to a later instant than that one). Two computed times
/// that resolve to the same instant (02:30 shifted to 03:30, and 03:30 itself) are one
/// occurrence (RFC 5545: the recurrence set has no duplicates); both count toward `COUNT`,
/// each being a computed instance.
final class RuleEngine {
    let plan: RulePlan
    let rule: RecurrenceRule
    let table: ZoneTable
    let policy: NonexistentTimePolicy
    let limits: RecurrenceLimits
    private(set) var diagnostic: RecurrenceDiagnostic?
    /// Periods examined (or jumped over) so far, seeking included: the work done.
    var steps = 0

    // The walk's state; internal for the batch walk (RuleEngineBatch.swift), which shares it.
    var period: Int64 = 0
    var counted = 0
    var finished = false
    var emptyPeriods: Int64 = 0
    private var dayScanDone = false
    var idleSteps = 0
    private var candidates: [Int64] = []
    private var days: [Int64] = []
    private var cache = DayCache()
    var pending: [RuleInstance] = []
    var ready: [RuleInstance] = []
    private var readyIndex = 0
    let untilInstant: Int64?
    let untilLocal: Int64?

    /// The most a wall time and its instant differ (the tz database stays within ±26 h).
    static let offsetBound: Int64 = 26 * 3600
    /// The last wall time whose instant every zone can represent: +999999-12-31T23:59:59 less a day
    /// and more, so that no offset takes it past ``Instant/max``.
    static let lastLocal: Int64 = Instant.max.seconds - offsetBound

    convenience init(rule: RecurrenceRule, start: RecurrenceStart, options: ExpansionOptions) throws(RecurrenceError) {
        self.init(rule: rule, plan: try RulePlan(rule: rule, start: start.dateTime, isAllDay: start.isAllDay),
                  start: start, options: options)
    }

    /// An expansion of a rule already compiled against `start`.
    convenience init(rule: RecurrenceRule, plan: RulePlan, start: RecurrenceStart, options: ExpansionOptions) {
        self.init(rule: rule, plan: plan, table: start.zone.table(), options: options)
    }

    /// An expansion of a rule already compiled against a start, resolved with `table` (the start zone's).
    init(rule: RecurrenceRule, plan: RulePlan, table: ZoneTable, options: ExpansionOptions) {
        self.rule = rule
        self.plan = plan
        self.table = table
        self.policy = options.nonexistentTimes
        self.limits = options.limits
        switch rule.until {
        case .instant(let instant):
            untilInstant = instant.seconds
            untilLocal = nil
        case .local(let dateTime):
            untilInstant = nil
            untilLocal = dateTime.localEpochSeconds
        case .date(let date):
            untilInstant = nil
            untilLocal = (date.daysSinceEpoch + 1) * CivilDays.secondsPerDay - 1
        case nil:
            untilInstant = nil
            untilLocal = nil
        }
        if let reason = plan.neverReason {
            finish(.neverMatches, "\(rule) never occurs: \(reason)")
        }
    }

    /// The next occurrence, in order of instants; `nil` at the end.
    func next() -> RuleInstance? {
        while true {
            if readyIndex < ready.count {
                readyIndex += 1
                return ready[readyIndex - 1]
            }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if finished {
                if pending.isEmpty { return nil }
                swap(&ready, &pending)
                continue
            }
            step()
        }
    }

    func finish(_ reason: RecurrenceDiagnostic.Reason? = nil, _ message: String = "") {
        finished = true
        if let reason, diagnostic == nil { diagnostic = RecurrenceDiagnostic(reason: reason, message: message) }
    }

    /// Whether the period with this first possible wall time is wholly after `UNTIL`.
    @inline(__always)
    private func pastUntil(_ lower: Int64) -> Bool {
        if let untilLocal, lower > untilLocal { return true }
        if let untilInstant, lower > untilInstant + Self.offsetBound { return true }
        return false
    }

    /// Moves past an empty period, jumping to `skipTo` (local seconds) when a coarser filter allows.
    private func skipEmpty(skipTo: Int64) {
        var next = period + 1
        if skipTo != 0 { next = max(next, plan.firstPeriod(atOrAfterUnit: plan.unit(containing: skipTo))) }
        emptyPeriods += next - period
        period = next
        if plan.frequency < .daily && !dayScanDone && emptyPeriods >= 100_000 {
            // Sub-daily periods are too many to see a whole cycle of; the days are not.
            dayScanDone = true
            let day = CivilDays.floorDiv(plan.lowerBound(ofUnit: plan.unit(ofPeriod: period) ?? 0), CivilDays.secondsPerDay)
            if !plan.someDayPasses(from: day) {
                return finish(.neverMatches, "\(rule) never occurs: no day of the 400-year calendar cycle passes its day filters")
            }
        }
        if emptyPeriods >= plan.cycle {
            finish(.neverMatches, cycleMessage)
        } else if idleSteps >= limits.maximumIdleSteps {
            finish(.idleLimit, idleMessage(upTo: period))
        }
    }

    /// Why a rule stopped at the end of the representable range.
    var beyondRangeMessage: String {
        "\(rule) has no occurrence before +999999-12-31, the last date talkplan represents; stopped"
    }

    /// Why a rule stopped after a whole calendar cycle of empty periods.
    var cycleMessage: String {
        "\(rule) has no occurrence in \(plan.cycle) consecutive periods after "
            + "\(PlainDateTime(localEpochSeconds: plan.startLocal)); the calendar repeats every 400 years, so it never will"
    }

    /// Why a rule stopped after too many idle steps, skipping empty periods up to `period`.
    func idleMessage(upTo period: Int64) -> String {
        "\(rule) produced no occurrence in \(limits.maximumIdleSteps) steps "
            + "(up to \(PlainDateTime(localEpochSeconds: plan.lowerBound(ofUnit: plan.unit(ofPeriod: period) ?? 0)))); stopped"
    }

    /// Why a rule stopped after too many idle steps, at the end of a period that had candidates.
    var idleMessage: String {
        "\(rule) produced no occurrence in \(limits.maximumIdleSteps) steps; stopped"
    }

    /// Resolves a computed wall time: the instant, the offset there, whether it was in a gap.
    /// `nil` when the policy skips it.
    @inline(__always)
    func resolve(_ local: Int64) -> RuleInstance? {
        if let offset = table.uniqueOffset(atLocal: local) {
            return RuleInstance(local: local, instant: local - Int64(offset), offset: offset, shifted: false)
        }
        switch table.resolve(localSeconds: local) {
        case .unique(let offset):
            return RuleInstance(local: local, instant: local - Int64(offset.seconds), offset: offset.seconds, shifted: false)
        case .fold(let before, _):
            // RFC 5545 §3.3.5: a repeated time is its first occurrence.
            return RuleInstance(local: local, instant: local - Int64(before.seconds), offset: before.seconds, shifted: false)
        case .gap(let before, let after):
            if policy == .skip { return nil }
            // RFC 5545 §3.3.5: read with the offset before the gap; it lands after the gap.
            return RuleInstance(local: local, instant: local - Int64(before.seconds), offset: after.seconds, shifted: true)
        }
    }

    /// Examines one period (or jumps over a run of empty ones).
    func step() {
        guard let unit = plan.unit(ofPeriod: period) else {
            return finish(.beyondRange, beyondRangeMessage)
        }
        if pastUntil(plan.lowerBound(ofUnit: unit)) { return finish() }
        idleSteps += 1
        steps += 1
        let skipTo = plan.candidates(ofUnit: unit, scratch: &days, cache: &cache, into: &candidates)
        if candidates.isEmpty { return skipEmpty(skipTo: skipTo) }
        emptyPeriods = 0
        for local in candidates {
            if local < plan.startLocal { continue }
            if local > Self.lastLocal {
                return finish(.beyondRange, beyondRangeMessage)
            }
            if let untilLocal, local > untilLocal { return finish() }
            guard let instance = resolve(local) else { continue }
            if let untilInstant, instance.instant > untilInstant {
                // Every later time resolves after this one, unless this one was shifted out of a gap.
                if instance.shifted { continue }
                return finish()
            }
            counted += 1
            push(instance, into: &ready)
            idleSteps = 0
            if let count = plan.count, counted >= count { return finish() }
        }
        period += 1
        if idleSteps >= limits.maximumIdleSteps {
            finish(.idleLimit, idleMessage)
        }
    }

    /// Adds an occurrence to the reorder buffer and releases what can no longer be overtaken,
    /// in order, to `ready`.
    func push(_ instance: RuleInstance, into ready: inout [RuleInstance]) {
        // The common case: nothing held back, nothing to reorder.
        if pending.isEmpty && !instance.shifted {
            ready.append(instance)
            return
        }
        var index = pending.count
        while index > 0 && pending[index - 1].instant > instance.instant { index -= 1 }
        if index > 0 && pending[index - 1].instant == instance.instant {
            // The same instant twice (a shifted time and the real one): one occurrence, the unshifted.
            if !instance.shifted { pending[index - 1] = instance }
        } else {
            pending.insert(instance, at: index)
        }
        if instance.shifted {
            // Later candidates have later wall times, so none can land before this wall time
            // less the largest offset: what is older than that can go. (Holding every shifted
            // time until an unshifted one came would hold them all, forever, for a rule whose
            // every time falls in a gap, such as 02:00 on the last Sunday of March in Europe.)
            let settled = instance.local - Self.offsetBound
            var released = 0
            while released < pending.count && pending[released].instant < settled { released += 1 }
            if released > 0 {
                ready.append(contentsOf: pending[..<released])
                pending.removeFirst(released)
            }
            return
        }
        var released = 0
        while released < pending.count && pending[released].instant <= instance.instant { released += 1 }
        if released == pending.count {
            ready.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        } else if released > 0 {
            ready.append(contentsOf: pending[..<released])
            pending.removeFirst(released)
        }
    }

    // MARK: - Seeking

    /// The wall time (local seconds) to seek to for a window from `from`: `margin` seconds
    /// earlier, or the earliest there is when that is before `Int64.min` (no overflow, whatever
    /// the window).
    static func seekTarget(from: Instant, margin: Int64) -> Int64 {
        let (target, overflow) = from.seconds.subtractingReportingOverflow(margin)
        return overflow ? .min : target
    }

    /// Positions the expansion so that it skips what ends before the wall time `target`
    /// (local seconds), before the first ``next()``. Occurrences before `target` may
    /// still come out; callers filter them. Without `COUNT` this jumps straight to the
    /// period; with `COUNT` the occurrences before it are counted, period by period,
    /// without being built (and with arithmetic when every period has as many).
    func seek(toLocal target: Int64) {
        guard period == 0, counted == 0, !finished else { return }
        guard let count = plan.count else {
            period = plan.firstPeriod(atOrAfterUnit: plan.unit(containing: target)) - 1
            period = max(period, 0)
            return
        }
        var steps = 0
        while !finished {
            guard let unit = plan.unit(ofPeriod: period) else {
                return finish(.beyondRange, beyondRangeMessage)
            }
            let lower = plan.lowerBound(ofUnit: unit)
            if plan.lowerBound(ofUnit: unit + 1) > target { return }
            if pastUntil(lower) { return finish() }
            steps += 1
            self.steps += 1
            if steps > limits.maximumCountingSteps {
                return finish(.countingLimit, "\(rule): counting COUNT=\(count) from \(PlainDateTime(localEpochSeconds: plan.startLocal)) "
                    + "to the window takes more than \(limits.maximumCountingSteps) periods; stopped")
            }
            let exact = lower >= plan.startLocal && (policy == .shiftForward || !table.hasGap(near: lower, plan.lowerBound(ofUnit: unit + 1)))
            if exact, let perPeriod = plan.constantCount, perPeriod > 0 {
                // Whole periods wholly before the target, each with `perPeriod` occurrences.
                let targetUnit = plan.unit(containing: target)
                let before = targetUnit > unit ? CivilDays.floorDiv(targetUnit - 1 - unit, plan.interval) + 1 : 0
                let room = Int64((count - counted - 1) / perPeriod)
                let jump = min(before, room)
                if jump <= 0 { return }
                counted += Int(jump) * perPeriod
                period += jump
                continue
            }
            let found: Int
            var skipTo: Int64 = 0
            if exact && plan.frequency >= .daily {
                found = plan.candidateCount(ofUnit: unit, scratch: &days)
            } else {
                skipTo = plan.candidates(ofUnit: unit, scratch: &days, cache: &cache, into: &candidates)
                var kept = 0
                for local in candidates where local >= plan.startLocal {
                    if let untilLocal, local > untilLocal { break }
                    if policy == .skip, case .gap = table.resolve(localSeconds: local) { continue }
                    kept += 1
                }
                found = kept
            }
            if found == 0 {
                skipEmpty(skipTo: skipTo)
                continue
            }
            emptyPeriods = 0
            if counted + found >= count { return }
            counted += found
            period += 1
        }
    }
}

extension ZoneTable {
    /// Whether a wall time in `[from, to)` (local seconds) may be in a gap: a transition
    /// to a larger offset lies within a day of that span.
    func hasGap(near from: Int64, _ to: Int64) -> Bool {
        let low = from - RuleEngine.offsetBound
        let high = to + RuleEngine.offsetBound
        if high >= ZoneTable.horizon { return true }
        // The first transition at or after `low`.
        var first = 1
        var last = starts.count
        while first < last {
            let middle = (first + last) / 2
            if starts[middle] < low { first = middle + 1 } else { last = middle }
        }
        var index = first
        while index < starts.count && starts[index] <= high {
            if offsets[index] > offsets[index - 1] { return true }
            index += 1
        }
        return false
    }
}
