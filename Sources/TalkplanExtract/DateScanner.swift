import TalkplanTime

/// Finds the dates and times of one line.
///
/// ```swift
/// let found = DateScanner.scan("Miércoles 06 de Noviembre a las 15:00 horas.")
/// found.dates[0].date    // day 6, month 11, no year, weekday .wednesday
/// found.times[0].start   // 15:00
/// ```
struct DateScanner {
    let tokens: [TextToken]
    let line: String
    /// The line as tokenized (``maskingURLs(_:)``): token texts are cut from it.
    let masked: String
    let names = DateNames.shared
    /// Whether the tokens' UTF-8 offsets are also the line's (masking replaced only ASCII).
    let sameLayout: Bool

    init(line: String) {
        let masked = Self.maskingURLs(line)
        self.init(tokens: TextTokens.tokenize(masked), line: line, masked: masked)
    }

    init(tokens: [TextToken], line: String, masked: String) {
        self.tokens = tokens
        self.line = line
        self.masked = masked
        self.sameLayout = masked.utf8.count == line.utf8.count
    }

    /// Whether a line may hold a date or time at all: it has a digit, or a word for noon or a
    /// relative day. Lines without are never tokenized.
    static func mayHoldMention(_ line: String) -> Bool {
        if line.containsByte(in: 0x30...0x39) { return true }
        return noonMatcher.matches(line)
    }

    static let noonMatcher = PhraseMatcher(["noon", "midi", "mediod", "midday", "today", "tomorrow", "aujourd", "demain", "hoy", "manana"])

    static func scan(_ line: String) -> LineMentions {
        guard mayHoldMention(line) else { return LineMentions() }
        return DateScanner(line: line).scanAll()
    }

    /// The line with URLs and email addresses blanked out (same length), so that their digits
    /// are never read as dates.
    static func maskingURLs(_ line: String) -> String {
        guard line.containsASCII("://") || line.containsASCII("www.") || line.containsByte(0x40) else { return line }
        var copy = line
        if let fast = copy.withUTF8({ bytes in TextBytes.isASCII(bytes) ? asciiMaskingURLs(bytes) : nil }) { return fast }
        return generalMaskingURLs(line)
    }

    /// ``maskingURLs(_:)`` for an ASCII line, on its bytes.
    static func asciiMaskingURLs(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { text in
            _ = text.initialize(from: bytes)
            let count = bytes.count
            func isSpace(_ byte: UInt8) -> Bool { TextFields.isASCIISpace(byte) || byte == 0x3C || byte == 0x3E || byte == 0x22 }
            var index = 0
            while index < count {
                var start: Int?
                let byte = text[index]
                if byte == 0x3A && index + 2 < count && text[index + 1] == 0x2F && text[index + 2] == 0x2F {
                    var back = index
                    while back > 0, TextFields.isASCIILetter(text[back - 1]) { back -= 1 }
                    start = back
                } else if byte == 0x40 {
                    var back = index
                    while back > 0, !isSpace(text[back - 1]) { back -= 1 }
                    start = back
                } else if byte == 0x77, index + 3 < count, text[index + 1] == 0x77, text[index + 2] == 0x77, text[index + 3] == 0x2E,
                          index == 0 || isSpace(text[index - 1]) || text[index - 1] == 0x28 {
                    start = index
                }
                if let start {
                    var end = index
                    while end < count, !isSpace(text[end]) { end += 1 }
                    for position in start..<end { text[position] = 0x20 }
                    index = end
                } else {
                    index += 1
                }
            }
            return count
        }
    }

