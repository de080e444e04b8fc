import Foundation

/// The tz database talkplan runs on: the IANA release pinned in `TZData/`,
/// compiled into the binary, never ICU's built-in (older) data.
///
/// On first use the embedded zone resources are written once to a cache
/// directory (`$XDG_CACHE_HOME/talkplan/tzdata-<version>-<hash>`, else
/// `~/.cache/...`, else the temporary directory) and ICU is pointed at it
/// before any zone is used. Files already there are reused only when their
/// bytes are identical to the embedded ones.
///
/// ```swift
/// print(TZDatabase.version)   // "2026f"
/// ```
public enum TZDatabase {
    /// The version of the tz data in use, as ICU reports it (e.g. `"2026f"`).
    public static var version: String {
        ensureLoaded()
        return ICUBridge.tzDataVersion() ?? "unknown"
    }

    /// The version recorded in `TZData/VERSION` when the binary was built.
    public static var pinnedVersion: String { ICUBridge.embeddedVersion() }

    /// Why the pinned data could not be loaded, when it could not; `nil` when all is well.
    public static var loadError: String? {
        if case .failure(let error) = state { return error.message }
        return nil
    }

    /// Loads the pinned data if that has not happened yet. Cheap after the first call.
    static func ensureLoaded() { _ = state }

    private static let state: Result<String, TimeError> = load()

    private static func load() -> Result<String, TimeError> {
        let resources = ICUBridge.embeddedResources()
        let pinned = ICUBridge.embeddedVersion()
        guard !resources.isEmpty, !pinned.isEmpty else {
            return .failure(TimeError(message: "this build has no tz data: TZData/ was empty when it was compiled"))
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for resource in resources {
            for byte in resource.bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let leaf = "tzdata-\(pinned)-\(String(hash, radix: 16))"
        var lastProblem = "no writable cache directory"
        for base in cacheBases() {
            let directory = (base as NSString).appendingPathComponent(leaf)
            do {
                try install(resources, in: directory)
            } catch {
                lastProblem = "\(directory): \(error.localizedDescription)"
                continue
            }
            let code = ICUBridge.setTZFilesDirectory(directory)
            guard code == 0 else {
                return .failure(TimeError(message: "could not point ICU at tz data in \(directory) (code \(code))"))
            }
            let reported = ICUBridge.tzDataVersion() ?? "none"
            guard reported == pinned else {
                return .failure(TimeError(
                    message: "ICU reports tz data \(reported) instead of the pinned \(pinned) from \(directory)"))
            }
            return .success(directory)
        }
        return .failure(TimeError(message: "could not install tz data \(pinned): \(lastProblem)"))
    }

    private static func cacheBases() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var bases: [String] = []
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            bases.append((xdg as NSString).appendingPathComponent("talkplan"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            bases.append((home as NSString).appendingPathComponent(".cache/talkplan"))
        }
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        bases.append((temporary as NSString).appendingPathComponent("talkplan-\(getuid())"))
        return bases
    }

    /// Writes each resource unless an identical file is already there; a new
    /// file is written under a temporary name and renamed, so readers never
    /// see a partial file, and concurrent processes agree.
    private static func install(_ resources: [(name: String, bytes: UnsafeRawBufferPointer)], in directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for resource in resources {
            let path = (directory as NSString).appendingPathComponent(resource.name)
            let wanted = Data(resource.bytes)
            if let existing = manager.contents(atPath: path), existing == wanted { continue }
            let temporary = path + ".\(getpid()).tmp"
            try wanted.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                let code = errno
                unlink(temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
            }
        }
    }
}
