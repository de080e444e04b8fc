import TalkplanTime
import Testing
@testable import TalkplanExtract

/// The zone of a talk comes from the strongest evidence, and every inference is a warning.
@Suite("zone evidence")
struct ZoneEvidenceTests {
    func talk(_ text: String, options: ExtractionOptions = ExtractionOptions()) throws -> Talk {
        let result = TextTalkReader.read(AnnouncementInput(name: "notice.txt", bytes: Array(text.utf8)), options: options)
        return try #require(result.talks.first, "no talk in \(text)")
    }

    @Test("an IANA ID in the text is taken without a warning")
    func identifier() throws {
        let found = try talk("Thursday 4 Apr 2024, 14:00 → 15:30 Europe/Zurich\nRoom 4/2-011, CERN")
        #expect(found.zone?.identifier == "Europe/Zurich")
        #expect(found.start.description == "2024-04-04T12:00:00Z")
        #expect(!found.warnings.contains { $0.contains("inferred") })
    }

    @Test("an abbreviation is read with the place: CET in Lausanne is Europe/Zurich")
    func abbreviationAndPlace() throws {
        let found = try talk("Date: Monday 4 March 2024, 10:15 CET\nPlace: BC 420, EPFL, 1015 Lausanne")
        #expect(found.zone?.identifier == "Europe/Zurich")
        #expect(found.warnings.contains { $0.contains("Europe/Zurich") && $0.contains("CET") })
    }

    @Test("IST is Israel with an Israeli context, and ambiguous without one")
    func ist() throws {
        let israel = try talk("When: Thursday, March 28, 2024 at 11:00 IST\nWhere: Weizmann Institute of Science, Rehovot")
        #expect(israel.zone?.identifier == "Asia/Jerusalem")
        #expect(israel.start.description == "2024-03-28T09:00:00Z")
        let bare = try talk("When: Thursday, March 28, 2024 at 11:00 IST")
        #expect(bare.warnings.contains { $0.contains("\"IST\" is ambiguous") && $0.contains("Asia/Kolkata") })
    }

    @Test("an explicit offset is kept as a fixed offset unless a place has that offset")
    func offsets() throws {
        let fixed = try talk("Viernes 15 de noviembre de 2024, 10:00 (GMT-3)")
        #expect(fixed.zone == nil)
        #expect(fixed.localStart.description == "2024-11-15T10:00:00-03:00")
        let placed = try talk("Viernes 15 de noviembre de 2024, 10:00 (GMT-3), Valparaíso, Chile")
        #expect(placed.zone?.identifier == "America/Santiago")
    }

    @Test("the email's Date header is weak evidence, --default-zone the last resort")
    func header() throws {
        let email = "From: a@example.org\nSubject: Seminar\nDate: Tue, 5 Mar 2024 09:12:33 -0500\n\nWhen: Thursday, March 7, 2024, 3:00 pm\n"
        let fromHeader = try talk(email)
        #expect(fromHeader.zone == nil)
        #expect(fromHeader.localStart.description == "2024-03-07T15:00:00-05:00")
        #expect(fromHeader.warnings.contains { $0.contains("-05:00") && $0.contains("date header") })
        var options = ExtractionOptions()
        options.defaultZone = try Zone("America/New_York")
        let withDefault = try talk(email, options: options)
        #expect(withDefault.zone?.identifier == "America/New_York")
        let archive = try talk("Seminar\nWed Dec 6 08:00:00 CST 2023\nWhen: Thursday, December 7, 2023 at 4 pm\n")
        #expect(archive.zone?.identifier == "America/Chicago")
        #expect(archive.warnings.contains { $0.contains("\"CST\"") })
        let nothing = try talk("When: Thursday, December 7, 2023 at 4 pm\n")
        #expect(nothing.zone == nil)
        #expect(nothing.warnings.contains { $0.contains("read as utc") })
    }

    @Test("two different times for one talk are reported; the same instant in two zones is not")
    func crossCheck() throws {
        let same = try talk("When: Thursday, March 21, 2024, 11:00 AM CT (17:00 CET)")
        #expect(!same.warnings.contains { $0.contains("two different times") })
        let different = try talk("When: Thursday, March 14, 2024 at 10:00 ET / 16:00 CET")
        #expect(different.warnings.contains { $0.contains("two different times") && $0.contains("16:00") })
        #expect(different.zone?.identifier == "America/New_York")
    }

    @Test("wall times in a gap or a fold are read as compatible, with a warning")
    func gapsAndFolds() throws {
        let gap = try talk("When: Sunday, March 10, 2024, 2:30 AM CT")
        #expect(gap.start.description == "2024-03-10T08:30:00Z")
        #expect(gap.warnings.contains { $0.contains("does not exist in America/Chicago") })
        let fold = try talk("Sábado 6 de abril de 2024, 23:30 hrs, Santiago, Chile")
        #expect(fold.start.description == "2024-04-07T02:30:00Z")
        #expect(fold.warnings.contains { $0.contains("ambiguous in America/Santiago") })
    }
}
