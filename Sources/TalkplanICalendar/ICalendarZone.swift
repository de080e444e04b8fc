import TalkplanTime

/// The zone an iCalendar time is read in: a tz database zone (or a fixed offset), or a
/// zone computed from the file's own VTIMEZONE.
///
/// ```swift
/// let zone = ICalendarZone.tz(try Zone("Europe/Paris"))
/// zone.ianaIdentifier   // "Europe/Paris"
/// zone.resolve(PlainDateTime(year: 2024, month: 4, day: 4, hour: 12)!)   // .unique(+02:00)
/// ```
public enum ICalendarZone: Sendable, Hashable, CustomStringConvertible {
    case tz(Zone)
    case custom(ICalendarCustomZone)

    /// The IANA ID, or `nil` for a fixed offset or a file's own zone.
    public var ianaIdentifier: String? {
        if case .tz(let zone) = self { return zone.ianaIdentifier }
        return nil
    }

    /// The tz zone, or `nil` for a file's own zone.
    public var zone: Zone? {
        if case .tz(let zone) = self { return zone }
        return nil
    }

    /// The IANA ID, the fixed offset (`+01:00`) or the file's TZID.
    public var description: String {
        switch self {
        case .tz(let zone): zone.identifier
        case .custom(let zone): zone.tzid
        }
    }

    /// The offset in effect at an instant.
    public func offset(at instant: Instant) -> UTCOffset {
        switch self {
        case .tz(let zone): zone.offset(at: instant)
        case .custom(let zone): zone.offset(at: instant)
        }
    }

    /// How a wall time maps to instants.
    public func resolve(_ dateTime: PlainDateTime) -> LocalResolution {
        switch self {
        case .tz(let zone): zone.resolve(dateTime)
        case .custom(let zone): zone.resolve(dateTime)
        }
    }

    /// Why a wall time is not unique: "02:30 on 2024-03-10 does not exist in America/Chicago (gap 02:00–03:00)".
    public func problem(with dateTime: PlainDateTime, _ resolution: LocalResolution) -> String {
        switch self {
        case .tz(let zone):
            return zone.rejection(of: dateTime, resolution).message
        case .custom(let zone):
            let clock = Self.clock(dateTime.time)
            switch resolution {
            case .unique:
                return "\(clock) on \(dateTime.date) is not ambiguous in \(quoted(zone.tzid))"
            case .gap(let before, let after):
                var message = "\(clock) on \(dateTime.date) does not exist in \(quoted(zone.tzid))"
                if let transition = zone.transition(before: dateTime.instant(at: before)) {
                    message += " (gap \(Self.clock(transition.at.plainDateTime(at: before).time))–\(Self.clock(transition.at.plainDateTime(at: after).time)))"
                }
                return message
            case .fold(let before, let after):
                return "\(clock) on \(dateTime.date) is ambiguous in \(quoted(zone.tzid)) (at \(before) then \(after))"
            }
        }
    }

    static func clock(_ time: PlainTime) -> String {
        ICalendarDateTime.pad(Int(time.hour), 2) + ":" + ICalendarDateTime.pad(Int(time.minute), 2)
    }
}
