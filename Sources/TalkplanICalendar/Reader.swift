import TalkplanTime

/// A VCALENDAR: its calendar properties, time zones and events.
///
/// ```swift
/// let calendar = ICalendarReader.read(bytes, file: "feed.ics").calendars[0]
/// calendar.productID       // "-//Google Inc//Google Calendar 70.9054//EN"
/// calendar.timeZoneName    // "Europe/Zurich"
/// calendar.timeZones.map(\.tzid)   // ["Europe/Zurich"]
/// ```
public struct ICalendarCalendar: Sendable, Hashable {
    /// The VCALENDAR as read.
    public var component: ICalendarComponent
    public var timeZones: [ICalendarTimeZoneDefinition]
    public var events: [ICalendarEvent]

    /// PRODID.
    public var productID: String? { component.first("PRODID")?.text }
    /// METHOD, upper-case (`PUBLISH`, `REQUEST`, `CANCEL`).
    public var method: String? { component.first("METHOD")?.value.trimmingICalendarWhitespace().uppercased() }
    /// X-WR-CALNAME (or NAME, RFC 7986).
    public var name: String? { (component.first("NAME") ?? component.first("X-WR-CALNAME"))?.text }
    /// X-WR-TIMEZONE as written.
    public var timeZoneName: String? { component.first("X-WR-TIMEZONE")?.text }
}

/// Everything read from one iCalendar input.
///
/// ```swift
/// let document = ICalendarReader.read(bytes, file: "feed.ics")
/// document.events.count          // every VEVENT of every VCALENDAR
/// document.hasErrors             // true when some of the input could not be used
/// ICalendarWriter().text(document.components)   // the same calendar, written back
/// ```
public struct ICalendarDocument: Sendable {
    /// The input's name (a path, or `-`).
    public var file: String
    /// The top-level components as read (normally one VCALENDAR), unknown ones included.
    public var components: [ICalendarComponent]
    /// The calendars, decoded. Components found outside any VCALENDAR form one more.
    public var calendars: [ICalendarCalendar]
    public var diagnostics: [ICalendarDiagnostic]

    /// Every event of every calendar, in order.
    public var events: [ICalendarEvent] { calendars.count == 1 ? calendars[0].events : calendars.flatMap(\.events) }

    /// Whether some of the input could not be used.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads iCalendar (RFC 5545) data as real producers write it.
///
/// ```swift
/// let document = ICalendarReader.read(bytes, file: "ens.ics")
/// for event in document.events {
///     print(event.summary ?? "untitled", event.times?.start as Any, event.times?.zone as Any)
/// }
/// // ENS-Data Science colloquium - Lénaïc Chizat (EPFL) 2024-04-04T10:00:00Z Europe/Paris
/// for diagnostic in document.diagnostics { print(diagnostic) }   // talks.ics:12:9: error: ...
/// ```
///
/// Reading never stops at a problem: each one is reported with its file, line and column,
/// and the rest is read. Work is bounded whatever the input (see ``ICalendarLimits``).
public enum ICalendarReader {
    public static func read(_ bytes: [UInt8], file: String, options: ICalendarReadOptions = ICalendarReadOptions()) -> ICalendarDocument {
        var log = DiagnosticLog()
        let (components, end) = ICalendarParser.parse(bytes, file: file, log: &log)
        var calendars: [ICalendarCalendar] = []
        var loose: [ICalendarComponent] = []
        for component in components {
            if component.name == "VCALENDAR" {
                calendars.append(calendar(component, file: file, options: options, log: &log))
            } else {
                loose.append(component)
            }
        }
        if !loose.isEmpty {
            let synthetic = ICalendarComponent("VCALENDAR", components: loose, location: loose[0].location)
            calendars.append(calendar(synthetic, file: file, options: options, log: &log))
        }
        if components.isEmpty {
            log.error(ICalendarSourceLocation(file: file, line: 1), "no iCalendar data: BEGIN:VCALENDAR not found")
        }
        return ICalendarDocument(file: file, components: components, calendars: calendars, diagnostics: log.finished(end: end))
    }

    static func calendar(_ component: ICalendarComponent, file: String, options: ICalendarReadOptions,
                         log: inout DiagnosticLog) -> ICalendarCalendar {
        let catalog = ZoneCatalog(calendar: component, file: file, options: options, log: &log)
        var events: [ICalendarEvent] = []
        let children = component.components
        events.reserveCapacity(children.count)
        for index in children.indices where children[index].name == "VEVENT" {
            events.append(ICalendarEvent.read(children[index], catalog: catalog, log: &log))
        }
        let zones = component.components(named: "VTIMEZONE").compactMap { catalog.definition(for: $0.first("TZID")?.value.trimmingICalendarWhitespace() ?? "") }
        return ICalendarCalendar(component: component, timeZones: zones, events: events)
    }
}
