import Foundation
import TalkplanExtract
import TalkplanLibrary
import TalkplanPlanner
import TalkplanTime

/// A setting of the attendee's profile.
enum ProfileField: String, CaseIterable, Sendable {
    case zone
    case awake
    case inPerson = "in-person"
    case places
    case interests
    case busy
    case weekStart = "week-start"
}

/// Where a profile value came from.
enum ProfileOrigin: Hashable, Sendable, CustomStringConvertible {
    /// A command-line flag (`--tz`).
    case option(String)
    /// The config file.
    case configFile
    /// An environment variable (`TZ`).
    case environment(String)
    /// A system file (`/etc/localtime`).
    case system(String)
    /// talkplan's default.
    case fallback

    var description: String {
        switch self {
        case .option(let flag): flag
        case .configFile: "config"
        case .environment(let name): name
        case .system(let path): path
        case .fallback: "default"
        }
    }
}

/// Where the config file is, and why there.
struct ConfigFileLocation: Hashable, Sendable {
    enum Origin: String, Sendable {
        case option = "--config"
        case environment = "TALKPLAN_CONFIG"
        case xdgConfigHome = "XDG_CONFIG_HOME"
        case defaultPath = "default"
    }

    var path: String
    var origin: Origin
    var exists: Bool

    /// Named explicitly (flag or environment): then it must exist.
    var isExplicit: Bool { origin == .option || origin == .environment }

    /// `--config`, else `TALKPLAN_CONFIG`, else `$XDG_CONFIG_HOME/talkplan/config.toml` (when absolute),
    /// else `~/.config/talkplan/config.toml`.
    static func resolve(explicit: String?, environment: [String: String], currentDirectory: String) -> ConfigFileLocation {
        let home = PathText.home(environment)
        let path: String
        let origin: Origin
        if let explicit, !explicit.isEmpty {
            (path, origin) = (PathText.absolute(explicit, home: home, currentDirectory: currentDirectory), .option)
        } else if let value = environment["TALKPLAN_CONFIG"], !value.isEmpty {
            (path, origin) = (PathText.absolute(value, home: home, currentDirectory: currentDirectory), .environment)
        } else if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            (path, origin) = (PathText.join(config, "talkplan/config.toml"), .xdgConfigHome)
        } else {
            (path, origin) = (PathText.join(home, ".config/talkplan/config.toml"), .defaultPath)
        }
        return ConfigFileLocation(path: path, origin: origin, exists: FileManager.default.fileExists(atPath: path))
    }
}

/// The attendee's profile in effect, with where each value came from.
struct ResolvedProfile: Sendable {
    /// What the planner and the week view take.
    var profile: AttendeeProfile
    /// The first day of a week.
    var weekStart: Weekday
    /// The busy calendar's path, when there is one.
    var busyPath: String?
    /// The busy calendar's bytes, to expand recurring busy events over a window (its
    /// one-off events are already in `profile.busy`; recurring ones contribute only their
    /// first occurrence there).
    var busyCalendar: AnnouncementInput?
    var config: ConfigFileLocation
    var origins: [ProfileField: ProfileOrigin]
    /// Things to tell the attendee (on stderr): an unreadable TZ, a fallback to UTC, unknown config keys.
    var warnings: [String]

    func origin(_ field: ProfileField) -> ProfileOrigin { origins[field] ?? .fallback }
}

/// Builds the attendee's profile: each value from its flag, else the config file, else a
/// default; the zone from `--tz`, else the config file, else `TZ` (an IANA name, `:Area/City`
/// or a zoneinfo path), else the target of the `/etc/localtime` link (or `/etc/timezone`),
/// else UTC with a warning.
///
/// ```swift
/// let resolved = try ProfileLoader(environment: ["TZ": "Europe/Paris", "HOME": "/home/ada"]).load(options)
/// resolved.profile.zone           // Europe/Paris
/// resolved.origin(.zone)          // .environment("TZ")
/// ```
struct ProfileLoader {
    var environment: [String: String]
    var currentDirectory: String = FileManager.default.currentDirectoryPath
    var localtimePath = "/etc/localtime"
    var timezoneFilePath = "/etc/timezone"

