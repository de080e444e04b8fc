/// Byte-level fast paths of ``SpeakerTitle``: they give exactly what the character-based
/// general paths give, and fall back to them when a text needs Unicode rules.
extension SpeakerTitle {
    /// ``speakerLabels`` in the form ``labelKey(_:)`` gives, for the ASCII ones.
    static let speakerLabelKeys = labelKeys(speakerLabels)
    /// ``titleLabels`` in the form ``labelKey(_:)`` gives, for the ASCII ones.
    static let titleLabelKeys = labelKeys(titleLabels)

    private static func labelKeys(_ labels: [String]) -> Set<[UInt8]> {
        Set(labels.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { labelKey(Array($0.utf8)[...]) })
    }

    /// An ASCII label lower-cased, without the characters a line or a label is trimmed of
    /// (anywhere in it): two labels that differ in this form never match.
    static func labelKey(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x2A, 0x5F, 0x23: continue  // space, tab, LF, CR, *, _, #
            case 0x41...0x5A: key.append(byte | 0x20)
            default: key.append(byte)
            }
        }
        return key
    }

    /// ``labeledValue(in:labels:)`` reading lines off the UTF-8 bytes: a line is read by the
    /// general path only when it has a colon and, before its first colon, either a non-ASCII
    /// byte or an ASCII text whose ``labelKey(_:)`` is one of `keys`. Any other line cannot
    /// match: a label before the first colon character is before the first colon byte (a colon
    /// byte is a character of its own unless a combining mark follows it, and then the label
    /// holds a colon), and trimming and lower-casing an ASCII label keep its key.
    static func labeledValueFast(in text: String, labels: [String], keys: Set<[UInt8]>) -> String? {
        let found: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var lines = LineRanges(bytes)
            while let line = lines.next() {
                var colon = line.lowerBound
                var ascii = true
                while colon < line.upperBound, bytes[colon] != 0x3A {
                    if bytes[colon] >= 0x80 { ascii = false }
                    colon += 1
                }
                guard colon < line.upperBound else { continue }
                if ascii {
                    guard keys.contains(labelKey(Array(bytes[line.lowerBound..<colon])[...])) else { continue }
                }
                let slice = text[index(text, line.lowerBound)..<index(text, line.upperBound)]
                if let value = labeledValue(ofLine: slice, labels: labels) { return value }
            }
            return nil
        }
        guard let found else { return generalLabeledValue(in: text, labels: labels) }
        return found
    }

    /// The first non-empty line of a text, as `text.split(whereSeparator: \.isNewline).first` gives it.
    static func firstLine(of text: String) -> Substring? {
        let range: Range<Int>?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var lines = LineRanges(bytes)
            return lines.next()
        }
        guard let range else { return text.split(whereSeparator: \.isNewline).first }
        return range.map { text[index(text, $0.lowerBound)..<index(text, $0.upperBound)] }
    }

    /// The first occurrence of a separator in a summary, as `summary.firstRange(of:)` finds it;
    /// on bytes when the summary is ASCII (each byte is then a character, but for CR LF, which
    /// no separator holds).
    static func firstRange(of separator: String, in summary: String) -> Range<String.Index>? {
        let found = summary.utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let pattern = Array(separator.utf8)
            guard let first = pattern.first, pattern.count <= bytes.count else { return .some(nil) }
            var start = 0
            while start + pattern.count <= bytes.count {
                if bytes[start] == first {
                    var offset = 1
                    while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return .some(start..<(start + pattern.count)) }
                }
                start += 1
            }
            return .some(nil)
        }
        guard case .some(.some(let match)) = found else { return summary.firstRange(of: separator) }
        return match.map { index(summary, $0.lowerBound)..<index(summary, $0.upperBound) }
    }

    /// Whether ``clean(_:)`` leaves a text as it is: its first byte starts none of the characters
    /// it trims (space, tab, CR LF, no-break space) and its last byte ends none of them. A lone
    /// CR or LF is not one of them (the set's "\r\n" is one character).
    static func needsNoCleaning(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return true }
        switch first {
        case 0x20, 0x09, 0x0D, 0xC2: return false
        default: break
        }
        switch last {
        case 0x20, 0x09, 0x0A, 0xA0: return false
        default: return true
        }
    }

    /// ``looksLikePersonName(_:)`` on the bytes of an ASCII text (where the only character of
    /// two bytes, CR LF, is neither a space, a letter nor a digit); `nil` for any other text.
    static func asciiLooksLikePersonName(_ text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            if let open = bytes.firstIndex(of: 0x28) {  // (
                guard bytes.contains(0x29) else { return false }  // )
                end = open
            }
            if let comma = bytes[..<end].firstIndex(of: 0x2C) { end = comma }
            var words: [Range<Int>] = []
            var cursor = 0
            while cursor < end {
                while cursor < end, bytes[cursor] == 0x20 { cursor += 1 }
                guard cursor < end else { break }
                let start = cursor
                while cursor < end, bytes[cursor] != 0x20 { cursor += 1 }
                words.append(start..<cursor)
                if words.count > 5 { return false }
            }
            guard (2...5).contains(words.count) else { return false }
            var capitalised = 0
            for word in words {
                if bytes[word].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
                let lower = bytes[word].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                var trimmed = lower[...]
                while let first = trimmed.first, Self.isNamePunctuation(first) { trimmed.removeFirst() }
                while let last = trimmed.last, Self.isNamePunctuation(last) { trimmed.removeLast() }
                if nonNameWords.contains(String(decoding: trimmed, as: UTF8.self)) { return false }
                if particles.contains(String(decoding: lower, as: UTF8.self)) { continue }
                guard bytes[word.lowerBound] >= 0x41, bytes[word.lowerBound] <= 0x5A else { return false }
                var letters = 0
                var upper = true
                for byte in bytes[word] {
                    if byte >= 0x41 && byte <= 0x5A {
                        letters += 1
                    } else if byte >= 0x61 && byte <= 0x7A {
                        letters += 1
                        upper = false
                    }
                }
                if letters > 2, upper { return false }
                capitalised += 1
            }
            return capitalised >= 2
        } ?? nil
    }

    /// The characters ``looksLikePersonName(_:)`` trims off a word before looking it up: `.,;:!?`.
    private static func isNamePunctuation(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x21 || byte == 0x3F
    }

    /// The index of a UTF-8 offset that falls on a character boundary.
    private static func index(_ text: String, _ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }
}

/// The non-empty lines of UTF-8 bytes, as `split(whereSeparator: \.isNewline)` cuts a string:
/// at LF, VT, FF, CR, NEL, LS and PS, each a character of its own (CR LF is one, and gives an
/// empty line that is skipped).
struct LineRanges {
    let bytes: UnsafeBufferPointer<UInt8>
    var cursor = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The length of the line break at an offset, or 0.
    func breakLength(at offset: Int) -> Int {
        let byte = bytes[offset]
        if byte >= 0x0A && byte <= 0x0D { return 1 }
        if byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0x85 { return 2 }
        if byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
           bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9 { return 3 }
        return 0
    }

    mutating func next() -> Range<Int>? {
        while cursor < bytes.count {
            let length = breakLength(at: cursor)
            guard length == 0 else {
                cursor += length
                continue
            }
            let start = cursor
            while cursor < bytes.count, breakLength(at: cursor) == 0 { cursor += 1 }
            return start..<cursor
        }
        return nil
    }
}
