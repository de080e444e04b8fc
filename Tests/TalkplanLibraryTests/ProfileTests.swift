import Foundation
import Testing
@testable import TalkplanCLI
import TalkplanPlanner
import TalkplanTime

// Serialized: swift-argument-parser's in-process parsing is not safe from several threads at once
// (seen as an index-out-of-range crash inside its help-option tables).
@Suite("the attendee's profile: config file, flags, environment", .serialized)
struct ProfileTests {
    let folder: TemporaryFolder
    /// A stand-in for /etc/localtime: a link to Asia/Tokyo's zoneinfo file.
    let localtime: String

    init() throws {
        folder = try TemporaryFolder()
        localtime = folder.file("localtime")
        try FileManager.default.createSymbolicLink(atPath: localtime, withDestinationPath: "../usr/share/zoneinfo/Asia/Tokyo")
    }

    private func loader(_ environment: [String: String]) -> ProfileLoader {
        var env = environment
        env["HOME"] = env["HOME"] ?? folder.file("home")
        var loader = ProfileLoader(environment: env, currentDirectory: folder.path)
        loader.localtimePath = localtime
        loader.timezoneFilePath = folder.file("no-timezone")
        return loader
    }

    private func load(_ arguments: [String], _ environment: [String: String] = [:]) throws -> ResolvedProfile {
        try loader(environment).load(try ProfileOptions.parse(arguments))
    }

    private func config(_ text: String) throws -> String { try folder.write("config.toml", text) }

    @Test("zone: --tz, else the config file, else TZ, else /etc/localtime, else UTC")
    func zonePrecedence() throws {
        let path = try config("zone = \"Europe/Paris\"\n")
        let env = ["TZ": "America/Santiago"]

        var resolved = try load(["--tz", "America/Chicago", "--config", path], env)
        #expect(resolved.profile.zone.identifier == "America/Chicago")
        #expect(resolved.origin(.zone) == .option("--tz"))

        resolved = try load(["--config", path], env)
        #expect(resolved.profile.zone.identifier == "Europe/Paris")
        #expect(resolved.origin(.zone) == .configFile)

        resolved = try load([], env)
        #expect(resolved.profile.zone.identifier == "America/Santiago")
        #expect(resolved.origin(.zone) == .environment("TZ"))
        #expect(resolved.config.exists == false)

        resolved = try load([])
        #expect(resolved.profile.zone.identifier == "Asia/Tokyo")
        #expect(resolved.origin(.zone) == .system(localtime))
        #expect(resolved.warnings.isEmpty)

        try FileManager.default.removeItem(atPath: localtime)
        resolved = try load([])
        #expect(resolved.profile.zone == .utc)
        #expect(resolved.origin(.zone) == .fallback)
        #expect(resolved.warnings.count == 1)
        #expect(resolved.warnings[0].hasPrefix("cannot tell your zone"))
    }

