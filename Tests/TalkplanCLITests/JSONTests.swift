import Foundation
import Testing
@testable import TalkplanCLI

/// The JSON writer against Foundation's JSON reader, the independent side here.
@Suite("JSON output")
struct JSONTests {
    @Test("escapes are the ones JSON requires, plus U+007F, U+2028 and U+2029")
    func escapes() {
        let text = "a\"b\\c\nd\re\tf\u{01}g\u{7F}h\u{2028}i\u{2029}j é 😀 \u{E2}"
        #expect(JSON.string(text).serialized()
            == #""a\"b\\c\nd\re\tf\u0001g\u007fh\u2028i\u2029j é 😀 â""#)
        #expect(JSON.string("").serialized() == #""""#)
        #expect(JSON.string("plain").serialized() == #""plain""#)
    }

    @Test("random strings written and read back by Foundation are unchanged")
    func roundTrip() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}",
                      "€", "é", "e\u{301}", "😀", "/", " "]
        for _ in 0..<2_000 {
            let text = (0..<next(20)).map { _ in pieces[next(pieces.count)] }.joined()
            for pretty in [true, false] {
                let written = JSON.array([.string(text), .object([(text, .int(1))])]).serialized(pretty: pretty)
                let read = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [Any]
                #expect(read?.first as? String == text, "\(text.debugDescription)")
                #expect((read?.last as? [String: Int])?[text] == 1)
            }
        }
    }
}
