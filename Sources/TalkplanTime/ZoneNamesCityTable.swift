/// Hand-kept place data: what ICU/CLDR does not have.
extension ZoneNames {
    /// A city that is not a CLDR exemplar city, with its zone.
    struct AcademicCity {
        /// Its names, the usual English one first.
        let names: [String]
        /// Names it shares with a better-known place: read as this city only when the
        /// region says so (`Santiago` is Santiago de Chile unless the region is ES).
        var alsoCalled: [String] = []
        let region: String
        let zone: String
    }

    /// University and research cities that are not zone exemplars, with the time zone GeoNames
    /// (geonames.org, the `timezone` column of its city records) gives each. Fifty at most:
    /// this is a convenience, not a gazetteer.
    ///
    /// `Cambridge` is deliberately both Cambridge, England and Cambridge, Massachusetts: alone
    /// it is ambiguous, `Cambridge, MA` and `Cambridge, UK` are not.
    static let academicCities: [AcademicCity] = [
        // Switzerland
        AcademicCity(names: ["Lausanne", "Losanna"], region: "CH", zone: "Europe/Zurich"),
        AcademicCity(names: ["Geneva", "Genève", "Genf", "Ginevra", "Ginebra", "Genebra"], region: "CH", zone: "Europe/Zurich"),
        AcademicCity(names: ["Bern", "Berne", "Berna"], region: "CH", zone: "Europe/Zurich"),
        AcademicCity(names: ["Basel", "Bâle", "Basilea"], region: "CH", zone: "Europe/Zurich"),
        // France
        AcademicCity(names: ["Lyon", "Lyons", "Lione"], region: "FR", zone: "Europe/Paris"),
        AcademicCity(names: ["Grenoble"], region: "FR", zone: "Europe/Paris"),
        AcademicCity(names: ["Marseille", "Marseilles", "Marsella", "Marsiglia"], region: "FR", zone: "Europe/Paris"),
        AcademicCity(names: ["Orsay", "Saclay", "Palaiseau"], region: "FR", zone: "Europe/Paris"),
        AcademicCity(names: ["Toulouse"], region: "FR", zone: "Europe/Paris"),
        // Israel
        AcademicCity(names: ["Rehovot", "Rehovoth"], region: "IL", zone: "Asia/Jerusalem"),
        AcademicCity(names: ["Tel Aviv", "Tel Aviv-Yafo", "Tel-Aviv"], region: "IL", zone: "Asia/Jerusalem"),
        AcademicCity(names: ["Haifa", "Haïfa"], region: "IL", zone: "Asia/Jerusalem"),
        AcademicCity(names: ["Beer Sheva", "Be'er Sheva", "Beersheba", "Beersheva", "Beer-Sheva"], region: "IL", zone: "Asia/Jerusalem"),
        // United States
        AcademicCity(names: ["Princeton"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Cambridge"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Boston"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Pittsburgh"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Ithaca"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["New Haven"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Philadelphia"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Atlanta"], region: "US", zone: "America/New_York"),
        AcademicCity(names: ["Ann Arbor"], region: "US", zone: "America/Detroit"),
        AcademicCity(names: ["Evanston"], region: "US", zone: "America/Chicago"),
        AcademicCity(names: ["Urbana", "Champaign", "Urbana-Champaign"], region: "US", zone: "America/Chicago"),
        AcademicCity(names: ["Madison"], region: "US", zone: "America/Chicago"),
        AcademicCity(names: ["Austin"], region: "US", zone: "America/Chicago"),
        AcademicCity(names: ["Berkeley"], region: "US", zone: "America/Los_Angeles"),
        AcademicCity(names: ["Stanford", "Palo Alto"], region: "US", zone: "America/Los_Angeles"),
        AcademicCity(names: ["San Francisco"], region: "US", zone: "America/Los_Angeles"),
        AcademicCity(names: ["Pasadena"], region: "US", zone: "America/Los_Angeles"),
        AcademicCity(names: ["San Diego", "La Jolla"], region: "US", zone: "America/Los_Angeles"),
        AcademicCity(names: ["Seattle"], region: "US", zone: "America/Los_Angeles"),
        // Canada
        AcademicCity(names: ["Montréal", "Montreal"], region: "CA", zone: "America/Toronto"),
        AcademicCity(names: ["Ottawa"], region: "CA", zone: "America/Toronto"),
        // United Kingdom
        AcademicCity(names: ["Oxford"], region: "GB", zone: "Europe/London"),
        AcademicCity(names: ["Cambridge"], region: "GB", zone: "Europe/London"),
        AcademicCity(names: ["Edinburgh", "Édimbourg", "Edimburgo"], region: "GB", zone: "Europe/London"),
        // Germany
        AcademicCity(names: ["Munich", "München", "Muenchen", "Múnich", "Monaco di Baviera"], region: "DE", zone: "Europe/Berlin"),
        AcademicCity(names: ["Heidelberg"], region: "DE", zone: "Europe/Berlin"),
        AcademicCity(names: ["Bonn"], region: "DE", zone: "Europe/Berlin"),
        AcademicCity(names: ["Göttingen", "Goettingen"], region: "DE", zone: "Europe/Berlin"),
        // Spain
        AcademicCity(names: ["Barcelona", "Barcelone"], region: "ES", zone: "Europe/Madrid"),
        AcademicCity(names: ["Santiago de Compostela", "Saint-Jacques-de-Compostelle"], alsoCalled: ["Santiago"],
                     region: "ES", zone: "Europe/Madrid"),
        // Chile
        AcademicCity(names: ["Valparaíso", "Valparaiso"], region: "CL", zone: "America/Santiago"),
        AcademicCity(names: ["Concepción", "Concepcion"], region: "CL", zone: "America/Santiago"),
        // Italy
        AcademicCity(names: ["Trieste"], region: "IT", zone: "Europe/Rome"),
        AcademicCity(names: ["Milan", "Milano", "Milán", "Mailand"], region: "IT", zone: "Europe/Rome"),
        // Netherlands
        AcademicCity(names: ["Leiden", "Leyde"], region: "NL", zone: "Europe/Amsterdam"),
        // Asia
        AcademicCity(names: ["Bangalore", "Bengaluru"], region: "IN", zone: "Asia/Kolkata"),
        AcademicCity(names: ["Beijing", "Peking", "Pékin", "Pekín"], region: "CN", zone: "Asia/Shanghai"),
    ]

    /// Short and informal country names ICU's display names lack ("USA", "UK", "England").
    static let countryAliases: [(String, String)] = [
        ("USA", "US"), ("U.S.", "US"), ("U.S.A.", "US"), ("United States of America", "US"), ("EEUU", "US"),
        ("UK", "GB"), ("U.K.", "GB"), ("Great Britain", "GB"), ("Britain", "GB"),
        ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
        ("Holland", "NL"), ("Czech Republic", "CZ"), ("Republic of Korea", "KR"),
    ]

    /// US states and the District of Columbia, by the key of their USPS code and of their name
    /// (ISO 3166-2:US): only ever a region (`Chicago, IL`), never a zone of their own.
    static let usStates: [String: String] = keyed([
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"), ("CA", "California"),
        ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"),
        ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"),
        ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
        ("ME", "Maine"), ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
        ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
        ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
        ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"),
        ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
        ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"),
        ("WA", "Washington"), ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    ])

    /// Canadian provinces and territories, by the key of their postal code and name (ISO 3166-2:CA).
    static let canadianProvinces: [String: String] = keyed([
        ("AB", "Alberta"), ("BC", "British Columbia"), ("MB", "Manitoba"), ("NB", "New Brunswick"),
        ("NL", "Newfoundland and Labrador"), ("NS", "Nova Scotia"), ("NT", "Northwest Territories"),
        ("NU", "Nunavut"), ("ON", "Ontario"), ("PE", "Prince Edward Island"), ("QC", "Quebec"),
        ("SK", "Saskatchewan"), ("YT", "Yukon"),
    ])

    private static func keyed(_ entries: [(String, String)]) -> [String: String] {
        var table: [String: String] = [:]
        for (code, name) in entries {
            table[key(code)] = name
            table[key(name)] = name
        }
        return table
    }
}

/// Close matches for an unknown name, from the names the resolver knows.
enum Suggestions {
    /// Names as written, by key: zone IDs, Windows names, English country names, cities.
    static let pool: [(key: String, name: String)] = {
        var result: [(key: String, name: String)] = []
        for id in ZoneNames.identifiers.values where id.contains("/") {
            result.append((ZoneNames.identifierKey(id), id))
        }
        for name in ZoneNames.windowsNames.values { result.append((ZoneNames.key(name), name)) }
        for region in ZoneNames.regionCodes {
            if let name = ICUBridge.regionName(region, locale: "en") { result.append((ZoneNames.key(name), name)) }
        }
        for (key, name) in ZoneNames.cities.names { result.append((key, name)) }
        return result
    }()

    /// Up to three names within a small edit distance of `name` (one edit for short names, two
    /// otherwise), closest first.
    static func closeMatches(to name: String) -> [String] {
        let isID = name.contains("/")
        let target = Array((isID ? ZoneNames.identifierKey(name) : ZoneNames.key(name)).unicodeScalars)
        guard target.count >= 3 else { return [] }
        let limit = target.count <= 5 ? 1 : 2
        var found: [(distance: Int, name: String)] = []
        for entry in pool where entry.key.contains("/") == isID {
            let candidate = Array(entry.key.unicodeScalars)
            guard abs(candidate.count - target.count) <= limit,
                  let distance = editDistance(target, candidate, limit: limit)
            else { continue }
            if !found.contains(where: { $0.name == entry.name }) { found.append((distance, entry.name)) }
        }
        return found.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3).map(\.name)
    }

    /// Levenshtein distance, or `nil` when it exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
