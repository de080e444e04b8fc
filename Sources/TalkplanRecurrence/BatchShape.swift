/// The candidates of a `DAILY` or `WEEKLY` rule whose only day filter is a set of plain
/// weekdays (`BYDAY=MO,WE`), worked out once so that a period's wall times come from day
/// arithmetic instead of ``RulePlan/candidates(ofUnit:scratch:cache:into:)``.
///
/// For such a rule a `WEEKLY` period holds the same weekdays of its week every time, and a
/// `DAILY` period holds its one day when the weekday passes; either way each day holds the
/// plan's sorted times of day. The candidates are exactly those of the general walk, in the
/// same order: ``RuleEngine/fillBatch(_:_:into:budget:stopInstant:)`` relies on it.
///
/// ```swift
/// BatchShape(plan: try RulePlan(rule: weeklyOnFridays, start: start, isAllDay: false))?.dayOffsets  // [4]: Friday of a Monday week
/// ```
struct BatchShape: Sendable {
    /// Days of a `WEEKLY` period that pass, counted from the period's first day, ascending.
    /// `[0]` for `DAILY` (the period's own day).
    let dayOffsets: [Int64]
    /// Seconds of the day of each candidate, ascending.
    let times: [Int64]
    /// Whether the rule is `WEEKLY` (periods are weeks from the plan's anchor) rather than `DAILY`.
    let isWeekly: Bool
    /// For `DAILY`: bit `w` set for each ISO weekday `w` a day must have; 0 when any passes.
    let dailyWeekdays: UInt8
    /// The most candidates one period can hold.
    let perPeriod: Int

    /// The shape of `plan`, or `nil` when its candidates need the general walk (another
    /// frequency, a month, month-day, year-day or week-number filter, `BYSETPOS`, an ordinal
    /// weekday, or no time of day).
    init?(plan: RulePlan) {
        guard plan.frequency == .weekly || plan.frequency == .daily,
              plan.monthMask == 0, !plan.hasMonthDays, !plan.hasYearDays, !plan.hasWeekNumbers,
              !plan.hasOrdinals, plan.setPositions.isEmpty, !plan.timesOfDay.isEmpty
        else { return nil }
        times = plan.timesOfDay
        isWeekly = plan.frequency == .weekly
        if isWeekly {
            guard plan.hasByDay else { return nil }
            var offsets: [Int64] = []
            for offset in Int64(0)..<7 where plan.plainWeekdays & (1 << UInt8(CivilDays.weekday(plan.weekAnchor + offset))) != 0 {
                offsets.append(offset)
            }
            guard !offsets.isEmpty else { return nil }
            dayOffsets = offsets
            dailyWeekdays = 0
        } else {
            dayOffsets = [0]
            if plan.hasByDay {
                guard plan.plainWeekdays != 0 else { return nil }
                dailyWeekdays = plan.plainWeekdays
            } else {
                dailyWeekdays = 0
            }
        }
        perPeriod = dayOffsets.count * times.count
        // Periods with more candidates than this are rare enough for the general walk.
        guard perPeriod <= Self.maximumPerPeriod else { return nil }
    }

    /// The most candidates per period the batch walk takes.
    static let maximumPerPeriod = 1024

    /// Whether a `DAILY` period's day (days since 1970-01-01) passes the weekday filter.
    @inline(__always)
    func dayPasses(_ day: Int64) -> Bool {
        dailyWeekdays == 0 || dailyWeekdays & (1 << UInt8(CivilDays.weekday(day))) != 0
    }
}
