/// Month and weekday names of a locale, from ICU's CLDR data (never hand tables).
///
/// ```swift
/// CalendarNames.months(locale: "es")[10]                 // "noviembre"
/// CalendarNames.weekdays(locale: "fr")[Weekday.thursday] // "jeudi"
/// ```
public enum CalendarNames {
    /// The 12 month names, January first, in the form used inside dates
    /// (or standalone, as in a calendar heading, when `standalone` is true).
    public static func months(locale: String, abbreviated: Bool = false, standalone: Bool = false) -> [String] {
        ICUBridge.dateSymbols(.months, locale: locale, abbreviated: abbreviated, standalone: standalone)
    }

    /// The 7 weekday names indexed by ``Weekday`` (ISO order, Monday first).
    public static func weekdays(locale: String, abbreviated: Bool = false, standalone: Bool = false) -> WeekdayNames {
        // ICU lists Sunday first.
        let sundayFirst = ICUBridge.dateSymbols(.weekdays, locale: locale, abbreviated: abbreviated, standalone: standalone)
        guard sundayFirst.count == 7 else { return WeekdayNames(names: []) }
        return WeekdayNames(names: Array(sundayFirst[1...]) + [sundayFirst[0]])
    }

    /// Weekday names in ISO order.
    public struct WeekdayNames: Sendable, Hashable {
        /// Monday first; empty when the locale has no data.
        public let names: [String]

        /// The name of a weekday, or `nil` when the locale has no data.
        public subscript(_ weekday: Weekday) -> String? {
            names.count == 7 ? names[weekday.rawValue - 1] : nil
        }
    }
}
