import Testing
@testable import TalkplanTime

// Expected zones are facts checked by hand, never copied from talkplan's output:
// - IDs and aliases: the IANA tz database's `zone.tab` and `backward` file (Link lines);
//   tz 2024b moved CET, EST, MST, HST... to `backward` as links (CET → Europe/Brussels).
// - Windows names: CLDR's windowsZones.xml (the "001" territory of each Windows name, and
//   the per-territory rows, e.g. "W. Europe Standard Time" CH → Europe/Zurich), which follows
//   Microsoft's own list of Windows time zones.
// - Abbreviations: CLDR's timezoneNames (en: CT/CST/CDT...; en_GB: CET/CEST, BST; en_IE: IST;
//   en_IN: IST; en_AU: AEST/AEDT), CLDR's metaZones.xml golden zones ("001": Europe_Central →
//   Europe/Paris, America_Central → America/Chicago, Chile → America/Santiago), and the tz
//   database's own abbreviations (IDT, JST, CLT/CLST as Chile used them until 2016).
// - Cities: CLDR exemplar cities (fr "Jérusalem", de "Zürich", es "Nueva York") and GeoNames'
//   time zone of each city record (Lausanne → Europe/Zurich, Evanston → America/Chicago).
// - Countries: `zone.tab` (one zone for CH, FR, IL, JP, IN) and CLDR's primaryZones
//   (CL → America/Santiago, DE → Europe/Berlin, ES → Europe/Madrid, PT → Europe/Lisbon).

private let resolver = ZoneNameResolver.shared

private func resolved(_ name: String, _ hint: ZoneHint = ZoneHint()) throws -> ZoneResolution {
    try resolver.resolve(name, hint: hint)
}

private func failure(_ name: String, _ hint: ZoneHint = ZoneHint()) -> String? {
    do {
        _ = try resolver.resolve(name, hint: hint)
        return nil
    } catch {
        return error.message
    }
}

private func day(_ year: Int, _ month: Int, _ day: Int) -> PlainDate { PlainDate(year: year, month: month, day: day)! }

private func offset(_ hours: Int, _ minutes: Int = 0) -> UTCOffset {
    let magnitude = UTCOffset(hours: abs(hours), minutes: minutes)!
    return hours < 0 ? UTCOffset(seconds: -magnitude.seconds)! : magnitude
}

@Suite("zone names: the contract's example")
struct ZoneNameContractTests {
    @Test("zones resolve CT Lausanne \"Romance Standard Time\" US/Central Jérusalem")
    func contractExample() throws {
        let names = ["CT", "Lausanne", "Romance Standard Time", "US/Central", "Jérusalem"]
        let zones = try names.map { try resolved($0).zone.identifier }
        #expect(zones == ["America/Chicago", "Europe/Zurich", "Europe/Paris", "America/Chicago", "Asia/Jerusalem"])
        let methods = try names.map { try resolved($0).method }
        #expect(methods == [.abbreviation, .city, .windows, .alias, .city])
    }
}

@Suite("zone names: tz IDs and aliases")
struct ZoneNameIdentifierTests {
    @Test("IDs resolve case-insensitively; aliases follow their link",
          arguments: [
            ("America/Chicago", "America/Chicago", ZoneResolutionMethod.iana),
            ("america/chicago", "America/Chicago", .iana),
            ("EUROPE/ZURICH", "Europe/Zurich", .iana),
            ("US/Central", "America/Chicago", .alias),
            ("us/central", "America/Chicago", .alias),
            ("US/Eastern", "America/New_York", .alias),
            ("US/Pacific", "America/Los_Angeles", .alias),
            ("Asia/Calcutta", "Asia/Kolkata", .alias),
            ("Europe/Kiev", "Europe/Kyiv", .alias),
            ("Asia/Tel_Aviv", "Asia/Jerusalem", .alias),
            ("America/Buenos_Aires", "America/Argentina/Buenos_Aires", .alias),
            ("Chile/Continental", "America/Santiago", .alias),
            ("Canada/Eastern", "America/Toronto", .alias),
            ("Etc/GMT-3", "Etc/GMT-3", .iana),
            ("UTC", "Etc/UTC", .alias),
            ("GMT", "Etc/GMT", .alias),
            ("America/New York", "America/New_York", .iana),
          ])
    func identifiers(name: String, zone: String, method: ZoneResolutionMethod) throws {
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == method)
        #expect(result.abbreviationKind == nil)
    }

    @Test("POSIX Etc/GMT-3 is three hours east; the human GMT-3 three hours west")
    func posixSign() throws {
        let posix = try resolved("Etc/GMT-3").zone
        #expect(posix.offset(at: Instant(seconds: 1_700_000_000)) == offset(3))
        let human = try resolved("GMT-3")
        #expect(human.method == .offset)
        #expect(human.zone.fixedOffset == offset(-3))
    }
}

