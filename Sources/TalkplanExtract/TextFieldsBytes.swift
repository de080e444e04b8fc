/// ``TextFields/label(in:)`` on a line's UTF-8 bytes: the same steps as
/// ``TextFields/generalLabel(in:)`` (which the tests compare it with), without building
/// scalar arrays or intermediate strings. Accented Latin letters in a label (`Résumé :`),
/// no-break spaces, typographic apostrophes, bullets and dashes are read on the bytes too;
/// lines whose label holds a letter of another script are left to the general path.
extension TextFields {
    /// Markup before a label, ASCII part: `* _ - > # | = ~ +`.
    @inline(__always)
    static func isASCIIMarkup(_ byte: UInt8) -> Bool {
        byte == 0x2A || byte == 0x5F || byte == 0x2D || byte == 0x3E || byte == 0x23 || byte == 0x7C || byte == 0x3D
            || byte == 0x7E || byte == 0x2B
    }

    /// ASCII white space (Unicode White_Space): tab to carriage return, and space.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// Whether a non-ASCII scalar is label markup (`•`, `·`, `–`, `▪`, `●`) or white space:
    /// what ``generalLabel(in:)`` skips before a label and before a value.
    static func isMarkupOrSpace(_ value: UInt32) -> Bool {
        if value == 0x2022 || value == 0xB7 || value == 0x2013 || value == 0x25AA || value == 0x25CF { return true }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

    /// The scalars below this value that a label may hold as letters are in ``labelLetterFolds``.
    static let labelLetterLimit: UInt32 = 0x250

    /// For each scalar below ``labelLetterLimit``: its packed fold (as ``TextFolding/table``)
    /// when it is a non-ASCII letter (Unicode `Alphabetic`) the table folds, else 0. Latin-1 and
    /// Latin Extended-A/B letters: each is a character of its own and folds on its own.
    static let labelLetterFolds: [UInt64] = (0..<labelLetterLimit).map { value in
        guard value >= 0x80, let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return 0 }
        return TextFolding.packedFold(value)
    }

    /// The packed fold of a non-ASCII letter a label may hold on the byte path, or 0: Latin-1
    /// and Latin Extended-A/B letters from ``labelLetterFolds``; Hebrew letters and Latin
    /// Extended Additional ones (characters of their own, folded by the table) asked of their
    /// properties.
    @inline(__always)
    static func labelLetterFold(_ value: UInt32) -> UInt64 {
        if value < labelLetterLimit { return labelLetterFolds[Int(value)] }
        guard (value >= 0x5D0 && value < 0x5EB) || (value >= 0x1E00 && value < 0x1F00),
              Unicode.Scalar(value)?.properties.isAlphabetic == true
        else { return 0 }
        return TextFolding.packedFold(value)
    }

