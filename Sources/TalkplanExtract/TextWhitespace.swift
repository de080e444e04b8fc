/// Whitespace collapsing over UTF-8 bytes, for text that is not plain collapsed ASCII.
enum TextWhitespace {
    /// The text with runs of whitespace (Unicode `White_Space`) collapsed to one space, trimmed:
    /// the same text as collapsing it scalar by scalar.
    ///
    /// Every non-ASCII whitespace scalar (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000) starts with byte C2, E1, E2 or E3, so only those are decoded and asked.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var pending = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 1
                var space: Bool
                if byte < 0x80 {
                    space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                } else {
                    let (value, decodedLength) = TextBytes.decode(bytes, at: index)
                    length = max(decodedLength, 1)
                    space = false
                    if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                        space = Unicode.Scalar(value)?.properties.isWhitespace ?? false
                    }
                }
                if space {
                    pending = true
                } else {
                    if pending && !output.isEmpty { output.append(0x20) }
                    pending = false
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                }
                index += length
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
