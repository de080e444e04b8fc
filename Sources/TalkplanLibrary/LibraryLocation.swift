import Foundation

/// Where the library file is, and why there.
///
/// ```swift
/// let location = LibraryLocation.resolve(explicit: nil, environment: ["HOME": "/home/ada"])
/// location.path    // "/home/ada/.local/share/talkplan/library.sqlite"
/// location.origin  // .defaultPath
/// ```
public struct LibraryLocation: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// `--library PATH`.
        case option
        /// The `TALKPLAN_LIBRARY` environment variable.
        case environment
        /// `$XDG_DATA_HOME/talkplan/library.sqlite`.
        case xdgDataHome
        /// `~/.local/share/talkplan/library.sqlite`.
        case defaultPath

        /// How `talkplan config` names it.
        public var label: String {
            switch self {
            case .option: "--library"
            case .environment: "TALKPLAN_LIBRARY"
            case .xdgDataHome: "XDG_DATA_HOME"
            case .defaultPath: "default"
            }
        }
    }

    /// An absolute path.
    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// `--library`, else `TALKPLAN_LIBRARY`, else `$XDG_DATA_HOME/talkplan/library.sqlite`
    /// (when absolute, as the XDG specification asks), else `~/.local/share/talkplan/library.sqlite`.
    /// Relative paths are read from the current folder; `~/` is the home folder.
    public static func resolve(explicit: String?, environment: [String: String],
                               currentDirectory: String = FileManager.default.currentDirectoryPath) -> LibraryLocation {
        let home = PathText.home(environment)
        if let explicit, !explicit.isEmpty {
            return LibraryLocation(path: PathText.absolute(explicit, home: home, currentDirectory: currentDirectory), origin: .option)
        }
        if let value = environment["TALKPLAN_LIBRARY"], !value.isEmpty {
            return LibraryLocation(path: PathText.absolute(value, home: home, currentDirectory: currentDirectory), origin: .environment)
        }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return LibraryLocation(path: PathText.join(data, "talkplan/library.sqlite"), origin: .xdgDataHome)
        }
        return LibraryLocation(path: PathText.join(home, ".local/share/talkplan/library.sqlite"), origin: .defaultPath)
    }
}

/// Path functions shared by the library and the profile.
public enum PathText {
    /// `$HOME`, else the password database's home folder, else `/`.
    public static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        let fallback = NSHomeDirectory()
        return fallback.isEmpty ? "/" : fallback
    }

    /// An absolute, standardised path: `~/x` under `home`, a relative path under `currentDirectory`.
    public static func absolute(_ path: String, home: String, currentDirectory: String) -> String {
        var full = path
        if path == "~" {
            full = home
        } else if path.hasPrefix("~/") {
            full = join(home, String(path.dropFirst(2)))
        } else if !path.hasPrefix("/") {
            full = join(currentDirectory, path)
        }
        return (full as NSString).standardizingPath
    }

    public static func join(_ base: String, _ rest: String) -> String {
        base.hasSuffix("/") ? base + rest : base + "/" + rest
    }

    /// A path as a person reads it: relative to `currentDirectory` when it lies inside it.
    ///
    /// ```swift
    /// PathText.display("/home/ada/feeds/a.ics", currentDirectory: "/home/ada")  // "feeds/a.ics"
    /// ```
    public static func display(_ path: String, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        if base != "/", path.hasPrefix(base), path.count > base.count { return String(path.dropFirst(base.count)) }
        return path
    }
}
