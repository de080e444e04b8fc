/// The batch walk: ``RuleEngine/step()`` for a rule with a ``BatchShape``, many periods per
/// call, in three passes over a run of periods: their candidates' wall times are written
/// into a buffer by day arithmetic, converted to instants in one pass over the zone's table
/// (``ZoneTable/instants(fromLocal:_:into:)``, which leaves gaps and folds to be settled
/// one by one), then walked period by period.
///
/// The walk goes through the same checks, in the same order, as the general one (`UNTIL`,
/// `DTSTART`, the policy for nonexistent times, `COUNT`, the idle and cycle limits) and
/// releases instances through the same reorder buffer, so the instances, their order and
/// every diagnostic are the general walk's. Periods the first pass does not take (past
/// `UNTIL`, or near the end of the representable range) are left to ``RuleEngine/step()``.
extension RuleEngine {
    /// How many instances one batch aims at.
    static let batchSize = 64

    /// Appends the next instances to `out` (empty on entry), in order of instants, walking
    /// whole periods until the engine finishes or, after a period, `out` is not empty and
    /// holds ``batchSize`` instances or more, or more than `budget`, or its last instance is
    /// at or after `stopInstant`.
    ///
    /// The stop conditions keep the walk from going past the period a caller consuming the
    /// instances one by one would stop in (after `budget` of them, or at the first one at or
    /// after `stopInstant`), so that the diagnostics, which report where the walk stopped, are
    /// those of the general walk. Appends nothing only when the engine has finished and holds
    /// nothing back.
    func fillBatch(_ shape: BatchShape, _ buffers: BatchBuffers, into out: inout [RuleInstance],
                   budget: Int, stopInstant: Int64) {
        // The walk's state, in locals; written back before anything that reads it.
        var period = self.period
        var counted = self.counted
        var idleSteps = self.idleSteps
        var steps = self.steps
        var emptyPeriods = self.emptyPeriods
        var done = finished
        var holding = !pending.isEmpty
        let count = plan.count ?? .max
        let startLocal = plan.startLocal
        let untilLocal = self.untilLocal ?? .max
        let untilInstant = self.untilInstant ?? .max
        let maximumIdle = limits.maximumIdleSteps
        let cycle = plan.cycle
        let locals = buffers.locals
        let instants = buffers.instants
        let periodEnds = buffers.periodEnds
        // Instances released in order, waiting to be appended to `out` (in one copy).
        let released = buffers.released
        var releasedCount = 0
        // No wall time after this one resolves before `stopInstant`.
        let horizon = stopInstant < .max - Self.offsetBound ? stopInstant + Self.offsetBound : .max

        func writeBack() {
            self.period = period
            self.counted = counted
            self.idleSteps = idleSteps
            self.steps = steps
            self.emptyPeriods = emptyPeriods
        }
        func flush() {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: released[0..<releasedCount]))
            releasedCount = 0
        }
        /// Whether the batch is complete after a period (see above).
        func full() -> Bool {
            let total = out.count + releasedCount
            guard total > 0 else { return false }
            let last = releasedCount > 0 ? released[releasedCount - 1].instant : out[out.count - 1].instant
            return total >= Self.batchSize || total > budget || last >= stopInstant
        }

        runs: while !done {
            let (periods, candidates) = writeCandidates(shape, buffers, from: period, until: horizon)
            if periods == 0 {
                // A period the first pass leaves to the general walk.
                flush()
                writeBack()
                step()
                out.append(contentsOf: ready)
                ready.removeAll(keepingCapacity: true)
                period = self.period
                counted = self.counted
                idleSteps = self.idleSteps
                steps = self.steps
                emptyPeriods = self.emptyPeriods
                done = finished
                holding = !pending.isEmpty
                if full() { break }
                continue
            }
            _ = table.instants(fromLocal: UnsafeBufferPointer(rebasing: locals[0..<candidates]), .reject,
                               into: UnsafeMutableBufferPointer(rebasing: instants[0..<candidates]))
            var next = 0
            for run in 0..<periods {
                let end = periodEnds[run]
                idleSteps += 1
                steps += 1
                if next == end {
                    // An empty period, as `skipEmpty(skipTo: 0)` handles it.
                    emptyPeriods += 1
                    period += 1
                    if emptyPeriods >= cycle {
                        writeBack()
                        finish(.neverMatches, cycleMessage)
                        done = true
                        break runs
                    } else if idleSteps >= maximumIdle {
                        writeBack()
                        finish(.idleLimit, idleMessage(upTo: period))
                        done = true
                        break runs
                    }
                    continue
                }
                emptyPeriods = 0
                while next < end {
                    let local = locals[next]
                    let unique = instants[next]
                    next += 1
                    if local < startLocal { continue }
                    // (No wall time of the first pass is past the last one talkplan represents.)
                    if local > untilLocal {
                        writeBack()
                        finish()
                        done = true
                        break runs
                    }
                    let instance: RuleInstance
                    if unique != .min {
                        instance = RuleInstance(local: local, instant: unique, offset: Int32(truncatingIfNeeded: local &- unique),
                                                shifted: false)
                    } else {
                        guard let settled = settle(local) else { continue }
                        instance = settled
                    }
                    if instance.instant > untilInstant {
                        // Every later time resolves after this one, unless this one was shifted out of a gap.
                        if instance.shifted { continue }
                        writeBack()
                        finish()
                        done = true
                        break runs
                    }
                    counted += 1
                    if !holding && !instance.shifted {
                        released[releasedCount] = instance
                        releasedCount += 1
                    } else {
                        flush()
                        push(instance, into: &out)
                        holding = !pending.isEmpty
                    }
                    idleSteps = 0
                    if counted >= count {
                        writeBack()
                        finish()
                        done = true
                        break runs
                    }
                }
                period += 1
                if idleSteps >= maximumIdle {
                    writeBack()
                    finish(.idleLimit, idleMessage)
                    done = true
                    break runs
                }
                if full() { break runs }
            }
        }
        flush()
        writeBack()
        if done && holding {
            out.append(contentsOf: pending)
            pending.removeAll()
        }
    }

    /// A wall time in a gap or a fold (or outside the table's fast range) resolved as the
    /// general walk does, with the offset the general expansion reports (the zone's at the
    /// instant); `nil` when the policy skips it.
    @inline(never)
    private func settle(_ local: Int64) -> RuleInstance? {
        guard var instance = resolve(local) else { return nil }
        instance.offset = table.offsetSeconds(at: instance.instant)
        return instance
    }

    /// The first pass: writes the wall times of the candidates of periods `first`, `first + 1`,
    /// … into `buffers`, and where each period's candidates end, until a batch's worth is written, the
    /// buffers are full, or a wall time passes `horizon` (local seconds). Stops before a period
    /// past `UNTIL` or within a few weeks of the last date talkplan represents. Returns the
    /// number of periods and of candidates written.
    private func writeCandidates(_ shape: BatchShape, _ buffers: BatchBuffers, from first: Int64,
                                 until horizon: Int64) -> (periods: Int, candidates: Int) {
        let locals = buffers.locals
        let periodEnds = buffers.periodEnds
        // The last first day of a period whose candidates all lie well before `lastLocal`
        // (and, for WEEKLY, whose unit is within the range the general walk numbers).
        var lastSafeDay = CivilDays.maxDays - 35
        if shape.isWeekly { lastSafeDay = min(lastSafeDay, plan.weekAnchor + 7 * 100_000_000) }
        let untilBound = min(untilLocal ?? .max, untilInstant.map { $0 < .max - Self.offsetBound ? $0 + Self.offsetBound : .max } ?? .max)
        let stepDays = shape.isWeekly ? 7 * plan.interval : plan.interval
        guard let firstUnit = plan.unit(ofPeriod: first) else { return (0, 0) }
        var day = shape.isWeekly ? plan.weekAnchor + firstUnit * 7 : firstUnit
        var periods = 0
        var written = 0
        let template = buffers.template
        let perPeriod = template.count
        while periods < buffers.periodCapacity && written < RuleEngine.batchSize {
            // The general walk's tests: the unit exists, and the period is not wholly after UNTIL.
            let midnight = day * CivilDays.secondsPerDay
            if day > lastSafeDay || midnight > untilBound { break }
            if shape.isWeekly || shape.dayPasses(day) {
                for index in 0..<perPeriod { locals[written + index] = midnight + template[index] }
                written += perPeriod
            }
            periodEnds[periods] = written
            periods += 1
            if written > 0 && locals[written - 1] > horizon { break }
            if day > lastSafeDay - stepDays { break }
            day += stepDays
        }
        return (periods, written)
    }
}
