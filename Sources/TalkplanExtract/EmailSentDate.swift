import TalkplanTime

/// Reads the dates mail software writes: RFC 5322 (`Tue, 5 Mar 2024 09:12:33 -0600 (CST)`)
/// and the ctime form of mbox lines and list archives (`Wed Dec 6 08:00:00 CST 2023`).
///
/// ```swift
/// EmailSentDates.parse("Wed Dec 6 08:00:00 CST 2023", line: 4)?.abbreviation   // "CST"
/// EmailSentDates.parse("Tue, 5 Mar 2024 09:12:33 -0600", line: 3)?.offset      // -06:00
/// ```
enum EmailSentDates {
    /// English month abbreviations (the protocol's, from CLDR `en`), folded.
    static let months: [String] = CalendarNames.months(locale: "en", abbreviated: true).map { $0.lowercased() }
    static let weekdays: [String] = CalendarNames.weekdays(locale: "en", abbreviated: true).names.map { $0.lowercased() }

    /// Parses a date header value; with `strict`, the whole text must be a date (nothing but a
    /// zone comment after it), as on a line that stands for a header.
    ///
    /// Plain ASCII text is read on its bytes (``byteParse(_:line:strict:)``); anything else, and
    /// anything the byte path is unsure of, goes through ``generalParse(_:line:strict:)``.
    static func parse(_ text: String, line: Int, strict: Bool = false) -> EmailSentDate? {
        if let fast = byteParse(text, line: line, strict: strict) { return fast }
        return generalParse(text, line: line, strict: strict)
    }

    /// The general path, and the reference the byte path is tested against.
    static func generalParse(_ text: String, line: Int, strict: Bool = false) -> EmailSentDate? {
        var comment: String?
        var body = Substring(text)
        if let open = body.firstIndex(of: "("), let close = body.lastIndex(of: ")"), open < close {
            comment = String(body[body.index(after: open)..<close]).trimming(" ")
            if !body[body.index(after: close)...].trimming(" \t").isEmpty && strict { return nil }
            body = body[..<open]
        }
        var tokens = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map { String($0) }
        guard tokens.count >= 4, tokens.count <= 7 else { return nil }
        if weekdays.contains(tokens[0].lowercased().prefix(3).description), tokens[0].allSatisfy(\.isLetter) {
            tokens.removeFirst()
        }
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?, offset: UTCOffset?, abbreviation: String?
        var rest: [String] = []
        if let first = tokens.first, let m = monthIndex(first) {
            // ctime: Mon D HH:MM:SS [ZONE] YYYY
            month = m
            guard tokens.count >= 4, let d = Int(tokens[1]) else { return nil }
            day = d
            time = clock(tokens[2])
            rest = Array(tokens[3...])
            if let last = rest.last, let y = Int(last), last.count == 4 {
                year = y
                rest.removeLast()
            }
        } else {
            // RFC 5322: D Mon YYYY HH:MM[:SS] zone
            guard tokens.count >= 4, let d = Int(tokens[0]), let m = monthIndex(tokens[1]), let y = Int(tokens[2]) else { return nil }
            day = d
            month = m
            year = y < 100 ? y + (y < 50 ? 2000 : 1900) : y
            time = clock(tokens[3])
            rest = Array(tokens[4...])
        }
        for token in rest {
            if let parsed = numericOffset(token) {
                offset = parsed
            } else if token.uppercased() == "UT" || token.uppercased() == "GMT" || token == "Z" || token.uppercased() == "UTC" {
                offset = .zero
            } else if token.count >= 2, token.count <= 5, token.allSatisfy({ $0.isLetter && $0.isASCII }) {
                abbreviation = token
            } else if strict {
                return nil
            }
        }
        if abbreviation == nil, let comment, comment.count <= 5, comment.allSatisfy({ $0.isLetter && $0.isASCII }) {
            abbreviation = comment
        }
        guard let day, let month, let year, let time,
              let dateTime = PlainDateTime(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
        else { return nil }
        if strict && offset == nil && abbreviation == nil && time.2 == 0 && rest.isEmpty { return nil }
        return EmailSentDate(dateTime: dateTime, offset: offset, abbreviation: abbreviation, line: line)
    }

    static func monthIndex(_ token: String) -> Int? {
        let lowered = token.lowercased()
        guard lowered.count == 3 else { return nil }
        return months.firstIndex(of: lowered).map { $0 + 1 }
    }

    static func clock(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 || $0.count == 1 }) else { return nil }
        guard let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) : 0
        guard let s else { return nil }
        return (h, m, s)
    }

    static func numericOffset(_ token: String) -> UTCOffset? {
        guard token.count == 5, let sign = token.first, sign == "+" || sign == "-" else { return nil }
        let digits = token.dropFirst()
        guard digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let hours = value / 100, minutes = value % 100
        guard minutes < 60, hours < 24 else { return nil }
        let seconds = Int32(hours * 3600 + minutes * 60)
        return UTCOffset(seconds: sign == "-" ? -seconds : seconds)
    }
}
