import ArgumentParser
import Foundation
import TalkplanExtract
import TalkplanPlanner
import TalkplanTime

extension Talkplan {
    /// `talkplan week [--json] [--tz ZONE] [--from DATE] [INPUT...]`
    struct Week: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the 7 days from --from (default: this week) in your zone: every occurrence from the library and from INPUTs.",
            discussion: "Each talk shows your time beside its own local time and zone; overlaps are marked; a note lists the clock changes of the week in your zone and in the talks' zones."
        )

        @Flag(help: "Print one JSON document (an array of occurrences) on stdout.")
        var json = false

        @OptionGroup var profileOptions: ProfileOptions
        @OptionGroup var window: WindowOptions

        func run(console: Console) throws -> Int32 {
            let resolved = try profileOptions.load()
            for warning in resolved.warnings { console.diagnose(warning) }
            let zone = resolved.profile.zone
            let first = try window.firstDay(or: WeekView.weekStart(containing: Clock.today(in: zone), firstDay: resolved.weekStart))
            let gathered = try window.gather(console: console)
            let (start, end) = window.instants(from: first, in: zone)
            let expansion = Expansion.occurrences(of: gathered.talks, from: start, to: end)
            for warning in expansion.warnings { console.diagnose(warning) }
            let view = WeekView(expansion.occurrences, zone: zone, from: first, days: window.days)
            if json {
                console.print(JSON.array(view.entries.map(\.json)).serialized())
            } else {
                WeekText.render(view, console: console)
            }
            return gathered.failed || !expansion.warnings.isEmpty ? 1 : 0
        }
    }
}

/// The current date, from the system clock.
enum Clock {
    static func now() -> Instant {
        let seconds = Date().timeIntervalSince1970
        return Instant(seconds: Int64(seconds.rounded(.down)))
    }

    static func today(in zone: Zone) -> PlainDate { ZonedDateTime(now(), in: zone).date }
}

extension WeekView.Entry {
    var json: JSON {
        .object([
            ("id", .string(occurrence.id)),
            ("title", .optional(occurrence.title)),
            ("start", .string(occurrence.start.description)),
            ("end", .string(occurrence.end.description)),
            ("zone", .optional(occurrence.zone?.ianaIdentifier)),
            ("localStart", .string(occurrence.localStart.description)),
            ("attendeeStart", .string(attendeeStart.isoString)),
            ("overlapsWith", .array(overlapsWith.map(JSON.string))),
            ("talkId", .string(occurrence.talkID)),
            ("speaker", .optional(occurrence.speaker)),
            ("cancelled", .bool(occurrence.cancelled)),
            ("online", .array(occurrence.online.map(JSON.string))),
            ("mode", .string(occurrence.mode.rawValue)),
        ])
    }
}

/// The week as people read it.
enum WeekText {
    static func render(_ view: WeekView, console: Console) {
        let style = TerminalStyle(console: console)
        let endDate = view.days.last?.date ?? view.start.date
        var names: [String: String] = [:]
        for entry in view.entries {
            names[entry.occurrence.id] = "\(entry.occurrence.title ?? entry.occurrence.id) at \(TalkText.clock(entry.attendeeStart.time))"
        }
        console.print(style.bold("Week of \(view.days.first?.date.description ?? "") to \(endDate) in \(view.zone.identifier)"))
        for change in view.clockChanges {
            console.print(style.yellow("  note: \(change.description)"))
        }
        for day in view.days {
            console.print("")
            console.print(style.bold("\(day.date.weekday.name) \(day.date)"))
            if day.entries.isEmpty {
                console.print(style.dim("  no talks"))
                continue
            }
            for entry in day.entries {
                let occurrence = entry.occurrence
                var line = "  \(TalkText.clock(entry.attendeeStart.time))–\(TalkText.clock(entry.attendeeEnd.time))"
                line += "  \(occurrence.title ?? "(untitled)")"
                if let speaker = occurrence.speaker { line += " — \(speaker)" }
                console.print(occurrence.cancelled ? style.dim(line + "  CANCELLED") : line)
                var detail = "      "
                let local = occurrence.localStart
                detail += "\(local.dateTime.date.weekday.shortName) \(TalkText.clock(local.dateTime.time)) \(local.offset)"
                detail += " \(place(of: occurrence))"
                detail += "  [\(occurrence.mode.rawValue)]"
                console.print(style.dim(detail))
                if !entry.overlapsWith.isEmpty {
                    let others = entry.overlapsWith.map { names[$0] ?? $0 }
                    console.print(style.red("      overlaps: \(others.joined(separator: "; "))"))
                }
            }
        }
    }

    /// "Santiago (America/Santiago)" — the zone's exemplar city, then the zone.
    static func place(of occurrence: Occurrence) -> String {
        guard let zone = occurrence.zone else { return "(fixed offset)" }
        let city = zone.identifier.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } ?? zone.identifier
        return "\(city) (\(zone.identifier))"
    }
}

/// ANSI styling, only on a terminal and never when NO_COLOR is set (https://no-color.org).
struct TerminalStyle {
    let enabled: Bool

    init(console: Console, environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = console.outputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    private func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func green(_ text: String) -> String { wrap(text, "32") }
}
