import Foundation
import Testing
@testable import TalkplanExtract

/// The HTML reducer read over bytes gives exactly the lines the scalar-by-scalar reducer gives,
/// on every input of the corpus and examples (HTML or not) and on pages built to reach every state:
/// entities, comments, script and style, JSON-LD, links, tables, `<pre>`, quotes in tags, non-ASCII text.
@Suite("HTML reducer over bytes agrees with the general reducer")
struct HTMLTextFastPathTests {
    /// The texts of the corpus, the test folder, the examples and the seeds.
    static let texts = TestTexts.read([TestTexts.corpus, TestTexts.folder, TestTexts.examples, TestTexts.seeds])

    /// Pages written to reach the reducer's corners.
    static let pages: [String] = [
        "<p>Jeudi&nbsp;4 avril</p><p>14h00</p>",
        "<!DOCTYPE html><html><head><title>Séminaire</title><style>p { color: red }</style></head><body>\n<h1>Titre</h1>",
        "<div class=\"talk\"><p><b>Orateur :</b> Personne 1 (Université 2)</p>\n<p><b>Date :</b> Jeudi 4 mars 2024, 14h00&nbsp;-&nbsp;15h00</p></div>",
        "<a href=\"https://zoom.us/j/1?a=1&amp;b=2\">Join</a> <a href='http://x.org/y'>http://x.org/y</a> <a href=/rel>rel</a>",
        "<A HREF=\"HTTPS://Zoom.us/J/2\">Join <b>now</b></a></A>",
        "<!-- a comment -- with dashes --> text <!--> still comment --> after <!---->x",
        "<script>if (a < b && c > d) { x = '</p>' }</script>kept<script >y</script\n>z",
        "<script type=\"application/ld+json\">{\"@type\": \"Event\", \"name\": \"Talk\", \"startDate\": \"2024-04-04T14:00:00+02:00\"}</script>",
        "<script type=\"application/ld+json\">\n{\"x\": 1}\n  second line\n</SCRIPT>after",
        "<table><tr><th>Date</th><td>4 avril</td><td>14h</td></tr><tr><td>x</td></tr></table>",
        "<pre>line one\n  line two\n</pre>after <PRE>a\nb</pre>",
        "<p title=\"a > b\" data-x='c \" d'>quoted</p><p title=\"multi\nline\">x</p>",
        "&#233;t&#xE9; &#X41; &#150; &#0; &#x110000; &#; &#x; &amp &ampx &unknown; &eacute &Eacute; &NonBreakingSpace;x",
        "&" + String(repeating: "a", count: 40) + "; &é; &aé; &#12345678901; &nbsp",
        "a < b, c <3, d <é> e <\u{301}x> <1> <> < / > </> <!> <?xml version=\"1.0\"?>",
        "Zürich – Straße — 12:30\u{202F}pm\u{A0}CET\u{2003}x\u{3000}y",
        "<noscript><p>hidden</p></noscript><template><p>hidden</p></template>shown",
        "<style\ntype=\"text/css\">a{}</style >b",
        "<br><br/>x<li>one<li>two<hr>y<dt>t<dd>d",
        "<span>unterminated <b attr=\"never closed>\nnext line\nthird",
        "<script>never closed\nsecond",
        "<!-- never closed\nsecond",
        "\u{FEFF}<html>\u{FFFD}é\u{1F600}<p>\u{1F600}&#x1F600;</p>",
        String(repeating: "word ", count: 2_000) + "<p>after</p>",
        String(repeating: "<b>x</b>", count: 1_200),
        "<a href=\"https://a.b/" + String(repeating: "c", count: 5_000) + "\">x</a>",
        "<p\u{301}>x</p\u{301}> </\u{301}p> <!\u{301}x> <?\u{301}> <P1>y</H2 > <Dİv>z</dİv> <TD>c<Th>d <TABLE><Td>e",
        "<" + String(repeating: "p", count: 5_000) + ">x<br" + String(repeating: " a", count: 3_000) + ">y",
        "<p>" + String(repeating: "x", count: 20_000) + " " + String(repeating: "yz", count: 4_095) + " w" + String(repeating: "é", count: 9_000),
        String(repeating: "a", count: 8_191) + " bc" + String(repeating: "d", count: 8_190) + "&amp;e",
        "&" + String(repeating: "a", count: 32) + "é &" + String(repeating: "b", count: 31) + "é; &eacuteé &Eacute1; &nbsp9 &#x2F;é &#12é &#xé",
        "<b>a</b>\u{A0}<i>b</i>\u{2003}c\u{85}d\u{1680}e\u{3000}f\u{E9}\u{2019}g &#8217;&#xa0;&#133;",
        "<p class='a\"b'>x</p><p class=\"a'b\">y</p><p a=\"é>\">z</p><p é=\"1\">w</p>",
    ]

    /// References read on bytes give what the window of scalars gives.
    @Test("character references")
    func references() {
        var texts = ["&", "&;", "&#", "&#;", "&#x", "&#X1F600;", "&#1234567890", "&#x110000;", "&#150;", "&#x80", "&#159;x",
                     "&amp", "&amp;", "&ampx", "&AMP;", "&nbsp9", "&eacute;", "&eacuteé", "&aé;", "&é", "&NonBreakingSpace;",
                     "&" + String(repeating: "a", count: 32) + "é", "&" + String(repeating: "a", count: 31) + "é;",
                     "&" + String(repeating: "z", count: 40), "&hellip;\u{301}", "&#65\u{301}", "&lt\u{301};"]
        for page in Self.pages { texts += page.split(separator: "&").map { "&" + $0.prefix(50) } }
        for text in texts {
            var copy = text
            copy.withUTF8 { bytes in
                let fast = HTMLText.Reducer.reference(bytes, at: 0)
                let general = HTMLText.Reducer.generalReference(bytes, at: 0)
                #expect(fast?.0 == general?.0 && fast?.1 == general?.1, "\(text.debugDescription)")
            }
        }
    }

    /// The lines the reducer gives, with their source lines.
    static func describe(_ lines: [TextLine]) -> [String] {
        lines.map { "\($0.sourceLine) \($0.text)" }
    }

    @Test("corpus and examples")
    func corpus() {
        for text in Self.texts {
            let lines = TextLines.split(text)
            #expect(Self.describe(HTMLText.reduce(lines, overBytes: true)) == Self.describe(HTMLText.reduce(lines, overBytes: false)),
                    "\(text.prefix(200).debugDescription)")
        }
    }

    @Test("pages and variations")
    func pages() {
        var texts = Self.pages
        for page in Self.pages {
            texts.append(page.uppercased())
            texts.append(page.replacingOccurrences(of: " ", with: "\n"))
            texts.append(page.replacingOccurrences(of: "\n", with: "\r\n"))
            texts.append(page.replacingOccurrences(of: "e", with: "é"))
            texts.append(page.replacingOccurrences(of: ">", with: " >"))
            texts.append(page.replacingOccurrences(of: "&", with: "&amp;&"))
        }
        // Every page cut at every position of its first 300 characters: states left open at a line's end.
        for page in Self.pages.prefix(23) + Self.pages[26..<28] + Self.pages.suffix(3) {
            for cut in 1..<min(page.count, 300) {
                let index = page.index(page.startIndex, offsetBy: cut)
                texts.append(String(page[..<index]) + "\n" + String(page[index...]))
            }
        }
        for text in texts {
            let lines = TextLines.split(text)
            #expect(Self.describe(HTMLText.reduce(lines, overBytes: true)) == Self.describe(HTMLText.reduce(lines, overBytes: false)),
                    "\(text.prefix(200).debugDescription)")
        }
    }
}
