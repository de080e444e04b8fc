import Foundation
import Testing
@testable import TalkplanLibrary

@Suite("two talkplan processes writing at once")
struct ConcurrencyTests {
    /// A feed of `count` talks with UIDs `prefix-N@x`.
    private func feed(_ prefix: String, count: Int) -> String {
        Fixtures.calendar((0..<count).map { index in
            let day = 1 + index % 28
            return (uid: "\(prefix)-\(index)@x", sequence: 0,
                    start: "202405\(day < 10 ? "0" : "")\(day)T\(10 + index % 8)0000", summary: "\(prefix) talk \(index)")
        })
    }

    @Test("two adds at once on a new library both succeed", arguments: 0..<3)
    func twoAdds(round: Int) throws {
        let folder = try TemporaryFolder()
        let library = folder.file("shared/library.sqlite")
        let first = try folder.write("first.ics", feed("first", count: 300))
        let second = try folder.write("second.ics", feed("second", count: 300))
        let a = try Binary.start(["add", "--library", library, first])
        let b = try Binary.start(["add", "--library", library, second])
        let resultA = Binary.finish(a)
        let resultB = Binary.finish(b)
        #expect(resultA.status == 0, "\(resultA.stderr)")
        #expect(resultB.status == 0, "\(resultB.stderr)")
        #expect(resultA.stdout.hasSuffix("first.ics: 300 new\n"))
        #expect(resultB.stdout.hasSuffix("second.ics: 300 new\n"))
        let opened = try Library.open(at: library)
        #expect(try opened.talks().count == 600)
        #expect(try opened.sources().count == 2)
    }

    @Test("four adds at once while the library is being created all succeed")
    func fourAdds() throws {
        let folder = try TemporaryFolder()
        let library = folder.file("library.sqlite")
        var started: [(Process, Pipe, Pipe)] = []
        for name in ["a", "b", "c", "d"] {
            let path = try folder.write("\(name).ics", feed(name, count: 50))
            started.append(try Binary.start(["add", "--library", library, path]))
        }
        for result in started.map(Binary.finish) { #expect(result.status == 0, "\(result.stderr)") }
        #expect(try Library.open(at: library).talks().count == 200)
    }

    @Test("two adds of the same feed at once leave one copy")
    func sameFeed() throws {
        let folder = try TemporaryFolder()
        let library = folder.file("library.sqlite")
        let path = try folder.write("feed.ics", feed("same", count: 200))
        let a = try Binary.start(["add", "--library", library, path])
        let b = try Binary.start(["add", "--library", library, path])
        let results = [Binary.finish(a), Binary.finish(b)]
        for result in results { #expect(result.status == 0, "\(result.stderr)") }
        let opened = try Library.open(at: library)
        #expect(try opened.talks().count == 200)
        #expect(try opened.sources().count == 1)
    }

    @Test("a reader and a writer at once")
    func listWhileAdding() throws {
        let folder = try TemporaryFolder()
        let library = folder.file("library.sqlite")
        let first = try folder.write("first.ics", feed("first", count: 100))
        #expect(try Binary.run(["add", "--library", library, first]).status == 0)
        let second = try folder.write("second.ics", feed("second", count: 300))
        let writer = try Binary.start(["add", "--library", library, second])
        let reader = try Binary.start(["list", "--library", library, "--json"])
        let (written, read) = (Binary.finish(writer), Binary.finish(reader))
        #expect(written.status == 0, "\(written.stderr)")
        #expect(read.status == 0, "\(read.stderr)")
        let count = read.stdout.components(separatedBy: "\"id\": ").count - 1
        #expect(count == 100 || count == 400)
    }
}
