import TalkplanTime

/// A VTIMEZONE as a file defines it: its TZID and observances (STANDARD and DAYLIGHT
/// sub-components), before anything is computed from them.
///
/// ```swift
/// let definition = ICalendarTimeZoneDefinition(vtimezone)!
/// definition.tzid                      // "Customized Time Zone"
/// definition.observances[0].offsetTo   // +01:00
/// ```
public struct ICalendarTimeZoneDefinition: Sendable, Hashable {
    /// One STANDARD or DAYLIGHT observance: from its onsets on, wall clocks read `offsetTo`.
    public struct Observance: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case standard = "STANDARD", daylight = "DAYLIGHT" }
        public var kind: Kind
        /// DTSTART: the first onset, a wall time in `offsetFrom`.
        public var start: PlainDateTime
        public var offsetFrom: UTCOffset
        public var offsetTo: UTCOffset
        /// TZNAME values ("CET", "CEST").
        public var names: [String]
        /// The RRULE giving later onsets, if any.
        public var rule: ICalendarRecurrenceRule?
        /// RDATE onsets, wall times in `offsetFrom`.
        public var dates: [PlainDateTime]
        public var location: ICalendarSourceLocation?
    }

    public var tzid: String
    public var observances: [Observance]
    /// The component as read.
    public var component: ICalendarComponent

    public var location: ICalendarSourceLocation? { component.location }

    public init(tzid: String, observances: [Observance], component: ICalendarComponent) {
        self.tzid = tzid
        self.observances = observances
        self.component = component
    }

    /// Reads a VTIMEZONE component; `nil` when it has no TZID. Observances that cannot be
    /// read are left out (``ICalendarReader`` reports them).
    public init?(_ component: ICalendarComponent) {
        var log = DiagnosticLog()
        guard let definition = Self.read(component, log: &log, file: "-") else { return nil }
        self = definition
    }

    /// Reads a VTIMEZONE component; `nil` (with an error) when it has no TZID. Observances
    /// that cannot be read (no DTSTART, a bad offset) are reported and left out.
    static func read(_ component: ICalendarComponent, log: inout DiagnosticLog, file: String) -> ICalendarTimeZoneDefinition? {
        let here = component.location ?? ICalendarSourceLocation(file: file, line: 1)
        guard let tzid = component.first("TZID")?.value.trimmingICalendarWhitespace(), !tzid.isEmpty else {
            log.error(here, "VTIMEZONE without a TZID; ignored")
            return nil
        }
        var observances: [Observance] = []
        for sub in component.components {
            guard let kind = Observance.Kind(rawValue: sub.name) else { continue }
            let at = sub.location ?? here
            func required(_ name: String) -> ICalendarProperty? {
                guard let property = sub.first(name) else {
                    log.error(at, "\(kind.rawValue) of VTIMEZONE \(quoted(tzid)) has no \(name); observance ignored")
                    return nil
                }
                return property
            }
            guard let startProperty = required("DTSTART"), let fromProperty = required("TZOFFSETFROM"),
                  let toProperty = required("TZOFFSETTO")
            else { continue }
            var notes: [String] = []
            do throws(ICalendarValueError) {
                let start = try ICalendarDateTime.parse(startProperty.value, tzid: nil, notes: &notes)
                let from = try ICalendarUTCOffset.parse(fromProperty.value)
                let to = try ICalendarUTCOffset.parse(toProperty.value)
                var rule: ICalendarRecurrenceRule?
                if let ruleProperty = sub.first("RRULE") {
                    do throws(ICalendarValueError) {
                        rule = try ICalendarRecurrenceRule.parse(ruleProperty.value, notes: &notes)
                    } catch {
                        log.error(ruleProperty.valueLocation ?? at, "\(error.message); the observance's RRULE is ignored")
                    }
                }
                var dates: [PlainDateTime] = []
                for property in sub.all("RDATE") {
                    for item in ICalendarText.rawList(property.value) {
                        do throws(ICalendarValueError) {
                            if property.valueType == "PERIOD" {
                                dates.append(try ICalendarPeriod.parse(item, tzid: nil).start.dateTime)
                            } else {
                                dates.append(try ICalendarDateTime.parse(item, tzid: nil, notes: &notes).dateTime)
                            }
                        } catch {
                            log.error(property.valueLocation ?? at, error.message)
                        }
                    }
                }
                let names = sub.all("TZNAME").map(\.text)
                observances.append(Observance(kind: kind, start: start.dateTime, offsetFrom: from, offsetTo: to,
                                              names: names, rule: rule, dates: dates, location: at))
            } catch {
                log.error(at, "\(error.message) in \(kind.rawValue) of VTIMEZONE \(quoted(tzid)); observance ignored")
            }
            for note in notes { log.warning(at, note) }
        }
        if observances.isEmpty {
            log.error(here, "VTIMEZONE \(quoted(tzid)) has no usable STANDARD or DAYLIGHT observance")
        }
        return ICalendarTimeZoneDefinition(tzid: tzid, observances: observances, component: component)
    }
}
