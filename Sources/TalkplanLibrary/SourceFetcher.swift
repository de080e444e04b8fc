import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TalkplanTime

/// Why a source could not be read. The message says what was wrong and what to do.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// What a conditional GET found.
public enum FetchOutcome: Sendable {
    /// 304 Not Modified: what is stored is current.
    case notModified(etag: String?, lastModified: String?)
    case document(SourceDocument)
}

/// Reads sources: files, folders (their files, recursively), `-` for stdin, and http(s) URLs.
public struct SourceFetcher: Sendable {
    /// A source named on the command line.
    public enum Target: Sendable, Hashable {
        /// An absolute path, and the path as written.
        case file(path: String, given: String)
        case url(String)
        case stdin
    }

    /// Sources larger than this are refused rather than read into memory.
    public var maximumSize = 64 << 20
    /// How long a request may wait for data before it is abandoned.
    public var timeout: TimeInterval = 30
    public var currentDirectory: String
    public var environment: [String: String]

    public init(currentDirectory: String = FileManager.default.currentDirectoryPath,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.currentDirectory = currentDirectory
        self.environment = environment
    }

    /// Whether a command-line argument names a URL (as opposed to a path).
    public static func isURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Turns arguments into targets: folders become their regular files (recursively, in name order,
    /// hidden files skipped). Arguments that name nothing usable come back as errors.
    public func targets(_ arguments: [String]) -> (targets: [Target], errors: [FetchError]) {
        var targets: [Target] = []
        var errors: [FetchError] = []
        for argument in arguments {
            if argument == "-" {
                targets.append(.stdin)
                continue
            }
            if Self.isURL(argument) {
                let scheme = argument.prefix { $0 != ":" }.lowercased()
                if scheme == "http" || scheme == "https" {
                    if URL(string: argument)?.host == nil {
                        errors.append(FetchError(argument, "not a valid URL"))
                    } else {
                        targets.append(.url(argument))
                    }
                } else if scheme == "file" {
                    let path = URL(string: argument)?.path ?? ""
                    append(path.isEmpty ? argument : path, to: &targets, errors: &errors)
                } else {
                    errors.append(FetchError(argument, "talkplan reads http and https URLs only; download it and add the file"))
                }
                continue
            }
            append(argument, to: &targets, errors: &errors)
        }
        return (targets, errors)
    }

    private func append(_ given: String, to targets: inout [Target], errors: inout [FetchError]) {
        let path = PathText.absolute(given, home: PathText.home(environment), currentDirectory: currentDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            errors.append(FetchError(given, "no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            let files = Self.filesInFolder(path)
            if files.isEmpty { errors.append(FetchError(given, "the folder has no files to add")) }
            for file in files {
                let shown = given.hasSuffix("/") ? given + file.dropFirst(path.count + 1) : given + "/" + file.dropFirst(path.count + 1)
                targets.append(.file(path: file, given: shown))
            }
        } else {
            targets.append(.file(path: path, given: given))
        }
    }

    /// Regular files under a folder, recursively, sorted by path; hidden files and folders skipped.
    static func filesInFolder(_ path: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let full = PathText.join(path, relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }

    /// Reads a file.
    public func readFile(_ path: String, shownAs given: String? = nil, now: Instant = Library.currentTime()) throws(FetchError) -> SourceDocument {
        let shown = given ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FetchError(shown, "no such file")
        }
        if isDirectory.boolValue { throw FetchError(shown, "is a folder, not a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumSize {
            throw FetchError(shown, "\(size) bytes is more than the \(maximumSize >> 20) MiB a source may have; not added")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FetchError(shown, "cannot be read (check its permissions)")
        }
        return SourceDocument(location: path, kind: .file, bytes: [UInt8](data), fetchedAt: now)
    }

    /// Wraps bytes read from stdin; the location names their digest, so the same text read
    /// twice is the same source.
    public func stdinDocument(_ bytes: [UInt8], now: Instant = Library.currentTime()) -> SourceDocument {
        let digest = SHA256.hex(bytes)
        return SourceDocument(location: "stdin:" + digest.prefix(16), kind: .stdin, bytes: bytes, fetchedAt: now)
    }

    /// GETs a URL; with `etag` / `lastModified` the request is conditional (If-None-Match,
    /// If-Modified-Since) and a 304 answer comes back as ``FetchOutcome/notModified(etag:lastModified:)``.
    public func fetch(_ location: String, etag: String? = nil, lastModified: String? = nil,
                      now: Instant = Library.currentTime()) throws(FetchError) -> FetchOutcome {
        guard let url = URL(string: location), let host = url.host else { throw FetchError(location, "not a valid URL") }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("talkplan", forHTTPHeaderField: "User-Agent")
        request.setValue("text/calendar, text/html;q=0.9, text/plain;q=0.9, */*;q=0.5", forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }

        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }

        final class Box: @unchecked Sendable {
            var data: Data?
            var response: URLResponse?
            var error: (any Error)?
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            box.data = data
            box.response = response
            box.error = error
            done.signal()
        }
        task.resume()
        done.wait()

        if let error = box.error { throw FetchError(location, Self.explain(error, host: hostAndPort(url))) }
        guard let response = box.response as? HTTPURLResponse else {
            throw FetchError(location, "the server at \(host) sent no HTTP answer")
        }
        let headers = Self.headers(response)
        switch response.statusCode {
        case 304:
            return .notModified(etag: headers["etag"], lastModified: headers["last-modified"])
        case 200...299:
            let data = box.data ?? Data()
            if data.count > maximumSize {
                throw FetchError(location, "\(data.count) bytes is more than the \(maximumSize >> 20) MiB a source may have; not added")
            }
            return .document(SourceDocument(location: location, kind: .url, bytes: [UInt8](data), etag: headers["etag"],
                                            lastModified: headers["last-modified"], fetchedAt: now))
        default:
            let reason = Self.reasons[response.statusCode] ?? "error"
            var advice = "check the address"
            if response.statusCode >= 500 { advice = "the server has a problem; try again later" }
            if response.statusCode == 401 || response.statusCode == 403 { advice = "the feed is not public; download it and add the file" }
            throw FetchError(location, "the server answered \(response.statusCode) \(reason); \(advice)")
        }
    }

    /// Reason phrases, spelled the same on every platform.
    static let reasons: [Int: String] = [
        400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found", 405: "method not allowed",
        406: "not acceptable", 408: "request timeout", 410: "gone", 429: "too many requests",
        500: "internal server error", 501: "not implemented", 502: "bad gateway", 503: "service unavailable",
        504: "gateway timeout",
    ]

    private func hostAndPort(_ url: URL) -> String {
        let host = url.host ?? "the server"
        if let port = url.port { return "\(host):\(port)" }
        return host
    }

    static func headers(_ response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return headers
    }

    /// A transfer error as a person reads it.
    static func explain(_ error: any Error, host: String) -> String {
        guard let error = error as? URLError else { return "cannot fetch: \(error.localizedDescription)" }
        switch error.code {
        case .cannotConnectToHost:
            return "could not connect to \(host) (nothing answered there); check the address, or try again later"
        case .cannotFindHost, .dnsLookupFailed:
            return "unknown host \(host); check the address and your network"
        case .timedOut:
            return "no answer from \(host) in time; try again later"
        case .notConnectedToInternet, .networkConnectionLost:
            return "the network connection failed while talking to \(host); check your network and try again"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "a secure connection to \(host) could not be made (certificate problem)"
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return "the server at \(host) redirects in circles; check the address"
        case .badServerResponse:
            return "the server at \(host) sent an answer that is not HTTP"
        default:
            return "cannot fetch from \(host): \(error.localizedDescription)"
        }
    }
}
