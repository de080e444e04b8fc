import ArgumentParser
import Foundation
import TalkplanExtract
import TalkplanLibrary
import TalkplanTime

/// `--library PATH`, for every command that reads or writes the attendee's library. A command
/// that takes it also accepts `talkplan --library PATH COMMAND` (see `hoistGlobalOptions`).
///
/// ```swift
/// @OptionGroup var library: LibraryOptions
///
/// // week / plan: every stored source, re-read as when it was added, keeping only its library talks.
/// for source in try library.storedSources() {
///     let result = Extractor.extract(source.input, options: source.extractionOptions)
///     let kept = Set(source.talkIDs)
///     let talks = result.talks.filter { kept.contains($0.id) }
///     ...
/// }
/// ```
struct LibraryOptions: ParsableArguments {
    @Option(name: .customLong("library"), help: ArgumentHelp(
        "The library file (default: $TALKPLAN_LIBRARY, else $XDG_DATA_HOME/talkplan/library.sqlite, else ~/.local/share/talkplan/library.sqlite).",
        valueName: "path"))
    var path: String?

    /// Where the library is, and why there.
    var location: LibraryLocation {
        LibraryLocation.resolve(explicit: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the library, creating it when missing.
    func open() throws -> Library {
        do {
            return try Library.open(at: location.path)
        } catch {
            throw InputFailure(error.description)
        }
    }

    /// Every source in the library with its bytes (none when there is no library yet).
    /// Re-read `source.input` with `source.extractionOptions`, and keep the talks whose id is in
    /// `source.talkIDs`: talks the attendee removed, or that another source holds at a newer
    /// SEQUENCE, are not there.
    func storedSources() throws -> [StoredSource] {
        guard let library = try openExisting() else { return [] }
        do {
            return try library.sources()
        } catch {
            throw InputFailure(error.description)
        }
    }

    /// Opens the library if it exists; `nil` when nothing was ever added.
    func openExisting() throws -> Library? {
        do {
            return try Library.openExisting(at: location.path)
        } catch {
            throw InputFailure(error.description)
        }
    }
}

extension Talkplan {
    /// `talkplan add [--json] [--restore] [--reference-date D] [--default-zone Z] SOURCE...`
    struct Add: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add announcements to your library: files, folders, http(s) feed URLs, or - for stdin.",
            discussion: """
                The library keeps each source's bytes and the talks found in it. Adding a source again \
                replaces its talks; a talk already in the library (same UID, or same source and start) is \
                updated, never duplicated: a newer SEQUENCE replaces an older one, an older SEQUENCE is \
                left out with a note. Talks you removed stay out unless --restore. Each add is one \
                transaction: if it fails, the library is as it was. `talkplan refresh` reads feeds again.
                """
        )

        @Flag(help: "Print one JSON document on stdout: what was added, updated and left out.")
        var json = false

        @Flag(help: "Bring back talks you removed earlier, when these sources have them.")
        var restore = false

        @Option(help: ArgumentHelp("Resolve a missing year against this date (YYYY-MM-DD); kept with the source.", valueName: "date"))
        var referenceDate: String?

        @Option(help: ArgumentHelp("Zone for times that carry none and whose zone cannot be inferred; kept with the source.", valueName: "zone"))
        var defaultZone: String?

        @OptionGroup var library: LibraryOptions

        @Argument(help: ArgumentHelp("Files, folders, http(s) URLs, or - for stdin.", valueName: "source"))
        var sources: [String]

        func validate() throws {
            if let referenceDate, (try? PlainDate(iso8601: referenceDate)) == nil {
                throw ValidationError("--reference-date expects YYYY-MM-DD, got \"\(referenceDate)\"")
            }
        }

        func run(console: Console) throws -> Int32 {
            var zoneIdentifier: String?
            if let defaultZone {
                do {
                    zoneIdentifier = try ZoneNameResolver.shared.resolve(defaultZone).zone.identifier
                } catch {
                    throw InputFailure("--default-zone: \(error.message)")
                }
            }
            let referenceDate = referenceDate.flatMap { try? PlainDate(iso8601: $0) }
            let fetcher = SourceFetcher()
            let (targets, targetErrors) = fetcher.targets(sources)
            var failures: [FetchError] = targetErrors
            var documents: [SourceDocument] = []
            var shown: [String: String] = [:]
            var seen = Set<String>()
            for target in targets {
                do throws(FetchError) {
                    var document: SourceDocument
                    switch target {
                    case .file(let path, let given):
                        document = try fetcher.readFile(path, shownAs: given)
                        shown[document.location] = given
                    case .url(let url):
                        guard case .document(let fetched) = try fetcher.fetch(url) else { continue }
                        document = fetched
                    case .stdin:
                        document = fetcher.stdinDocument(InputFiles.readStandardInput(console))
                    }
                    guard seen.insert(document.location).inserted else { continue }
                    document.referenceDate = referenceDate
                    document.defaultZone = zoneIdentifier
                    documents.append(document)
                } catch {
                    failures.append(error)
                }
            }
            for failure in failures { console.diagnose(failure.description) }
            var status: Int32 = failures.isEmpty ? 0 : 1
            var reports: [SourceImportReport] = []
            let location = library.location
            if !documents.isEmpty {
                let opened = try library.open()
                do {
                    reports = try opened.apply(LibraryUpdate(documents: documents, restoreRemoved: restore))
                } catch {
                    throw InputFailure("\(error.description) Nothing was added.")
                }
            }
            for report in reports {
                let name = shown[report.location] ?? LibraryText.display(report.location, kind: report.kind)
                for diagnostic in report.diagnostics {
                    console.printError("\(LibraryText.renamed(diagnostic, from: report.location, to: name))\n")
                    if diagnostic.severity == .error { status = 1 }
                }
                if !report.stored {
                    console.diagnose("\(name): no talk found in it; not added")
                    status = 1
                }
                LibraryText.notes(report, name: name, console: console)
            }
            if json {
                console.print(JSON.object([
                    ("library", .string(location.path)),
                    ("sources", .array(reports.map { LibraryText.json($0) })),
                    ("failed", .array(failures.map { .object([("source", .string($0.location)), ("message", .string($0.message))]) })),
                ]).serialized())
            } else {
                for report in reports where report.stored {
                    let name = shown[report.location] ?? LibraryText.display(report.location, kind: report.kind)
                    console.print("\(name): \(LibraryText.summary(report))")
                }
            }
            return status
        }
    }

