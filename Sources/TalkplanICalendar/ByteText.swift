/// Text work done on UTF-8 bytes: every character the iCalendar syntax gives a meaning to
/// (escapes, delimiters, whitespace, names) is ASCII, so nothing here needs to look at
/// Unicode scalars or grapheme clusters, and values that need no change are returned as they are.
enum ByteText {
    /// Whether a byte is a space, a tab or a line break.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The bytes as a `String` with ASCII letters upper-cased (names are ASCII: RFC 5545
    /// `iana-token` and `x-name`); other bytes are kept.
    ///
    /// ```swift
    /// Array("dtStart".utf8).withUnsafeBufferPointer { ByteText.upperASCII($0) }   // "DTSTART"
    /// ```
    static func upperASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
                index += 1
            }
            return index
        }
    }

    /// Whether two names are equal, lengths compared first: most names a lookup passes over
    /// differ in length, and comparing lengths costs nothing.
    @inline(__always)
    static func same(_ name: String, _ other: String) -> Bool {
        name.utf8.count == other.utf8.count && name == other
    }

    /// The parts of a text between occurrences of an ASCII separator, split on bytes (not on
    /// grapheme clusters: a separator followed by a combining mark still separates).
    ///
    /// ```swift
    /// ByteText.split("FREQ=WEEKLY;;BYDAY=TU", UInt8(ascii: ";"))   // ["FREQ=WEEKLY", "BYDAY=TU"]
    /// ```
    static func split(_ text: some StringProtocol, _ separator: UInt8, maxSplits: Int = .max,
                      omittingEmpty: Bool = true) -> [Substring] {
        let whole = Substring(text)
        return whole.utf8.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmpty)
            .map { Substring($0) }
    }

    /// A string with ASCII letters upper-cased, unchanged (not copied) when it has no lower-case ASCII letter.
    static func upperASCII(_ text: String) -> String {
        var text = text
        let upper: String? = text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
            return upperASCII(bytes)
        }
        return upper ?? text
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    ///
    /// ```swift
    /// " Europe/Paris\t".trimmingICalendarWhitespace()   // "Europe/Paris"
    /// ```
    func trimmingICalendarWhitespace() -> String {
        if let whole = self as? String {
            let utf8 = whole.utf8
            // Most values have nothing to trim: no copy then.
            if let first = utf8.first, let last = utf8.last, !ByteText.isWhitespace(first), !ByteText.isWhitespace(last) {
                return whole
            }
        }
        let text = Substring(self)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, ByteText.isWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while start < end {
            let last = utf8.index(before: end)
            guard ByteText.isWhitespace(utf8[last]) else { break }
            end = last
        }
        // Whitespace is ASCII, so the cut indices fall on scalar boundaries.
        return String(text[start..<end])
    }
}