    /// The label a line starts with, if any; `.some(nil)` for none, and `nil` when the line
    /// needs the general path (a letter in the label other than a Latin or Hebrew one; a label
    /// alone on a line with a carriage return or characters that combine or are not Latin).
    /// A carriage return elsewhere is white space or ends the label, on both paths.
    ///
    /// Offsets are kept in bytes and, alongside, in scalars: the general path reads a label in
    /// the line's first 120 scalars and gives the value's column in scalars.
    static func byteLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldLabel?? {
        let count = bytes.count
        var index = 0
        var column = 0
        // Markup and white space before the label.
        while index < count, column < 120 {
            let byte = bytes[index]
            if byte < 0x80 {
                guard isASCIIMarkup(byte) || isASCIISpace(byte) else { break }
                index += 1
            } else {
                let (value, length) = TextBytes.decode(bytes, at: index)
                guard isMarkupOrSpace(value) else { break }
                index += length
            }
            column += 1
        }
        let labelStart = index
        // Up to five words of letters (and `&`, `/`, `'`, `’`, `(s)`, no-break spaces) before a colon.
        var words = 0
        var inWord = false
        var colonLength = 0
        while index < count, column < 120 {
            let byte = bytes[index]
            var length = 1
            if isASCIILetter(byte) {
                if !inWord { words += 1 }
                inWord = true
            } else if byte == 0x20 || byte == 0x26 || byte == 0x2F || byte == 0x27 || byte == 0x28 || byte == 0x29
                        || byte == 0x2A || byte == 0x5F || (byte >= 0x30 && byte <= 0x39) {
                inWord = false
            } else if byte < 0x80 {
                if byte == 0x3A { colonLength = 1 }
                break
            } else {
                let (value, decodedLength) = TextBytes.decode(bytes, at: index)
                length = decodedLength
                if value == 0xA0 || value == 0x2019 {
                    inWord = false
                } else if labelLetterFold(value) != 0 {
                    if !inWord { words += 1 }
                    inWord = true
                } else if value == 0xFF1A {
                    colonLength = length
                    break
                } else if Unicode.Scalar(value)?.properties.isAlphabetic == true {
                    // A letter the byte path does not fold (another script, a ligature).
                    return nil
                } else {
                    // Neither a letter nor a separator (`«`, `—`, a mark): the label ends here.
                    break
                }
            }
            if words > 5 { return .some(nil) }
            index += length
            column += 1
        }
        let labelEnd = index
        guard labelEnd > labelStart else { return .some(nil) }
        // The label text, trimmed of ` *_` and no-break spaces, then of trailing digits and spaces.
        var start = labelStart
        var end = labelEnd
        func trimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2A || byte == 0x5F }
        func noBreakSpace(at position: Int) -> Bool {
            position + 1 < labelEnd && bytes[position] == 0xC2 && bytes[position + 1] == 0xA0
        }
        while start < end {
            if trimmed(bytes[start]) {
                start += 1
            } else if noBreakSpace(at: start) {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if trimmed(bytes[end - 1]) {
                end -= 1
            } else if end - start >= 2, noBreakSpace(at: end - 2) {
                end -= 2
            } else {
                break
            }
        }
        while end > start, bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x30 && bytes[end - 1] <= 0x39) { end -= 1 }
        let key = labelKey(bytes, from: start, to: end)
        guard let kind = labels[key] else { return .some(nil) }
        if colonLength > 0 {
            var valueStart = index + colonLength
            var valueColumn = column + 1
            while valueStart < count {
                let byte = bytes[valueStart]
                if byte < 0x80 {
                    guard (isASCIIMarkup(byte) && byte != 0x2D && byte != 0x2B) || isASCIISpace(byte) else { break }
                    valueStart += 1
                } else {
                    let (value, length) = TextBytes.decode(bytes, at: valueStart)
                    guard isMarkupOrSpace(value) else { break }
                    valueStart += length
                }
                valueColumn += 1
            }
            // The value, trimmed of ` *_\t` and no-break spaces at its end (its start has none left).
            var valueEnd = count
            while valueEnd > valueStart {
                let byte = bytes[valueEnd - 1]
                if byte == 0x20 || byte == 0x2A || byte == 0x5F || byte == 0x09 {
                    valueEnd -= 1
                } else if byte == 0xA0, valueEnd - valueStart >= 2, bytes[valueEnd - 2] == 0xC2 {
                    valueEnd -= 2
                } else {
                    break
                }
            }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
            return FieldLabel(kind: kind, value: value, valueColumn: valueColumn, standalone: false)
        }
        return standaloneLabel(bytes, kind: kind, labelScalars: TextBytes.scalarCount(bytes, from: start, to: end),
                               readToLimit: index >= count || column >= 120)
    }

    /// The folded key of a label's bytes: white space runs (spaces, no-break spaces) as one
    /// space and trimmed, ASCII lower-cased, letters folded by the table, `’` as `'`; what
    /// `DateNames.fold(label.collapsingWhitespace()).replacingApostrophes()` gives. Written
    /// straight into the string (a short key is stored inline, without an allocation); a folded
    /// letter takes at most twice its bytes.
    static func labelKey(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        String(unsafeUninitializedCapacity: 2 * (end - start)) { key in
            var length = 0
            var pendingSpace = false
            /// A space between words, once the next word starts (none before the first).
            func writePendingSpace() {
                if pendingSpace && length > 0 {
                    key[length] = 0x20
                    length += 1
                }
                pendingSpace = false
            }
            var position = start
            while position < end {
                let byte = bytes[position]
                if byte < 0x80 {
                    position += 1
                    if byte == 0x20 {
                        pendingSpace = true
                        continue
                    }
                    writePendingSpace()
                    key[length] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    length += 1
                    continue
                }
                let (value, size) = TextBytes.decode(bytes, at: position)
                position += size
                if value == 0xA0 {
                    pendingSpace = true
                    continue
                }
                writePendingSpace()
                if value == 0x2019 {
                    key[length] = 0x27
                    length += 1
                    continue
                }
                // A label letter (the only other scalars a label holds here), two or three bytes long.
                var packed = labelLetterFold(value)
                for _ in 0..<Int(packed >> 32) {
                    key[length] = UInt8(truncatingIfNeeded: packed)
                    length += 1
                    packed >>= 8
                }
            }
            return length
        }
    }

    /// A label alone on its line (`Speaker`, `Résumé`): `.some(nil)` when it is not one, `nil`
    /// when the general path must tell (a non-ASCII line with a character that is not a
    /// character of its own, where counting characters is not counting scalars).
    ///
    /// `labelScalars` is the length of the trimmed label; `readToLimit`, whether the label
    /// reached the end of the line or its 120th scalar.
    static func standaloneLabel(_ bytes: UnsafeBufferPointer<UInt8>, kind: FieldKind, labelScalars: Int,
                                readToLimit: Bool) -> FieldLabel?? {
        let count = bytes.count
        let ascii = TextBytes.isASCII(bytes)
        // A carriage return may join a line feed into one character: the general path counts.
        if ascii ? bytes.contains(0x0D) : !TextBytes.isSimpleText(bytes) { return nil }
        let scalars = ascii ? count : TextBytes.scalarCount(bytes, from: 0, to: count)
        guard readToLimit || scalars <= 40, standaloneKinds.contains(kind) else { return .some(nil) }
        // The line trimmed of ` \t*_:` and no-break spaces, counted in scalars (here, characters).
        var lineStart = 0
        var lineEnd = count
        func trimmedLine(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x2A || byte == 0x5F || byte == 0x3A }
        while lineStart < lineEnd {
            if trimmedLine(bytes[lineStart]) {
                lineStart += 1
            } else if lineEnd - lineStart >= 2, bytes[lineStart] == 0xC2, bytes[lineStart + 1] == 0xA0 {
                lineStart += 2
            } else {
                break
            }
        }
        while lineEnd > lineStart {
            if trimmedLine(bytes[lineEnd - 1]) {
                lineEnd -= 1
            } else if lineEnd - lineStart >= 2, bytes[lineEnd - 2] == 0xC2, bytes[lineEnd - 1] == 0xA0 {
                lineEnd -= 2
            } else {
                break
            }
        }
        let trimmedScalars = ascii ? lineEnd - lineStart : TextBytes.scalarCount(bytes, from: lineStart, to: lineEnd)
        guard trimmedScalars == labelScalars else { return .some(nil) }
        return FieldLabel(kind: kind, value: "", valueColumn: scalars, standalone: true)
    }
}
