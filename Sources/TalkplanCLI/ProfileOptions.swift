import ArgumentParser
import Foundation
import TalkplanPlanner
import TalkplanTime

/// The attendee's profile on the command line: every setting of the config file, overridable
/// by a flag. Commands that plan for the attendee take it as an option group:
///
/// ```swift
/// @OptionGroup var profileOptions: ProfileOptions
///
/// func run(console: Console) throws -> Int32 {
///     let resolved = try profileOptions.load()
///     for warning in resolved.warnings { console.diagnose(warning) }
///     let profile: AttendeeProfile = resolved.profile
///     ...
/// }
/// ```
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("tz"), help: ArgumentHelp(
        "Your zone (IANA zone, city or Windows name); default: the config file, else TZ, else /etc/localtime.",
        valueName: "zone"))
    var zone: String?

    @Option(help: ArgumentHelp("When you are willing to attend, in your zone (HH:MM-HH:MM, may cross midnight).", valueName: "HH:MM-HH:MM"))
    var awake: String?

    @Option(name: .customLong("in-person"), help: ArgumentHelp("The city (or zone) where you can attend in person; none for nowhere.", valueName: "city"))
    var inPerson: String?

    @Option(name: .customLong("place"), help: ArgumentHelp("A word that identifies your in-person place in a talk's location (repeatable).", valueName: "word"))
    var places: [String] = []

    @Option(name: .customLong("interest"), help: ArgumentHelp("A word you care about, with an optional weight (repeatable).", valueName: "word[=weight]"))
    var interests: [String] = []

    @Option(help: ArgumentHelp("A calendar of the times you are busy (.ics); none for no calendar.", valueName: "file.ics"))
    var busy: String?

    @Option(help: ArgumentHelp("The first day of a week: monday … sunday.", valueName: "day"))
    var weekStart: String?

    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The config file (default: $TALKPLAN_CONFIG, else $XDG_CONFIG_HOME/talkplan/config.toml, else ~/.config/talkplan/config.toml).",
        valueName: "path"))
    var config: String?

    func validate() throws {
        if let awake {
            do {
                _ = try AwakeHours(awake)
            } catch {
                throw ValidationError("--awake: \(error.message)")
            }
        }
        for interest in interests {
            do {
                _ = try Interest(parsing: interest)
            } catch {
                throw ValidationError("--interest: \(error.message) (for example --interest learning=2)")
            }
        }
        if let weekStart, Weekday(name: weekStart) == nil {
            throw ValidationError("--week-start: \"\(weekStart)\" is not a day of the week (monday … sunday)")
        }
        if places.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--place needs a word")
        }
    }

    /// The profile in effect, from these flags, the config file and the environment
    /// (see ``ProfileLoader``). Throws an ``InputFailure`` (exit 1) for an unknown zone, a
    /// config file that cannot be read, a missing busy calendar.
    func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ResolvedProfile {
        try ProfileLoader(environment: environment).load(self)
    }
}
