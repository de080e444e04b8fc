import TalkplanTime

/// A calendar date as an announcement writes it: the year may be missing, the order of a
/// numeric date's day and month may be open, a weekday may be stated.
struct WrittenDate: Sendable, Hashable {
    enum Style: String, Sendable {
        /// `2021-05-04`.
        case iso
        /// `04/05/2021`, `4.5.2024`, `12/6`.
        case numeric
        /// `Wednesday, December 6th, 2023`, `Miércoles 06 de Noviembre`.
        case textual
        /// `today`, `demain`, `hoy`: days after the email was sent (see ``relativeDays``).
        case relative
    }

    /// How a numeric date's first two fields are read.
    enum Order: Sendable, Hashable {
        case dayMonth, monthDay
        /// Both fields are at most 12: decided by context.
        case open(first: Int, second: Int)
    }

    var day: Int
    var month: Int
    var year: Int?
    var weekday: Weekday?
    var style: Style
    var order: Order = .dayMonth
    /// For relative dates: 0 today, 1 tomorrow.
    var relativeDays: Int = 0
    /// As written.
    var text: String

    /// The date with a year, when the fields name one.
    func date(year chosen: Int? = nil) -> PlainDate? {
        guard let year = chosen ?? year else { return nil }
        return PlainDate(year: year, month: month, day: day)
    }

    /// The same date with its open numeric order settled.
    func settled(_ order: Order) -> WrittenDate {
        guard case .open(let first, let second) = self.order else { return self }
        var copy = self
        switch order {
        case .monthDay:
            copy.month = first
            copy.day = second
            copy.order = .monthDay
        default:
            copy.day = first
            copy.month = second
            copy.order = .dayMonth
        }
        return copy
    }
}

/// A wall-clock time as written, already on the 24-hour clock.
struct WrittenTime: Sendable, Hashable {
    var hour: Int
    var minute: Int
    var second: Int = 0

    var plainTime: PlainTime? { PlainTime(hour: hour, minute: minute, second: second) }
    var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    /// `19:00`, `16:15`.
    var clock: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// A date found in a line.
struct DateMention: Sendable {
    var date: WrittenDate
    /// Scalar column in the line (0-based) and token span.
    var column: Int
    var tokenStart: Int
    var tokenEnd: Int
}

/// A time or time range found in a line, with the zone written right after it.
struct TimeMention: Sendable {
    var start: WrittenTime
    var end: WrittenTime?
    /// The end was written before the start (`20:30 - 19:00`) and the two were swapped.
    var reversed: Bool = false
    /// An offset the time carries itself (`2024-04-04T12:00:00+02:00`, `14:00 UTC+1`).
    var offset: UTCOffset?
    /// Zone phrases written right after the time, longest first (`["Jerusalem Join Zoom", "Jerusalem Join", "Jerusalem"]`).
    var zoneCandidates: [String] = []
    /// An ISO date-time (`2021-05-04 19:00:00`): calendar data rather than prose.
    var structured: Bool = false
    /// The date written together with the time (ISO date-times), as an index into the line's dates.
    var dateIndex: Int?
    var column: Int
    var tokenStart: Int
    var tokenEnd: Int
    /// As written.
    var text: String
}

/// Every date and time in one line.
struct LineMentions: Sendable {
    var dates: [DateMention] = []
    var times: [TimeMention] = []
    var isEmpty: Bool { dates.isEmpty && times.isEmpty }
}
