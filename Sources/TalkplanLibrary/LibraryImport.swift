import Foundation
import GRDB
import TalkplanExtract
import TalkplanTime

extension Library {
    /// Imports documents and records checked sources, in ONE transaction: if anything fails,
    /// the library is exactly as it was before.
    ///
    /// For each document the talks are read with `Extractor` and merged by id (the iCalendar
    /// UID, else one derived from the source and start):
    /// - a document whose location is already stored replaces that source: its bytes, and its
    ///   talks (talks it no longer has are deleted, ``SourceImportReport/withdrawn``);
    /// - a talk whose id the library holds from another source replaces it when its SEQUENCE
    ///   is the same or newer, and is left out when older (``SourceImportReport/olderIgnored``);
    /// - a talk the attendee removed stays out (``SourceImportReport/skippedRemoved``) unless
    ///   ``LibraryUpdate/restoreRemoved``.
    ///
    /// A text document with no talk in it is not kept unless its location was stored before;
    /// an iCalendar document is kept even when empty (a feed may have no events yet).
    public func apply(_ update: LibraryUpdate, now: Instant = Library.currentTime()) throws(LibraryError) -> [SourceImportReport] {
        // Reading announcements needs no lock: do it before the transaction.
        let extracted = update.documents.map { document in
            let input = AnnouncementInput(name: document.location, bytes: document.bytes)
            let options = ExtractionOptions(referenceDate: document.referenceDate,
                                            defaultZone: document.defaultZone.flatMap(Library.zone(named:)))
            return (document, Extractor.kind(of: input), Extractor.extract(input, options: options))
        }
        return try write { db in
            var reports: [SourceImportReport] = []
            for (document, kind, result) in extracted {
                reports.append(try importDocument(document, kind: kind, result: result, restoreRemoved: update.restoreRemoved,
                                                  now: now, db: db))
            }
            for checked in update.checked {
                try db.execute(sql: """
                    UPDATE source SET fetchedAt = ?, etag = coalesce(?, etag), lastModified = coalesce(?, lastModified)
                    WHERE location = ?
                    """, arguments: [checked.fetchedAt.description, checked.etag, checked.lastModified, checked.location])
            }
            return reports
        }
    }

