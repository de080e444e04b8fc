import TalkplanTime

/// A rule compiled against its start: the parts RFC 5545 leaves to `DTSTART` filled
/// in, lists turned into masks, and the periods numbered.
///
/// Periods: period `k` is the unit `base + k * interval`, where a unit is a year
/// (for `BYWEEKNO` rules, a week-numbering year), a month (`year * 12 + month - 1`),
/// a week (counted from the week holding `DTSTART`), a day (days since 1970-01-01)
/// or an hour, minute or second of local time (local seconds / unit length).
/// Instants are "local seconds": a wall time counted as if it were UTC.
struct RulePlan: Sendable {
    let frequency: RecurrenceRule.Frequency
    let interval: Int64
    let weekStart: Int
    let count: Int?
    let until: RecurrenceRule.Until?
    /// The wall time of `DTSTART` in local seconds; nothing earlier is an occurrence.
    let startLocal: Int64
    let isAllDay: Bool

    // Day filters.
    let monthMask: UInt16            // bit m for month m; 0 when BYMONTH is absent
    let hasMonthDays: Bool
    let monthDaysForward: UInt32     // bit d for day d
    let monthDaysBackward: UInt32    // bit k for day -k
    let hasYearDays: Bool
    let yearDaysForward: [Bool]      // index 1...366
    let yearDaysBackward: [Bool]     // index k for day -k
    let hasWeekNumbers: Bool
    let weekNumbers: [Int]
    let hasByDay: Bool
    let plainWeekdays: UInt8         // bit w for ISO weekday w
    let hasOrdinals: Bool
    let ordinalWeekdays: [Bool]      // index w * 107 + ordinal + 53
    let ordinalsWithinMonth: Bool

    // Times.
    /// Seconds of the day, sorted, for `DAILY` and longer periods.
    let timesOfDay: [Int64]
    let hourMask: UInt32             // 0: any hour
    let minuteMask: UInt64           // 0: any minute
    let secondMask: UInt64           // 0: any second
    /// Minutes expanded within an `HOURLY` period, and seconds within `HOURLY`/`MINUTELY` ones.
    let minutesInHour: [Int64]
    let secondsInMinute: [Int64]
    let setPositions: [Int]

    // Periods.
    let base: Int64
    /// The first day of the week holding `DTSTART` (`WEEKLY` units count weeks from it).
    let weekAnchor: Int64
    /// Seconds per unit for `HOURLY`, `MINUTELY`, `SECONDLY`.
    let unitSeconds: Int64
    /// After this many consecutive periods without a candidate, none will ever come:
    /// the Gregorian calendar repeats every 400 years (146,097 days, a whole number of
    /// weeks), so period `k + cycle` holds period `k`'s candidates shifted by 400 years.
    let cycle: Int64
    /// Whether every period has exactly ``constantCount`` candidates (no day filter can empty one).
    let constantCount: Int?
    /// Why the rule can never produce anything, when that is known in advance.
    let neverReason: String?

