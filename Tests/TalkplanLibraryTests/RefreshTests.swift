import Foundation
import Testing
@testable import TalkplanLibrary
import TalkplanTime

@Suite("refresh: conditional GET against a server on 127.0.0.1")
struct RefreshTests {
    static let v1 = Fixtures.calendar([
        (uid: "a@feed", sequence: 0, start: "20240404T100000", summary: "A"),
        (uid: "b@feed", sequence: 0, start: "20240405T100000", summary: "B"),
    ])
    static let v2 = Fixtures.calendar([
        (uid: "a@feed", sequence: 1, start: "20240404T110000", summary: "A moved"),
        (uid: "c@feed", sequence: 0, start: "20240406T100000", summary: "C"),
    ])

    /// A library holding the feed served by a fresh server.
    private func setUp(_ feed: FeedState) throws -> (TemporaryFolder, Library, LocalHTTPServer, String) {
        let folder = try TemporaryFolder()
        let server = try LocalHTTPServer { feed.respond($0) }
        let url = server.baseURL + "/seminars.ics"
        let library = try Library.open(at: folder.file("library.sqlite"))
        guard case .document(let document) = try SourceFetcher().fetch(url) else {
            Issue.record("the first GET was not a 200")
            throw FetchError(url, "no document")
        }
        _ = try library.apply(LibraryUpdate(documents: [document]))
        return (folder, library, server, url)
    }

    @Test("ETag: a 304 keeps what is stored; a new version replaces the feed's talks")
    func etag() throws {
        let feed = FeedState(body: Self.v1)
        let (folder, library, server, url) = try setUp(feed)
        _ = folder
        defer { server.stop() }
        let stored = try #require(try library.source(location: url))
        #expect(stored.kind == .url)
        #expect(stored.etag == "\"v1\"")
        #expect(stored.lastModified == "Mon, 01 Apr 2024 10:00:00 GMT")
        let before = try library.talks()

        let later = Instant(seconds: 1_900_000_000)
        let entries = try library.refresh(fetcher: SourceFetcher(), now: later)
        guard case .notModified = entries[0].outcome else { Issue.record("expected 304: \(entries[0].outcome)"); return }
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")
        #expect(server.requests.last?.headers["if-modified-since"] == "Mon, 01 Apr 2024 10:00:00 GMT")
        #expect(try library.talks() == before)
        #expect(try library.source(location: url)?.fetchedAt == later)

        feed.update(Self.v2)
        let changed = try library.refresh(fetcher: SourceFetcher())
        guard case .updated(let report) = changed[0].outcome else { Issue.record("expected an update: \(changed[0].outcome)"); return }
        #expect(report.updated == ["a@feed"])
        #expect(report.added == ["c@feed"])
        #expect(report.withdrawn == ["b@feed"])
        #expect(try library.talks().map(\.id) == ["a@feed", "c@feed"])
        #expect(try library.source(location: url)?.etag == "\"v2\"")
        #expect(try library.source(location: url)?.bytes == Array(Self.v2.utf8))
    }

    @Test("Last-Modified alone: If-Modified-Since is sent and a 304 honoured")
    func lastModified() throws {
        let feed = FeedState(body: Self.v1, useETag: false)
        let (folder, library, server, url) = try setUp(feed)
        _ = folder
        defer { server.stop() }
        #expect(try library.source(location: url)?.etag == nil)
        let entries = try library.refresh(fetcher: SourceFetcher())
        guard case .notModified = entries[0].outcome else { Issue.record("expected 304: \(entries[0].outcome)"); return }
        #expect(server.requests.last?.headers["if-modified-since"] == "Mon, 01 Apr 2024 10:00:00 GMT")
        #expect(server.requests.last?.headers["if-none-match"] == nil)
    }

    @Test("a server that answers 200 with the same bytes leaves the talks alone")
    func sameBytes() throws {
        let feed = FeedState(body: Self.v1, useETag: false, useLastModified: false)
        let (folder, library, server, _) = try setUp(feed)
        _ = folder
        defer { server.stop() }
        let entries = try library.refresh(fetcher: SourceFetcher())
        guard case .unchanged = entries[0].outcome else { Issue.record("expected unchanged: \(entries[0].outcome)"); return }
        #expect(server.requests.last?.headers["if-none-match"] == nil)
    }

