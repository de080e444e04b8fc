import Foundation
import Testing
@testable import TalkplanTime

// Expected values come from Python's zoneinfo reading the IANA 2026f TZif files
// TZData/ was built from (tzdata 2026.6 wheel), e.g.
//   datetime.fromisoformat("2024-03-10T08:00:00+00:00").astimezone(ZoneInfo("America/Chicago"))
// and, for gaps and folds, datetime(..., tzinfo=ZoneInfo(z), fold=0/1).astimezone(timezone.utc).

private func instant(_ text: String) -> Instant { try! Instant(iso8601: text) }
private func wall(_ text: String) -> PlainDateTime { try! PlainDateTime(iso8601: text) }
private func offset(_ text: String) -> UTCOffset { try! UTCOffset(iso8601: text) }

@Suite("tz data")
struct TZDataTests {
    @Test("ICU runs on exactly the tz version pinned in TZData/VERSION")
    func versionMatchesPinnedData() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let pinned = try String(contentsOf: root.appendingPathComponent("TZData/VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(TZDatabase.loadError == nil)
        #expect(TZDatabase.version == pinned)
        #expect(TZDatabase.pinnedVersion == pinned)
        #expect(pinned >= "2025b")
    }

    @Test("rules changed since ICU's built-in 2022e are in effect",
          arguments: [
            ("America/Mexico_City", "2023-07-01T12:00:00Z", "2023-07-01T06:00:00-06:00"),  // no DST since 2022 (tz 2022f)
            ("America/Asuncion", "2025-07-01T12:00:00Z", "2025-07-01T09:00:00-03:00"),     // permanent -03 (tz 2025a)
            ("Africa/Cairo", "2023-07-01T12:00:00Z", "2023-07-01T15:00:00+03:00"),         // DST resumed 2023 (tz 2023a)
            ("America/Nuuk", "2024-01-15T12:00:00Z", "2024-01-15T10:00:00-02:00"),         // -02 standard since 2023 (tz 2022g/2023a)
            ("Asia/Almaty", "2024-06-01T12:00:00Z", "2024-06-01T17:00:00+05:00"),          // Kazakhstan unified on +05 (tz 2024a)
            ("America/Ciudad_Juarez", "2024-01-15T12:00:00Z", "2024-01-15T05:00:00-07:00"),// zone new in tz 2022g
            ("America/Coyhaique", "2025-07-01T12:00:00Z", "2025-07-01T09:00:00-03:00"),    // zone new in tz 2025b
          ])
    func currentRules(zone: String, utc: String, local: String) throws {
        let z = try Zone(zone)
        #expect(ZonedDateTime(instant(utc), in: z).isoString == local)
    }
}

@Suite("zones")
struct ZoneTests {
    @Test("UTC to local, at and around transitions",
          arguments: [
            ("America/Chicago", "2024-03-10T08:00:00Z", "2024-03-10T03:00:00-05:00"),
            ("America/Chicago", "2024-03-10T07:59:59Z", "2024-03-10T01:59:59-06:00"),
            ("America/Santiago", "2024-09-08T04:00:00Z", "2024-09-08T01:00:00-03:00"),
            ("America/Santiago", "2024-09-08T03:59:59Z", "2024-09-07T23:59:59-04:00"),
            ("America/Santiago", "2024-04-07T03:00:00Z", "2024-04-06T23:00:00-04:00"),
            ("Europe/Paris", "2024-04-04T10:00:00Z", "2024-04-04T12:00:00+02:00"),
            ("Asia/Jerusalem", "2021-05-04T16:00:00Z", "2021-05-04T19:00:00+03:00"),
            ("Europe/Zurich", "2021-05-10T14:30:00Z", "2021-05-10T16:30:00+02:00"),
            ("Europe/Dublin", "2024-01-15T12:00:00Z", "2024-01-15T12:00:00+00:00"),
            ("Europe/Dublin", "2024-07-15T12:00:00Z", "2024-07-15T13:00:00+01:00"),
            ("America/Chicago", "2100-07-01T12:00:00Z", "2100-07-01T07:00:00-05:00"),
            ("Australia/Lord_Howe", "2024-01-01T00:00:00Z", "2024-01-01T11:00:00+11:00"),
          ])
    func utcToLocal(zone: String, utc: String, local: String) throws {
        let z = try Zone(zone)
        #expect(ZonedDateTime(instant(utc), in: z).isoString == local)
        #expect(ZonedDateTime(instant(utc), in: z).isoString == ZonedDateTime(instant(utc), in: z).isoString)
        #expect(z.table().offset(at: instant(utc)) == z.offset(at: instant(utc)))
    }

