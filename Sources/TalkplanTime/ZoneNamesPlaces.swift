/// Countries and cities.
extension ZoneNames {
    /// The locales whose country names and exemplar cities are recognised.
    static let placeLocales = ["en", "fr", "es", "de", "it", "pt", "nl", "he"]

    /// The ISO 3166 codes ICU knows.
    static let regionCodes: Set<String> = Set(ICUBridge.regionCodes())

    // MARK: - Countries

    /// Region codes by the key of their names in ``placeLocales`` and of the common short
    /// forms in ``countryAliases`` ("suisse" → CH, "usa" → US).
    static let countries: [String: [String]] = {
        var table: [String: [String]] = [:]
        func add(_ name: String, _ region: String) {
            let nameKey = key(name)
            guard !nameKey.isEmpty else { return }
            if !(table[nameKey] ?? []).contains(region) { table[nameKey, default: []].append(region) }
        }
        for region in ICUBridge.regionCodes().sorted() {
            for locale in placeLocales {
                if let name = ICUBridge.regionName(region, locale: locale) { add(name, region) }
            }
        }
        for (name, region) in countryAliases { add(name, region) }
        return table
    }()

    /// A country name.
    static func countryReading(_ name: String, hint: ZoneHint) -> Found? {
        let nameKey = key(name)
        guard let regions = countries[nameKey] else { return nil }
        let instant = moment(hint)
        if regions.count == 1 {
            guard var found = countryFound(regions[0], at: instant) else { return nil }
            // A country of several zones whose name is also one of its cities ("Mexico" is
            // Mexico City in French): the city.
            if !found.decided, let city = cities.readings[nameKey]?.first(where: { $0.region == regions[0] }) {
                let reading = Reading(zoneID: city.zoneID, method: .city, detail: city.detail(for: name),
                                      note: city.region.map(regionName))
                found = Found(readings: [reading] + found.readings, decided: true)
            }
            return found
        }
        // A name two regions share: each region's own reading, all of them an ambiguity.
        let readings = regions.compactMap { countryFound($0, at: instant)?.readings.first }
        guard !readings.isEmpty else { return nil }
        return Found(readings: readings, decided: false, advice: "give a region code")
    }

    /// The zone of a country: its only zone; else CLDR's primary zone for it (CL →
    /// America/Santiago, DE → Europe/Berlin, ES → Europe/Madrid); else, when all its zones keep
    /// one metazone at the date, that metazone's reference zone for the country (AR →
    /// America/Buenos_Aires); else an ambiguity listing one zone per metazone, the most used first.
    static func countryFound(_ region: String, at instant: Instant) -> Found? {
        var zones: [String] = []
        for zone in locationZones(region: region) {
            let id = canonical(zone)
            if !zones.contains(id) { zones.append(id) }
        }
        guard !zones.isEmpty else { return nil }
        let country = regionName(region)
        if zones.count == 1 {
            return Found(readings: [Reading(zoneID: zones[0], method: .country, detail: "only zone of \(country)",
                                            note: country)], decided: true)
        }
        if let primary = ICUBridge.primaryZone(ofRegion: region) {
            let reading = Reading(zoneID: canonical(primary), method: .country,
                                  detail: "primary zone of \(country) (cldr)", note: country)
            return Found(readings: [reading], decided: true)
        }
        // One group per metazone (a zone without one is a group of its own), most zones first.
        var groups: [(metazone: String?, zones: [String])] = []
        for zone in zones {
            let metazone = ICUBridge.metazone(ofZone: zone, at: instant)
            if let metazone, let index = groups.firstIndex(where: { $0.metazone == metazone }) {
                groups[index].zones.append(zone)
            } else {
                groups.append((metazone, [zone]))
            }
        }
        groups.sort { ($0.zones.count, $1.zones[0]) > ($1.zones.count, $0.zones[0]) }
        let readings = groups.map { group -> Reading in
            guard let metazone = group.metazone else {
                return Reading(zoneID: group.zones[0], method: .country, detail: "a zone of \(country)")
            }
            var zone = group.zones[0]
            if let reference = ICUBridge.referenceZone(ofMetazone: metazone, region: region),
               self.region(ofZone: reference) == region {
                zone = canonical(reference)
            }
            let timeName = ICUBridge.displayName(ofMetazone: metazone, type: .longGeneric, locale: "en") ?? metazone
            let detail = groups.count == 1
                ? "zone of \(country), whose zones all keep \(timeName)"
                : "a zone of \(country) (\(timeName))"
            return Reading(zoneID: zone, method: .country, detail: detail, note: timeName)
        }
        if groups.count == 1, groups[0].metazone != nil {
            return Found(readings: readings, decided: true)
        }
        return Found(readings: readings, decided: false,
                     advice: "\(country) has \(zones.count) zones; give a city or a zone")
    }

