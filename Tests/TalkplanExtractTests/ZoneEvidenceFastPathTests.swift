import Testing
@testable import TalkplanExtract

/// The byte paths of zone evidence reading agree with their scalar references.
@Suite("zone evidence on bytes")
struct ZoneEvidenceFastPathTests {
    @Test("tz IDs in a line")
    func identifierCandidates() {
        let lines = FastPathTests.lines + TokenFastPathTests.generated + [
            "Time zone: Europe/Paris", "America/Argentina/Buenos_Aires and US/Central.", "x/Europe/Paris", ".Europe/Paris",
            "Europe/", "/Paris", "Europe//Paris", "Asia/Tel_Aviv-ish/", "Évian Europe/Zürich", "Europe/Zurich/", "Etc/GMT-3",
            "Amérique/Santiago America/Santiago", "Pacific/Port_Moresby/x/y", "Canada/Eastern, Brazil/East; Chile/Continental",
        ]
        var found = 0
        for line in lines {
            let fast = ZoneEvidenceFinder.identifierCandidates(in: line)
            #expect(fast == ZoneEvidenceFinder.generalIdentifierCandidates(in: line), "\(line.debugDescription)")
            found += fast.count
        }
        #expect(found >= 12)
        #expect(ZoneEvidenceFinder.identifierCandidates(in: "Évian Europe/Zürich") == ["Europe/Z"])
    }
}
