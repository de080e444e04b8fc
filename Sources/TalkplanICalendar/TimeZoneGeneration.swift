import TalkplanTime

/// VTIMEZONE components generated from the tz data (by ICU) for the TZIDs a calendar uses.
enum TimeZoneGeneration {
    /// Properties whose values are times that a TZID applies to.
    static let timeProperties: Set<String> = ["DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "RDATE", "EXDATE"]

    /// Every TZID used outside VTIMEZONEs, with the earliest wall time it is used for.
    static func usedTZIDs(in component: ICalendarComponent) -> [String: PlainDateTime?] {
        var used: [String: PlainDateTime?] = [:]
        var stack: [ICalendarComponent] = [component]
        while let current = stack.popLast() {
            for property in current.properties {
                guard let tzid = property.parameter("TZID"), !tzid.isEmpty else { continue }
                var earliest: PlainDateTime? = used[tzid] ?? nil
                if timeProperties.contains(property.name) {
                    for item in ICalendarText.rawList(property.value) {
                        let text = item.split(separator: "/").first.map(String.init) ?? String(item)
                        guard let value = try? ICalendarDateTime.parse(text, tzid: tzid) else { continue }
                        let wall = value.dateTime
                        if earliest == nil || wall < earliest! { earliest = wall }
                    }
                }
                used[tzid] = .some(earliest)
            }
            stack += current.components.filter { $0.name != "VTIMEZONE" }.reversed()
        }
        return used
    }

    /// The VTIMEZONE of a tz zone under a given TZID, covering times from `earliest` on
    /// (the whole history when `nil`); `nil` when the TZID is no tz zone.
    static func vtimezone(tzid: String, zone: Zone, earliest: PlainDateTime?) -> ICalendarComponent? {
        // RFC 5545 wants the observance in effect at the earliest time listed with its onset, and
        // ICU lists the onsets after `start`: start over a year earlier (every zone with daylight
        // time changes at least yearly; a zone without lists its last onset whatever the start).
        let start = earliest.map { $0.instant(at: .zero).adding(seconds: -400 * 86_400) }
        guard let text = zone.iCalendarTimeZone(from: start) else { return nil }
        let parsed: (components: [ICalendarComponent], diagnostics: [ICalendarDiagnostic]) = ICalendarParser.parse(Array(text.utf8), file: "tz data")
        guard var component = parsed.components.first(where: { $0.name == "VTIMEZONE" }) else { return nil }
        component.properties.removeAll { $0.name == "X-TZINFO" }
        // ICU names observances "(STD)" and "(DST)": use the tz database's abbreviations.
        for index in component.components.indices {
            var observance = component.components[index]
            observance.properties.removeAll { $0.name == "TZNAME" }
            if let start = observance.first("DTSTART").flatMap({ try? ICalendarDateTime.parse($0.value, tzid: nil) }),
               let to = observance.first("TZOFFSETTO").flatMap({ try? ICalendarUTCOffset.parse($0.value) }),
               let name = zone.abbreviation(at: start.dateTime.instant(at: to).adding(seconds: 86_400)) {
                let position = observance.properties.firstIndex { $0.name == "DTSTART" } ?? observance.properties.count
                observance.properties.insert(ICalendarProperty("TZNAME", value: name), at: position)
            }
            component.components[index] = observance
        }
        if let index = component.properties.firstIndex(where: { $0.name == "TZID" }) {
            component.properties[index].value = tzid
        } else {
            component.properties.insert(ICalendarProperty("TZID", value: tzid), at: 0)
        }
        return stripLocations(component)
    }

    /// A VTIMEZONE for a fixed offset: one STANDARD observance that never changes.
    static func fixed(tzid: String, offset: UTCOffset) -> ICalendarComponent {
        let text = ICalendarUTCOffset.text(offset)
        let observance = ICalendarComponent("STANDARD", properties: [
            ICalendarProperty("DTSTART", value: "19700101T000000"),
            ICalendarProperty("TZOFFSETFROM", value: text),
            ICalendarProperty("TZOFFSETTO", value: text),
        ])
        return ICalendarComponent("VTIMEZONE", properties: [ICalendarProperty("TZID", value: tzid)], components: [observance])
    }

    static func stripLocations(_ component: ICalendarComponent) -> ICalendarComponent {
        var copy = component
        copy.location = nil
        copy.properties = copy.properties.map {
            var property = $0
            property.location = nil
            property.valueLocation = nil
            return property
        }
        copy.components = copy.components.map(stripLocations)
        return copy
    }
}
