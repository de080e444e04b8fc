import Testing
@testable import TalkplanExtract

/// The byte tokenizer and the inline folded words: tokens read on bytes are the tokens the
/// scalar-by-scalar reference makes, for any text, and every table a token is looked up in
/// holds only words that fit inline.
@Suite("tokens on bytes")
struct TokenFastPathTests {
    /// Pieces of lines: every kind of scalar the tokenizer tells apart.
    static let pieces: [String] = [
        "a", "Z", "Miércoles", "FÉVR", "é", "É", "ñ", "Ø", "ß", "İ", "ı", "ﬁ", "Ǆ", "ǅ", "Ⅷ", "Ⓐ", "ª", "º", "°",
        "e\u{0301}", "\u{0301}", "\u{0308}x", "Σ", "ς", "Ελλάδα", "Москва", "ירושלים", "القاهرة", "東京", "서울", "한\u{1161}",
        "क्षि", "\u{0915}\u{093F}", "🙂", "👩‍🔬", "🇫🇷", "\u{A0}", "\u{202F}", "\u{2009}", "\u{3000}", "\u{200B}", "\u{FEFF}",
        "\u{200E}", "\u{200F}", "\u{200D}", "\u{00AD}", "\t", " ", "  ", "\r", "\n", "\u{0B}", "\u{85}", "\u{2028}",
        "0", "7", "12", "2024", "123456789", "1234567890123", "12345678901234567890", "١٢", "½", "²",
        ",", ".", ":", "-", "–", "—", "’", "'", "(", ")", "@", "€", "$", "*", "_", "/", "→", "·", "•",
        "h", "am", "p.m.", "UTC+1", "CT", "CEST", "de", "la", "Paris", "Santiago", "Zürich", "Saint-Étienne", "Be'er",
        "Université", "aujourd'hui", "mañana", "electroencephalography", "Électroencéphalographie", "ÀÉÎÕÜàéîõü",
        "Ǻǻ", "Ḁḁ", "ẞ", "Ỳ", "ĳ", "Ĳ", "ŉ", "ǰ", "ΐ",
    ]

    static let generated: [String] = {
        var generator = RobustnessTests.Generator(state: 20_261_208)
        var lines: [String] = []
        for _ in 0..<6_000 {
            var line = ""
            for _ in 0..<Int.random(in: 1...14, using: &generator) {
                line += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
                if Int.random(in: 0..<3, using: &generator) == 0 { line += " " }
            }
            lines.append(line)
        }
        return lines
    }()

    @Test("the byte tokenizer is the reference, on generated lines")
    func generatedLines() {
        for line in Self.generated {
            #expect(TextTokens.tokenize(line) == TextTokens.generalTokens(line), "\(line.debugDescription)")
        }
    }