@Suite("zone names: Windows")
struct ZoneNameWindowsTests {
    @Test("Windows names map to CLDR's default zone",
          arguments: [
            ("Romance Standard Time", "Europe/Paris"),
            ("Pacific SA Standard Time", "America/Santiago"),
            ("Israel Standard Time", "Asia/Jerusalem"),
            ("Central Standard Time", "America/Chicago"),
            ("W. Europe Standard Time", "Europe/Berlin"),
            ("Eastern Standard Time", "America/New_York"),
            ("Pacific Standard Time", "America/Los_Angeles"),
            ("GMT Standard Time", "Europe/London"),
            ("Tokyo Standard Time", "Asia/Tokyo"),
            ("India Standard Time", "Asia/Kolkata"),
            ("AUS Eastern Standard Time", "Australia/Sydney"),
            ("romance standard time", "Europe/Paris"),
            ("  Romance   Standard Time ", "Europe/Paris"),
          ])
    func windows(name: String, zone: String) throws {
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == .windows)
    }

    @Test("a region hint picks Windows' zone for that territory")
    func regional() throws {
        #expect(try resolved("W. Europe Standard Time", ZoneHint(region: "CH")).zone.identifier == "Europe/Zurich")
        #expect(try resolved("W. Europe Standard Time", ZoneHint(region: "it")).zone.identifier == "Europe/Rome")
        #expect(try resolved("Romance Standard Time", ZoneHint(region: "ES")).zone.identifier == "Europe/Madrid")
        #expect(try resolved("Romance Standard Time", ZoneHint(region: "BE")).zone.identifier == "Europe/Brussels")
        #expect(try resolved("Eastern Standard Time", ZoneHint(region: "CA")).zone.identifier == "America/Toronto")
        // A region Windows has no row for keeps the default.
        #expect(try resolved("Romance Standard Time", ZoneHint(region: "JP")).zone.identifier == "Europe/Paris")
    }

    @Test("Windows names win over abbreviation-like readings of the same words")
    func windowsBeforeNames() throws {
        // "Israel Standard Time" is also CLDR's English long name; either way Asia/Jerusalem,
        // but as the Windows name it is not an abbreviation with a kind.
        let result = try resolved("Israel Standard Time")
        #expect(result.method == .windows)
        #expect(result.abbreviationKind == nil)
    }
}