    /// ``maskingURLs(_:)`` for any text, scalar by scalar.
    static func generalMaskingURLs(_ line: String) -> String {
        var scalars = Array(line.unicodeScalars)
        var index = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || s == "<" || s == ">" || s == "\"" }
        while index < scalars.count {
            var start: Int?
            if scalars[index] == ":" && index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/" {
                var back = index
                while back > 0, scalars[back - 1].properties.isAlphabetic { back -= 1 }
                start = back
            } else if scalars[index] == "@" {
                var back = index
                while back > 0, !isSpace(scalars[back - 1]) { back -= 1 }
                start = back
            } else if scalars[index] == "w", index + 3 < scalars.count, scalars[index + 1] == "w", scalars[index + 2] == "w",
                      scalars[index + 3] == ".", index == 0 || isSpace(scalars[index - 1]) || scalars[index - 1] == "(" {
                start = index
            }
            if let start {
                var end = index
                while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
                for i in start..<end { scalars[i] = " " }
                index = end
            } else {
                index += 1
            }
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    // MARK: - Driver

    /// The words a date or time may start with: month and weekday names, relative days and the
    /// words for noon (``textualDate(at:)``, ``relativeDate(at:)``, ``clock(at:allowBare:)``);
    /// every other date or time starts with a number.
    static let startWords: FoldedWordSet = {
        var words = DateNames.shared.wordMeanings.words
        words += relativeWords.words + ["manana"]
        words += noonWords.words
        return FoldedWordSet(words)
    }()

    func scanAll() -> LineMentions {
        var found = LineMentions()
        var index = 0
        while index < tokens.count {
            // Only a number or a word of ``startWords`` starts a date or a time.
            let kind = tokens[index].kind
            if kind == .symbol || (kind == .word && !Self.startWords.contains(tokens[index].folded)) {
                index += 1
                continue
            }
            if let (date, end) = isoDate(at: index) {
                found.dates.append(DateMention(date: date, column: tokens[index].start, tokenStart: index, tokenEnd: end))
                // An ISO date-time: the time follows at once (`T19:00` or ` 19:00:00`).
                var cursor = end
                if cursor < tokens.count, tokens[cursor].isWord("t") { cursor += 1 }
                if var (time, timeEnd) = isoTime(at: cursor) {
                    time.dateIndex = found.dates.count - 1
                    time.column = tokens[index].start
                    time.tokenStart = index
                    // A second ISO date-time right after is the end (`2021-05-04 19:00:00 2021-05-04 20:30:00`).
                    var next = timeEnd
                    if next < tokens.count, tokens[next].isSymbol("-") || tokens[next].isSymbol("/") || tokens[next].isSymbol("\u{2013}") { next += 1 }
                    if let (endDate, endDateEnd) = isoDate(at: next) {
                        var timeCursor = endDateEnd
                        if timeCursor < tokens.count, tokens[timeCursor].isWord("t") { timeCursor += 1 }
                        if let (endTime, endTimeEnd) = isoTime(at: timeCursor) {
                            if endDate.day == date.day && endDate.month == date.month && endDate.year == date.year {
                                time.end = endTime.start
                            } else {
                                found.dates.append(DateMention(date: endDate, column: tokens[next].start, tokenStart: next, tokenEnd: endDateEnd))
                            }
                            timeEnd = endTimeEnd
                        }
                    }
                    time.tokenEnd = timeEnd
                    time.text = text(from: index, to: timeEnd)
                    if time.offset == nil { time.zoneCandidates = zoneCandidates(at: timeEnd) }
                    found.times.append(time)
                    index = timeEnd
                } else {
                    index = end
                }
                continue
            }
            if let (date, end) = numericDate(at: index) ?? textualDate(at: index) ?? relativeDate(at: index) {
                found.dates.append(DateMention(date: date, column: tokens[index].start, tokenStart: index, tokenEnd: end))
                index = end
                continue
            }
            if let (time, end) = timeRange(at: index) {
                found.times.append(time)
                index = end
                continue
            }
            index += 1
        }
        // Yearless numeric dates (`12/6`) count only next to a weekday or a time.
        found.dates.removeAll { mention in
            mention.date.style == .numeric && mention.date.year == nil && mention.date.weekday == nil
                && !found.times.contains { abs($0.tokenStart - mention.tokenEnd) <= 4 }
        }
        return found
    }

