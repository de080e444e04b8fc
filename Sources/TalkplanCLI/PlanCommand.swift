import ArgumentParser
import Foundation
import TalkplanExtract
import TalkplanPlanner
import TalkplanTime

extension Talkplan {
    /// `talkplan plan [--json] [--ics OUT.ics] [--from DATE] [--days N] [profile options] [INPUT...]`
    struct Plan: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which talks you can join live, and a recommended set without overlaps.",
            discussion: """
                Joinable: not cancelled; an online link, or in person where you are (--in-person); the whole talk \
                inside your awake hours (--awake) in your zone; not in a busy slot (--busy). The recommendation \
                maximises the total interest weight (--interest WORD[=WEIGHT]) of joinable talks that do not \
                overlap. --ics writes the selected talks as a calendar.
                """
        )

        @Flag(help: "Print one JSON document on stdout.")
        var json = false

        @Option(help: ArgumentHelp("Write the selected talks to this calendar file (.ics).", valueName: "out.ics"))
        var ics: String?

        @OptionGroup var profileOptions: ProfileOptions
        @OptionGroup var window: WindowOptions

        func run(console: Console) throws -> Int32 {
            let resolved = try profileOptions.load()
            for warning in resolved.warnings { console.diagnose(warning) }
            var profile = resolved.profile
            let zone = profile.zone
            let first = try window.firstDay(or: Clock.today(in: zone))
            let (start, end) = window.instants(from: first, in: zone)
            var failed = false
            if let busy = resolved.busyCalendar {
                let result = Extractor.extract(busy, options: ExtractionOptions())
                for diagnostic in result.diagnostics { console.printError("\(diagnostic)\n") }
                if result.hasErrors { failed = true }
                // Expand the busy calendar over the window (widened by a day for events that start before it).
                let busyExpansion = Expansion.occurrences(of: result.talks, from: start.adding(seconds: -86_400), to: end)
                profile.busy = busyExpansion.occurrences.filter { !$0.cancelled }.map {
                    BusyInterval(start: $0.start, end: $0.end, label: $0.title)
                }
            }
            let gathered = try window.gather(console: console)
            if gathered.failed { failed = true }
            let expansion = Expansion.occurrences(of: gathered.talks, from: start, to: end)
            for warning in expansion.warnings { console.diagnose(warning) }
            if !expansion.warnings.isEmpty { failed = true }
            let entries = Planner.plan(expansion.occurrences, profile: profile)
            if let ics {
                do {
                    try AttendanceCalendar.write(entries.filter(\.selected), attendee: zone, to: ics)
                } catch {
                    console.diagnose("\(ics): cannot write the calendar: \(error)")
                    failed = true
                }
            }
            if json {
                console.print(JSON.array(entries.map(\.json)).serialized())
            } else {
                PlanText.render(entries, zone: zone, console: console)
            }
            return failed ? 1 : 0
        }
    }
}

extension PlanEntry {
    var json: JSON {
        var members: [(String, JSON)] = [
            ("id", .string(occurrence.id)),
            ("title", .optional(occurrence.title)),
            ("start", .string(occurrence.start.description)),
            ("end", .string(occurrence.end.description)),
            ("attendeeStart", .string(attendeeStart.isoString)),
            ("joinable", .bool(joinable)),
            ("selected", .bool(selected)),
            ("reasons", .array(reasons.map(JSON.string))),
            ("weight", .int(weight)),
            ("zone", .optional(occurrence.zone?.ianaIdentifier)),
            ("localStart", .string(occurrence.localStart.description)),
            ("online", .array(occurrence.online.map(JSON.string))),
        ]
        if let lostTo {
            members.append(("lostTo", .object([("id", .string(lostTo.id)), ("why", .string(lostTo.why))])))
        } else {
            members.append(("lostTo", .null))
        }
        return .object(members)
    }
}

enum PlanText {
    static func render(_ entries: [PlanEntry], zone: Zone, console: Console) {
        let style = TerminalStyle(console: console)
        let selected = entries.filter(\.selected).count
        let joinable = entries.filter(\.joinable).count
        console.print(style.bold("\(entries.count) talks, \(joinable) joinable live, \(selected) recommended (times in \(zone.identifier))"))
        let titles = Dictionary(entries.map { ($0.occurrence.id, $0.occurrence.title ?? $0.occurrence.id) }, uniquingKeysWith: { a, _ in a })
        for entry in entries {
            let start = entry.attendeeStart
            let end = ZonedDateTime(entry.occurrence.end, in: zone)
            let mark = entry.selected ? style.green("✔") : (entry.joinable ? "·" : style.dim("✘"))
            var line = "\(mark) \(start.date.weekday.shortName) \(start.date) \(TalkText.clock(start.time))–\(TalkText.clock(end.time))"
            line += "  \(entry.occurrence.title ?? "(untitled)")"
            console.print(entry.joinable ? line : style.dim(line))
            if !entry.reasons.isEmpty {
                let reasons = entry.reasons.map { reason -> String in
                    guard reason.hasPrefix("overlaps:") else { return reason }
                    let id = String(reason.dropFirst("overlaps:".count))
                    return "overlaps \(titles[id] ?? id)"
                }
                var why = "      " + reasons.joined(separator: ", ")
                if let lostTo = entry.lostTo { why += " (\(lostTo.why))" }
                console.print(style.dim(why))
            }
        }
    }
}
