import Foundation
import GRDB
import TalkplanExtract
import TalkplanTime

/// The attendee's library: an SQLite database of sources (with their bytes) and of the
/// talks found in them.
///
/// ```swift
/// let library = try Library.open(at: "/home/ada/.local/share/talkplan/library.sqlite")
/// let reports = try library.apply(LibraryUpdate(documents: [document]))
/// for stored in try library.talks() { print(stored.talk.title ?? "untitled") }
/// ```
///
/// Opening never writes to a file that is not a talkplan library: a file that is not
/// SQLite, another program's database, a damaged one or one written by a newer schema is
/// refused with a ``LibraryError`` and left byte for byte as it was. The database runs in
/// WAL mode with a busy timeout, and every write is one IMMEDIATE transaction, so two
/// talkplan processes writing at once both succeed, one after the other.
public final class Library: @unchecked Sendable {
    /// The file's absolute path.
    public let path: String
    let queue: DatabaseQueue
    /// Test hook: called before each talk is written during an import; throwing aborts the import.
    var beforeStoringTalk: ((Talk) throws -> Void)?

    /// How long a write waits for another process's transaction.
    public static let busyTimeout: TimeInterval = 30

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens the library at `path`, creating the file (and its folders) when missing.
    public static func open(at path: String) throws(LibraryError) -> Library {
        try open(at: path, migrator: LibrarySchema.migrator)
    }

