/// A token of a line: a run of ASCII digits, a run of letters, or one other non-space character.
///
/// ```swift
/// TextTokens.tokenize("6th, 2023 at* 10:30").map(\.text)   // ["6", "th", ",", "2023", "at", "*", "10", ":", "30"]
/// ```
struct TextToken: Sendable {
    enum Kind: UInt8, Sendable { case number, word, symbol }
    var kind: Kind
    /// Scalar offsets in the line.
    var start: Int
    var end: Int
    /// Whitespace (or the start of the line) comes right before.
    var spaced: Bool
    /// A number's value (its first 9 digits), or a symbol's scalar value.
    var value: Int
    /// A number's digit count.
    var digits: Int
    /// As written.
    var text: String
    /// Words: lower case without diacritics; otherwise `text`.
    var folded: String

    func isSymbol(_ scalar: Unicode.Scalar) -> Bool { kind == .symbol && value == Int(scalar.value) }
    func isWord(_ word: String) -> Bool { kind == .word && folded == word }
    var isNumber: Bool { kind == .number }
    var isWord: Bool { kind == .word }
}

enum TextTokens {
    static func tokenize(_ line: String) -> [TextToken] {
        var copy = line
        if let tokens = copy.withUTF8({ bytes in TextBytes.isASCII(bytes) ? asciiTokens(bytes) : nil }) { return tokens }
        return generalTokens(line)
    }

    /// ``tokenize(_:)`` for any text, scalar by scalar.
    static func generalTokens(_ line: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var index = 0
        var spaced = true
        var word = String.UnicodeScalarView()
        var wordStart = 0
        var number = 0
        var digits = 0
        var numberStart = 0
        var numberText = String.UnicodeScalarView()

        func flushWord() {
            guard !word.isEmpty else { return }
            let text = String(word)
            tokens.append(TextToken(kind: .word, start: wordStart, end: index, spaced: spaced, value: 0, digits: 0,
                                    text: text, folded: DateNames.fold(text)))
            word = String.UnicodeScalarView()
            spaced = false
        }
        func flushNumber() {
            guard digits > 0 else { return }
            let text = String(numberText)
            tokens.append(TextToken(kind: .number, start: numberStart, end: index, spaced: spaced, value: number,
                                    digits: digits, text: text, folded: text))
            digits = 0
            number = 0
            numberText = String.UnicodeScalarView()
            spaced = false
        }

        for scalar in line.unicodeScalars {
            let v = scalar.value
            if v >= 0x30 && v <= 0x39 {
                flushWord()
                if digits == 0 { numberStart = index }
                if digits < 9 { number = number * 10 + Int(v - 0x30) }
                digits += 1
                numberText.append(scalar)
            } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
                        || (v >= 0x80 && (scalar.properties.isAlphabetic || (scalar.properties.generalCategory == .nonspacingMark && !word.isEmpty))) {
                flushNumber()
                if word.isEmpty { wordStart = index }
                word.append(scalar)
            } else if v == 0x20 || v == 0x09 || (v >= 0x80 && scalar.properties.isWhitespace) || v == 0x200B || v == 0xFEFF || v == 0x200E || v == 0x200F {
                flushWord()
                flushNumber()
                spaced = true
            } else {
                flushWord()
                flushNumber()
                tokens.append(TextToken(kind: .symbol, start: index, end: index + 1, spaced: spaced, value: Int(v), digits: 0,
                                        text: String(scalar), folded: String(scalar)))
                spaced = false
            }
            index += 1
        }
        flushWord()
        flushNumber()
        return tokens
    }
}

extension TextTokens {
    /// ``tokenize(_:)`` for an ASCII line, on its bytes (offsets are then byte offsets).
    static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [TextToken] {
        var tokens: [TextToken] = []
        var spaced = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                let start = index
                var number = 0
                while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                    if index - start < 9 { number = number * 10 + Int(bytes[index] - 0x30) }
                    index += 1
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                tokens.append(TextToken(kind: .number, start: start, end: index, spaced: spaced, value: number,
                                        digits: index - start, text: text, folded: text))
                spaced = false
            } else if TextFields.isASCIILetter(byte) {
                let start = index
                var upper = false
                while index < count, TextFields.isASCIILetter(bytes[index]) {
                    if bytes[index] <= 0x5A { upper = true }
                    index += 1
                }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let text = String(decoding: slice, as: UTF8.self)
                let folded = upper ? String(unsafeUninitializedCapacity: slice.count) { buffer in
                    for (offset, letter) in slice.enumerated() { buffer[offset] = letter <= 0x5A ? letter + 0x20 : letter }
                    return slice.count
                } : text
                tokens.append(TextToken(kind: .word, start: start, end: index, spaced: spaced, value: 0, digits: 0,
                                        text: text, folded: folded))
                spaced = false
            } else if byte == 0x20 || byte == 0x09 {
                spaced = true
                index += 1
            } else {
                let text = String(Unicode.Scalar(byte))
                tokens.append(TextToken(kind: .symbol, start: index, end: index + 1, spaced: spaced, value: Int(byte), digits: 0,
                                        text: text, folded: text))
                spaced = false
                index += 1
            }
        }
        return tokens
    }
}
