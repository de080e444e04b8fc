import TalkplanTime

/// A date or date-time as `RDATE`, `EXDATE` and `RECURRENCE-ID` carry it: a value
/// and, for a wall time, its zone.
///
/// ```swift
/// RecurrenceTime.zoned(PlainDateTime(year: 1997, month: 9, day: 2, hour: 9)!, try Zone("America/New_York"))  // TZID=America/New_York:19970902T090000
/// RecurrenceTime.utc(try Instant(iso8601: "1997-07-14T12:30:00Z"))                                        // 19970714T123000Z
/// RecurrenceTime.floating(PlainDateTime(year: 1997, month: 7, day: 14, hour: 8, minute: 30)!)             // 19970714T083000
/// RecurrenceTime.date(PlainDate(year: 1997, month: 12, day: 25)!)                                        // VALUE=DATE:19971225
/// ```
public enum RecurrenceTime: Hashable, Sendable, CustomStringConvertible {
    /// A calendar date (`VALUE=DATE`). As an `EXDATE` or `RECURRENCE-ID` it matches every
    /// instance starting on that date in the series' zone; as an `RDATE` it adds an
    /// occurrence at the start of that day.
    case date(PlainDate)
    /// A wall time with no zone, read in the series' zone.
    case floating(PlainDateTime)
    /// A wall time in a zone (`TZID=`), which may differ from the series' zone.
    case zoned(PlainDateTime, Zone)
    /// A UTC time (`...Z`).
    case utc(Instant)

    /// The instant this value denotes when the series is in `zone` (gaps and folds settled
    /// as RFC 5545 §3.3.5 says: a nonexistent time moves forward, a repeated one is the first).
    ///
    /// ```swift
    /// RecurrenceTime.floating(PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!)
    ///     .instant(in: try Zone("America/Chicago"))  // 2024-03-10T08:30:00Z (03:30 CDT)
    /// ```
    public func instant(in zone: Zone) -> Instant {
        switch self {
        case .date(let date): Self.compatible(PlainDateTime(date: date, time: .midnight), zone)
        case .floating(let dateTime): Self.compatible(dateTime, zone)
        case .zoned(let dateTime, let own): Self.compatible(dateTime, own)
        case .utc(let instant): instant
        }
    }

    /// The zone an occurrence at this value is shown in: its own `TZID`, else the series' zone.
    func displayZone(default zone: Zone) -> Zone {
        if case .zoned(_, let own) = self { return own }
        return zone
    }

    static func compatible(_ dateTime: PlainDateTime, _ zone: Zone) -> Instant {
        compatible(dateTime, table: zone.table())
    }

    /// ``compatible(_:_:)`` with the zone's table already at hand.
    static func compatible(_ dateTime: PlainDateTime, table: ZoneTable) -> Instant {
        let local = PlainDateTime(localEpochSeconds: dateTime.localEpochSeconds)
        let offset = table.resolve(localSeconds: local.localEpochSeconds).offset(for: .compatible) ?? .zero
        return local.instant(at: offset)
    }

    /// RFC 5545 forms: `20240301`, `20240301T150000`, `TZID=America/Santiago:20240301T150000`, `20240301T180000Z`.
    ///
    /// ```swift
    /// "\(RecurrenceTime.utc(try Instant(iso8601: "2024-03-01T18:00:00Z")))"  // "20240301T180000Z"
    /// ```
    public var description: String {
        switch self {
        case .date(let date): RuleText.basic(date)
        case .floating(let dateTime): RuleText.basic(dateTime)
        case .zoned(let dateTime, let zone): "TZID=\(zone.identifier):\(RuleText.basic(dateTime))"
        case .utc(let instant): RuleText.basic(instant.plainDateTime(at: .zero)) + "Z"
        }
    }
}
