import TalkplanTime

/// ``EmailSentDates/parse(_:line:strict:)`` on the UTF-8 bytes of an ASCII date header: the
/// same steps as ``EmailSentDates/generalParse(_:line:strict:)`` (which stays the reference, and
/// which the tests compare it with), without splitting into strings, lower-casing or asking
/// Unicode properties. Text with a non-ASCII byte or a control character other than a tab, and
/// numbers too long to be read for sure, are left to the general path.
extension EmailSentDates {
    /// The month and weekday abbreviations packed as three lower-case bytes (month `k` at
    /// index `k - 1`); `nil`, which turns the byte path off, unless every name is three ASCII
    /// lower-case letters, as the byte path assumes.
    static let packedNames: (months: [UInt32], weekdays: [UInt32])? = {
        func packed(_ names: [String]) -> [UInt32]? {
            var keys: [UInt32] = []
            for name in names {
                let bytes = Array(name.utf8)
                guard bytes.count == 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
                keys.append(UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16)
            }
            return keys
        }
        guard let months = packed(months), let weekdays = packed(weekdays) else { return nil }
        return (months, weekdays)
    }()

    /// The parsed date (`.some(nil)` when the text is no date), or `nil` when the text needs the
    /// general path.
    static func byteParse(_ text: String, line: Int, strict: Bool) -> EmailSentDate?? {
        guard let names = packedNames else { return nil }
        var copy = text
        return copy.withUTF8 { bytes -> EmailSentDate?? in
            let count = bytes.count
            for byte in bytes where byte >= 0x80 || (byte < 0x20 && byte != 0x09) { return nil }
            // A comment: from the first `(` to the last `)`.
            var bodyEnd = count
            var comment: Range<Int>?
            if let open = bytes.firstIndex(of: 0x28), let close = bytes.lastIndex(of: 0x29), open < close {
                var start = open + 1
                var end = close
                while start < end, bytes[start] == 0x20 { start += 1 }
                while end > start, bytes[end - 1] == 0x20 { end -= 1 }
                comment = start..<end
                if strict, bytes[(close + 1)...].contains(where: { $0 != 0x20 && $0 != 0x09 }) { return .some(nil) }
                bodyEnd = open
            }
            // Tokens between spaces, tabs and commas: at most 7 (more is no date).
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { bounds -> EmailSentDate?? in
                var tokens = 0
                var index = 0
                while index < bodyEnd {
                    let byte = bytes[index]
                    if byte == 0x20 || byte == 0x09 || byte == 0x2C {
                        index += 1
                        continue
                    }
                    guard tokens < 7 else { return .some(nil) }
                    bounds[2 * tokens] = index
                    while index < bodyEnd, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x2C { index += 1 }
                    bounds[2 * tokens + 1] = index
                    tokens += 1
                }
                guard tokens >= 4 else { return .some(nil) }
                var unsure = false
                func start(_ token: Int) -> Int { bounds[2 * token] }
                func length(_ token: Int) -> Int { bounds[2 * token + 1] - bounds[2 * token] }
                func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
                func isLetter(_ token: Int) -> Bool {
                    bytes[start(token)..<start(token) + length(token)].allSatisfy(TextFields.isASCIILetter)
                }
                /// The first three bytes of a token, lower-cased and packed.
                func key(_ token: Int) -> UInt32 {
                    let at = start(token)
                    return UInt32(lower(bytes[at])) | UInt32(lower(bytes[at + 1])) << 8 | UInt32(lower(bytes[at + 2])) << 16
                }
                func month(_ token: Int) -> Int? {
                    guard length(token) == 3, let index = names.months.firstIndex(of: key(token)) else { return nil }
                    return index + 1
                }
                /// `Int(…)` of bytes: an optional sign, then decimal digits.
                func number(_ from: Int, _ to: Int) -> Int? {
                    var at = from
                    var negative = false
                    if at < to, bytes[at] == 0x2B || bytes[at] == 0x2D {
                        negative = bytes[at] == 0x2D
                        at += 1
                    }
                    guard at < to, bytes[at..<to].allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
                    // Up to 18 digits always fit; longer numbers are the general path's to read.
                    guard to - at <= 18 else {
                        unsure = true
                        return nil
                    }
                    var value = 0
                    for position in at..<to { value = value * 10 + Int(bytes[position] &- 0x30) }
                    return negative ? -value : value
                }
                func number(_ token: Int) -> Int? { number(start(token), start(token) + length(token)) }
                /// `HH:MM[:SS]`, parts split at colons (empty parts dropped), of one or two bytes each.
                func clock(_ token: Int) -> (Int, Int, Int)? {
                    var parts = 0
                    var values = (0, 0, 0)
                    var at = start(token)
                    let end = at + length(token)
                    while at < end {
                        if bytes[at] == 0x3A {
                            at += 1
                            continue
                        }
                        var partEnd = at
                        while partEnd < end, bytes[partEnd] != 0x3A { partEnd += 1 }
                        guard partEnd - at <= 2, parts < 3, let value = number(at, partEnd) else { return nil }
                        switch parts {
                        case 0: values.0 = value
                        case 1: values.1 = value
                        default: values.2 = value
                        }
                        parts += 1
                        at = partEnd
                    }
                    return parts >= 2 ? values : nil
                }
                /// `±HHMM`, read as the general path reads it.
                func offset(_ token: Int) -> UTCOffset? {
                    let at = start(token)
                    guard length(token) == 5, bytes[at] == 0x2B || bytes[at] == 0x2D, let value = number(at + 1, at + 5)
                    else { return nil }
                    let hours = value / 100, minutes = value % 100
                    guard minutes < 60, hours < 24 else { return nil }
                    let seconds = Int32(hours * 3600 + minutes * 60)
                    return UTCOffset(seconds: bytes[at] == 0x2D ? -seconds : seconds)
                }
                func isUniversal(_ token: Int) -> Bool {
                    let at = start(token)
                    switch length(token) {
                    case 1: return bytes[at] == 0x5A
                    case 2: return lower(bytes[at]) == 0x75 && lower(bytes[at + 1]) == 0x74
                    case 3: return key(token) == 0x746D67 || key(token) == 0x637475   // "gmt", "utc"
                    default: return false
                    }
                }
                func string(_ from: Int, _ to: Int) -> String {
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
                }

                var first = 0
                if length(0) >= 3, names.weekdays.contains(key(0)), isLetter(0) { first = 1 }
                guard tokens - first >= 4 else { return .some(nil) }
                var day: Int?, monthValue: Int?, year: Int?, time: (Int, Int, Int)?
                var offsetValue: UTCOffset?, abbreviation: String?
                var rest = 0..<0
                if let m = month(first) {
                    // ctime: Mon D HH:MM:SS [ZONE] YYYY
                    monthValue = m
                    guard let d = number(first + 1) else { return unsure ? nil : .some(nil) }
                    day = d
                    time = clock(first + 2)
                    rest = (first + 3)..<tokens
                    if length(tokens - 1) == 4, let y = number(tokens - 1) {
                        year = y
                        rest = rest.dropLast()
                    }
                } else {
                    // RFC 5322: D Mon YYYY HH:MM[:SS] zone
                    guard let d = number(first), let m = month(first + 1), let y = number(first + 2) else {
                        return unsure ? nil : .some(nil)
                    }
                    day = d
                    monthValue = m
                    year = y < 100 ? y + (y < 50 ? 2000 : 1900) : y
                    time = clock(first + 3)
                    rest = (first + 4)..<tokens
                }
                for token in rest {
                    if let parsed = offset(token) {
                        offsetValue = parsed
                    } else if isUniversal(token) {
                        offsetValue = .zero
                    } else if length(token) >= 2, length(token) <= 5, isLetter(token) {
                        abbreviation = string(start(token), start(token) + length(token))
                    } else if strict {
                        return unsure ? nil : .some(nil)
                    }
                }
                if unsure { return nil }
                if abbreviation == nil, let comment, comment.count <= 5,
                   bytes[comment].allSatisfy(TextFields.isASCIILetter) {
                    abbreviation = string(comment.lowerBound, comment.upperBound)
                }
                guard let day, let monthValue, let year, let time,
                      let dateTime = PlainDateTime(year: year, month: monthValue, day: day,
                                                   hour: time.0, minute: time.1, second: time.2)
                else { return .some(nil) }
                if strict && offsetValue == nil && abbreviation == nil && time.2 == 0 && rest.isEmpty { return .some(nil) }
                return .some(EmailSentDate(dateTime: dateTime, offset: offsetValue, abbreviation: abbreviation, line: line))
            }
        }
    }
}