    @Test("gaps and folds are modelled explicitly",
          arguments: [
            // zone, wall time, kind, offset before, offset after
            ("America/Chicago", "2024-03-10T02:30:00", "gap", "-06:00", "-05:00"),
            ("America/Chicago", "2024-11-03T01:30:00", "fold", "-05:00", "-06:00"),
            ("America/Santiago", "2024-09-08T00:30:00", "gap", "-04:00", "-03:00"),
            ("America/Santiago", "2024-04-06T23:30:00", "fold", "-03:00", "-04:00"),
            ("Europe/Paris", "2024-03-31T02:30:00", "gap", "+01:00", "+02:00"),
            ("Europe/Paris", "2024-10-27T02:30:00", "fold", "+02:00", "+01:00"),
            ("Asia/Jerusalem", "2024-03-29T02:30:00", "gap", "+02:00", "+03:00"),
            ("Asia/Jerusalem", "2024-10-27T01:30:00", "fold", "+03:00", "+02:00"),
            ("Europe/Zurich", "2024-10-27T02:30:00", "fold", "+02:00", "+01:00"),
          ])
    func resolution(zone: String, local: String, kind: String, before: String, after: String) throws {
        let z = try Zone(zone)
        let expected: LocalResolution = kind == "gap"
            ? .gap(before: offset(before), after: offset(after))
            : .fold(before: offset(before), after: offset(after))
        #expect(z.resolve(wall(local)) == expected)
        #expect(z.table().resolve(localSeconds: wall(local).localEpochSeconds) == expected)
    }

    @Test("a unique wall time resolves to its single offset")
    func unique() throws {
        let z = try Zone("America/Chicago")
        #expect(z.resolve(wall("2024-07-01T12:00:00")) == .unique(offset("-05:00")))
        #expect(z.table().resolve(localSeconds: wall("2024-07-01T12:00:00").localEpochSeconds) == .unique(offset("-05:00")))
    }

    @Test("disambiguation follows Temporal (zoneinfo fold=0 is compatible)",
          arguments: [
            // zone, wall, compatible, earlier, later
            ("America/Chicago", "2024-03-10T02:30:00", "2024-03-10T08:30:00Z", "2024-03-10T07:30:00Z", "2024-03-10T08:30:00Z"),
            ("America/Chicago", "2024-11-03T01:30:00", "2024-11-03T06:30:00Z", "2024-11-03T06:30:00Z", "2024-11-03T07:30:00Z"),
            ("America/Santiago", "2024-09-08T00:30:00", "2024-09-08T04:30:00Z", "2024-09-08T03:30:00Z", "2024-09-08T04:30:00Z"),
            ("America/Santiago", "2024-04-06T23:30:00", "2024-04-07T02:30:00Z", "2024-04-07T02:30:00Z", "2024-04-07T03:30:00Z"),
            ("Europe/Paris", "2024-03-31T02:30:00", "2024-03-31T01:30:00Z", "2024-03-31T00:30:00Z", "2024-03-31T01:30:00Z"),
            ("Asia/Jerusalem", "2024-10-27T01:30:00", "2024-10-26T22:30:00Z", "2024-10-26T22:30:00Z", "2024-10-26T23:30:00Z"),
          ])
    func disambiguation(zone: String, local: String, compatible: String, earlier: String, later: String) throws {
        let z = try Zone(zone)
        #expect(try z.instant(for: wall(local)) == instant(compatible))
        #expect(try z.instant(for: wall(local), disambiguation: .compatible) == instant(compatible))
        #expect(try z.instant(for: wall(local), disambiguation: .earlier) == instant(earlier))
        #expect(try z.instant(for: wall(local), disambiguation: .later) == instant(later))
        #expect(throws: TimeError.self) { try z.instant(for: wall(local), disambiguation: .reject) }
    }

