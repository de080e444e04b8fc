import Foundation
import Testing
import TalkplanICalendar
import TalkplanTime

/// One expected VEVENT of the corpus (see `CorpusExpectations.swift`).
struct CorpusExpectation: Sendable, CustomTestStringConvertible {
    let file: String
    let index: Int
    let start: String
    let end: String
    let zone: String?
    var allDay = false
    var endEstimated = false
    var warned = false

    init(_ file: String, _ index: Int, start: String, end: String, zone: String?,
         allDay: Bool = false, endEstimated: Bool = false, warned: Bool = false) {
        self.file = file
        self.index = index
        self.start = start
        self.end = end
        self.zone = zone
        self.allDay = allDay
        self.endEstimated = endEstimated
        self.warned = warned
    }

    var testDescription: String { "\(file) #\(index)" }
}

/// The corpus files and seeds, read from the source tree.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    /// Every `.ics` file of the corpus, sorted.
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".ics") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func seed(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: seeds.appendingPathComponent(name)))
    }

    static func read(_ name: String, options: ICalendarReadOptions = ICalendarReadOptions()) throws -> ICalendarDocument {
        ICalendarReader.read(try bytes(name), file: name, options: options)
    }
}

extension ICalendarComponent {
    /// The component with every source location removed (for comparing what was read twice).
    var withoutLocations: ICalendarComponent {
        var copy = self
        copy.location = nil
        copy.properties = properties.map {
            var property = $0
            property.location = nil
            property.valueLocation = nil
            return property
        }
        copy.components = components.map(\.withoutLocations)
        return copy
    }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A CRLF calendar around the given lines.
func calendarText(_ lines: [String]) -> String {
    (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"] + lines + ["END:VCALENDAR"]).joined(separator: "\r\n") + "\r\n"
}
