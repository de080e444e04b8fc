/// Periods and their candidate sets.
///
/// A period's candidates are the wall times (local seconds) its day set and time
/// set produce, in order, after `BYSETPOS`. Days pass the rule's day filters;
/// for `YEARLY` with `BYWEEKNO` the days come from the selected weeks of the
/// week-numbering year (RFC 5545 §3.3.10: `BYWEEKNO` expands the year into its
/// numbered weeks, which may begin in December of the year before or end in
/// January of the year after).
extension RulePlan {
    /// The unit of period `k`, or `nil` past the supported years.
    @inline(__always)
    func unit(ofPeriod k: Int64) -> Int64? {
        let (product, overflow) = k.multipliedReportingOverflow(by: interval)
        if overflow { return nil }
        let (sum, overflow2) = base.addingReportingOverflow(product)
        if overflow2 || !unitInRange(sum) || lowerBound(ofUnit: sum) > CivilDays.maxDays * CivilDays.secondsPerDay { return nil }
        return sum
    }

    /// Whether a unit lies within the years talkplan represents (±999,999). ``lowerBound(ofUnit:)``
    /// clamps, so without this check a unit far beyond would pass for the last year.
    func unitInRange(_ u: Int64) -> Bool {
        switch frequency {
        case .yearly: return u >= -999_999 && u <= 999_999
        case .monthly: return u >= -999_999 * 12 && u <= 999_999 * 12 + 11
        case .weekly: return u >= -100_000_000 && u <= 100_000_000
        case .daily: return u >= CivilDays.minDays && u <= CivilDays.maxDays
        default: return true
        }
    }

    /// The first wall time (local seconds) a candidate of unit `u` can have.
    @inline(__always)
    func lowerBound(ofUnit u: Int64) -> Int64 {
        switch frequency {
        case .yearly:
            let year = min(max(u, -999_999), 999_999)
            let day = hasWeekNumbers ? CivilDays.firstWeekStart(year: year, weekStart: weekStart) : CivilDays.days(year, 1, 1)
            return day * CivilDays.secondsPerDay
        case .monthly:
            let year = min(max(CivilDays.floorDiv(u, 12), -999_999), 999_999)
            return CivilDays.days(year, CivilDays.floorMod(u, 12) + 1, 1) * CivilDays.secondsPerDay
        case .weekly:
            return (weekAnchor + min(max(u, -100_000_000), 100_000_000) * 7) * CivilDays.secondsPerDay
        case .daily:
            return min(max(u, CivilDays.minDays), CivilDays.maxDays + 1) * CivilDays.secondsPerDay
        default:
            return u.multipliedReportingOverflow(by: unitSeconds).overflow ? Int64.max / 2 : u * unitSeconds
        }
    }

    /// The unit holding a wall time (local seconds).
    func unit(containing local: Int64) -> Int64 {
        let day = CivilDays.floorDiv(local, CivilDays.secondsPerDay)
        switch frequency {
        case .yearly:
            return hasWeekNumbers ? CivilDays.weekNumber(of: day, weekStart: weekStart).year : CivilDays.civil(day).year
        case .monthly:
            let date = CivilDays.civil(day)
            return date.year * 12 + date.month - 1
        case .weekly:
            return CivilDays.floorDiv(day - weekAnchor, 7)
        case .daily:
            return day
        default:
            return CivilDays.floorDiv(local, unitSeconds)
        }
    }

    /// The first period whose unit is at or after `unit` (never before period 0).
    @inline(__always)
    func firstPeriod(atOrAfterUnit unit: Int64) -> Int64 {
        max(0, CivilDays.ceilDiv(unit - base, interval))
    }

    // MARK: - Days

