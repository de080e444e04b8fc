import ArgumentParser
import TalkplanTime

extension Disambiguation: ExpressibleByArgument {}

extension Talkplan {
    /// `talkplan convert --to ZONE` / `talkplan convert --from ZONE [--disambiguation D]`
    struct Convert: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert timestamps in bulk, a line in, a line out, from stdin to stdout.",
            discussion: """
                --to ZONE: each line is an instant (2024-03-10T08:00:00Z, an offset form, or integer epoch \
                seconds); prints the local time with its offset (2024-03-10T03:00:00-05:00).
                --from ZONE: each line is a wall time (2024-03-10T02:30:00); prints the instant. A wall time \
                in a gap or fold is settled by --disambiguation: compatible (default: a gap moves forward by \
                its length, a fold takes the earlier), earlier, later or reject.
                A line that cannot be converted prints an empty line and a message naming its line number \
                on stderr; the exit status is then 1. Blank lines are echoed as blank lines.
                """
        )

        @Option(name: .customLong("to"), help: ArgumentHelp("Convert instants to wall times in this zone.", valueName: "zone"))
        var toZone: String?

        @Option(name: .customLong("from"), help: ArgumentHelp("Convert wall times in this zone to instants.", valueName: "zone"))
        var fromZone: String?

        @Option(help: ArgumentHelp("For --from: compatible, earlier, later or reject.", valueName: "rule"))
        var disambiguation: Disambiguation?

        func validate() throws {
            switch (toZone, fromZone) {
            case (nil, nil): throw ValidationError("give --to ZONE (instants to wall times) or --from ZONE (wall times to instants)")
            case (.some, .some): throw ValidationError("give either --to or --from, not both")
            default: break
            }
            if toZone != nil, disambiguation != nil {
                throw ValidationError("--disambiguation applies to --from only: an instant has exactly one wall time")
            }
        }

        func run(console: Console) throws -> Int32 {
            let name = toZone ?? fromZone ?? ""
            let zone: Zone
            do {
                zone = try Zone(name)
            } catch {
                throw InputFailure("\(error.message) (an IANA zone such as America/Chicago; `talkplan zones resolve \(name)` reads other names)")
            }
            var stream = ConvertStream(
                console: console,
                table: zone.table(),
                direction: toZone != nil ? .toLocal : .toInstant(disambiguation ?? .compatible))
            return stream.run()
        }
    }
}
