import Foundation
import Testing
import TalkplanTime
@testable import TalkplanExtract

/// The byte paths and memos behind places, domains and zone evidence give exactly what the
/// general paths give: on every line of the corpus and seeds (``FastPathTests/lines``), on
/// generated variations, and on whole mailboxes read with and without the per-input memos.
@Suite("place and zone-evidence fast paths agree with the general paths")
struct PlaceFastPathTests {
    static let words = ["Zoom", "zoom", "en", "ligne", "EN LIGNE", "via", "Teams", "room", "Salle", "sala", "Hall", "Ryerson",
                        "251", "Chicago", "IL", "60637", "jane@math.example.EDU", "https://uchicago.zoom.us/j/91", "www.ens.fr",
                        "<a@b.c>", "(x@y.il)", "\"q@r.fr\"", "http://x", "-a.b-", ".uk.", "mailto:j@k.co.uk", "ftp://h.de/x@y.ch",
                        "www.", "@", "://", "a@b", "x.y@z", "amphi", "Amphithéâtre", "bâtiment", "B\u{00E2}timent", "online",
                        ",", ".", ";", "–", "\u{A0}", "\t", "(", ")", "<", ">", "\"", "only", "virtual", "and", "the", "link"]

    /// Lines of the corpus and seeds with a few thousand generated ones.
    static let lines: [String] = {
        var generator = RobustnessTests.Generator(state: 0x5EED_1ACE)
        var lines = FastPathTests.lines
        for _ in 0..<4_000 {
            let count = Int(generator.next() % 8) + 1
            var line = ""
            for _ in 0..<count {
                line += words[Int(generator.next() % UInt64(words.count))]
                if generator.next() % 3 != 0 { line += " " }
            }
            lines.append(line)
        }
        return lines
    }()

    @Test("domains of a line")
    func domains() {
        for line in Self.lines where TextBytes.isASCII(line) {
            let general = line.split(whereSeparator: TextHints.isWordSeparator).compactMap(TextHints.domain(in:))
            #expect(TextHints.asciiDomains(in: line) == general, "\(line.debugDescription)")
        }
        #expect(TextHints.asciiDomains(in: "é x@y.fr") == nil)
        #expect(TextHints.asciiDomains(in: "From: Jane <jane@math.example.EDU>") == ["math.example.edu"])
    }

    @Test("online-only locations")
    func onlineOnly() {
        for line in Self.lines where TextBytes.isASCII(line) {
            #expect(AnnouncementReader.asciiIsOnlineOnly(line) == AnnouncementReader.generalIsOnlineOnly(line), "\(line.debugDescription)")
        }
        #expect(AnnouncementReader.asciiIsOnlineOnly("Zoom (link below)") == true)
        #expect(AnnouncementReader.asciiIsOnlineOnly("Room 5, Zoom") == false)
        #expect(AnnouncementReader.asciiIsOnlineOnly("--") == false)
        #expect(AnnouncementReader.asciiIsOnlineOnly("en línea") == nil)
    }

    /// Every document of the corpus and seeds, and the generated lines as one more document.
    static let analyses: [TextAnalysis] = {
        var texts = TestTexts.read([TestTexts.corpus, TestTexts.folder])
        texts.append(lines.joined(separator: "\n"))
        var analyses: [TextAnalysis] = []
        for text in texts {
            for document in TextTalkReader.documents(from: TextLines.split(text)) {
                analyses.append(TextAnalysis(lines: document.lines, subjectLine: nil, sentLine: nil))
            }
        }
        return analyses
    }()

    @Test("room phrases: lines without a room word are skipped unread")
    func roomPhrases() {
        var found = 0
        for analysis in Self.analyses {
            for index in analysis.lines.indices {
                let filtered = AnnouncementReader.roomPhrase(onLine: index, analysis: analysis)
                let read = AnnouncementReader.tokenizedRoomPhrase(onLine: index, analysis: analysis)
                #expect(filtered == read, "\(analysis.lines[index].text.debugDescription)")
                if read != nil { found += 1 }
            }
        }
        #expect(found > 20)
    }

    @Test("the text of a token range")
    func tokenRangeText() {
        for line in Self.lines {
            let scanner = DateScanner(line: line)
            let count = scanner.tokens.count
            for start in 0..<min(count, 12) {
                for end in (start + 1)..<min(count + 2, start + 8) {
                    #expect(scanner.text(from: start, to: end) == scanner.generalText(from: start, to: end), "\(line.debugDescription)")
                }
            }
        }
    }