    @inline(__always)
    func dayPasses(_ day: Int64, year: Int64, month: Int64, dayOfMonth: Int64, monthLength: Int64, yearStart: Int64, yearLength: Int64) -> Bool {
        if monthMask != 0 && monthMask & (1 << UInt16(month)) == 0 { return false }
        if hasMonthDays
            && monthDaysForward & (1 << UInt32(dayOfMonth)) == 0
            && monthDaysBackward & (1 << UInt32(monthLength - dayOfMonth + 1)) == 0 { return false }
        let yearDay = day - yearStart + 1
        if hasYearDays && !yearDaysForward[Int(yearDay)] && !yearDaysBackward[Int(yearLength - yearDay + 1)] { return false }
        if hasByDay {
            let weekday = CivilDays.weekday(day)
            if plainWeekdays & (1 << UInt8(weekday)) == 0 {
                guard hasOrdinals else { return false }
                let (index, length) = ordinalsWithinMonth ? (dayOfMonth, monthLength) : (yearDay, yearLength)
                let forward = Int((index - 1) / 7 + 1)
                let backward = -Int((length - index) / 7 + 1)
                if !ordinalWeekdays[weekday * 107 + forward + 53] && !ordinalWeekdays[weekday * 107 + backward + 53] { return false }
            }
        }
        if hasWeekNumbers && frequency != .yearly {
            let (weekYear, week) = CivilDays.weekNumber(of: day, weekStart: weekStart)
            let weeks = CivilDays.weekCount(year: weekYear, weekStart: weekStart)
            if !weekNumbers.contains(Int(week)) && !weekNumbers.contains(Int(week - weeks - 1)) { return false }
        }
        return true
    }

    /// Whether a single day passes the day filters.
    @inline(__always)
    func dayPasses(_ day: Int64) -> Bool {
        let date = CivilDays.civil(day)
        let yearStart = CivilDays.days(date.year, 1, 1)
        return dayPasses(day, year: date.year, month: date.month, dayOfMonth: date.day,
                         monthLength: CivilDays.monthLength(date.year, date.month),
                         yearStart: yearStart, yearLength: CivilDays.yearLength(date.year))
    }

    /// Appends the days of unit `u` (`DAILY` and longer) that pass the day filters, in order.
    func days(ofUnit u: Int64, into days: inout [Int64]) {
        switch frequency {
        case .yearly:
            if hasWeekNumbers {
                appendWeekDays(weekYear: u, into: &days)
                return
            }
            let yearStart = CivilDays.days(u, 1, 1)
            let yearLength = CivilDays.yearLength(u)
            var first = yearStart
            for month in Int64(1)...12 {
                let length = CivilDays.monthLength(u, month)
                if monthMask == 0 || monthMask & (1 << UInt16(month)) != 0 {
                    for dayOfMonth in Int64(1)...length {
                        let day = first + dayOfMonth - 1
                        if dayPasses(day, year: u, month: month, dayOfMonth: dayOfMonth, monthLength: length,
                                     yearStart: yearStart, yearLength: yearLength) { days.append(day) }
                    }
                }
                first += length
            }
        case .monthly:
            let year = CivilDays.floorDiv(u, 12)
            let month = CivilDays.floorMod(u, 12) + 1
            if monthMask != 0 && monthMask & (1 << UInt16(month)) == 0 { return }
            let yearStart = CivilDays.days(year, 1, 1)
            let yearLength = CivilDays.yearLength(year)
            let first = CivilDays.days(year, month, 1)
            let length = CivilDays.monthLength(year, month)
            for dayOfMonth in Int64(1)...length {
                let day = first + dayOfMonth - 1
                if dayPasses(day, year: year, month: month, dayOfMonth: dayOfMonth, monthLength: length,
                             yearStart: yearStart, yearLength: yearLength) { days.append(day) }
            }
        case .weekly:
            appendWalk(from: weekAnchor + u * 7, count: 7, into: &days)
        default:
            if dayPasses(u) { days.append(u) }
        }
    }

    /// The days of the selected weeks of a week-numbering year that pass the other filters.
    private func appendWeekDays(weekYear: Int64, into days: inout [Int64]) {
        let first = CivilDays.firstWeekStart(year: weekYear, weekStart: weekStart)
        let weeks = CivilDays.weekCount(year: weekYear, weekStart: weekStart)
        var selected: [Int64] = []
        for number in weekNumbers {
            let week = number > 0 ? Int64(number) : weeks + Int64(number) + 1
            if week >= 1 && week <= weeks && !selected.contains(week) { selected.append(week) }
        }
        selected.sort()
        for week in selected {
            appendWalk(from: first + (week - 1) * 7, count: 7, into: &days)
        }
    }

