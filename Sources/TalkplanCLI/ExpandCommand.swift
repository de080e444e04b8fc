import ArgumentParser
import TalkplanExtract
import TalkplanPlanner
import TalkplanTime

extension Talkplan {
    /// `talkplan expand [--json] --from DATE --to DATE FILE...`
    struct Expand: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every occurrence of the talks in FILEs whose start is in [from, to), recurrences expanded.",
            discussion: "Dates are calendar dates in the attendee's zone (--tz, else the config file, else TZ). RRULE, RDATE, EXDATE and RECURRENCE-ID are honoured; times keep their wall clock across DST in the talk's own zone."
        )

        @Flag(help: "Print one JSON document (an array of occurrences) on stdout.")
        var json = false

        @Option(help: ArgumentHelp("First day (YYYY-MM-DD), included.", valueName: "date"))
        var from: String

        @Option(help: ArgumentHelp("Last day (YYYY-MM-DD), excluded.", valueName: "date"))
        var to: String

        @Option(help: ArgumentHelp("Resolve a missing year against this date (YYYY-MM-DD).", valueName: "date"))
        var referenceDate: String?

        @Option(help: ArgumentHelp("Zone for times that carry none and whose zone cannot be inferred.", valueName: "zone"))
        var defaultZone: String?

        @OptionGroup var profileOptions: ProfileOptions

        @Argument(help: ArgumentHelp("Announcements to read (files, folders, - for stdin).", valueName: "file"))
        var files: [String]

        func validate() throws {
            let first = try TalkGathering.date(from, option: "--from")
            let last = try TalkGathering.date(to, option: "--to")
            guard first < last else { throw ValidationError("--from \(from) must be before --to \(to)") }
            if let referenceDate { _ = try TalkGathering.date(referenceDate, option: "--reference-date") }
        }

        func run(console: Console) throws -> Int32 {
            let resolved = try profileOptions.load()
            for warning in resolved.warnings { console.diagnose(warning) }
            let zone = resolved.profile.zone
            var options = ExtractionOptions()
            options.referenceDate = try referenceDate.map { try TalkGathering.date($0, option: "--reference-date") }
            if let defaultZone {
                do { options.defaultZone = try ZoneNameResolver.shared.resolve(defaultZone).zone } catch {
                    throw InputFailure("--default-zone: \(error.message)")
                }
            }
            let gathered = try TalkGathering.gather(files, library: nil, options: options, console: console)
            let start = WeekView.midnight(of: try TalkGathering.date(from, option: "--from"), in: zone).instant
            let end = WeekView.midnight(of: try TalkGathering.date(to, option: "--to"), in: zone).instant
            let result = Expansion.occurrences(of: gathered.talks, from: start, to: end)
            for warning in result.warnings { console.diagnose(warning) }
            if json {
                console.print(JSON.array(result.occurrences.map(\.expandJSON)).serialized())
            } else {
                for occurrence in result.occurrences { console.print(OccurrenceText.line(occurrence, attendee: zone)) }
            }
            return gathered.failed || !result.warnings.isEmpty ? 1 : 0
        }
    }
}

/// Human-readable occurrence lines.
enum OccurrenceText {
    /// `Wed 2024-11-06 12:00–13:00 CST  Title — Speaker  (15:00 -03:00 America/Santiago)`
    static func line(_ occurrence: Occurrence, attendee zone: Zone) -> String {
        let start = ZonedDateTime(occurrence.start, in: zone)
        let end = ZonedDateTime(occurrence.end, in: zone)
        var text = "\(start.date.weekday.shortName) \(start.date) \(TalkText.clock(start.time))–\(TalkText.clock(end.time))"
        text += "  \(occurrence.title ?? "(untitled)")"
        if let speaker = occurrence.speaker { text += " — \(speaker)" }
        let local = occurrence.localStart
        if local.offset != start.offset || occurrence.zone != zone {
            text += "  (\(TalkText.clock(local.dateTime.time)) \(local.offset) \(occurrence.zone?.identifier ?? "fixed offset"))"
        }
        if occurrence.cancelled { text += "  CANCELLED" }
        return text
    }
}
