/// Byte-level fast paths of ``OnlineLinks``: they give exactly what the general paths give.
extension OnlineLinks {
    /// ``services`` as bytes, with the forms the matching needs.
    private static let byteServices: [(suffix: [UInt8], dotted: [UInt8], isPrefix: Bool, name: String)] = services.map {
        (Array($0.suffix.utf8), Array(("." + $0.suffix).utf8), $0.suffix.hasSuffix("."), $0.name)
    }

    /// ``service(of:)`` on the bytes of an ASCII URL (each byte is then a character, but for
    /// CR LF, which no pattern holds, and searching and lower-casing work byte by byte);
    /// `nil` for any other URL, whose service the general path gives.
    static func asciiService(of url: String) -> String?? {
        url.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let scheme = firstRange(of: Pattern.scheme, in: bytes[...]) else { return .some(nil) }
            var rest = bytes[scheme.upperBound...]
            if let end = rest.firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }) { rest = rest[..<end] }  // / ? #
            if let at = rest.lastIndex(of: 0x40) { rest = rest[(at + 1)...] }  // @
            if let colon = rest.lastIndex(of: 0x3A) { rest = rest[..<colon] }  // :
            guard !rest.isEmpty else { return .some(nil) }
            let host = lowered(rest)
            let lower = lowered(bytes[...])
            for service in byteServices {
                if service.isPrefix {
                    guard host.starts(with: service.suffix) || firstRange(of: service.dotted, in: host[...]) != nil else { continue }
                    if service.name == "Indico" {
                        if contains(lower, Pattern.videoconference) || contains(lower, Pattern.vc) { return .some(service.name) }
                        continue
                    }
                    if service.name == "BigBlueButton"
                        && !(contains(lower, Pattern.b) || contains(lower, Pattern.rooms) || contains(lower, Pattern.bigbluebutton)) {
                        continue
                    }
                    return .some(service.name)
                }
                if host == service.suffix || host.ends(with: service.dotted) {
                    if service.name == "Zoom", let path = path(bytes[scheme.upperBound...]), path.starts(with: Pattern.u) {
                        return .some(nil)
                    }
                    return .some(service.name)
                }
            }
            if contains(lower, Pattern.bigbluebuttonPath) || contains(lower, Pattern.livestream) || contains(lower, Pattern.live) {
                return .some("Livestream")
            }
            return .some(nil)
        } ?? nil
    }

    /// ``urls(in:)`` on the UTF-8 bytes of any text: "http" and "://" are ASCII, which UTF-8
    /// bytes and scalars agree on, and a URL ends where the general path ends it (non-ASCII
    /// scalars are decoded to be tested). `nil` when the text has no contiguous bytes.
    static func byteURLs(in text: String) -> [String]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            var result: [String] = []
            let count = bytes.count
            var index = 0
            while index < count {
                guard bytes[index] | 0x20 == 0x68, matches(bytes, at: index, Pattern.http) else {  // h or H
                    index += 1
                    continue
                }
                var cursor = index + 4
                if cursor < count, bytes[cursor] | 0x20 == 0x73 { cursor += 1 }  // s or S
                guard matches(bytes, at: cursor, Pattern.scheme) else {
                    index += 1
                    continue
                }
                var end = cursor + 3
                while end < count {
                    let byte = bytes[end]
                    if byte < 0x80 {
                        guard isASCIIURLByte(byte) else { break }
                        end += 1
                    } else {
                        let (scalar, length) = decode(bytes, at: end)
                        guard isURLScalar(scalar) else { break }
                        end += length
                    }
                }
                let url = trimTrailing(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self))
                if url.count > 10 { result.append(url) }
                index = max(end, index + 1)
            }
            return result
        }
    }

    /// ``isURLScalar(_:)`` for an ASCII scalar: the ASCII whitespace is all at or below space.
    private static func isASCIIURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...0x20, 0x7F, 0x3C, 0x3E, 0x22, 0x60, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E: return false  // < > " ` { } | \ ^
        default: return true
        }
    }

    /// ASCII patterns, lower case.
    private enum Pattern {
        static let http = Array("http".utf8)
        static let scheme = Array("://".utf8)
        static let videoconference = Array("/videoconference".utf8)
        static let vc = Array("/vc/".utf8)
        static let b = Array("/b/".utf8)
        static let rooms = Array("/rooms/".utf8)
        static let bigbluebutton = Array("bigbluebutton".utf8)
        static let bigbluebuttonPath = Array("/bigbluebutton/".utf8)
        static let livestream = Array("livestream".utf8)
        static let live = Array("/live/".utf8)
        static let u = Array("/u/".utf8)
    }

    /// Whether the bytes at an offset are a lower-case ASCII word, in any letter case.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: [UInt8]) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in 0..<word.count {
            var byte = bytes[index + offset]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != word[offset] { return false }
        }
        return true
    }

    /// The scalar of valid UTF-8 starting at an offset, and its length.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The path of a URL's bytes after "://": from the first slash to `?` or `#`.
    private static func path(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard let slash = rest.firstIndex(of: 0x2F) else { return nil }
        let tail = rest[slash...]
        return tail.prefix { $0 != 0x3F && $0 != 0x23 }
    }

    private static func lowered(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { firstRange(of: needle, in: $0[...]) != nil }
    }

    /// The first occurrence of a byte pattern.
    private static func firstRange(of needle: [UInt8], in haystack: Slice<UnsafeBufferPointer<UInt8>>) -> Range<Int>? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var start = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return start..<(start + needle.count) }
            }
            start += 1
        }
        return nil
    }

    private static func firstRange(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        haystack.withUnsafeBufferPointer { firstRange(of: needle, in: $0[...]) }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
