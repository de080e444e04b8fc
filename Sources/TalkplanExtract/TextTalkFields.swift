import Foundation

/// Title, speaker, location, links and mode of a talk, from its record's fields, the subject
/// or heading, and the document's shared information.
extension AnnouncementReader {
    struct TalkFields {
        var title: String?
        var speaker: String?
        var location: String?
        var online: [String] = []
        var mode: AttendanceMode = .unknown
        var details: String?
    }

    func fields(for draft: TalkDraft) -> TalkFields {
        let record = analysis.records[draft.record]
        var fields = TalkFields()
        fields.title = record.first(.title).map { cleanTitle($0.text) }
        fields.speaker = record.first(.speaker).map { cleanName(valueText($0, record: record)) }
        fields.details = record.first(.abstract)?.text
        if fields.title == nil || fields.title?.isEmpty == true {
            fields.title = record.first(.topic).map { cleanTitle($0.text) }
                ?? headingTitle(record: record)
                ?? quotedTitle(record: record, near: draft.main.line)
        }
        if fields.speaker == nil, !draft.programLine { fields.speaker = proseSpeaker(record: record) }
        if draft.programLine {
            let (title, speaker) = splitProgramText(programText(draft.main))
            fields.title = title
            fields.speaker = speaker
            fields.details = nil
        }
        if fields.speaker?.isEmpty == true { fields.speaker = nil }
        if fields.title?.isEmpty == true { fields.title = nil }

        // Location and online links: the record's own, else the document's when it has one.
        var onlineOnlyLocation = false
        var location = record.first(.location).map { cleanLocation($0) }
        if let value = location, isOnlineOnly(value) {
            location = nil
            onlineOnlyLocation = true
        }
        if location?.isEmpty == true { location = nil }
        if location == nil, analysis.records.count > 1 { location = documentLocation }
        // A room named in a sentence: next to the talk's time, in the record's body, on a dated line, anywhere.
        if location == nil {
            let line = draft.main.line
            location = roomPhrase(in: Array(max(0, line - 1)...min(analysis.lines.count - 1, line + 1)))
        }
        if location == nil, let firstField = record.fields.first?.line {
            location = roomPhrase(in: Array(firstField..<record.end))
        }
        if location == nil, analysis.records.count > 1 { location = documentRoom }
        if location == nil { location = roomPhrase(in: Array(record.start..<record.end)) }
        if location == nil { location = placeLineNear(draft.main.line) }
        var links = onlineLinks(in: record.start..<record.end)
        if analysis.records.count > 1, links.isEmpty { links = documentLinks }
        fields.location = location?.isEmpty == true ? nil : location
        fields.online = links
        fields.mode = AttendanceMode(hasLocation: fields.location != nil, hasOnlineLink: !links.isEmpty || onlineOnlyLocation)
        let said = modeSaid(record: record).union(sharedModeSaid)
        if said.contains(.hybrid) {
            if fields.location != nil || !links.isEmpty || onlineOnlyLocation { fields.mode = .hybrid }
        } else if said.contains(.online), !links.isEmpty || onlineOnlyLocation {
            fields.mode = .online
        } else if said.contains(.inPerson), fields.location != nil {
            fields.mode = .inPerson
        }
        return fields
    }

