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

    /// The unfolded bytes, exactly as in the input (not yet checked as UTF-8). They point into
    /// the input (a line without folds) or into the scanner's buffer (a folded one), and stay
    /// valid until the scanner's next ``ContentLineScanner/next()``.
    var bytes: UnsafeBufferPointer<UInt8>
    /// The physical line the logical line starts on.
    var first: Segment
    /// The continuation lines, in order (empty for a line without folds).
    var continuations: [Segment]
    /// The unfolded length when it exceeded ``ICalendarLimits/maximumLineBytes``
    /// (then `bytes` holds only the beginning).
    var overlongLength: Int?

    var firstLine: Int { first.line }

    /// The location of byte `offset` of a logical line (columns count Unicode scalars).
    func location(of offset: Int, in input: UnsafeBufferPointer<UInt8>, fileID: UInt32) -> ICalendarSourceLocation {
        var segment = first
        for candidate in continuations where candidate.start <= offset { segment = candidate }
        let inputOffset = min(segment.inputOffset + (offset - segment.start), input.count)
        var column = 1
        var index = segment.lineStart
        while index < inputOffset {
            if input[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return ICalendarSourceLocation(fileID: fileID, line: segment.line, column: column)
    }
}

/// Splits iCalendar bytes into logical content lines, one at a time.
///
/// Line ends may be CRLF, LF or a lone CR. A physical line starting with a space or a tab
/// continues the previous one (the fold's whitespace is removed); folds may fall inside a
/// multi-byte UTF-8 sequence, since joining happens on bytes. Empty lines are skipped.
///
/// The scanner reads the input in place: a line without folds is handed out as a view of the
/// input, and only folded lines are joined, in one buffer reused from line to line. The input
/// must stay valid while the scanner is used (``ICalendarParser`` scans inside
/// `withUnsafeBufferPointer`).
struct ContentLineScanner {
    let input: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lineNumber = 0
    /// A physical line read ahead that starts the next logical line.
    private var pending: (start: Int, end: Int, line: Int)?
    private let joined = JoinBuffer()

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { position = 3 }
    }

    /// The next physical line: its bounds (line break excluded) and number.
    private mutating func nextPhysicalLine() -> (start: Int, end: Int, line: Int)? {
        guard position < input.count else { return nil }
        let start = position
        let end = LineBreaks.first(in: input, from: position)
        var index = end
        if index < input.count {
            if input[index] == 0x0D, index + 1 < input.count, input[index + 1] == 0x0A { index += 2 } else { index += 1 }
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
        let limit = ICalendarLimits.maximumLineBytes
        var total = head.end - head.start
        var kept = min(total, limit)
        var folded = false
        var continuations: [LogicalLine.Segment] = []
        while let physical = nextPhysicalLine() {
            guard physical.start < physical.end, input[physical.start] == 0x20 || input[physical.start] == 0x09 else {
                pending = physical
                break
            }
            if !folded {
                folded = true
                joined.removeAll()
                joined.append(UnsafeBufferPointer(rebasing: input[head.start..<(head.start + kept)]))
            }
            let start = physical.start + 1
            let length = physical.end - start
            let taken = min(length, limit - kept)
            if taken > 0 {
                continuations.append(.init(start: kept, inputOffset: start, line: physical.line, lineStart: physical.start))
                joined.append(UnsafeBufferPointer(rebasing: input[start..<(start + taken)]))
                kept += taken
            }
            total += length
        }
        let bytes = folded ? joined.contents : UnsafeBufferPointer(rebasing: input[head.start..<(head.start + kept)])
        return LogicalLine(bytes: bytes,
                           first: .init(start: 0, inputOffset: head.start, line: head.line, lineStart: head.start),
                           continuations: continuations, overlongLength: total > limit ? total : nil)
    }

    /// The location just past the last byte of the input.
    func endLocation(file: String) -> ICalendarSourceLocation {
        ICalendarSourceLocation(file: file, line: max(lineNumber, 1), column: 1)
    }
}

/// The buffer folded lines are joined in, reused from line to line (it grows to the longest
/// folded line, at most ``ICalendarLimits/maximumLineBytes``).
final class JoinBuffer {
    private var storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
    private var capacity = 1024
    private var count = 0

    /// The bytes joined so far.
    var contents: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    func removeAll() { count = 0 }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity {
            var grown = capacity * 2
            while grown < count + bytes.count { grown *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.update(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    deinit { storage.deallocate() }
}

/// Finding line breaks eight bytes at a time.
enum LineBreaks {
    /// The offset of the first CR or LF at or after `start`, or `input.count`.
    static func first(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = input.baseAddress else { return input.count }
        let count = input.count
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let lf = word ^ (ones &* 0x0A)
            let cr = word ^ (ones &* 0x0D)
            // A byte of `lf` or `cr` is zero where the word holds LF or CR; the lowest flagged
            // byte is exact (flags above a zero byte can be spurious, not below).
            let found = ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count, input[index] != 0x0A, input[index] != 0x0D { index += 1 }
        return index
    }
}
