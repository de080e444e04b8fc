import ArgumentParser
import TalkplanExtract
import TalkplanTime

extension Talkplan {
    /// `talkplan extract [--json] [--reference-date D] [--default-zone Z] FILE...`
    struct Extract: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the talks found in announcements (iCalendar, email, web page, text), not expanded.",
            discussion: "FILE may be a folder (read recursively) or - for stdin. Problems are reported on stderr with file, line and column; the exit status is then 1 and the rest is still printed."
        )

        @Flag(help: "Print one JSON document (an array of talks) on stdout.")
        var json = false

        @Option(help: ArgumentHelp("Resolve a missing year against this date (YYYY-MM-DD).", valueName: "date"))
        var referenceDate: String?

        @Option(help: ArgumentHelp("Zone for times that carry none and whose zone cannot be inferred.", valueName: "zone"))
        var defaultZone: String?

        @Argument(help: ArgumentHelp("Announcements to read.", valueName: "file"))
        var files: [String]

        func validate() throws {
            if let referenceDate, (try? PlainDate(iso8601: referenceDate)) == nil {
                throw ValidationError("--reference-date expects YYYY-MM-DD, got \"\(referenceDate)\"")
            }
        }

        func run(console: Console) throws -> Int32 {
            var options = ExtractionOptions()
            options.referenceDate = referenceDate.flatMap { try? PlainDate(iso8601: $0) }
            if let defaultZone {
                do {
                    options.defaultZone = try ZoneNameResolver.shared.resolve(defaultZone).zone
                } catch {
                    throw InputFailure("--default-zone: \(error.message)")
                }
            }
            let (inputs, failures) = InputFiles.read(files, console: console)
            var talks: [Talk] = []
            var status: Int32 = failures > 0 ? 1 : 0
            for input in inputs {
                let result = Extractor.extract(input, options: options)
                for diagnostic in result.diagnostics { console.printError("\(diagnostic)\n") }
                if result.hasErrors { status = 1 }
                talks += result.talks
            }
            if json {
                console.print(JSON.array(talks.map(\.json)).serialized())
            } else {
                for talk in talks { console.print(TalkText.line(talk)) }
            }
            return status
        }
    }
}

/// Human-readable talk lines.
enum TalkText {
    /// `2024-04-04 12:00–14:00 +02:00 Europe/Paris  Title — Speaker [hybrid]`
    static func line(_ talk: Talk) -> String {
        let local = talk.localStart.dateTime
        let end = talk.end.plainDateTime(at: talk.localStart.offset)
        var text = "\(local.date) \(clock(local.time))–\(clock(end.time))\(talk.endEstimated ? "?" : "") \(talk.localStart.offset)"
        text += " \(talk.zone?.identifier ?? "(fixed offset)")  \(talk.title ?? "(untitled)")"
        if let speaker = talk.speaker { text += " — \(speaker)" }
        text += " [\(talk.mode.rawValue)]"
        if talk.status == .cancelled { text += " CANCELLED" }
        return text
    }

    static func clock(_ time: PlainTime) -> String {
        let h = time.hour < 10 ? "0\(time.hour)" : "\(time.hour)"
        let m = time.minute < 10 ? "0\(time.minute)" : "\(time.minute)"
        return "\(h):\(m)"
    }
}
