import TalkplanTime

extension ICalendarEvent {
    /// Decodes a VEVENT: every value problem is reported at the value's location and the
    /// property left out; the rest of the event is kept.
    static func read(_ component: ICalendarComponent, catalog: ZoneCatalog, log: inout DiagnosticLog) -> ICalendarEvent {
        let file = catalog.file
        let here = component.location ?? ICalendarSourceLocation(file: file, line: 1)
        func at(_ property: ICalendarProperty) -> ICalendarSourceLocation { property.valueLocation ?? property.location ?? here }
        let properties = component.properties
        /// The index of the first property of a name (a warning when there are more).
        func singleIndex(_ name: String) -> Int? {
            var first: Int?
            var second: Int?
            var count = 0
            for index in properties.indices where ByteText.same(properties[index].name, name) {
                count += 1
                if first == nil { first = index } else if second == nil { second = index }
            }
            if let second {
                log.warning(properties[second].location ?? here, "VEVENT at line \(here.line) has \(count) \(name) properties; the first one is used")
            }
            return first
        }
        func single(_ name: String) -> ICalendarProperty? { singleIndex(name).map { properties[$0] } }
        func text(_ name: String) -> String? {
            // Read in place: only the value is touched, the property is not copied.
            guard let index = singleIndex(name) else { return nil }
            let value = ICalendarText.unescape(properties[index].value).trimmingICalendarWhitespace()
            return value.isEmpty ? nil : value
        }
        func dateTime(_ property: ICalendarProperty?) -> ICalendarDateTime? {
            guard let property else { return nil }
            var notes: [String] = []
            defer { for note in notes { log.warning(at(property), note) } }
            do throws(ICalendarValueError) {
                let value = try ICalendarDateTime.parse(property.value, tzid: property.timeZoneID, notes: &notes)
                if property.valueType == "DATE", !value.isDate {
                    notes.append("\(property.name) says VALUE=DATE but gives a time; the time is kept")
                } else if value.isDate, let type = property.valueType, type != "DATE" {
                    notes.append("\(property.name) says VALUE=\(type) but gives a date; read as a date")
                }
                if value.isDate, let tzid = property.timeZoneID {
                    notes.append("TZID \(quoted(tzid)) on the date \(property.value.trimmingICalendarWhitespace()) has no effect")
                }
                return value
            } catch {
                log.error(at(property), "\(property.name): \(error.message)")
                return nil
            }
        }

        let startProperty = single("DTSTART")
        let endProperty = single("DTEND")
        let durationProperty = single("DURATION")
        let start = dateTime(startProperty)
        let end = dateTime(endProperty)
        var duration: ICalendarDuration?
        if let durationProperty {
            do throws(ICalendarValueError) {
                duration = try ICalendarDuration.parse(durationProperty.value)
            } catch {
                log.error(at(durationProperty), "DURATION: \(error.message)")
            }
        }
        var sequence = 0
        if let property = single("SEQUENCE") {
            if let value = Int(property.value.trimmingICalendarWhitespace()), value >= 0 {
                sequence = value
            } else {
                log.warning(at(property), "SEQUENCE \(quoted(property.value)) is not a non-negative integer; 0 is used")
            }
        }
        var rules: [ICalendarRecurrenceRule] = []
        for property in component.all("RRULE") {
            var notes: [String] = []
            do throws(ICalendarValueError) {
                rules.append(try ICalendarRecurrenceRule.parse(property.value, notes: &notes))
            } catch {
                log.error(at(property), "RRULE: \(error.message)")
            }
            for note in notes { log.warning(at(property), note) }
        }
        var dates: [ICalendarRecurrenceDate] = []
        for property in component.all("RDATE") {
            for item in ICalendarText.rawList(property.value) {
                do throws(ICalendarValueError) {
                    if property.valueType == "PERIOD" {
                        dates.append(.period(try ICalendarPeriod.parse(item, tzid: property.timeZoneID)))
                    } else {
                        dates.append(.dateTime(try ICalendarDateTime.parse(item, tzid: property.timeZoneID)))
                    }
                } catch {
                    log.error(at(property), "RDATE: \(error.message)")
                }
            }
        }
        var exceptions: [ICalendarDateTime] = []
        for property in component.all("EXDATE") {
            for item in ICalendarText.rawList(property.value) {
                do throws(ICalendarValueError) {
                    exceptions.append(try ICalendarDateTime.parse(item, tzid: property.timeZoneID))
                } catch {
                    log.error(at(property), "EXDATE: \(error.message)")
                }
            }
        }
        let recurrenceProperty = single("RECURRENCE-ID")
        let organizer = singleIndex("ORGANIZER").map {
            ICalendarOrganizer(address: properties[$0].value.trimmingICalendarWhitespace(), name: properties[$0].parameter("CN"))
        }
        let conferences = component.all("CONFERENCE").map {
            ICalendarConference(uri: $0.value.trimmingICalendarWhitespace(),
                                features: $0.parameterValues("FEATURE").map { $0.uppercased() },
                                label: $0.parameter("LABEL"))
        }
        let categories = component.all("CATEGORIES").flatMap(\.texts)
            .map { $0.trimmingICalendarWhitespace() }.filter { !$0.isEmpty }
        var event = ICalendarEvent(
            component: component,
            uid: text("UID"),
            summary: text("SUMMARY"),
            description: text("DESCRIPTION"),
            location: text("LOCATION"),
            url: singleIndex("URL").map { properties[$0].value.trimmingICalendarWhitespace() }.flatMap { $0.isEmpty ? nil : $0 },
            organizer: organizer,
            start: start, end: end, duration: duration,
            status: text("STATUS")?.uppercased(),
            sequence: sequence,
            recurrenceRules: rules, recurrenceDates: dates, exceptionDates: exceptions,
            recurrenceID: dateTime(recurrenceProperty),
            recurrenceRange: recurrenceProperty?.parameter("RANGE")?.uppercased(),
            categories: categories,
            conferences: conferences,
            times: nil)
        if let start, let startProperty {
            event.times = times(start: start, startProperty: startProperty, end: end, endProperty: endProperty,
                                duration: duration, durationProperty: durationProperty,
                                component: component, catalog: catalog, log: &log)
        } else if startProperty == nil {
            log.error(here, "VEVENT\(event.uid.map { " " + quoted($0) } ?? "") at line \(here.line) has no DTSTART")
        }
        return event
    }

