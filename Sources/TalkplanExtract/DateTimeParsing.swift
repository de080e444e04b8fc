import TalkplanTime

/// Times of day, ranges and the zone phrase written after them.
///
/// Recognised: `10:30`, `10:30 am`, `10 a.m.`, `12:00 PM`, `3 p. m.`, `14h`, `14h00`, `14 h 30`,
/// `16.15`, `15:00 horas`, `15 hrs`, `noon`, `midi`, `mediodía`; ranges with `-`, `–`, `→`, `to`,
/// `until`, `à`, `a`, `hasta` (`3-4 pm` carries the meridiem back); a zone after the time:
/// `CT`, `(CET)`, `UTC+1`, `GMT-3`, `Jerusalem`, `Paris time`, `heure de Paris`, `hora de Santiago`.
extension DateScanner {
    enum Meridiem { case am, pm }

    /// A clock reading before its meridiem is applied.
    struct Clock {
        var hour: Int
        var minute: Int
        var second: Int = 0
        var meridiem: Meridiem?
        /// Written with minutes or an hour mark (`14:00`, `14h`), not a bare number.
        var explicit: Bool
        /// Written `14h` / `15 horas`: a 24-hour reading.
        var hourMark: Bool = false
        var end: Int

        /// The 24-hour time: the written meridiem, else an assumed one (for an hour 1...12), else as written.
        func resolved(_ assumed: Meridiem? = nil) -> WrittenTime? {
            var h = hour
            let applied: Meridiem?
            if let meridiem {
                guard (1...12).contains(h) else { return nil }
                applied = meridiem
            } else if let assumed, (1...12).contains(h), !hourMark {
                applied = assumed
            } else {
                applied = nil
            }
            if applied == .pm && h != 12 { h += 12 }
            if applied == .am && h == 12 { h = 0 }
            guard (0...23).contains(h), (0...59).contains(minute) else { return nil }
            return WrittenTime(hour: h, minute: minute, second: second)
        }
    }

    static let hourUnits: FoldedWordSet = ["h", "hs", "hr", "hrs", "horas", "hora", "uhr", "heures", "heure", "hours", "hours"]
    static let noonWords: FoldedWordSet = ["noon", "midi", "mediodia", "midday"]
    static let rangeWords: FoldedWordSet = ["to", "till", "until", "a", "al", "hasta", "bis", "et", "and", "y", "jusqu"]
    static let rangeSymbols: Set<Int> = [0x2D, 0x2013, 0x2014, 0x2012, 0x2192, 0x7E, 0x2010, 0x2011, 0x2212]
    /// Words that introduce a time (`at 16.15`, `a las 15.00`), which make a dotted time safe to read.
    static let timeIntroducers: FoldedWordSet = ["at", "a", "las", "la", "from", "de", "desde", "des", "des", "to", "until", "till", "hasta", "starting", "begins", "starts", "beginning", "vers", "hacia", "ab", "um", "alle", "ore", "time", "heure", "hora", "horario", "horaire"]

    /// Words for a time before a place (`heure de Paris`, `hora de Santiago`).
    static let timeOfPlaceWords: FoldedWordSet = ["heure", "hora", "horario", "heures"]
    /// Connectives inside a place name (`Santiago de Chile`, `Rio de Janeiro`).
    static let placeParticles: FoldedWordSet = ["de", "del", "la", "los", "las", "do", "da"]
    /// Words for time after a place (`Paris time`, `heure`, `hora`).
    static let timeWords: FoldedWordSet = ["time", "heure", "hora"]

    /// Words after which a dotted number is a number (a room, a section, a version), not a time.
    static let numberNouns: FoldedWordSet = [
        "room", "salle", "sala", "aula", "office", "bureau", "oficina", "building", "batiment", "edificio", "floor", "piso",
        "etage", "no", "nr", "n", "number", "numero", "section", "chapter", "chapitre", "capitulo", "eq", "equation",
        "fig", "figure", "table", "theorem", "lemma", "version", "v", "release", "page", "p", "pp", "vol", "level", "niveau",
        "amphi", "auditorium", "hall", "gate", "bus", "line", "ligne", "lab", "raum", "hs", "hg",
    ]

