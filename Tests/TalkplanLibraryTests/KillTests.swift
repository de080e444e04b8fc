import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TalkplanLibrary

@Suite("an import killed midway")
struct KillTests {
    @Test("SIGKILL inside the import transaction leaves the library exactly as it was")
    func killedImport() throws {
        let folder = try TemporaryFolder()
        let library = folder.file("library.sqlite")
        let first = try folder.write("first.ics", Fixtures.calendar([(uid: "a@x", sequence: 0, start: "20240404T100000Z", summary: "First talk")]))
        let added = try Binary.run(["add", "--library", library, first])
        #expect(added.status == 0, "\(added.stderr)")
        let before = try dump(try Library.open(at: library))

        // A second feed: one new talk, and a newer version of the first.
        let second = try folder.write("second.ics", Fixtures.calendar([
            (uid: "a@x", sequence: 1, start: "20240405T100000Z", summary: "First talk, moved"),
            (uid: "b@x", sequence: 0, start: "20240406T100000Z", summary: "Second talk"),
        ]))
        let marker = folder.file("inside-transaction")
        let started = try Binary.start(["add", "--library", library, second], environment: ["TALKPLAN_TEST_IMPORT_PAUSE": marker])
        // Wait until the import has written everything but not committed, then kill it.
        var waited = 0
        while !FileManager.default.fileExists(atPath: marker), waited < 600 {
            usleep(50_000)
            waited += 1
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the import never reached its transaction")
        kill(started.0.processIdentifier, SIGKILL)
        started.0.waitUntilExit()
        #expect(started.0.terminationReason == .uncaughtSignal)

        let after = try Library.open(at: library)
        #expect(try dump(after) == before)
        #expect(try after.talks().map(\.id) == ["a@x"])
    }
}
