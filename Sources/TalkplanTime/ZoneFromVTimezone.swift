/// Zones as iCalendar (RFC 5545) VTIMEZONE components.
extension Zone {
    /// The zone's VTIMEZONE component as ICU writes it from the pinned tz data: CRLF lines,
    /// `TZID` set to ``identifier``, the observance in effect at `start` and every later one
    /// (the whole history when `start` is `nil`). `nil` for a fixed-offset zone, which
    /// iCalendar writes as UTC times instead.
    ///
    /// ```swift
    /// let text = try Zone("Europe/Paris").iCalendarTimeZone(from: Instant(iso8601: "2024-04-04T10:00:00Z"))!
    /// // BEGIN:VTIMEZONE
    /// // TZID:Europe/Paris
    /// // ...
    /// // BEGIN:DAYLIGHT
    /// // TZOFFSETFROM:+0100
    /// // TZOFFSETTO:+0200
    /// // TZNAME:CEST
    /// // DTSTART:19810329T020000
    /// // RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
    /// // END:DAYLIGHT
    /// // ...
    /// ```
    public func iCalendarTimeZone(from start: Instant? = nil) -> String? {
        guard let id = ianaIdentifier else { return nil }
        return ICUBridge.vtimezone(ofZone: id, from: start)
    }
}

extension Zone {
    /// The tz database's abbreviation for the zone at an instant (`CEST`, `CST`), or `nil`
    /// for a fixed-offset zone or when the tz database has only a numeric one (`-03`).
    ///
    /// ```swift
    /// try Zone("Europe/Paris").abbreviation(at: Instant(iso8601: "2024-07-01T00:00:00Z"))   // "CEST"
    /// ```
    public func abbreviation(at instant: Instant) -> String? {
        guard let id = ianaIdentifier else { return nil }
        let type: ICUBridge.NameType = isDaylightSavingTime(at: instant) ? .shortDaylight : .shortStandard
        guard let name = ICUBridge.displayName(ofZone: id, type: type, at: instant, locale: "@tzdb"),
              !name.isEmpty, name.first?.isLetter == true
        else { return nil }
        return name
    }
}
