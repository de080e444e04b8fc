import TalkplanRecurrence
import TalkplanTime

/// A talk found in an announcement, before any recurrence is expanded.
///
/// The fields mirror `talkplan extract --json` (see the scripting contract):
///
/// ```swift
/// let talk = result.talks[0]
/// talk.start                  // 2024-04-04T10:00:00Z
/// talk.localStart?.description // "2024-04-04T12:00:00+02:00"
/// talk.zone?.identifier       // "Europe/Paris"
/// ```
public struct Talk: Sendable, Hashable {
    /// Stable id: the iCalendar UID when there is one, else derived from source and start.
    public var id: String
    public var title: String?
    /// Speaker name, affiliation allowed ("Lénaïc Chizat (EPFL)").
    public var speaker: String?
    public var start: Instant
    public var end: Instant
    /// True when the source gave no end and `end` is `start` plus a default duration.
    public var endEstimated: Bool
    /// True for a date-only (all-day) event.
    public var allDay: Bool
    /// The IANA zone the wall time was resolved in; `nil` for a fixed UTC offset or a non-IANA VTIMEZONE.
    public var zone: Zone?
    /// The start in the source's own zone, with its offset.
    public var localStart: OffsetDateTime
    /// Physical place, as written.
    public var location: String?
    /// Join or livestream links, in the order found, without duplicates.
    public var online: [String]
    public var mode: AttendanceMode
    /// RRULE text when the talk repeats.
    public var recurrence: String?
    /// Everything needed to expand the series (RRULE, RDATE, EXDATE, overrides), when the talk repeats
    /// or has overrides; `nil` for a one-off talk.
    public var recurrenceSet: RecurrenceSet?
    public var status: TalkStatus
    /// iCalendar SEQUENCE (0 when absent): a higher one supersedes a lower one of the same id.
    public var sequence: Int
    /// The announcement's own link (iCalendar URL, the web page), when there is one.
    public var url: String?
    /// Free text describing the talk (abstract), as written.
    public var details: String?
    /// Where the talk was found.
    public var source: SourceLocation
    /// Every guess and every disagreement, lower-case, with the values involved.
    public var warnings: [String]

    public init(id: String, title: String? = nil, speaker: String? = nil, start: Instant, end: Instant,
                endEstimated: Bool = false, allDay: Bool = false, zone: Zone?, localStart: OffsetDateTime,
                location: String? = nil, online: [String] = [], mode: AttendanceMode = .unknown,
                recurrence: String? = nil, recurrenceSet: RecurrenceSet? = nil, status: TalkStatus = .confirmed, sequence: Int = 0,
                url: String? = nil, details: String? = nil, source: SourceLocation, warnings: [String] = []) {
        self.id = id
        self.title = title
        self.speaker = speaker
        self.start = start
        self.end = end
        self.endEstimated = endEstimated
        self.allDay = allDay
        self.zone = zone
        self.localStart = localStart
        self.location = location
        self.online = online
        self.mode = mode
        self.recurrence = recurrence
        self.recurrenceSet = recurrenceSet
        self.status = status
        self.sequence = sequence
        self.url = url
        self.details = details
        self.source = source
        self.warnings = warnings
    }
}

/// How a talk can be attended.
public enum AttendanceMode: String, Sendable, Hashable, CaseIterable {
    case inPerson = "in-person"
    case online
    case hybrid
    case unknown

    /// The mode implied by having a physical location and/or online links.
    ///
    /// ```swift
    /// AttendanceMode(hasLocation: true, hasOnlineLink: true)   // .hybrid
    /// ```
    public init(hasLocation: Bool, hasOnlineLink: Bool) {
        switch (hasLocation, hasOnlineLink) {
        case (true, true): self = .hybrid
        case (true, false): self = .inPerson
        case (false, true): self = .online
        case (false, false): self = .unknown
        }
    }
}

/// Whether a talk takes place (iCalendar STATUS).
public enum TalkStatus: String, Sendable, Hashable {
    case confirmed, tentative, cancelled
}

/// A place in an input: file (or `-` for stdin), 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as compilers print it.
    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found while reading an input. Readers never stop at the first one:
/// they record it and go on with what they can still read.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }
    public var severity: Severity
    public var location: SourceLocation
    /// Lower-case, with the values involved: "missing END:VEVENT for BEGIN:VEVENT at line 12".
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