    @Test("reject explains the gap or fold with the values involved")
    func rejectMessages() throws {
        let chicago = try Zone("America/Chicago")
        #expect(throws: TimeError(message: "02:30 on 2024-03-10 does not exist in America/Chicago (gap 02:00–03:00)")) {
            try chicago.instant(for: wall("2024-03-10T02:30:00"), disambiguation: .reject)
        }
        #expect(throws: TimeError(message: "01:30 on 2024-11-03 is ambiguous in America/Chicago (fold 01:00–02:00, at -05:00 then -06:00)")) {
            try chicago.instant(for: wall("2024-11-03T01:30:00"), disambiguation: .reject)
        }
        let santiago = try Zone("America/Santiago")
        #expect(throws: TimeError(message: "00:30 on 2024-09-08 does not exist in America/Santiago (gap 00:00–01:00)")) {
            try santiago.instant(for: wall("2024-09-08T00:30:00"), disambiguation: .reject)
        }
    }

    @Test("aliases resolve to the IANA canonical zone",
          arguments: [("US/Central", "America/Chicago"), ("Asia/Calcutta", "Asia/Kolkata"),
                      ("Europe/Kiev", "Europe/Kyiv"), ("America/Chicago", "America/Chicago"),
                      ("Israel", "Asia/Jerusalem"), ("UTC", "Etc/UTC"),
                      // Links across countries (tzdata.zi "L Europe/Brussels Europe/Amsterdam") are not
                      // followed: zone.tab still lists these IDs for their countries.
                      ("Europe/Amsterdam", "Europe/Amsterdam"), ("Europe/Stockholm", "Europe/Stockholm")])
    func aliases(alias: String, canonical: String) throws {
        #expect(try Zone(alias).identifier == canonical)
    }

    @Test("unknown zones are errors, never a silent UTC",
          arguments: ["Mars/Olympus", "", "America/Chicag", "Etc/Unknown", "GMT+99", String(repeating: "A/", count: 500)])
    func unknown(name: String) {
        #expect(throws: TimeError.self) { try Zone(name) }
    }

    @Test("the unknown-zone message names the zone")
    func unknownMessage() {
        #expect(throws: TimeError(message: "unknown time zone \"Mars/Olympus\"")) { try Zone("Mars/Olympus") }
    }

    @Test("transitions: Chicago 2024 has exactly its two DST changes")
    func transitions() throws {
        let z = try Zone("America/Chicago")
        let list = z.transitions(from: instant("2024-01-01T00:00:00Z"), to: instant("2025-01-01T00:00:00Z"))
        #expect(list.map(\.instant) == [instant("2024-03-10T08:00:00Z"), instant("2024-11-03T07:00:00Z")])
        #expect(list.first?.offsetBefore == offset("-06:00"))
        #expect(list.first?.offsetAfter == offset("-05:00"))
        #expect(z.nextTransition(after: instant("2024-03-10T08:00:00Z"))?.instant == instant("2024-11-03T07:00:00Z"))
        #expect(z.previousTransition(before: instant("2024-03-10T08:00:00Z"))?.instant == instant("2023-11-05T07:00:00Z"))
    }

    @Test("zoned date-times print as RFC 9557")
    func zonedDescription() throws {
        let paris = try Zone("Europe/Paris")
        let talk = try ZonedDateTime(wall("2024-04-04T12:00:00"), in: paris)
        #expect(talk.instant == instant("2024-04-04T10:00:00Z"))
        #expect(talk.description == "2024-04-04T12:00:00+02:00[Europe/Paris]")
        #expect(talk.in(try Zone("America/Chicago")).isoString == "2024-04-04T05:00:00-05:00")
    }

    @Test("fixed-offset zones")
    func fixed() {
        let zone = Zone.fixed(UTCOffset(hours: -3)!)
        #expect(zone.identifier == "-03:00")
        #expect(zone.ianaIdentifier == nil)
        #expect(zone.resolve(wall("2024-03-10T02:30:00")) == .unique(offset("-03:00")))
    }

    @Test("compiled tables agree with ICU for every zone on a sweep of instants")
    func tablesAgreeWithICU() throws {
        var generator = SplitMix64(seed: 0x7a1c_2026)
        for id in ["America/Chicago", "Europe/Paris", "Europe/Zurich", "Asia/Jerusalem", "America/Santiago",
                   "Australia/Lord_Howe", "Africa/Casablanca", "Europe/Dublin", "Pacific/Apia", "America/Nuuk"] {
            let zone = try Zone(id)
            let table = zone.table()
            for _ in 0..<2_000 {
                // 1800 … 2600, across the 1900 bucket start and the 2500 fold-back horizon.
                let seconds = Int64(generator.next() % 25_000_000_000) - 5_364_662_400
                #expect(table.offsetSeconds(at: seconds) == zone.offset(at: Instant(seconds: seconds)).seconds,
                        "\(id) at \(seconds)")
                let local = PlainDateTime(localEpochSeconds: seconds)
                #expect(table.resolve(localSeconds: seconds) == zone.resolve(local), "\(id) wall \(local)")
            }
        }
    }
}

