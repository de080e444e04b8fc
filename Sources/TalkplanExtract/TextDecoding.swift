/// Bytes to text for announcements: UTF-8 when the bytes are valid UTF-8, else the
/// charset an email part declares, else Windows-1252 (which every byte sequence decodes in).
///
/// ```swift
/// TextDecoding.decode([0x4D, 0xE9, 0x74, 0xE9, 0x6F], charset: nil)   // "Météo" (Windows-1252)
/// TextDecoding.decode(Array("Miércoles".utf8), charset: "utf-8")      // "Miércoles"
/// ```
enum TextDecoding {
    /// Decodes bytes in a charset (`utf-8`, `iso-8859-1`, `windows-1252`, `us-ascii`, ...);
    /// unknown charsets and invalid UTF-8 fall back to Windows-1252.
    static func decode(_ bytes: some Collection<UInt8>, charset: String?) -> String {
        let name = (charset ?? "").lowercased().filter { $0 != "\"" && $0 != " " }
        let latin = ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252",
                     "iso-8859-15", "iso8859-15", "l1"]
        if latin.contains(name) { return windows1252(bytes) }
        if let text = validUTF8(bytes) { return text }
        return windows1252(bytes)
    }

    /// The text when the bytes are valid UTF-8 (a leading byte-order mark removed), else `nil`.
    static func validUTF8(_ bytes: some Collection<UInt8>) -> String? {
        var slice = Array(bytes)[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return String(validating: slice, as: UTF8.self)
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F.
    static func windows1252(_ bytes: some Collection<UInt8>) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte >= 0xA0 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let value = cp1252High[Int(byte - 0x80)]
                text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
        }
        return text
    }

    /// Code points of Windows-1252 bytes 0x80–0x9F (unassigned bytes map to themselves).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}

/// One line of announcement text and the line of the input it came from.
struct TextLine: Sendable {
    var text: String
    /// 1-based line in the input file.
    var sourceLine: Int
}

/// Splitting text into ``TextLine``s.
enum TextLines {
    /// Longer lines are cut into pieces of about this many characters (at a space when there
    /// is one), so that no later step ever works on an unbounded line.
    static let maximumLineLength = 8_192

    /// Splits at LF, CRLF and CR; `firstLine` is the input line of the first one.
    ///
    /// ```swift
    /// TextLines.split("a\r\nb\rc", firstLine: 10).map(\.sourceLine)   // [10, 11, 12]
    /// ```
    static func split(_ text: String, firstLine: Int = 1) -> [TextLine] {
        var copy = text
        return copy.withUTF8 { bytes in
            var lines: [TextLine] = []
            var number = firstLine
            var start = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                // Cut at an ASCII byte, so each piece is valid UTF-8 as the text is.
                append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), line: number, to: &lines)
                number += 1
                var next = index + 1
                if byte == 0x0D, next < count, bytes[next] == 0x0A { next += 1 }
                start = next
                index = next
            }
            if start < count {
                append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<count]), as: UTF8.self), line: number, to: &lines)
            }
            return lines
        }
    }

    /// ``split(_:firstLine:)`` through the text's UTF-8 view (the reference the byte loop is tested against).
    static func generalSplit(_ text: String, firstLine: Int = 1) -> [TextLine] {
        var lines: [TextLine] = []
        var number = firstLine
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                append(String(Substring(utf8[start..<index])), line: number, to: &lines)
                number += 1
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if start < utf8.endIndex { append(String(Substring(utf8[start..<utf8.endIndex])), line: number, to: &lines) }
        return lines
    }

    /// Appends a line, cut into bounded pieces when it is very long.
    static func append(_ text: String, line: Int, to lines: inout [TextLine]) {
        guard text.utf8.count > maximumLineLength else {
            lines.append(TextLine(text: text, sourceLine: line))
            return
        }
        var piece = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            piece.append(scalar)
            count += 1
            if count >= maximumLineLength && (scalar == " " || count >= maximumLineLength + 200) {
                lines.append(TextLine(text: String(piece), sourceLine: line))
                piece = String.UnicodeScalarView()
                count = 0
            }
        }
        if !piece.isEmpty { lines.append(TextLine(text: String(piece), sourceLine: line)) }
    }
}
