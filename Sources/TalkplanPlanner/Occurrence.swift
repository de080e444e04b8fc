import TalkplanExtract
import TalkplanTime

/// One occurrence of a talk: a one-off talk, or one instance of a series.
///
/// ```swift
/// let occurrence = Occurrence(talk: talk)   // a talk that does not repeat
/// occurrence.id                             // the talk's id
/// ```
public struct Occurrence: Sendable, Hashable {
    /// Unique per occurrence: the talk's id, plus `@` and the recurrence id's instant for a series instance.
    public var id: String
    /// The talk (series) this occurrence belongs to.
    public var talkID: String
    public var title: String?
    public var speaker: String?
    public var start: Instant
    public var end: Instant
    /// The source's zone (`nil` for a fixed offset).
    public var zone: Zone?
    /// The start in the source's own zone.
    public var localStart: OffsetDateTime
    /// For a series instance: the original start that identifies it (RFC 5545 RECURRENCE-ID).
    public var recurrenceID: Instant?
    public var location: String?
    public var online: [String]
    public var mode: AttendanceMode
    public var cancelled: Bool
    /// Words a reader would search: title, speaker, abstract.
    public var text: String

    public init(id: String, talkID: String, title: String?, speaker: String?, start: Instant, end: Instant,
                zone: Zone?, localStart: OffsetDateTime, recurrenceID: Instant? = nil, location: String? = nil,
                online: [String] = [], mode: AttendanceMode = .unknown, cancelled: Bool = false, text: String = "") {
        self.id = id
        self.talkID = talkID
        self.title = title
        self.speaker = speaker
        self.start = start
        self.end = end
        self.zone = zone
        self.localStart = localStart
        self.recurrenceID = recurrenceID
        self.location = location
        self.online = online
        self.mode = mode
        self.cancelled = cancelled
        self.text = text
    }

    /// The single occurrence of a talk that does not repeat (or the first of one that does).
    public init(talk: Talk) {
        self.init(id: talk.id, talkID: talk.id, title: talk.title, speaker: talk.speaker, start: talk.start,
                  end: talk.end, zone: talk.zone, localStart: talk.localStart, location: talk.location,
                  online: talk.online, mode: talk.mode, cancelled: talk.status == .cancelled,
                  text: [talk.title, talk.speaker, talk.details].compactMap { $0 }.joined(separator: " "))
    }

    /// Whether two occurrences share some time (touching end to start is not an overlap).
    public func overlaps(_ other: Occurrence) -> Bool {
        start < other.end && other.start < end
    }
}
