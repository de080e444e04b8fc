import Foundation
import TalkplanTime
import Testing
@testable import TalkplanExtract

/// The announcement corpus (`Corpus/`): announcements written in the styles of real ones, with
/// the talks they hold in `Corpus/manifest.json`. The expected instants were computed by
/// `Corpus/compute_expected.py` with Python's zoneinfo on the pinned tz files, never copied from
/// talkplan's output.
@Suite("announcement corpus")
struct CorpusTests {
    struct ExpectedTalk: Decodable, Sendable {
        var local: String
        var start: String
        var end: String?
        var zone: String?
        var mode: String?
        var title: String?
        var speaker: String?
        var warnings: [String]?
        var not_warnings: [String]?
        var end_estimated: Bool?
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var options: [String: String]
        var talks: [ExpectedTalk]
        var testDescription: String { file }
    }

    struct Manifest: Decodable {
        var cases: [Case]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static var cases: [Case] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("manifest.json")),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else { return [] }
        return manifest.cases
    }

    @Test("the corpus has at least 40 announcements")
    func size() {
        #expect(Self.cases.count >= 40)
    }

    @Test("corpus announcement", arguments: cases)
    func announcement(_ testCase: Case) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(testCase.file)))
        var options = ExtractionOptions()
        if let reference = testCase.options["reference-date"] { options.referenceDate = try PlainDate(iso8601: reference) }
        if let zone = testCase.options["default-zone"] { options.defaultZone = try Zone(zone) }
        let result = Extractor.extract(AnnouncementInput(name: testCase.file, bytes: bytes), options: options)
        let talks = result.talks
        #expect(talks.count == testCase.talks.count, "\(testCase.file): \(talks.map { "\($0.start)" })")
        for expected in testCase.talks {
            guard let talk = talks.first(where: { $0.start.description == expected.start }) else {
                Issue.record("\(testCase.file): no talk starting \(expected.start) (\(expected.local)); got \(talks.map { "\($0.start) \($0.warnings)" })")
                continue
            }
            if let end = expected.end { #expect(talk.end.description == end, "\(testCase.file): end") }
            if let estimated = expected.end_estimated { #expect(talk.endEstimated == estimated, "\(testCase.file): endEstimated") }
            #expect(talk.zone?.identifier == expected.zone, "\(testCase.file): zone")
            if let mode = expected.mode { #expect(talk.mode.rawValue == mode, "\(testCase.file): mode") }
            if let title = expected.title {
                #expect(talk.title?.lowercased().contains(title.lowercased()) == true, "\(testCase.file): title \(talk.title ?? "nil")")
            }
            if let speaker = expected.speaker {
                #expect(talk.speaker?.lowercased().contains(speaker.lowercased()) == true, "\(testCase.file): speaker \(talk.speaker ?? "nil")")
            }
            for warning in expected.warnings ?? [] {
                #expect(talk.warnings.contains { $0.contains(warning) }, "\(testCase.file): no warning with \"\(warning)\" in \(talk.warnings)")
            }
            for warning in expected.not_warnings ?? [] {
                #expect(!talk.warnings.contains { $0.contains(warning) }, "\(testCase.file): unexpected warning with \"\(warning)\" in \(talk.warnings)")
            }
            // Every warning is lower-case apart from the values it quotes: it starts lower-case.
            for warning in talk.warnings {
                #expect(warning.first.map { !$0.isUppercase } ?? false, "\(testCase.file): warning starts upper-case: \(warning)")
            }
        }
    }
}
