import Testing
@testable import TalkplanExtract

/// The byte paths that now read non-ASCII text (forwarded-header names with accents, whitespace
/// collapsing, field values) agree with their general paths on lines built around every scalar
/// below U+0300 and many beyond, and decide on bytes for accented Latin text.
@Suite("byte paths over accented text agree with the general paths")
struct AccentedFastPathTests {
    static let lines: [String] = {
        var lines = LabelFastPathTests.lines
        for scalar in LabelFastPathTests.scalars {
            let s = String(scalar)
            lines += ["Envoy\(s) : lundi", "> *Objet\(s):* x", "\(s)De : Jane", "À\(s): x", "Para:\(s)x", "Envoyé\(s)el : x",
                      "Ré\(s)sumé\(s)\(s): nous \(s) é\(s)", "\(s)\(s)" + String(repeating: "é", count: 9) + ": x"]
        }
        lines += ["Envoyé : lundi 4 mars 2024 10:00", "Envoyé: x", "De : Jane", "À : John", "Objet : Séminaire", "Cc : x",
                  "Enviado el: martes", "Asunto: Próxima charla", "Fecha: 4 de marzo", "Para: Juan", "Cci : x", "Envoyé\u{A0}: x",
                  "ÉNVOYÉ : x", "Envoye\u{0301} : x", "Objet\u{0301}: x", ">> Envoyé : x", "Résumé : nous étudions", "à: x"]
        return lines
    }()

    @Test("forwarded header names")
    func forwardedHeaderNames() {
        for line in Self.lines {
            #expect(TextLineContext.forwardedHeaderName(line) == TextLineContext.generalForwardedHeaderName(line),
                    "\(line.debugDescription)")
        }
        let lines = Self.lines.map { TextLine(text: $0, sourceLine: 0) }
        #expect(TextLineContext.forwardedHeaderLines(lines) == TextLineContext.generalForwardedHeaderLines(lines))
        let forwarded = ["De : Jane <j@x.org>", "Envoyé : lundi 4 mars 2024 10:00", "À : John", "Objet : Séminaire"]
            .map { TextLine(text: $0, sourceLine: 0) }
        #expect(TextLineContext.forwardedHeaderLines(forwarded) == [0, 1, 2, 3])
    }

    @Test("phrases, in any case")
    func phrases() {
        let matchers = [TextLineContext.invitationMatcher, TextLineContext.dialInMatcher, TextLineContext.ignoredDateMatcher,
                        DateScanner.noonMatcher, HTMLText.tagMatcher]
        var lines = Self.lines
        lines += ["JOIN ZOOM MEETING", "Meeting ID: 1", "DÉADLINE: x", "MiDi", "<HTML>", "<!DOCTYPE HTML>", "ÉNVOYÉ : x",
                  "Dernière Mise À Jour", "ONE TAP MOBILE", "Rsvp By", "Wrote:", "Inscripción", "ID DE REUNIÓN"]
        lines += lines.map { $0.uppercased() }
        for line in lines {
            for matcher in matchers {
                let fast = matcher.firstMatch(in: line)
                let general = matcher.foldedMatch(in: line)
                #expect(fast?.phrase == general?.phrase && fast?.column == general?.column, "\(line.debugDescription)")
            }
            #expect(TextLineContext.phraseContext(line) == TextLineContext.generalPhraseContext(line), "\(line.debugDescription)")
        }
    }

    @Test("table folding on bytes")
    func tableFolding() {
        for line in Self.lines {
            var copy = line
            let fast = copy.withUTF8 { TextFolding.byteTableFold($0) }
            #expect(fast == TextFolding.generalTableFold(line), "\(line.debugDescription)")
            #expect(TextFolding.tableFold(line.dropFirst()) == TextFolding.generalTableFold(line.dropFirst()), "\(line.debugDescription)")
        }
    }

    @Test("whitespace collapsing and field values")
    func collapseAndClean() {
        for line in Self.lines {
            #expect(line.collapsingWhitespace() == line.generalCollapsingWhitespace(), "\(line.debugDescription)")
            #expect(TextWhitespace.collapse(line) == line.generalCollapsingWhitespace(), "\(line.debugDescription)")
            #expect(TextAnalysis.clean(line) == TextAnalysis.generalClean(line), "\(line.debugDescription)")
            #expect(TextAnalysis.isBlank(line) == TextAnalysis.generalIsBlank(line), "\(line.debugDescription)")
        }
        for space in WhitespaceFastPathTests.spaces {
            for text in [space, space + " " + space, " \t" + space + "x", space + "\u{301}"] {
                #expect(TextAnalysis.isBlank(text) == TextAnalysis.generalIsBlank(text), "\(text.debugDescription)")
            }
        }
    }
}
