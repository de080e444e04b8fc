import Testing
@testable import TalkplanExtract

/// Cutting a place at its comma bytes gives the parts that splitting its characters gives.
@Suite("comma parts over bytes agree with splitting characters")
struct CommaPartsFastPathTests {
    @Test("corpus lines and commas next to marks")
    func parts() {
        let texts = FastPathTests.lines + [
            ",", ",,", " , ", "a,b", "Ryerson 251, 1100 E 58th St, Chicago, IL 60637", ",\u{301}x, y", "a,\r\nb",
            "Santiago, CHILE", "75005 Paris, France ,", "Zürich, CH", "a ,, b ,",
        ]
        for text in texts {
            let general = text.split(separator: ",").map { $0.trimming(" ") }
            #expect(ZoneEvidenceFinder.commaParts(text) == general, "\(text.debugDescription)")
        }
    }
}
