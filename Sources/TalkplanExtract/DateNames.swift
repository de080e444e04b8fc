import Foundation
import TalkplanTime

/// Month and weekday names, read from ICU's CLDR data (``CalendarNames``), matched case- and
/// diacritic-insensitively.
///
/// English, French and Spanish names are recognised in full, in CLDR's abbreviated forms, and
/// as any unambiguous prefix of at least three letters of a full name (`Tues`, `Thurs`, `Sept`,
/// `Févr`); German, Italian and Portuguese full names are recognised too, so that dates in
/// neighbouring languages are not missed.
///
/// ```swift
/// DateNames.shared.lookup("Noviembre")    // month 11
/// DateNames.shared.lookup("MIÉRCOLES")    // weekday .wednesday
/// DateNames.shared.lookup("mar")          // month 3 and weekday .tuesday (fr/es "mar." is Tuesday)
/// ```
struct DateNames: Sendable {
    /// What a word may name.
    struct Meaning: Sendable, Hashable {
        /// 1...12 when the word names a month.
        var month: Int?
        var weekday: Weekday?
        /// The locales whose names match, for language hints ("fr", "es").
        var locales: Set<String>
    }

    static let shared = DateNames()

    /// Locales whose names are matched in full, abbreviated and by prefix.
    static let primaryLocales = ["en", "fr", "es"]
    /// Locales whose full names are matched too.
    static let secondaryLocales = ["de", "it", "pt"]

    let meanings: [String: Meaning]
    /// What a word names, without its locales: what tokens are looked up for.
    struct WordMeaning: Sendable {
        var month: Int?
        var weekday: Weekday?
    }

    /// ``meanings`` keyed by ``FoldedWord``, for tokens (every key fits inline; the tests check it).
    let wordMeanings: FoldedWordTable<WordMeaning>

    init() {
        var table: [String: Meaning] = [:]
        var prefixMonths: [String: Set<Int>] = [:]
        var prefixWeekdays: [String: Set<Weekday>] = [:]
        var prefixLocales: [String: Set<String>] = [:]
        func add(_ name: String, month: Int? = nil, weekday: Weekday? = nil, locale: String) {
            var key = DateNames.fold(name)
            while key.hasSuffix(".") { key.removeLast() }
            guard key.count >= 3 else { return }
            var meaning = table[key] ?? Meaning(locales: [])
            if let month { meaning.month = meaning.month ?? month }
            if let weekday { meaning.weekday = meaning.weekday ?? weekday }
            meaning.locales.insert(locale)
            table[key] = meaning
        }
        for locale in Self.primaryLocales + Self.secondaryLocales {
            let primary = Self.primaryLocales.contains(locale)
            for standalone in [false, true] {
                for (index, name) in CalendarNames.months(locale: locale, standalone: standalone).enumerated() {
                    add(name, month: index + 1, locale: locale)
                    if primary {
                        let key = DateNames.fold(name)
                        for length in 3..<max(3, key.count) {
                            let prefix = String(key.prefix(length))
                            prefixMonths[prefix, default: []].insert(index + 1)
                            prefixLocales[prefix, default: []].insert(locale)
                        }
                    }
                }
                let weekdays = CalendarNames.weekdays(locale: locale, standalone: standalone)
                for weekday in Weekday.allCases {
                    guard let name = weekdays[weekday] else { continue }
                    add(name, weekday: weekday, locale: locale)
                    if primary {
                        let key = DateNames.fold(name)
                        for length in 3..<max(3, key.count) {
                            let prefix = String(key.prefix(length))
                            prefixWeekdays[prefix, default: []].insert(weekday)
                            prefixLocales[prefix, default: []].insert(locale)
                        }
                    }
                }
                guard primary else { continue }
                for (index, name) in CalendarNames.months(locale: locale, abbreviated: true, standalone: standalone).enumerated() {
                    add(name, month: index + 1, locale: locale)
                }
                let short = CalendarNames.weekdays(locale: locale, abbreviated: true, standalone: standalone)
                for weekday in Weekday.allCases {
                    if let name = short[weekday] { add(name, weekday: weekday, locale: locale) }
                }
            }
        }
        // Unambiguous prefixes: a prefix naming one month (or one weekday) across the primary locales.
        for (prefix, months) in prefixMonths where months.count == 1 {
            var meaning = table[prefix] ?? Meaning(locales: [])
            if meaning.month == nil { meaning.month = months.first }
            meaning.locales.formUnion(prefixLocales[prefix] ?? [])
            table[prefix] = meaning
        }
        for (prefix, weekdays) in prefixWeekdays where weekdays.count == 1 {
            var meaning = table[prefix] ?? Meaning(locales: [])
            if meaning.weekday == nil { meaning.weekday = weekdays.first }
            meaning.locales.formUnion(prefixLocales[prefix] ?? [])
            table[prefix] = meaning
        }
        meanings = table
        wordMeanings = FoldedWordTable(table.compactMap { key, meaning in
            key.utf8.count <= FoldedWord.capacity ? (FoldedWord(folded: key), WordMeaning(month: meaning.month, weekday: meaning.weekday)) : nil
        })
    }

    /// What a word names, if anything (a trailing dot is ignored).
    func lookup(_ word: String) -> Meaning? {
        var key = DateNames.fold(word)
        while key.hasSuffix(".") { key.removeLast() }
        return meanings[key]
    }


    /// What a token's folded word names.
    @inline(__always)
    func lookup(word: FoldedWord) -> WordMeaning? {
        wordMeanings[word]
    }

    /// Lower case without diacritics: `Miércoles` → `miercoles`, `FÉVR.` → `fevr.`.
    static func fold(_ word: some StringProtocol) -> String {
        TextFolding.fold(word)
    }
}