@Suite("zone names: offsets")
struct ZoneNameOffsetTests {
    @Test("explicit offsets give fixed zones",
          arguments: [
            ("UTC+1", 3600),
            ("GMT-3", -10_800),
            ("UTC+05:30", 19_800),
            ("UTC\u{2212}03:00", -10_800),
            ("+02:00", 7200),
            ("-0300", -10_800),
            ("UTC+0530", 19_800),
            ("utc+5:45", 20_700),
            ("UTC -4", -14_400),
            ("GMT+0", 0),
            ("UTC-02", -7200),
          ])
    func offsets(name: String, seconds: Int32) throws {
        let result = try resolved(name)
        #expect(result.zone.fixedOffset?.seconds == seconds || result.zone.offset(at: .unixEpoch).seconds == seconds)
        if name != "GMT+0" { #expect(result.method == .offset) }
    }

    @Test("malformed or out-of-range offsets are unknown names",
          arguments: ["UTC+24", "UTC+5:75", "UTC+", "+", "UTC+1:2", "UTC+123456"])
    func malformed(name: String) {
        #expect(failure(name)?.hasPrefix("unknown time zone") == true)
    }
}

@Suite("zone names: abbreviations")
struct ZoneNameAbbreviationTests {
    @Test("abbreviations and their kinds",
          arguments: [
            ("CT", nil, "America/Chicago", AbbreviationKind.generic),
            ("CST", nil, "America/Chicago", .standard),
            ("CDT", nil, "America/Chicago", .daylight),
            ("ET", nil, "America/New_York", .generic),
            ("EST", nil, "America/New_York", .standard),
            ("EDT", nil, "America/New_York", .daylight),
            ("PT", nil, "America/Los_Angeles", .generic),
            ("PST", nil, "America/Los_Angeles", .standard),
            ("PDT", nil, "America/Los_Angeles", .daylight),
            ("MST", nil, "America/Denver", .standard),
            ("CET", nil, "Europe/Paris", .standard),
            ("CEST", nil, "Europe/Paris", .daylight),
            ("IST", "IL", "Asia/Jerusalem", .standard),
            ("IST", "IN", "Asia/Kolkata", .standard),
            ("IST", "IE", "Europe/Dublin", .daylight),
            ("IDT", nil, "Asia/Jerusalem", .daylight),
            ("CLT", nil, "America/Santiago", .standard),
            ("CLST", nil, "America/Santiago", .daylight),
            ("BST", "GB", "Europe/London", .daylight),
            ("JST", nil, "Asia/Tokyo", .standard),
            ("AEST", nil, "Australia/Sydney", .standard),
            ("AEDT", nil, "Australia/Sydney", .daylight),
            ("NZDT", nil, "Pacific/Auckland", .daylight),
            ("SAST", nil, "Africa/Johannesburg", .standard),
            ("MSK", nil, "Europe/Moscow", .standard),
            ("HKT", nil, "Asia/Hong_Kong", .standard),
            ("SGT", nil, "Asia/Singapore", .standard),
            ("HST", nil, "Pacific/Honolulu", .standard),
            ("AST", nil, "America/Halifax", .standard),
            ("CST", "CN", "Asia/Shanghai", .standard),
            ("CST", "TW", "Asia/Taipei", .standard),
            ("CST", "CU", "America/Havana", .standard),
            ("CET", "CH", "Europe/Zurich", .standard),
            ("CEST", "ES", "Europe/Madrid", .daylight),
            ("cest", nil, "Europe/Paris", .daylight),
          ] as [(String, String?, String, AbbreviationKind)])
    func abbreviations(name: String, region: String?, zone: String, kind: AbbreviationKind) throws {
        let result = try resolved(name, ZoneHint(region: region))
        #expect(result.zone.identifier == zone)
        #expect(result.method == .abbreviation)
        #expect(result.abbreviationKind == kind)
        #expect(result.detail.hasPrefix("abbreviation of "))
    }

    @Test("English time names",
          arguments: [
            ("Eastern Time", "America/New_York", AbbreviationKind.generic),
            ("Central European Summer Time", "Europe/Paris", .daylight),
            ("Central European Time", "Europe/Paris", .generic),
            ("Pacific Daylight Time", "America/Los_Angeles", .daylight),
            ("Chile Time", "America/Santiago", .generic),
            ("Israel Daylight Time", "Asia/Jerusalem", .daylight),
            ("British Summer Time", "Europe/London", .daylight),
            ("Australian Eastern Standard Time", "Australia/Sydney", .standard),
          ])
    func timeNames(name: String, zone: String, kind: AbbreviationKind) throws {
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == .abbreviation)
        #expect(result.abbreviationKind == kind)
    }

