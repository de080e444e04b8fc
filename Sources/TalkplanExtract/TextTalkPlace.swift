import Foundation

/// Where and how a talk is held: its location (a field, a room named in a sentence, an address
/// line next to its date), its join and livestream links, and what the text says of the mode.
extension AnnouncementReader {
    /// Words that make a location an online platform, not a place.
    static let onlineWords: Set<String> = [
        "zoom", "online", "en", "ligne", "linea", "virtual", "virtually", "teams", "microsoft", "webex", "google", "meet",
        "via", "webinar", "meeting", "link", "below", "see", "visio", "visioconference", "remote", "a", "distance", "only",
        "uniquement", "solo", "the", "de", "par", "por", "jitsi", "bigbluebutton", "panopto", "livestream", "stream", "youtube",
        "distancia", "remoto", "reunion", "on", "and", "streaming", "enlace", "lien", "by", "invitation", "request", "upon",
        "sur", "inscription", "registration", "required",
    ]

    /// Phrases that say how a talk is held.
    static let hybridPhrases = ["hybrid", "hybride", "hibrida", "hibrido", "hibrid"]
    static let onlinePhrases = ["online only", "only online", "virtual only", "fully online", "100% online", "en ligne uniquement",
                                "uniquement en ligne", "exclusivement en ligne", "solo en linea", "exclusivamente en linea",
                                "modalidad virtual", "modalidad online", "modalidad en linea", "a distance uniquement"]
    static let inPersonPhrases = ["in person only", "in-person only", "no zoom", "not be streamed", "not streamed", "will not be recorded or streamed",
                                  "uniquement en presentiel", "solo presencial", "modalidad presencial"]