    /// `talkplan list [--json] [--sources]`
    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the talks in your library (or, with --sources, where they come from).",
            discussion: "Talks are shown in the zone of their announcement, by start. `talkplan week` shows them in yours."
        )

        @Flag(help: "Print one JSON document on stdout: an array of talks (the fields of `talkplan extract --json`, plus uid).")
        var json = false

        @Flag(help: "List the sources (files, feeds) instead of the talks.")
        var sources = false

        @OptionGroup var library: LibraryOptions

        func run(console: Console) throws -> Int32 {
            guard let opened = try library.openExisting() else {
                if json {
                    console.print("[]")
                } else {
                    console.print("no talks yet: `talkplan add FILE|URL` adds announcements to the library (\(library.location.path))")
                }
                return 0
            }
            do {
                if sources {
                    let stored = try opened.sources(includingBytes: false)
                    if json {
                        console.print(JSON.array(stored.map(LibraryText.json)).serialized())
                    } else if stored.isEmpty {
                        console.print("no sources yet: `talkplan add FILE|URL` adds some")
                    } else {
                        for source in stored { console.print(LibraryText.line(source)) }
                    }
                    return 0
                }
                let talks = try opened.talks()
                if json {
                    console.print(JSON.array(talks.map(LibraryText.json)).serialized())
                } else if talks.isEmpty {
                    console.print("no talks yet: `talkplan add FILE|URL` adds announcements to the library (\(opened.path))")
                } else {
                    for stored in talks {
                        console.print(TalkText.line(stored.talk))
                        var detail = "    id \(stored.id) · \(LibraryText.display(stored.sourceLocation, kind: stored.sourceKind))"
                        if let recurrence = stored.talk.recurrence { detail += " · repeats \(recurrence)" }
                        console.print(detail)
                    }
                }
            } catch {
                throw InputFailure(error.description)
            }
            return 0
        }
    }

    /// `talkplan remove [--json] ID... [--source PATH|URL]...`
    struct Remove: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove talks from your library by id (`talkplan list` shows them), or forget a whole source.",
            discussion: "A removed talk is remembered: refreshing or adding its source again does not bring it back (`talkplan add --restore SOURCE` does)."
        )

        @Flag(help: "Print one JSON document on stdout: what was removed.")
        var json = false

        @Option(name: .customLong("source"), help: ArgumentHelp("Forget this source (a path or URL as added) and every talk from it.", valueName: "source"))
        var sourceLocations: [String] = []

        @OptionGroup var library: LibraryOptions

        @Argument(help: ArgumentHelp("Ids of the talks to remove.", valueName: "id"))
        var ids: [String] = []

        func validate() throws {
            if ids.isEmpty && sourceLocations.isEmpty {
                throw ValidationError("give the id of a talk to remove (`talkplan list` shows them), or --source PATH|URL")
            }
        }

        func run(console: Console) throws -> Int32 {
            var status: Int32 = 0
            let path = library.location.path
            guard let opened = try library.openExisting() else {
                for id in ids { console.diagnose("no talk with id \"\(id)\": the library \(path) is empty") }
                for source in sourceLocations { console.diagnose("no source \(source): the library \(path) is empty") }
                if json { console.print(JSON.object([("removed", .array([])), ("sources", .array([]))]).serialized()) }
                return 1
            }
            var removed: [StoredTalk] = []
            var forgotten: [(StoredSource, Int)] = []
            do {
                for result in try opened.remove(talkIDs: ids) {
                    switch result {
                    case .removed(let stored):
                        removed.append(stored)
                    case .alreadyRemoved(let gone):
                        console.diagnose("note: talk \"\(gone.id)\" was already removed (\(gone.removedAt))")
                    case .unknown(let id):
                        console.diagnose("no talk with id \"\(id)\" in the library \(opened.path); `talkplan list` shows the ids")
                        status = 1
                    }
                }
                let fetcher = SourceFetcher()
                for given in sourceLocations {
                    let location = SourceFetcher.isURL(given) || given.hasPrefix("stdin:")
                        ? given
                        : PathText.absolute(given, home: PathText.home(fetcher.environment), currentDirectory: fetcher.currentDirectory)
                    if let (source, count) = try opened.removeSource(location: location) {
                        forgotten.append((source, count))
                    } else {
                        console.diagnose("no source \(given) in the library \(opened.path); `talkplan list --sources` shows them")
                        status = 1
                    }
                }
            } catch {
                throw InputFailure(error.description)
            }
            if json {
                console.print(JSON.object([
                    ("removed", .array(removed.map { .string($0.id) })),
                    ("sources", .array(forgotten.map { source, count in
                        .object([("location", .string(source.location)), ("talks", .int(count))])
                    })),
                ]).serialized())
            } else {
                for stored in removed {
                    console.print("removed \(stored.id): \(TalkText.line(stored.talk))")
                }
                for (source, count) in forgotten {
                    console.print("forgot \(source.displayLocation) and its \(count) talk\(count == 1 ? "" : "s")")
                }
            }
            return status
        }
    }

    /// `talkplan refresh [--json]`
    struct Refresh: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read every source in your library again: feeds with a conditional GET, files from disk.",
            discussion: """
                Feeds are asked with the ETag and Last-Modified of their last answer; a 304 Not Modified keeps \
                what is stored. A source that changed replaces its talks (talks you removed stay out). A source \
                that cannot be read keeps what is stored, and the exit status is 1. All changes are one transaction.
                """
        )

        @Flag(help: "Print one JSON document on stdout: what each source did.")
        var json = false

        @OptionGroup var library: LibraryOptions

        func run(console: Console) throws -> Int32 {
            guard let opened = try library.openExisting() else {
                if json { console.print("[]") } else { console.print("nothing to refresh: the library \(library.location.path) is empty") }
                return 0
            }
            let entries: [RefreshEntry]
            do {
                entries = try opened.refresh(fetcher: SourceFetcher())
            } catch {
                throw InputFailure("\(error.description) Nothing was changed.")
            }
            var status: Int32 = 0
            var items: [JSON] = []
            for entry in entries {
                let name = entry.source.displayLocation
                var outcome: String
                var text: String
                var report: SourceImportReport?
                switch entry.outcome {
                case .notModified:
                    (outcome, text) = ("not-modified", "not modified")
                case .unchanged:
                    (outcome, text) = ("unchanged", "unchanged")
                case .updated(let imported):
                    (outcome, text) = ("updated", "updated: \(LibraryText.summary(imported))")
                    report = imported
                    for diagnostic in imported.diagnostics {
                        console.printError("\(LibraryText.renamed(diagnostic, from: imported.location, to: name))\n")
                        if diagnostic.severity == .error { status = 1 }
                    }
                    LibraryText.notes(imported, name: name, console: console)
                case .failed(let error):
                    (outcome, text) = ("failed", "could not be read; kept what was stored")
                    console.diagnose("\(name): \(error.message); kept what was stored")
                    status = 1
                case .skipped(let why):
                    (outcome, text) = ("skipped", "skipped: \(why)")
                }
                var members: [(String, JSON)] = [("location", .string(entry.source.location)), ("outcome", .string(outcome))]
                if let report { members += LibraryText.counts(report) }
                if case .failed(let error) = entry.outcome { members.append(("message", .string(error.message))) }
                items.append(.object(members))
                if !json { console.print("\(name): \(text)") }
            }
            if json { console.print(JSON.array(items).serialized()) }
            return status
        }
    }
}

