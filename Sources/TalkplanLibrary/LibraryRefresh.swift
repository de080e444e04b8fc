import TalkplanTime

/// What refreshing one source found.
public struct RefreshEntry: Sendable {
    public enum Outcome: Sendable {
        /// The server answered 304 Not Modified: what is stored is kept.
        case notModified
        /// Read again, same bytes.
        case unchanged
        /// New bytes, imported.
        case updated(SourceImportReport)
        /// Could not be read; what is stored is kept.
        case failed(FetchError)
        /// Not refreshable (read from stdin).
        case skipped(String)
    }

    public var source: StoredSource
    public var outcome: Outcome
}

extension Library {
    /// Reads every source again, in one import: URLs with a conditional GET (ETag and
    /// Last-Modified from the last answer; a 304 keeps what is stored), files from disk.
    /// Sources that changed are imported as by ``apply(_:now:)`` (their talks replaced, removed
    /// talks kept out); a source that cannot be read keeps what is stored.
    public func refresh(fetcher: SourceFetcher, now: Instant = Library.currentTime()) throws(LibraryError) -> [RefreshEntry] {
        let sources = try sources(includingBytes: false)
        var entries: [RefreshEntry] = []
        var update = LibraryUpdate()
        var pending: [Int: Int] = [:]  // entry index -> document index
        for source in sources {
            var document: SourceDocument?
            do throws(FetchError) {
                switch source.kind {
                case .stdin:
                    entries.append(RefreshEntry(source: source, outcome: .skipped("read from stdin; add it again to update it")))
                    continue
                case .file:
                    document = try fetcher.readFile(source.location, shownAs: source.displayLocation, now: now)
                case .url:
                    switch try fetcher.fetch(source.location, etag: source.etag, lastModified: source.lastModified, now: now) {
                    case .notModified(let etag, let lastModified):
                        update.checked.append(CheckedSource(location: source.location, fetchedAt: now, etag: etag, lastModified: lastModified))
                        entries.append(RefreshEntry(source: source, outcome: .notModified))
                        continue
                    case .document(let fetched):
                        document = fetched
                    }
                }
            } catch {
                entries.append(RefreshEntry(source: source, outcome: .failed(error)))
                continue
            }
            guard var document else { continue }
            if document.sha256 == source.sha256 {
                update.checked.append(CheckedSource(location: source.location, fetchedAt: now, etag: document.etag,
                                                    lastModified: document.lastModified))
                entries.append(RefreshEntry(source: source, outcome: .unchanged))
                continue
            }
            document.referenceDate = source.referenceDate
            document.defaultZone = source.defaultZone
            pending[entries.count] = update.documents.count
            update.documents.append(document)
            entries.append(RefreshEntry(source: source, outcome: .unchanged))
        }
        guard !update.documents.isEmpty || !update.checked.isEmpty else { return entries }
        let reports = try apply(update, now: now)
        for (entry, index) in pending { entries[entry].outcome = .updated(reports[index]) }
        return entries
    }
}