    @Test("TZ may be an IANA name, :Area/City or a zoneinfo path; anything else is reported and skipped")
    func tzForms() throws {
        #expect(try load([], ["TZ": ":Europe/Zurich"]).profile.zone.identifier == "Europe/Zurich")
        #expect(try load([], ["TZ": ":/usr/share/zoneinfo/Asia/Kolkata"]).profile.zone.identifier == "Asia/Kolkata")
        #expect(try load([], ["TZ": "US/Central"]).profile.zone.identifier == "America/Chicago")
        let odd = try load([], ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"])
        #expect(odd.profile.zone.identifier == "Asia/Tokyo")
        #expect(odd.warnings == ["TZ=\"CET-1CEST,M3.5.0,M10.5.0/3\" is not an IANA zone talkplan knows (such as Europe/Paris or :Europe/Paris); ignored"])
        #expect(ProfileLoader.zoneName(fromZoneinfoPath: "/usr/share/zoneinfo/posix/Europe/Oslo") == "Europe/Oslo")
    }

    @Test("/etc/timezone is read when /etc/localtime is not a link")
    func timezoneFile() throws {
        try FileManager.default.removeItem(atPath: localtime)
        try folder.write("localtime", "TZif2…")
        var loader = loader([:])
        loader.timezoneFilePath = try folder.write("timezone", "Europe/Lisbon\n")
        let resolved = try loader.load(try ProfileOptions.parse([]))
        #expect(resolved.profile.zone.identifier == "Europe/Lisbon")
        #expect(resolved.origin(.zone) == .system(loader.timezoneFilePath))
    }

    @Test("an unknown zone is an input error that says what to give")
    func unknownZone() throws {
        #expect {
            try load(["--tz", "Mars/Olympus"])
        } throws: { error in
            (error as? InputFailure)?.description
                == "--tz: unknown time zone \"Mars/Olympus\" (give an IANA zone such as America/Chicago, or a city; `talkplan zones resolve NAME` shows how a name is read)"
        }
        let path = try config("zone = \"Atlantis\"\n")
        #expect {
            try load(["--config", path])
        } throws: { error in
            (error as? InputFailure)?.description.hasPrefix("\(path): zone: unknown time zone \"Atlantis\"") == true
        }
    }

    @Test("every value comes from the config file unless a flag overrides it")
    func configAndFlags() throws {
        try folder.write("calendars/busy.ics", String(decoding: try Fixtures.bytes("profile/busy.ics"), as: UTF8.self))
        let path = try config("""
            zone = "America/Chicago"
            awake = "07:30-23:00"
            week-start = "sunday"
            busy = "calendars/busy.ics"

            [in-person]
            city = "Chicago"
            places = ["TTIC", "University of Chicago"]

            [interests]
            "optimal transport" = 3
            learning = 1
            """)
        let fromFile = try load(["--config", path])
        #expect(fromFile.profile.awake.description == "07:30-23:00")
        #expect(fromFile.weekStart == .sunday)
        #expect(fromFile.profile.inPerson?.identifier == "America/Chicago")
        #expect(fromFile.profile.inPersonPlaces == ["TTIC", "University of Chicago"])
        #expect(fromFile.profile.interests == [Interest(word: "optimal transport", weight: 3), Interest(word: "learning", weight: 1)])
        #expect(fromFile.busyPath == folder.file("calendars/busy.ics"))
        #expect(fromFile.profile.busy.count == 2)
        #expect(fromFile.profile.busy.first?.label == "Teaching")
        #expect(fromFile.busyCalendar?.name == folder.file("calendars/busy.ics"))
        for field in ProfileField.allCases { #expect(fromFile.origin(field) == .configFile, "\(field)") }

        let flags = try load(["--config", path, "--awake", "22:00-02:00", "--week-start", "Sat", "--in-person", "Europe/Paris",
                              "--place", "ENS", "--interest", "topology=2", "--interest", "geometry", "--busy", "none"])
        #expect(flags.profile.awake.description == "22:00-02:00")
        #expect(flags.weekStart == .saturday)
        #expect(flags.profile.inPerson?.identifier == "Europe/Paris")
        #expect(flags.profile.inPersonPlaces == ["ENS"])
        #expect(flags.profile.interests == [Interest(word: "topology", weight: 2), Interest(word: "geometry", weight: 1)])
        #expect(flags.busyPath == nil && flags.profile.busy.isEmpty)
        #expect(flags.origin(.awake) == .option("--awake"))
        #expect(flags.origin(.interests) == .option("--interest"))
        #expect(flags.origin(.zone) == .configFile)
    }

    @Test("defaults: any hour, no in-person city, no interests, Monday")
    func defaults() throws {
        let resolved = try load(["--tz", "UTC"])
        #expect(resolved.profile.awake == .always)
        #expect(resolved.profile.inPerson == nil)
        #expect(resolved.profile.interests.isEmpty)
        #expect(resolved.weekStart == .monday)
        #expect(resolved.origin(.awake) == .fallback)
    }

    @Test("where the config file is: --config, TALKPLAN_CONFIG, XDG_CONFIG_HOME, ~/.config")
    func configLocation() throws {
        let home = folder.file("home")
        func location(_ arguments: [String], _ env: [String: String]) throws -> ConfigFileLocation {
            loader(env).configLocation(try ProfileOptions.parse(arguments))
        }
        #expect(try location(["--config", "a.toml"], ["TALKPLAN_CONFIG": "/b.toml"]).path == folder.file("a.toml"))
        #expect(try location([], ["TALKPLAN_CONFIG": "/b.toml", "XDG_CONFIG_HOME": "/xdg"]).path == "/b.toml")
        #expect(try location([], ["XDG_CONFIG_HOME": "/xdg"]).path == "/xdg/talkplan/config.toml")
        #expect(try location([], [:]).path == home + "/.config/talkplan/config.toml")
        #expect(try location([], [:]).origin == .defaultPath)
    }

    @Test("a config file named explicitly must exist; the default one may be missing")
    func missingConfig() throws {
        #expect {
            try load(["--tz", "UTC", "--config", "nope.toml"])
        } throws: { error in
            (error as? InputFailure)?.description.contains("does not exist; `talkplan config --init --config") == true
        }
        #expect(throws: InputFailure.self) { try load(["--tz", "UTC"], ["TALKPLAN_CONFIG": "/nowhere/config.toml"]) }
        #expect(try load(["--tz", "UTC"]).config.exists == false)
    }

    @Test("config file mistakes: TOML syntax, values, unknown settings")
    func configMistakes() throws {
        var path = try config("zone = \"UTC\"\nawake = 08:00-22:00\n")
        #expect {
            try load(["--config", path])
        } throws: { error in
            (error as? InputFailure)?.description.hasPrefix("\(path):2:") == true
        }
        path = try config("awake = \"8-22\"\n")
        #expect {
            try load(["--config", path])
        } throws: { error in
            (error as? InputFailure)?.description == "\(path): awake: awake hours \"8-22\" are not HH:MM-HH:MM (for example 08:00-22:00)"
        }
        path = try config("zone = 5\n")
        #expect {
            try load(["--config", path])
        } throws: { error in
            (error as? InputFailure)?.description == "\(path): zone must be a string in quotes, such as zone = \"America/Chicago\""
        }
        path = try config("[interests]\nlearning = -1\n")
        #expect(throws: InputFailure.self) { try load(["--config", path]) }
        path = try config("zone = \"UTC\"\ntimezone = \"Europe/Paris\"\n")
        let resolved = try load(["--config", path])
        #expect(resolved.warnings == ["\(path): unknown setting \"timezone\" (known: zone, awake, week-start, busy, in-person, interests); ignored"])
    }

    @Test("a bad flag is a usage error")
    func badFlags() {
        #expect(throws: (any Error).self) { try ProfileOptions.parse(["--awake", "7-23"]) }
        #expect(throws: (any Error).self) { try ProfileOptions.parse(["--interest", "learning=lots"]) }
        #expect(throws: (any Error).self) { try ProfileOptions.parse(["--week-start", "someday"]) }
    }

    @Test("interests may also be a list of WORD=WEIGHT strings; in-person a plain city")
    func alternativeForms() throws {
        let path = try config("zone = \"UTC\"\nin-person = \"Lausanne\"\ninterests = [\"learning=2\", \"topology\"]\n")
        let resolved = try load(["--config", path])
        #expect(resolved.profile.inPerson?.identifier == "Europe/Zurich")
        #expect(resolved.profile.interests == [Interest(word: "learning", weight: 2), Interest(word: "topology", weight: 1)])
    }

    @Test("the template reads back: commented out, nothing is set; filled in, every value is")
    func template() throws {
        let empty = ProfileConfigFile.template(zone: nil, awake: nil, weekStart: nil, busy: nil, inPerson: nil, places: nil, interests: nil)
        #expect(try ProfileConfigFile.parse(empty, name: "t") == ProfileConfigFile())
        let full = ProfileConfigFile.template(
            zone: "America/Chicago", awake: try AwakeHours("08:00-22:00"), weekStart: .sunday, busy: "~/work \"x\".ics",
            inPerson: "Chicago", places: ["TTIC"], interests: [Interest(word: "optimal transport", weight: 3), Interest(word: "ml", weight: 1)])
        let parsed = try ProfileConfigFile.parse(full, name: "t")
        #expect(parsed.zone == "America/Chicago")
        #expect(parsed.awake == (try AwakeHours("08:00-22:00")))
        #expect(parsed.weekStart == .sunday)
        #expect(parsed.busy == "~/work \"x\".ics")
        #expect(parsed.inPerson == "Chicago" && parsed.places == ["TTIC"])
        #expect(parsed.interests == [Interest(word: "optimal transport", weight: 3), Interest(word: "ml", weight: 1)])
        #expect(parsed.warnings.isEmpty)
    }

    @Test("config --init writes the template once and never overwrites")
    func initNeverOverwrites() throws {
        let path = folder.file("new/config.toml")
        let first = try Binary.run(["config", "--init", "--config", path, "--tz", "Europe/Paris"])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try #require(fileBytes(path))
        #expect(String(decoding: written, as: UTF8.self).contains("\nzone = \"Europe/Paris\"\n"))
        let second = try Binary.run(["config", "--init", "--config", path, "--tz", "Asia/Tokyo"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists; not overwritten"))
        #expect(fileBytes(path) == written)
        let shown = try Binary.run(["config", "--config", path, "--json"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\"value\": \"Europe/Paris\",\n    \"from\": \"config\""))
    }
}