/// How the library commands print things.
enum LibraryText {
    static func display(_ location: String, kind: StoredSource.Kind) -> String {
        kind == .file ? PathText.display(location) : location
    }

    /// A diagnostic whose file is the stored location, shown under the name the person gave.
    static func renamed(_ diagnostic: Diagnostic, from location: String, to name: String) -> Diagnostic {
        var diagnostic = diagnostic
        if diagnostic.location.file == location { diagnostic.location.file = name }
        return diagnostic
    }

    /// `2 new, 1 updated, 3 unchanged, 1 withdrawn`.
    static func summary(_ report: SourceImportReport) -> String {
        var parts: [String] = []
        let new = report.added.count - report.restored.count
        if new > 0 { parts.append("\(new) new") }
        if !report.restored.isEmpty { parts.append("\(report.restored.count) restored") }
        if !report.updated.isEmpty { parts.append("\(report.updated.count) updated") }
        if !report.unchanged.isEmpty { parts.append("\(report.unchanged.count) unchanged") }
        if !report.withdrawn.isEmpty { parts.append("\(report.withdrawn.count) withdrawn") }
        if !report.olderIgnored.isEmpty { parts.append("\(report.olderIgnored.count) older left out") }
        if !report.skippedRemoved.isEmpty { parts.append("\(report.skippedRemoved.count) removed earlier left out") }
        return parts.isEmpty ? "no talks" : parts.joined(separator: ", ")
    }

