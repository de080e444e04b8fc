import TalkplanTime

/// Options for reading iCalendar data.
///
/// ```swift
/// var options = ICalendarReadOptions()
/// options.defaultZone = try Zone("America/Chicago")   // for floating times nothing else places
/// ```
public struct ICalendarReadOptions: Sendable {
    /// The zone of floating times and dates when the calendar has no X-WR-TIMEZONE
    /// (talkplan's `--default-zone`); it takes precedence over inference.
    public var defaultZone: Zone?
    /// Whether to infer the zone of floating times from what the feed reveals
    /// (see ``ICalendarZoneAssumption``) when nothing states it.
    public var infersZones: Bool = true
    /// The length given to an event with neither DTEND nor DURATION, in seconds.
    public var defaultDuration: Int64 = 3600
    /// How wall times in a gap or a fold are settled (RFC 5545: `compatible`).
    public var disambiguation: Disambiguation = .compatible

    public init(defaultZone: Zone? = nil) {
        self.defaultZone = defaultZone
    }
}

extension Zone {
    /// The IANA ID, `UTC`, or the offset, for messages.
    var displayName: String { self == .utc ? "UTC" : identifier }
}

/// A time read in a zone.
struct ResolvedTime {
    var instant: Instant
    var zone: ICalendarZone
    var warnings: [String]
    /// The zone's offset at `instant`, when already known.
    var offset: UTCOffset?

    init(instant: Instant, zone: ICalendarZone, warnings: [String], offset: UTCOffset? = nil) {
        self.instant = instant
        self.zone = zone
        self.warnings = warnings
        self.offset = offset
    }

    var local: OffsetDateTime { OffsetDateTime(instant: instant, offset: offset ?? zone.offset(at: instant)) }
}

/// The zones of one calendar: its VTIMEZONEs, its TZIDs' readings, and the zone of its
/// floating times. Built once per VCALENDAR; readings are cached per TZID.
final class ZoneCatalog {
    struct TZIDChoice {
        /// The zone, or `nil` when neither a zone nor a VTIMEZONE is known for the TZID.
        var zone: ICalendarZone?
        /// A warning for every time read with this TZID.
        var note: String?
        /// The file's own VTIMEZONE for the TZID, when the zone comes from elsewhere (to compare).
        var fileZone: ICalendarCustomZone?
    }

    let file: String
    let calendar: ICalendarComponent?
    let options: ICalendarReadOptions
    private(set) var definitions: [String: ICalendarTimeZoneDefinition] = [:]
    private var choices: [String: TZIDChoice] = [:]
    /// Distinct TZIDs read per calendar at most; further ones are reported unknown (bounded work).
    static let tzidLimit = 32
    private var lookups = 0
    private var compiled: [String: ICalendarCustomZone] = [:]
    private var calendarAssumption: ICalendarZoneAssumption??
    /// The zone X-WR-TIMEZONE names, once read.
    private var statedZone: Zone?
    /// Compiled tables of the zones many times are read in.
    private var fastTables = BusyZoneTables()

    init(calendar: ICalendarComponent?, file: String, options: ICalendarReadOptions, log: inout DiagnosticLog) {
        self.file = file
        self.calendar = calendar
        self.options = options
        for component in calendar?.components(named: "VTIMEZONE") ?? [] {
            guard let definition = ICalendarTimeZoneDefinition.read(component, log: &log, file: file) else { continue }
            if definitions[definition.tzid] != nil {
                log.warning(component.location ?? ICalendarSourceLocation(file: file, line: 1),
                            "VTIMEZONE \(quoted(definition.tzid)) is defined twice; the first one is used")
                continue
            }
            definitions[definition.tzid] = definition
        }
    }

    /// The file's VTIMEZONE for a TZID: exact, else ignoring quotes, spaces and letter case.
    func definition(for tzid: String) -> ICalendarTimeZoneDefinition? {
        if let exact = definitions[tzid] { return exact }
        let key = ICalendarTZID.clean(tzid).lowercased()
        return definitions.first { ICalendarTZID.clean($0.key).lowercased() == key }?.value
    }

    func customZone(_ definition: ICalendarTimeZoneDefinition, log: inout DiagnosticLog) -> ICalendarCustomZone {
        if let zone = compiled[definition.tzid] { return zone }
        var notes: [String] = []
        let zone = ICalendarCustomZone(definition, notes: &notes)
        for note in notes { log.warning(definition.location ?? ICalendarSourceLocation(file: file, line: 1), note) }
        compiled[definition.tzid] = zone
        return zone
    }