    /// A mailbox: the corpus's emails and notices as messages, and a series whose messages repeat
    /// a few addresses and locations, some named in one message and not the next.
    static let mailbox: String = {
        var text = ""
        let manager = FileManager.default
        let corpus = TestTexts.corpus
        let names = ((try? manager.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
        for round in 0..<2 {
            for name in names where name.hasSuffix(".eml") || name.hasSuffix(".txt") {
                guard let data = manager.contents(atPath: corpus.appendingPathComponent(name).path) else { continue }
                text += "From someone@example.org Mon Jan  1 09:00:00 2024\n"
                if name.hasSuffix(".txt") {
                    text += "From: x <x@example.org>\nSubject: \(name) \(round)\nDate: Mon, 1 Jan 2024 09:00:00 +0100\n\n"
                }
                text += TextDecoding.decode(Array(data), charset: nil) + "\n\n"
            }
        }
        let places = ["Ryerson 251, 1100 E 58th St, Chicago, IL 60637", "Salle W, 45 rue d'Ulm, 75005 Paris",
                      "Sala 2, Beauchef 851, Santiago, CHILE", "Amphimax 414, UNIL, 1015 Lausanne", "Room 5, Springfield",
                      "Room 6", "Zoom", "8092 Zürich Switzerland"]
        let zones = ["CT", "CET", "", "IST", "hora de Chile", "ET", "(UTC+1)"]
        for index in 0..<300 {
            text += """
            From seminars@math.example.edu Mon Jan  1 09:00:00 2024
            From: Seminars <seminars@math.example.\(["edu", "fr", "cl", "ch"][index % 4])>
            Subject: Seminar \(index)
            Date: Mon, \(index % 28 + 1) Mar 2024 09:00:00 \(["-0600", "+0100", "-0300"][index % 3])

            Speaker: Speaker \(index)
            When: Tuesday, March \(index % 28 + 1), 2024, \(9 + index % 8):30 - \(10 + index % 8):15 \(zones[index % zones.count])
            Where: \(places[index % places.count])
            \(index % 5 == 0 ? "Location: " + places[(index + 3) % places.count] : "")


            """
        }
        return text
    }()

    @Test("a mailbox reads the same with and without the per-input zone-evidence memos")
    func memos() {
        let input = AnnouncementInput(name: "series.mbox", bytes: Array(Self.mailbox.utf8))
        for options in [ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 1, day: 1)),
                        ExtractionOptions(referenceDate: PlainDate(year: 2024, month: 1, day: 1), defaultZone: try? Zone("Asia/Tokyo"))] {
            let remembered = TextTalkReader.read(input, options: options)
            let fresh = TextTalkReader.read(input, options: options, remembering: false)
            #expect(remembered.talks.count > 300)
            #expect(remembered.talks == fresh.talks)
            #expect(remembered.diagnostics == fresh.diagnostics)
            for (a, b) in zip(remembered.talks, fresh.talks) where a != b {
                Issue.record("differs: \(a.id) \(a.warnings) vs \(b.warnings)")
                break
            }
        }
    }
}

extension PlaceFastPathTests {
    @Test("lines of a text: the byte loop cuts where the UTF-8 view does")
    func textLines() {
        var texts = [Self.mailbox, Self.lines.joined(separator: "\n"), "", "\n", "\r", "\r\n", "a\r\r\nb\n\rc", "é\rü\r\n\n",
                     String(repeating: "x ", count: 9_000) + "\ny", String(repeating: "é", count: 8_300) + "\r\nz"]
        var generator = RobustnessTests.Generator(state: 7)
        let pieces = ["a", "é", "\n", "\r", "\r\n", " ", "😀", "\u{301}", "Date: x", "\u{2028}"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 24) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            texts.append(text)
        }
        for text in texts {
            let fast = TextLines.split(text, firstLine: 3)
            let general = TextLines.generalSplit(text, firstLine: 3)
            #expect(fast.map(\.text) == general.map(\.text) && fast.map(\.sourceLine) == general.map(\.sourceLine), "\(text.prefix(80).debugDescription)")
        }
    }
}

extension PlaceFastPathTests {
    @Test("regions of domains and lines passed over")
    func regions() {
        var domains = ["math.example.edu", "x.GOV", "a.b.uk", "ens.fr", "ENS.FR", "x.co", "fr", ".fr", "a..fr", "a.fr.", "...",
                       "", "a.f1", "a.fra", "weizmann.ac.il", "a.é", "zoom.us", "x.io", "a.b.c.d.ch", "a.-b", "A.Cl"]
        for line in Self.lines where TextBytes.isASCII(line) {
            domains += line.split(whereSeparator: TextHints.isWordSeparator).compactMap(TextHints.domain(in:))
            domains += line.split(separator: " ").map(String.init)
        }
        for domain in domains {
            #expect(TextHints.region(ofDomain: domain) == TextHints.generalRegion(ofDomain: domain), "\(domain.debugDescription)")
        }
        for line in Self.lines where TextHints.asciiLineLacksAddress(line) {
            #expect(TextBytes.isASCII(line) && !line.contains("@") && !line.contains("://") && !line.contains("www."), "\(line.debugDescription)")
        }
        #expect(!TextHints.asciiLineLacksAddress("see www.x.org"))
        #expect(!TextHints.asciiLineLacksAddress("é"))
        #expect(TextHints.asciiLineLacksAddress("When: 10:30"))
    }
}