    /// Notes on stderr for talks left out.
    static func notes(_ report: SourceImportReport, name: String, console: Console) {
        for older in report.olderIgnored {
            console.diagnose("note: \(name): talk \"\(older.id)\" has SEQUENCE \(older.sequence), older than the library's "
                + "\(older.storedSequence) from \(PathText.display(older.storedLocation)); kept the library's")
        }
        for id in report.skippedRemoved {
            console.diagnose("note: \(name): talk \"\(id)\" was removed earlier; left out (`talkplan add --restore` brings it back)")
        }
    }

    static func counts(_ report: SourceImportReport) -> [(String, JSON)] {
        [
            ("added", .array(report.added.map(JSON.string))),
            ("updated", .array(report.updated.map(JSON.string))),
            ("unchanged", .array(report.unchanged.map(JSON.string))),
            ("withdrawn", .array(report.withdrawn.map(JSON.string))),
            ("olderIgnored", .array(report.olderIgnored.map { older in
                .object([("id", .string(older.id)), ("sequence", .int(older.sequence)),
                         ("storedSequence", .int(older.storedSequence)), ("storedSource", .string(older.storedLocation))])
            })),
            ("removedSkipped", .array(report.skippedRemoved.map(JSON.string))),
            ("restored", .array(report.restored.map(JSON.string))),
        ]
    }

    static func json(_ report: SourceImportReport) -> JSON {
        .object([
            ("location", .string(report.location)),
            ("kind", .string(report.kind.rawValue)),
            ("format", .string(report.format)),
            ("stored", .bool(report.stored)),
            ("newSource", .bool(report.isNewSource)),
        ] + counts(report))
    }

    /// A stored talk: `talkplan extract --json`'s fields, plus `uid`.
    static func json(_ stored: StoredTalk) -> JSON {
        guard case .object(var members) = stored.talk.json else { return stored.talk.json }
        members.append(("uid", .optional(stored.uid)))
        return .object(members)
    }

    static func json(_ source: StoredSource) -> JSON {
        .object([
            ("location", .string(source.location)),
            ("kind", .string(source.kind.rawValue)),
            ("format", .string(source.format)),
            ("bytes", .int(source.byteCount)),
            ("sha256", .string(source.sha256)),
            ("etag", .optional(source.etag)),
            ("lastModified", .optional(source.lastModified)),
            ("fetchedAt", .string(source.fetchedAt.description)),
            ("addedAt", .string(source.addedAt.description)),
            ("referenceDate", .optional(source.referenceDate?.description)),
            ("defaultZone", .optional(source.defaultZone)),
            ("talks", .array(source.talkIDs.map(JSON.string))),
        ])
    }

    /// `feeds/ens.ics  icalendar  3 talks  12.1 KB  read 2024-04-01T10:00:00Z`.
    static func line(_ source: StoredSource) -> String {
        let size = source.byteCount < 1024 ? "\(source.byteCount) B" : "\((source.byteCount * 10 / 1024 + 0) / 10).\((source.byteCount * 10 / 1024) % 10) KB"
        let count = source.talkIDs.count
        var text = "\(source.displayLocation)  \(source.format)  \(count) talk\(count == 1 ? "" : "s")  \(size)"
        text += "  \(source.kind == .url ? "fetched" : "read") \(source.fetchedAt)"
        if let etag = source.etag { text += "  etag \(etag)" }
        return text
    }
}