    @Test("the offset an abbreviation implies at the hinted date",
          arguments: [
            ("CEST", day(2024, 1, 10), offset(2)),   // daylight name in winter: still +02:00
            ("CET", day(2024, 7, 1), offset(1)),     // standard name in summer: still +01:00
            ("CT", day(2024, 7, 1), offset(-5)),     // generic: whatever Chicago keeps then
            ("CT", day(2024, 1, 10), offset(-6)),
            ("PDT", day(2024, 1, 10), offset(-7)),
            ("IDT", day(2024, 1, 10), offset(3)),
            ("JST", day(2024, 7, 1), offset(9)),
            ("AEDT", day(2024, 7, 1), offset(11)),
            ("AEST", day(2024, 12, 1), offset(10)),
          ])
    func impliedOffset(name: String, date: PlainDate, expected: UTCOffset) throws {
        #expect(try resolved(name, ZoneHint(date: date)).abbreviationOffset == expected)
    }

    @Test("the hinted date decides which zones of the region keep a time")
    func dateMatters() throws {
        // CLDR maps Mountain time in Canada to America/Edmonton; from 2026-11-01 Alberta keeps
        // UTC−6 all year (tz 2026), Central time's offset, so Mountain time is another zone's.
        let before = try resolved("MST", ZoneHint(region: "CA", date: day(2024, 1, 10)))
        #expect(before.zone.identifier == "America/Edmonton")
        let after = try resolved("MST", ZoneHint(region: "CA", date: day(2027, 1, 15)))
        #expect(after.zone.identifier != "America/Edmonton")
        #expect(after.zone.ianaIdentifier?.hasPrefix("America/") == true)
        #expect(after.abbreviationOffset == offset(-7))
    }

    @Test("no date, no implied offset")
    func noDateNoOffset() throws {
        #expect(try resolved("CEST").abbreviationOffset == nil)
    }

    @Test("IST alone is ambiguous between India, Israel and Ireland")
    func istAmbiguous() {
        let message = failure("IST")
        #expect(message?.hasPrefix("\"IST\" is ambiguous: ") == true)
        #expect(message?.contains("Asia/Kolkata (India)") == true)
        #expect(message?.contains("Asia/Jerusalem (Israel)") == true)
        #expect(message?.contains("Europe/Dublin (Ireland)") == true)
        #expect(message?.hasSuffix("; give a region") == true)
    }

    @Test("a region hint that matches no reading does not settle an ambiguity")
    func unrelatedRegion() {
        #expect(failure("IST", ZoneHint(region: "US"))?.contains("is ambiguous") == true)
        // Bering time (tz `BST`) is no US zone's time today, so US does not pick America/Adak.
        #expect(failure("BST", ZoneHint(region: "US"))?.contains("is ambiguous") == true)
        #expect(failure("BST")?.contains("Europe/London") == true)
    }

    @Test("KST is South or North Korea")
    func korea() throws {
        #expect(failure("KST")?.contains("is ambiguous") == true)
        #expect(try resolved("KST", ZoneHint(region: "KR")).zone.identifier == "Asia/Seoul")
        #expect(try resolved("KST", ZoneHint(region: "KP")).zone.identifier == "Asia/Pyongyang")
    }
}