    /// Resolves the start and computes the end: DTEND, else DTSTART + DURATION (days nominal,
    /// in the start's zone), else a day for a date and the default duration otherwise.
    static func times(start: ICalendarDateTime, startProperty: ICalendarProperty,
                      end: ICalendarDateTime?, endProperty: ICalendarProperty?,
                      duration: ICalendarDuration?, durationProperty: ICalendarProperty?,
                      component: ICalendarComponent, catalog: ZoneCatalog, log: inout DiagnosticLog) -> ICalendarEventTimes {
        let resolved = catalog.resolve(start, property: startProperty, event: component, log: &log)
        var warnings = resolved.warnings
        let zone = resolved.zone
        let isAllDay = start.isDate
        var endInstant: Instant?
        var estimated = false
        if let end, let endProperty {
            if durationProperty != nil {
                warnings.append("both DTEND and DURATION are given; DTEND is used")
            }
            if end.isDate != start.isDate {
                warnings.append("DTSTART is a \(start.isDate ? "date" : "date-time") but DTEND a \(end.isDate ? "date" : "date-time")")
            }
            let resolvedEnd: ResolvedTime
            if case .date(let date) = end, start.isDate {
                resolvedEnd = catalog.wallTime(PlainDateTime(date: date, time: .midnight), in: zone)
            } else if end.tzid == nil, !end.isUTC, case .floating = start {
                resolvedEnd = catalog.wallTime(end.dateTime, in: zone)
            } else {
                resolvedEnd = catalog.resolve(end, property: endProperty, event: component, log: &log)
            }
            for warning in resolvedEnd.warnings where !warning.hasPrefix("floating time") && !warning.hasPrefix("all-day date")
                && !warnings.contains(warning) {
                warnings.append(warning)
            }
            if resolvedEnd.instant < resolved.instant {
                warnings.append("DTEND \(end) is before DTSTART \(start); the end is estimated")
            } else {
                endInstant = resolvedEnd.instant
            }
        } else if let duration {
            let days = duration.nominalDays
            var instant = resolved.instant
            if days != 0 {
                let wall = resolved.local.dateTime
                let shifted = PlainDateTime(date: wall.date.adding(days: Int64(days)), time: wall.time)
                instant = catalog.wallTime(shifted, in: zone).instant
            }
            instant = instant.adding(seconds: duration.exactSeconds)
            if instant < resolved.instant {
                warnings.append("DURATION \(duration) is negative; the end is estimated")
            } else {
                endInstant = instant
            }
        }
        if endInstant == nil {
            if isAllDay {
                let wall = resolved.local.dateTime
                endInstant = catalog.wallTime(PlainDateTime(date: wall.date.adding(days: 1), time: .midnight), in: zone).instant
            } else {
                endInstant = resolved.instant.adding(seconds: catalog.options.defaultDuration)
                estimated = true
            }
        }
        return ICalendarEventTimes(start: resolved.instant, end: endInstant!, endEstimated: estimated, isAllDay: isAllDay,
                                   zone: zone, localStart: resolved.local, warnings: warnings)
    }
}

extension ICalendarDateTime {
    var isUTC: Bool {
        if case .utc = self { return true }
        return false
    }
}