    /// How a TZID is read: a tz zone (IANA, alias, prefixed, Windows), the file's VTIMEZONE,
    /// a guess from the name, or nothing.
    func choice(for tzid: String, at location: ICalendarSourceLocation, log: inout DiagnosticLog) -> TZIDChoice {
        if let known = choices[tzid] { return known }
        lookups += 1
        guard lookups <= Self.tzidLimit else {
            if lookups == Self.tzidLimit + 1 {
                log.warning(location, "more than \(Self.tzidLimit) different TZIDs in one calendar; TZID \(quoted(tzid)) and later ones are not looked up")
            }
            choices[tzid] = TZIDChoice(zone: nil, note: nil, fileZone: nil)
            return choices[tzid]!
        }
        let definition = definition(for: tzid)
        let fileZone = definition.map { customZone($0, log: &log) }
        var choice: TZIDChoice
        if let reading = ICalendarTZID.identify(tzid) {
            var note: String?
            if reading.isGuess && fileZone == nil {
                note = "TZID \(quoted(tzid)) read as \(reading.zone.identifier) (\(reading.detail))"
            }
            choice = TZIDChoice(zone: .tz(reading.zone), note: note, fileZone: fileZone)
        } else if let fileZone {
            choice = TZIDChoice(zone: .custom(fileZone), note: nil, fileZone: nil)
        } else if let guess = ICalendarTZID.guess(tzid) {
            let message = "unknown TZID \(quoted(tzid)) (no tz zone of that name and no VTIMEZONE for it in the file); read as \(guess.zone.identifier) (\(guess.detail))"
            log.warning(location, message)
            choice = TZIDChoice(zone: .tz(guess.zone), note: message, fileZone: nil)
        } else {
            log.warning(location, "unknown TZID \(quoted(tzid)): no tz zone of that name and no VTIMEZONE for it in the file")
            choice = TZIDChoice(zone: nil, note: nil, fileZone: nil)
        }
        choices[tzid] = choice
        return choice
    }

    /// The zone for times that carry none, for an event: X-WR-TIMEZONE, the default zone,
    /// inference, else UTC.
    func assumption(for event: ICalendarComponent?, log: inout DiagnosticLog) -> ICalendarZoneAssumption {
        if calendarAssumption == nil {
            var found: ICalendarZoneAssumption?
            if let property = calendar?.first("X-WR-TIMEZONE") {
                let name = property.text.trimmingICalendarWhitespace()
                let location = property.valueLocation ?? property.location ?? ICalendarSourceLocation(file: file, line: 1)
                if let reading = ICalendarTZID.identify(name) ?? ICalendarTZID.guess(name) {
                    found = ICalendarZoneAssumption(zone: reading.zone, reason: "the calendar's X-WR-TIMEZONE")
                    statedZone = reading.zone
                    if reading.isGuess { log.warning(location, "X-WR-TIMEZONE \(quoted(name)) read as \(reading.zone.identifier) (\(reading.detail))") }
                } else {
                    log.warning(location, "unknown zone \(quoted(name)) in X-WR-TIMEZONE; ignored")
                }
            }
            if found == nil, let zone = options.defaultZone {
                found = ICalendarZoneAssumption(zone: zone, reason: "the default zone")
            }
            calendarAssumption = .some(found)
        }
        if let stated = calendarAssumption! { return stated }
        if options.infersZones, let inferred = FloatingZoneInference.infer(calendar: calendar, event: event) {
            return ICalendarZoneAssumption(zone: inferred.zone, reason: "inferred: " + inferred.reason)
        }
        return ICalendarZoneAssumption(zone: .utc, reason: "as no zone is given and none could be inferred")
    }

    /// The zone the calendar states for presenting UTC times (X-WR-TIMEZONE), if any.
    func presentationZone(log: inout DiagnosticLog) -> Zone? {
        _ = assumption(for: nil, log: &log)
        return statedZone
    }