@Suite("zone names: cities")
struct ZoneNameCityTests {
    @Test("cities in several languages, with or without diacritics",
          arguments: [
            ("Lausanne", "Europe/Zurich"),
            ("Jérusalem", "Asia/Jerusalem"),
            ("Jerusalem", "Asia/Jerusalem"),
            ("JERUSALEM", "Asia/Jerusalem"),
            ("ירושלים", "Asia/Jerusalem"),
            ("Genève", "Europe/Zurich"),
            ("Geneve", "Europe/Zurich"),
            ("Geneva", "Europe/Zurich"),
            ("Genf", "Europe/Zurich"),
            ("Ginebra", "Europe/Zurich"),
            ("Bern", "Europe/Zurich"),
            ("Basel", "Europe/Zurich"),
            ("Zürich", "Europe/Zurich"),
            ("Zurich", "Europe/Zurich"),
            ("São Paulo", "America/Sao_Paulo"),
            ("Sao Paulo", "America/Sao_Paulo"),
            ("sao_paulo", "America/Sao_Paulo"),
            ("Santiago", "America/Santiago"),
            ("Valparaíso", "America/Santiago"),
            ("Concepción", "America/Santiago"),
            ("Santiago de Compostela", "Europe/Madrid"),
            ("Barcelona", "Europe/Madrid"),
            ("Montréal", "America/Toronto"),
            ("Montreal", "America/Toronto"),
            ("Tel Aviv", "Asia/Jerusalem"),
            ("Haifa", "Asia/Jerusalem"),
            ("Rehovot", "Asia/Jerusalem"),
            ("Beer Sheva", "Asia/Jerusalem"),
            ("Beersheba", "Asia/Jerusalem"),
            ("Munich", "Europe/Berlin"),
            ("München", "Europe/Berlin"),
            ("Heidelberg", "Europe/Berlin"),
            ("Lyon", "Europe/Paris"),
            ("Grenoble", "Europe/Paris"),
            ("Oxford", "Europe/London"),
            ("Princeton", "America/New_York"),
            ("Pittsburgh", "America/New_York"),
            ("Boston", "America/New_York"),
            ("Evanston", "America/Chicago"),
            ("Austin", "America/Chicago"),
            ("Ann Arbor", "America/Detroit"),
            ("Berkeley", "America/Los_Angeles"),
            ("Stanford", "America/Los_Angeles"),
            ("Seattle", "America/Los_Angeles"),
            ("New York", "America/New_York"),
            ("Nueva York", "America/New_York"),
            ("Moskau", "Europe/Moscow"),
            ("Calcutta", "Asia/Kolkata"),
            ("Kolkata", "Asia/Kolkata"),
            ("Honolulu", "Pacific/Honolulu"),
            ("Mexico City", "America/Mexico_City"),
            ("Ciudad de México", "America/Mexico_City"),
            ("Canberra", "Australia/Sydney"),
          ])
    func cities(name: String, zone: String) throws {
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == .city)
    }

    @Test("the explanation names the matching spelling's locale")
    func detail() throws {
        #expect(try resolved("Jérusalem").detail == "exemplar city of Asia/Jerusalem in fr")
        #expect(try resolved("Zürich").detail == "exemplar city of Europe/Zurich in de")
        #expect(try resolved("Santiago").detail == "exemplar city of America/Santiago in en")
        #expect(try resolved("Lausanne").detail.contains("geonames"))
    }

    @Test("City, REGION forms",
          arguments: [
            ("Chicago, IL", "America/Chicago"),
            ("Santiago, CHILE", "America/Santiago"),
            ("Santiago, Chile", "America/Santiago"),
            ("Santiago, Spain", "Europe/Madrid"),
            ("Cambridge, MA", "America/New_York"),
            ("Cambridge, Massachusetts", "America/New_York"),
            ("Cambridge, UK", "Europe/London"),
            ("Cambridge, England", "Europe/London"),
            ("Boston, MA, USA", "America/New_York"),
            ("Lausanne, Switzerland", "Europe/Zurich"),
            ("Lausanne (Switzerland)", "Europe/Zurich"),
            ("Lausanne, Suisse", "Europe/Zurich"),
            ("EPFL, Lausanne", "Europe/Zurich"),
            ("Haifa, IL", "Asia/Jerusalem"),
            ("Toronto, ON", "America/Toronto"),
            ("Paris, France", "Europe/Paris"),
          ])
    func cityWithRegion(name: String, zone: String) throws {
        #expect(try resolved(name).zone.identifier == zone)
    }

    @Test("Cambridge alone is ambiguous; a region settles it")
    func cambridge() throws {
        let message = failure("Cambridge")
        #expect(message?.contains("Europe/London") == true)
        #expect(message?.contains("America/New_York") == true)
        #expect(try resolved("Cambridge", ZoneHint(region: "GB")).zone.identifier == "Europe/London")
        #expect(try resolved("Cambridge", ZoneHint(region: "US")).zone.identifier == "America/New_York")
    }

    @Test("Santiago is Chile's unless the region is Spain")
    func santiago() throws {
        #expect(try resolved("Santiago", ZoneHint(region: "ES")).zone.identifier == "Europe/Madrid")
        #expect(try resolved("Santiago", ZoneHint(region: "CL")).zone.identifier == "America/Santiago")
        #expect(try resolved("Santiago", ZoneHint(region: "IL")).zone.identifier == "America/Santiago")
        let all = resolver.candidates("Santiago").map(\.zone.identifier)
        #expect(all == ["America/Santiago", "Europe/Madrid"])
    }

    @Test("an unknown city in a single-zone country gives the country's zone")
    func unknownCityKnownCountry() throws {
        let result = try resolved("Zug, Switzerland")
        #expect(result.zone.identifier == "Europe/Zurich")
        #expect(result.method == .country)
    }

    @Test("a city the region does not hold is not taken from elsewhere")
    func wrongRegion() {
        let message = failure("Paris, TX")
        #expect(message?.contains("is ambiguous") == true)
        #expect(message?.contains("Europe/Paris") == false)
    }

    @Test("a place followed by \"time\"",
          arguments: [("Jerusalem time", "Asia/Jerusalem"), ("Chicago local time", "America/Chicago"),
                      ("Lausanne time", "Europe/Zurich"), ("Switzerland time", "Europe/Zurich")])
    func timeSuffix(name: String, zone: String) throws {
        #expect(try resolved(name).zone.identifier == zone)
    }

    @Test("every zone's English exemplar city resolves to that zone")
    func exemplarsRoundTrip() throws {
        var checked = 0
        for zone in ICUBridge.zoneIDs(.canonicalLocation) {
            guard let city = ICUBridge.exemplarCity(ofZone: zone, locale: "en") else { continue }
            let expected = Zone.canonicalIdentifier(zone) ?? zone
            #expect(try resolved(city).zone.identifier == expected, "\(city)")
            checked += 1
        }
        #expect(checked > 300)
    }
}