    func configLocation(_ options: ProfileOptions) -> ConfigFileLocation {
        ConfigFileLocation.resolve(explicit: options.config, environment: environment, currentDirectory: currentDirectory)
    }

    /// Reads the config file; `nil` when it does not exist (and was not asked for by name).
    func readConfig(_ location: ConfigFileLocation) throws(InputFailure) -> ProfileConfigFile? {
        guard location.exists else {
            if location.isExplicit {
                throw InputFailure("the config file \(location.path) (from \(location.origin.rawValue)) does not exist; "
                    + "`talkplan config --init --config \(location.path)` writes one")
            }
            return nil
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputFailure("the config file \(location.path) is a folder; give a file with --config PATH")
        }
        guard let data = FileManager.default.contents(atPath: location.path) else {
            throw InputFailure("the config file \(location.path) cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputFailure("the config file \(location.path) is not UTF-8 text")
        }
        return try ProfileConfigFile.parse(text, name: location.path)
    }

    func load(_ options: ProfileOptions) throws(InputFailure) -> ResolvedProfile {
        let location = configLocation(options)
        let file = try readConfig(location) ?? ProfileConfigFile()
        var warnings = file.warnings
        var origins: [ProfileField: ProfileOrigin] = [:]
        let configFolder = (location.path as NSString).deletingLastPathComponent
        let home = PathText.home(environment)

        // Zone.
        let zone: Zone
        if let name = options.zone {
            zone = try Self.zone(name, what: "--tz")
            origins[.zone] = .option("--tz")
        } else if let name = file.zone {
            zone = try Self.zone(name, what: "\(location.path): zone")
            origins[.zone] = .configFile
        } else if let (found, origin) = systemZone(warnings: &warnings) {
            zone = found
            origins[.zone] = origin
        } else {
            zone = .utc
            origins[.zone] = .fallback
            warnings.append("cannot tell your zone (no --tz, no zone in the config file, no TZ, and /etc/localtime names none); "
                + "using UTC. Set it with --tz ZONE, or zone = \"Area/City\" in \(location.path)")
        }

        var profile = AttendeeProfile(zone: zone)

        // Awake hours.
        if let text = options.awake {
            do { profile.awake = try AwakeHours(text) } catch { throw InputFailure("--awake: \(error.message)") }
            origins[.awake] = .option("--awake")
        } else if let awake = file.awake {
            profile.awake = awake
            origins[.awake] = .configFile
        }

        // In person.
        if let city = options.inPerson {
            profile.inPerson = try Self.inPersonZone(city, what: "--in-person")
            origins[.inPerson] = .option("--in-person")
        } else if let city = file.inPerson {
            profile.inPerson = try Self.inPersonZone(city, what: "\(location.path): in-person")
            origins[.inPerson] = .configFile
        }
        if !options.places.isEmpty {
            profile.inPersonPlaces = options.places
            origins[.places] = .option("--place")
        } else if let places = file.places {
            profile.inPersonPlaces = places
            origins[.places] = .configFile
        }

        // Interests.
        if !options.interests.isEmpty {
            var interests: [Interest] = []
            for text in options.interests {
                do { interests.append(try Interest(parsing: text)) } catch { throw InputFailure("--interest: \(error.message)") }
            }
            profile.interests = interests
            origins[.interests] = .option("--interest")
        } else if let interests = file.interests {
            profile.interests = interests
            origins[.interests] = .configFile
        }

        // Week start.
        var weekStart = Weekday.monday
        if let text = options.weekStart, let day = Weekday(name: text) {
            weekStart = day
            origins[.weekStart] = .option("--week-start")
        } else if let day = file.weekStart {
            weekStart = day
            origins[.weekStart] = .configFile
        }

        // Busy calendar: a flag's path is read from the current folder, the file's from its folder.
        var busyPath: String?
        if let path = options.busy {
            busyPath = path == "none" ? nil : PathText.absolute(path, home: home, currentDirectory: currentDirectory)
            origins[.busy] = .option("--busy")
        } else if let path = file.busy {
            busyPath = path == "none" ? nil : PathText.absolute(path, home: home, currentDirectory: configFolder)
            origins[.busy] = .configFile
        }
        var busyCalendar: AnnouncementInput?
        if let busyPath {
            let what = origins[.busy] == .configFile ? "\(location.path): busy" : "--busy"
            let calendar = try Self.readBusy(busyPath, what: what)
            busyCalendar = calendar
            let result = Extractor.extract(calendar, options: ExtractionOptions(defaultZone: zone))
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                warnings.append("busy calendar: \(diagnostic)")
            }
            profile.busy = result.talks.filter { $0.status != .cancelled }.map {
                BusyInterval(start: $0.start, end: $0.end, label: $0.title)
            }
        }

        return ResolvedProfile(profile: profile, weekStart: weekStart, busyPath: busyPath, busyCalendar: busyCalendar,
                               config: location, origins: origins, warnings: warnings)
    }

