import TalkplanTime

/// A VEVENT, its properties decoded, its times resolved.
///
/// Everything is also kept in ``component`` as read, so that writing reproduces the event
/// exactly; recurrence data is decoded but never expanded here.
///
/// ```swift
/// let event = document.events[0]
/// event.uid                       // "17436-1712232000-1712239200@www.math.ens.psl.eu"
/// event.summary                   // "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)"
/// event.start                     // .zoned(2024-04-04T12:00:00, tzid: "Europe/Paris")
/// event.times?.start              // 2024-04-04T10:00:00Z
/// event.times?.zone.ianaIdentifier // "Europe/Paris"
/// ```
public struct ICalendarEvent: Sendable, Hashable {
    /// The VEVENT as read.
    public var component: ICalendarComponent
    public var uid: String?
    public var summary: String?
    public var description: String?
    public var location: String?
    public var url: String?
    public var organizer: ICalendarOrganizer?
    public var start: ICalendarDateTime?
    public var end: ICalendarDateTime?
    public var duration: ICalendarDuration?
    /// STATUS, upper-case (`CONFIRMED`, `TENTATIVE`, `CANCELLED`), or `nil`.
    public var status: String?
    /// SEQUENCE, 0 when absent.
    public var sequence: Int
    public var recurrenceRules: [ICalendarRecurrenceRule]
    public var recurrenceDates: [ICalendarRecurrenceDate]
    public var exceptionDates: [ICalendarDateTime]
    /// RECURRENCE-ID, when this VEVENT overrides one occurrence of a recurring event.
    public var recurrenceID: ICalendarDateTime?
    /// RECURRENCE-ID's RANGE parameter (`THISANDFUTURE`), upper-case.
    public var recurrenceRange: String?
    public var categories: [String]
    /// CONFERENCE properties (RFC 7986).
    public var conferences: [ICalendarConference]
    /// The resolved start and end; `nil` when DTSTART is missing or unreadable.
    public var times: ICalendarEventTimes?

    /// Where BEGIN:VEVENT is.
    public var sourceLocation: ICalendarSourceLocation? { component.location }

    /// Whether STATUS is CANCELLED (or the calendar's METHOD is CANCEL).
    public var isCancelled: Bool { status == "CANCELLED" }
}

/// An ORGANIZER: its address (usually `mailto:`) and CN.
public struct ICalendarOrganizer: Sendable, Hashable {
    public var address: String
    public var name: String?

    /// The e-mail address without `mailto:`, when it is one.
    public var email: String? {
        let lower = address.lowercased()
        return lower.hasPrefix("mailto:") ? String(address.dropFirst(7)) : (address.contains("@") ? address : nil)
    }
}

/// A CONFERENCE property (RFC 7986): a URI to join, its features and label.
public struct ICalendarConference: Sendable, Hashable {
    public var uri: String
    /// FEATURE values, upper-case (`AUDIO`, `VIDEO`, `SCREEN`, `CHAT`, `MODERATOR`, `PHONE`, `FEED`).
    public var features: [String]
    public var label: String?
}

/// One RDATE value: a date, a date-time or a period.
public enum ICalendarRecurrenceDate: Sendable, Hashable {
    case dateTime(ICalendarDateTime)
    case period(ICalendarPeriod)

    /// The start of the occurrence.
    public var start: ICalendarDateTime {
        switch self {
        case .dateTime(let value): value
        case .period(let period): period.start
        }
    }
}

/// An event's start and end as instants, with the zone its times were read in.
public struct ICalendarEventTimes: Sendable, Hashable {
    public var start: Instant
    public var end: Instant
    /// True when the event gives neither DTEND nor DURATION (or an unusable one) and `end`
    /// is `start` plus the default duration.
    public var endEstimated: Bool
    /// True for a DATE start (an all-day event): `start` is midnight in ``zone``.
    public var isAllDay: Bool
    /// The zone the start was read in (for a UTC start: the calendar's X-WR-TIMEZONE, else UTC).
    public var zone: ICalendarZone
    /// The start as a wall time in ``zone``, with its offset.
    public var localStart: OffsetDateTime
    /// Every guess and repair made reading the times, lower-case.
    public var warnings: [String]
}
