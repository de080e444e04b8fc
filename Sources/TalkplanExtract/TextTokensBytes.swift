/// ``TextTokens/tokenize(_:)`` on a line's UTF-8 bytes, for any text: the same tokens as
/// ``TextTokens/generalTokens(_:)`` (the tests compare them on every corpus line and on
/// generated lines), without building a `String` per token.
///
/// Non-ASCII scalars below ``ScalarClasses/limit`` are classified from a table computed once
/// from the standard library's Unicode properties; others ask the properties directly. A word
/// whose letters are ASCII or Latin letters that are characters on their own (no combining
/// mark) is folded through ``TextFolding``'s table and measured on its bytes; any other word is
/// made a `String` once, as the general path does, for its character count, case and fold.
extension TextTokens {
    static func byteTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(bytes.count / 3 + 1)
        let count = bytes.count
        var index = 0
        var scalarIndex = 0
        var spaced = true
        while index < count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                let start = index
                var number = 0
                while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                    if index - start < 9 { number = number * 10 + Int(bytes[index] - 0x30) }
                    index += 1
                }
                let digits = index - start
                tokens.append(TextToken(kind: .number, spaced: spaced, startsUppercase: false, startsLowercase: false,
                                        start: scalarIndex, end: scalarIndex + digits, utf8Start: start, utf8End: index,
                                        value: number, digits: digits, length: digits,
                                        folded: FoldedWord(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))))
                scalarIndex += digits
                spaced = false
                continue
            }
            if byte == 0x20 || byte == 0x09 {
                spaced = true
                index += 1
                scalarIndex += 1
                continue
            }
            if byte < 0x80 && !TextFields.isASCIILetter(byte) {
                tokens.append(TextToken(kind: .symbol, spaced: spaced, startsUppercase: false, startsLowercase: false,
                                        start: scalarIndex, end: scalarIndex + 1, utf8Start: index, utf8End: index + 1,
                                        value: Int(byte), digits: 0, length: 1,
                                        folded: FoldedWord(low: UInt64(byte), high: 1 << 56)))
                index += 1
                scalarIndex += 1
                spaced = false
                continue
            }
            // A letter, or a non-ASCII scalar.
            var value = UInt32(byte)
            var width = 1
            var classes = ScalarClasses.asciiLetter
            if byte >= 0x80 {
                (value, width) = TextBytes.decode(bytes, at: index)
                classes = ScalarClasses.of(value)
                if classes & ScalarClasses.alphabetic == 0 {
                    if classes & ScalarClasses.whitespace != 0 || value == 0x200B || value == 0xFEFF || value == 0x200E || value == 0x200F {
                        spaced = true
                    } else {
                        // A symbol (a combining mark that starts no word is one too).
                        tokens.append(TextToken(kind: .symbol, spaced: spaced, startsUppercase: classes & ScalarClasses.uppercase != 0,
                                                startsLowercase: classes & ScalarClasses.lowercase != 0,
                                                start: scalarIndex, end: scalarIndex + 1, utf8Start: index, utf8End: index + width,
                                                value: Int(value), digits: 0, length: 1,
                                                folded: FoldedWord(bytes: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)]))))
                        spaced = false
                    }
                    index += width
                    scalarIndex += 1
                    continue
                }
            }
            // A word: letters (and, after the first, nonspacing marks).
            let start = index
            let startScalar = scalarIndex
            let first = byte < 0x80 ? classes | (byte <= 0x5A ? ScalarClasses.uppercase : ScalarClasses.lowercase) : classes
            var simple = true        // every scalar a character of its own with a table fold
            var builder = FoldedWord.Builder()
            while true {
                if value < 0x80 {
                    builder.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                } else if simple {
                    var packed = classes & ScalarClasses.simpleLetter != 0 ? TextFolding.packedFold(value) : 0
                    if packed == 0 {
                        simple = false
                    } else {
                        for _ in 0..<Int(packed >> 32) {
                            builder.append(UInt8(truncatingIfNeeded: packed))
                            packed >>= 8
                        }
                    }
                }
                index += width
                scalarIndex += 1
                guard index < count else { break }
                let next = bytes[index]
                if next < 0x80 {
                    guard TextFields.isASCIILetter(next) else { break }
                    value = UInt32(next)
                    width = 1
                    classes = ScalarClasses.asciiLetter
                } else {
                    (value, width) = TextBytes.decode(bytes, at: index)
                    classes = ScalarClasses.of(value)
                    guard classes & (ScalarClasses.alphabetic | ScalarClasses.nonspacingMark) != 0 else { break }
                }
            }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
            var token = TextToken(kind: .word, spaced: spaced, startsUppercase: first & ScalarClasses.uppercase != 0,
                                  startsLowercase: first & ScalarClasses.lowercase != 0,
                                  start: startScalar, end: scalarIndex, utf8Start: start, utf8End: index,
                                  value: 0, digits: 0, length: scalarIndex - startScalar,
                                  folded: builder.word ?? .empty)
            if !simple {
                // Marks, other scripts, characters made of several scalars: as the general path does.
                let text = String(decoding: slice, as: UTF8.self)
                token.length = text.count
                token.startsUppercase = text.first?.isUppercase == true
                token.startsLowercase = text.first?.isLowercase == true
                token.folded = FoldedWord(folded: DateNames.fold(text))
            } else if builder.word == nil {
                token.folded = FoldedWord(folded: DateNames.fold(String(decoding: slice, as: UTF8.self)))
            }
            tokens.append(token)
            spaced = false
        }
        return tokens
    }
}

/// What the tokenizer needs to know of a scalar, as bit flags, from a table for the scalars
/// below ``limit`` (computed once from the standard library's Unicode properties).
enum ScalarClasses {
    /// `Unicode.Scalar.Properties.isAlphabetic`.
    static let alphabetic: UInt8 = 1
    /// General category Mn.
    static let nonspacingMark: UInt8 = 2
    /// `isWhitespace`.
    static let whitespace: UInt8 = 4
    /// The scalar alone as a `Character` is upper case / lower case.
    static let uppercase: UInt8 = 8
    static let lowercase: UInt8 = 16
    /// A Latin letter (U+0080–U+024F, U+1E00–U+1EFF) that is a character of its own: a word
    /// made of ASCII and such letters has as many characters as scalars.
    static let simpleLetter: UInt8 = 32

    /// The flags of an ASCII letter (case aside).
    static let asciiLetter: UInt8 = alphabetic | simpleLetter

    /// Scalars below this value come from the table.
    static let limit: UInt32 = 0x3000

    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(limit))
        for value in 0..<limit {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[Int(value)] = compute(scalar)
        }
        return table
    }()

    /// The flags of a scalar, from its properties.
    static func compute(_ scalar: Unicode.Scalar) -> UInt8 {
        var flags: UInt8 = 0
        let properties = scalar.properties
        if properties.isAlphabetic { flags |= alphabetic }
        if properties.generalCategory == .nonspacingMark { flags |= nonspacingMark }
        if properties.isWhitespace { flags |= whitespace }
        let character = Character(scalar)
        if character.isUppercase { flags |= uppercase }
        if character.isLowercase { flags |= lowercase }
        let value = scalar.value
        if properties.isAlphabetic, (0x80..<0x250).contains(value) || (0x1E00..<0x1F00).contains(value),
           TextFolding.isContextFree(scalar) {
            flags |= simpleLetter
        }
        return flags
    }

    /// The flags of a non-ASCII scalar value.
    @inline(__always)
    static func of(_ value: UInt32) -> UInt8 {
        if value < limit { return table[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return compute(scalar)
    }
}