@Suite("zone names: countries")
struct ZoneNameCountryTests {
    @Test("countries in several languages",
          arguments: [
            ("Chile", "America/Santiago"),
            ("Chili", "America/Santiago"),
            ("Cile", "America/Santiago"),
            ("Israel", "Asia/Jerusalem"),
            ("Israël", "Asia/Jerusalem"),
            ("ישראל", "Asia/Jerusalem"),
            ("Switzerland", "Europe/Zurich"),
            ("Suisse", "Europe/Zurich"),
            ("Schweiz", "Europe/Zurich"),
            ("Svizzera", "Europe/Zurich"),
            ("France", "Europe/Paris"),
            ("Francia", "Europe/Paris"),
            ("Frankreich", "Europe/Paris"),
            ("Germany", "Europe/Berlin"),
            ("Deutschland", "Europe/Berlin"),
            ("Alemania", "Europe/Berlin"),
            ("Spain", "Europe/Madrid"),
            ("España", "Europe/Madrid"),
            ("Portugal", "Europe/Lisbon"),
            ("Japan", "Asia/Tokyo"),
            ("India", "Asia/Kolkata"),
            ("Inde", "Asia/Kolkata"),
            ("Argentina", "America/Argentina/Buenos_Aires"),
            ("United Kingdom", "Europe/London"),
            ("UK", "Europe/London"),
            ("Italia", "Europe/Rome"),
          ])
    func countries(name: String, zone: String) throws {
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == .country)
    }

    @Test("countries of several times are ambiguous, listing one zone per time",
          arguments: ["United States", "Estados Unidos", "Vereinigte Staaten", "USA", "Canada", "Russia", "Brazil",
                      "Australia"])
    func severalZones(name: String) {
        let message = failure(name)
        #expect(message?.hasPrefix("\"\(name)\" is ambiguous: ") == true)
        #expect(message?.contains("give a city or a zone") == true)
    }

    @Test("the United States listing names its main zones")
    func unitedStates() {
        let message = failure("United States") ?? ""
        for zone in ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu"] {
            #expect(message.contains(zone), "\(zone)")
        }
        let candidates = resolver.candidates("United States").map(\.zone.identifier)
        #expect(candidates.first == "America/New_York")
    }

    @Test("a country of several zones named like its capital means the capital")
    func mexico() throws {
        // "Mexico" is the country, and in French also Mexico City.
        let result = try resolved("Mexico")
        #expect(result.zone.identifier == "America/Mexico_City")
    }
}

