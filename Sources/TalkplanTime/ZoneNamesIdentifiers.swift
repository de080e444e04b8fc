/// Zone IDs, Windows zone names and explicit offsets.
extension ZoneNames {
    // MARK: - tz database IDs

    /// The three-letter IDs ICU adds for compatibility with Java (ICU's
    /// `icu4c/source/tools/tzcode/icuzones`). They are not tz database IDs, and several
    /// contradict what people mean by the same letters (`IST` → Asia/Kolkata only,
    /// `AST` → America/Anchorage, `ART` → Africa/Cairo), so they are never read as IDs.
    static let icuOnlyIDs: Set<String> = [
        "ACT", "AET", "AGT", "ART", "AST", "BET", "BST", "CAT", "CNT", "CST", "CTT", "EAT", "ECT",
        "IET", "IST", "JST", "MIT", "NET", "NST", "PLT", "PNT", "PRT", "PST", "SST", "VST",
    ]

    /// Every tz ID by its lower-case key ("us/central" → "US/Central").
    static let identifiers: [String: String] = {
        var table: [String: String] = [:]
        for id in ICUBridge.zoneIDs(.any) where !icuOnlyIDs.contains(id) {
            table[identifierKey(id)] = id
        }
        return table
    }()

    /// A tz ID or alias, unless a collision rule gives the name to another kind of reading.
    static func identifierReading(_ name: String) -> Found? {
        guard let id = identifiers[identifierKey(name)] else { return nil }
        let target = canonical(id)
        let reading: Reading
        if id == target {
            reading = Reading(zoneID: target, method: .iana, detail: "iana zone id")
        } else {
            reading = Reading(zoneID: target, method: .alias, detail: "alias of \(target)")
        }
        if !id.contains("/") {
            // Yielding: no decisive reading, but the ID stays among the candidates.
            let yielded = Found(readings: [], decided: false, shadowed: [reading])
            // `CET`, `EST`, ...: the abbreviation wins, except for the IDs of UTC itself.
            if !target.hasPrefix("Etc/"), abbreviations[key(name)] != nil { return yielded }
            // `Israel`, `Japan`, ...: the country, when it is the same zone.
            if let country = countryReading(name, hint: ZoneHint()), country.decided,
               let zone = country.readings.first?.zoneID, canonical(zone) == target {
                return yielded
            }
        }
        return Found(readings: [reading], decided: true)
    }

    // MARK: - Windows zone names

    /// Every Windows zone name by its key ("romance standard time" → "Romance Standard Time").
    static let windowsNames: [String: String] = {
        var table: [String: String] = [:]
        for id in ICUBridge.windowsIDs() { table[key(id)] = id }
        return table
    }()

    /// A Windows zone name, mapped for the hinted region when Windows' table has a zone for it.
    static func windowsReading(_ name: String, hint: ZoneHint) -> Found? {
        guard let windowsID = windowsNames[key(name)],
              let zone = ICUBridge.zone(forWindowsID: windowsID, region: "001")
        else { return nil }
        var reading = Reading(zoneID: zone, method: .windows, detail: "windows zone name")
        if let region = hint.region?.uppercased(),
           let regional = ICUBridge.zone(forWindowsID: windowsID, region: region),
           canonical(regional) != canonical(zone) {
            reading = Reading(zoneID: regional, method: .windows,
                              detail: "windows zone name, as mapped for \(regionName(region))")
        }
        return Found(readings: [reading], decided: true)
    }

    // MARK: - Offsets

    /// An explicit offset: `UTC+1`, `GMT-3` (−03:00: the human reading, unlike POSIX
    /// `Etc/GMT-3`), `UTC+05:30`, `UTC−03:00` (Unicode minus), `UT+0200`, `+02:00`, `-0300`.
    /// Hours are 0–23, minutes 0–59.
    static func parseOffset(_ text: String) -> Reading? {
        var rest = Substring(text.trimmingWhitespace())
        for candidate in ["UTC", "GMT", "UT"] where rest.uppercased().hasPrefix(candidate) {
            rest = rest.dropFirst(candidate.count)
            break
        }
        rest = rest.drop { $0 == " " }
        guard let signCharacter = rest.first else { return nil }
        let negative: Bool
        switch signCharacter {
        case "+": negative = false
        case "-", "\u{2212}", "\u{2013}": negative = true
        default: return nil
        }
        rest = rest.dropFirst().drop { $0 == " " }
        let digits = rest.filter { $0 != ":" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let hours: Int
        var minutes = 0
        if let colon = rest.firstIndex(of: ":") {
            let head = rest[..<colon], tail = rest[rest.index(after: colon)...]
            guard (1...2).contains(head.count), tail.count == 2, !tail.contains(":") else { return nil }
            hours = Int(head)!
            minutes = Int(tail)!
        } else {
            switch digits.count {
            case 1, 2: hours = Int(digits)!
            case 3, 4:
                hours = Int(digits.dropLast(2))!
                minutes = Int(digits.suffix(2))!
            default: return nil
            }
        }
        guard let magnitude = UTCOffset(hours: hours, minutes: minutes) else { return nil }
        let offset = negative ? UTCOffset(seconds: -magnitude.seconds)! : magnitude
        return Reading(zoneID: nil, offset: offset, method: .offset, detail: "utc offset \(offset)")
    }
}