/// A small deterministic generator for reproducible sweeps.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("calendar names")
struct CalendarNamesTests {
    // CLDR's month and weekday names (cldr-json main/<locale>/ca-gregorian.json), checked by hand.
    @Test func spanishMonths() {
        let months = CalendarNames.months(locale: "es")
        #expect(months.count == 12)
        #expect(months[0] == "enero")
        #expect(months[10] == "noviembre")
    }

    @Test func frenchMonthsAndWeekdays() {
        #expect(CalendarNames.months(locale: "fr")[3] == "avril")
        #expect(CalendarNames.months(locale: "fr")[9] == "octobre")
        #expect(CalendarNames.weekdays(locale: "fr")[.thursday] == "jeudi")
    }

    @Test func englishWeekdaysAreMondayFirst() {
        let names = CalendarNames.weekdays(locale: "en")
        #expect(names.names == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
        #expect(CalendarNames.weekdays(locale: "es")[.wednesday] == "miércoles")
        #expect(CalendarNames.months(locale: "en", abbreviated: true)[8] == "Sep")
    }
}

@Suite("bulk conversion")
struct BulkConversionTests {
    @Test("bulk, parallel and per-call paths agree with ICU, and fields are right")
    func bulkAgrees() throws {
        var generator = SplitMix64(seed: 7)
        let seconds = (0..<200_000).map { _ in Int64(generator.next() % 20_000_000_000) - 4_000_000_000 }
        for id in ["America/Santiago", "Asia/Jerusalem", "Europe/Zurich", "Australia/Lord_Howe"] {
            let zone = try Zone(id)
            let table = zone.table()
            let offsets = table.offsets(of: seconds)
            var parallel = [Int32](repeating: 0, count: seconds.count)
            seconds.withUnsafeBufferPointer { input in
                parallel.withUnsafeMutableBufferPointer { table.parallelOffsets(of: input, into: $0, threads: 2) }
            }
            #expect(offsets == parallel)
            let fields = table.civilFields(of: seconds)
            for index in stride(from: 0, to: seconds.count, by: 97) {
                let instant = Instant(seconds: seconds[index])
                let expected = zone.offset(at: instant)
                #expect(offsets[index] == expected.seconds, "\(id) at \(seconds[index])")
                let wall = instant.plainDateTime(at: expected)
                #expect(fields[index].plainDateTime == wall)
                #expect(Int(fields[index].weekday) == wall.date.weekday.rawValue)
            }
        }
    }

    @Test("civil fields of a known instant (Python: datetime.fromtimestamp(1710057600, ZoneInfo('America/Chicago')))")
    func knownFields() throws {
        let fields = try Zone("America/Chicago").table().civilFields(of: [1_710_057_600])[0]
        #expect(fields == CivilFields(year: 2024, month: 3, day: 10, hour: 3, minute: 0, second: 0, weekday: 7, offset: -18_000))
    }

    @Test("local to UTC in bulk marks refused wall times")
    func bulkLocal() throws {
        let table = try Zone("America/Chicago").table()
        // 2024-03-10T02:30 (gap), 2024-11-03T01:30 (fold), 2024-07-01T12:00; Python zoneinfo: fold=0 / fold=1.
        let walls: [Int64] = [1_710_037_800, 1_730_597_400, 1_719_835_200]
        var out = [Int64](repeating: 0, count: 3)
        let refused = walls.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { table.instants(fromLocal: input, .reject, into: $0) }
        }
        #expect(refused == 2)
        #expect(out == [Int64.min, Int64.min, 1_719_853_200])
        _ = walls.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { table.instants(fromLocal: input, .later, into: $0) }
        }
        #expect(out == [1_710_059_400, 1_730_619_000, 1_719_853_200])
    }
}