    // MARK: - Cities

    /// One zone a city name denotes.
    struct CityReading {
        /// IANA canonical.
        let zoneID: String
        let region: String?
        /// Exemplar cities and the city part of zone IDs are primary; a hand-table name that
        /// another place also bears is secondary (`Santiago` for Santiago de Compostela).
        let primary: Bool
        /// Each spelling that gives this reading, with its explanation, in source order
        /// ("Jerusalem" in en, "Jérusalem" in fr).
        var spellings: [(name: String, detail: String)]

        /// The explanation of the spelling that matches `input` best: the same letters
        /// (ignoring case), else the first source.
        func detail(for input: String) -> String {
            let wanted = input.lowercased()
            return spellings.first { $0.name.lowercased() == wanted }?.detail ?? spellings[0].detail
        }
    }

    /// City readings by key, and the city names as written, for suggestions.
    static let cities: (readings: [String: [CityReading]], names: [String: String]) = {
        var table: [String: [CityReading]] = [:]
        var names: [String: String] = [:]
        func add(_ name: String, _ reading: CityReading) {
            let nameKey = key(name)
            guard !nameKey.isEmpty else { return }
            if names[nameKey] == nil { names[nameKey] = name }
            if let index = table[nameKey]?.firstIndex(where: { $0.zoneID == reading.zoneID }) {
                table[nameKey]![index].spellings += reading.spellings
            } else {
                table[nameKey, default: []].append(reading)
            }
        }
        // CLDR exemplar cities of every location zone.
        let locationZones = ICUBridge.zoneIDs(.canonicalLocation)
        var regions: [String: String] = [:]
        var canonicals: [String: String] = [:]
        for zone in locationZones {
            regions[zone] = region(ofZone: zone)
            canonicals[zone] = canonical(zone)
        }
        for locale in placeLocales {
            for zone in locationZones {
                guard let city = ICUBridge.exemplarCity(ofZone: zone, locale: locale) else { continue }
                let id = canonicals[zone] ?? zone
                add(city, CityReading(zoneID: id, region: regions[zone], primary: true,
                                      spellings: [(city, "exemplar city of \(id) in \(locale)")]))
            }
        }
        // The city part of zone IDs: `America/Sao_Paulo`, and of aliases, `Asia/Tel_Aviv`, `America/Montreal`.
        for id in ICUBridge.zoneIDs(.any) {
            guard let city = cityPart(of: id) else { continue }
            let target = canonical(id)
            let detail = id == target ? "city of zone id \(id)" : "city of zone id \(id), alias of \(target)"
            add(city, CityReading(zoneID: target, region: region(ofZone: id), primary: true, spellings: [(city, detail)]))
        }
        // Academic cities that are not zone exemplars.
        for city in academicCities {
            let id = canonical(city.zone)
            let country = regionName(city.region)
            for name in city.names {
                add(name, CityReading(zoneID: id, region: city.region, primary: true,
                                      spellings: [(name, "city in \(country), zone \(id) (geonames)")]))
            }
            for name in city.alsoCalled {
                add(name, CityReading(zoneID: id, region: city.region, primary: false,
                                      spellings: [(name, "\(city.names[0]) in \(country), zone \(id) (geonames)")]))
            }
        }
        return (table, names)
    }()

    /// The areas whose IDs end in a city (`Europe/Paris`); not `US/`, `Canada/`, `Etc/`, `Brazil/`...
    static let geographicAreas: Set<String> = [
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
    ]

    /// Last parts of aliases that are not cities (`Australia/North`), or not only
    /// (`Australia/Victoria`: also Victoria, British Columbia, and Victoria, Seychelles).
    static let nonCityParts: Set<String> = ["North", "South", "West", "East", "Central", "Eastern", "Western", "Victoria"]

    /// "Sao Paulo" for `America/Sao_Paulo`, "Indianapolis" for `America/Indiana/Indianapolis`.
    static func cityPart(of id: String) -> String? {
        let parts = id.split(separator: "/")
        guard parts.count >= 2, geographicAreas.contains(String(parts[0])), let last = parts.last else { return nil }
        let city = String(last)
        // All capitals (`ACT`, `NSW`, `LHI`) are codes, not names.
        if city.allSatisfy({ $0.isUppercase }) || nonCityParts.contains(city) { return nil }
        return city.replacingUnderscores()
    }

