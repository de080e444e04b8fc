/// Time abbreviations (`CT`, `CEST`, `IST`) and English time names (`Eastern Time`).
///
/// Sources, each a tier of evidence:
/// 1. CLDR `en`: the names US English readers know (`CT`/`CST`/`CDT`, `ET`, `PT`, `AKST`, `HST`),
///    and the long names (`Central European Summer Time`, `British Summer Time`);
/// 2. CLDR's regional English locales, which add the names used there: en_GB (`CET`, `CEST`,
///    `EET`, `WET`, `BST`), en_IE (`IST` for Irish summer time), en_IN (`IST`), en_AU and
///    en_NZ (`AEST`, `AEDT`, `NZST`), en_CA, en_ZA (`SAST`), en_SG (`SGT`);
/// 3. the tz database's own abbreviations as ICU keeps them (`TimeZoneNames::createTZDBInstance`:
///    `IDT`, `JST`, `CLT`/`CLST`, `CST` of China, Cuba and Taipei, ...).
///
/// Each name is read as one or more metazones (or, for a few CLDR names, one zone), each
/// mapped to a zone by CLDR's reference zone for the hinted region, else its golden zone
/// ("001": Europe_Central → Europe/Paris). Choosing among several readings:
/// - with a region hint, the readings that belong to the region win: a zone of the region keeps
///   the metazone at the hinted date (today without one), or the CLDR name is the region's zone's
///   own (`IST` in IL is Israel time, in IN India time, in IE Irish summer time);
/// - then the best tier decides when it has a single reading: **CLDR `en` names outrank
///   regional English and tz-database-only names when a single `en` reading exists** (`CST`
///   is US Central time, not China's, Cuba's or Taiwan's standard time), and regional English
///   names outrank tz-only names in turn (`GST` is the Gulf, per en_IN);
/// - several readings in the deciding tier make the name ambiguous (`IST`: India per en_IN,
///   Ireland per en_IE, and Israel per the tz database).
extension ZoneNames {
    /// What an abbreviation denotes.
    enum AbbreviationTarget: Hashable {
        case metazone(String)
        case zone(String)
    }

    /// One reading of an abbreviation, merged over its sources.
    struct AbbreviationEntry {
        let target: AbbreviationTarget
        let isShort: Bool
        /// (kind, tier, locale) for each source that gives the name, in source order.
        var evidence: [(kind: AbbreviationKind, tier: Int, locale: String)]

        var tier: Int { evidence.map(\.tier).min() ?? 3 }

        /// Standard or daylight when any source says so (en_GB's `CET` is both the generic and
        /// the standard name; the tz database's is standard), else generic; the best tier first.
        var kind: AbbreviationKind {
            let ordered = evidence.sorted { $0.tier < $1.tier }
            return ordered.first { $0.kind != .generic }?.kind ?? .generic
        }

        var bestLocale: String { evidence.min { $0.tier < $1.tier }?.locale ?? "@tzdb" }
    }

    /// The name sources, best tier first.
    static let abbreviationSources: [(locale: String, tier: Int)] = [
        ("en", 1),
        ("en_GB", 2), ("en_IE", 2), ("en_IN", 2), ("en_AU", 2), ("en_NZ", 2), ("en_CA", 2), ("en_ZA", 2), ("en_SG", 2),
        ("@tzdb", 3),
    ]

    /// Every abbreviation and English time name by its key.
    static let abbreviations: [String: [AbbreviationEntry]] = {
        var table: [String: [AbbreviationEntry]] = [:]
        func add(_ name: String, _ target: AbbreviationTarget, _ kind: AbbreviationKind, tier: Int, locale: String) {
            let isShort = isAbbreviation(name)
            guard isShort || isTimeName(name) else { return }
            let nameKey = key(name)
            var entries = table[nameKey] ?? []
            if let index = entries.firstIndex(where: { $0.target == target }) {
                entries[index].evidence.append((kind, tier, locale))
            } else {
                entries.append(AbbreviationEntry(target: target, isShort: isShort, evidence: [(kind, tier, locale)]))
            }
            table[nameKey] = entries
        }
        let types: [(ICUBridge.NameType, AbbreviationKind, Bool)] = [
            (.shortGeneric, .generic, true), (.shortStandard, .standard, true), (.shortDaylight, .daylight, true),
            (.longGeneric, .generic, false), (.longStandard, .standard, false), (.longDaylight, .daylight, false),
        ]
        for (locale, tier) in abbreviationSources {
            for (type, kind, isShortType) in types {
                // Long names: en's (regional English repeats them); the tz database has none.
                if locale != "en", !isShortType { continue }
                for (metazone, name) in ICUBridge.metazoneNames(type: type, locale: locale) {
                    add(name, .metazone(metazone), kind, tier: tier, locale: locale)
                }
                if locale == "@tzdb" { continue }
                for (zone, name) in ICUBridge.zoneSpecificNames(type: type, locale: locale) {
                    add(name, .zone(zone), kind, tier: tier, locale: locale)
                }
            }
        }
        return table
    }()

