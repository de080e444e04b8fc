import Foundation
import TalkplanExtract
import TalkplanTime

/// A source the library keeps: a file, a feed URL or text read from stdin, with its bytes.
///
/// Week and plan views re-read ``input`` through `Extractor` (with ``extractionOptions``)
/// to expand recurrences, and keep only the talks whose id is in ``talkIDs``: talks removed
/// by the attendee, or superseded by a newer SEQUENCE from another source, are not in it.
public struct StoredSource: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case file, url, stdin
    }

    public var id: Int64
    /// An absolute file path, an http(s) URL, or `stdin:<sha256 prefix>`.
    public var location: String
    public var kind: Kind
    /// `icalendar` or `text` (``Extractor/Kind``).
    public var format: String
    /// The bytes as last read; empty when listed without them.
    public var bytes: [UInt8]
    public var byteCount: Int
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
    /// HTTP validators from the last 200 response, sent back on refresh.
    public var etag: String?
    public var lastModified: String?
    /// When the bytes were last read or confirmed unchanged.
    public var fetchedAt: Instant
    public var addedAt: Instant
    /// `--reference-date` given when the source was added.
    public var referenceDate: PlainDate?
    /// `--default-zone` given when the source was added (an IANA identifier or offset).
    public var defaultZone: String?
    /// Ids of the library's talks that come from this source, sorted.
    public var talkIDs: [String]

    /// The announcement to hand to `Extractor.extract`; its name is ``location``, as when it was added,
    /// so ids derived from the name come out the same.
    public var input: AnnouncementInput { AnnouncementInput(name: location, bytes: bytes) }

    /// The options the source was added with.
    public var extractionOptions: ExtractionOptions {
        ExtractionOptions(referenceDate: referenceDate, defaultZone: defaultZone.flatMap(Library.zone(named:)))
    }

    /// The location as a person reads it: a path relative to the current folder when inside it.
    public var displayLocation: String { kind == .file ? PathText.display(location) : location }
}

/// A talk in the library, with where it came from.
public struct StoredTalk: Sendable, Hashable {
    public var talk: Talk
    /// The iCalendar UID, when the talk came from an iCalendar source and had one.
    public var uid: String?
    public var sourceID: Int64
    public var sourceLocation: String
    public var sourceKind: StoredSource.Kind
    public var addedAt: Instant
    public var updatedAt: Instant

    public var id: String { talk.id }
}

/// A talk the attendee removed; imports leave it out until `add --restore`.
public struct RemovedTalk: Sendable, Hashable {
    public var id: String
    public var sequence: Int
    public var title: String?
    public var sourceLocation: String?
    public var removedAt: Instant
}

/// Bytes read from a file, a URL or stdin, ready to import.
public struct SourceDocument: Sendable {
    public var location: String
    public var kind: StoredSource.Kind
    public var bytes: [UInt8]
    public var etag: String?
    public var lastModified: String?
    public var fetchedAt: Instant
    public var referenceDate: PlainDate?
    /// An IANA identifier or a fixed offset (`+02:00`).
    public var defaultZone: String?

    public init(location: String, kind: StoredSource.Kind, bytes: [UInt8], etag: String? = nil, lastModified: String? = nil,
                fetchedAt: Instant, referenceDate: PlainDate? = nil, defaultZone: String? = nil) {
        self.location = location
        self.kind = kind
        self.bytes = bytes
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
        self.referenceDate = referenceDate
        self.defaultZone = defaultZone
    }

    public var sha256: String { SHA256.hex(bytes) }
}

/// A stored source found unchanged (HTTP 304, or the same bytes): only its check time and validators move.
public struct CheckedSource: Sendable {
    public var location: String
    public var fetchedAt: Instant
    public var etag: String?
    public var lastModified: String?

    public init(location: String, fetchedAt: Instant, etag: String? = nil, lastModified: String? = nil) {
        self.location = location
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
    }
}

/// What one import writes, in one transaction.
public struct LibraryUpdate: Sendable {
    public var documents: [SourceDocument]
    public var checked: [CheckedSource]
    /// Bring back talks the attendee removed when these documents contain them.
    public var restoreRemoved: Bool

    public init(documents: [SourceDocument] = [], checked: [CheckedSource] = [], restoreRemoved: Bool = false) {
        self.documents = documents
        self.checked = checked
        self.restoreRemoved = restoreRemoved
    }
}

/// What importing one document did.
public struct SourceImportReport: Sendable {
    /// A talk left out because the library holds a newer SEQUENCE of it from another source.
    public struct OlderTalk: Sendable, Hashable {
        public var id: String
        public var sequence: Int
        public var storedSequence: Int
        public var storedLocation: String
    }

    public var location: String
    public var kind: StoredSource.Kind
    public var format: String
    /// False when the document was not kept (text with no talk in it, never added before).
    public var stored: Bool
    public var isNewSource: Bool
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// Talks this source had before and no longer has: deleted.
    public var withdrawn: [String] = []
    public var olderIgnored: [OlderTalk] = []
    /// Talks the attendee removed earlier, left out.
    public var skippedRemoved: [String] = []
    /// Talks the attendee removed earlier and `restoreRemoved` brought back (also in ``added``).
    public var restored: [String] = []
    /// Problems and guesses from reading the document.
    public var diagnostics: [Diagnostic] = []
    public var talkCount: Int { added.count + updated.count + unchanged.count }
}

/// What `remove` did with one id.
public enum RemovalResult: Sendable, Hashable {
    case removed(StoredTalk)
    case alreadyRemoved(RemovedTalk)
    case unknown(String)
}
