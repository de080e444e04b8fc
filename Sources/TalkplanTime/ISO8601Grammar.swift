// The byte-level ISO 8601 grammar shared by the fast path and the throwing
// initialisers. It reads only within the given bytes and never traps.

/// The shared recursive-descent grammar over bytes.
enum ISO8601Grammar {
    /// A read position in `bytes[0..<end]`; `end` excludes a trailing `\r`.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        let end: Int
        var index = 0

        @inline(__always)
        init(_ bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            var end = bytes.count
            if end > 0 && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            self.end = end
        }

        @inline(__always)
        var atEnd: Bool { index >= end }

        /// The current byte, or 0 at the end (0 never matches anything we look for).
        @inline(__always)
        var current: UInt8 { index < end ? bytes[index] : 0 }

        @inline(__always)
        func fail(_ kind: ISO8601ParseFailure.Kind) -> ISO8601ParseFailure {
            ISO8601ParseFailure(kind: kind, index: index)
        }

        @inline(__always)
        mutating func digit() throws(ISO8601ParseFailure) -> Int {
            let value = current &- 48
            guard value < 10 else { throw fail(.expected(.digit)) }
            index += 1
            return Int(value)
        }

        @inline(__always)
        mutating func twoDigits() throws(ISO8601ParseFailure) -> Int {
            let tens = try digit()
            return try tens * 10 + digit()
        }

        @inline(__always)
        mutating func expect(_ byte: UInt8, _ expectation: ISO8601ParseFailure.Expectation) throws(ISO8601ParseFailure) {
            guard current == byte else { throw fail(.expected(expectation)) }
            index += 1
        }

        @inline(__always)
        var currentIsDigit: Bool { current &- 48 < 10 }

