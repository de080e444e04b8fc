#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TalkplanTime

/// The streaming loop behind `talkplan convert`: large reads, byte-level parsing and
/// formatting straight into a large output block, one output line per input line,
/// memory bounded whatever the input size.
///
/// The commonest forms (`2024-03-10T08:00:00Z` in, `2024-03-10T02:30:00` in) take a
/// fixed-width path; every other accepted form goes through the general ISO 8601 code.
struct ConvertStream {
    enum Direction {
        case toLocal
        case toInstant(Disambiguation)
    }

    let console: Console
    let table: ZoneTable
    let direction: Direction

    /// Lines longer than this cannot be a timestamp; they are reported, not buffered.
    static let maximumLineLength = 256
    static let readSize = 1 << 20
    /// Output is flushed when less than this much room is left.
    static let outputSize = 4 << 20
    /// After this many messages, failures are only counted.
    static let maximumMessages = 100
    /// Epoch seconds beyond ±10^13 (about year 318,857) are not read as epoch seconds.
    static let epochLimit: Int64 = 10_000_000_000_000

    private var lineNumber = 0
    private var failures = 0
    private let output: UnsafeMutableRawBufferPointer
    private var used = 0

    init(console: Console, table: ZoneTable, direction: Direction) {
        self.console = console
        self.table = table
        self.direction = direction
        self.output = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.outputSize, alignment: 16)
    }

    /// Runs to the end of the input; returns the exit status. Consumes the stream.
    mutating func run() -> Int32 {
        defer { output.deallocate() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize + Self.maximumLineLength, alignment: 16)
        defer { buffer.deallocate() }
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var carried = 0          // bytes of an unfinished line kept at the start of `buffer`
        var overlong = false     // skipping the rest of a line that is already too long
        while true {
            let count = read(console.input, base + carried, Self.readSize)
            if count < 0 {
                if errno == EINTR { continue }
                console.diagnose("cannot read standard input: \(String(cString: strerror(errno)))")
                failures += 1
                break
            }
            if count == 0 { break }
            let end = carried + count
            var start = 0
            while start < end, let newline = memchr(base + start, 0x0A, end - start) {
                let position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                if overlong {
                    overlong = false
                } else {
                    convertLine(base + start, position - start)
                }
                start = position + 1
            }
            carried = end - start
            if carried > Self.maximumLineLength {
                if !overlong { reportOverlong() }
                overlong = true
                carried = 0
            } else if carried > 0 {
                memmove(base, base + start, carried)
            }
        }
        if carried > 0 && !overlong { convertLine(base, carried) }
        flushOutput()
        if failures > Self.maximumMessages {
            console.diagnose("\(failures) lines in all could not be converted")
        }
        return failures == 0 ? 0 : 1
    }

    @inline(__always)
    private mutating func convertLine(_ start: UnsafePointer<UInt8>, _ rawCount: Int) {
        lineNumber += 1
        if used > Self.outputSize - 128 { flushOutput() }
        let out = output.baseAddress!.assumingMemoryBound(to: UInt8.self) + used
        var count = rawCount
        if count > 0, start[count - 1] == 0x0D { count -= 1 }
        // Fixed-width fast paths.
        switch direction {
        case .toLocal:
            if let seconds = ISO8601.parseCompactUTC(start, count) {
                let written = ISO8601.writeCompactLocal(utcSeconds: seconds, offset: table.offsetSeconds(at: seconds), to: out)
                if written > 0 {
                    out[written] = 0x0A
                    used += written + 1
                    return
                }
            }
        case .toInstant(let disambiguation):
            if let local = ISO8601.parseCompactLocal(start, count),
               let offset = table.uniqueOffset(atLocal: local) ?? table.resolve(localSeconds: local).offset(for: disambiguation)?.seconds {
                let written = ISO8601.writeCompactUTC(seconds: local - Int64(offset), to: out)
                if written > 0 {
                    out[written] = 0x0A
                    used += written + 1
                    return
                }
            }
        }
        generalLine(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Every other form: trimmed, parsed and written by the general ISO 8601 code.
    private mutating func generalLine(_ raw: UnsafeRawBufferPointer) {
        let line = trimmed(raw)
        let out = UnsafeMutableRawBufferPointer(rebasing: output[used..<(used + 64)])
        if line.isEmpty {
            out[0] = 0x0A
            used += 1
            return
        }
        let written = format(line, into: out)
        if written > 0 {
            used += written
        } else {
            fail(line, rejected: written == -2)
        }
        output[used] = 0x0A
        used += 1
    }

    /// Converts one trimmed line into `out`; returns the bytes written, -1 when the line
    /// cannot be read, -2 when `reject` refuses a wall time in a gap or fold.
    private func format(_ line: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) -> Int {
        switch direction {
        case .toLocal:
            let instant: Instant
            if let seconds = ISO8601.parseEpochSeconds(line), seconds > -Self.epochLimit, seconds < Self.epochLimit {
                instant = Instant(seconds: seconds)
            } else if let parsed = ISO8601.parseInstant(line) {
                instant = parsed
            } else {
                return -1
            }
            let offset = table.offset(at: instant)
            return ISO8601.writeOffsetDateTime(instant.plainDateTime(at: offset), offset: offset, into: out)
        case .toInstant(let disambiguation):
            guard let wall = ISO8601.parsePlainDateTime(line) else { return -1 }
            guard let offset = table.resolve(localSeconds: wall.localEpochSeconds).offset(for: disambiguation) else {
                return -2
            }
            return ISO8601.writeInstant(wall.instant(at: offset), into: out)
        }
    }

    private func trimmed(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lower = raw.startIndex
        var upper = raw.endIndex
        while lower < upper, raw[lower] == 0x20 || raw[lower] == 0x09 { lower += 1 }
        while upper > lower, raw[upper - 1] == 0x20 || raw[upper - 1] == 0x09 || raw[upper - 1] == 0x0D { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: raw[lower..<upper])
    }

    private mutating func fail(_ line: UnsafeRawBufferPointer, rejected: Bool) {
        failures += 1
        guard failures <= Self.maximumMessages else { return }
        flushOutput()
        let text = Self.printable(line)
        switch direction {
        case .toLocal:
            console.diagnose("line \(lineNumber): cannot read \"\(text)\" as an instant (expected e.g. 2024-03-10T08:00:00Z, 2024-03-10T09:00:00+01:00 or epoch seconds)")
        case .toInstant:
            if rejected, let wall = ISO8601.parsePlainDateTime(line) {
                let error = table.zone.rejection(of: wall, table.resolve(localSeconds: wall.localEpochSeconds))
                console.diagnose("line \(lineNumber): \(error.message)")
            } else {
                console.diagnose("line \(lineNumber): cannot read \"\(text)\" as a wall time (expected e.g. 2024-03-10T02:30:00)")
            }
        }
        if failures == Self.maximumMessages {
            console.diagnose("further lines that cannot be converted are counted, not shown")
        }
    }

    private mutating func reportOverlong() {
        lineNumber += 1
        if used > Self.outputSize - 128 { flushOutput() }
        output[used] = 0x0A
        used += 1
        failures += 1
        guard failures <= Self.maximumMessages else { return }
        flushOutput()
        console.diagnose("line \(lineNumber): longer than \(Self.maximumLineLength) bytes, not a timestamp")
    }

    private mutating func flushOutput() {
        guard used > 0 else { return }
        console.write(UnsafeRawBufferPointer(rebasing: output[0..<used]))
        console.flush()
        used = 0
    }

    /// The line as shown in a message: at most 60 characters, control bytes and invalid UTF-8 replaced.
    static func printable(_ line: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: line.prefix(120), as: UTF8.self)
        var shown = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }.prefix(60))
        if text.count > 60 || line.count > 120 { shown += "…" }
        return shown
    }
}
