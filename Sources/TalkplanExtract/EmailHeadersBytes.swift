/// Header lines of an email read on their UTF-8 bytes: the same answers as the general,
/// character-by-character steps (``EmailMessage/generalHeaderName(_:)``,
/// ``EmailMessage/generalHeaderLine(_:)``, `hasPrefix("From ")`, ``EmailMessage/generalSenderDomain(_:)``),
/// which stay the reference and which the tests compare them with. A line with a non-ASCII byte
/// where it matters is left to the general path.
extension EmailMessage {
    /// What one line of a header block is.
    enum HeaderLine: Equatable {
        /// Nothing but spaces and tabs: the headers end.
        case blank
        /// A continuation line (it starts with a space or a tab), trimmed.
        case continuation(String)
        /// `Name: value`: the lower-cased name and the trimmed value.
        case header(name: String, value: String)
        /// Anything else: the body starts.
        case other
    }

    @inline(__always)
    static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The lower-cased name of a `Name: value` header line, or `nil`: on bytes, and exact for
    /// every text, since a name is ASCII letters, digits, `-` and `_` only (61 at most).
    static func headerName(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { byteHeaderName($0) }
    }

    static func byteHeaderName(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var length = 0
        for byte in bytes {
            if byte == 0x3A {
                guard length > 0 else { return nil }
                return String(unsafeUninitializedCapacity: length) { name in
                    for index in 0..<length {
                        let byte = bytes[index]
                        name[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    }
                    return length
                }
            }
            let ok = TextFields.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
            if !ok || length > 60 { return nil }
            length += 1
        }
        return nil
    }

    /// What a line of a header block is; ASCII lines on their bytes, others the general way.
    static func headerLine(_ text: String) -> HeaderLine {
        var copy = text
        let fast = copy.withUTF8 { bytes -> HeaderLine? in
            guard TextBytes.isASCII(bytes) else { return nil }
            func string(_ from: Int, _ to: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            }
            var start = 0
            var end = bytes.count
            while start < end, isSpaceOrTab(bytes[start]) { start += 1 }
            if start == end { return .blank }
            while end > start, isSpaceOrTab(bytes[end - 1]) { end -= 1 }
            if start > 0 { return .continuation(string(start, end)) }
            guard let name = byteHeaderName(bytes), let colon = bytes.firstIndex(of: 0x3A) else { return .other }
            var valueStart = colon + 1
            var valueEnd = bytes.count
            while valueStart < valueEnd, isSpaceOrTab(bytes[valueStart]) { valueStart += 1 }
            while valueEnd > valueStart, isSpaceOrTab(bytes[valueEnd - 1]) { valueEnd -= 1 }
            return .header(name: name, value: string(valueStart, valueEnd))
        }
        return fast ?? generalHeaderLine(text)
    }

    /// The general path of ``headerLine(_:)``, on characters.
    static func generalHeaderLine(_ text: String) -> HeaderLine {
        if text.trimming(" \t").isEmpty { return .blank }
        if let first = text.unicodeScalars.first, first == " " || first == "\t" {
            return .continuation(text.trimming(" \t"))
        }
        guard let name = generalHeaderName(text) else { return .other }
        guard let colon = text.firstIndex(of: ":") else {
            // The name's colon starts a character with a combining mark (`Date:\u{301}`): the
            // value follows that scalar (this used to stop the program).
            let scalars = text.unicodeScalars
            let scalar = scalars.firstIndex(of: ":")!
            return .header(name: name, value: String(scalars[scalars.index(after: scalar)...]).trimming(" \t"))
        }
        return .header(name: name, value: String(text[text.index(after: colon)...]).trimming(" \t"))
    }

    /// Whether a line starts with `From ` (`hasPrefix`): decided on bytes when the bytes around
    /// the prefix are ASCII.
    static func startsWithFrom(_ text: String) -> Bool {
        var copy = text
        let fast = copy.withUTF8 { bytes -> Bool? in
            let prefix: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x46, 0x72, 0x6F, 0x6D, 0x20)
            for index in 0..<min(5, bytes.count) {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                let expected = index == 0 ? prefix.0 : index == 1 ? prefix.1 : index == 2 ? prefix.2 : index == 3 ? prefix.3 : prefix.4
                if byte != expected { return false }
            }
            guard bytes.count >= 5 else { return false }
            // A non-ASCII scalar after the space may combine with it.
            return bytes.count == 5 || bytes[5] < 0x80 ? true : nil
        }
        return fast ?? text.hasPrefix("From ")
    }

    /// The domain of a `From` header (after its last `@`, letters, digits, `.` and `-`), lower-cased.
    static func senderDomain(_ from: String) -> String? {
        var copy = from
        let fast = copy.withUTF8 { bytes -> String?? in
            guard TextBytes.isASCII(bytes) else { return nil }
            guard let at = bytes.lastIndex(of: 0x40) else { return .some(nil) }
            var end = at + 1
            while end < bytes.count {
                let byte = bytes[end]
                guard TextFields.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2D else { break }
                end += 1
            }
            let length = end - at - 1
            return .some(String(unsafeUninitializedCapacity: length) { domain in
                for index in 0..<length {
                    let byte = bytes[at + 1 + index]
                    domain[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return length
            })
        }
        if let fast { return fast }
        return generalSenderDomain(from)
    }

    /// The general path of ``senderDomain(_:)``, on characters.
    static func generalSenderDomain(_ from: String) -> String? {
        guard let at = from.lastIndex(of: "@") else { return nil }
        return String(from[from.index(after: at)...].prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }).lowercased()
    }

    /// A parameter of a header value (`boundary`, `charset`): none when an ASCII value has no `=`.
    static func parameter(_ name: String, in value: String) -> String? {
        if !value.containsByte(0x3D), TextBytes.isASCII(value) { return nil }
        return generalParameter(name, in: value)
    }
}