    @Test("a talk removed by the attendee does not come back on refresh")
    func removedStaysOut() throws {
        let feed = FeedState(body: Self.v1)
        let (folder, library, server, _) = try setUp(feed)
        _ = folder
        defer { server.stop() }
        _ = try library.remove(talkIDs: ["a@feed"])
        feed.update(Self.v2)
        let entries = try library.refresh(fetcher: SourceFetcher())
        guard case .updated(let report) = entries[0].outcome else { Issue.record("expected an update"); return }
        #expect(report.skippedRemoved == ["a@feed"])
        #expect(try library.talks().map(\.id) == ["c@feed"])
    }

    @Test("a failing server keeps what is stored")
    func failure() throws {
        let feed = FeedState(body: Self.v1)
        let (folder, library, server, _) = try setUp(feed)
        _ = folder
        defer { server.stop() }
        let before = try dump(library)
        feed.failWith = 404
        let entries = try library.refresh(fetcher: SourceFetcher())
        guard case .failed(let error) = entries[0].outcome else { Issue.record("expected a failure"); return }
        #expect(error.message == "the server answered 404 not found; check the address")
        #expect(try dump(library) == before)
    }

    @Test("an unreachable address says so")
    func unreachable() throws {
        // A port that was just listened on and closed: nothing answers there.
        let server = try LocalHTTPServer { _ in .init(status: 200) }
        let url = server.baseURL + "/feed.ics"
        let port = server.port
        server.stop()
        #expect {
            try SourceFetcher().fetch(url)
        } throws: { error in
            (error as? FetchError)?.message == "could not connect to 127.0.0.1:\(port) (nothing answered there); check the address, or try again later"
        }
    }

    @Test("files are read again: same bytes are unchanged, new bytes replace, a missing file keeps what is stored")
    func files() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("feed.ics", Self.v1)
        let library = try Library.open(at: folder.file("library.sqlite"))
        _ = try library.apply(LibraryUpdate(documents: [try SourceFetcher().readFile(path)]))
        var entries = try library.refresh(fetcher: SourceFetcher())
        guard case .unchanged = entries[0].outcome else { Issue.record("expected unchanged"); return }
        try folder.write("feed.ics", Self.v2)
        entries = try library.refresh(fetcher: SourceFetcher())
        guard case .updated = entries[0].outcome else { Issue.record("expected an update"); return }
        try FileManager.default.removeItem(atPath: path)
        entries = try library.refresh(fetcher: SourceFetcher())
        guard case .failed(let error) = entries[0].outcome else { Issue.record("expected a failure"); return }
        #expect(error.message == "no such file")
        #expect(try library.talks().map(\.id) == ["a@feed", "c@feed"])
    }

    @Test("talkplan add URL, then talkplan refresh, through the real binary")
    func commandLine() throws {
        let feed = FeedState(body: Self.v1)
        let server = try LocalHTTPServer { feed.respond($0) }
        defer { server.stop() }
        let folder = try TemporaryFolder()
        let library = folder.file("library.sqlite")
        let url = server.baseURL + "/seminars.ics"
        let added = try Binary.run(["add", "--library", library, url])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "\(url): 2 new\n")
        let refreshed = try Binary.run(["refresh", "--library", library])
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        #expect(refreshed.stdout == "\(url): not modified\n")
        feed.update(Self.v2)
        let changed = try Binary.run(["refresh", "--library", library, "--json"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("\"outcome\": \"updated\""))
        feed.failWith = 500
        let failed = try Binary.run(["refresh", "--library", library])
        #expect(failed.status == 1)
        #expect(failed.stderr == "talkplan: \(url): the server answered 500 internal server error; the server has a problem; try again later; kept what was stored\n")
        let listed = try Binary.run(["list", "--library", library])
        #expect(listed.stdout.contains("A moved"))
    }
}
