/// A day of the week, numbered as in ISO 8601: Monday is 1, Sunday is 7.
///
/// ```swift
/// PlainDate(year: 1970, month: 1, day: 1)!.weekday  // .thursday
/// Weekday.sunday.rawValue                            // 7
/// ```
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Monday, ISO day 1.
    ///
    /// ```swift
    /// Weekday(rawValue: 1)  // .monday
    /// ```
    case monday = 1
    /// Tuesday, ISO day 2.
    ///
    /// ```swift
    /// Weekday(rawValue: 2)  // .tuesday
    /// ```
    case tuesday
    /// Wednesday, ISO day 3.
    ///
    /// ```swift
    /// Weekday(rawValue: 3)  // .wednesday
    /// ```
    case wednesday
    /// Thursday, ISO day 4.
    ///
    /// ```swift
    /// Weekday(rawValue: 4)  // .thursday
    /// ```
    case thursday
    /// Friday, ISO day 5.
    ///
    /// ```swift
    /// Weekday(rawValue: 5)  // .friday
    /// ```
    case friday
    /// Saturday, ISO day 6.
    ///
    /// ```swift
    /// Weekday(rawValue: 6)  // .saturday
    /// ```
    case saturday
    /// Sunday, ISO day 7.
    ///
    /// ```swift
    /// Weekday(rawValue: 7)  // .sunday
    /// ```
    case sunday

    /// Orders weekdays Monday first, as ISO 8601 does.
    ///
    /// ```swift
    /// Weekday.monday < .sunday  // true
    /// ```
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The weekday `days` days later (or earlier, when negative), wrapping
    /// around the week.
    ///
    /// ```swift
    /// Weekday.sunday.adding(days: 1)   // .monday
    /// Weekday.monday.adding(days: -8)  // .sunday
    /// ```
    public func adding(days: Int) -> Weekday {
        let index = (rawValue - 1 + days % 7 + 7) % 7
        return Weekday(rawValue: index + 1)!
    }

    /// How many days forward from `self` the next (or same) `other` is, in `0...6`.
    ///
    /// ```swift
    /// Weekday.friday.days(until: .monday)  // 3
    /// Weekday.friday.days(until: .friday)  // 0
    /// ```
    public func days(until other: Weekday) -> Int {
        (other.rawValue - rawValue + 7) % 7
    }

    /// The English name of the day.
    ///
    /// ```swift
    /// Weekday.wednesday.name  // "Wednesday"
    /// ```
    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// The three-letter English abbreviation of the day.
    ///
    /// ```swift
    /// Weekday.wednesday.shortName  // "Wed"
    /// ```
    public var shortName: String {
        String(name.prefix(3))
    }

    /// The English name of the day (ISO 8601 itself only numbers weekdays).
    ///
    /// ```swift
    /// "\(Weekday.saturday)"  // "Saturday"
    /// ```
    public var description: String { name }
}
