import Foundation
import GRDB
import Testing
@testable import TalkplanLibrary
import TalkplanTime

@Suite("library file: schema, migrations, refusals")
struct SchemaTests {
    @Test("a new library gets every migration, talkplan's mark and WAL")
    func freshLibrary() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("deep/er/library.sqlite")
        let library = try Library.open(at: path)
        #expect(try library.schemaVersion == Library.schemaVersion)
        #expect(Library.schemaVersion == 1)
        try library.run { db in
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == LibrarySchema.applicationID)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try LibrarySchema.migrator.appliedIdentifiers(db) == ["v1"])
            for table in ["source", "talk", "removedTalk"] { #expect(try db.tableExists(table)) }
            let columns = try db.columns(in: "talk").map(\.name)
            #expect(columns == ["id", "uid", "sequence", "sourceId", "title", "speaker", "start", "end", "zone", "json", "addedAt", "updatedAt"])
        }
        #expect(try library.talks().isEmpty)
    }

    @Test("opening again applies nothing and keeps the data")
    func reopen() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("library.sqlite")
        do {
            let library = try Library.open(at: path)
            _ = try library.apply(LibraryUpdate(documents: [try Fixtures.document("feeds/seminar.ics")]))
        }
        let again = try Library.open(at: path)
        #expect(try again.talks().count == 2)
        #expect(try again.schemaVersion == 1)
    }

    @Test("openExisting does not create a file")
    func openExistingMissing() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("none/library.sqlite")
        #expect(try Library.openExisting(at: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: folder.file("none")))
    }

    @Test("an empty file is initialised as a library")
    func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("library.sqlite", "")
        let library = try Library.open(at: path)
        #expect(try library.schemaVersion == 1)
    }

    /// A library written by a later talkplan, which knows a migration this one does not.
    private func newerLibrary(bumpUserVersion: Bool) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.file("library.sqlite")
        var newer = LibrarySchema.migrator
        newer.registerMigration("v2") { db in
            try db.execute(sql: "CREATE TABLE tag (name TEXT PRIMARY KEY)")
            if bumpUserVersion { try db.execute(sql: "PRAGMA user_version = 2") }
        }
        do {
            let library = try Library.open(at: path, migrator: newer)
            _ = try library.apply(LibraryUpdate(documents: [try Fixtures.document("feeds/seminar.ics")]))
        }
        return (folder, path)
    }

    @Test("a library of a newer schema is refused and left untouched", arguments: [true, false])
    func newerSchema(bumpUserVersion: Bool) throws {
        let (folder, path) = try newerLibrary(bumpUserVersion: bumpUserVersion)
        _ = folder
        let before = try #require(fileBytes(path))
        #expect(throws: LibraryError.newerSchema(path: path, found: 2, known: 1)) {
            try Library.open(at: path)
        }
        #expect(fileBytes(path) == before)
        let message = LibraryError.newerSchema(path: path, found: 2, known: 1).description
        #expect(message.contains("newer talkplan") && message.contains("Update talkplan"))
    }

    @Test("a file that is not SQLite is refused, never written")
    func notSQLite() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("notes.sqlite", "BEGIN:VCALENDAR\r\nthis is not a database\r\n")
        let before = fileBytes(path)
        #expect(throws: LibraryError.notALibrary(path: path, what: "not an SQLite database")) {
            try Library.open(at: path)
        }
        #expect(fileBytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.sqlite"])
    }

    @Test("a short file that is not SQLite is refused")
    func shortFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.sqlite", "hi")
        #expect(throws: LibraryError.notALibrary(path: path, what: "not an SQLite database")) {
            try Library.open(at: path)
        }
        #expect(fileBytes(path) == Array("hi".utf8))
    }

    @Test("another program's SQLite database is refused, never written")
    func foreignDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('keep me')")
            }
        }
        let before = try #require(fileBytes(path))
        #expect(throws: LibraryError.notALibrary(path: path, what: "an SQLite database of another program")) {
            try Library.open(at: path)
        }
        #expect(fileBytes(path) == before)
    }

    @Test("a damaged library is refused, never written")
    func damaged() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("library.sqlite")
        do {
            let library = try Library.open(at: path)
            let many = (0..<60).map { (uid: "t\($0)@x", sequence: 0, start: "20240404T1000\(String(format: "%02d", $0 % 60))", summary: "Talk \($0) " + String(repeating: "x", count: 200)) }
            _ = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: Fixtures.calendar(many), location: "/feeds/many.ics")]))
            try library.queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        }
        var bytes = try #require(fileBytes(path))
        let pageSize = 4096
        #expect(bytes.count > 3 * pageSize)
        // Scribble over the second page (a table's root) but keep the header.
        for index in pageSize..<(2 * pageSize) { bytes[index] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try Library.open(at: path)
        } throws: { error in
            guard case .damaged(let where_, _) = error as? LibraryError else { return false }
            return where_ == path
        }
        #expect(fileBytes(path) == bytes)
    }

    @Test("a folder is refused")
    func folderPath() throws {
        let folder = try TemporaryFolder()
        #expect(throws: LibraryError.notALibrary(path: folder.path, what: "it is a folder")) {
            try Library.open(at: folder.path)
        }
    }

    @Test("messages say what to do")
    func messages() {
        #expect(LibraryError.notALibrary(path: "/x", what: "not an SQLite database").description
            == "/x is not a talkplan library (not an SQLite database); it was left untouched. Choose another file with --library PATH or TALKPLAN_LIBRARY.")
        #expect(LibraryError.damaged(path: "/x", detail: "d").description.contains("Restore it from a backup"))
    }

    @Test("the library's location: --library, TALKPLAN_LIBRARY, XDG_DATA_HOME, ~/.local/share")
    func location() {
        let env = ["HOME": "/home/ada", "XDG_DATA_HOME": "/data", "TALKPLAN_LIBRARY": "~/lib.sqlite"]
        #expect(LibraryLocation.resolve(explicit: "x/l.sqlite", environment: env, currentDirectory: "/home/ada/notes")
            == LibraryLocation(path: "/home/ada/notes/x/l.sqlite", origin: .option))
        #expect(LibraryLocation.resolve(explicit: nil, environment: env, currentDirectory: "/home/ada/notes")
            == LibraryLocation(path: "/home/ada/lib.sqlite", origin: .environment))
        var noVariable = env
        noVariable["TALKPLAN_LIBRARY"] = nil
        #expect(LibraryLocation.resolve(explicit: nil, environment: noVariable, currentDirectory: "/home/ada/notes")
            == LibraryLocation(path: "/data/talkplan/library.sqlite", origin: .xdgDataHome))
        noVariable["XDG_DATA_HOME"] = "relative/ignored"
        #expect(LibraryLocation.resolve(explicit: nil, environment: noVariable, currentDirectory: "/home/ada/notes")
            == LibraryLocation(path: "/home/ada/.local/share/talkplan/library.sqlite", origin: .defaultPath))
    }

    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
