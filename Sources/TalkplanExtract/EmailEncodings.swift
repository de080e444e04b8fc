import Foundation

/// Quoted-printable bodies (RFC 2045 §6.7), tolerant of broken escapes.
///
/// ```swift
/// QuotedPrintable.decode("Mi=C3=A9rcoles 06 de Noviembre=\r\n")   // bytes of "Miércoles 06 de Noviembre"
/// ```
enum QuotedPrintable {
    /// Decodes the lines of a part; a soft line break (`=` at the end) joins a line to the next,
    /// and each decoded line keeps the input line it starts on.
    static func decodeLines(_ lines: ArraySlice<TextLine>, charset: String?) -> [TextLine] {
        var result: [TextLine] = []
        var pending: [UInt8] = []
        var pendingLine: Int?
        for line in lines {
            if pendingLine == nil { pendingLine = line.sourceLine }
            var bytes = Array(line.text.utf8)
            // Trailing whitespace is not part of the text (RFC 2045 rule 3).
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
            var soft = false
            if bytes.last == 0x3D {
                bytes.removeLast()
                soft = true
            }
            pending += decode(bytes)
            if !soft || pending.count > TextLines.maximumLineLength * 4 {
                for piece in splitDecoded(pending) {
                    TextLines.append(TextDecoding.decode(piece, charset: charset), line: pendingLine!, to: &result)
                }
                pending = []
                pendingLine = nil
            }
        }
        if let pendingLine, !pending.isEmpty {
            for piece in splitDecoded(pending) {
                TextLines.append(TextDecoding.decode(piece, charset: charset), line: pendingLine, to: &result)
            }
        }
        return result
    }

    /// Encoded line breaks (`=0A`) inside a decoded line.
    private static func splitDecoded(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        guard bytes.contains(0x0A) else { return [bytes[...]] }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { piece in
            piece.last == 0x0D ? piece.dropLast() : piece
        }
    }

    /// `=XX` escapes to bytes; a malformed escape is kept as written.
    static func decode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x3D, index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

/// Base64 bodies, tolerant of line breaks and stray characters.
///
/// ```swift
/// Base64Text.decode("SGVsbG8=")   // bytes of "Hello"
/// ```
enum Base64Text {
    /// Decodes a base64 part to text lines. Lines of decoded text are mapped proportionally onto
    /// the encoded lines, so a talk's line points near where its text is encoded.
    static func decodeLines(_ lines: ArraySlice<TextLine>, charset: String?) -> [TextLine] {
        var encoded: [UInt8] = []
        for line in lines { encoded += line.text.utf8 }
        let bytes = decode(encoded)
        let text = TextDecoding.decode(bytes, charset: charset)
        let decoded = TextLines.split(text, firstLine: 0)
        guard let first = lines.first?.sourceLine, let last = lines.last?.sourceLine else { return decoded }
        let count = max(decoded.count, 1)
        return decoded.map { line in
            let mapped = first + (last - first) * line.sourceLine / count
            return TextLine(text: line.text, sourceLine: mapped)
        }
    }

    static func decode(_ input: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in input {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B, 0x2D: value = 62
            case 0x2F, 0x5F: value = 63
            default: continue
            }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return output
    }
}

/// RFC 2047 encoded words in headers: `=?utf-8?Q?S=C3=A9minaire?=`, `=?ISO-8859-1?B?...?=`.
///
/// ```swift
/// EncodedWords.decode("=?UTF-8?Q?S=C3=A9minaire_de_math=C3=A9matiques?=")   // "Séminaire de mathématiques"
/// ```
enum EncodedWords {
    static func decode(_ header: String) -> String {
        // A shortcut only: without the bytes "=?" no encoded word can start (and when they are
        // there but not as characters, the loop below keeps the header as it is).
        guard header.containsASCII("=?") else { return header }
        var result = ""
        var rest = Substring(header)
        var lastWasEncoded = false
        var pendingSpace = ""
        while !rest.isEmpty {
            guard let start = rest.range(of: "=?") else {
                result += pendingSpace + rest
                break
            }
            let before = rest[..<start.lowerBound]
            if let word = encodedWord(rest[start.lowerBound...]) {
                // Whitespace between two encoded words is dropped (RFC 2047 §6.2).
                if !(lastWasEncoded && before.allSatisfy({ $0 == " " || $0 == "\t" })) {
                    result += pendingSpace + before
                }
                pendingSpace = ""
                result += word.text
                rest = rest[word.end...]
                lastWasEncoded = true
            } else {
                result += pendingSpace + before + "=?"
                pendingSpace = ""
                rest = rest[start.upperBound...]
                lastWasEncoded = false
            }
        }
        return result
    }

    /// One encoded word at the start of `text`: its decoded text and where it ends.
    private static func encodedWord(_ text: Substring) -> (text: String, end: Substring.Index)? {
        let parts = text.dropFirst(2)
        guard let q1 = parts.firstIndex(of: "?") else { return nil }
        let charset = String(parts[..<q1])
        let afterCharset = parts[parts.index(after: q1)...]
        guard let q2 = afterCharset.firstIndex(of: "?") else { return nil }
        let encoding = afterCharset[..<q2].uppercased()
        let payloadStart = afterCharset.index(after: q2)
        guard let close = afterCharset[payloadStart...].range(of: "?=") else { return nil }
        let payload = afterCharset[payloadStart..<close.lowerBound]
        guard charset.count < 40, payload.count < 2000 else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "Q":
            bytes = QuotedPrintable.decode(Array(payload.utf8).map { $0 == 0x5F ? 0x20 : $0 })
        case "B":
            bytes = Base64Text.decode(Array(payload.utf8))
        default:
            return nil
        }
        let name = charset.split(separator: "*").first.map(String.init) ?? charset
        return (TextDecoding.decode(bytes, charset: name), close.upperBound)
    }
}
