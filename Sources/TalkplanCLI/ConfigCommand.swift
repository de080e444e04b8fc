import ArgumentParser
import Foundation
import TalkplanLibrary
import TalkplanPlanner
import TalkplanTime

extension Talkplan {
    /// `talkplan config [--init] [--json] [profile flags]`
    struct Config: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show your profile: where the config file is, and every value in effect with where it comes from.",
            discussion: """
                The config file is TOML ($TALKPLAN_CONFIG, else $XDG_CONFIG_HOME/talkplan/config.toml, else \
                ~/.config/talkplan/config.toml, or --config PATH). --init writes a commented template there \
                (never over an existing file); profile flags given with --init are written into it.
                """
        )

        @Flag(name: .customLong("init"), help: "Write a commented config file (never over an existing one).")
        var initialize = false

        @Flag(help: "Print one JSON document on stdout.")
        var json = false

        @OptionGroup var profileOptions: ProfileOptions
        @OptionGroup var library: LibraryOptions

        func run(console: Console) throws -> Int32 {
            if initialize { return try writeTemplate(console: console) }
            let resolved = try profileOptions.load()
            for warning in resolved.warnings { console.diagnose(warning) }
            let libraryLocation = library.location
            if json {
                console.print(Self.json(resolved, library: libraryLocation).serialized())
                return 0
            }
            var configLine = "\(resolved.config.path) (\(resolved.config.origin.rawValue))"
            if !resolved.config.exists { configLine += "; not there: `talkplan config --init` writes one" }
            let libraryExists = FileManager.default.fileExists(atPath: libraryLocation.path)
            var libraryLine = "\(libraryLocation.path) (\(libraryLocation.origin.label))"
            if !libraryExists { libraryLine += "; empty until `talkplan add`" }
            console.print("config file  \(configLine)")
            console.print("library      \(libraryLine)")
            console.print("")
            let rows = Self.rows(resolved)
            let width = rows.map(\.value.count).max() ?? 0
            for row in rows {
                let name = row.field.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                let value = row.value.padding(toLength: width, withPad: " ", startingAt: 0)
                console.print("\(name) \(value)  \(resolved.origin(row.field))")
            }
            return 0
        }

        private func writeTemplate(console: Console) throws -> Int32 {
            let loader = ProfileLoader(environment: ProcessInfo.processInfo.environment)
            let location = loader.configLocation(profileOptions)
            if location.exists || FileManager.default.fileExists(atPath: location.path) {
                throw InputFailure("\(location.path) already exists; not overwritten. Edit it, or move it away and run `talkplan config --init` again")
            }
            // Values given on the command line go in, checked as they will be read.
            let options = profileOptions
            if let zone = options.zone { _ = try ProfileLoader.zone(zone, what: "--tz") }
            if let city = options.inPerson { _ = try ProfileLoader.inPersonZone(city, what: "--in-person") }
            let text = ProfileConfigFile.template(
                zone: options.zone,
                awake: options.awake.flatMap { try? AwakeHours($0) },
                weekStart: options.weekStart.flatMap(Weekday.init(name:)),
                busy: options.busy,
                inPerson: options.inPerson,
                places: options.places.isEmpty ? nil : options.places,
                interests: options.interests.isEmpty ? nil : options.interests.compactMap { try? Interest(parsing: $0) })
            let folder = (location.path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // `withoutOverwriting`: a file that appeared meanwhile is still not replaced.
                try Data(text.utf8).write(to: URL(fileURLWithPath: location.path), options: .withoutOverwriting)
            } catch {
                throw InputFailure("cannot write \(location.path): \(error.localizedDescription)")
            }
            if json {
                console.print(JSON.object([("written", .string(location.path))]).serialized())
            } else {
                console.print("wrote \(location.path): edit it to set your zone, awake hours, in-person city and interests")
            }
            return 0
        }

        struct Row {
            let field: ProfileField
            let value: String
        }

        static func rows(_ resolved: ResolvedProfile) -> [Row] {
            let profile = resolved.profile
            let interests = profile.interests.map { $0.weight == 1 ? $0.word : "\($0.word)=\($0.weight)" }
            var busy = "none"
            if let path = resolved.busyPath {
                busy = "\(PathText.display(path)) (\(profile.busy.count) event\(profile.busy.count == 1 ? "" : "s"))"
            }
            return [
                Row(field: .zone, value: profile.zone.identifier),
                Row(field: .awake, value: profile.awake == .always ? "any hour" : profile.awake.description),
                Row(field: .inPerson, value: profile.inPerson?.identifier ?? "none (online only)"),
                Row(field: .places, value: profile.inPersonPlaces.isEmpty ? "any" : profile.inPersonPlaces.joined(separator: ", ")),
                Row(field: .interests, value: interests.isEmpty ? "none" : interests.joined(separator: ", ")),
                Row(field: .busy, value: busy),
                Row(field: .weekStart, value: resolved.weekStart.name.lowercased()),
            ]
        }

        static func json(_ resolved: ResolvedProfile, library: LibraryLocation) -> JSON {
            let profile = resolved.profile
            func entry(_ field: ProfileField, _ value: JSON, _ extra: [(String, JSON)] = []) -> (String, JSON) {
                let key = field == .inPerson ? "inPerson" : field == .weekStart ? "weekStart" : field.rawValue
                return (key, .object([("value", value), ("from", .string(resolved.origin(field).description))] + extra))
            }
            return .object([
                ("configFile", .object([
                    ("path", .string(resolved.config.path)),
                    ("from", .string(resolved.config.origin.rawValue)),
                    ("exists", .bool(resolved.config.exists)),
                ])),
                ("library", .object([
                    ("path", .string(library.path)),
                    ("from", .string(library.origin.label)),
                    ("exists", .bool(FileManager.default.fileExists(atPath: library.path))),
                ])),
                entry(.zone, .string(profile.zone.identifier)),
                entry(.awake, .string(profile.awake.description)),
                entry(.inPerson, .optional(profile.inPerson?.identifier)),
                entry(.places, .array(profile.inPersonPlaces.map(JSON.string))),
                entry(.interests, .array(profile.interests.map {
                    .object([("word", .string($0.word)), ("weight", .int($0.weight))])
                })),
                entry(.busy, .optional(resolved.busyPath), [("events", .int(profile.busy.count))]),
                entry(.weekStart, .string(resolved.weekStart.name.lowercased())),
                ("warnings", .array(resolved.warnings.map(JSON.string))),
            ])
        }
    }
}
