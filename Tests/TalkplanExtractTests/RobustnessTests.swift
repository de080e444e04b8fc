import Foundation
import TalkplanTime
import Testing
@testable import TalkplanExtract

/// No input crashes or hangs the text reader, and its time grows linearly with the input.
@Suite("robustness and scale")
struct RobustnessTests {
    /// SplitMix64: the same bytes on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func read(_ text: String, _ name: String = "input.txt") -> ExtractionResult {
        TextTalkReader.read(AnnouncementInput(name: name, bytes: Array(text.utf8)), options: ExtractionOptions())
    }

    @Test("random bytes and hostile shapes are read without crashing")
    func hostile() {
        var generator = Generator(state: 42)
        for _ in 0..<50 {
            let count = Int.random(in: 0..<4000, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = TextTalkReader.read(AnnouncementInput(name: "random", bytes: bytes), options: ExtractionOptions())
        }
        let alphabet = Array("0123456789:/.-–hH amp PMCTUTC+()[]<>&;#=?\n,Jeudi mars Miércoles de 2024 Zoom https://")
        for _ in 0..<50 {
            let text = String((0..<3000).map { _ in alphabet.randomElement(using: &generator)! })
            _ = read(text)
        }
        let shapes = [
            String(repeating: "<", count: 100_000),
            String(repeating: "&#", count: 50_000),
            String(repeating: "=?UTF-8?Q?", count: 20_000),
            "Content-Type: multipart/mixed; boundary=a\nFrom: x@y.z\n\n" + String(repeating: "--a\nContent-Type: multipart/mixed; boundary=a\n\n", count: 2_000),
            String(repeating: "12:00 - ", count: 30_000),
            String(repeating: "Speaker: A\nTitle: B\n", count: 5_000),
            String(repeating: "Jeudi 4 avril 2024 à 14h, ", count: 10_000),
            String(repeating: "9", count: 200_000),
            "Subject: " + String(repeating: "=?x?B?", count: 10_000) + "\nFrom: a@b\n\nbody",
            String(repeating: "a/b/", count: 50_000),
            String(repeating: "\r", count: 100_000),
        ]
        for shape in shapes {
            let start = ContinuousClock.now
            _ = read(shape)
            #expect(ContinuousClock.now - start < .seconds(20))
        }
    }

    /// One announcement of a synthetic mailbox.
    static func message(_ index: Int) -> String {
        let day = index % 28 + 1
        let hour = 9 + index % 8
        return """
        From seminars@math.example.edu Mon Jan 15 09:00:00 2024
        From: Seminars <seminars@math.example.edu>
        To: everyone@math.example.edu
        Subject: Seminar \(index): Speaker \(index)
        Date: Mon, \(day) Jan 2024 09:00:00 -0600
        Message-ID: <seminar-\(index)@math.example.edu>

        Speaker: Speaker \(index) (University \(index % 17))
        Title: Results number \(index) on random structures
        When: Tuesday, January \(day), 2024, \(hour):00 - \(hour):45 CT
        Where: Ryerson 251, 1100 E 58th St, Chicago, IL 60637
        Zoom: https://uchicago.zoom.us/j/9\(100_000_000 + index)

        Abstract: We study a model of random structures and prove that its \(index) phases are
        separated by sharp transitions. Joint work with several coauthors, see arXiv:2401.\(10_000 + index % 9_000).


        """
    }

    @Test("a large mailbox is read in linear time")
    func linear() {
        let small = (0..<200).map(Self.message).joined()
        let large = (0..<800).map(Self.message).joined()
        let smallStart = ContinuousClock.now
        let smallResult = read(small, "small.mbox")
        let smallTime = ContinuousClock.now - smallStart
        let largeStart = ContinuousClock.now
        let largeResult = read(large, "large.mbox")
        let largeTime = ContinuousClock.now - largeStart
        #expect(smallResult.talks.count == 200)
        #expect(largeResult.talks.count == 800)
        // Four times the input, about four times the time (generous for a shared machine).
        #expect(largeTime < smallTime * 8 + .milliseconds(500), "200 messages: \(smallTime), 800: \(largeTime)")
    }

    @Test("one huge notice with thousands of talks stays linear")
    func hugeNotice() {
        var text = "Seminar programme, Room 5, Paris\n\n"
        for index in 0..<3_000 {
            text += "Speaker: Person \(index)\nTitle: Talk \(index)\nDate: \(index % 28 + 1) March 2024, 14h00 - 15h00\n\n"
        }
        let start = ContinuousClock.now
        let result = read(text)
        #expect(result.talks.count >= 28)
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test("an input without talks gives a warning, not an error")
    func nothing() {
        let result = read("Hello,\nno seminar this week.\n")
        #expect(result.talks.isEmpty)
        #expect(!result.hasErrors)
        #expect(result.diagnostics.first?.message == "no talk found: no date with a time of day")
    }
}
