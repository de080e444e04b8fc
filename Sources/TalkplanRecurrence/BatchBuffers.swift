/// The scratch memory of a batch walk, allocated once per expansion: the wall times of the
/// candidates of a run of periods, their instants, where each period's candidates end, and
/// the instances released so far.
final class BatchBuffers {
    /// Candidates one batch may hold: a batch's worth, and one more period.
    let capacity: Int
    /// Periods one batch may hold (empty `DAILY` periods included).
    let periodCapacity: Int
    /// Wall times (local seconds) of the candidates.
    let locals: UnsafeMutableBufferPointer<Int64>
    /// Their instants where the wall time has one offset; `Int64.min` in a gap or fold.
    let instants: UnsafeMutableBufferPointer<Int64>
    /// For each period, the index in ``locals`` where its candidates end.
    let periodEnds: UnsafeMutableBufferPointer<Int>
    /// Instances released without reordering, before they join the batch.
    let released: UnsafeMutableBufferPointer<RuleInstance>
    /// The candidates of a period starting at midnight of its first day: seconds from then, ascending.
    let template: UnsafeMutableBufferPointer<Int64>

    /// Buffers for a rule of this shape.
    init(shape: BatchShape) {
        capacity = RuleEngine.batchSize + shape.perPeriod
        periodCapacity = 4 * RuleEngine.batchSize
        locals = .allocate(capacity: capacity)
        instants = .allocate(capacity: capacity)
        periodEnds = .allocate(capacity: periodCapacity)
        released = .allocate(capacity: capacity)
        template = .allocate(capacity: shape.perPeriod)
        var index = 0
        for day in shape.dayOffsets {
            for time in shape.times {
                template[index] = day * CivilDays.secondsPerDay + time
                index += 1
            }
        }
    }

    deinit {
        locals.deallocate()
        instants.deallocate()
        periodEnds.deallocate()
        released.deallocate()
        template.deallocate()
    }
}