    /// A meridiem at `index`: `am`, `PM`, `a.m.`, `p. m.`, `de la tarde`, `du soir`, `in the afternoon`.
    func meridiem(at index: Int) -> (Meridiem, Int)? {
        guard let t = token(index), t.isWord else { return nil }
        switch t.folded {
        case "am": return (.am, index + 1)
        case "pm": return (.pm, index + 1)
        case "a", "p":
            // a.m. / p. m.
            guard let dot = token(index + 1), dot.isSymbol("."), !dot.spaced, let m = token(index + 2), m.isWord("m") else { return nil }
            var end = index + 3
            if let dot2 = token(end), dot2.isSymbol("."), !dot2.spaced { end += 1 }
            return (t.folded == "a" ? .am : .pm, end)
        case "de", "du", "in":
            var cursor = index + 1
            if let article = token(cursor), article.isWord("la") || article.isWord("the") || article.isWord("l") { cursor += 1 }
            if let apostrophe = token(cursor), apostrophe.kind == .symbol, apostrophe.isSymbol("'") || apostrophe.isSymbol("\u{2019}") { cursor += 1 }
            guard let word = token(cursor), word.isWord else { return nil }
            switch word.folded {
            case "manana", "madrugada", "matin", "morning": return (.am, cursor + 1)
            case "tarde", "noche", "soir", "afternoon", "evening", "apres":
                var end = cursor + 1
                if word.folded == "apres", let dash = token(end), dash.isSymbol("-"), let midi = token(end + 1), midi.isWord("midi") { end += 2 }
                return (.pm, end)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A single clock reading at `index`.
    func clock(at index: Int, allowBare: Bool = false) -> Clock? {
        guard let first = token(index) else { return nil }
        if first.isWord, Self.noonWords.contains(first.folded) {
            return Clock(hour: 12, minute: 0, meridiem: .pm, explicit: true, end: index + 1)
        }
        guard first.isNumber, first.digits <= 2, first.value <= 24 else { return nil }
        // Not the tail of another number (`1.16.15`, `3:16:15`, `+1 312`).
        if let before = token(index - 1), !first.spaced, before.isNumber || before.isSymbol(".") || before.isSymbol(":") || before.isSymbol("/") || before.isSymbol(",") {
            return nil
        }
        if let before = token(index - 1), before.isSymbol("$") || before.isSymbol("€") || before.isSymbol("£") || before.isSymbol("#") || before.isSymbol("+") { return nil }
        var cursor = index + 1
        var clock = Clock(hour: first.value, minute: 0, explicit: false, end: cursor)
        if let sep = token(cursor), !sep.spaced, sep.isSymbol(":") || sep.isSymbol("."), let minute = token(cursor + 1), minute.isNumber,
           minute.digits == 2, !minute.spaced, minute.value <= 59 {
            if sep.isSymbol(".") {
                // 16.15 but not 1.16.15, 3.14159, 12.50€.
                if let after = token(cursor + 2), !after.spaced, after.isSymbol(".") || after.isSymbol(",") || after.isNumber, token(cursor + 3)?.isNumber == true { return nil }
                if let after = token(cursor + 2), !after.spaced, after.isSymbol("%") || after.isSymbol("€") || after.isSymbol("$") { return nil }
            }
            clock.minute = minute.value
            clock.explicit = true
            cursor += 2
            if let sep2 = token(cursor), sep2.isSymbol(":"), !sep2.spaced, let second = token(cursor + 1), second.isNumber, second.digits == 2, !second.spaced {
                clock.second = min(second.value, 59)
                cursor += 2
            }
            if sep.isSymbol(".") && !dottedTimeIsSafe(start: index, end: cursor) { return nil }
        } else if let h = token(cursor), h.isWord, h.folded == "h" {
            clock.explicit = true
            clock.hourMark = true
            cursor += 1
            if let minute = token(cursor), minute.isNumber, minute.digits == 2, minute.value <= 59 {
                clock.minute = minute.value
                cursor += 1
            }
        }
        if let (m, end) = meridiem(at: cursor) {
            clock.meridiem = m
            clock.explicit = true
            cursor = end
        } else if let noon = token(cursor), noon.isWord("noon"), first.value == 12 {
            clock.meridiem = .pm
            clock.explicit = true
            cursor += 1
        }
        if let unit = token(cursor), unit.isWord, Self.hourUnits.contains(unit.folded), !clock.hourMark || unit.folded != "h" {
            // "15:00 horas", "15 hrs", "14:00h"; not "2 hours long" after a bare number.
            if clock.explicit || unit.folded != "hours" {
                clock.explicit = true
                clock.hourMark = clock.hourMark || clock.meridiem == nil
                cursor += 1
                if let dot = token(cursor), dot.isSymbol("."), !dot.spaced, unit.folded == "hrs" || unit.folded == "hs" || unit.folded == "hr" { cursor += 1 }
            }
        }
        guard clock.explicit || allowBare else { return nil }
        if clock.meridiem != nil, !(1...12).contains(clock.hour) && !(clock.hour == 0) { return nil }
        if clock.meridiem == nil, clock.hour > 23 { return nil }
        clock.end = cursor
        return clock
    }

    /// A dotted time (`16.15`) is read only where numbers rarely are: after a word that
    /// introduces a time, before a meridiem, an hour unit or a range, or alone at the end of a
    /// line or clause.
    func dottedTimeIsSafe(start: Int, end: Int) -> Bool {
        if let before = token(start - 1), before.isWord, Self.timeIntroducers.contains(before.folded) { return true }
        // "Room 2.01", "Section 3.10", "v1.20": a number, not a time.
        if let before = token(start - 1), before.isWord, Self.numberNouns.contains(before.folded) { return false }
        guard let after = token(end) else { return true }
        if after.isWord, meridiem(at: end) != nil || Self.hourUnits.contains(after.folded) { return true }
        if after.kind == .symbol, Self.rangeSymbols.contains(after.value) || after.isSymbol(")") || after.isSymbol(",") || after.isSymbol(";") || after.isSymbol("*") { return true }
        if after.isWord, Self.rangeWords.contains(after.folded) { return true }
        if after.isSymbol("."), token(end + 1) == nil { return true }
        return false
    }

    /// A time or range at `index`, with the zone written after it.
    func timeRange(at index: Int) -> (TimeMention, Int)? {
        var startClock = clock(at: index)
        var bare = false
        if startClock == nil {
            // A bare hour opening a range: "3-4 pm", "14-16h", "de 3 a 4 p.m.".
            guard let bareClock = clock(at: index, allowBare: true) else { return nil }
            startClock = bareClock
            bare = true
        }
        guard var first = startClock else { return nil }
        var cursor = first.end
        var endClock: Clock?
        var probe = cursor
        if let sep = token(probe), (sep.kind == .symbol && Self.rangeSymbols.contains(sep.value)) || (sep.isWord && Self.rangeWords.contains(sep.folded)) {
            probe += 1
            if let t = token(probe), t.isSymbol(">") { probe += 1 }   // "->"
            if token(probe - 1)?.isWord("jusqu") == true, let a = token(probe), a.kind == .symbol { probe += 1; if token(probe)?.isWord("a") == true { probe += 1 } }
            if let t = token(probe), t.isWord("las") || t.isWord("la") { probe += 1 }
            if let second = clock(at: probe) ?? (first.explicit ? clock(at: probe, allowBare: first.hourMark) : nil) {
                endClock = second
                cursor = second.end
            }
        }
        if bare {
            // A bare start needs an end with a meridiem or hour mark.
            guard let endClock, endClock.meridiem != nil || endClock.hourMark else { return nil }
            first.explicit = true
        }
        // A meridiem written on one end applies to the other ("3-4 pm", "10:30-11:30am", "11-1 pm", "10 am - 2").
        var startTime: WrittenTime?
        var endTime: WrittenTime?
        if let endClock {
            if endClock.meridiem == nil, let m = first.meridiem, let start = first.resolved() {
                let same = endClock.resolved(m)
                if let same, same.secondOfDay > start.secondOfDay {
                    endTime = same
                } else {
                    endTime = endClock.resolved(m == .am ? .pm : .am) ?? same
                }
            } else {
                endTime = endClock.resolved()
            }
            if first.meridiem == nil, let m = endClock.meridiem, let end = endTime {
                let same = first.resolved(m)
                if let same, same.secondOfDay <= end.secondOfDay {
                    startTime = same
                } else {
                    startTime = first.resolved(m == .pm ? .am : .pm) ?? same
                }
            }
        }
        if startTime == nil { startTime = first.resolved() }
        guard var start = startTime else { return nil }
        var reversed = false
        if var end = endTime, end.secondOfDay < start.secondOfDay {
            // "20:30 - 19:00": swapped unless it reads as a plausible evening-to-night range.
            let overnight = end.secondOfDay + 86_400 - start.secondOfDay
            if overnight > 8 * 3600 {
                swap(&start, &end)
                reversed = true
                endTime = end
            }
        }
        var mention = TimeMention(start: start, end: endTime, reversed: reversed, column: tokens[index].start,
                                  tokenStart: index, tokenEnd: cursor, text: text(from: index, to: cursor))
        // An explicit offset or zone after the time.
        var zoneStart = cursor
        while let t = token(zoneStart), t.isSymbol("*") || t.isSymbol("_") || t.isSymbol(",") { zoneStart += 1 }
        if let (offset, end) = utcOffsetPhrase(at: zoneStart) {
            mention.offset = offset
            mention.tokenEnd = end
            cursor = end
            // Outlook's "(UTC-06:00) Central Time (US & Canada)" names a zone; the offset is its standard one.
            let named = zoneCandidates(at: end)
            if !named.isEmpty, token(zoneStart)?.isSymbol("(") == true {
                mention.offset = nil
                mention.zoneCandidates = named
            }
        } else {
            mention.zoneCandidates = zoneCandidates(at: zoneStart)
        }
        return (mention, cursor)
    }

    /// `UTC+1`, `GMT-3`, `UTC +01:00`, `(UTC-06:00)`, `UTC`, `GMT`, `Z`.
    func utcOffsetPhrase(at index: Int) -> (UTCOffset, Int)? {
        var cursor = index
        var parenthesised = false
        if let t = token(cursor), t.isSymbol("(") {
            parenthesised = true
            cursor += 1
        }
        guard let word = token(cursor), word.isWord, word.folded == "utc" || word.folded == "gmt" else { return nil }
        cursor += 1
        var offset = UTCOffset.zero
        if let (parsed, end) = numericOffset(at: cursor, glued: false) {
            offset = parsed
            cursor = end
        }
        if parenthesised {
            guard let close = token(cursor), close.isSymbol(")") else { return nil }
            cursor += 1
        }
        return (offset, cursor)
    }

    /// Zone phrases right after a time, longest first: an abbreviation (`CT`, `CEST`), a phrase
    /// in parentheses, `heure de X`, `hora de X`, `X time`, or capitalised words (a city).
    func zoneCandidates(at index: Int) -> [String] {
        var cursor = index
        while let t = token(cursor), t.isSymbol("*") || t.isSymbol("_") || t.isSymbol(",") || t.isSymbol("-") && t.spaced { cursor += 1 }
        guard let first = token(cursor) else { return [] }
        var candidates: [String] = []
        if first.isSymbol("(") || first.isSymbol("[") {
            var inner: [TextToken] = []
            var probe = cursor + 1
            while let t = token(probe), !(t.isSymbol(")") || t.isSymbol("]")), inner.count < 10 {
                inner.append(t)
                probe += 1
            }
            guard !inner.isEmpty, token(probe) != nil else { return [] }
            candidates.append(joined(inner))
            // "(hora de Santiago)", "(heure de Paris)": the place after the word for time.
            var words = inner
            if let first = words.first, first.isWord, Self.timeOfPlaceWords.contains(first.folded) {
                words.removeFirst()
                while let next = words.first, next.isWord("de") || next.isWord("d") || next.isWord("del") || next.isSymbol("'") || next.isSymbol("\u{2019}") {
                    words.removeFirst()
                }
            }
            candidates += Self.placePhrases(words, in: masked)
            return candidates
        }
        if first.isWord {
            // "heure de Paris", "hora de Santiago", "horario de Chile", "hora Chile".
            if Self.timeOfPlaceWords.contains(first.folded) {
                var probe = cursor + 1
                if let t = token(probe), t.isWord("de") || t.isWord("d") || t.isWord("del") { probe += 1 }
                if let t = token(probe), t.kind == .symbol, t.isSymbol("'") || t.isSymbol("\u{2019}") { probe += 1 }
                let words = capitalisedRun(from: probe, limit: 3)
                if !words.isEmpty { candidates += Self.placePhrases(words, in: masked) }
                return candidates
            }
            // An abbreviation: two to five capitals A–Z (`CT`, `CEST`).
            if first.startsUppercase, first.length >= 2, first.length <= 5, first.utf8End - first.utf8Start == first.length {
                let text = text(of: first)
                if text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
                    candidates.append(text)
                    return candidates
                }
            }
            let words = capitalisedRun(from: cursor, limit: 4)
            guard !words.isEmpty else { return [] }
            // "Central Time", "Paris time", "Central European Summer Time", then a city.
            var phrase = words
            if let next = token(cursor + words.count), next.isWord, next.folded == "time" {
                phrase.append(next)
            }
            for length in stride(from: phrase.count, through: 1, by: -1) {
                candidates.append(joined(Array(phrase.prefix(length))))
            }
        }
        return candidates
    }

    /// Consecutive capitalised words (and `-`-joined parts) from `index`.
    func capitalisedRun(from index: Int, limit: Int) -> [TextToken] {
        var words: [TextToken] = []
        var probe = index
        while let t = token(probe), words.count < limit {
            if t.isWord, t.startsUppercase {
                words.append(t)
            } else if t.isSymbol("-") || t.isSymbol("'"), !t.spaced, let next = token(probe + 1), next.isWord, !next.spaced, !words.isEmpty {
                words.append(t)
            } else if t.isWord, Self.placeParticles.contains(t.folded), !words.isEmpty,
                      let next = token(probe + 1), next.isWord, next.startsUppercase {
                words.append(t)   // "Santiago de Chile", "Rio de Janeiro"
            } else {
                break
            }
            probe += 1
        }
        while let last = words.last, last.kind == .symbol || Self.placeParticles.contains(last.folded) { words.removeLast() }
        return words
    }

    /// Place phrases in a token run, longest first: `["Paris time", "Paris"]`, `["Santiago de Chile", "Santiago"]`;
    /// `text` is the text the tokens were cut from.
    static func placePhrases(_ tokens: [TextToken], in text: String) -> [String] {
        var words = tokens
        var result: [String] = []
        if let last = words.last, last.isWord, timeWords.contains(last.folded), words.count > 1 {
            result.append(joined(words, in: text))
            words.removeLast()
            if let local = words.last, local.isWord("local") { words.removeLast() }
        }
        while !words.isEmpty {
            result.append(joined(words, in: text))
            words.removeLast()
            while let last = words.last, last.kind == .symbol { words.removeLast() }
        }
        return result.filter { !$0.isEmpty }
    }

    /// Tokens joined with the spacing they were written with.
    func joined(_ tokens: [TextToken]) -> String { Self.joined(tokens, in: masked) }

    /// Tokens of `line` joined with the spacing they were written with.
    static func joined(_ tokens: [TextToken], in line: String) -> String {
        var text = ""
        for (offset, token) in tokens.enumerated() {
            if offset > 0 && token.spaced { text += " " }
            text += token.text(in: line)
        }
        return text
    }
}
