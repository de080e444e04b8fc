import TalkplanTime

/// Dates written in words: weekday and month names from CLDR (``DateNames``), ordinals, the
/// Spanish and French connectives; and relative days (`today`, `demain`, `hoy`).
extension DateScanner {
    // MARK: - Textual dates

    /// A weekday name right before `index` (`Wed 12/6`, `Jeudi, 31`), and where it starts.
    func weekdayBefore(_ index: Int) -> (Weekday, Int)? {
        var cursor = index - 1
        if let t = token(cursor), t.isSymbol(",") || t.isSymbol(".") { cursor -= 1 }
        if let t = token(cursor), t.isWord("the") || t.isWord("le") || t.isWord("el") { cursor -= 1 }
        if let t = token(cursor), t.isSymbol(",") || t.isSymbol(".") { cursor -= 1 }
        guard let t = token(cursor), t.isWord, let weekday = names.lookup(word: t.folded)?.weekday else { return nil }
        return (weekday, cursor)
    }

    func monthAt(_ index: Int) -> Int? {
        guard let t = token(index), t.isWord else { return nil }
        return names.lookup(word: t.folded)?.month
    }

    static let ordinalSuffixes: FoldedWordSet = ["st", "nd", "rd", "th", "er", "re", "o", "a", "eme", "e"]
    static let timeAfterNumber: FoldedWordSet = ["am", "pm", "h"]

    /// Ordinal suffixes after a day number: `6th`, `1er`, `1º`, `1.`.
    func skipOrdinal(_ index: Int) -> Int {
        var cursor = index
        if let t = token(cursor), !t.spaced, t.isWord, Self.ordinalSuffixes.contains(t.folded) {
            cursor += 1
        } else if let t = token(cursor), !t.spaced, t.isSymbol("º") || t.isSymbol("°") || t.isSymbol("ª") {
            cursor += 1
        }
        return cursor
    }

    /// `Wednesday, December 6th, 2023`, `Jeudi 31 octobre 2024`, `Miércoles 06 de Noviembre`,
    /// `6 de noviembre de 2024`, `Thursday the 4th of April`, `Dec. 6`.
    func textualDate(at index: Int) -> (WrittenDate, Int)? {
        guard let first = token(index) else { return nil }
        var cursor = index
        var weekday: Weekday?
        // An optional weekday first.
        if first.isWord, let meaning = names.lookup(word: first.folded), let found = meaning.weekday {
            var next = index + 1
            if let t = token(next), t.isSymbol("."), !t.spaced { next += 1 }
            if let t = token(next), t.isSymbol(",") { next += 1 }
            if let t = token(next), t.isWord("the") || t.isWord("le") || t.isWord("el") { next += 1 }
            if let t = token(next), (t.isNumber && t.digits <= 2) || monthAt(next) != nil {
                // "mar 5 nov": a weekday only when a date follows it; "mar 5" alone is March 5.
                if meaning.month != nil, monthAt(next) == nil, token(next)?.isNumber == true {
                    let afterDay = skipOrdinal(next + 1)
                    var probe = afterDay
                    if let t = token(probe), t.isSymbol(".") { probe += 1 }
                    if let t = token(probe), t.isWord("de") || t.isWord("of") { probe += 1 }
                    if monthAt(probe) != nil {
                        weekday = found
                        cursor = next
                    }
                } else {
                    weekday = found
                    cursor = next
                }
            } else if meaning.month == nil {
                return nil
            }
        }
        // Day then month.
        if let day = token(cursor), day.isNumber, day.digits <= 2, (1...31).contains(day.value) {
            if let before = token(cursor - 1), !day.spaced, before.isNumber || before.isSymbol(":") || before.isSymbol("/") { return nil }
            var next = skipOrdinal(cursor + 1)
            if let t = token(next), t.isSymbol("."), !t.spaced { next += 1 }
            if let t = token(next), t.isWord("de") || t.isWord("of") || t.isWord("del") { next += 1 }
            guard let month = monthAt(next) else { return nil }
            next += 1
            if let t = token(next), t.isSymbol("."), !t.spaced { next += 1 }
            var year: Int?
            var probe = next
            if let t = token(probe), t.isSymbol(",") { probe += 1 }
            if let t = token(probe), t.isWord("de") || t.isWord("del") { probe += 1 }
            if let y = token(probe), y.isNumber, y.digits == 4, (1900...2199).contains(y.value), !(token(probe + 1)?.isSymbol(":") == true && token(probe + 1)?.spaced == false) {
                year = y.value
                next = probe + 1
            }
            let date = WrittenDate(day: day.value, month: month, year: year, weekday: weekday, style: .textual,
                                   text: text(from: index, to: next))
            return (date, next)
        }
        // Month then day.
        if let month = monthAt(cursor) {
            var next = cursor + 1
            if let t = token(next), t.isSymbol("."), !t.spaced { next += 1 }
            guard let day = token(next), day.isNumber, day.digits <= 2, (1...31).contains(day.value) else { return nil }
            // "May 4:30" is not a date; neither is a month followed by a time.
            if let t = token(next + 1), !t.spaced, t.isSymbol(":") || t.isSymbol(".") && token(next + 2)?.isNumber == true { return nil }
            if let t = token(next + 1), t.isWord, Self.timeAfterNumber.contains(t.folded) { return nil }
            next = skipOrdinal(next + 1)
            var year: Int?
            var probe = next
            if let t = token(probe), t.isSymbol(",") { probe += 1 }
            if let y = token(probe), y.isNumber, y.digits == 4, (1900...2199).contains(y.value), !(token(probe + 1)?.isSymbol(":") == true && token(probe + 1)?.spaced == false) {
                year = y.value
                next = probe + 1
            }
            // A lone month word that is also an ordinary word ("may 2") needs a capital or a year.
            if weekday == nil, year == nil, let t = token(cursor), t.startsLowercase, t.folded == "may" || t.folded == "mar" || t.folded == "sat" {
                return nil
            }
            let date = WrittenDate(day: day.value, month: month, year: year, weekday: weekday, style: .textual,
                                   text: text(from: index, to: next))
            return (date, next)
        }
        return nil
    }

    // MARK: - Relative dates

    static let relativeWords: FoldedWordTable<Int> = [
        "today": 0, "tonight": 0, "aujourd": 0, "hoy": 0, "tomorrow": 1, "demain": 1,
    ]

    /// `today`, `tomorrow`, `aujourd'hui`, `demain`, `hoy`, `mañana` (not `de la mañana`).
    func relativeDate(at index: Int) -> (WrittenDate, Int)? {
        guard let t = token(index), t.isWord else { return nil }
        var days = Self.relativeWords[t.folded]
        if t.folded == "manana" {
            if let before = token(index - 1), before.isWord("la") || before.isWord("esta") || before.isWord("por") { return nil }
            days = 1
        }
        guard let days else { return nil }
        var end = index + 1
        if t.folded == "aujourd", let apostrophe = token(index + 1), apostrophe.kind == .symbol, let hui = token(index + 2), hui.isWord("hui") {
            end = index + 3
        }
        let date = WrittenDate(day: 1, month: 1, year: nil, style: .relative, relativeDays: days, text: text(from: index, to: end))
        return (date, end)
    }
}