    /// Walks `count` consecutive days from `start`, appending those that pass.
    private func appendWalk(from start: Int64, count: Int, into days: inout [Int64]) {
        var (year, month, dayOfMonth) = CivilDays.civil(start)
        var monthLength = CivilDays.monthLength(year, month)
        var yearStart = CivilDays.days(year, 1, 1)
        var yearLength = CivilDays.yearLength(year)
        for offset in 0..<Int64(count) {
            let day = start + offset
            if dayPasses(day, year: year, month: month, dayOfMonth: dayOfMonth, monthLength: monthLength,
                         yearStart: yearStart, yearLength: yearLength) { days.append(day) }
            dayOfMonth += 1
            if dayOfMonth > monthLength {
                dayOfMonth = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                    yearStart = day + 1
                    yearLength = CivilDays.yearLength(year)
                }
                monthLength = CivilDays.monthLength(year, month)
            }
        }
    }

    // MARK: - Candidates

    /// Fills `out` with the candidates of unit `u`, sorted, `BYSETPOS` applied. Returns a wall
    /// time (local seconds) before which no later period can have a candidate when the period
    /// was rejected by a coarser filter (its day, hour or minute), so the caller can jump; else 0.
    func candidates(ofUnit u: Int64, scratch days: inout [Int64], cache: inout DayCache, into out: inout [Int64]) -> Int64 {
        out.removeAll(keepingCapacity: true)
        if frequency >= .daily {
            days.removeAll(keepingCapacity: true)
            self.days(ofUnit: u, into: &days)
            if days.isEmpty {
                if frequency == .daily {
                    // A month BYMONTH excludes: nothing until the next month.
                    let date = CivilDays.civil(u)
                    if monthMask != 0 && monthMask & (1 << UInt16(date.month)) == 0 {
                        let next = date.month == 12 ? CivilDays.days(date.year + 1, 1, 1) : CivilDays.days(date.year, date.month + 1, 1)
                        return next * CivilDays.secondsPerDay
                    }
                }
                return 0
            }
            for day in days {
                let midnight = day * CivilDays.secondsPerDay
                for time in timesOfDay { out.append(midnight + time) }
            }
        } else {
            let start = u * unitSeconds
            let day = CivilDays.floorDiv(start, CivilDays.secondsPerDay)
            if day != cache.day {
                cache.day = day
                cache.passes = dayPasses(day)
            }
            if !cache.passes { return (day + 1) * CivilDays.secondsPerDay }
            let secondOfDay = start - day * CivilDays.secondsPerDay
            let hour = secondOfDay / 3600
            if hourMask != 0 && hourMask & (1 << UInt32(hour)) == 0 { return (start / 3600 + 1) * 3600 }
            if frequency == .hourly {
                for minute in minutesInHour { for second in secondsInMinute { out.append(start + minute * 60 + second) } }
            } else {
                let minute = secondOfDay / 60 % 60
                if minuteMask != 0 && minuteMask & (1 << UInt64(minute)) == 0 {
                    return CivilDays.floorDiv(start, 60) * 60 + 60
                }
                if frequency == .minutely {
                    for second in secondsInMinute { out.append(start + second) }
                } else {
                    if secondMask != 0 && secondMask & (1 << UInt64(secondOfDay % 60)) == 0 { return 0 }
                    out.append(start)
                }
            }
        }
        if !setPositions.isEmpty { selectPositions(&out) }
        return 0
    }

    /// Keeps the members of `values` that `BYSETPOS` names, in order, each once.
    func selectPositions(_ values: inout [Int64]) {
        let n = values.count
        var indices: [Int] = []
        for position in setPositions {
            let index = position > 0 ? position - 1 : n + position
            if index >= 0 && index < n && !indices.contains(index) { indices.append(index) }
        }
        indices.sort()
        let chosen = indices.map { values[$0] }
        values.removeAll(keepingCapacity: true)
        values.append(contentsOf: chosen)
    }

    /// The number of candidates of unit `u` (`DAILY` and longer), without building them.
    func candidateCount(ofUnit u: Int64, scratch days: inout [Int64]) -> Int {
        days.removeAll(keepingCapacity: true)
        self.days(ofUnit: u, into: &days)
        return Self.selectedCount(of: days.count * timesOfDay.count, positions: setPositions)
    }
}

/// Whether the last day looked at by a sub-daily rule passed the day filters.
struct DayCache {
    var day: Int64 = .min
    var passes = false
}