    /// A city, `City, REGION` (`Chicago, IL`, `Santiago, CHILE`, `Cambridge, MA`), or a place
    /// named by several comma-separated parts (`EPFL, Lausanne`). The region of a trailing part
    /// (a country name, an ISO code, a US state or Canadian province) must hold the city;
    /// without one, the hint's region prefers the city's readings in it.
    static func placeReading(_ name: String, hint: ZoneHint) -> Found? {
        let parts = placeParts(name)
        guard !parts.isEmpty else { return nil }
        if parts.count == 1 {
            guard let readings = cities.readings[key(parts[0])] else { return nil }
            return chooseCity(readings, spelled: parts[0], regions: hint.region.map { [$0.uppercased()] }, required: false)
        }
        var regions: Set<String>?
        var cityParts = parts
        if let trailing = regionsNamed(parts[parts.count - 1]) {
            regions = trailing
            cityParts.removeLast()
        }
        for part in cityParts.reversed() {
            guard let readings = cities.readings[key(part)] else { continue }
            if let regions {
                if let found = chooseCity(readings, spelled: part, regions: regions, required: true) { return found }
            } else {
                return chooseCity(readings, spelled: part, regions: hint.region.map { [$0.uppercased()] }, required: false)
            }
        }
        // No known city: the country, when the place names one with a single reading.
        guard let regions, regions.count == 1, let region = regions.first,
              var found = countryFound(region, at: moment(hint))
        else { return nil }
        let city = cityParts.last ?? name
        for index in found.readings.indices {
            found.readings[index].detail = "\(quoted(city)) is not a known city; " + found.readings[index].detail
        }
        if !found.decided {
            found.advice = "\(quoted(city)) is not a known city there, and " + found.advice
        }
        return found
    }

    /// The parts of a place name: split at commas, with a parenthesised part last
    /// (`Lausanne (Switzerland)` → `Lausanne`, `Switzerland`).
    static func placeParts(_ name: String) -> [String] {
        var text = name
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            text = String(text[..<open]) + "," + String(text[text.index(after: open)..<close]) + ","
                + String(text[text.index(after: close)...])
        }
        return text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// The regions a part names: a country in any of ``placeLocales``, an ISO 3166 code, a US
    /// state or a Canadian province (code or name). "IL" is both Israel and Illinois (US).
    static func regionsNamed(_ part: String) -> Set<String>? {
        let partKey = key(part)
        var result = Set(countries[partKey] ?? [])
        if partKey.count == 2, regionCodes.contains(partKey.uppercased()) { result.insert(partKey.uppercased()) }
        if usStates[partKey] != nil { result.insert("US") }
        if canadianProvinces[partKey] != nil { result.insert("CA") }
        return result.isEmpty ? nil : result
    }

    /// Picks among a city name's readings. With `required` regions, only readings in them count.
    static func chooseCity(_ readings: [CityReading], spelled input: String, regions: Set<String>?,
                           required: Bool) -> Found? {
        var pool = readings
        if let regions {
            let inRegions = readings.filter { $0.region.map(regions.contains) ?? false }
            if !inRegions.isEmpty {
                pool = inRegions
            } else if required {
                return nil
            }
        }
        let primaries = pool.filter(\.primary)
        let ordered = primaries + pool.filter { !$0.primary }
        let converted = ordered.map { city in
            Reading(zoneID: city.zoneID, method: .city, detail: city.detail(for: input), note: city.region.map(regionName))
        }
        if pool.count == 1 || primaries.count == 1 {
            return Found(readings: converted, decided: true)
        }
        return Found(readings: converted, decided: false, advice: "give a country")
    }

    // MARK: - "… time"

    /// `Jerusalem time`, `Chicago local time`, `Chile time`: a place followed by "time".
    static func timeSuffixReading(_ name: String, hint: ZoneHint) -> Found? {
        let nameKey = key(name)
        for suffix in [" local time", " time"] where nameKey.hasSuffix(suffix) {
            let words = name.split(whereSeparator: { $0 == " " })
            let dropped = suffix == " time" ? 1 : 2
            guard words.count > dropped else { return nil }
            let place = words.dropLast(dropped).joined(separator: " ")
            return countryReading(place, hint: hint) ?? placeReading(place, hint: hint)
        }
        return nil
    }
}

extension String {
    /// `Sao_Paulo` → `Sao Paulo`.
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
