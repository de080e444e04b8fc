import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
@testable import TalkplanLibrary
import TalkplanTime

/// A fresh folder, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("talkplan-library-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let full = file(name)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static func path(_ name: String) -> String { folder + "/" + name }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// A document as `talkplan add` would build it from a file.
    static func document(_ name: String, at location: String? = nil, now: Instant = Instant(seconds: 1_700_000_000)) throws -> SourceDocument {
        SourceDocument(location: location ?? path(name), kind: .file, bytes: try bytes(name), fetchedAt: now)
    }

    /// An iCalendar feed with the given events, CRLF line ends.
    static func calendar(_ events: [(uid: String, sequence: Int, start: String, summary: String)]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//talkplan tests//EN"]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:20240301T000000Z", "SEQUENCE:\(event.sequence)",
                "DTSTART;TZID=Europe/Zurich:\(event.start)", "DURATION:PT1H", "SUMMARY:\(event.summary)",
                "URL:https://talks.example.org/\(event.uid)", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func document(text: String, location: String, now: Instant = Instant(seconds: 1_700_000_000)) -> SourceDocument {
        SourceDocument(location: location, kind: .file, bytes: Array(text.utf8), fetchedAt: now)
    }
}

/// Every row of every table, as text: two libraries with equal dumps hold the same data.
func dump(_ library: Library) throws -> String {
    try library.run { db in
        var out = ""
        for sql in [
            "SELECT id, location, kind, format, hex(bytes), sha256, etag, lastModified, fetchedAt, addedAt, referenceDate, defaultZone FROM source ORDER BY id",
            "SELECT * FROM talk ORDER BY id",
            "SELECT * FROM removedTalk ORDER BY id",
        ] {
            for row in try Row.fetchAll(db, sql: sql) { out += "\(row)\n" }
            out += "--\n"
        }
        return out
    }
}

func fileBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// The `talkplan` executable built next to the test bundle.
enum Binary {
    static var url: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = me.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("talkplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return me.deletingLastPathComponent().appendingPathComponent("talkplan")
    }

    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Starts talkplan; `wait()` on the returned process, then `finish` to read its output.
    static func start(_ arguments: [String], environment: [String: String?] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = url
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.repositoryRoot)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // The test server is on this machine: never ask a proxy for it.
        env["no_proxy"] = "127.0.0.1,localhost"
        env["NO_PROXY"] = "127.0.0.1,localhost"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe(), stderr = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return (process, stdout, stderr)
    }

    static func finish(_ started: (Process, Pipe, Pipe)) -> Result {
        let (process, stdout, stderr) = started
        final class Box: @unchecked Sendable { var data = Data() }
        let errorBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    static func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> Result {
        finish(try start(arguments, environment: environment))
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 for refresh tests: one connection at a time,
/// `Connection: close`, answers from a handler. Stops when released or on `stop()`.
final class LocalHTTPServer: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        /// Lower-case names.
        var headers: [String: String]
    }

    struct Response: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: [UInt8] = []
    }

    let port: UInt16
    private let socket: Int32
    private let lock = NSLock()
    private var received: [Request] = []
    private var handler: @Sendable (Request) -> Response
    private var stopped = false

    var baseURL: String { "http://127.0.0.1:\(port)" }

    var requests: [Request] { lock.withLock { received } }

    func setHandler(_ handler: @escaping @Sendable (Request) -> Response) { lock.withLock { self.handler = handler } }

    init(handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        #if canImport(Glibc)
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socket = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [weak self] in self?.serve(fd) }
        thread.start()
    }

    func stop() {
        let already = lock.withLock { () -> Bool in
            defer { stopped = true }
            return stopped
        }
        guard !already else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }

    deinit { stop() }

    private func serve(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            handle(client)
            close(client)
        }
    }

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let end: [UInt8] = [13, 10, 13, 10]
        while data.count < 65_536 {
            let count = recv(client, &chunk, chunk.count, 0)
            if count <= 0 { break }
            data += chunk[0..<count]
            if data.count >= 4, (0...(data.count - 4)).contains(where: { Array(data[$0..<($0 + 4)]) == end }) { break }
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        guard parts.count >= 2 else { return }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let request = Request(method: String(parts[0]), path: String(parts[1]), headers: headers)
        let handler = lock.withLock { () -> @Sendable (Request) -> Response in
            received.append(request)
            return self.handler
        }
        let response = handler(request)
        let reason = [200: "OK", 304: "Not Modified", 404: "Not Found", 500: "Internal Server Error"][response.status] ?? "Status"
        var head = "HTTP/1.1 \(response.status) \(reason)\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.status != 304 { head += "Content-Length: \(response.body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        let bytes = Array(head.utf8) + (request.method == "HEAD" || response.status == 304 ? [] : response.body)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }
}

/// A feed that serves ETag and/or Last-Modified and answers conditional requests with 304.
final class FeedState: @unchecked Sendable {
    private let lock = NSLock()
    private var body: String
    private var version = 1
    var useETag: Bool
    var useLastModified: Bool
    var failWith: Int?

    init(body: String, useETag: Bool = true, useLastModified: Bool = true) {
        self.body = body
        self.useETag = useETag
        self.useLastModified = useLastModified
    }

    func update(_ body: String) {
        lock.withLock {
            self.body = body
            version += 1
        }
    }

    func respond(_ request: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
        lock.withLock {
            if let failWith { return LocalHTTPServer.Response(status: failWith, body: Array("no".utf8)) }
            let etag = "\"v\(version)\""
            let lastModified = ["", "Mon, 01 Apr 2024 10:00:00 GMT", "Tue, 02 Apr 2024 10:00:00 GMT", "Wed, 03 Apr 2024 10:00:00 GMT"][min(version, 3)]
            var headers: [(String, String)] = [("Content-Type", "text/calendar; charset=utf-8")]
            if useETag { headers.append(("ETag", etag)) }
            if useLastModified { headers.append(("Last-Modified", lastModified)) }
            let notModified = (useETag && request.headers["if-none-match"] == etag)
                || (!useETag && useLastModified && request.headers["if-modified-since"] == lastModified)
            if notModified { return LocalHTTPServer.Response(status: 304, headers: headers) }
            return LocalHTTPServer.Response(status: 200, headers: headers, body: Array(body.utf8))
        }
    }
}
