/// Whitespace collapsing over UTF-8 bytes, for text that is not plain collapsed ASCII.
enum TextWhitespace {
    /// The text with runs of whitespace (Unicode `White_Space`) collapsed to one space, trimmed:
    /// the same text as collapsing it scalar by scalar.
    ///
    /// Every non-ASCII whitespace scalar (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000) starts with byte C2, E1, E2 or E3, so only those are decoded and
    /// asked. A text already collapsed (``isCollapsed(_:)``) is given back as it is.
    static func collapse(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            if isCollapsed(bytes) { return text }
            return String(unsafeUninitializedCapacity: bytes.count) { output in
                var length = 0
                var pending = false
                var index = 0
                let count = bytes.count
                while index < count {
                    let byte = bytes[index]
                    var width = 1
                    var space: Bool
                    if byte < 0x80 {
                        space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                    } else {
                        width = TextBytes.sequenceLength(byte)
                        space = false
                        if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                            let (value, decodedLength) = TextBytes.decode(bytes, at: index)
                            width = max(decodedLength, 1)
                            space = TextBytes.mayBeWhitespace(value) && (Unicode.Scalar(value)?.properties.isWhitespace ?? false)
                        }
                        width = min(width, count - index)
                    }
                    if space {
                        pending = true
                    } else {
                        if pending && length > 0 {
                            output[length] = 0x20
                            length += 1
                        }
                        pending = false
                        for k in 0..<width { output[length + k] = bytes[index + k] }
                        length += width
                    }
                    index += width
                }
                return length
            }
        }
    }

    /// Whether a text is collapsed already: no white space but single spaces between other
    /// characters. Only scalars that start with C2, E1, E2 or E3 are decoded and asked.
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            previousSpace = false
            if byte >= 0x09 && byte <= 0x0D { return false }
            if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                let (value, length) = TextBytes.decode(bytes, at: index - 1)
                if TextBytes.mayBeWhitespace(value), Unicode.Scalar(value)?.properties.isWhitespace == true { return false }
                index += max(length, 1) - 1
            }
        }
        return !previousSpace || count == 0
    }
}