    /// Reads a DATE or DATE-TIME as an instant.
    func resolve(_ value: ICalendarDateTime, property: ICalendarProperty, event: ICalendarComponent?,
                 log: inout DiagnosticLog) -> ResolvedTime {
        let location = property.location ?? ICalendarSourceLocation(file: file, line: 1)
        switch value {
        case .utc(let dateTime):
            let instant = dateTime.instant(at: .zero)
            let zone = presentationZone(log: &log).map(ICalendarZone.tz) ?? .tz(.utc)
            return ResolvedTime(instant: instant, zone: zone, warnings: [])
        case .zoned(let dateTime, let tzid):
            let choice = choice(for: tzid, at: location, log: &log)
            guard let zone = choice.zone else {
                let assumed = assumption(for: event, log: &log)
                var time = wallTime(dateTime, in: .tz(assumed.zone))
                time.warnings.insert("unknown TZID \(quoted(tzid)): \(property.name) \(dateTime) read in \(assumed.zone.displayName), \(assumed.reason)", at: 0)
                return time
            }
            var time = wallTime(dateTime, in: zone)
            if let note = choice.note { time.warnings.insert(note, at: 0) }
            if let fileZone = choice.fileZone, fileZone.covers(time.instant) {
                let fileInstant = fileZone.resolve(dateTime).instant(for: dateTime, .compatible) ?? time.instant
                if fileInstant != time.instant {
                    let fileOffset = fileZone.offset(at: fileInstant)
                    time.warnings.append("the file's VTIMEZONE \(quoted(tzid)) puts \(property.name) \(dateTime) at \(fileOffset) (\(fileInstant)), the tz data for \(zone) at \(time.local.offset) (\(time.instant)); the tz data is used")
                }
            }
            return time
        case .floating(let dateTime):
            let assumed = assumption(for: event, log: &log)
            var time = wallTime(dateTime, in: .tz(assumed.zone))
            time.warnings.insert("floating time \(dateTime) read in \(assumed.zone.displayName), \(assumed.reason)", at: 0)
            return time
        case .date(let date):
            let assumed = assumption(for: event, log: &log)
            var time = wallTime(PlainDateTime(date: date, time: .midnight), in: .tz(assumed.zone))
            time.warnings.insert("all-day date \(date) read in \(assumed.zone.displayName), \(assumed.reason)", at: 0)
            return time
        }
    }

    /// A wall time in a zone, a gap or fold settled by the options' disambiguation (with a warning).
    func wallTime(_ dateTime: PlainDateTime, in zone: ICalendarZone) -> ResolvedTime {
        if case .tz(let tz) = zone, let seconds = fastTables.uniqueOffset(in: tz, atLocal: dateTime.localEpochSeconds),
           let offset = UTCOffset(seconds: seconds) {
            return ResolvedTime(instant: dateTime.instant(at: offset), zone: zone, warnings: [], offset: offset)
        }
        let resolution = zone.resolve(dateTime)
        var disambiguation = options.disambiguation
        if disambiguation == .reject { disambiguation = .compatible }
        let instant = resolution.instant(for: dateTime, disambiguation) ?? dateTime.instant(at: zone.offset(at: dateTime.instant(at: .zero)))
        var time = ResolvedTime(instant: instant, zone: zone, warnings: [])
        if !resolution.isUnique {
            time.warnings.append("\(zone.problem(with: dateTime, resolution)); read as \(time.local) (\(disambiguation.rawValue))")
        }
        return time
    }
}

/// The compiled tables (``ZoneTable``) of the zones a calendar reads many wall times in.
///
/// Compiling a zone costs far more than reading one time through ICU, so a zone gets its table
/// only once ``threshold`` times have been read in it: a feed of a few events never pays for
/// one, a feed of thousands reads most times with a table lookup. The table gives an answer
/// only for a wall time with a single offset; gaps and folds still go through ``Zone/resolve(_:)``.
struct BusyZoneTables {
    /// Reads in a zone before its table is compiled.
    static let threshold = 256
    private var entries: [(identifier: String, reads: Int, table: ZoneTable?)] = []

    /// The offset of a wall time (local seconds) from the zone's table, when the zone is busy
    /// enough to have one and the wall time has a single offset; `nil` otherwise.
    mutating func uniqueOffset(in zone: Zone, atLocal local: Int64) -> Int32? {
        let identifier = zone.identifier
        guard let index = entries.firstIndex(where: { ByteText.same($0.identifier, identifier) }) else {
            if zone.ianaIdentifier != nil, entries.count < ZoneCatalog.tzidLimit { entries.append((identifier, 1, nil)) }
            return nil
        }
        if entries[index].table == nil {
            entries[index].reads += 1
            guard entries[index].reads >= Self.threshold else { return nil }
            entries[index].table = zone.table()
        }
        // Read in place: a table is not copied for each lookup.
        return entries[index].table?.uniqueOffset(atLocal: local)
    }
}
