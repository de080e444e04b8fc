import Foundation
import Testing
@testable import TalkplanExtract

/// Labels read on bytes, accented ones included (`Résumé :`, `Próxima charla:`), give exactly
/// the labels the general, scalar-by-scalar path gives; and the byte path decides for nearly
/// every line, not only for ASCII ones.
@Suite("labels on bytes agree with the general path")
struct LabelFastPathTests {
    /// Scalars a label, its markup or its value may start or end with: every scalar below
    /// U+0300 and a few beyond (typographic punctuation, spaces, marks, other scripts).
    static let scalars: [Unicode.Scalar] = {
        var values = Array(0x80..<0x300) + [0x1E9E, 0x1EBF, 0x1F00, 0x2002, 0x200B, 0x200D, 0x2013, 0x2014, 0x2018, 0x2019,
                                           0x201C, 0x2022, 0x2026, 0x202F, 0x2030, 0x205F, 0x2060, 0x0301, 0x0600, 0x05D0,
                                           0x25AA, 0x25CF, 0x3000, 0xFF1A, 0xFEFF, 0x1F600, 0x0915, 0x093F, 0x1100, 0xAC00,
                                           0x05E9, 0x05F3, 0x05B0, 0x1EA0, 0x1E9B, 0x2070, 0x2071, 0x00AB, 0x2014, 0x203A]
        values += [0x09, 0x20, 0x2A, 0x5F, 0x3A, 0x2D, 0x2B, 0x31]
        return values.compactMap { Unicode.Scalar(UInt32($0)) }
    }()

    /// Lines built around each scalar: in a label, before it, after its colon, at its end, alone.
    static let built: [String] = {
        var lines: [String] = []
        for scalar in scalars {
            let s = String(scalar)
            lines += ["R\(s)sum\(s) : x", "\(s)Title: x", "\(s) Speaker : y", "Title: x\(s)", "Title: x \(s)", "Title:\(s)x",
                      "Speaker\(s)", "Speaker \(s)", "\(s)Speaker", "Speaker\(s)1: x", "Date\(s): 4 mai", "Lieu :\(s) salle\(s)",
                      "Orateur\(s)", "Hôte\(s)", "\(s)", "Résumé\(s)", "Titre de l\(s)exposé : z", "Évènement : x \(s)\u{A0}",
                      "Hote: \(s)", "Speaker (\(s)): x", "Where\(s)\(s)\(s): room"]
        }
        return lines
    }()

    static let lines: [String] = {
        var lines = FastPathTests.lines + built
        lines += [
            "Résumé : nous étudions un modèle de marches aléatoires en milieu aléatoire.", "Résumé", "RÉSUMÉ :", "  Résumé  ",
            "Résumé\u{A0}:\u{A0}x\u{A0}", "Conférencier : Jean", "Conférencière 2 : Anne", "Hôte : Marie", "Sujet\u{2009}: x",
            "Próxima charla:", "Título: Álgebras", "Ubicación: Sala 1", "Dirección:", "Descripción", "Inscripción: x",
            "Évènement : x", "Séminaire : x", "Organisé par : x", "Début : 14h", "Heure de début : 14h", "Titre de l’exposé : x",
            "Titre de l’exposé", "• Orateur : x", "· Lieu : x", "– Date – x", "▪ Heure : 14h", "● Salle : 5", "\u{3000}Title: x",
            "Fuseau horaire : Europe/Paris", "Zusammenfassung: x", "Ort: Hörsaal", "Raum: ü", "Sprecher: Jürgen",
            "Orador： Javier Maass", "Date：", "Speaker\u{A0}1:\u{A0}Jane", "Speaker\u{A0}\u{A0}2", "ÆTitle: x", "Øu : x",
            "Résumé : " + String(repeating: "é", count: 200), String(repeating: "é", count: 119) + ":", "Rés" + String(repeating: " ", count: 117) + "umé: x",
            String(repeating: "é ", count: 70), "Ré: x", "Qui\u{2019}: x", "Ça va : x", "ﬁn : ligature", "Ende\u{0301}: x",
        ]
        return lines
    }()

    @Test("every line")
    func labels() {
        for line in Self.lines { FastPathTests.expectSameLabel(line) }
    }

    /// Whether the byte path decides a line (it passes the quick rejection and has no carriage return).
    static func decides(_ line: String) -> Bool {
        var copy = line
        return copy.withUTF8 { bytes in TextFields.byteLabel(bytes) != nil }
    }

    @Test("the byte path decides for accented labels and nearly every line")
    func decides() {
        for line in ["Résumé : nous étudions", "Conférencier : Jean", "Résumé", "Titre de l’exposé : x", "• Orateur : x",
                     "Orador： Javier", "Speaker\u{A0}1:\u{A0}Jane", "Hôte : Marie\u{A0}", "Título: Álgebras é"] {
            #expect(Self.decides(line), "\(line.debugDescription)")
        }
        let corpus = FastPathTests.lines.filter { !$0.utf8.contains(0x0D) }
        let decided = corpus.filter(Self.decides).count
        #expect(decided * 100 >= corpus.count * 99, "\(decided) of \(corpus.count)")
    }
}
