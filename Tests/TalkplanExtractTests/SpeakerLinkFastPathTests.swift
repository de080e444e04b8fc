import Foundation
import Testing
@testable import TalkplanExtract

/// The byte-level fast paths of ``SpeakerTitle`` and ``OnlineLinks`` give exactly what their
/// general, character-based paths give, on the corpus, the seeds and variations of them.
@Suite("speaker, title and link fast paths agree with the general paths")
struct SpeakerLinkFastPathTests {
    /// Texts made of the corpus and seed lines: single lines, and runs of lines joined by
    /// every kind of line break.
    static let texts: [String] = {
        let lines = FastPathTests.lines
        var texts = lines
        let breaks = ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n\n", "\r\n\u{301}"]
        var index = 0
        while index < lines.count {
            let run = lines[index..<min(lines.count, index + 7)]
            texts.append(run.joined(separator: breaks[index % breaks.count]))
            index += 7
        }
        texts += [
            "Speaker: Jane Doe (MIT)\nTitle: On things", "\n\nSpeaker:\u{301} x\nTitle:x", "Speaker\u{A0}: Jane",
            "SPEAKER : Jane Doe", "**Speaker**: Jane", "Conférencier : Jean", "CONFÉRENCIER: Jean", "Título: x",
            "Speaker:  \nSpeaker: B", "Speaker: " + String(repeating: "a", count: 301) + "\nSpeaker: short",
            "Invited  Speaker: x", "invited speaker: y", "Speaker(s): A and B", "#_Speaker_#: z", "Spe*aker: w",
            "Seminar 3: Results on random structures\\, part 2", "Greg Yang (Microsoft Research): Feature Learning",
            "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)", "Jane Doe – Random walks", "A | B C",
            "Speaker 12 (University 3) presents joint work", "Jane van Doe (ETH, Zurich)", "JANE DOE", "Jane D.",
            "Jane Doe (", "Jane Doe)", "Jane Doe, PhD", "Seminar: Jane Doe", "Jane Doe : Title of talk",
            "Jo Bo Al Ed Cy Di", "A B", "Ab Cd\r\nEf", "Jane\u{A0}Doe (EPFL)",
            "https://epfl.zoom.us/j/123?pwd=abc", "https://zoom.us/u/abc", "HTTPS://Teams.Microsoft.com/l/meetup",
            "https://bbb.example.edu/b/abc", "https://bbb.example.edu/x", "https://indico.cern.ch/event/1/videoconference/",
            "https://indico.cern.ch/event/1/", "http://user@jitsi.example.org:8443/room", "https://youtu.be/xyz.",
            "https://example.org/live/now", "https://example.org/bigbluebutton/x", "https://x.org/LiveStream",
            "https://zoom.us", "https://zoom.us.evil.org/j/1", "https://évent.zoom.us/j/1", "https://meet.google.com/abc-def",
            "https://x\u{301}.zoom.us/j/1", "see (https://zoom.us/j/1) and [https://youtu.be/a]", "ftp://zoom.us/j/1",
            "Join: https://zoo\u{2028}m.us/j/9", "hTtP://WEBEX.com/meet", "https://zoom.us/j/1\u{A0}next", "https://a.b/c\u{3000}d",
            "http://", "https://", "https:/", "hhttps://zoom.us/j/12345", "https://zoom.us/j/1\u{201D}.", "http://a.b/ü/é",
        ]
        var variations: [String] = []
        for text in texts.suffix(80) {
            variations.append(text.uppercased())
            variations.append(text.lowercased())
            variations.append("Join: " + text + " now")
            variations.append(text.replacingOccurrences(of: ": ", with: " - "))
        }
        return texts + variations
    }()

    @Test("labelled values")
    func labeledValues() {
        for text in Self.texts {
            for labels in [SpeakerTitle.speakerLabels, SpeakerTitle.titleLabels] {
                #expect(SpeakerTitle.labeledValue(in: text, labels: labels)
                        == SpeakerTitle.generalLabeledValue(in: text, labels: labels), "\(text.debugDescription)")
            }
        }
    }

    @Test("first lines, separators and names")
    func summaries() {
        for text in Self.texts {
            for edged in [text, " " + text, text + "\r", "\n" + text + "\r\n", "\u{A0}" + text + " \u{301}"] {
                #expect(SpeakerTitle.clean(edged) == SpeakerTitle.trim(edged, " \t\r\n\u{00A0}"), "\(edged.debugDescription)")
            }
            #expect(SpeakerTitle.firstLine(of: text) == text.split(whereSeparator: \.isNewline).first, "\(text.debugDescription)")
            #expect(SpeakerTitle.looksLikePersonName(text) == SpeakerTitle.generalLooksLikePersonName(text),
                    "\(text.debugDescription)")
            for separator in SpeakerTitle.separators {
                #expect(SpeakerTitle.firstRange(of: separator, in: text) == text.firstRange(of: separator),
                        "\(text.debugDescription) \(separator)")
            }
        }
    }

    @Test("URLs and services")
    func links() {
        for text in Self.texts {
            let urls = OnlineLinks.urls(in: text)
            #expect(urls == OnlineLinks.generalURLs(in: text), "\(text.debugDescription)")
            for url in urls + [text] {
                #expect(OnlineLinks.service(of: url) == OnlineLinks.generalService(of: url), "\(url.debugDescription)")
            }
        }
    }

    @Test("byte searches")
    func byteSearches() {
        for text in Self.texts + ["mail x@y.org", "see https://a.b/c and http://d.e", "a://", "://x", "é://x", "\u{5D0}\u{5EA}"] {
            for byte: UInt8 in [0x40, 0x3C, 0x2F, 0x2C, 0xD7] {
                #expect(text.containsByte(byte) == text.utf8.contains(byte), "\(text.debugDescription)")
            }
            #expect(text.containsByte(in: 0x30...0x39) == text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }))
            for word in [Substring(text)] + text.split(separator: " ") {
                #expect(TextHints.schemeSeparator(in: word) == word.range(of: "://"), "\(word.debugDescription)")
            }
        }
    }
}