    init(rule: RecurrenceRule, start: PlainDateTime, isAllDay: Bool) throws(RecurrenceError) {
        try rule.check()
        let frequency = rule.frequency
        if isAllDay && frequency < .daily {
            throw RecurrenceError(message: "FREQ=\(frequency) needs a start with a time of day; this series starts on a date (all day)")
        }
        self.frequency = frequency
        self.interval = Int64(rule.interval)
        self.weekStart = rule.weekStart.rawValue
        self.count = rule.count
        self.until = rule.until
        self.isAllDay = isAllDay
        let startSeconds = isAllDay ? start.date.daysSinceEpoch * CivilDays.secondsPerDay : start.localEpochSeconds
        self.startLocal = startSeconds
        let startDay = start.date.daysSinceEpoch
        let startWeekday = CivilDays.weekday(startDay)

        // RFC 5545 §3.3.10: information the rule does not give comes from DTSTART.
        var months = rule.byMonth
        var monthDays = rule.byMonthDay
        var byDay = rule.byDay
        if rule.byYearDay.isEmpty && rule.byMonthDay.isEmpty && rule.byDay.isEmpty {
            if !rule.byWeekNo.isEmpty {
                // BYWEEKNO expands to weeks; the day within the week is DTSTART's weekday.
                byDay = [.init(Weekday(rawValue: startWeekday)!)]
            } else {
                switch frequency {
                case .yearly:
                    if months.isEmpty { months = [Int(start.date.month)] }
                    monthDays = [Int(start.date.day)]
                case .monthly:
                    monthDays = [Int(start.date.day)]
                case .weekly:
                    byDay = [.init(Weekday(rawValue: startWeekday)!)]
                default:
                    break
                }
            }
        }

        var monthMask: UInt16 = 0
        for month in months { monthMask |= 1 << UInt16(month) }
        self.monthMask = monthMask
        var forward: UInt32 = 0, backward: UInt32 = 0
        for day in monthDays {
            if day > 0 { forward |= 1 << UInt32(day) } else { backward |= 1 << UInt32(-day) }
        }
        self.hasMonthDays = !monthDays.isEmpty
        self.monthDaysForward = forward
        self.monthDaysBackward = backward
        var yearForward = [Bool](repeating: false, count: 367)
        var yearBackward = [Bool](repeating: false, count: 367)
        for day in rule.byYearDay {
            if day > 0 { yearForward[day] = true } else { yearBackward[-day] = true }
        }
        self.hasYearDays = !rule.byYearDay.isEmpty
        self.yearDaysForward = yearForward
        self.yearDaysBackward = yearBackward
        self.hasWeekNumbers = !rule.byWeekNo.isEmpty
        self.weekNumbers = Array(Set(rule.byWeekNo)).sorted()

        // BYDAY: ordinals count only in MONTHLY and YEARLY rules (RFC 5545 §3.3.10);
        // elsewhere an ordinal entry stands for every such weekday, as in python-dateutil.
        let ordinalsApply = frequency == .monthly || frequency == .yearly
        var plain: UInt8 = 0
        var ordinals = [Bool](repeating: false, count: 8 * 107)
        var hasOrdinals = false
        for entry in byDay {
            if let ordinal = entry.ordinal, ordinalsApply {
                ordinals[entry.weekday.rawValue * 107 + ordinal + 53] = true
                hasOrdinals = true
            } else {
                plain |= 1 << UInt8(entry.weekday.rawValue)
            }
        }
        self.hasByDay = !byDay.isEmpty
        self.plainWeekdays = plain
        self.hasOrdinals = hasOrdinals
        self.ordinalWeekdays = ordinals
        self.ordinalsWithinMonth = frequency == .monthly || !months.isEmpty

        // Times: BYSECOND=60 names a leap second, which no wall time has; it is skipped.
        func sortedValid(_ values: [Int], default value: Int, limit: Int) -> [Int64] {
            if values.isEmpty { return value < limit ? [Int64(value)] : [] }
            // Sorted, each once (without hashing: these lists are short, and plans are made per window).
            var unique: [Int64] = []
            for chosen in values.filter({ $0 < limit }).sorted() where unique.last != Int64(chosen) { unique.append(Int64(chosen)) }
            return unique
        }
        let time = start.time
        let hours = isAllDay ? [0] : sortedValid(rule.byHour, default: Int(time.hour), limit: 24)
        let minutes = isAllDay ? [0] : sortedValid(rule.byMinute, default: Int(time.minute), limit: 60)
        let seconds = isAllDay ? [0] : sortedValid(rule.bySecond, default: Int(time.second), limit: 60)
        var times: [Int64] = []
        if frequency >= .daily {
            for hour in hours { for minute in minutes { for second in seconds { times.append(hour * 3600 + minute * 60 + second) } } }
        }
        self.timesOfDay = times
        func mask32(_ values: [Int]) -> UInt32 { values.reduce(0) { $0 | (1 << UInt32($1)) } }
        func mask64(_ values: [Int]) -> UInt64 { values.reduce(0) { $0 | (1 << UInt64($1)) } }
        self.hourMask = frequency <= .hourly ? mask32(rule.byHour) : 0
        self.minuteMask = frequency <= .minutely ? mask64(rule.byMinute) : 0
        self.secondMask = frequency == .secondly ? mask64(rule.bySecond) : 0
        self.minutesInHour = minutes
        self.secondsInMinute = seconds
        let positions = Array(Set(rule.bySetPos)).sorted()
        self.setPositions = positions

        // Periods.
        let anchor = CivilDays.weekStart(containing: startDay, weekStart: rule.weekStart.rawValue)
        self.weekAnchor = anchor
        let unitsPerCycle: Int64
        switch frequency {
        case .yearly:
            base = rule.byWeekNo.isEmpty ? Int64(start.date.year)
                : CivilDays.weekNumber(of: startDay, weekStart: rule.weekStart.rawValue).year
            unitSeconds = 0
            unitsPerCycle = 400
        case .monthly:
            base = Int64(start.date.year) * 12 + Int64(start.date.month) - 1
            unitSeconds = 0
            unitsPerCycle = 4800
        case .weekly:
            base = 0
            unitSeconds = 0
            unitsPerCycle = 20_871
        case .daily:
            base = startDay
            unitSeconds = 0
            unitsPerCycle = 146_097
        case .hourly:
            unitSeconds = 3600
            base = CivilDays.floorDiv(startSeconds, 3600)
            unitsPerCycle = 146_097 * 24
        case .minutely:
            unitSeconds = 60
            base = CivilDays.floorDiv(startSeconds, 60)
            unitsPerCycle = 146_097 * 1440
        case .secondly:
            unitSeconds = 1
            base = startSeconds
            unitsPerCycle = 146_097 * 86_400
        }
        self.cycle = unitsPerCycle / Self.gcd(unitsPerCycle, Int64(rule.interval))

        // Known in advance: an empty time list, or times of day a sub-daily lattice never reaches.
        var never: String?
        if rule.bySecond.allSatisfy({ $0 == 60 }) && !rule.bySecond.isEmpty && !isAllDay {
            never = "BYSECOND=60 names a leap second, which no wall time has"
        } else if frequency < .daily {
            never = Self.unreachableTimes(rule: rule, frequency: frequency, startSeconds: startSeconds,
                                          minutes: minutes, seconds: seconds)
        }
        if never == nil && !positions.isEmpty {
            // The largest set a period can hold; positions beyond it never select anything.
            let days: Int
            switch frequency {
            case .yearly: days = rule.byWeekNo.isEmpty ? 366 : 53 * 7
            case .monthly: days = 31
            case .weekly: days = 7
            default: days = 1
            }
            let largest: Int
            switch frequency {
            case .secondly: largest = 1
            case .minutely: largest = seconds.count
            case .hourly: largest = minutes.count * seconds.count
            default: largest = days * times.count
            }
            if positions.allSatisfy({ $0 > largest || -$0 > largest }) {
                never = "BYSETPOS=\(rule.bySetPos.map(String.init).joined(separator: ",")) names positions past the "
                    + "\(largest) occurrence\(largest == 1 ? "" : "s") a period can have"
            }
        }
        self.neverReason = never

        // Periods with a fixed number of candidates allow COUNT to be counted arithmetically.
        let noDayFilter = monthMask == 0 && monthDays.isEmpty && rule.byYearDay.isEmpty && rule.byWeekNo.isEmpty
        var perPeriod: Int?
        switch frequency {
        case .daily where noDayFilter && byDay.isEmpty:
            perPeriod = times.count
        case .weekly where noDayFilter && !hasOrdinals:
            perPeriod = plain.nonzeroBitCount * times.count
        case .hourly where noDayFilter && byDay.isEmpty && rule.byHour.isEmpty:
            perPeriod = minutes.count * seconds.count
        case .minutely where noDayFilter && byDay.isEmpty && rule.byHour.isEmpty && rule.byMinute.isEmpty:
            perPeriod = seconds.count
        case .secondly where noDayFilter && byDay.isEmpty && rule.byHour.isEmpty && rule.byMinute.isEmpty && rule.bySecond.isEmpty:
            perPeriod = 1
        default:
            perPeriod = nil
        }
        self.constantCount = perPeriod.map { Self.selectedCount(of: $0, positions: positions) }
    }

