import Testing
@testable import TalkplanExtract

/// Whitespace collapsing over bytes gives the text that collapsing scalar by scalar gives.
@Suite("whitespace collapsing over bytes agrees with the general path")
struct WhitespaceFastPathTests {
    /// Every Unicode whitespace scalar, and neighbours that are not whitespace.
    static let spaces = ["\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", " ", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{A1}",
                         "\u{1680}", "\u{1681}", "\u{2000}", "\u{2005}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}",
                         "\u{202F}", "\u{205F}", "\u{2060}", "\u{3000}", "\u{3001}", "\u{FEFF}", "\u{180E}"]

    @Test("corpus lines and every whitespace scalar")
    func collapse() {
        var texts = FastPathTests.lines
        for space in Self.spaces {
            texts += [space, "a" + space + "b", space + "é" + space + space + "x" + space, "Zürich" + space + " \u{1F600}"]
        }
        for text in texts {
            #expect(text.collapsingWhitespace() == text.generalCollapsingWhitespace(), "\(text.debugDescription)")
            let slice = text.dropFirst()
            #expect(slice.collapsingWhitespace() == slice.generalCollapsingWhitespace(), "\(text.debugDescription)")
        }
    }
}
