import TalkplanTime

/// An RFC 5545 RECUR value (RRULE, EXRULE), kept as written and split into its parts for
/// the recurrence engine. Nothing here expands a rule.
///
/// ```swift
/// let rule = try ICalendarRecurrenceRule.parse("FREQ=MONTHLY;BYDAY=1MO,-1FR;COUNT=10")
/// rule.frequency   // .monthly
/// rule.byDay       // [1MO, -1FR]
/// rule.count       // 10
/// rule.text        // "FREQ=MONTHLY;BYDAY=1MO,-1FR;COUNT=10"
/// ```
public struct ICalendarRecurrenceRule: Sendable, Hashable {
    public enum Frequency: String, Sendable, Hashable, CaseIterable {
        case secondly = "SECONDLY", minutely = "MINUTELY", hourly = "HOURLY", daily = "DAILY"
        case weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A BYDAY entry: a weekday with an optional ordinal (`-1SU` is the last Sunday).
    public struct WeekdayNumber: Sendable, Hashable, CustomStringConvertible {
        public var ordinal: Int?
        public var weekday: Weekday

        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        public var description: String { (ordinal.map(String.init) ?? "") + ICalendarRecurrenceRule.code(weekday) }
    }

    /// The value as written.
    public var text: String
    public var frequency: Frequency
    public var interval: Int = 1
    /// UNTIL, a DATE or DATE-TIME (UTC when the start has a zone).
    public var until: ICalendarDateTime?
    public var count: Int?
    public var bySecond: [Int] = []
    public var byMinute: [Int] = []
    public var byHour: [Int] = []
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byYearDay: [Int] = []
    public var byWeekNo: [Int] = []
    public var byMonth: [Int] = []
    public var bySetPos: [Int] = []
    /// WKST (Monday when absent).
    public var weekStart: Weekday = .monday
    /// Parts this type does not model (RSCALE, SKIP, X- parts), upper-case name and value as written.
    public var otherParts: [ICalendarParameter] = []

    public init(frequency: Frequency, text: String? = nil) {
        self.frequency = frequency
        self.text = text ?? "FREQ=\(frequency.rawValue)"
    }

