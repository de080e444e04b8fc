import Foundation
import TalkplanTime
import Testing
@testable import TalkplanExtract

/// The three text seeds (copies of real announcements) give what `Tests/Fixtures/seeds/expected.json` says,
/// compared as the acceptance checker compares them, plus the details the checker does not look at.
@Suite("text seeds")
struct SeedTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    static func extract(_ name: String, reference: String? = nil) throws -> [Talk] {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        var options = ExtractionOptions()
        if let reference { options.referenceDate = try PlainDate(iso8601: reference) }
        return Extractor.extract(AnnouncementInput(name: name, bytes: bytes), options: options).talks
    }

    @Test("every text seed matches expected.json", arguments: ["jerusalem-physics-page.txt", "ttic-mailing-list.txt", "cmm-chile-seminar.txt"])
    func expected(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("expected.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let want = try #require(all[name] as? [[String: Any]])
        let reference = want.compactMap { $0["reference-date"] as? String }.first
        let talks = try Self.extract(name, reference: reference)
        #expect(talks.count == want.count)
        for expected in want {
            let start = try #require(expected["start"] as? String)
            let talk = try #require(talks.first { $0.start.description == start }, "no talk starting \(start)")
            if let end = expected["end"] as? String { #expect(talk.end.description == end) }
            if let zone = expected["zone"] as? String { #expect(talk.zone?.identifier == zone) }
            if let mode = expected["mode"] as? String { #expect(talk.mode.rawValue == mode) }
            if expected["warned"] as? Bool == true { #expect(!talk.warnings.isEmpty) }
            if let title = expected["title_contains"] as? String { #expect(talk.title?.lowercased().contains(title.lowercased()) == true) }
            if let speaker = expected["speaker_contains"] as? String { #expect(talk.speaker?.lowercased().contains(speaker.lowercased()) == true) }
        }
    }

    @Test("jerusalem: the calendar block's 19:00 is kept, the invitation's 04:00 PM is reported")
    func jerusalem() throws {
        let talk = try #require(try Self.extract("jerusalem-physics-page.txt").first)
        #expect(talk.localStart.description == "2021-05-04T19:00:00+03:00")
        #expect(talk.source.line == 8)
        #expect(talk.location == nil)
        #expect(talk.online.first == "https://huji.zoom.us/j/89708006582pwd=QjgvR2hPSitWOHh2eWI2VEVjZ0hOUT09")
        #expect(talk.warnings.contains { $0.hasPrefix("two different times") && $0.contains("19:00") && $0.contains("16:00") })
        #expect(!talk.warnings.contains { $0.contains("inferred") })
    }

    @Test("ttic: CT is Chicago, no end given")
    func ttic() throws {
        let talk = try #require(try Self.extract("ttic-mailing-list.txt").first)
        #expect(talk.endEstimated)
        #expect(talk.source.line == 5)
        #expect(talk.location == "TTIC, 6045 S. Kenwood Avenue, 5th Floor, Room 530")
        #expect(talk.warnings.contains { $0.contains("America/Chicago") && $0.contains("\"CT\"") })
        #expect(talk.title == "Feature Learning in Infinite-Depth Neural Networks")
    }

    @Test("chile: two talks on one date, in the order they appear")
    func chile() throws {
        let talks = try Self.extract("cmm-chile-seminar.txt", reference: "2026-11-22")
        #expect(talks.map(\.speaker) == ["Javier Maass (CMM)", "Arie Worstman (ENS Paris)"])
        #expect(talks.map(\.source.line) == [35, 19])
        #expect(talks.allSatisfy { $0.warnings.contains { $0.contains("year 2024 inferred") } })
        #expect(talks.allSatisfy { $0.location == "sala Multimedia CMM, Beauchef 851, Torre Piso 6" })
        #expect(Set(talks.map(\.id)).count == 2)
    }

    @Test("ids are stable across runs and paths")
    func stableIDs() throws {
        let first = try Self.extract("ttic-mailing-list.txt").map(\.id)
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent("ttic-mailing-list.txt")))
        let elsewhere = Extractor.extract(AnnouncementInput(name: "/tmp/other/ttic-mailing-list.txt", bytes: bytes),
                                          options: ExtractionOptions()).talks.map(\.id)
        #expect(first == elsewhere)
        #expect(first.first?.count == 16)
    }
}
