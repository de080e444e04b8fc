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
            return String(unsafeUninitializedCapacity: bytes.count) { output in collapseRuns(bytes, into: output) }
        }
    }

    /// Whether the scalar starting at `index` is white space (or the ASCII byte `extra`; a space
    /// by default, so nothing more), and
    /// its length in bytes. Only leads C2, E1, E2 and E3 are decoded.
    @inline(__always)
    static func space(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, extra: UInt8) -> (isSpace: Bool, width: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == extra, 1) }
        if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
            let (value, length) = TextBytes.decode(bytes, at: index)
            return (TextBytes.mayBeWhitespace(value) && (Unicode.Scalar(value)?.properties.isWhitespace ?? false), max(length, 1))
        }
        return (false, min(TextBytes.sequenceLength(byte), bytes.count - index))
    }

    /// Writes `bytes` into `output` (at least as long) with every run of white space (and of
    /// `extra`) as one space and none at either end; returns the length written.
    @inline(__always)
    static func collapseRuns(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>,
                             alsoSpace extra: UInt8 = 0x20) -> Int {
        var length = 0
        var pending = false
        var index = 0
        while index < bytes.count {
            let (isSpace, width) = space(in: bytes, at: index, extra: extra)
            if isSpace {
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

    /// Whether a text is collapsed already (``collapseRuns(_:into:alsoSpace:)`` would give it
    /// back as it is): no white space (nor `extra`) but single spaces between other characters.
    @inline(__always)
    static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>, alsoSpace extra: UInt8 = 0x20) -> Bool {
        var previousSpace = true
        var index = 0
        let count = bytes.count
        // Byte by byte: continuation bytes are never white space, and only leads C2, E1, E2 and E3 are decoded.
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == 0x20 {
                if previousSpace { return false }
                previousSpace = true
                continue
            }
            previousSpace = false
            if byte == extra || (byte >= 0x09 && byte <= 0x0D) { return false }
            if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                let (value, length) = TextBytes.decode(bytes, at: index - 1)
                if TextBytes.mayBeWhitespace(value), Unicode.Scalar(value)?.properties.isWhitespace == true { return false }
                index += max(length, 1) - 1
            }
        }
        return !previousSpace || bytes.isEmpty
    }
}
