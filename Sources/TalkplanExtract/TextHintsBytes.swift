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

extension TextHints {
    /// Whether a line is ASCII and holds none of `@`, `://` and `www.`: then it names no domain
    /// and has no Hebrew letter (`false` for other lines, which are looked at in full).
    static func asciiLineLacksAddress(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var combined: UInt8 = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                combined |= byte
                if byte == 0x40 { return false }
                if byte == 0x3A, index + 2 < count, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F { return false }
                if byte == 0x77, index + 3 < count, bytes[index + 1] == 0x77, bytes[index + 2] == 0x77, bytes[index + 3] == 0x2E { return false }
                index += 1
            }
            return combined < 0x80
        }
    }

    /// ``region(ofDomain:)`` on the bytes of an ASCII domain: its last dot-separated part (of
    /// at least two non-empty parts) read case-insensitively; `.some(nil)` when it names no
    /// region, `nil` for a domain that is not ASCII.
    static func asciiRegion(ofDomain domain: String) -> String?? {
        var copy = domain
        return copy.withUTF8 { bytes -> String?? in
            guard TextBytes.isASCII(bytes) else { return nil }
            // The parts of `split(separator: ".")`: empty ones are dropped.
            var parts = 0
            var last = 0..<0
            var index = 0
            while index < bytes.count {
                while index < bytes.count, bytes[index] == 0x2E { index += 1 }
                let start = index
                while index < bytes.count, bytes[index] != 0x2E { index += 1 }
                if index > start {
                    parts += 1
                    last = start..<index
                }
            }
            guard parts >= 2 else { return .some(nil) }
            let tld = String(unsafeUninitializedCapacity: last.count) { output in
                for (offset, position) in last.enumerated() {
                    let byte = bytes[position]
                    output[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return last.count
            }
            switch tld {
            case "edu", "gov", "mil": return "US"
            case "uk": return "GB"
            case "com", "org", "net", "info", "io", "eu", "int", "us", "be", "me", "tv", "co": return .some(nil)
            default:
                let letters = last.allSatisfy { TextFields.isASCIILetter(bytes[$0]) }
                return tld.utf8.count == 2 && letters ? .some(tld.uppercased()) : .some(nil)
            }
        }
    }
}