    /// A location field's text: the place after a sentence such as "Talk will be given live, in-person at".
    func cleanLocation(_ field: FieldValue) -> String {
        var text = field.text
        if let match = Self.locationSentenceMatcher.firstMatch(in: text) {
            let skip = match.column + Self.locationSentences[match.phrase].count
            text = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(skip)))
        }
        return text.trimming(" ,;:.-")
    }

    static let locationSentences = [" in-person at ", " in person at ", " given at ", " held at ", " aura lieu ", " tendra lugar en ", " se realizara en "]
    static let locationSentenceMatcher = PhraseMatcher(locationSentences)

    /// Whether a location says only that the talk is online ("Zoom", "en ligne", "via Teams").
    func isOnlineOnly(_ text: String) -> Bool {
        Self.asciiIsOnlineOnly(text) ?? Self.generalIsOnlineOnly(text)
    }

    /// ``isOnlineOnly(_:)`` for any text: every folded word is an online word.
    static func generalIsOnlineOnly(_ text: String) -> Bool {
        let words = DateNames.fold(text).split(whereSeparator: { !$0.isLetter })
        return !words.isEmpty && words.allSatisfy { onlineWords.contains(String($0)) }
    }

    /// ``isOnlineOnly(_:)`` on the bytes of an ASCII text (`nil` for other texts): its words are
    /// the runs of ASCII letters, lower-cased, and the first that is not an online word decides.
    static func asciiIsOnlineOnly(_ text: String) -> Bool? {
        var copy = text
        return copy.withUTF8 { bytes -> Bool? in
            guard TextBytes.isASCII(bytes) else { return nil }
            var sawWord = false
            var index = 0
            let count = bytes.count
            while index < count {
                guard TextFields.isASCIILetter(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < count, TextFields.isASCIILetter(bytes[index]) { index += 1 }
                let word = String(unsafeUninitializedCapacity: index - start) { output in
                    for offset in 0..<(index - start) {
                        let byte = bytes[start + offset]
                        output[offset] = byte <= 0x5A ? byte + 0x20 : byte
                    }
                    return index - start
                }
                guard onlineWords.contains(word) else { return false }
                sawWord = true
            }
            return sawWord
        }
    }

    /// "sala Multimedia CMM, Beauchef 851, Torre Piso 6" in a sentence: a room word and what follows, to the end of the clause.
    func roomPhrase(in range: [Int]) -> String? {
        for index in range.prefix(400) {
            if let found = roomPhrase(onLine: index) { return found }
        }
        return nil
    }

    static let roomWords: Set<String> = ["sala", "salle", "room", "amphi", "amphitheatre", "amphitheater", "auditorium", "aula", "auditorio",
                                      "lecture", "building", "batiment", "edificio", "hall", "campus"]

    /// ``roomWords`` as token words.
    static let roomTokenWords = FoldedWordSet(foldedWords: Array(roomWords))
    /// Words between a room word and its name (`Sala de Seminarios`, `Room of …`).
    static let roomNameLinks: FoldedWordSet = ["de", "del", "des", "du", "of", "la"]

    func roomPhrase(onLine index: Int) -> String? {
        Self.roomPhrase(onLine: index, analysis: analysis)
    }

    /// Finds the room words of ``roomWords`` in a line's folded text: a line without one has no
    /// token that is one, and is never tokenized.
    static let roomWordMatcher = PhraseMatcher(Array(roomWords))

    /// A room word and the place it names on one line, to the end of the clause.
    static func roomPhrase(onLine index: Int, analysis: TextAnalysis) -> String? {
        let info = analysis.info[index]
        if info.isBlank || info.field == .abstract || info.field == .speaker || info.field == .title { return nil }
        if let column = info.dialInColumn, column == 0 { return nil }
        guard roomWordMatcher.matches(analysis.lines[index].text) else { return nil }
        return tokenizedRoomPhrase(onLine: index, analysis: analysis)
    }

    /// ``roomPhrase(onLine:analysis:)`` without the matcher's filter: the line's tokens are read.
    static func tokenizedRoomPhrase(onLine index: Int, analysis: TextAnalysis) -> String? {
        let info = analysis.info[index]
        if info.isBlank || info.field == .abstract || info.field == .speaker || info.field == .title { return nil }
        if let column = info.dialInColumn, column == 0 { return nil }
        do {
            let tokens = TextTokens.tokenize(DateScanner.maskingURLs(analysis.lines[index].text))
            for (position, token) in tokens.enumerated() where token.isWord && roomTokenWords.contains(token.folded) {
                // The word must start a place: followed by a name or a number ("Sala de Seminarios", "room 530"),
                // not by a verb ("room for questions").
                guard position + 1 < tokens.count else { continue }
                let next = tokens[position + 1]
                let named = next.isNumber || next.startsUppercase
                    || (roomNameLinks.contains(next.folded) && position + 2 < tokens.count && tokens[position + 2].startsUppercase)
                guard named else { continue }
                let scalars = Array(analysis.lines[index].text.unicodeScalars)
                var end = scalars.count
                // To the end of the clause: a period followed by a space, or a date or time after it.
                let mentionColumns = (info.mentions.dates.map(\.column) + info.mentions.times.map(\.column)).filter { $0 > token.start }
                for probe in position..<tokens.count {
                    let t = tokens[probe]
                    // A period ends the clause, unless it ends an abbreviation ("1052 W. Loyola Ave", "Av. Libertador").
                    if t.isSymbol("."), probe + 1 < tokens.count, tokens[probe + 1].spaced,
                       !(probe > 0 && tokens[probe - 1].isWord && tokens[probe - 1].spaced && !t.spaced
                         && tokens[probe - 1].length <= 3 && tokens[probe - 1].startsUppercase) {
                        end = t.start
                        break
                    }
                    if let column = mentionColumns.min(), column <= t.start { end = column; break }
                }
                let phrase = String(String.UnicodeScalarView(scalars[token.start..<max(token.start, end)]))
                let cleaned = phrase.collapsingWhitespace().trimming(" ,;:.-")
                if cleaned.count >= 4 && cleaned.count <= 160 { return cleaned }
            }
        }
        return nil
    }

    /// A short address-like line right after (or before) the talk's date line: `Amphimax 414, UNIL, 1015 Lausanne`.
    func placeLineNear(_ line: Int) -> String? {
        for index in [line + 1, line - 1] where index >= 0 && index < analysis.lines.count {
            let info = analysis.info[index]
            guard !info.isBlank, info.label == nil, info.field == nil, info.mentions.isEmpty, !info.isSubject,
                  info.dialInColumn == nil, info.invitationColumn == nil else { continue }
            let text = analysis.lines[index].text.collapsingWhitespace()
            guard text.count >= 6, text.count <= 100, !text.hasSuffix("."), !text.hasSuffix(":"), !text.contains("://"),
                  text.contains(where: \.isNumber) else { continue }
            let words = Set(DateNames.fold(text).split(whereSeparator: { !$0.isLetter }).map(String.init))
            guard text.contains(",") || !words.isDisjoint(with: Self.roomWords) else { continue }
            return text
        }
        return nil
    }

    /// Join and livestream links in a range of lines.
    func onlineLinks(in range: Range<Int>) -> [String] {
        var links: [String] = []
        for index in range where analysis.lines[index].text.containsASCII("http") {
            for link in OnlineLinks.find(in: analysis.lines[index].text) where !links.contains(link) {
                links.append(link)
                if links.count >= 16 { return links }
            }
        }
        return links
    }

    static let modeMatcher = PhraseMatcher(hybridPhrases + onlinePhrases + inPersonPhrases)

    /// The modes a line says a talk is held in ("modalidad híbrida", "online only", "in person only").
    static func modesSaid(in line: String) -> Set<AttendanceMode> {
        guard let match = modeMatcher.firstMatch(in: line) else { return [] }
        if match.phrase < hybridPhrases.count { return [.hybrid] }
        if match.phrase < hybridPhrases.count + onlinePhrases.count { return [.online] }
        return [.inPerson]
    }

    /// The modes a record's lines (not its abstract) say.
    func modeSaid(record: TextRecord) -> Set<AttendanceMode> {
        var said: Set<AttendanceMode> = []
        for index in record.start..<min(record.end, record.start + 400) where analysis.info[index].field != .abstract {
            said.formUnion(Self.modesSaid(in: analysis.lines[index].text))
        }
        return said
    }
}
