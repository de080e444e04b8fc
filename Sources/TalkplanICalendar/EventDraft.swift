import TalkplanTime

/// An event to write: what talkplan knows about a talk, turned into a VEVENT.
///
/// ```swift
/// let draft = ICalendarEventDraft(uid: "talk-1@example.org", stamp: stamp,
///                                 start: .zoned(ZonedDateTime(start, in: try Zone("America/Chicago"))),
///                                 end: .instant(end), summary: "Feature learning")
/// draft.component.first("DTSTART")?.value   // "20231206T103000"
/// ```
public struct ICalendarEventDraft: Sendable, Hashable {
    /// How a time is written.
    public enum Time: Sendable, Hashable {
        /// In UTC (`20240404T100000Z`).
        case instant(Instant)
        /// As a wall time with `TZID` set to the zone's IANA ID; a fixed-offset zone is written in UTC.
        case zoned(ZonedDateTime)
        /// A date (`VALUE=DATE`), for all-day events.
        case date(PlainDate)
        /// A wall time without zone.
        case floating(PlainDateTime)

        func property(_ name: String) -> ICalendarProperty {
            switch self {
            case .instant(let instant):
                return ICalendarProperty(name, value: ICalendarDateTime.utc(instant).valueText)
            case .zoned(let zoned):
                guard let id = zoned.zone.ianaIdentifier else {
                    return ICalendarProperty(name, value: ICalendarDateTime.utc(zoned.instant).valueText)
                }
                return ICalendarProperty(name, parameters: [ICalendarParameter("TZID", id)],
                                         value: ICalendarDateTime.floating(zoned.dateTime).valueText)
            case .date(let date):
                return ICalendarProperty(name, parameters: [ICalendarParameter("VALUE", "DATE")],
                                         value: ICalendarDateTime.date(date).valueText)
            case .floating(let wall):
                return ICalendarProperty(name, value: ICalendarDateTime.floating(wall).valueText)
            }
        }
    }

    public var uid: String
    /// DTSTAMP: when this description of the event was made (given, so output is deterministic).
    public var stamp: Instant
    public var start: Time
    public var end: Time?
    public var summary: String?
    public var description: String?
    public var location: String?
    public var url: String?
    /// STATUS (`CONFIRMED`, `TENTATIVE`, `CANCELLED`).
    public var status: String?
    public var sequence: Int
    public var categories: [String]
    /// Join links, written as CONFERENCE properties (RFC 7986).
    public var conferences: [String]
    public var organizer: ICalendarOrganizer?
    /// An RRULE, as text.
    public var recurrenceRule: String?
    /// Any further properties, written last, in order.
    public var extraProperties: [ICalendarProperty]

    public init(uid: String, stamp: Instant, start: Time, end: Time? = nil, summary: String? = nil,
                description: String? = nil, location: String? = nil, url: String? = nil, status: String? = nil,
                sequence: Int = 0, categories: [String] = [], conferences: [String] = [],
                organizer: ICalendarOrganizer? = nil, recurrenceRule: String? = nil,
                extraProperties: [ICalendarProperty] = []) {
        self.uid = uid
        self.stamp = stamp
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
        self.sequence = sequence
        self.categories = categories
        self.conferences = conferences
        self.organizer = organizer
        self.recurrenceRule = recurrenceRule
        self.extraProperties = extraProperties
    }

    /// The VEVENT.
    public var component: ICalendarComponent {
        var properties: [ICalendarProperty] = [
            .text("UID", uid),
            ICalendarProperty("DTSTAMP", value: ICalendarDateTime.utc(stamp).valueText),
            start.property("DTSTART"),
        ]
        if let end { properties.append(end.property("DTEND")) }
        if let summary { properties.append(.text("SUMMARY", summary)) }
        if let description { properties.append(.text("DESCRIPTION", description)) }
        if let location { properties.append(.text("LOCATION", location)) }
        if let url { properties.append(ICalendarProperty("URL", value: url)) }
        if let organizer {
            properties.append(ICalendarProperty("ORGANIZER", parameters: organizer.name.map { [ICalendarParameter("CN", $0)] } ?? [],
                                                value: organizer.address))
        }
        if let status { properties.append(ICalendarProperty("STATUS", value: status.uppercased())) }
        if sequence != 0 { properties.append(ICalendarProperty("SEQUENCE", value: String(sequence))) }
        if !categories.isEmpty {
            properties.append(ICalendarProperty("CATEGORIES", value: categories.map(ICalendarText.escape).joined(separator: ",")))
        }
        for link in conferences {
            properties.append(ICalendarProperty("CONFERENCE", parameters: [ICalendarParameter("VALUE", "URI")], value: link))
        }
        if let recurrenceRule { properties.append(ICalendarProperty("RRULE", value: recurrenceRule)) }
        properties += extraProperties
        return ICalendarComponent("VEVENT", properties: properties)
    }
}