    /// A title in quotes in the record (`Talk by Jane Doe (MIT): 'Sparse graphs' — Thu 7 Nov …`),
    /// the talk's own line first.
    func quotedTitle(record: TextRecord, near line: Int) -> String? {
        let pairs: [(Character, Character)] = [("\u{201C}", "\u{201D}"), ("\"", "\""), ("\u{00AB}", "\u{00BB}"), ("'", "'"), ("\u{2018}", "\u{2019}")]
        let lines = [line] + Array(record.start..<min(record.end, record.start + 40)).filter { $0 != line }
        for index in lines where analysis.info[index].field != .abstract {
            let text = analysis.lines[index].text
            // Quotes in a long paragraph are a phrase of the abstract, not the title.
            guard text.count <= 300 else { continue }
            for (open, close) in pairs {
                var searchFrom = text.startIndex
                while let start = text[searchFrom...].firstIndex(of: open) {
                    let after = text.index(after: start)
                    // An opening quote starts a word; "l'été" and "don't" are not quotes.
                    if open == "'" || open == "\u{2018}", start > text.startIndex, text[text.index(before: start)].isLetter {
                        searchFrom = after
                        continue
                    }
                    guard after < text.endIndex, let end = text[after...].firstIndex(of: close) else { break }
                    let inner = text[after..<end].trimming(" ")
                    if inner.count >= 8, inner.count <= 200, inner.contains(" ") { return cleanTitle(inner) }
                    searchFrom = text.index(after: end)
                }
            }
        }
        return nil
    }

    /// Particles inside a name (`Ana de la Cruz`, `Ludwig van Beethoven`).
    static let nameParticles: FoldedWordSet = ["de", "van", "von", "da", "del", "der", "le", "la", "di", "du", "dos", "y"]
    /// Words that introduce a name in a sentence.
    static let nameIntroducers: FoldedWordSet = ["by", "par", "por", "de"]
    /// ``talkWords`` as token words.
    static let talkTokenWords = FoldedWordSet(foldedWords: Array(talkWords))
    /// The one-word speaker labels of ``TextFields/labels`` (`speaker`, `orador`), as token words.
    static let speakerLabelWords = FoldedWordSet(foldedWords: TextFields.labels.compactMap { key, kind in
        kind == .speaker && key.utf8.count <= FoldedWord.capacity ? key : nil
    })

    /// "Talk by Jane Doe (MIT)", "conférence de Marie Curie (ESPCI)", "charla por Ana Pérez": a name after "by".
    func proseSpeaker(record: TextRecord) -> String? {
        let particles = Self.nameParticles
        for index in record.start..<min(record.end, record.start + 60) where analysis.info[index].field != .abstract {
            let text = analysis.lines[index].text
            guard text.utf8.count < 2_000 else { continue }
            let masked = DateScanner.maskingURLs(text)
            let tokens = TextTokens.tokenize(masked)
            for (position, token) in tokens.enumerated() where token.isWord {
                var cursor = position + 1
                if Self.nameIntroducers.contains(token.folded) {
                    // "de" only after a word for a talk ("conférence de", "charla de").
                    if token.folded == "de" {
                        guard position > 0, Self.talkTokenWords.contains(tokens[position - 1].folded) else { continue }
                    }
                } else if Self.speakerLabelWords.contains(token.folded), position + 1 < tokens.count, tokens[position + 1].isSymbol(":"),
                          position > 0 {
                    // A speaker label inside a sentence: "… Room 380C. Speaker: Persi Diaconis."
                    cursor = position + 2
                } else {
                    continue
                }
                var words: [TextToken] = []
                while cursor < tokens.count, words.count < 6 {
                    let next = tokens[cursor]
                    if next.isWord, next.startsUppercase {
                        words.append(next)
                    } else if next.isWord, particles.contains(next.folded), !words.isEmpty {
                        words.append(next)
                    } else if (next.isSymbol("-") || next.isSymbol(".")) && !next.spaced && !words.isEmpty {
                        words.append(next)
                    } else {
                        break
                    }
                    cursor += 1
                }
                while let last = words.last, last.kind == .symbol && !last.isSymbol(".") || particles.contains(last.folded) { words.removeLast() }
                // A final period ends the sentence unless it ends an initial ("J.").
                if let last = words.last, last.isSymbol("."), words.count >= 2, words[words.count - 2].length > 2 { words.removeLast() }
                let capitalised = words.filter { $0.isWord && $0.startsUppercase }
                guard (2...5).contains(capitalised.count) else { continue }
                var name = DateScanner.joined(words, in: masked)
                // "(MIT)" right after the name.
                if cursor < tokens.count, tokens[cursor].isSymbol("("),
                   let close = tokens[cursor...].firstIndex(where: { $0.isSymbol(")") }), close - cursor <= 12 {
                    name += " (" + DateScanner.joined(Array(tokens[(cursor + 1)..<close]), in: masked) + ")"
                }
                return cleanName(name)
            }
        }
        return nil
    }

