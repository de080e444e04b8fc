import Foundation
import TalkplanPlanner
import TalkplanTime
import TOMLKit

/// The attendee's config file (TOML), as written: values are checked for their form here and
/// resolved (zones, files) by ``ProfileLoader``.
///
/// ```toml
/// zone = "America/Chicago"
/// awake = "08:00-22:00"
/// week-start = "monday"
/// busy = "~/calendars/work.ics"
///
/// [in-person]
/// city = "Chicago"
/// places = ["TTIC", "University of Chicago"]
///
/// [interests]
/// "optimal transport" = 3
/// learning = 1
/// ```
///
/// `in-person` may also be a plain string (`in-person = "Chicago"`), and `interests` an
/// array of `WORD[=WEIGHT]` strings, as `--interest` takes them.
struct ProfileConfigFile: Equatable {
    var zone: String?
    var awake: AwakeHours?
    var weekStart: Weekday?
    var busy: String?
    var inPerson: String?
    var places: [String]?
    var interests: [Interest]?
    /// Keys talkplan does not know, and similar slips: reported, not fatal.
    var warnings: [String] = []

    static let knownKeys = ["zone", "awake", "week-start", "busy", "in-person", "interests"]

    /// Parses the file's text; `name` is how messages name the file.
    static func parse(_ text: String, name: String) throws(InputFailure) -> ProfileConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw InputFailure("\(name):\(error.source.begin.line):\(error.source.begin.column): \(error.description) "
                + "(the config file is TOML: key = \"value\"; `talkplan config --init --config OTHER.toml` writes an example)")
        } catch {
            throw InputFailure("\(name): cannot be read as TOML: \(error)")
        }
        var file = ProfileConfigFile()
        for (key, value) in table {
            switch key {
            case "zone":
                file.zone = try string(value, key: key, name: name, example: "\"America/Chicago\"")
            case "awake":
                let text = try string(value, key: key, name: name, example: "\"08:00-22:00\"")
                do {
                    file.awake = try AwakeHours(text)
                } catch {
                    throw InputFailure("\(name): awake: \(error.message)")
                }
            case "week-start":
                let text = try string(value, key: key, name: name, example: "\"monday\"")
                guard let day = Weekday(name: text) else {
                    throw InputFailure("\(name): week-start: \"\(text)\" is not a day of the week (monday … sunday)")
                }
                file.weekStart = day
            case "busy":
                file.busy = try string(value, key: key, name: name, example: "\"~/calendars/work.ics\"")
            case "in-person":
                if let city = value.string {
                    file.inPerson = city
                } else if let inner = value.table {
                    for (innerKey, innerValue) in inner {
                        switch innerKey {
                        case "city":
                            file.inPerson = try string(innerValue, key: "in-person.city", name: name, example: "\"Chicago\"")
                        case "places":
                            file.places = try strings(innerValue, key: "in-person.places", name: name)
                        default:
                            file.warnings.append("\(name): unknown setting in-person.\(innerKey) (in-person has city and places); ignored")
                        }
                    }
                } else {
                    throw InputFailure("\(name): in-person must be a city (in-person = \"Chicago\") or a table with city and places")
                }
            case "interests":
                file.interests = try interests(value, name: name)
            default:
                file.warnings.append("\(name): unknown setting \"\(key)\" (known: \(knownKeys.joined(separator: ", "))); ignored")
            }
        }
        return file
    }

    private static func string(_ value: any TOMLValueConvertible, key: String, name: String, example: String) throws(InputFailure) -> String {
        guard let text = value.string else {
            throw InputFailure("\(name): \(key) must be a string in quotes, such as \(key) = \(example)")
        }
        return text
    }

    private static func strings(_ value: any TOMLValueConvertible, key: String, name: String) throws(InputFailure) -> [String] {
        if let text = value.string { return [text] }
        guard let array = value.array else {
            throw InputFailure("\(name): \(key) must be a list of strings, such as \(key) = [\"TTIC\", \"Chicago\"]")
        }
        var result: [String] = []
        for item in array {
            guard let text = item.string else {
                throw InputFailure("\(name): \(key) must be a list of strings, such as \(key) = [\"TTIC\", \"Chicago\"]")
            }
            result.append(text)
        }
        return result
    }

    private static func interests(_ value: any TOMLValueConvertible, name: String) throws(InputFailure) -> [Interest] {
        var result: [Interest] = []
        if let table = value.table {
            for (word, weight) in table {
                guard let number = weight.int, number > 0, number <= 1_000_000 else {
                    throw InputFailure("\(name): interests.\(word) must be a positive whole number (a weight, such as \"\(word)\" = 2)")
                }
                result.append(Interest(word: word, weight: number))
            }
            return result.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word }
        }
        guard let array = value.array else {
            throw InputFailure("\(name): interests must be a table of weights ([interests] then learning = 2) or a list of \"WORD=WEIGHT\" strings")
        }
        for item in array {
            guard let text = item.string else {
                throw InputFailure("\(name): interests must be a list of strings such as \"learning=2\"")
            }
            do {
                result.append(try Interest(parsing: text))
            } catch {
                throw InputFailure("\(name): interests: \(error.message)")
            }
        }
        return result
    }

    /// The file `talkplan config --init` writes: every setting explained; those given on the
    /// command line filled in, the others commented out.
    static func template(zone: String?, awake: AwakeHours?, weekStart: Weekday?, busy: String?, inPerson: String?,
                         places: [String]?, interests: [Interest]?) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16, uppercase: true)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        func key(_ text: String) -> String {
            text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ? text : quoted(text)
        }
        var lines: [String] = [
            "# talkplan's attendee profile. Every setting can be overridden on the command line",
            "# (--tz, --awake, --in-person, --place, --interest, --busy, --week-start);",
            "# `talkplan config` shows the values in effect and where each comes from.",
            "",
            "# Your zone: an IANA zone (America/Chicago), a city, or a Windows zone name.",
            "# Without it: the TZ environment variable, else the system's /etc/localtime.",
            zone.map { "zone = \(quoted($0))" } ?? "# zone = \"America/Chicago\"",
            "",
            "# When you are willing to attend a talk, in your own zone: HH:MM-HH:MM, may cross",
            "# midnight (22:00-02:00). Without it: any hour.",
            awake.map { "awake = \(quoted($0.description))" } ?? "# awake = \"08:00-22:00\"",
            "",
            "# The first day of a week for `talkplan week`: monday … sunday. Without it: monday.",
            weekStart.map { "week-start = \(quoted($0.name.lowercased()))" } ?? "# week-start = \"monday\"",
            "",
            "# A calendar of the times you are busy (an .ics file; ~ is your home folder, a",
            "# relative path is read from this file's folder). Without it: never busy.",
            busy.map { "busy = \(quoted($0))" } ?? "# busy = \"~/calendars/work.ics\"",
            "",
            "# Where you can attend in person: a city or zone, and words that identify the place",
            "# in a talk's location. Without it: online talks only.",
        ]
        if inPerson != nil || places != nil {
            lines.append("[in-person]")
            lines.append(inPerson.map { "city = \(quoted($0))" } ?? "# city = \"Chicago\"")
            lines.append(places.map { "places = [\($0.map(quoted).joined(separator: ", "))]" } ?? "# places = [\"TTIC\", \"University of Chicago\"]")
        } else {
            lines += ["# [in-person]", "# city = \"Chicago\"", "# places = [\"TTIC\", \"University of Chicago\"]"]
        }
        lines += [
            "",
            "# Words you care about, with weights (a higher weight counts more when choosing",
            "# between talks at the same time).",
        ]
        if let interests, !interests.isEmpty {
            lines.append("[interests]")
            for interest in interests { lines.append("\(key(interest.word)) = \(interest.weight)") }
        } else {
            lines += ["# [interests]", "# \"optimal transport\" = 3", "# learning = 1"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Weekday {
    /// A day from its English name or three-letter abbreviation, any case: `monday`, `Mon`.
    init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard text.count >= 3, let day = Weekday.allCases.first(where: { $0.name.lowercased().hasPrefix(text) }) else {
            return nil
        }
        self = day
    }
}