    /// Reads a RECUR value. Part names are case-insensitive; numbers are range-checked.
    /// Oddities that still allow a reading (COUNT together with UNTIL, a part given twice)
    /// are added to `notes`.
    public static func parse(_ text: some StringProtocol, notes: inout [String]) throws(ICalendarValueError) -> ICalendarRecurrenceRule {
        let written = text.trimmingICalendarWhitespace()
        var frequency: Frequency?
        var rule = ICalendarRecurrenceRule(frequency: .daily, text: written)
        var seen = Set<String>()
        for part in ByteText.split(written, UInt8(ascii: ";")) {
            let pieces = ByteText.split(part, UInt8(ascii: "="), maxSplits: 1, omittingEmpty: false)
            guard pieces.count == 2 else {
                throw ICalendarValueError("invalid RECUR \(quoted(written)): part \(quoted(part)) has no '='")
            }
            let name = pieces[0].trimmingICalendarWhitespace().uppercased()
            let value = pieces[1].trimmingICalendarWhitespace()
            if !seen.insert(name).inserted { notes.append("RECUR \(quoted(written)) gives \(name) twice; the last one is used") }
            func numbers(_ range: ClosedRange<Int>, allowNegative: Bool) throws(ICalendarValueError) -> [Int] {
                var result: [Int] = []
                for item in ByteText.split(value, UInt8(ascii: ",")) {
                    let trimmed = item.trimmingICalendarWhitespace()
                    guard let number = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed),
                          number.magnitude <= UInt(range.upperBound), number.magnitude >= UInt(range.lowerBound),
                          number >= 0 || allowNegative
                    else {
                        throw ICalendarValueError("invalid RECUR \(quoted(written)): \(name) value \(quoted(trimmed)) is not in \(allowNegative ? "±" : "")\(range)")
                    }
                    result.append(number)
                }
                return result
            }
            switch name {
            case "FREQ":
                guard let found = Frequency(rawValue: value.uppercased()) else {
                    throw ICalendarValueError("invalid RECUR \(quoted(written)): unknown FREQ \(quoted(value))")
                }
                frequency = found
            case "INTERVAL":
                guard let number = Int(value), number >= 1 else {
                    throw ICalendarValueError("invalid RECUR \(quoted(written)): INTERVAL \(quoted(value)) is not a positive integer")
                }
                rule.interval = number
            case "COUNT":
                guard let number = Int(value), number >= 0 else {
                    throw ICalendarValueError("invalid RECUR \(quoted(written)): COUNT \(quoted(value)) is not a non-negative integer")
                }
                rule.count = number
            case "UNTIL":
                rule.until = try ICalendarDateTime.parse(value, tzid: nil, notes: &notes)
            case "BYSECOND": rule.bySecond = try numbers(0...60, allowNegative: false)
            case "BYMINUTE": rule.byMinute = try numbers(0...59, allowNegative: false)
            case "BYHOUR": rule.byHour = try numbers(0...23, allowNegative: false)
            case "BYMONTHDAY": rule.byMonthDay = try numbers(1...31, allowNegative: true)
            case "BYYEARDAY": rule.byYearDay = try numbers(1...366, allowNegative: true)
            case "BYWEEKNO": rule.byWeekNo = try numbers(1...53, allowNegative: true)
            case "BYMONTH": rule.byMonth = try numbers(1...12, allowNegative: false)
            case "BYSETPOS": rule.bySetPos = try numbers(1...366, allowNegative: true)
            case "BYDAY":
                rule.byDay = []
                for item in ByteText.split(value, UInt8(ascii: ",")) {
                    guard let entry = weekdayNumber(item.trimmingICalendarWhitespace()) else {
                        throw ICalendarValueError("invalid RECUR \(quoted(written)): BYDAY value \(quoted(item)) is not a weekday like MO, 2TU or -1SU")
                    }
                    rule.byDay.append(entry)
                }
            case "WKST":
                guard let day = weekday(value) else {
                    throw ICalendarValueError("invalid RECUR \(quoted(written)): WKST \(quoted(value)) is not a weekday")
                }
                rule.weekStart = day
            default:
                rule.otherParts.append(ICalendarParameter(name, value))
            }
        }
        guard let frequency else {
            throw ICalendarValueError("invalid RECUR \(quoted(written)): FREQ is missing")
        }
        rule.frequency = frequency
        if rule.count != nil, rule.until != nil {
            notes.append("RECUR \(quoted(written)) gives both COUNT and UNTIL, which RFC 5545 forbids")
        }
        return rule
    }

    /// Reads a RECUR value, dropping the notes.
    public static func parse(_ text: some StringProtocol) throws(ICalendarValueError) -> ICalendarRecurrenceRule {
        var notes: [String] = []
        return try parse(text, notes: &notes)
    }

    static let codes: [(String, Weekday)] = [
        ("MO", .monday), ("TU", .tuesday), ("WE", .wednesday), ("TH", .thursday),
        ("FR", .friday), ("SA", .saturday), ("SU", .sunday),
    ]

    static func weekday(_ code: some StringProtocol) -> Weekday? {
        let upper = code.uppercased()
        return codes.first { $0.0 == upper }?.1
    }

    static func code(_ weekday: Weekday) -> String {
        codes.first { $0.1 == weekday }!.0
    }

    static func weekdayNumber(_ text: String) -> WeekdayNumber? {
        guard text.count >= 2, let day = weekday(text.suffix(2)) else { return nil }
        let prefix = text.dropLast(2)
        if prefix.isEmpty { return WeekdayNumber(day) }
        guard let ordinal = Int(prefix.hasPrefix("+") ? String(prefix.dropFirst()) : String(prefix)),
              ordinal != 0, ordinal.magnitude <= 53
        else { return nil }
        return WeekdayNumber(day, ordinal: ordinal)
    }
}