        /// Fails unless the whole input was consumed.
        @inline(__always)
        func expectEnd() throws(ISO8601ParseFailure) {
            guard atEnd else { throw fail(.unexpectedCharacter) }
        }
    }

    @inline(__always)
    static func start(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> Cursor {
        let cursor = Cursor(bytes)
        guard !cursor.atEnd else { throw cursor.fail(.empty) }
        return cursor
    }

    /// `YYYY-MM-DD`, `YYYYMMDD`, `±YYYYYY-MM-DD`, `±YYYYYYMMDD`; returns the
    /// date and whether it used the basic (separator-free) format.
    static func date(_ cursor: inout Cursor) throws(ISO8601ParseFailure) -> (PlainDate, basic: Bool) {
        let start = cursor.index
        var year: Int
        let sign = cursor.current
        if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            cursor.index += 1
            year = 0
            for _ in 0..<6 { year = try year * 10 + cursor.digit() }
            if sign == UInt8(ascii: "-") {
                guard year != 0 else { throw ISO8601ParseFailure(kind: .negativeZeroYear, index: start) }
                year = -year
            }
        } else {
            year = try cursor.twoDigits() * 100
            year += try cursor.twoDigits()
        }
        let basic: Bool
        if cursor.current == UInt8(ascii: "-") {
            basic = false
            cursor.index += 1
        } else if cursor.currentIsDigit {
            basic = true
        } else {
            throw cursor.fail(.expected(.dash))
        }
        let month = try cursor.twoDigits()
        if !basic { try cursor.expect(UInt8(ascii: "-"), .dash) }
        let day = try cursor.twoDigits()
        guard let date = PlainDate(year: year, month: month, day: day) else {
            throw ISO8601ParseFailure(kind: .invalidDate(year: year, month: month, day: day), index: start)
        }
        return (date, basic)
    }

    /// `HH:MM[:SS[.fffffffff]]`, or `HHMM[SS[.fffffffff]]` when `basic`.
    static func time(_ cursor: inout Cursor, basic: Bool) throws(ISO8601ParseFailure) -> PlainTime {
        let start = cursor.index
        let hour = try cursor.twoDigits()
        if !basic { try cursor.expect(UInt8(ascii: ":"), .colon) }
        let minute = try cursor.twoDigits()
        var second = 0
        var nanosecond: Int32 = 0
        let hasSeconds: Bool
        if basic {
            hasSeconds = cursor.currentIsDigit
        } else if cursor.current == UInt8(ascii: ":") {
            cursor.index += 1
            hasSeconds = true
        } else {
            hasSeconds = false
        }
        if hasSeconds {
            second = try cursor.twoDigits()
            if cursor.current == UInt8(ascii: ".") || cursor.current == UInt8(ascii: ",") {
                cursor.index += 1
                var fraction = try Int32(cursor.digit())
                var digits = 1
                while cursor.currentIsDigit {
                    guard digits < 9 else { throw cursor.fail(.tooManyFractionDigits) }
                    fraction = fraction * 10 + Int32(cursor.current &- 48)
                    digits += 1
                    cursor.index += 1
                }
                while digits < 9 {
                    fraction *= 10
                    digits += 1
                }
                nanosecond = fraction
            }
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw ISO8601ParseFailure(kind: .invalidTime(hour: hour, minute: minute, second: second), index: start)
        }
        return PlainTime(unchecked: UInt8(hour), UInt8(minute), UInt8(second), nanosecond)
    }

    /// `Z`, `z`, `±HH`, `±HHMM`, `±HH:MM`, `±HH:MM:SS`, `±HHMMSS`.
    static func offset(_ cursor: inout Cursor, missing: ISO8601ParseFailure.Expectation) throws(ISO8601ParseFailure) -> UTCOffset {
        let start = cursor.index
        let sign = cursor.current
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
            cursor.index += 1
            return .zero
        }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { throw cursor.fail(.expected(missing)) }
        cursor.index += 1
        let hours = try cursor.twoDigits()
        var minutes = 0
        var seconds = 0
        var hasSeconds = false
        if cursor.current == UInt8(ascii: ":") {
            cursor.index += 1
            minutes = try cursor.twoDigits()
            if cursor.current == UInt8(ascii: ":") {
                cursor.index += 1
                seconds = try cursor.twoDigits()
                hasSeconds = true
            }
        } else if cursor.currentIsDigit {
            minutes = try cursor.twoDigits()
            if cursor.currentIsDigit {
                seconds = try cursor.twoDigits()
                hasSeconds = true
            }
        }
        let negative = sign == UInt8(ascii: "-")
        guard hours <= 23, minutes <= 59, seconds <= 59 else {
            throw ISO8601ParseFailure(kind: .invalidOffset(negative: negative, hours: hours, minutes: minutes,
                                                    seconds: seconds, hasSeconds: hasSeconds), index: start)
        }
        let magnitude = Int32(hours * 3600 + minutes * 60 + seconds)
        return UTCOffset(unchecked: negative ? -magnitude : magnitude)
    }

    @inline(__always)
    static func separator(_ cursor: inout Cursor) throws(ISO8601ParseFailure) {
        let byte = cursor.current
        guard byte == UInt8(ascii: "T") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: " ") else {
            throw cursor.fail(.expected(.dateTimeSeparator))
        }
        cursor.index += 1
    }

    @inline(__always)
    static func dateTime(_ cursor: inout Cursor) throws(ISO8601ParseFailure) -> PlainDateTime {
        let (date, basic) = try date(&cursor)
        try separator(&cursor)
        let time = try time(&cursor, basic: basic)
        return PlainDateTime(date: date, time: time)
    }

    // MARK: - Whole inputs

    static func plainDateTime(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> PlainDateTime {
        var cursor = try start(bytes)
        let dateTime = try dateTime(&cursor)
        let next = cursor.current
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") || next == UInt8(ascii: "Z") || next == UInt8(ascii: "z") {
            throw cursor.fail(.unexpectedOffset)
        }
        try cursor.expectEnd()
        return dateTime
    }

    static func offsetDateTime(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> (PlainDateTime, UTCOffset) {
        var cursor = try start(bytes)
        let dateTime = try dateTime(&cursor)
        let offset = try offset(&cursor, missing: .offset)
        try cursor.expectEnd()
        return (dateTime, offset)
    }

    static func instant(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> Instant {
        let (dateTime, offset) = try offsetDateTime(bytes)
        let instant = dateTime.instant(at: offset)
        guard instant >= Instant.min, instant <= Instant.max else {
            throw ISO8601ParseFailure(kind: .instantOutOfRange, index: 0)
        }
        return instant
    }

    static func plainDate(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> PlainDate {
        var cursor = try start(bytes)
        let (date, _) = try date(&cursor)
        try cursor.expectEnd()
        return date
    }

    static func plainTime(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> PlainTime {
        var cursor = try start(bytes)
        // A time on its own is extended (`08:30`) unless its third byte is a digit (`0830`).
        let basic = cursor.end >= 3 && (bytes[2] &- 48) < 10
        let time = try time(&cursor, basic: basic)
        try cursor.expectEnd()
        return time
    }

    static func utcOffset(_ bytes: UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> UTCOffset {
        var cursor = try start(bytes)
        let offset = try offset(&cursor, missing: .offsetSign)
        try cursor.expectEnd()
        return offset
    }

    /// Runs `parse` on the UTF-8 of `text`, turning a failure into a
    /// ``TimeError`` that quotes the input.
    static func run<S: StringProtocol, T>(
        _ text: S, _ target: ISO8601ParseFailure.Target,
        _ parse: (UnsafeRawBufferPointer) throws(ISO8601ParseFailure) -> T
    ) throws(TimeError) -> T {
        func attempt(_ raw: UnsafeRawBufferPointer) -> Result<T, TimeError> {
            do throws(ISO8601ParseFailure) {
                return .success(try parse(raw))
            } catch {
                return .failure(error.timeError(input: raw, target: target))
            }
        }
        let result: Result<T, TimeError>
        if let direct = text.utf8.withContiguousStorageIfAvailable({ attempt(UnsafeRawBufferPointer($0)) }) {
            result = direct
        } else {
            var copy = String(text)
            result = copy.withUTF8 { attempt(UnsafeRawBufferPointer($0)) }
        }
        return try result.get()
    }
}
