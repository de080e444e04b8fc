import TalkplanTime

/// An RFC 5545 recurrence rule (the value of an `RRULE`), as data.
///
/// A rule says how a series repeats; it becomes instants only together with a
/// start (``RecurrenceStart``: the event's `DTSTART` with its zone), through
/// ``occurrences(from:options:)`` or a ``RecurrenceSet``. Every part of RFC 5545
/// §3.3.10 is supported: `FREQ` from `SECONDLY` to `YEARLY`, `INTERVAL`, `COUNT`,
/// `UNTIL` (UTC, local or a date), `BYSECOND` … `BYMONTH`, `BYDAY` with ordinals,
/// negative `BYMONTHDAY` / `BYYEARDAY` / `BYWEEKNO`, `BYSETPOS` and `WKST`.
///
/// ```swift
/// let rule = try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20241231T235959Z")
/// rule.frequency          // .weekly
/// rule.byDay              // [MO, WE]
/// "\(rule)"               // "FREQ=WEEKLY;UNTIL=20241231T235959Z;BYDAY=MO,WE"
///
/// var custom = RecurrenceRule(frequency: .monthly)
/// custom.byDay = [.init(.friday, ordinal: -1)]   // the last Friday of each month
/// custom.count = 6
/// ```
///
/// ## How RFC 5545 is read
///
/// - Rules are expanded in the start's wall-clock time, every frequency included: an
///   `HOURLY` rule steps through local hours (on a fall-back day the repeated hour is met
///   once, at its first occurrence). Each computed wall time is then resolved in the zone.
/// - Invalid dates (February 30, day 366 of a common year, `BYSECOND=60`) are skipped and
///   not counted. Nonexistent local times follow ``NonexistentTimePolicy`` (by default,
///   RFC 5545 §3.3.5: read with the offset before the gap, and counted); two computed times
///   that land on one instant are one occurrence, both counted toward `COUNT`.
/// - Parts missing from the rule come from `DTSTART` (§3.3.10): the month and day for
///   `YEARLY`, the day for `MONTHLY`, the weekday for `WEEKLY` and for `BYWEEKNO` rules, the
///   time of day for periods of a day or longer.
/// - `YEARLY` with `BYWEEKNO`: a period is a week-numbering year (weeks from ``weekStart``,
///   week 1 the first with four days in the year), so week 1 may begin in the December
///   before; the first period is the week-numbering year of `DTSTART`.
/// - `BYDAY` is a union of its entries (`MO,1TU` is every Monday and the first Tuesday);
///   ordinals count within the month for `MONTHLY` and for `YEARLY` with `BYMONTH`, else
///   within the year.
/// - `BYSETPOS` selects within a whole period, the first one included: the first week of a
///   `WEEKLY` rule begins on its ``weekStart`` day, not on `DTSTART`, and members before
///   `DTSTART` are then dropped.
/// - `UNTIL` is inclusive: an instant bounds instants, a local date-time bounds wall times,
///   and a date includes the whole of that day.
/// - Parts the RFC's table marks N/A for the frequency limit the days (see
///   ``conformanceWarnings``).
///
/// `Scripts/rrule-diffcheck.py` compares all of this with python-dateutil and lists where
/// dateutil reads the RFC otherwise.
public struct RecurrenceRule: Hashable, Sendable, CustomStringConvertible {
    /// How often the rule's periods come round (`FREQ`), shortest first.
    ///
    /// ```swift
    /// RecurrenceRule.Frequency.daily < .weekly  // true
    /// RecurrenceRule.Frequency.weekly.name      // "WEEKLY"
    /// ```
    public enum Frequency: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
        /// Periods of one second.
        case secondly
        /// Periods of one minute.
        case minutely
        /// Periods of one hour (of local wall-clock time).
        case hourly
        /// Periods of one day.
        case daily
        /// Periods of one week, starting on ``RecurrenceRule/weekStart``.
        case weekly
        /// Periods of one calendar month.
        case monthly
        /// Periods of one calendar year.
        case yearly

