import GRDB

/// The library's tables, built by versioned migrations.
///
/// Schema 1:
///
/// ```sql
/// source(id, location UNIQUE, kind, format, bytes, sha256, etag, lastModified,
///        fetchedAt, addedAt, referenceDate, defaultZone)
/// talk(id PRIMARY KEY, uid, sequence, sourceId → source ON DELETE CASCADE,
///      title, speaker, start, end, zone, json, addedAt, updatedAt)
/// removedTalk(id PRIMARY KEY, sequence, title, sourceLocation, removedAt)
/// ```
///
/// Instants are ISO 8601 UTC text (`2024-04-04T10:00:00Z`). The file carries
/// `PRAGMA application_id` = ``applicationID`` (talkplan's mark, so another program's
/// database is recognised and left alone) and `PRAGMA user_version` = the schema number.
/// A new schema is a new migration appended to ``migrator`` ("v2", …); never edit one
/// that has shipped.
enum LibrarySchema {
    /// "TkPl".
    static let applicationID: Int32 = 0x546B_506C

    /// The newest schema this build knows.
    static var version: Int { migrator.migrations.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE source (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    location TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('file', 'url', 'stdin')),
                    format TEXT NOT NULL,
                    bytes BLOB NOT NULL,
                    sha256 TEXT NOT NULL,
                    etag TEXT,
                    lastModified TEXT,
                    fetchedAt TEXT NOT NULL,
                    addedAt TEXT NOT NULL,
                    referenceDate TEXT,
                    defaultZone TEXT
                );
                CREATE TABLE talk (
                    id TEXT PRIMARY KEY NOT NULL,
                    uid TEXT,
                    sequence INTEGER NOT NULL DEFAULT 0,
                    sourceId INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    title TEXT,
                    speaker TEXT,
                    start TEXT NOT NULL,
                    "end" TEXT NOT NULL,
                    zone TEXT,
                    json TEXT NOT NULL,
                    addedAt TEXT NOT NULL,
                    updatedAt TEXT NOT NULL
                );
                CREATE INDEX talk_sourceId ON talk(sourceId);
                CREATE INDEX talk_start ON talk(start);
                CREATE INDEX talk_uid ON talk(uid);
                CREATE TABLE removedTalk (
                    id TEXT PRIMARY KEY NOT NULL,
                    sequence INTEGER NOT NULL DEFAULT 0,
                    title TEXT,
                    sourceLocation TEXT,
                    removedAt TEXT NOT NULL
                );
                PRAGMA application_id = \(applicationID);
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }
}
