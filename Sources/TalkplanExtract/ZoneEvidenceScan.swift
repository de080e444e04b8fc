import TalkplanTime

/// Finds the zone evidence of one document, tier by tier and only as far as needed: weaker
/// tiers are scanned only when no stronger evidence exists.
final class ZoneEvidenceFinder {
    let analysis: TextAnalysis
    let document: TextDocument
    let resolver: ZoneEvidenceResolver
    let region: String?
    let defaultZone: Zone?

    init(analysis: TextAnalysis, document: TextDocument, resolver: ZoneEvidenceResolver, region: String?, defaultZone: Zone?) {
        self.analysis = analysis
        self.document = document
        self.resolver = resolver
        self.region = region
        self.defaultZone = defaultZone
    }

    /// Areas that start tz IDs people write (`Europe/Paris`, `US/Central`).
    static let areas: Set<String> = [
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
        "US", "Canada", "Brazil", "Chile", "Mexico", "Etc",
    ]

    /// Evidence tiers from the strongest, each computed on first use.
    static let tierCount = 6

    func tier(_ index: Int) -> [ZoneEvidence] {
        switch index {
        case 0: identifiers
        case 1: labelled
        case 2: attached
        case 3: locations
        case 4: addresses
        default: countries
        }
    }

    /// The strongest place-like evidence for a talk: the first tier that has any, preferring
    /// the talk's own record, then the line nearest the talk.
    func best(record: TextRecord?, line: Int) -> ZoneEvidence? {
        for index in 0..<Self.tierCount {
            let found = tier(index)
            guard !found.isEmpty else { continue }
            return Self.nearest(found, record: record, line: line)
        }
        return nil
    }

    /// Every piece of place-like evidence at least as strong as `minimum` (for consistency checks).
    func all(atLeast minimum: ZoneEvidence.Kind) -> [ZoneEvidence] {
        var result: [ZoneEvidence] = []
        for index in 0..<Self.tierCount where Self.tierKinds[index] >= minimum {
            result += tier(index)
        }
        return result
    }

    /// The weakest kind of evidence each tier gives (tiers weaker than a minimum are never scanned).
    static let tierKinds: [ZoneEvidence.Kind] = [.identifier, .label, .invitation, .location, .address, .countryMention]

    static func nearest(_ found: [ZoneEvidence], record: TextRecord?, line: Int) -> ZoneEvidence? {
        let strongest = found.map(\.kind).max()
        let pool = found.filter { $0.kind == strongest }
        if let record {
            let own = pool.filter { ($0.line ?? -1) >= record.start && ($0.line ?? -1) < record.end }
            if let closest = own.min(by: { abs(($0.line ?? 0) - line) < abs(($1.line ?? 0) - line) }) { return closest }
        }
        return pool.min { abs(($0.line ?? 0) - line) < abs(($1.line ?? 0) - line) }
    }

    // MARK: - Tiers

    /// IANA IDs anywhere in the text (`Asia/Jerusalem`), outside URLs.
    lazy var identifiers: [ZoneEvidence] = {
        var found: [ZoneEvidence] = []
        for (index, line) in analysis.lines.enumerated() where line.text.containsByte(0x2F) {
            // Dial-in lists are not excluded here: no phone number is written as a tz ID.
            let text = DateScanner.maskingURLs(line.text)
            // A line whose every `/` was part of a URL holds no ID.
            guard text.containsByte(0x2F) else { continue }
            for candidate in Self.identifierCandidates(in: text) {
                guard let zone = try? Zone(candidate), zone.ianaIdentifier != nil,
                      !zone.identifier.hasPrefix("Etc/") || candidate.hasPrefix("Etc/")
                else { continue }
                found.append(ZoneEvidence(kind: .identifier, zone: zone, text: candidate, detail: "time zone id", method: .iana, line: index))
                if found.count >= 32 { return found }
            }
        }
        return found
    }()