@Suite("zone names: precedence and collisions")
struct ZoneNameCollisionTests {
    @Test("CET is Central European Time, not the tz link CET")
    func cet() throws {
        let result = try resolved("CET")
        #expect(result.zone.identifier == "Europe/Paris")
        #expect(result.method == .abbreviation)
        // The tz ID stays a candidate (tz 2024b: Link Europe/Brussels CET).
        let ids = resolver.candidates("CET").filter { $0.method == .iana || $0.method == .alias }
        #expect(ids.count == 1)
        #expect(resolver.candidates("CET").first?.zone.identifier == "Europe/Paris")
    }

    @Test("legacy IDs that are abbreviations read as the abbreviation",
          arguments: [("EST", "America/New_York"), ("MST", "America/Denver"), ("HST", "Pacific/Honolulu"),
                      ("EET", "Europe/Bucharest"), ("WET", "Atlantic/Canary")])
    func legacyIDs(name: String, zone: String) throws {
        // CLDR golden zones: Europe_Eastern → Europe/Bucharest, Europe_Western → Atlantic/Canary.
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == .abbreviation)
    }

    @Test("ICU's Java-compatibility IDs are not tz IDs")
    func javaIDs() throws {
        #expect(failure("IST")?.contains("ambiguous") == true)        // ICU's IST is Asia/Kolkata
        #expect(try resolved("AST").zone.identifier == "America/Halifax")  // ICU's AST is America/Anchorage
        #expect(failure("BET")?.hasPrefix("unknown time zone") == true)    // ICU's BET is America/Sao_Paulo
    }

    @Test("UTC's own IDs stay IDs")
    func utcIDs() throws {
        #expect(try resolved("UTC").method == .alias)
        #expect(try resolved("GMT").zone.identifier == "Etc/GMT")
    }

    @Test("a slash-less alias that names a country is reported as the country",
          arguments: [("Israel", "Asia/Jerusalem"), ("Japan", "Asia/Tokyo"), ("Egypt", "Africa/Cairo"), ("Poland", "Europe/Warsaw")])
    func aliasCountries(name: String, zone: String) throws {
        let result = try resolved(name)
        #expect(result.zone.identifier == zone)
        #expect(result.method == .country)
    }

    @Test("Samoa the country is Apia, not the tz alias Pacific/Samoa (Pago Pago)")
    func samoa() throws {
        #expect(try resolved("Samoa").zone.identifier == "Pacific/Apia")
    }

    @Test("the hint changes the answer")
    func hintMatters() throws {
        #expect(try resolved("IST", ZoneHint(region: "IL")).zone != resolved("IST", ZoneHint(region: "IN")).zone)
        #expect(try resolved("CST").zone != resolved("CST", ZoneHint(region: "CN")).zone)
        #expect(try resolved("W. Europe Standard Time").zone != resolved("W. Europe Standard Time", ZoneHint(region: "CH")).zone)
        #expect(try resolved("Santiago").zone != resolved("Santiago", ZoneHint(region: "ES")).zone)
        // Lower-case regions are accepted.
        #expect(try resolved("IST", ZoneHint(region: "il")).zone.identifier == "Asia/Jerusalem")
    }

    @Test("candidates list every reading, the decisive one first")
    func candidates() {
        let ist = resolver.candidates("IST").map(\.zone.identifier)
        #expect(Set(ist) == ["Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"])
        let cst = resolver.candidates("CST").map(\.zone.identifier)
        #expect(cst.first == "America/Chicago")
        #expect(cst.contains("Asia/Shanghai"))
        #expect(resolver.candidates("Israel").first?.method == .country)
        #expect(resolver.candidates("Mars/Olympus").isEmpty)
    }
}

