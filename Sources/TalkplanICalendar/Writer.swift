import TalkplanTime

/// Writes iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting
/// a UTF-8 sequence, parameters quoted where needed, and a VTIMEZONE for every TZID used.
/// Output is deterministic: the same input gives the same bytes (nothing depends on the
/// clock; generated VTIMEZONEs are ordered by TZID).
///
/// Writing a personal calendar:
///
/// ```swift
/// let paris = try Zone("Europe/Paris")
/// let talk = ICalendarEventDraft(
///     uid: "17436-1712232000-1712239200@www.math.ens.psl.eu",
///     stamp: try Instant(iso8601: "2024-04-01T00:00:00Z"),
///     start: .zoned(ZonedDateTime(try Instant(iso8601: "2024-04-04T10:00:00Z"), in: paris)),
///     end: .zoned(ZonedDateTime(try Instant(iso8601: "2024-04-04T12:00:00Z"), in: paris)),
///     summary: "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)")
/// let writer = ICalendarWriter()
/// let text = writer.text(writer.calendar([talk], name: "My talks"))
/// // BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talkplan//talkplan//EN\r\n...
/// // BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n...
/// // DTSTART;TZID=Europe/Paris:20240404T120000\r\n...
/// ```
///
/// Writing back what was read (every property and parameter is kept):
///
/// ```swift
/// let document = ICalendarReader.read(bytes, file: "feed.ics")
/// let text = ICalendarWriter().text(document.components)
/// ```
public struct ICalendarWriter: Sendable {
    /// PRODID of the calendars ``calendar(_:name:properties:)`` makes.
    public var productID: String
    /// Whether ``text(_:)`` adds a VTIMEZONE (from the tz data) for each TZID a VCALENDAR
    /// uses without defining it.
    public var addsTimeZones: Bool

    public init(productID: String = "-//talkplan//talkplan//EN", addsTimeZones: Bool = true) {
        self.productID = productID
        self.addsTimeZones = addsTimeZones
    }

    /// The text of components, one after the other.
    public func text(_ components: [ICalendarComponent]) -> String {
        var output = ""
        for component in components {
            let complete = addsTimeZones && component.name == "VCALENDAR" ? Self.addingTimeZones(to: component).calendar : component
            write(complete, into: &output)
        }
        return output
    }

    /// The text of one component.
    public func text(_ component: ICalendarComponent) -> String { text([component]) }

    /// The UTF-8 bytes of components.
    public func bytes(_ components: [ICalendarComponent]) -> [UInt8] { Array(text(components).utf8) }

    /// A VCALENDAR (VERSION, PRODID, CALSCALE, optional name, extra properties) holding events.
    /// ``text(_:)`` adds their VTIMEZONEs.
    public func calendar(_ events: [ICalendarEventDraft], name: String? = nil,
                         properties: [ICalendarProperty] = []) -> ICalendarComponent {
        var calendar = ICalendarComponent("VCALENDAR", properties: [
            ICalendarProperty("VERSION", value: "2.0"),
            ICalendarProperty("PRODID", value: productID),
            ICalendarProperty("CALSCALE", value: "GREGORIAN"),
        ])
        if let name {
            calendar.properties.append(.text("NAME", name))
            calendar.properties.append(.text("X-WR-CALNAME", name))
        }
        calendar.properties += properties
        calendar.components = events.map(\.component)
        return calendar
    }

    /// A copy of a VCALENDAR with a VTIMEZONE for each TZID it uses without defining one,
    /// generated from the tz data for the times it is used at and inserted after the existing
    /// VTIMEZONEs, ordered by TZID. A TZID is read as ``ICalendarReader`` reads it (a tz ID,
    /// alias, Windows name, ... else a guess from the name, as for `Eastern`), so that the
    /// written file means what talkplan understood; a fixed offset (`GMT+0530`) gets a
    /// one-observance VTIMEZONE. TZIDs that name no zone at all are returned in `unresolved`.
    public static func addingTimeZones(to calendar: ICalendarComponent) -> (calendar: ICalendarComponent, unresolved: [String]) {
        let defined = Set(calendar.components(named: "VTIMEZONE").compactMap { $0.first("TZID")?.value.trimmingICalendarWhitespace() })
        var generated: [ICalendarComponent] = []
        var unresolved: [String] = []
        for (tzid, earliest) in TimeZoneGeneration.usedTZIDs(in: calendar).sorted(by: { $0.key < $1.key }) where !defined.contains(tzid) {
            guard let reading = ICalendarTZID.identify(tzid) ?? ICalendarTZID.guess(tzid),
                  let component = reading.zone.fixedOffset.map({ TimeZoneGeneration.fixed(tzid: tzid, offset: $0) })
                    ?? TimeZoneGeneration.vtimezone(tzid: tzid, zone: reading.zone, earliest: earliest)
            else {
                unresolved.append(tzid)
                continue
            }
            generated.append(component)
        }
        guard !generated.isEmpty else { return (calendar, unresolved) }
        var copy = calendar
        let index = copy.components.firstIndex { $0.name != "VTIMEZONE" } ?? copy.components.count
        copy.components.insert(contentsOf: generated, at: index)
        return (copy, unresolved)
    }

    /// Writes a component and its sub-components, iteratively.
    private func write(_ component: ICalendarComponent, into output: inout String) {
        enum Step { case open(ICalendarComponent), close(String) }
        var steps: [Step] = [.open(component)]
        while let step = steps.popLast() {
            switch step {
            case .open(let current):
                output += "BEGIN:\(current.name)\r\n"
                for property in current.properties { output += ICalendarFolding.line(property) }
                steps.append(.close(current.name))
                for child in current.components.reversed() { steps.append(.open(child)) }
            case .close(let name):
                output += "END:\(name)\r\n"
            }
        }
    }
}