    // MARK: - Zones

    /// A zone from what a person writes: an IANA zone or alias, a city, a Windows name, an offset.
    static func zone(_ name: String, what: String) throws(InputFailure) -> Zone {
        do {
            return try ZoneNameResolver.shared.resolve(name).zone
        } catch {
            throw InputFailure("\(what): \(error.message) (give an IANA zone such as America/Chicago, or a city; "
                + "`talkplan zones resolve NAME` shows how a name is read)")
        }
    }

    static func inPersonZone(_ name: String, what: String) throws(InputFailure) -> Zone? {
        if name.lowercased() == "none" || name.isEmpty { return nil }
        return try zone(name, what: what)
    }

    /// The zone the system names: `TZ`, else the `/etc/localtime` link, else `/etc/timezone`.
    /// A `TZ` talkplan cannot read is reported and skipped.
    func systemZone(warnings: inout [String]) -> (Zone, ProfileOrigin)? {
        if let value = environment["TZ"], !value.isEmpty {
            if let name = Self.zoneName(fromTZ: value), let zone = try? Zone(name) {
                return (zone, .environment("TZ"))
            }
            warnings.append("TZ=\"\(value)\" is not an IANA zone talkplan knows (such as Europe/Paris or :Europe/Paris); ignored")
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: localtimePath),
           let name = Self.zoneName(fromZoneinfoPath: target), let zone = try? Zone(name) {
            return (zone, .system(localtimePath))
        }
        if let data = FileManager.default.contents(atPath: timezoneFilePath),
           let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
           !text.isEmpty, let zone = try? Zone(text) {
            return (zone, .system(timezoneFilePath))
        }
        return nil
    }

    /// `Europe/Paris`, `:Europe/Paris`, `:/usr/share/zoneinfo/Europe/Paris` → `Europe/Paris`.
    static func zoneName(fromTZ value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix(":") { text.removeFirst() }
        if text.hasPrefix("/") { return zoneName(fromZoneinfoPath: text) }
        return text.isEmpty ? nil : text
    }

    /// The zone name in a zoneinfo path (`/usr/share/zoneinfo/Europe/Paris`, `../usr/share/zoneinfo/posix/Asia/Tokyo`).
    static func zoneName(fromZoneinfoPath path: String) -> String? {
        guard let range = path.range(of: "zoneinfo/", options: .backwards) else { return nil }
        var name = String(path[range.upperBound...])
        for prefix in ["posix/", "right/"] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        return name.isEmpty ? nil : name
    }

    // MARK: - Busy calendar

    static func readBusy(_ path: String, what: String) throws(InputFailure) -> AnnouncementInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputFailure("\(what): the busy calendar \(path) does not exist (give an .ics file, or none)")
        }
        if isDirectory.boolValue { throw InputFailure("\(what): \(path) is a folder, not a calendar file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFailure("\(what): the busy calendar \(path) cannot be read (check its permissions)")
        }
        return AnnouncementInput(name: path, bytes: [UInt8](data))
    }
}