@Suite("zone names: unknown names")
struct ZoneNameUnknownTests {
    @Test("unknown names throw, naming the input",
          arguments: ["Mars/Olympus", "Atlantis", "", "   ", "Europe/Lausanne", "XYZT", "Springfield, IL"])
    func unknown(name: String) {
        let message = failure(name)
        #expect(message?.hasPrefix("unknown time zone \"\(name.trimmingWhitespace())\"") == true)
    }

    @Test("exactly the tz message when nothing is close")
    func exactMessage() {
        #expect(failure("Mars/Olympus") == "unknown time zone \"Mars/Olympus\"")
    }

    @Test("close matches are suggested")
    func suggestions() {
        #expect(failure("Lausane")?.contains("did you mean \"Lausanne\"") == true)
        #expect(failure("Europe/Pari")?.contains("\"Europe/Paris\"") == true)
        #expect(failure("Romance Standard Tme")?.contains("\"Romance Standard Time\"") == true)
    }

    @Test("very long input is refused quickly")
    func longInput() {
        #expect(failure(String(repeating: "a", count: 10_000))?.hasPrefix("unknown time zone") == true)
    }
}

@Suite("zone names: tables")
struct ZoneNameTableTests {
    @Test("every Windows name resolves, as itself or as the offset it spells")
    func everyWindowsName() throws {
        let names = ICUBridge.windowsIDs()
        #expect(names.count > 100)
        for name in names {
            let result = try resolved(name)
            #expect([.windows, .offset, .alias].contains(result.method), "\(name)")
        }
    }

    @Test("every abbreviation resolves or is reported ambiguous, never unknown")
    func everyAbbreviation() {
        for name in ZoneNames.abbreviations.keys {
            #expect(failure(name)?.hasPrefix("unknown") != true, "\(name)")
        }
    }

    @Test("no city name hides an abbreviation")
    func citiesAndAbbreviationsApart() {
        let cities = Set(ZoneNames.cities.readings.keys)
        let shared = ZoneNames.abbreviations.keys.filter { cities.contains($0) }
        #expect(shared.isEmpty, "\(shared)")
    }

    @Test("the academic city table stays small and each entry is a real zone")
    func academicTable() throws {
        #expect(ZoneNames.academicCities.count <= 50)
        for city in ZoneNames.academicCities {
            _ = try Zone(city.zone)
            #expect(ZoneNames.regionCodes.contains(city.region))
        }
    }

    @Test("keys fold case, diacritics and separators")
    func keys() {
        #expect(ZoneNames.key("Genève") == ZoneNames.key("GENEVE"))
        #expect(ZoneNames.key("Sao_Paulo") == ZoneNames.key("São  Paulo"))
        #expect(ZoneNames.key("Be'er-Sheva") == ZoneNames.key("beer sheva"))
        #expect(ZoneNames.identifierKey("US/Central") == "us/central")
    }

    @Test("resolving from many threads at once gives the same answers")
    func concurrent() async throws {
        let names = ["CT", "Lausanne", "Romance Standard Time", "US/Central", "Jérusalem", "IST", "Chile", "UTC+1"]
        let expected = names.map { try? resolved($0, ZoneHint(region: "IL")).zone.identifier }
        try await withThrowingTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 {
                group.addTask { names.map { try? resolved($0, ZoneHint(region: "IL")).zone.identifier } }
            }
            for try await answers in group { #expect(answers == expected) }
        }
    }
}