    /// The line's text from the start of one token to the end of another (exclusive).
    func text(from start: Int, to end: Int) -> String {
        guard start < end, end <= tokens.count else { return "" }
        if sameLayout {
            let from = tokens[start].utf8Start, to = tokens[end - 1].utf8End
            guard from < to else { return "" }
            var copy = line
            return copy.withUTF8 { bytes in String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self) }
        }
        return generalText(from: start, to: end)
    }

    /// A token's text as written (from the tokenized line).
    func text(of token: TextToken) -> String { token.text(in: masked) }

    /// ``text(from:to:)`` for any line, by scalar offsets.
    func generalText(from start: Int, to end: Int) -> String {
        guard start < end, end <= tokens.count else { return "" }
        let scalars = Array(line.unicodeScalars)
        let from = tokens[start].start, to = min(tokens[end - 1].end, scalars.count)
        guard from < to else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[from..<to])
        return String(view)
    }

    func token(_ index: Int) -> TextToken? { index >= 0 && index < tokens.count ? tokens[index] : nil }

    /// Whether the token at `index` is a symbol glued to its neighbour before it.
    func glued(_ index: Int) -> Bool { token(index).map { !$0.spaced } ?? false }

    // MARK: - ISO dates

    /// `2021-05-04` (or `2021/05/04`).
    func isoDate(at index: Int) -> (WrittenDate, Int)? {
        guard let year = token(index), year.isNumber, year.digits == 4,
              let sep1 = token(index + 1), sep1.isSymbol("-") || sep1.isSymbol("/"), !sep1.spaced,
              let month = token(index + 2), month.isNumber, month.digits <= 2, !month.spaced,
              let sep2 = token(index + 3), sep2.value == sep1.value, sep2.kind == .symbol, !sep2.spaced,
              let day = token(index + 4), day.isNumber, day.digits <= 2, !day.spaced,
              PlainDate(year: year.value, month: month.value, day: day.value) != nil
        else { return nil }
        if let before = token(index - 1), !year.spaced, before.isNumber || before.isSymbol("/") || before.isSymbol(".") { return nil }
        if let after = token(index + 5), !after.spaced, after.isNumber || after.isSymbol("/") || (after.isSymbol("-") && token(index + 6)?.isNumber == true) {
            return nil
        }
        let date = WrittenDate(day: day.value, month: month.value, year: year.value, style: .iso, text: text(from: index, to: index + 5))
        return (date, index + 5)
    }

    /// `19:00:00`, `19:00`, `19:00:00Z`, `19:00+02:00` right after an ISO date.
    func isoTime(at index: Int) -> (TimeMention, Int)? {
        guard let hour = token(index), hour.isNumber, hour.digits == 2, hour.value <= 23,
              let colon = token(index + 1), colon.isSymbol(":"), !colon.spaced,
              let minute = token(index + 2), minute.isNumber, minute.digits == 2, minute.value <= 59, !minute.spaced
        else { return nil }
        var cursor = index + 3
        var second = 0
        if let c = token(cursor), c.isSymbol(":"), !c.spaced, let s = token(cursor + 1), s.isNumber, s.digits == 2, s.value <= 59 {
            second = s.value
            cursor += 2
            // A fraction of a second is dropped.
            if let dot = token(cursor), dot.isSymbol(".") || dot.isSymbol(","), !dot.spaced, let f = token(cursor + 1), f.isNumber, !f.spaced {
                cursor += 2
            }
        }
        var offset: UTCOffset?
        if let z = token(cursor), !z.spaced, z.isWord("z") {
            offset = .zero
            cursor += 1
        } else if let (parsed, end) = numericOffset(at: cursor, glued: true) {
            offset = parsed
            cursor = end
        }
        let time = TimeMention(start: WrittenTime(hour: hour.value, minute: minute.value, second: second), offset: offset,
                               structured: true, column: hour.start, tokenStart: index, tokenEnd: cursor, text: "")
        return (time, cursor)
    }

    /// `+02:00`, `-0600`, `+1`, `−03` at `index`; with `glued`, the sign must touch the previous token.
    func numericOffset(at index: Int, glued mustTouch: Bool) -> (UTCOffset, Int)? {
        guard let sign = token(index), sign.isSymbol("+") || sign.isSymbol("-") || sign.isSymbol("\u{2212}") || sign.isSymbol("\u{2013}"),
              !mustTouch || !sign.spaced,
              let hours = token(index + 1), hours.isNumber, !hours.spaced
        else { return nil }
        let negative = !sign.isSymbol("+")
        var h = hours.value, m = 0
        var end = index + 2
        if hours.digits == 4 {
            h = hours.value / 100
            m = hours.value % 100
        } else if hours.digits <= 2 {
            if let colon = token(index + 2), colon.isSymbol(":"), !colon.spaced, let minutes = token(index + 3), minutes.isNumber,
               minutes.digits == 2, !minutes.spaced {
                m = minutes.value
                end = index + 4
            }
        } else {
            return nil
        }
        guard h <= 14, m < 60, let offset = UTCOffset(hours: negative ? -h : h, minutes: m) else { return nil }
        if negative && h == 0 && m > 0 { return UTCOffset(seconds: Int32(-m * 60)).map { ($0, end) } }
        return (offset, end)
    }

    // MARK: - Numeric dates

    /// `04/05/2021`, `4.5.2024`, `04-05-2021`; and `12/6` without a year (kept only next to a time or weekday).
    func numericDate(at index: Int) -> (WrittenDate, Int)? {
        guard let first = token(index), first.isNumber, first.digits <= 2, first.value >= 1,
              let sep1 = token(index + 1), sep1.kind == .symbol, sep1.isSymbol("/") || sep1.isSymbol(".") || sep1.isSymbol("-"), !sep1.spaced,
              let second = token(index + 2), second.isNumber, second.digits <= 2, second.value >= 1, !second.spaced
        else { return nil }
        if let before = token(index - 1), !first.spaced, before.isNumber || before.isSymbol("/") || before.isSymbol(".") || before.isSymbol("-") || before.isSymbol(":") {
            return nil
        }
        var weekday: Weekday?
        var start = index
        if let (found, position) = weekdayBefore(index) {
            weekday = found
            start = position
        }
        var year: Int?
        var end = index + 3
        if let sep2 = token(index + 3), sep2.kind == .symbol, sep2.value == sep1.value, !sep2.spaced,
           let y = token(index + 4), y.isNumber, !y.spaced, y.digits == 4 || (y.digits == 2 && !sep1.isSymbol("-")) {
            year = y.digits == 4 ? y.value : 2000 + y.value
            end = index + 5
            if let after = token(end), !after.spaced, after.isNumber || ((after.isSymbol(".") || after.isSymbol("/") || after.isSymbol("-")) && token(end + 1)?.isNumber == true && token(end + 1)?.spaced == false) {
                return nil
            }
        } else {
            // Without a year only `/` reads as a date (`12/6`); `3.5` and `4-5` are numbers or ranges.
            guard sep1.isSymbol("/") else { return nil }
            if let after = token(end), !after.spaced, after.isNumber || after.isSymbol("/") || after.isSymbol(".") && token(end + 1)?.isNumber == true {
                return nil
            }
        }
        let a = first.value, b = second.value
        let order: WrittenDate.Order
        if sep1.isSymbol(".") {
            order = .dayMonth   // 4.5.2024 is always day.month
        } else if a > 12 {
            order = .dayMonth
        } else if b > 12 {
            order = .monthDay
        } else if a == b {
            order = .dayMonth
        } else {
            order = .open(first: a, second: b)
        }
        var date: WrittenDate
        switch order {
        case .monthDay:
            date = WrittenDate(day: b, month: a, year: year, weekday: weekday, style: .numeric, order: order, text: "")
        default:
            date = WrittenDate(day: a, month: b, year: year, weekday: weekday, style: .numeric, order: order, text: "")
        }
        guard date.month <= 12, date.day <= 31 else { return nil }
        if let year, PlainDate(year: year, month: date.month, day: date.day) == nil { return nil }
        date.text = text(from: start, to: end)
        return (date, end)
    }
}
