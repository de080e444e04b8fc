import ArgumentParser
import TalkplanExtract
import TalkplanLibrary
import TalkplanPlanner
import TalkplanTime

/// The window and inputs shared by `week` and `plan`: `--from`, `--days`, `--no-library`,
/// the library options and the INPUT files.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD) in your zone; default: this week's first day for week, today for plan.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("How many days.", valueName: "n"))
    var days: Int = 7

    @Flag(help: "Leave the library out; use only INPUTs.")
    var noLibrary = false

    @OptionGroup var library: LibraryOptions

    @Argument(help: ArgumentHelp("Announcements to add (files, folders, - for stdin).", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if let from { _ = try TalkGathering.date(from, option: "--from") }
        guard (1...366).contains(days) else { throw ValidationError("--days must be between 1 and 366, got \(days)") }
    }

    /// The first day: `--from`, else `fallback`.
    func firstDay(or fallback: @autoclosure () -> PlainDate) throws -> PlainDate {
        try from.map { try TalkGathering.date($0, option: "--from") } ?? fallback()
    }

    /// `[midnight of the first day, midnight after the last)` in `zone`.
    func instants(from first: PlainDate, in zone: Zone) -> (start: Instant, end: Instant) {
        (WeekView.midnight(of: first, in: zone).instant, WeekView.midnight(of: first.adding(days: Int64(days)), in: zone).instant)
    }

    /// The talks of the library (unless `--no-library`) and of the inputs.
    func gather(console: Console) throws -> TalkGathering.Gathered {
        try TalkGathering.gather(inputs, library: noLibrary ? nil : library, options: ExtractionOptions(), console: console)
    }
}