    /// 2–6 ASCII letters: `CT`, `CEST`, `ChST`, `ACWST`. Rules out CLDR placeholders ("N/A").
    static func isAbbreviation(_ name: String) -> Bool {
        (2...6).contains(name.utf8.count) && name.utf8.allSatisfy { (65...90).contains($0) || (97...122).contains($0) }
    }

    /// A multi-word English name: `Central European Summer Time`, `Hawaii-Aleutian Time`.
    static func isTimeName(_ name: String) -> Bool {
        name.contains(" ") && name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0 == " " || $0 == "-" || $0 == "'" || $0 == "\u{2019}"
        }
    }

    /// A reading of an abbreviation mapped to a zone.
    private struct AbbreviationOption {
        var zoneID: String
        var entries: [AbbreviationEntry]
        var matchesRegion: Bool

        var tier: Int { entries.map(\.tier).min() ?? 3 }
        var sourceCount: Int { Set(entries.flatMap { $0.evidence.map(\.locale) }).count }
        var best: AbbreviationEntry { entries.min { $0.tier < $1.tier }! }
    }

    static func abbreviationReading(_ name: String, hint: ZoneHint) -> Found? {
        guard let entries = abbreviations[key(name)] else { return nil }
        let instant = moment(hint)
        let region = hint.region?.uppercased()

        var options: [AbbreviationOption] = []
        for entry in entries {
            guard let (zone, matches) = zone(of: entry.target, region: region, at: instant) else { continue }
            let id = canonical(zone)
            if let index = options.firstIndex(where: { $0.zoneID == id }) {
                options[index].entries.append(entry)
                options[index].matchesRegion = options[index].matchesRegion || matches
            } else {
                options.append(AbbreviationOption(zoneID: id, entries: [entry], matchesRegion: matches))
            }
        }
        guard !options.isEmpty else { return nil }

        let inRegion = options.filter(\.matchesRegion)
        let pool = inRegion.isEmpty ? options : inRegion
        let ordered = pool.sorted {
            ($0.sourceCount, $1.zoneID) > ($1.sourceCount, $0.zoneID)
        }
        let readings = ordered.map { abbreviationReading(name, $0, at: instant) }
        let shadowed = inRegion.isEmpty ? [] : options.filter { !$0.matchesRegion }
            .map { abbreviationReading(name, $0, at: instant) }
        for tier in 1...3 {
            let deciding = ordered.filter { $0.tier == tier }
            if deciding.count == 1, let winner = ordered.firstIndex(where: { $0.zoneID == deciding[0].zoneID }) {
                var best = readings
                best.insert(best.remove(at: winner), at: 0)
                return Found(readings: best, decided: true, shadowed: shadowed)
            }
            if deciding.count > 1 { break }
        }
        return Found(readings: readings, decided: false, advice: "give a region", shadowed: shadowed)
    }

    /// The zone of a reading for a region, and whether the reading belongs to the region.
    private static func zone(of target: AbbreviationTarget, region: String?, at instant: Instant) -> (String, Bool)? {
        switch target {
        case .zone(let zone):
            return (zone, region != nil && self.region(ofZone: zone) == region)
        case .metazone(let metazone):
            guard let golden = ICUBridge.referenceZone(ofMetazone: metazone, region: "001") else { return nil }
            guard let region else { return (golden, false) }
            // The region's zones that keep this metazone at the date (Bering time, `BST` in the
            // tz database, is no US zone's time since 1983).
            let using = locationZones(region: region).filter {
                ICUBridge.metazone(ofZone: $0, at: instant) == metazone
            }
            guard let first = using.first else { return (golden, false) }
            // CLDR's reference zone for the region when it is one of them (Europe_Central in CH
            // is Europe/Zurich), else the first.
            if let regional = ICUBridge.referenceZone(ofMetazone: metazone, region: region), using.contains(regional) {
                return (regional, true)
            }
            return (first, true)
        }
    }

    private static func abbreviationReading(_ name: String, _ option: AbbreviationOption, at instant: Instant) -> Reading {
        let entry = option.best
        let kind = entry.kind
        let longType: ICUBridge.NameType = switch kind {
        case .generic: .longGeneric
        case .standard: .longStandard
        case .daylight: .longDaylight
        }
        let locale = entry.bestLocale
        let source = locale == "@tzdb" ? "tz database" : "cldr \(locale)"
        let detail: String
        switch entry.target {
        case .metazone(let metazone):
            if entry.isShort {
                let long = ICUBridge.displayName(ofMetazone: metazone, type: longType, locale: "en") ?? metazone
                detail = "abbreviation of \(long) (\(source))"
            } else {
                detail = "\(kind.rawValue) time name of metazone \(metazone) (\(source))"
            }
        case .zone(let zone):
            if entry.isShort {
                let nameLocale = locale == "@tzdb" ? "en" : locale
                let long = ICUBridge.displayName(ofZone: zone, type: longType, at: instant, locale: nameLocale) ?? zone
                detail = "abbreviation of \(long) (\(source))"
            } else {
                detail = "\(kind.rawValue) time name of \(canonical(zone)) (\(source))"
            }
        }
        let note = region(ofZone: option.zoneID).map(regionName)
        return Reading(zoneID: option.zoneID, offset: nil, method: .abbreviation, kind: kind, detail: detail, note: note)
    }
}