    /// A programme line's title and speaker: `Title — Speaker (EPFL)`, `Speaker (EPFL): Title`, `Title (Speaker)`.
    func splitProgramText(_ text: String) -> (String?, String?) {
        for separator in [" \u{2014} ", " \u{2013} ", " - ", " | ", ": ", ", by ", " by ", " par ", " por "] {
            guard let range = text.range(of: separator) else { continue }
            let first = String(text[..<range.lowerBound]).trimming(" "), second = String(text[range.upperBound...]).trimming(" ")
            guard !first.isEmpty, !second.isEmpty else { continue }
            if looksLikePerson(first) && !looksLikePerson(second) { return (cleanTitle(second), cleanName(first)) }
            return (cleanTitle(first), cleanName(second))
        }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inside = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            if looksLikePerson(inside) { return (cleanTitle(String(text[..<open])), cleanName(inside)) }
        }
        return (cleanTitle(text), nil)
    }

    /// A name with an affiliation (`Jane Doe (EPFL)`) or two to four capitalised words.
    func looksLikePerson(_ text: String) -> Bool {
        if text.contains("("), text.hasSuffix(")") { return true }
        let words = text.split(separator: " ")
        return (2...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true || $0.count <= 3 }
    }

    /// A speaker field's text without a date or time that ends its label line (`… (ENS Paris) 16.15`).
    func valueText(_ field: FieldValue, record: TextRecord) -> String {
        let info = analysis.info[field.line]
        guard let label = info.label, !label.standalone, !info.mentions.isEmpty else { return field.text }
        // Only a date or time that ends the line is cut ("… (ENS Paris) 16.15"), not one inside a title.
        let tokens = TextTokens.tokenize(analysis.lines[field.line].text)
        let trailing = (info.mentions.times.map { ($0.column, $0.tokenEnd) } + info.mentions.dates.map { ($0.column, $0.tokenEnd) })
            .filter { mention in tokens[min(mention.1, tokens.count)...].allSatisfy { $0.kind == .symbol } }
        guard let firstColumn = trailing.map(\.0).min(), firstColumn > label.valueColumn else { return field.text }
        let scalars = Array(analysis.lines[field.line].text.unicodeScalars)
        let value = String(String.UnicodeScalarView(scalars[label.valueColumn..<min(firstColumn, scalars.count)]))
        return TextAnalysis.clean(value)
    }

    /// A title without surrounding quotes and a final period.
    func cleanTitle(_ text: String) -> String {
        var title = text.collapsingWhitespace().trimming(" \"'\u{201C}\u{201D}\u{00AB}\u{00BB}\u{2018}\u{2019}*_")
        if title.hasSuffix("."), !title.hasSuffix("..") { title.removeLast() }
        return title.trimming(" ")
    }

    func cleanName(_ text: String) -> String {
        text.collapsingWhitespace().trimming(" ,;:-*_")
    }

    /// The title of a talk without a title field: the email's subject, else the document's
    /// first line when it reads as a heading.
    func headingTitle(record: TextRecord) -> String? {
        if let subject = document.subject {
            let cleaned = cleanSubject(subject.text)
            if !cleaned.isEmpty { return cleaned }
        }
        // The most title-like line before the record's fields: long, not an institution or series name.
        var best: (score: Int, text: String)?
        let limit = min(record.end, max(record.fields.first?.line ?? 0, record.start + 12), record.start + 40)
        for index in record.start..<limit {
            let info = analysis.info[index]
            if info.isBlank || info.isSubject || info.label != nil || info.field != nil || !info.mentions.isEmpty { continue }
            var text = analysis.lines[index].text.collapsingWhitespace()
            guard text.count >= 4, text.count <= 200, !text.contains("://"), !text.contains("@"), text.contains(" "),
                  !text.contains("\u{203A}"), !text.contains(" > "), !text.contains("\":"), !text.hasPrefix("{"), !text.hasPrefix("\"")
            else { continue }
            var score = text.split(separator: " ").count
            // "Stargazing talk: The sky before dawn", "Seminar: Learning dynamics | EPFL".
            if let colon = text.firstIndex(of: ":") {
                let head = DateNames.fold(text[..<colon]).split(separator: " ").map(String.init)
                if head.count <= 4, head.contains(where: Self.talkWords.contains) {
                    text = String(text[text.index(after: colon)...]).trimming(" ")
                    if let bar = text.range(of: " | ") { text = String(text[..<bar.lowerBound]) }
                    score = text.split(separator: " ").count + 5
                }
            }
            let words = Set(DateNames.fold(text).split(whereSeparator: { !$0.isLetter }).map(String.init))
            if !words.isDisjoint(with: Self.institutionWords) { score -= 5 }
            if score > (best?.score ?? 0) { best = (score, text) }
        }
        return best.map { cleanTitle($0.text) }
    }

    /// Words that name a talk before its title (`Charla de medianoche: …`).
    static let talkWords: Set<String> = [
        "talk", "charla", "conference", "expose", "vortrag", "lecture", "seminar", "seminaire", "seminario", "colloquium",
        "colloque", "coloquio", "conferencia", "keynote", "plenary",
    ]

    /// Words of institution and series names, which are headings but not titles.
    static let institutionWords: Set<String> = [
        "university", "universidad", "universite", "universitat", "institute", "institut", "instituto", "department",
        "departement", "departamento", "faculty", "facultad", "faculte", "laboratoire", "laboratory", "observatoire",
        "observatorio", "school", "ecole", "escuela", "center", "centre", "centro", "seminar", "seminaire", "seminario",
        "colloquium", "coloquio", "colloque", "workshop", "series", "cycle", "ciclo", "jornada", "night", "nuit", "noche",
        "memento", "events", "home", "indico", "lab", "group", "groupe", "grupo", "society", "club",
    ]

    /// A subject without list tags, reply and forward prefixes, reminders and dates.
    func cleanSubject(_ subject: String) -> String {
        var text = subject.collapsingWhitespace()
        // A quoted title wins.
        for (open, close) in [("\u{201C}", "\u{201D}"), ("\"", "\""), ("\u{00AB}", "\u{00BB}")] {
            if let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex),
               text.distance(from: start.upperBound, to: end.lowerBound) >= 8 {
                return cleanTitle(String(text[start.upperBound..<end.lowerBound]))
            }
        }
        var changed = true
        while changed {
            changed = false
            text = text.trimming(" -:|")
            if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
                text = String(text[text.index(after: close)...])
                changed = true
                continue
            }
            let folded = DateNames.fold(text)
            for prefix in ["re:", "fwd:", "fw:", "tr:", "rv:", "reminder:", "rappel:", "rappel :", "recordatorio:", "today:", "tomorrow:",
                           "aujourd'hui:", "demain:", "hoy:", "manana:", "invitation:", "announcement:", "annonce:", "anuncio:", "reminder",
                           "today", "tomorrow", "this week:", "next week:", "cette semaine:", "save the date:"] where folded.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count))
                changed = true
                break
            }
        }
        // Dates and times in the subject are not part of the title.
        let mentions = DateScanner.scan(text)
        if let first = (mentions.dates.map(\.column) + mentions.times.map(\.column)).min(), first <= 2 {
            let last = (mentions.dates.map { $0.tokenEnd } + mentions.times.map { $0.tokenEnd }).max() ?? 0
            let tokens = TextTokens.tokenize(text)
            if last < tokens.count {
                text = String(String.UnicodeScalarView(Array(text.unicodeScalars)[tokens[last].start...]))
            }
        }
        return cleanTitle(text.trimming(" -:|,"))
    }
}
