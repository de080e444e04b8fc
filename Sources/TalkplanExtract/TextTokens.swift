/// A token of a line: a run of ASCII digits, a run of letters, or one other non-space character.
///
/// A token is a plain value: where it is in the line (scalar and UTF-8 offsets), what it is, and
/// its folded text inline (``FoldedWord``). Its text as written is cut from the tokenized line
/// on demand with ``text(in:)``.
///
/// ```swift
/// let line = "6th, 2023 at* 10:30"
/// TextTokens.tokenize(line).map { $0.text(in: line) }   // ["6", "th", ",", "2023", "at", "*", "10", ":", "30"]
/// ```
struct TextToken: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case number, word, symbol }
    var kind: Kind
    /// Whitespace (or the start of the line) comes right before.
    var spaced: Bool
    /// The first character is upper case (`Character.isUppercase`), as in `Paris`, `IL`, `École`.
    var startsUppercase: Bool
    /// The first character is lower case (`Character.isLowercase`).
    var startsLowercase: Bool
    /// Scalar offsets in the line.
    var start: Int
    var end: Int
    /// UTF-8 offsets in the tokenized text.
    var utf8Start: Int
    var utf8End: Int
    /// A number's value (its first 9 digits), or a symbol's scalar value.
    var value: Int
    /// A number's digit count.
    var digits: Int
    /// The number of characters as written (`String.count`).
    var length: Int
    /// Words: lower case without diacritics; otherwise the text as written.
    var folded: FoldedWord

    /// The token as written, from the text it was tokenized from.
    func text(in line: String) -> String {
        let utf8 = line.utf8
        if let text = utf8.withContiguousStorageIfAvailable({ bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8Start..<utf8End]), as: UTF8.self)
        }) {
            return text
        }
        let from = utf8.index(utf8.startIndex, offsetBy: utf8Start)
        let to = utf8.index(from, offsetBy: utf8End - utf8Start)
        return String(Substring(utf8[from..<to]))
    }

    @inline(__always)
    func isSymbol(_ scalar: Unicode.Scalar) -> Bool { kind == .symbol && value == Int(scalar.value) }
    @inline(__always)
    func isWord(_ word: FoldedWord) -> Bool { kind == .word && folded == word }
    var isNumber: Bool { kind == .number }
    var isWord: Bool { kind == .word }
}

enum TextTokens {
    /// The tokens of a line, read on its UTF-8 bytes (``byteTokens(_:)``).
    static func tokenize(_ line: String) -> [TextToken] {
        var copy = line
        return copy.withUTF8 { bytes in byteTokens(bytes) }
    }

    /// ``tokenize(_:)`` for any text, scalar by scalar: the reference the byte path is tested against.
    static func generalTokens(_ line: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = 0
        var utf8Index = 0
        var spaced = true
        var word = String.UnicodeScalarView()
        var wordStart = 0
        var wordUTF8Start = 0
        var number = 0
        var digits = 0
        var numberStart = 0
        var numberUTF8Start = 0
        var numberText = String.UnicodeScalarView()

        func make(_ kind: TextToken.Kind, _ text: String, folded: String, start: Int, utf8Start: Int, value: Int, digits: Int) -> TextToken {
            TextToken(kind: kind, spaced: spaced, startsUppercase: text.first?.isUppercase == true,
                      startsLowercase: text.first?.isLowercase == true, start: start, end: index,
                      utf8Start: utf8Start, utf8End: utf8Index, value: value, digits: digits, length: text.count,
                      folded: FoldedWord(folded: folded))
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            let text = String(word)
            tokens.append(make(.word, text, folded: DateNames.fold(text), start: wordStart, utf8Start: wordUTF8Start, value: 0, digits: 0))
            word = String.UnicodeScalarView()
            spaced = false
        }
        func flushNumber() {
            guard digits > 0 else { return }
            let text = String(numberText)
            tokens.append(make(.number, text, folded: text, start: numberStart, utf8Start: numberUTF8Start, value: number, digits: digits))
            digits = 0
            number = 0
            numberText = String.UnicodeScalarView()
            spaced = false
        }

        for scalar in line.unicodeScalars {
            let v = scalar.value
            let width = scalar.utf8.count
            if v >= 0x30 && v <= 0x39 {
                flushWord()
                if digits == 0 {
                    numberStart = index
                    numberUTF8Start = utf8Index
                }
                if digits < 9 { number = number * 10 + Int(v - 0x30) }
                digits += 1
                numberText.append(scalar)
            } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
                        || (v >= 0x80 && (scalar.properties.isAlphabetic || (scalar.properties.generalCategory == .nonspacingMark && !word.isEmpty))) {
                flushNumber()
                if word.isEmpty {
                    wordStart = index
                    wordUTF8Start = utf8Index
                }
                word.append(scalar)
            } else if v == 0x20 || v == 0x09 || (v >= 0x80 && scalar.properties.isWhitespace) || v == 0x200B || v == 0xFEFF || v == 0x200E || v == 0x200F {
                flushWord()
                flushNumber()
                spaced = true
            } else {
                flushWord()
                flushNumber()
                let text = String(scalar)
                index += 1
                utf8Index += width
                tokens.append(make(.symbol, text, folded: text, start: index - 1, utf8Start: utf8Index - width, value: Int(v), digits: 0))
                spaced = false
                continue
            }
            index += 1
            utf8Index += width
        }
        flushWord()
        flushNumber()
        return tokens
    }
}
