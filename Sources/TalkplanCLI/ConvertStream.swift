#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TalkplanTime

/// The streaming loop behind `talkplan convert`: large reads, byte-level parsing and
/// formatting, one output line per input line, bounded memory whatever the input size.
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
    /// After this many messages, failures are only counted.
    static let maximumMessages = 100

    private var lineNumber = 0
    private var failures = 0
    private var output: [UInt8] = []

    init(console: Console, table: ZoneTable, direction: Direction) {
        self.console = console
        self.table = table
        self.direction = direction
    }

    mutating func run() -> Int32 {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize + Self.maximumLineLength, alignment: 16)
        defer { buffer.deallocate() }
        output.reserveCapacity(Self.readSize * 2)
        var carried = 0          // bytes of an unfinished line kept at the start of `buffer`
        var overlong = false     // skipping the rest of a line that is already too long
        while true {
            let count = read(console.input, buffer.baseAddress! + carried, Self.readSize)
            if count < 0 {
                if errno == EINTR { continue }
                console.diagnose("cannot read standard input: \(String(cString: strerror(errno)))")
                failures += 1
                break
            }
            if count == 0 { break }
            let end = carried + count
            var start = 0
            var index = carried
            while let newline = memchr(buffer.baseAddress! + index, 0x0A, end - index) {
                let position = buffer.baseAddress!.distance(to: newline)
                if overlong {
                    overlong = false
                } else {
                    convertLine(UnsafeRawBufferPointer(rebasing: buffer[start..<position]))
                }
                start = position + 1
                index = start
            }
            carried = end - start
            if carried > Self.maximumLineLength {
                if !overlong { reportOverlong() }
                overlong = true
                carried = 0
            } else if carried > 0 {
                memmove(buffer.baseAddress!, buffer.baseAddress! + start, carried)
            }
            flushOutput(force: false)
        }
        if carried > 0 && !overlong {
            convertLine(UnsafeRawBufferPointer(rebasing: buffer[0..<carried]))
        }
        flushOutput(force: true)
        if failures > Self.maximumMessages {
            console.diagnose("\(failures) lines in all could not be converted")
        }
        return failures == 0 ? 0 : 1
    }

    private mutating func convertLine(_ raw: UnsafeRawBufferPointer) {
        lineNumber += 1
        let line = trimmed(raw)
        if line.isEmpty {
            output.append(0x0A)
            return
        }
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        let written: Int = withUnsafeMutableBytes(of: &scratch) { out in
            let count = format(line, into: out)
            if count > 0 { output.append(contentsOf: UnsafeRawBufferPointer(rebasing: out[0..<count])) }
            return count
        }
        if written < 0 { fail(line, rejected: written == -2) }
        output.append(0x0A)
    }

    /// Converts one trimmed line into `out`; returns the bytes written, -1 when the line
    /// cannot be read, -2 when `reject` refuses a wall time in a gap or fold.
    @inline(__always)
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

    /// Epoch seconds beyond ±10^13 (about year 318,857) are not read as epoch seconds.
    static let epochLimit: Int64 = 10_000_000_000_000

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
        flushOutput(force: true)
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
        output.append(0x0A)
        failures += 1
        guard failures <= Self.maximumMessages else { return }
        flushOutput(force: true)
        console.diagnose("line \(lineNumber): longer than \(Self.maximumLineLength) bytes, not a timestamp")
    }

    private mutating func flushOutput(force: Bool) {
        guard force || output.count >= Self.readSize else { return }
        output.withUnsafeBytes { console.write($0) }
        output.removeAll(keepingCapacity: true)
    }

    /// The line as shown in a message: at most 60 characters, control bytes and invalid UTF-8 replaced.
    static func printable(_ line: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: line.prefix(120), as: UTF8.self)
        var shown = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }.prefix(60))
        if text.count > 60 || line.count > 120 { shown += "…" }
        return shown
    }
}
