import Foundation
import Testing
@testable import TalkplanExtract

/// The byte-level fast paths of the text reader give exactly what the general, scalar-by-scalar
/// paths give, on every line of the corpus and seeds and on variations of them.
@Suite("fast paths agree with the general paths")
struct FastPathTests {
    /// Every line of the corpus and seeds, with variations: upper case, markup, no-break spaces,
    /// typographic dashes and apostrophes, accents, carriage returns, long lines.
    static let lines: [String] = {
        let texts = TestTexts.read([TestTexts.corpus, TestTexts.folder])
        var lines: [String] = []
        for text in texts { lines += TextLines.split(text).map(\.text) }
        lines += [
            "Title: x", "Titre : Exposé", "  Speaker  2 : Jane", "Résumé : nous", "Speaker", "Speaker:", "*Who:* Jane Doe",
            "Date\u{A0}: 4 avril", "When:\u{A0}x\u{A0}", "Lieu \u{2013} salle 5", "– Speaker: a –", "Where:\u{2022} Room 5",
            "Orador： Javier", "Date : Jeudi 4 avril 2024, 14h00\u{A0}-\u{A0}15h00", "Time zone", "TIME ZONE:", "Speaker 12",
            "Who's talking: me", "Date & Time: Tuesday", "Date/Time:", "Speaker(s): A, B", "Title:\r\nnext", "Title:\rx",
            "Séminaire", "ÉVÉNEMENT: x", "Zoom: https://zoom.us/j/123?pwd=abc", "mail jane@x.org or www.example.org (www.x.fr)",
            "see http://a.b/c, ftp://x/y@z and <https://q.r/s>", "Speaker\u{2019}s talk: x", "title:  *  value *_ ",
            " \t ", "", "*", ":", "a:", "  :  x", "Abstract: " + String(repeating: "word ", count: 40),
            String(repeating: "x", count: 130) + ": y", "Title: " + String(repeating: "é", count: 130),
            "Ｔｉｔｌｅ: fullwidth", "Speaker: Zoë Ørsted – ETH Zürich –", "Fecha y hora: miércoles 6 de noviembre",
            "12:30\u{202F}pm CET", "x\u{0301}Title: combining", "e\u{0301}té: x", "ﬁle: ligature", "İstanbul: x",
            "Straße: x", "ΣΊΣΥΦΟΣ: x", "עדכון: 5/5", "\u{FEFF}Title: bom", "Title:\u{200B}x", "- Date - 5 May",
        ]
        var variations: [String] = []
        for line in lines.prefix(5_000) {
            variations.append(line.uppercased())
            variations.append("** " + line + " **")
            variations.append(line.replacingOccurrences(of: " ", with: "\u{A0}"))
            variations.append(line.replacingOccurrences(of: ":", with: " :\t"))
            variations.append(line.replacingOccurrences(of: "e", with: "é"))
        }
        return lines + variations
    }()

    /// Expects the label of `line` read on bytes to be the general path's.
    static func expectSameLabel(_ line: String) {
        let fast = TextFields.label(in: line)
        let general = TextFields.generalLabel(in: line)
        #expect(fast?.kind == general?.kind && fast?.value == general?.value && fast?.valueColumn == general?.valueColumn
                && fast?.standalone == general?.standalone, "\(line.debugDescription)")
    }

    @Test("labels")
    func labels() {
        for line in Self.lines { Self.expectSameLabel(line) }
    }

    @Test("tokens")
    func tokens() {
        for line in Self.lines {
            #expect(TextTokens.tokenize(line) == TextTokens.generalTokens(line), "\(line.debugDescription)")
        }
    }

    @Test("field values")
    func clean() {
        for line in Self.lines {
            #expect(TextAnalysis.clean(line) == TextAnalysis.generalClean(line), "\(line.debugDescription)")
            let value = "\u{2013} *" + line + "\u{2013}"
            #expect(TextAnalysis.clean(value) == TextAnalysis.generalClean(value), "\(value.debugDescription)")
        }
    }

    @Test("masked URLs")
    func maskingURLs() {
        for line in Self.lines {
            #expect(DateScanner.maskingURLs(line) == DateScanner.generalMaskingURLs(line), "\(line.debugDescription)")
        }
    }

    @Test("folding matches Foundation")
    func folding() {
        func foundation(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        var covered: [Unicode.Scalar] = []
        for range in TextFolding.coveredRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(Character(scalar))
                #expect(TextFolding.fold(text) == foundation(text), "U+\(String(value, radix: 16))")
                if TextFolding.packedFold(value) != 0 { covered.append(scalar) }
            }
        }
        // Pairs and longer runs of covered scalars and ASCII fold as Foundation folds them whole.
        let ascii = (0x20..<0x7F).compactMap(Unicode.Scalar.init)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                view.append(Bool.random(using: &generator) ? covered.randomElement(using: &generator)! : ascii.randomElement(using: &generator)!)
            }
            let text = String(view)
            #expect(TextFolding.fold(text) == foundation(text), "\(text.debugDescription)")
        }
        for line in Self.lines {
            #expect(TextFolding.fold(line) == foundation(line), "\(line.debugDescription)")
        }
    }

    @Test("phrase matching")
    func phrases() {
        let matchers = [TextLineContext.invitationMatcher, TextLineContext.dialInMatcher, TextLineContext.ignoredDateMatcher,
                        DateScanner.noonMatcher, HTMLText.tagMatcher]
        var lines = Self.lines
        lines += ["Mañana à midi: Meeting ID", "Résumé — mis à jour", "Dernière mise à jour", "עדכון אחרון", "Straße mediodía",
                  "x\u{0301} join zoom meeting", "Inscripción abierta", "INSCRIPCIÓN", "é one tap mobile"]
        for matcher in matchers {
            for line in lines {
                let fast = matcher.firstMatch(in: line)
                let general = matcher.foldedMatch(in: line)
                #expect(fast?.phrase == general?.phrase && fast?.column == general?.column, "\(line.debugDescription)")
            }
        }
    }
}
