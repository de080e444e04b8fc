import ArgumentParser
import TalkplanExtract
import TalkplanLibrary
import TalkplanPlanner
import TalkplanTime

/// Gathering talks for the commands that show occurrences: inputs named on the command line
/// and, unless told otherwise, the attendee's library.
enum TalkGathering {
    struct Gathered {
        var talks: [Talk]
        var failed: Bool
    }

    /// Reads `paths` (files, folders, `-`) and the stored sources of `library` (when given),
    /// printing diagnostics; talks the attendee removed stay out.
    static func gather(_ paths: [String], library: LibraryOptions?, options: ExtractionOptions, console: Console) throws -> Gathered {
        var talks: [Talk] = []
        var failed = false
        if let library {
            for source in try library.storedSources() {
                let result = Extractor.extract(source.input, options: source.extractionOptions)
                let keep = Set(source.talkIDs)
                talks += result.talks.filter { keep.contains($0.id) }
            }
        }
        if !paths.isEmpty {
            let (inputs, failures) = InputFiles.read(paths, console: console)
            if failures > 0 { failed = true }
            for input in inputs {
                let result = Extractor.extract(input, options: options)
                for diagnostic in result.diagnostics { console.printError("\(diagnostic)\n") }
                if result.hasErrors { failed = true }
                talks += result.talks
            }
        }
        return Gathered(talks: talks, failed: failed)
    }

    /// Parses a command-line date (`2024-11-04`), a calendar date in the attendee's zone.
    static func date(_ text: String, option: String) throws -> PlainDate {
        do {
            return try PlainDate(iso8601: text)
        } catch {
            throw ValidationError("\(option) expects a date YYYY-MM-DD, got \"\(text)\"")
        }
    }
}

extension Occurrence {
    /// `{id, title, start, end, zone, recurrenceId}` as `talkplan expand --json` prints it.
    var expandJSON: JSON {
        .object([
            ("id", .string(talkID)),
            ("title", .optional(title)),
            ("start", .string(start.description)),
            ("end", .string(end.description)),
            ("zone", .optional(zone?.ianaIdentifier)),
            ("recurrenceId", .optional(recurrenceID?.description)),
            ("occurrenceId", .string(id)),
            ("localStart", .string(localStart.description)),
            ("cancelled", .bool(cancelled)),
        ])
    }
}
