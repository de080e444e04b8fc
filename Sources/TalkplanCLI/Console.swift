#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command reads and writes: three file descriptors, with buffered output.
///
/// The executable hands the process's own descriptors in; commands never
/// print or exit by themselves. Output is buffered in large blocks and
/// written with `write(2)`, so streaming commands run at memory speed.
public final class Console {
    public let input: Int32
    public let output: Int32
    public let error: Int32
    private var outputBuffer: [UInt8] = []
    private var errorBuffer: [UInt8] = []
    static let flushThreshold = 1 << 20

    public init(input: Int32 = 0, output: Int32 = 1, error: Int32 = 2) {
        self.input = input
        self.output = output
        self.error = error
        outputBuffer.reserveCapacity(Self.flushThreshold + 4096)
    }

    /// Whether standard output is a terminal.
    public var outputIsTerminal: Bool { isatty(output) == 1 }

    /// Writes text to standard output (buffered).
    public func print(_ text: String, terminator: String = "\n") {
        outputBuffer.append(contentsOf: text.utf8)
        outputBuffer.append(contentsOf: terminator.utf8)
        if outputBuffer.count >= Self.flushThreshold { flushOutput() }
    }

    /// Writes raw bytes to standard output (buffered; a large block goes straight out).
    public func write(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= Self.flushThreshold {
            flushOutput()
            Self.writeAll(output, bytes)
            return
        }
        outputBuffer.append(contentsOf: bytes)
        if outputBuffer.count >= Self.flushThreshold { flushOutput() }
    }

    /// Writes a diagnostic line to standard error, prefixed with `talkplan: `.
    public func diagnose(_ message: String) {
        // Keep the order of stdout and stderr sensible on a terminal.
        flushOutput()
        errorBuffer.append(contentsOf: "talkplan: \(message)\n".utf8)
        Self.writeAll(error, &errorBuffer)
    }

    /// Writes text to standard error as is.
    public func printError(_ text: String) {
        flushOutput()
        errorBuffer.append(contentsOf: text.utf8)
        Self.writeAll(error, &errorBuffer)
    }

    /// Writes out everything buffered.
    public func flush() {
        flushOutput()
        Self.writeAll(error, &errorBuffer)
    }

    private func flushOutput() { Self.writeAll(output, &outputBuffer) }

    private static func writeAll(_ fd: Int32, _ buffer: inout [UInt8]) {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeAll(fd, $0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count {
            let written = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // the reader went away (EPIPE); nothing more can be said
            }
            offset += written
        }
    }

    deinit { flush() }
}

/// `write(2)`, named apart from ``Console/write(_:)``.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
