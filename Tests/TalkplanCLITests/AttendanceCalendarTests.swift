import Foundation
import Testing

/// The personal calendar `talkplan plan --ics` writes reads back into talkplan with the same instants.
@Suite("attendance calendar round trip")
struct AttendanceCalendarTests {
    @Test("plan --ics, then extract: the selected talks come back at identical instants")
    func roundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talkplan-ics-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ics = folder.appendingPathComponent("plan.ics").path
        let environment: [String: String?] = ["XDG_DATA_HOME": folder.path, "XDG_CONFIG_HOME": folder.path, "SOURCE_DATE_EPOCH": "1700000000", "TALKPLAN_LIBRARY": nil]
        for from in ["2024-11-04", "2025-03-24"] {
            let plan = try GoldenTests.run(["plan", "--json", "--tz", "America/Chicago", "--from", from, "--awake", "05:00-23:00",
                                            "--ics", ics, "Examples/"], input: "", environment: environment)
            #expect(plan.status == 0, "\(plan.stderr)")
            let planned = try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [[String: Any]] ?? []
            let selected = planned.filter { $0["selected"] as? Bool == true }
                .map { "\($0["start"] as? String ?? "")/\($0["end"] as? String ?? "")" }.sorted()
            #expect(selected.count >= 3)
            let extract = try GoldenTests.run(["extract", "--json", ics], input: "", environment: environment)
            #expect(extract.status == 0, "\(extract.stderr)")
            let talks = try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [[String: Any]] ?? []
            let read = talks.map { "\($0["start"] as? String ?? "")/\($0["end"] as? String ?? "")" }.sorted()
            #expect(read == selected)
            // Writing again gives the same file (stable UIDs, fixed DTSTAMP): calendar apps update, not duplicate.
            let first = try String(contentsOfFile: ics, encoding: .utf8)
            _ = try GoldenTests.run(["plan", "--tz", "America/Chicago", "--from", from, "--awake", "05:00-23:00", "--ics", ics, "Examples/"],
                                    input: "", environment: environment)
            #expect(try String(contentsOfFile: ics, encoding: .utf8) == first)
        }
    }
}