        /// The RFC 5545 name: `SECONDLY` … `YEARLY`.
        ///
        /// ```swift
        /// RecurrenceRule.Frequency.monthly.name  // "MONTHLY"
        /// ```
        public var name: String {
            switch self {
            case .secondly: "SECONDLY"
            case .minutely: "MINUTELY"
            case .hourly: "HOURLY"
            case .daily: "DAILY"
            case .weekly: "WEEKLY"
            case .monthly: "MONTHLY"
            case .yearly: "YEARLY"
            }
        }

        /// The frequency an RFC 5545 name denotes, in any letter case; `nil` for others.
        ///
        /// ```swift
        /// RecurrenceRule.Frequency(name: "weekly")  // .weekly
        /// RecurrenceRule.Frequency(name: "FORTNIGHTLY")  // nil
        /// ```
        public init?(name: some StringProtocol) {
            guard let found = Self.allCases.first(where: { $0.name == name.uppercased() }) else { return nil }
            self = found
        }

        /// Shortest first.
        ///
        /// ```swift
        /// RecurrenceRule.Frequency.hourly < .daily  // true
        /// ```
        public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The RFC 5545 name.
        ///
        /// ```swift
        /// "\(RecurrenceRule.Frequency.yearly)"  // "YEARLY"
        /// ```
        public var description: String { name }
    }

    /// One `BYDAY` entry: a weekday, with an optional ordinal (`1MO` the first
    /// Monday, `-1FR` the last Friday) counted within the month or year.
    ///
    /// ```swift
    /// let lastFriday = RecurrenceRule.WeekdayOccurrence(.friday, ordinal: -1)
    /// "\(lastFriday)"   // "-1FR"
    /// "\(RecurrenceRule.WeekdayOccurrence(.tuesday))"  // "TU"
    /// ```
    public struct WeekdayOccurrence: Hashable, Sendable, CustomStringConvertible {
        /// The day of the week.
        ///
        /// ```swift
        /// RecurrenceRule.WeekdayOccurrence(.monday, ordinal: 2).weekday  // .monday
        /// ```
        public var weekday: Weekday
        /// `n` for the n-th such weekday, `-n` for the n-th from the end; `nil` for every one.
        ///
        /// ```swift
        /// RecurrenceRule.WeekdayOccurrence(.monday, ordinal: 2).ordinal  // 2
        /// ```
        public var ordinal: Int?

        /// Creates an entry; `ordinal` is `1...53` or `-53...-1` when given.
        ///
        /// ```swift
        /// RecurrenceRule.WeekdayOccurrence(.sunday, ordinal: 1)  // 1SU
        /// ```
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// The RFC 5545 text: `MO`, `1MO`, `-1FR`.
        ///
        /// ```swift
        /// "\(RecurrenceRule.WeekdayOccurrence(.saturday, ordinal: -2))"  // "-2SA"
        /// ```
        public var description: String {
            (ordinal.map(String.init) ?? "") + RecurrenceRule.weekdayCode(weekday)
        }
    }

    /// The end of a rule given by `UNTIL`: inclusive, as RFC 5545 says.
    ///
    /// ```swift
    /// RecurrenceRule.Until.instant(try Instant(iso8601: "2024-12-24T00:00:00Z"))  // UNTIL=20241224T000000Z
    /// RecurrenceRule.Until.date(PlainDate(year: 2024, month: 12, day: 24)!)       // UNTIL=20241224
    /// ```
    public enum Until: Hashable, Sendable, CustomStringConvertible {
        /// A UTC date-time (`...Z`): occurrences whose instant is at or before it.
        case instant(Instant)
        /// A local date-time without zone: compared with each occurrence's wall time
        /// in the rule's zone (the form RFC 5545 requires for floating starts).
        case local(PlainDateTime)
        /// A date: occurrences whose local date is on or before it (the whole day is included).
        case date(PlainDate)

        /// The RFC 5545 basic form: `20241224T000000Z`, `20241224T090000`, `20241224`.
        ///
        /// ```swift
        /// "\(RecurrenceRule.Until.date(PlainDate(year: 2024, month: 1, day: 2)!))"  // "20240102"
        /// ```
        public var description: String {
            switch self {
            case .instant(let instant): RuleText.basic(instant.plainDateTime(at: .zero)) + "Z"
            case .local(let dateTime): RuleText.basic(dateTime)
            case .date(let date): RuleText.basic(date)
            }
        }
    }

    /// `FREQ`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=DAILY").frequency  // .daily
    /// ```
    public var frequency: Frequency
    /// `INTERVAL`: every how many periods (default 1).
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=DAILY;INTERVAL=2").interval  // 2
    /// ```
    public var interval: Int = 1
    /// `COUNT`: how many occurrences the rule makes at most, `DTSTART` first.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=10").count  // 10
    /// ```
    public var count: Int?
    /// `UNTIL`: the last moment an occurrence may have (inclusive).
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=19971224T000000Z").until  // .instant(1997-12-24T00:00:00Z)
    /// ```
    public var until: Until?
    /// `BYSECOND`: seconds of the minute, `0...60` (60 never exists: such times are skipped).
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=MINUTELY;BYSECOND=0,30").bySecond  // [0, 30]
    /// ```
    public var bySecond: [Int] = []
    /// `BYMINUTE`: minutes of the hour, `0...59`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=HOURLY;BYMINUTE=0,30").byMinute  // [0, 30]
    /// ```
    public var byMinute: [Int] = []
    /// `BYHOUR`: hours of the day, `0...23`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=9,15").byHour  // [9, 15]
    /// ```
    public var byHour: [Int] = []
    /// `BYDAY`: weekdays, with ordinals for `MONTHLY` and `YEARLY` rules.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=1SU,-1SU").byDay  // [1SU, -1SU]
    /// ```
    public var byDay: [WeekdayOccurrence] = []
    /// `BYMONTHDAY`: days of the month, `1...31` or `-31...-1` (from the end).
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=1,-1").byMonthDay  // [1, -1]
    /// ```
    public var byMonthDay: [Int] = []
    /// `BYYEARDAY`: days of the year, `1...366` or `-366...-1`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=YEARLY;BYYEARDAY=1,100,200").byYearDay  // [1, 100, 200]
    /// ```
    public var byYearDay: [Int] = []
    /// `BYWEEKNO`: weeks of the year (ISO 8601 numbering from ``weekStart``), `1...53` or `-53...-1`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO").byWeekNo  // [20]
    /// ```
    public var byWeekNo: [Int] = []
    /// `BYMONTH`: months, `1...12`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=6,7").byMonth  // [6, 7]
    /// ```
    public var byMonth: [Int] = []
    /// `BYSETPOS`: which members of each period's set to keep, `1...366` or `-366...-1`.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1").bySetPos  // [-1]
    /// ```
    public var bySetPos: [Int] = []
    /// `WKST`: the first day of the week (default Monday).
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=WEEKLY;INTERVAL=2;WKST=SU").weekStart  // .sunday
    /// ```
    public var weekStart: Weekday = .monday

    /// A rule of the given frequency with no other part; set the others as properties.
    ///
    /// ```swift
    /// var rule = RecurrenceRule(frequency: .weekly)
    /// rule.byDay = [.init(.tuesday), .init(.thursday)]
    /// "\(rule)"  // "FREQ=WEEKLY;BYDAY=TU,TH"
    /// ```
    public init(frequency: Frequency) {
        self.frequency = frequency
    }

    static func weekdayCode(_ weekday: Weekday) -> String {
        switch weekday {
        case .monday: "MO"
        case .tuesday: "TU"
        case .wednesday: "WE"
        case .thursday: "TH"
        case .friday: "FR"
        case .saturday: "SA"
        case .sunday: "SU"
        }
    }

    static func weekday(code: some StringProtocol) -> Weekday? {
        switch code.uppercased() {
        case "MO": .monday
        case "TU": .tuesday
        case "WE": .wednesday
        case "TH": .thursday
        case "FR": .friday
        case "SA": .saturday
        case "SU": .sunday
        default: nil
        }
    }
}
