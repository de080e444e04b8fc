import Foundation
import GRDB
import Testing
import TalkplanExtract
@testable import TalkplanLibrary
import TalkplanTime

@Suite("importing: dedupe by UID and SEQUENCE, one transaction")
struct ImportTests {
    let folder: TemporaryFolder
    let library: Library

    init() throws {
        folder = try TemporaryFolder()
        library = try Library.open(at: folder.file("library.sqlite"))
    }

    private func event(_ uid: String, _ sequence: Int, _ start: String, _ summary: String) -> (uid: String, sequence: Int, start: String, summary: String) {
        (uid, sequence, start, summary)
    }

    @Test("a feed's talks are stored with their index columns and read back as the same talks")
    func addFeed() throws {
        let reports = try library.apply(LibraryUpdate(documents: [try Fixtures.document("feeds/seminar.ics")]))
        #expect(reports.count == 1)
        let report = try #require(reports.first)
        #expect(report.stored && report.isNewSource && report.format == "icalendar")
        #expect(report.added == ["ot-2024-04-04@seminar.example.org", "weekly-ml@seminar.example.org"])
        let stored = try library.talks()
        #expect(stored.map(\.id) == report.added)
        #expect(stored.map(\.uid) == report.added)
        let extracted = Extractor.extract(AnnouncementInput(name: Fixtures.path("feeds/seminar.ics"), bytes: try Fixtures.bytes("feeds/seminar.ics")),
                                          options: ExtractionOptions()).talks
        // The stored index keeps the RRULE text; series are expanded from the stored source bytes.
        #expect(stored.map(\.talk) == extracted.map { talk in
            var plain = talk
            plain.recurrenceSet = nil
            return plain
        })
        #expect(stored[1].talk.recurrence == "FREQ=WEEKLY;COUNT=4")
        try library.run { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT title, speaker, start, \"end\", zone, sequence FROM talk WHERE id = ?",
                                                    arguments: ["ot-2024-04-04@seminar.example.org"]))
            #expect(row["title"] as String? == "Optimal transport and neural networks")
            #expect(row["speaker"] as String? == "Lénaïc Chizat (EPFL)")
            #expect(row["start"] as String == "2024-04-04T12:00:00Z")
            #expect(row["end"] as String == "2024-04-04T13:00:00Z")
            #expect(row["zone"] as String? == "Europe/Paris")
            #expect(row["sequence"] as Int == 0)
        }
        let source = try #require(try library.sources().first)
        #expect(source.bytes == (try Fixtures.bytes("feeds/seminar.ics")))
        #expect(source.sha256 == SHA256.hex(source.bytes))
        #expect(source.talkIDs == report.added)
        #expect(source.input.name == Fixtures.path("feeds/seminar.ics"))
    }

    @Test("adding the same source again never duplicates")
    func addTwice() throws {
        let document = try Fixtures.document("feeds/seminar.ics")
        _ = try library.apply(LibraryUpdate(documents: [document]))
        let again = try library.apply(LibraryUpdate(documents: [document]))
        #expect(again[0].unchanged.count == 2 && again[0].added.isEmpty && !again[0].isNewSource)
        #expect(try library.talks().count == 2)
        #expect(try library.sources().count == 1)
    }

    @Test("a source added again replaces its talks: changed ones updated, new ones added, gone ones withdrawn")
    func sameSourceReplaces() throws {
        let location = "/feeds/group.ics"
        let first = Fixtures.calendar([event("a@x", 0, "20240404T100000", "A"), event("b@x", 0, "20240405T100000", "B")])
        let second = Fixtures.calendar([event("a@x", 0, "20240404T110000", "A moved"), event("c@x", 0, "20240406T100000", "C")])
        _ = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: first, location: location)]))
        let report = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: second, location: location)]))[0]
        #expect(report.updated == ["a@x"])
        #expect(report.added == ["c@x"])
        #expect(report.withdrawn == ["b@x"])
        let talks = try library.talks()
        #expect(talks.map(\.id) == ["a@x", "c@x"])
        #expect(talks[0].talk.title == "A moved")
        #expect(try library.sources().first?.bytes == Array(second.utf8))
    }

    @Test("the same UID from another source: a newer SEQUENCE replaces, the same replaces, an older one is left out")
    func sequenceAcrossSources() throws {
        let v1 = Fixtures.calendar([event("talk@x", 1, "20240404T100000", "Version 1")])
        let v2 = Fixtures.calendar([event("talk@x", 2, "20240404T140000", "Version 2")])
        let v2again = Fixtures.calendar([event("talk@x", 2, "20240404T140000", "Version 2, same sequence")])
        let v0 = Fixtures.calendar([event("talk@x", 0, "20240404T090000", "Version 0")])
        _ = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: v1, location: "/a.ics")]))

        let newer = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: v2, location: "/b.ics")]))[0]
        #expect(newer.updated == ["talk@x"])
        var stored = try #require(try library.talk(id: "talk@x"))
        #expect(stored.talk.sequence == 2 && stored.sourceLocation == "/b.ics" && stored.talk.title == "Version 2")

        let older = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: v0, location: "/c.ics")]))[0]
        #expect(older.olderIgnored == [.init(id: "talk@x", sequence: 0, storedSequence: 2, storedLocation: "/b.ics")])
        #expect(older.talkCount == 0)
        stored = try #require(try library.talk(id: "talk@x"))
        #expect(stored.talk.title == "Version 2")

        let same = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: v2again, location: "/d.ics")]))[0]
        #expect(same.updated == ["talk@x"])
        stored = try #require(try library.talk(id: "talk@x"))
        #expect(stored.sourceLocation == "/d.ics")
        #expect(try library.talks().count == 1)

        // Each source's talk ids say which talks week and plan keep after re-reading it.
        let sources = try library.sources()
        #expect(sources.map(\.location) == ["/a.ics", "/b.ics", "/c.ics", "/d.ics"])
        #expect(sources.map(\.talkIDs) == [[], [], [], ["talk@x"]])
    }

    @Test("an older SEQUENCE in the same source still replaces it: the source is the authority on its own talks")
    func sameSourceOlderSequence() throws {
        _ = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: Fixtures.calendar([event("t@x", 3, "20240404T100000", "Three")]), location: "/a.ics")]))
        let report = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: Fixtures.calendar([event("t@x", 1, "20240404T100000", "One")]), location: "/a.ics")]))[0]
        #expect(report.updated == ["t@x"])
        #expect(try library.talk(id: "t@x")?.talk.sequence == 1)
    }

    @Test("a removed talk is remembered: adding its source again leaves it out, restore brings it back")
    func removeRemembered() throws {
        let document = try Fixtures.document("feeds/seminar.ics")
        _ = try library.apply(LibraryUpdate(documents: [document]))
        let results = try library.remove(talkIDs: ["weekly-ml@seminar.example.org", "nope@x"])
        guard case .removed(let removed) = results[0] else { Issue.record("not removed: \(results)"); return }
        #expect(removed.talk.title == "Machine learning lunch")
        #expect(results[1] == .unknown("nope@x"))
        #expect(try library.talks().map(\.id) == ["ot-2024-04-04@seminar.example.org"])
        #expect(try library.removedTalks().map(\.id) == ["weekly-ml@seminar.example.org"])

        let again = try library.apply(LibraryUpdate(documents: [document]))[0]
        #expect(again.skippedRemoved == ["weekly-ml@seminar.example.org"])
        #expect(try library.talks().count == 1)
        #expect(try library.sources()[0].talkIDs == ["ot-2024-04-04@seminar.example.org"])

        guard case .alreadyRemoved = try library.remove(talkIDs: ["weekly-ml@seminar.example.org"])[0] else {
            Issue.record("expected alreadyRemoved"); return
        }

        let restored = try library.apply(LibraryUpdate(documents: [document], restoreRemoved: true))[0]
        #expect(restored.restored == ["weekly-ml@seminar.example.org"])
        #expect(restored.added == ["weekly-ml@seminar.example.org"])
        #expect(try library.talks().count == 2)
        #expect(try library.removedTalks().isEmpty)
    }

    @Test("forgetting a source takes its talks with it")
    func removeSource() throws {
        _ = try library.apply(LibraryUpdate(documents: [try Fixtures.document("feeds/seminar.ics"), try Fixtures.document("feeds/seminar-update.ics")]))
        let gone = try #require(try library.removeSource(location: Fixtures.path("feeds/seminar.ics")))
        #expect(gone.talks == 1)  // the other talk of seminar.ics moved to seminar-update.ics (newer SEQUENCE)
        #expect(try library.sources().map(\.location) == [Fixtures.path("feeds/seminar-update.ics")])
        #expect(try library.removeSource(location: "/nowhere.ics") == nil)
    }

    @Test("a failing import leaves the library exactly as it was", arguments: [0, 1, 3])
    func rollback(failingAt failAt: Int) throws {
        let first = Fixtures.calendar([event("a@x", 0, "20240404T100000", "A"), event("b@x", 0, "20240405T100000", "B")])
        _ = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: first, location: "/first.ics")]))
        _ = try library.remove(talkIDs: ["b@x"])
        let before = try dump(library)

        struct Injected: Error {}
        final class Counter: @unchecked Sendable { var count = 0 }
        let counter = Counter()
        library.beforeStoringTalk = { _ in
            defer { counter.count += 1 }
            if counter.count == failAt { throw Injected() }
        }
        let changed = Fixtures.calendar([event("a@x", 1, "20240404T120000", "A changed"), event("c@x", 0, "20240406T100000", "C")])
        let other = Fixtures.calendar([event("d@x", 0, "20240407T100000", "D"), event("e@x", 0, "20240408T100000", "E")])
        #expect(throws: LibraryError.self) {
            try library.apply(LibraryUpdate(
                documents: [Fixtures.document(text: changed, location: "/first.ics"), Fixtures.document(text: other, location: "/second.ics")],
                checked: [CheckedSource(location: "/first.ics", fetchedAt: Instant(seconds: 1_800_000_000), etag: "\"x\"")],
                restoreRemoved: true))
        }
        #expect(try dump(library) == before)
        library.beforeStoringTalk = nil
        _ = try library.apply(LibraryUpdate(documents: [Fixtures.document(text: other, location: "/second.ics")]))
        #expect(try library.talks().map(\.id) == ["a@x", "d@x", "e@x"])
    }

    @Test("text with no talk in it is not kept; an empty feed is")
    func emptyDocuments() throws {
        let reports = try library.apply(LibraryUpdate(documents: [
            Fixtures.document(text: "Nothing to see here.\n", location: "/notes.txt"),
            Fixtures.document(text: Fixtures.calendar([]), location: "/empty.ics"),
        ]))
        #expect(reports.map(\.stored) == [false, true])
        #expect(try library.sources().map(\.location) == ["/empty.ics"])
    }

    @Test("ids of overriding instances share the event's UID")
    func uids() {
        func talk(_ id: String) -> Talk {
            Talk(id: id, start: Instant(seconds: 0), end: Instant(seconds: 60), zone: nil,
                 localStart: OffsetDateTime(instant: Instant(seconds: 0), offset: .zero), source: SourceLocation(file: "/f.ics", line: 1))
        }
        #expect(Library.uid(of: talk("abc@x#20240404T100000Z"), kind: .iCalendar, name: "/f.ics") == "abc@x")
        #expect(Library.uid(of: talk("abc@x#20240404"), kind: .iCalendar, name: "/f.ics") == "abc@x")
        #expect(Library.uid(of: talk("abc@x#2"), kind: .iCalendar, name: "/f.ics") == "abc@x")
        #expect(Library.uid(of: talk("a#b@x"), kind: .iCalendar, name: "/f.ics") == "a#b@x")
        #expect(Library.uid(of: talk("/f.ics@2024-04-04T10:00:00Z"), kind: .iCalendar, name: "/f.ics") == nil)
        #expect(Library.uid(of: talk("x"), kind: .text, name: "/f.txt") == nil)
    }

    @Test("extraction options are kept with the source and given back for re-reading")
    func optionsKept() throws {
        var document = Fixtures.document(text: Fixtures.calendar([event("a@x", 0, "20240404T100000", "A")]), location: "/a.ics")
        document.referenceDate = try PlainDate(iso8601: "2024-03-01")
        document.defaultZone = "Europe/Zurich"
        _ = try library.apply(LibraryUpdate(documents: [document]))
        let source = try #require(try library.sources().first)
        #expect(source.referenceDate == document.referenceDate)
        #expect(source.extractionOptions.referenceDate == document.referenceDate)
        #expect(source.extractionOptions.defaultZone?.identifier == "Europe/Zurich")
    }
}