    @Test("a token's text, length and case are those of the string it was cut from")
    func tokenText() {
        for line in Self.generated + Self.pieces {
            let scalars = Array(line.unicodeScalars)
            for token in TextTokens.tokenize(line) {
                let text = token.text(in: line)
                let expected = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
                #expect(text == expected, "\(line.debugDescription)")
                #expect(token.length == text.count)
                #expect(token.startsUppercase == (text.first?.isUppercase == true))
                #expect(token.startsLowercase == (text.first?.isLowercase == true))
                if token.isWord, DateNames.fold(text).utf8.count <= FoldedWord.capacity {
                    #expect(String(token.folded) == DateNames.fold(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test("known tokens")
    func knownTokens() {
        let line = "Miércoles 06 de Noviembre, 15h00\u{A0}– CET"
        let tokens = TextTokens.tokenize(line)
        #expect(tokens.map { $0.text(in: line) } == ["Miércoles", "06", "de", "Noviembre", ",", "15", "h", "00", "–", "CET"])
        #expect(tokens[0].folded == "miercoles" && tokens[0].length == 9 && tokens[0].startsUppercase)
        #expect(tokens[0].utf8End == 10 && tokens[0].end == 9)
        #expect(tokens[1].value == 6 && tokens[1].digits == 2 && tokens[1].spaced)
        #expect(tokens[4].isSymbol(",") && !tokens[4].spaced)
        #expect(tokens[8].isSymbol("\u{2013}") && tokens[8].spaced)
        #expect(tokens[9].folded == "cet" && !tokens[9].startsLowercase)
        // A combining mark inside a word, ligatures and a dotted capital I fold as Foundation does.
        #expect(TextTokens.tokenize("Me\u{0301}xico")[0].folded == "mexico")
        #expect(TextTokens.tokenize("ﬁn")[0].folded == "fin")
        #expect(TextTokens.tokenize("Straße")[0].folded == "strasse")
    }

    @Test("folded words")
    func foldedWords() {
        #expect(FoldedWord(bytes: Array("am".utf8)) == "am")
        #expect(FoldedWord(bytes: Array("am".utf8)) != "pm")
        #expect(FoldedWord(bytes: []) == FoldedWord.empty && String(FoldedWord.empty) == "")
        let fifteen = "abcdefghijklmno"
        #expect(String(FoldedWord(folded: fifteen)) == fifteen && !FoldedWord(folded: fifteen).isLong)
        let long = FoldedWord(folded: "electroencephalography")
        #expect(long.isLong && long != FoldedWord(folded: "electroencephalographz") && long == FoldedWord(folded: "electroencephalography"))
        #expect(long != FoldedWord(folded: "electro"))
        // A short word never equals a long one, whatever its bytes.
        #expect(FoldedWord(folded: "electroencephal") != FoldedWord(folded: "electroencephalo"))
    }

    @Test("word tables answer as dictionaries do")
    func wordTables() {
        var reference: [FoldedWord: Int] = [:]
        var pairs: [(FoldedWord, Int)] = []
        for (index, key) in DateNames.shared.meanings.keys.sorted().enumerated() {
            reference[FoldedWord(folded: key)] = index
            pairs.append((FoldedWord(folded: key), index))
        }
        // A repeated word keeps its last value.
        pairs.append((FoldedWord(folded: "mars"), -1))
        reference[FoldedWord(folded: "mars")] = -1
        let table = FoldedWordTable(pairs)
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        for line in Self.generated.prefix(500) {
            for token in TextTokens.tokenize(line) {
                #expect(table[token.folded] == reference[token.folded], "\(token.text(in: line))")
            }
        }
        let set: FoldedWordSet = ["h", "hrs", "h", "horas"]
        #expect(set.count == 3 && set.contains("hrs") && !set.contains("hr") && !set.contains(.empty))
        let empty = FoldedWordSet([])
        #expect(empty.count == 0 && !empty.contains("a"))
    }

    @Test("every table a token is looked up in fits inline")
    func tablesFit() {
        let tables: [(String, [String])] = [
            ("month and weekday names", Array(DateNames.shared.meanings.keys)),
            ("room words", Array(AnnouncementReader.roomWords)),
            ("talk words", Array(AnnouncementReader.talkWords)),
        ]
        for (name, keys) in tables {
            for key in keys {
                #expect(key.utf8.count <= FoldedWord.capacity, "\(name): \(key)")
            }
        }
        #expect(DateNames.shared.wordMeanings.count == DateNames.shared.meanings.count)
        // One-word speaker labels, as `proseSpeaker` reads them.
        for (key, kind) in TextFields.labels where kind == .speaker && !key.contains(" ") {
            #expect(AnnouncementReader.speakerLabelWords.contains(FoldedWord(folded: key)), "\(key)")
        }
    }

    @Test("a token range's text, for any line")
    func tokenRangeText() {
        for line in Self.generated.prefix(2_000) + ["Voir https://é.fr/x à 14h00", "mail é@x.fr, 5 mai 2024", "Jeudi 4 avril à 14h"] {
            let scanner = DateScanner(line: line)
            let count = scanner.tokens.count
            for start in 0..<min(count, 10) {
                for end in (start + 1)..<min(count + 2, start + 6) {
                    #expect(scanner.text(from: start, to: end) == scanner.generalText(from: start, to: end), "\(line.debugDescription)")
                }
            }
        }
    }
}
