/// Limits that keep reading bounded whatever the input.
///
/// ```swift
/// let huge = "BEGIN:VCALENDAR\r\nDESCRIPTION:" + String(repeating: "x", count: 1 << 20) + "\r\n"
/// ICalendarReader.read(Array(huge.utf8), file: "huge.ics").diagnostics[0].message
/// // "DESCRIPTION content line of 1048588 bytes is longer than the 262144 bytes allowed; skipped"
/// ```
public enum ICalendarLimits {
    /// The longest content line (after unfolding) that is kept, in bytes; longer lines are
    /// reported and skipped without being buffered.
    public static let maximumLineBytes = 1 << 18
    /// The deepest component nesting kept (VCALENDAR > VEVENT > VALARM is 3); deeper
    /// components are reported and skipped.
    public static let maximumDepth = 16
    /// The most components one input may hold (a real feed holds thousands); the rest of the
    /// input is reported and skipped.
    public static let maximumComponents = 500_000
    /// The most content lines one input may hold (a 64 MiB feed of real events has about two
    /// million); the rest of the input is reported and skipped.
    public static let maximumContentLines = 4_000_000
}

/// One logical content line: a physical line and its folded continuations, joined.
struct LogicalLine {
    /// Where a run of `bytes` came from.
    struct Segment {
        /// Offset in `bytes` where the run starts.
        var start: Int
        /// Offset in the input of the same byte.
        var inputOffset: Int
        /// 1-based physical line number.
        var line: Int
        /// Offset in the input where that physical line starts.
        var lineStart: Int
    }

    /// The unfolded bytes, exactly as in the input (not yet checked as UTF-8).
    var bytes: [UInt8]
    var segments: [Segment]
    /// The unfolded length when it exceeded ``ICalendarLimits/maximumLineBytes``
    /// (then `bytes` holds only the beginning).
    var overlongLength: Int?

    var firstLine: Int { segments[0].line }
}

/// Splits iCalendar bytes into logical content lines, one at a time.
///
/// Line ends may be CRLF, LF or a lone CR. A physical line starting with a space or a tab
/// continues the previous one (the fold's whitespace is removed); folds may fall inside a
/// multi-byte UTF-8 sequence, since joining happens on bytes. Empty lines are skipped.
struct ContentLineScanner {
    let input: [UInt8]
    private var position = 0
    private var lineNumber = 0
    /// A physical line read ahead that starts the next logical line.
    private var pending: (start: Int, end: Int, line: Int)?

    init(_ input: [UInt8]) {
        self.input = input
        if input.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next physical line: its bounds (line break excluded) and number.
    private mutating func nextPhysicalLine() -> (start: Int, end: Int, line: Int)? {
        guard position < input.count else { return nil }
        let start = position
        var index = position
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == 0x0A || byte == 0x0D { break }
            index += 1
        }
        let end = index
        if index < count {
            if input[index] == 0x0D, index + 1 < count, input[index + 1] == 0x0A { index += 2 } else { index += 1 }
        }
        position = index
        lineNumber += 1
        return (start, end, lineNumber)
    }

    /// The next logical line, or `nil` at the end of the input.
    mutating func next() -> LogicalLine? {
        var first = pending
        pending = nil
        while first == nil || first!.start == first!.end {
            guard let physical = nextPhysicalLine() else { return nil }
            first = physical
        }
        let head = first!
        var line = LogicalLine(bytes: [], segments: [], overlongLength: nil)
        var total = 0
        func append(_ start: Int, _ end: Int, _ number: Int, lineStart: Int) {
            let length = end - start
            let room = ICalendarLimits.maximumLineBytes - line.bytes.count
            if length > 0, room > 0 {
                line.segments.append(.init(start: line.bytes.count, inputOffset: start, line: number, lineStart: lineStart))
                line.bytes.append(contentsOf: input[start..<(start + min(length, room))])
            }
            total += length
        }
        append(head.start, head.end, head.line, lineStart: head.start)
        while let physical = nextPhysicalLine() {
            if physical.start < physical.end, input[physical.start] == 0x20 || input[physical.start] == 0x09 {
                append(physical.start + 1, physical.end, physical.line, lineStart: physical.start)
            } else {
                pending = physical
                break
            }
        }
        if total > ICalendarLimits.maximumLineBytes { line.overlongLength = total }
        return line
    }

    /// The location of byte `offset` of a logical line (columns count Unicode scalars).
    func location(of offset: Int, in line: LogicalLine, file: String) -> ICalendarSourceLocation {
        var segment = line.segments[0]
        for candidate in line.segments where candidate.start <= offset { segment = candidate }
        let inputOffset = min(segment.inputOffset + (offset - segment.start), input.count)
        var column = 1
        var index = segment.lineStart
        while index < inputOffset {
            if input[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return ICalendarSourceLocation(file: file, line: segment.line, column: column)
    }

    /// The location just past the last byte of the input.
    func endLocation(file: String) -> ICalendarSourceLocation {
        ICalendarSourceLocation(file: file, line: max(lineNumber, 1), column: 1)
    }
}

/// UTF-8 checking, byte by byte (overlong forms, surrogates and values above U+10FFFF are invalid).
enum UTF8Check {
    /// The offset of the first byte that does not start a valid UTF-8 sequence, or `nil`.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
