import Foundation
import Testing
import TalkplanICalendar

/// Inputs the fuzzers found (Scripts/fuzz; the files are in Fuzz/Regressions/icalendar), each
/// with the property it broke.
@Suite("fuzzer findings: iCalendar")
struct ICalendarFuzzRegressionTests {
    /// Writing what was read and reading it again must give the same components.
    func roundTrips(_ bytes: [UInt8]) -> Bool {
        let document = ICalendarReader.read(bytes, file: "fuzz.ics")
        let written = ICalendarWriter(addsTimeZones: false).bytes(document.components)
        return ICalendarReader.read(written, file: "written.ics").components == document.components
    }

    @Test("a NUL inside a TZID parameter is dropped with a warning, and the file round-trips")
    func controlCharacterInParameter() throws {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/\0Paris:20240605T140000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let document = ICalendarReader.read(Array(text.utf8), file: "nul.ics")
        #expect(document.diagnostics.map(\.description) == [
            "nul.ics:4:14: warning: control character U+0000 in parameter TZID of DTSTART; dropped",
        ])
        #expect(document.events.first?.times?.zone.ianaIdentifier == "Europe/Paris")
        #expect(roundTrips(Array(text.utf8)))
    }

    @Test("a control character before an unquoted URI scheme does not change how the parameter reads")
    func controlCharacterBeforeScheme() {
        let text = "BEGIN:VEVENT\r\nORGANIZER;SENT-BY=\u{2}mailto:a@b.edu:mailto:c@b.edu\r\nEND:VEVENT\r\n"
        let document = ICalendarReader.read(Array(text.utf8), file: "ctl.ics")
        let organizer = document.components.first?.first("ORGANIZER")
        #expect(organizer?.parameters.first?.values == ["mailto:a@b.edu"])
        #expect(organizer?.value == "mailto:c@b.edu")
        #expect(roundTrips(Array(text.utf8)))
    }

    @Test("every saved fuzzer input reads, and round-trips")
    func savedInputs() throws {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/Regressions/icalendar")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.isEmpty)
        for file in files {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            #expect(roundTrips(bytes), "\(file)")
        }
    }
}
