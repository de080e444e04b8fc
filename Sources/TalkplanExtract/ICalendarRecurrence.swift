import TalkplanICalendar
import TalkplanRecurrence
import TalkplanTime

/// Builds the recurrence set of an iCalendar series: RRULE, RDATE, EXDATE of the master event,
/// and the overrides (VEVENTs with the same UID and a RECURRENCE-ID) of the same calendar.
///
/// ```swift
/// let (set, warnings) = ICalendarRecurrence.set(for: master, overrides: moved, times: master.times!)
/// set?.occurrences(from: start, to: end)
/// ```
enum ICalendarRecurrence {
    /// The series' recurrence set, or `nil` when the event neither repeats nor has overrides.
    static func set(for event: ICalendarEvent, overrides: [ICalendarEvent], times: ICalendarEventTimes)
        -> (set: RecurrenceSet?, warnings: [String]) {
        guard !event.recurrenceRules.isEmpty || !event.recurrenceDates.isEmpty || !overrides.isEmpty,
              let startValue = event.start
        else { return (nil, []) }
        var warnings: [String] = []
        let zone = seriesZone(times, warnings: &warnings)
        let start: RecurrenceStart
        switch startValue {
        case .date(let date): start = .allDay(date, readIn: zone)
        case .floating(let wall): start = .floating(wall, readIn: zone)
        case .utc: start = .utc(times.start)
        case .zoned(let wall, _): start = .zoned(wall, in: zone)
        }
        var rules: [RecurrenceRule] = []
        for rule in event.recurrenceRules {
            do {
                rules.append(try RecurrenceRule(parsing: rule.text))
            } catch {
                warnings.append("RRULE \(rule.text) is not used: \(error.message)")
            }
        }
        let dates = event.recurrenceDates.map { date -> RecurrenceDate in
            switch date {
            case .dateTime(let value):
                return RecurrenceDate(time(value, series: zone))
            case .period(let period):
                switch period.end {
                case .dateTime(let end): return RecurrenceDate(time(period.start, series: zone), end: .at(time(end, series: zone)))
                case .duration(let duration): return RecurrenceDate(time(period.start, series: zone), end: .after(self.duration(duration)))
                }
            }
        }
        let duration: RecurrenceDuration = times.isAllDay
            ? .nominal(days: max(1, Int((times.end.seconds - times.start.seconds) / 86_400)), seconds: 0)
            : .exact(seconds: max(0, times.end.seconds - times.start.seconds))
        let recurrenceOverrides = overrides.compactMap { override -> RecurrenceOverride? in
            guard let id = override.recurrenceID else { return nil }
            let range: RecurrenceOverride.Range = override.recurrenceRange?.uppercased() == "THISANDFUTURE" ? .thisAndFuture : .thisInstance
            let newStart = override.start.map { time($0, series: zone) }
            let newEnd: RecurrenceDate.End? = override.end.map { .at(time($0, series: zone)) }
                ?? override.duration.map { .after(self.duration($0)) }
            return RecurrenceOverride(recurrenceID: time(id, series: zone), range: range, start: newStart, end: newEnd,
                                      isCancelled: override.isCancelled)
        }
        let set = RecurrenceSet(start: start, duration: duration, rules: rules, dates: dates,
                                exclusions: event.exceptionDates.map { time($0, series: zone) }, overrides: recurrenceOverrides)
        warnings += set.conformanceWarnings
        return (set, warnings)
    }

    /// The zone the series expands in. A file's own VTIMEZONE (no tz zone behind it) is read as the
    /// tz zone its name suggests, else as the fixed offset of the first instance, with a warning.
    static func seriesZone(_ times: ICalendarEventTimes, warnings: inout [String]) -> Zone {
        if let zone = times.zone.zone { return zone }
        let name = times.zone.description
        if let guess = ICalendarTZID.guess(name) {
            warnings.append("the series in the file's own zone \"\(name)\" is expanded in \(guess.zone.identifier), the zone its name suggests")
            return guess.zone
        }
        let offset = times.localStart.offset
        warnings.append("the series in the file's own zone \"\(name)\" is expanded at the fixed offset \(offset) of its first instance")
        return Zone.fixed(offset)
    }

    static func time(_ value: ICalendarDateTime, series zone: Zone) -> RecurrenceTime {
        switch value {
        case .date(let date): return .date(date)
        case .floating(let wall): return .floating(wall)
        case .utc(let wall): return .utc(wall.instant(at: .zero))
        case .zoned(let wall, let tzid):
            if let reading = ICalendarTZID.identify(tzid) ?? ICalendarTZID.guess(tzid) { return .zoned(wall, reading.zone) }
            return .zoned(wall, zone)
        }
    }

    static func duration(_ value: ICalendarDuration) -> RecurrenceDuration {
        .nominal(days: value.nominalDays, seconds: value.exactSeconds)
    }
}