    /// `Area/Location(/Location)` words in a text.
    ///
    /// Every character of a match is ASCII (letters, `_`, `-`, `/`), so the text's UTF-8 bytes
    /// are read: a non-ASCII byte is never part of one, as a non-ASCII scalar is not in
    /// ``generalIdentifierCandidates(in:)`` (the tests compare the two).
    static func identifierCandidates(in text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            var result: [String] = []
            let count = bytes.count
            @inline(__always) func isPart(_ byte: UInt8) -> Bool {
                TextFields.isASCIILetter(byte) || byte == 0x5F || byte == 0x2D
            }
            var index = 0
            while index < count {
                guard bytes[index] == 0x2F else {
                    index += 1
                    continue
                }
                var start = index
                while start > 0, isPart(bytes[start - 1]) { start -= 1 }
                var end = index + 1
                while end < count, isPart(bytes[end]) || (bytes[end] == 0x2F && end + 1 < count && isPart(bytes[end + 1])) {
                    end += 1
                }
                if start < index, end > index + 1, start == 0 || !(bytes[start - 1] == 0x2F || bytes[start - 1] == 0x2E) {
                    let area = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    if areas.contains(area) {
                        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                    }
                }
                index = end
            }
            return result
        }
    }

    /// ``identifierCandidates(in:)`` scalar by scalar: the reference the byte path is tested against.
    static func generalIdentifierCandidates(in text: String) -> [String] {
        var result: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isPart(_ s: Unicode.Scalar) -> Bool {
            (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A) || s == "_" || s == "-"
        }
        while index < scalars.count {
            guard scalars[index] == "/" else {
                index += 1
                continue
            }
            var start = index
            while start > 0, isPart(scalars[start - 1]) { start -= 1 }
            var end = index + 1
            while end < scalars.count, isPart(scalars[end]) || (scalars[end] == "/" && end + 1 < scalars.count && isPart(scalars[end + 1])) {
                end += 1
            }
            let area = String(String.UnicodeScalarView(scalars[start..<index]))
            if areas.contains(area), end > index + 1, start == 0 || !(scalars[start - 1] == "/" || scalars[start - 1] == ".") {
                result.append(String(String.UnicodeScalarView(scalars[start..<end])))
            }
            index = end
        }
        return result
    }

    /// `Time zone: Europe/Paris`, `Fuseau horaire : heure de Paris`, `Zona horaria: Chile`.
    lazy var labelled: [ZoneEvidence] = {
        var found: [ZoneEvidence] = []
        for field in analysis.fields where field.kind == .zone {
            if let evidence = placeEvidence(in: field.text, kind: .label, line: field.line, allowAbbreviations: true) {
                found.append(evidence)
            }
        }
        return found
    }()

    /// Zones written after times anywhere in the document (`(CET)`, `10:30 am CT`); those of
    /// video-meeting invitations count less.
    lazy var attached: [ZoneEvidence] = {
        var found: [ZoneEvidence] = []
        for (index, info) in analysis.info.enumerated() where !info.mentions.times.isEmpty && !info.ignoreDates {
            for time in info.mentions.times where !time.zoneCandidates.isEmpty {
                let inInvitation = info.invitationColumn.map { time.column >= $0 } ?? false
                guard let (resolution, text) = readAttached(time.zoneCandidates, date: nil) else { continue }
                found.append(ZoneEvidence(kind: inInvitation ? .invitation : .attached, zone: resolution.zone, text: text,
                                          detail: resolution.detail, method: resolution.method, line: index,
                                          abbreviationKind: resolution.abbreviationKind))
            }
            if found.count >= 64 { break }
        }
        // An invitation's zone only counts when nothing stronger is written next to a time.
        if found.contains(where: { $0.kind == .attached }) { found.removeAll { $0.kind == .invitation } }
        return found
    }()

    /// A city or country in a location field (`Lausanne`, `Salle 5, ENS Paris`).
    lazy var locations: [ZoneEvidence] = {
        var found: [ZoneEvidence] = []
        for field in analysis.fields where field.kind == .location {
            if let evidence = placeEvidence(in: field.text, kind: .location, line: field.line, allowAbbreviations: false) {
                found.append(evidence)
            }
        }
        return found
    }()

    /// Lines that are not a speaker's, an abstract's or a dial-in list's.
    func placeLines() -> [(Int, String)] {
        var result: [(Int, String)] = []
        for (index, line) in analysis.lines.enumerated() {
            let info = analysis.info[index]
            // A host's affiliation is usually the place of the talk; a speaker's is not.
            if info.isBlank || info.field == .speaker || info.field == .abstract || info.field == .title { continue }
            var text = line.text
            if let column = info.dialInColumn {
                if column == 0 { continue }
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(column)))
            }
            result.append((index, text))
        }
        return result
    }

    /// `City, REGION` anywhere outside speakers, abstracts and dial-in lists (`Chicago, IL 60637`,
    /// `piso 7 Santiago, CHILE`), and a postal code before a city (`75005 Paris`, `1015 Lausanne`, `8092 Zürich`).
    lazy var addresses: [ZoneEvidence] = {
        var found: [ZoneEvidence] = []
        for (index, text) in placeLines() where text.containsByte(0x2C) || text.containsByte(in: 0x30...0x39) {
            let limit = 16 - found.count
            for place in addressPlaces(in: text, limit: limit) {
                found.append(ZoneEvidence(kind: .address, zone: place.resolution.zone, text: place.text, detail: place.resolution.detail,
                                          method: place.resolution.method, line: index))
            }
            if found.count >= 16 { return found }
        }
        return found
    }()

    /// The addresses of one line, at most `limit`: read once per input for each distinct line
    /// (a mailbox repeats a series' address in every message), unless the resolver's budget
    /// ran out while reading it.
    func addressPlaces(in text: String, limit: Int) -> [AddressPlace] {
        let key = ZoneEvidenceResolver.LineKey(text: text, region: region)
        if let known = resolver.addressMemo[key] { return Array(known.prefix(limit)) }
        let refusals = resolver.refusals
        let places = scanAddressPlaces(in: text, limit: limit)
        if resolver.refusals == refusals && places.count < limit { resolver.remember(places, for: key) }
        return places
    }

    /// ``addressPlaces(in:limit:)`` without the memo: the line's `City, REGION` and postal-code places.
    func scanAddressPlaces(in text: String, limit: Int) -> [AddressPlace] {
        var found: [AddressPlace] = []
        let masked = DateScanner.maskingURLs(text)
        let tokens = TextTokens.tokenize(masked)
        for (position, token) in tokens.enumerated() {
            var place: String
            if token.isSymbol(",") {
                let before = Self.capitalisedWords(tokens, endingBefore: position, limit: 3, in: masked)
                let after = Self.capitalisedWords(tokens, startingAfter: position, limit: 2, in: masked)
                guard !before.isEmpty, !after.isEmpty else { continue }
                place = before + ", " + after
            } else if token.isNumber, token.digits == 4 || token.digits == 5, position + 1 < tokens.count,
                      tokens[position + 1].spaced, position == 0 || !tokens[position - 1].isNumber {
                place = Self.capitalisedWords(tokens, startingAfter: position, limit: 2, in: masked)
                guard !place.isEmpty else { continue }
            } else {
                continue
            }
            var reading = resolver.read(place, hint: ZoneHint(region: region))
            if case .none = reading, !place.contains(","), place.contains(" ") {
                // "8092 Zürich Switzerland": the first word alone.
                place = String(place.prefix { $0 != " " })
                reading = resolver.read(place, hint: ZoneHint(region: region))
            }
            switch reading {
            case .zone(let resolution) where resolution.method == .city || resolution.method == .country:
                found.append(AddressPlace(text: place, resolution: resolution))
            default:
                continue
            }
            if found.count >= limit { return found }
        }
        return found
    }

    /// A country (or `à Paris`, `in Lausanne`, `…, Santiago`) named in the text outside speakers and abstracts.
    lazy var countries: [ZoneEvidence] = {
        var found: [ZoneEvidence] = []
        var tried = Set<String>()
        for (index, text) in placeLines().prefix(2_000) {
            let masked = DateScanner.maskingURLs(text)
            let tokens = TextTokens.tokenize(masked)
            for (position, token) in tokens.enumerated() where token.isWord && token.length >= 4 && token.startsUppercase {
                // A city counts after a preposition or a comma ("à Paris", "en Santiago", "Sala 2, Santiago").
                let afterPreposition = position > 0 && (Self.placePrepositions.contains(tokens[position - 1].folded)
                    || tokens[position - 1].isSymbol(","))
                let word = token.text(in: masked)
                guard tried.count < 150 || tried.contains(word) else { continue }
                tried.insert(word)
                switch resolver.read(word, hint: ZoneHint(region: region)) {
                case .zone(let resolution) where resolution.method == .country || (resolution.method == .city && afterPreposition):
                    found.append(ZoneEvidence(kind: .countryMention, zone: resolution.zone, text: word,
                                              detail: resolution.detail, method: resolution.method, line: index))
                default:
                    continue
                }
                if found.count >= 16 { return found }
            }
        }
        return found
    }()

    /// Prepositions before a city (`à Paris`, `in Lausanne`, `en Santiago`).
    static let placePrepositions: FoldedWordSet = ["a", "in", "en", "at"]

    // MARK: - Reading phrases

    /// The first zone a list of phrases written after a time gives (abbreviations read with the date).
    func readAttached(_ candidates: [String], date: PlainDate?) -> (ZoneResolution, String)? {
        for candidate in candidates {
            switch resolver.read(candidate, hint: ZoneHint(region: region, date: date)) {
            case .zone(let resolution):
                if resolution.method == .windows { continue }
                return (resolution, candidate)
            case .ambiguous(let readings):
                if let first = readings.first { return (first, candidate) }
            case .none:
                continue
            }
        }
        return nil
    }

    /// Every reading of the first phrase that gives any (for ambiguous abbreviations such as `IST`).
    func attachedReadings(_ candidates: [String], date: PlainDate?) -> (readings: [ZoneResolution], text: String, ambiguous: Bool)? {
        for candidate in candidates {
            switch resolver.read(candidate, hint: ZoneHint(region: region, date: date)) {
            case .zone(let resolution): return ([resolution], candidate, false)
            case .ambiguous(let readings): return (readings, candidate, true)
            case .none: continue
            }
        }
        return nil
    }

    /// A city or country in a free-text place: the whole text, its comma parts from the last,
    /// then its capitalised words.
    ///
    /// Read once per input for each distinct text, kind and filter (a series writes the same
    /// place in every message), unless the resolver's budget ran out while reading it.
    func placeEvidence(in text: String, kind: ZoneEvidence.Kind, line: Int, allowAbbreviations: Bool) -> ZoneEvidence? {
        let key = ZoneEvidenceResolver.PlaceKey(text: text, region: region, kind: kind, allowAbbreviations: allowAbbreviations)
        if let known = resolver.placeMemo[key] {
            guard var evidence = known else { return nil }
            evidence.line = line
            return evidence
        }
        let refusals = resolver.refusals
        let evidence = scanPlaceEvidence(in: text, kind: kind, line: line, allowAbbreviations: allowAbbreviations)
        if resolver.refusals == refusals { resolver.remember(evidence, for: key) }
        return evidence
    }

    /// ``placeEvidence(in:kind:line:allowAbbreviations:)`` without the memo.
    func scanPlaceEvidence(in text: String, kind: ZoneEvidence.Kind, line: Int, allowAbbreviations: Bool) -> ZoneEvidence? {
        var phrases: [String] = [text]
        let parts = Self.commaParts(text)
        if parts.count > 1 { phrases += parts.reversed() }
        let tokens = TextTokens.tokenize(text)
        var run: [TextToken] = []
        var runs: [[TextToken]] = []
        for token in tokens {
            if token.isWord, token.startsUppercase {
                run.append(token)
            } else {
                if !run.isEmpty { runs.append(run) }
                run = []
            }
        }
        if !run.isEmpty { runs.append(run) }
        for words in runs {
            phrases += DateScanner.placePhrases(words, in: text)
            if words.count > 1 { phrases += words.map { $0.text(in: text) } }
        }
        // The first reading, but a city before a country ("75005 Paris, France" is Paris).
        var country: ZoneEvidence?
        var seen = Set<String>()
        for phrase in phrases.prefix(24) where seen.insert(phrase).inserted {
            guard phrase.count >= 3 || allowAbbreviations else { continue }
            switch resolver.read(phrase, hint: ZoneHint(region: region)) {
            case .zone(let resolution):
                let allowed: Set<ZoneResolutionMethod> = allowAbbreviations
                    ? [.iana, .alias, .offset, .abbreviation, .city, .country]
                    : [.iana, .alias, .city, .country]
                guard allowed.contains(resolution.method) else { continue }
                let evidence = ZoneEvidence(kind: kind, zone: resolution.zone, text: phrase, detail: resolution.detail,
                                            method: resolution.method, line: line, abbreviationKind: resolution.abbreviationKind)
                if resolution.method == .country {
                    if country == nil { country = evidence }
                    continue
                }
                return evidence
            default:
                continue
            }
        }
        return country
    }

    /// The comma-separated parts of a text (empty ones dropped), each trimmed of spaces.
    ///
    /// ASCII text is cut at its comma bytes: there every character is one byte (or CR LF), so
    /// the parts are those of splitting the characters. Other text is split by characters.
    static func commaParts(_ text: String) -> [String] {
        guard TextBytes.isASCII(text) else { return text.split(separator: ",").map { $0.trimming(" ") } }
        return text.utf8.split(separator: 0x2C).map { String(Substring($0)).trimming(" ") }
    }

    /// Capitalised words right before a token (`piso 7 Santiago` → `Santiago`); `line` is the
    /// text the tokens were cut from.
    static func capitalisedWords(_ tokens: [TextToken], endingBefore end: Int, limit: Int, in line: String) -> String {
        var start = end
        while start > 0, end - start < limit {
            let token = tokens[start - 1]
            guard token.isWord, token.startsUppercase else { break }
            start -= 1
        }
        return DateScanner.joined(Array(tokens[start..<end]), in: line)
    }

    /// Capitalised words right after a token (`, IL 60637` → `IL`, `, CHILE CP` → `CHILE`).
    static func capitalisedWords(_ tokens: [TextToken], startingAfter index: Int, limit: Int, in line: String) -> String {
        // Each word with its text: parts joined by an apostrophe or a hyphen are one word.
        var words: [(token: TextToken, text: String)] = []
        var cursor = index + 1
        while cursor < tokens.count, words.count < limit {
            let token = tokens[cursor]
            guard token.isWord, token.startsUppercase else { break }
            var text = token.text(in: line)
            // "Be'er Sheva", "Saint-Étienne": parts joined by an apostrophe or a hyphen are one word.
            while cursor + 2 < tokens.count, tokens[cursor + 1].isSymbol("'") || tokens[cursor + 1].isSymbol("\u{2019}") || tokens[cursor + 1].isSymbol("-"),
                  !tokens[cursor + 1].spaced, tokens[cursor + 2].isWord, !tokens[cursor + 2].spaced {
                text += tokens[cursor + 1].text(in: line) + tokens[cursor + 2].text(in: line)
                cursor += 2
            }
            // A two-letter part is a region code only in capitals ("IL", not "Be").
            if text.count <= 2 && text != text.uppercased() { break }
            words.append((token, text))
            cursor += 1
        }
        // A country or state is one or two words; "CHILE CP" is "CHILE".
        if words.count == 2, words[1].text.count <= 2 || words[1].text == words[1].text.uppercased() && words[0].text != words[0].text.uppercased() {
            words.removeLast()
        }
        if words.count == 2, words[0].text == words[0].text.uppercased(), words[1].text == words[1].text.uppercased() { words.removeLast() }
        var joined = ""
        for (offset, word) in words.enumerated() {
            if offset > 0 && word.token.spaced { joined += " " }
            joined += word.text
        }
        return joined
    }
}
