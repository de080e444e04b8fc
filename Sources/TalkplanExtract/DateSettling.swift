import TalkplanTime

/// Turns written dates into calendar dates: settles the day/month order of numeric dates,
/// infers missing years, checks stated weekdays, and reads relative days.
///
/// A missing year is the year nearest the reference date in which the date falls on the
/// stated weekday (without a weekday: the occurrence nearest the reference date).
///
/// ```swift
/// var settler = DateSettler(reference: PlainDate(year: 2026, month: 11, day: 22)!, referenceSource: "the reference date")
/// let written = WrittenDate(day: 6, month: 11, year: nil, weekday: .wednesday, style: .textual, text: "Miércoles 06 de Noviembre")
/// settler.settle(written)?.date   // 2024-11-06, with a warning naming 2024 and the reference date
/// ```
struct DateSettler {
    /// The date a missing year is resolved against.
    var reference: PlainDate
    /// How the warning names it: "the reference date 2026-11-22", "the email's date 2023-12-06", "today 2026-11-22".
    var referenceSource: String
    /// When the email was sent: the base of "today" and "tomorrow".
    var sent: PlainDate?
    /// How open numeric dates are read, and why.
    var order: WrittenDate.Order = .dayMonth
    /// A warning for every open date when the order is a guess; `nil` when the text settles it.
    var orderGuess: String?

    init(reference: PlainDate, referenceSource: String, sent: PlainDate? = nil) {
        self.reference = reference
        self.referenceSource = referenceSource
        self.sent = sent
    }

    struct Settled {
        var date: PlainDate
        var warnings: [String]
    }

    /// The calendar date of a written date, with warnings for every guess; `nil` when the
    /// fields name no date (February 30) or a relative date has no base.
    func settle(_ written: WrittenDate) -> Settled? {
        var warnings: [String] = []
        var value = written
        if written.style == .relative {
            let base = sent ?? reference
            let date = base.adding(days: Int64(written.relativeDays))
            let source = sent != nil ? "the day the email was sent (\(base))" : referenceSource
            warnings.append("\"\(written.text.lowercased())\" read as \(date), relative to \(source)")
            return Settled(date: date, warnings: warnings)
        }
        if case .open = written.order {
            value = written.settled(order)
            if let orderGuess {
                let reading = order == .monthDay ? "month/day" : "day/month"
                if let year = value.year, let date = PlainDate(year: year, month: value.month, day: value.day) {
                    warnings.append("\"\(written.text)\" read as \(reading) (\(date)): \(orderGuess)")
                } else {
                    warnings.append("\"\(written.text)\" read as \(reading): \(orderGuess)")
                }
            }
        }
        if let year = value.year {
            guard let date = PlainDate(year: year, month: value.month, day: value.day) else { return nil }
            if let weekday = value.weekday, weekday != date.weekday {
                warnings.append("\"\(written.text)\": \(date) is a \(date.weekday.name.lowercased()), not a \(weekday.name.lowercased()); kept the date")
            }
            return Settled(date: date, warnings: warnings)
        }
        guard let (date, warning) = inferYear(value) else { return nil }
        warnings.append(warning)
        return Settled(date: date, warnings: warnings)
    }

    /// The nearest year to the reference date: on the stated weekday when there is one.
    func inferYear(_ written: WrittenDate) -> (PlainDate, String)? {
        let referenceDays = reference.daysSinceEpoch
        let center = Int(reference.year)
        let monthName = CalendarNames.months(locale: "en")[safe: written.month - 1]?.lowercased() ?? "month \(written.month)"
        let dayText = "\(written.day) \(monthName)"
        func distance(_ date: PlainDate) -> Int64 { abs(date.daysSinceEpoch - referenceDays) }
        if let weekday = written.weekday {
            var best: PlainDate?
            for offset in 0...40 {
                for year in Set([center - offset, center + offset]) {
                    guard let date = PlainDate(year: year, month: written.month, day: written.day), date.weekday == weekday else { continue }
                    if best == nil || distance(date) < distance(best!) { best = date }
                }
                if let best, Int64(offset) * 365 > distance(best) + 366 { break }
            }
            if let best {
                return (best, "year \(best.year) inferred: \(best) is the \(dayText) on a \(weekday.name.lowercased()) nearest \(referenceSource)")
            }
            // No year puts the date on that weekday (a February 30 would not get here): take the nearest one.
            guard let nearest = nearestOccurrence(written) else { return nil }
            return (nearest, "no year puts \(dayText) on a \(weekday.name.lowercased()); year \(nearest.year) inferred as the nearest to \(referenceSource)")
        }
        guard let nearest = nearestOccurrence(written) else { return nil }
        return (nearest, "year \(nearest.year) inferred: \(nearest) is the \(dayText) nearest \(referenceSource)")
    }

    /// The occurrence of a day and month nearest the reference date (February 29 looks up to 8 years around).
    func nearestOccurrence(_ written: WrittenDate) -> PlainDate? {
        let center = Int(reference.year)
        var best: PlainDate?
        for year in (center - 8)...(center + 8) {
            guard let date = PlainDate(year: year, month: written.month, day: written.day) else { continue }
            if best == nil || abs(date.daysSinceEpoch - reference.daysSinceEpoch) < abs(best!.daysSinceEpoch - reference.daysSinceEpoch) {
                best = date
            }
        }
        return best
    }

    /// Decides how a document's open numeric dates (`04/05/2021`) are read: by its unambiguous
    /// numeric dates, by other dates it writes in full, by its region, by its language.
    mutating func decideOrder(dates: [WrittenDate], region: String?, language: String?, usContext: Bool, placeZone: String? = nil) {
        var dayMonth = 0, monthDay = 0
        let written = Set(dates.filter { $0.style != .numeric && $0.year != nil }.compactMap { $0.date() })
        for date in dates where date.style == .numeric {
            switch date.order {
            case .dayMonth: if date.text.contains("/") || date.text.contains("-") { dayMonth += 1 }
            case .monthDay: monthDay += 1
            case .open(let first, let second):
                guard let year = date.year else { continue }
                let asDayMonth = PlainDate(year: year, month: second, day: first)
                let asMonthDay = PlainDate(year: year, month: first, day: second)
                if let asDayMonth, written.contains(asDayMonth) { dayMonth += 2 }
                if let asMonthDay, written.contains(asMonthDay) { monthDay += 2 }
            }
        }
        if dayMonth > monthDay {
            order = .dayMonth
            orderGuess = nil
        } else if monthDay > dayMonth {
            order = .monthDay
            orderGuess = nil
        } else if region == "US" || usContext {
            order = .monthDay
            orderGuess = "us context"
        } else if let region {
            order = .dayMonth
            orderGuess = "region \(region.lowercased()) writes day first"
        } else if let placeZone {
            order = .dayMonth
            orderGuess = "the place (\(placeZone)) is outside the us, where dates are written day first"
        } else if let language, language != "en" {
            order = .dayMonth
            orderGuess = "the text is in \(language), which writes day first"
        } else {
            order = .monthDay
            orderGuess = "english text with no region, read as us style"
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