    private func importDocument(_ document: SourceDocument, kind: Extractor.Kind, result: ExtractionResult,
                                restoreRemoved: Bool, now: Instant, db: Database) throws -> SourceImportReport {
        let existing = try Row.fetchOne(db, sql: "SELECT id FROM source WHERE location = ?", arguments: [document.location])
        var report = SourceImportReport(location: document.location, kind: document.kind, format: kind.rawValue,
                                        stored: true, isNewSource: existing == nil, diagnostics: result.diagnostics)
        if existing == nil, result.talks.isEmpty, kind != .iCalendar {
            report.stored = false
            return report
        }
        let sourceID: Int64
        let arguments: StatementArguments = [
            document.kind.rawValue, kind.rawValue, Data(document.bytes), document.sha256, document.etag, document.lastModified,
            document.fetchedAt.description, document.referenceDate?.description, document.defaultZone,
        ]
        if let existing {
            sourceID = existing["id"]
            try db.execute(sql: """
                UPDATE source SET kind = ?, format = ?, bytes = ?, sha256 = ?, etag = ?, lastModified = ?, fetchedAt = ?,
                    referenceDate = ?, defaultZone = ?
                WHERE id = ?
                """, arguments: arguments + [sourceID])
        } else {
            try db.execute(sql: """
                INSERT INTO source (kind, format, bytes, sha256, etag, lastModified, fetchedAt, referenceDate, defaultZone,
                    location, addedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: arguments + [document.location, now.description])
            sourceID = db.lastInsertedRowID
        }

        var previous = Set(try String.fetchAll(db, sql: "SELECT id FROM talk WHERE sourceId = ?", arguments: [sourceID]))
        let removed = Set(try String.fetchAll(db, sql: "SELECT id FROM removedTalk"))
        let findTalk = try db.cachedStatement(sql: """
            SELECT talk.sourceId, talk.sequence, talk.json, source.location FROM talk
            JOIN source ON source.id = talk.sourceId WHERE talk.id = ?
            """)
        let updateTalk = try db.cachedStatement(sql: """
            UPDATE talk SET uid = ?, sequence = ?, sourceId = ?, title = ?, speaker = ?, start = ?, "end" = ?,
                zone = ?, json = ?, updatedAt = CASE WHEN ? THEN updatedAt ELSE ? END
            WHERE id = ?
            """)
        let insertTalk = try db.cachedStatement(sql: """
            INSERT INTO talk (id, uid, sequence, sourceId, title, speaker, start, "end", zone, json, addedAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for talk in result.talks {
            if removed.contains(talk.id) {
                if restoreRemoved {
                    try db.execute(sql: "DELETE FROM removedTalk WHERE id = ?", arguments: [talk.id])
                    report.restored.append(talk.id)
                } else {
                    report.skippedRemoved.append(talk.id)
                    continue
                }
            }
            let record = TalkRecord(talk)
            let stored = try Row.fetchOne(findTalk, arguments: [talk.id])
            if let stored, (stored["sourceId"] as Int64) != sourceID, talk.sequence < (stored["sequence"] as Int) {
                report.olderIgnored.append(.init(id: talk.id, sequence: talk.sequence, storedSequence: stored["sequence"],
                                                 storedLocation: stored["location"]))
                continue
            }
            try beforeStoringTalk?(talk)
            let json = record.encoded()
            let uid = Self.uid(of: talk, kind: kind, name: document.location)
            if let stored {
                let same = (try? TalkRecord.decode(stored["json"]))?.sameContent(as: record) ?? false
                if same {
                    report.unchanged.append(talk.id)
                } else {
                    report.updated.append(talk.id)
                }
                try updateTalk.execute(arguments: [uid, talk.sequence, sourceID, talk.title, talk.speaker, talk.start.description,
                                                   talk.end.description, talk.zone?.identifier, json, same, now.description, talk.id])
            } else {
                report.added.append(talk.id)
                try insertTalk.execute(arguments: [talk.id, uid, talk.sequence, sourceID, talk.title, talk.speaker,
                                                   talk.start.description, talk.end.description, talk.zone?.identifier, json,
                                                   now.description, now.description])
            }
            previous.remove(talk.id)
        }
        report.withdrawn = previous.sorted()
        for id in report.withdrawn {
            try db.execute(sql: "DELETE FROM talk WHERE id = ?", arguments: [id])
        }
        Self.pauseForKillTest()
        return report
    }

    /// For the test that kills an import midway: when `TALKPLAN_TEST_IMPORT_PAUSE` names a file, the
    /// import creates that file once its writes are done but before it commits, then waits, so the
    /// test can kill the process inside the transaction. Unset in normal use.
    static func pauseForKillTest() {
        guard let marker = ProcessInfo.processInfo.environment["TALKPLAN_TEST_IMPORT_PAUSE"], !marker.isEmpty else { return }
        FileManager.default.createFile(atPath: marker, contents: Data())
        Thread.sleep(forTimeInterval: 30)
    }

    /// The iCalendar UID behind a talk id: the id without the `#RECURRENCE-ID` (or `#2`) an
    /// overriding or repeated event gets; `nil` for talks with a derived id (`source@start`).
    static func uid(of talk: Talk, kind: Extractor.Kind, name: String) -> String? {
        guard kind == .iCalendar, !talk.id.hasPrefix(name + "@") else { return nil }
        var id = Substring(talk.id)
        if let hash = id.lastIndex(of: "#") {
            let suffix = id[id.index(after: hash)...]
            if !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "T" || $0 == "Z") }) {
                id = id[..<hash]
            }
        }
        return String(id)
    }
}
