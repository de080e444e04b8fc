extension TextHints {
    /// The domains of a line's words in order, as splitting it with ``isWordSeparator(_:)`` and
    /// reading each word with ``domain(in:)`` gives them, on the bytes of an ASCII line; `nil`
    /// for other lines (the general path reads those).
    ///
    /// In ASCII text every character is one byte (CR LF aside, which is neither a separator
    /// nor part of a host), and the only letters and numbers are `A`–`Z`, `a`–`z` and `0`–`9`.
    ///
    /// ```swift
    /// TextHints.asciiDomains(in: "From: Jane <jane@math.example.EDU>")   // ["math.example.edu"]
    /// ```
    static func asciiDomains(in text: String) -> [String]? {
        var copy = text
        return copy.withUTF8 { bytes -> [String]? in
            guard TextBytes.isASCII(bytes) else { return nil }
            var domains: [String] = []
            var index = 0
            let count = bytes.count
            while index < count {
                while index < count, isASCIIWordSeparator(bytes[index]) { index += 1 }
                let start = index
                while index < count, !isASCIIWordSeparator(bytes[index]) { index += 1 }
                if start < index, let domain = asciiDomain(in: UnsafeBufferPointer(rebasing: bytes[start..<index])) {
                    domains.append(domain)
                }
            }
            return domains
        }
    }

    @inline(__always)
    static func isASCIIWordSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x3C || byte == 0x3E || byte == 0x28 || byte == 0x29 || byte == 0x22
    }

    /// ``domain(in:)`` for one ASCII word: after its first `://`, else after its last `@`, else
    /// the word if it starts with `www.`; the host is the run of letters, digits, `.` and `-`,
    /// trimmed of `.` and `-`, and counts only with a dot in it (lower-cased).
    static func asciiDomain(in word: UnsafeBufferPointer<UInt8>) -> String? {
        let count = word.count
        var hostStart: Int?
        if count >= 3 {
            for position in 0...(count - 3) where word[position] == 0x3A && word[position + 1] == 0x2F && word[position + 2] == 0x2F {
                hostStart = position + 3
                break
            }
        }
        if hostStart == nil {
            var position = count
            while position > 0 {
                position -= 1
                if word[position] == 0x40 {
                    hostStart = position + 1
                    break
                }
            }
        }
        if hostStart == nil, count >= 4, word[0] == 0x77, word[1] == 0x77, word[2] == 0x77, word[3] == 0x2E { hostStart = 0 }
        guard var start = hostStart else { return nil }
        var end = start
        while end < count {
            let byte = word[end]
            guard TextFields.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D else { break }
            end += 1
        }
        while start < end, word[start] == 0x2E || word[start] == 0x2D { start += 1 }
        while end > start, word[end - 1] == 0x2E || word[end - 1] == 0x2D { end -= 1 }
        guard word[start..<end].contains(0x2E) else { return nil }
        return String(unsafeUninitializedCapacity: end - start) { output in
            for offset in 0..<(end - start) {
                let byte = word[start + offset]
                output[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            }
            return end - start
        }
    }
}