    /// Whether any day of a whole 400-year Gregorian cycle passes the day filters (then some
    /// day of every cycle does). For sub-daily rules, whose periods are too many to prove
    /// emptiness period by period.
    func someDayPasses(from day: Int64) -> Bool {
        var date = CivilDays.civil(day)
        var current = day
        var yearStart = CivilDays.days(date.year, 1, 1)
        var yearLength = CivilDays.yearLength(date.year)
        var monthLength = CivilDays.monthLength(date.year, date.month)
        for _ in 0..<146_097 {
            if dayPasses(current, year: date.year, month: date.month, dayOfMonth: date.day, monthLength: monthLength,
                         yearStart: yearStart, yearLength: yearLength) { return true }
            current += 1
            date.day += 1
            if date.day > monthLength {
                date.day = 1
                date.month += 1
                if date.month > 12 {
                    date.month = 1
                    date.year += 1
                    yearStart = current
                    yearLength = CivilDays.yearLength(date.year)
                }
                monthLength = CivilDays.monthLength(date.year, date.month)
            }
        }
        return false
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// For `HOURLY`, `MINUTELY` and `SECONDLY` rules: the periods fall on a lattice of local
    /// time; a time of day is reachable when it is congruent to the start modulo
    /// gcd(interval × unit, 1 day). Returns why nothing is reachable, or `nil`.
    static func unreachableTimes(rule: RecurrenceRule, frequency: RecurrenceRule.Frequency, startSeconds: Int64,
                                 minutes: [Int64], seconds: [Int64]) -> String? {
        let unit: Int64 = frequency == .hourly ? 3600 : frequency == .minutely ? 60 : 1
        let step = gcd(Int64(rule.interval) * unit, 86_400)
        let firstPeriod = CivilDays.floorDiv(startSeconds, unit) * unit
        let startResidue = CivilDays.floorMod(firstPeriod, step)
        let hourList: [Int64] = rule.byHour.isEmpty ? Array(0..<24) : Array(Set(rule.byHour.map(Int64.init))).sorted()
        let minuteList: [Int64] = frequency == .hourly ? minutes : (rule.byMinute.isEmpty ? Array(0..<60) : Array(Set(rule.byMinute.map(Int64.init))).sorted())
        let secondList: [Int64] = frequency == .secondly ? (rule.bySecond.isEmpty ? Array(0..<60) : Array(Set(rule.bySecond.filter { $0 < 60 }.map(Int64.init))).sorted()) : seconds
        // The period start's time of day must be reachable; within an HOURLY period the
        // minutes and seconds are expanded, within a MINUTELY one the seconds.
        for hour in hourList {
            for minute in (frequency == .hourly ? [0] : minuteList) {
                for second in (frequency == .secondly ? secondList : [0]) {
                    if CivilDays.floorMod(hour * 3600 + minute * 60 + second, step) == startResidue { return nil }
                }
            }
        }
        return "FREQ=\(frequency);INTERVAL=\(rule.interval) from \(RuleText.timeOfDay(startSeconds)) never reaches the times its BYHOUR, BYMINUTE and BYSECOND allow"
    }

    /// How many members of a period's set of `n` candidates `BYSETPOS` keeps (`n` when absent).
    @inline(__always)
    static func selectedCount(of n: Int, positions: [Int]) -> Int {
        if positions.isEmpty { return n }
        var chosen: [Int] = []
        for position in positions {
            let index = position > 0 ? position - 1 : n + position
            if index >= 0 && index < n && !chosen.contains(index) { chosen.append(index) }
        }
        return chosen.count
    }
}

extension RuleText {
    static func timeOfDay(_ localSeconds: Int64) -> String {
        let second = CivilDays.floorMod(localSeconds, 86_400)
        return pad(Int(second / 3600), 2) + ":" + pad(Int(second / 60 % 60), 2) + ":" + pad(Int(second % 60), 2)
    }
}