    /// Opens the library when its file exists; `nil` when there is none yet (nothing was ever added).
    public static func openExisting(at path: String) throws(LibraryError) -> Library? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try open(at: path, migrator: LibrarySchema.migrator)
    }

    static func open(at path: String, migrator: DatabaseMigrator) throws(LibraryError) -> Library {
        try checkFile(path)
        let queue: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            configuration.foreignKeysEnabled = true
            configuration.label = "talkplan library"
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw mapError(error, path: path)
        }
        let library = Library(path: path, queue: queue)
        try library.checkContents(migrator: migrator)
        try library.prepare(migrator: migrator)
        return library
    }

    /// Refuses, before SQLite touches it, anything that is not an SQLite file or an empty one.
    private static func checkFile(_ path: String) throws(LibraryError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .notALibrary(path: path, what: "it is a folder") }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw .cannotOpen(path: path, detail: "the file cannot be read")
            }
            defer { try? handle.close() }
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            if header.isEmpty { return }  // An empty file is an empty database.
            if header != Data("SQLite format 3\0".utf8) {
                throw .notALibrary(path: path, what: "not an SQLite database")
            }
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !manager.fileExists(atPath: folder) {
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
                } catch {
                    throw .cannotOpen(path: path, detail: "cannot create the folder \(folder)")
                }
            }
        }
    }

    /// Refuses another program's database, a damaged one and a newer schema, without writing.
    private func checkContents(migrator: DatabaseMigrator) throws(LibraryError) {
        try run { db in
            let check = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
            if check != ["ok"] {
                throw LibraryError.damaged(path: path, detail: check.first ?? "integrity check failed")
            }
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            // The migrator creates its own table before the first migration's transaction: a
            // database holding nothing else is a library another talkplan is creating right now.
            let objects = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """) ?? 0
            if applicationID != LibrarySchema.applicationID {
                if objects > 0 {
                    throw LibraryError.notALibrary(path: path, what: "an SQLite database of another program")
                }
                return
            }
            let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let superseded = try db.tableExists("grdb_migrations") && migrator.hasBeenSuperseded(db)
            if userVersion > migrator.migrations.count || superseded {
                throw LibraryError.newerSchema(path: path, found: max(userVersion, migrator.migrations.count + 1),
                                               known: migrator.migrations.count)
            }
        }
    }

    /// Switches to WAL and applies the migrations this build has and the file lacks.
    private func prepare(migrator: DatabaseMigrator) throws(LibraryError) {
        try switchToWAL()
        // Two processes opening a new library at once may both find a migration missing;
        // the second then fails on the tables the first created. It tries again and finds
        // the work done.
        var attempts = 0
        while true {
            do {
                let needed = try queue.read { db in try !migrator.hasCompletedMigrations(db) }
                if needed { try migrator.migrate(queue) }
                return
            } catch {
                attempts += 1
                let done = (try? queue.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
                if done { return }
                if attempts >= 5 { throw Self.mapError(error, path: path) }
            }
        }
    }

    /// Puts the file in WAL mode. Switching needs an exclusive lock, and SQLite answers
    /// `SQLITE_BUSY` at once, without the busy handler, while another process reads or
    /// switches the same new file; so this retries, with a growing pause, for as long as the
    /// busy timeout, and stops as soon as some process has made the switch.
    private func switchToWAL() throws(LibraryError) {
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        var pause: TimeInterval = 0.002
        while true {
            do {
                try queue.inDatabase { db in
                    let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                    if mode.lowercased() != "wal" {
                        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    }
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: pause)
                pause = min(pause * 2, 0.1)
            } catch {
                throw Self.mapError(error, path: path)
            }
        }
    }

    /// The schema number of the open file.
    public var schemaVersion: Int {
        get throws(LibraryError) { try run { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 } }
    }

    /// The newest schema this build reads.
    public static var schemaVersion: Int { LibrarySchema.version }

    // MARK: - Reading

    /// Every talk, by start then id.
    public func talks() throws(LibraryError) -> [StoredTalk] {
        try run { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT talk.*, source.location AS sourceLocation, source.kind AS sourceKind
                FROM talk JOIN source ON source.id = talk.sourceId
                ORDER BY talk.start, talk.id
                """)
            return try rows.map(Self.storedTalk)
        }
    }

    /// The talk with this id, if the library has it.
    public func talk(id: String) throws(LibraryError) -> StoredTalk? {
        try run { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT talk.*, source.location AS sourceLocation, source.kind AS sourceKind
                FROM talk JOIN source ON source.id = talk.sourceId WHERE talk.id = ?
                """, arguments: [id])
            return try row.map(Self.storedTalk)
        }
    }

    /// Every source, in the order they were added. Without `includingBytes` the bytes are left
    /// empty (``StoredSource/byteCount`` still tells their size).
    public func sources(includingBytes: Bool = true) throws(LibraryError) -> [StoredSource] {
        try run { db in try Self.fetchSources(db, includingBytes: includingBytes, location: nil) }
    }

    /// The source stored under this location.
    public func source(location: String) throws(LibraryError) -> StoredSource? {
        try run { db in try Self.fetchSources(db, includingBytes: true, location: location).first }
    }

    /// Talks the attendee removed, by id.
    public func removedTalks() throws(LibraryError) -> [RemovedTalk] {
        try run { db in
            try Row.fetchAll(db, sql: "SELECT * FROM removedTalk ORDER BY id").map { row in
                RemovedTalk(id: row["id"], sequence: row["sequence"], title: row["title"],
                            sourceLocation: row["sourceLocation"], removedAt: Self.instant(row["removedAt"]))
            }
        }
    }

    private static func fetchSources(_ db: Database, includingBytes: Bool, location: String?) throws -> [StoredSource] {
        let columns = includingBytes ? "source.*" : "source.id, location, kind, format, sha256, etag, lastModified, fetchedAt, addedAt, referenceDate, defaultZone"
        var sql = "SELECT \(columns), length(bytes) AS byteCount FROM source"
        var arguments: StatementArguments = []
        if let location {
            sql += " WHERE location = ?"
            arguments = [location]
        }
        sql += " ORDER BY id"
        let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
        var talkIDs: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, sourceId FROM talk ORDER BY id") {
            talkIDs[row["sourceId"], default: []].append(row["id"])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let bytes: [UInt8] = includingBytes ? [UInt8]((row["bytes"] as Data?) ?? Data()) : []
            let referenceDate: String? = row["referenceDate"]
            return StoredSource(
                id: id, location: row["location"], kind: StoredSource.Kind(rawValue: row["kind"]) ?? .file,
                format: row["format"], bytes: bytes, byteCount: row["byteCount"], sha256: row["sha256"],
                etag: row["etag"], lastModified: row["lastModified"], fetchedAt: instant(row["fetchedAt"]),
                addedAt: instant(row["addedAt"]), referenceDate: referenceDate.flatMap { try? PlainDate(iso8601: $0) },
                defaultZone: row["defaultZone"], talkIDs: talkIDs[id] ?? [])
        }
    }

    private static func storedTalk(_ row: Row) throws -> StoredTalk {
        let record = try TalkRecord.decode(row["json"])
        return StoredTalk(
            talk: try record.talk(), uid: row["uid"], sourceID: row["sourceId"], sourceLocation: row["sourceLocation"],
            sourceKind: StoredSource.Kind(rawValue: row["sourceKind"]) ?? .file,
            addedAt: instant(row["addedAt"]), updatedAt: instant(row["updatedAt"]))
    }

    // MARK: - Removing

    /// Removes talks by id and remembers them, so neither a refresh nor adding their source
    /// again brings them back (`LibraryUpdate.restoreRemoved` does). One transaction.
    public func remove(talkIDs: [String], now: Instant = Library.currentTime()) throws(LibraryError) -> [RemovalResult] {
        try write { db in
            var results: [RemovalResult] = []
            for id in talkIDs {
                let row = try Row.fetchOne(db, sql: """
                    SELECT talk.*, source.location AS sourceLocation, source.kind AS sourceKind
                    FROM talk JOIN source ON source.id = talk.sourceId WHERE talk.id = ?
                    """, arguments: [id])
                if let row {
                    let stored = try Self.storedTalk(row)
                    try db.execute(sql: "DELETE FROM talk WHERE id = ?", arguments: [id])
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO removedTalk (id, sequence, title, sourceLocation, removedAt)
                        VALUES (?, ?, ?, ?, ?)
                        """, arguments: [id, stored.talk.sequence, stored.talk.title, stored.sourceLocation, now.description])
                    results.append(.removed(stored))
                } else if let removed = try Row.fetchOne(db, sql: "SELECT * FROM removedTalk WHERE id = ?", arguments: [id]) {
                    results.append(.alreadyRemoved(RemovedTalk(
                        id: removed["id"], sequence: removed["sequence"], title: removed["title"],
                        sourceLocation: removed["sourceLocation"], removedAt: Self.instant(removed["removedAt"]))))
                } else {
                    results.append(.unknown(id))
                }
            }
            return results
        }
    }

    /// Forgets a source and every talk from it (the attendee no longer follows that feed).
    /// Returns the source and how many talks went with it, or `nil` when no source has that location.
    public func removeSource(location: String) throws(LibraryError) -> (source: StoredSource, talks: Int)? {
        try write { db in
            guard let source = try Self.fetchSources(db, includingBytes: false, location: location).first else { return nil }
            try db.execute(sql: "DELETE FROM talk WHERE sourceId = ?", arguments: [source.id])
            try db.execute(sql: "DELETE FROM source WHERE id = ?", arguments: [source.id])
            return (source, source.talkIDs.count)
        }
    }

    // MARK: - Running

    /// A read.
    func run<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        do {
            return try queue.inDatabase(body)
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    /// A write: one IMMEDIATE transaction, rolled back entirely when `body` throws.
    func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.mapError(error, path: path)
        }
    }

    static func mapError(_ error: any Error, path: String) -> LibraryError {
        if let error = error as? LibraryError { return error }
        if let error = error as? DatabaseError {
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_CORRUPT: return .damaged(path: path, detail: detail)
            case .SQLITE_NOTADB: return .notALibrary(path: path, what: "not an SQLite database")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH: return .cannotOpen(path: path, detail: detail)
            case .SQLITE_IOERR, .SQLITE_FULL: return .cannotOpen(path: path, detail: detail)
            default: return .database(path: path, detail: detail)
            }
        }
        return .database(path: path, detail: "\(error)")
    }

    // MARK: - Values

    static func instant(_ text: String?) -> Instant {
        guard let text, let instant = try? Instant(iso8601: text) else { return .unixEpoch }
        return instant
    }

    /// A zone stored by identifier: an IANA zone, or a fixed offset such as `+02:00`.
    static func zone(named identifier: String) -> Zone? {
        if let offset = try? UTCOffset(iso8601: identifier) { return .fixed(offset) }
        return try? Zone(identifier)
    }
}

extension Library {
    /// The current time, to the second.
    public static func currentTime() -> Instant {
        Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
