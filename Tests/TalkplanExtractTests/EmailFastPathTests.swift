import Foundation
import Testing
@testable import TalkplanExtract

/// The byte-level fast paths of the email reader (sent dates, header lines, `From ` lines,
/// sender domains, MIME parameters, forwarded-header blocks) give exactly what the general paths
/// give, on every line of the corpus, seeds and examples, on generated date headers, and on
/// lines written to reach their corners.
@Suite("email fast paths agree with the general paths")
struct EmailFastPathTests {
    /// The texts of the corpus, the test folder, the seeds and the examples.
    static let texts = TestTexts.read([TestTexts.corpus, TestTexts.folder, TestTexts.seeds, TestTexts.examples])

    /// Lines written for the corners: combining marks and non-ASCII next to the bytes the fast
    /// paths decide on, carriage returns, long numbers, odd signs and parentheses.
    static let cornerLines: [String] = [
        "From ", "From", "Fro", "", "From \u{301}x", "From\u{301} x", "From x", "from x", "FROM x", "From  ", "From é",
        "\u{212A}From x", "From\t", "From\r\nx", "From:x", "Date:", "Date: ", ":", "::", " : x", "\tcontinued", " ", "\t \t",
        "Date\u{301}: x", "Date:\u{301}x", "Date: x\u{301}", "Date:\u{A0}x", "Dáte: x", "Subject: Séminaire", "Subject:  é  ",
        "X-" + String(repeating: "a", count: 59) + ": x", "X-" + String(repeating: "a", count: 60) + ": x",
        String(repeating: "a", count: 61) + ":", String(repeating: "a", count: 62) + ":", "a_b-9: v", "a b: v", "a\tb: v",
        "Content-Type: text/plain; charset=\"utf-8\"", "Content-Type: multipart/mixed; boundary=abc",
        "Content-Type: text/plain; CHARSET=iso-8859-1", "Content-Type: text/plain; xcharset=a; charset=b", "text/plain",
        "Content-Type: text/plain; charset\u{2260}a", "text/plain; charset≠x", "From: Jane <jane@Math.Example.EDU>",
        "From: a@b@C-D.e_f", "From: nobody", "From: x@", "From: x@é.org", "From: x@ab\u{301}c", "jane@EXAMPLE.org>",
        "> From: Jane", ">> *From:* Jane", "**Sent:** Monday", "  De : Jean", "Envoyé : lundi", "À : tous", "Objet : x",
        "Enviado el: lunes", "Para: todos", "Asunto: x", "Reply-To: x", "CC: y", "BCC: z", "Cci: w", "Fecha: hoy",
        ">\u{301}From: x", "Fr\u{301}om: x", "From:\u{301} x", "From\r: x", "From: x\r", "123456789012: x", "1234567890123: x",
        "                        : x", "                       : x", "a:" + String(repeating: "é", count: 30),
        "Mon, 5 Jan 2024 09:00:00 -0600", "Mon, 5 Jan 2024 09:00:00 --123", "5 Jan 2024 09:00 -+123", "5 Jan 2024 9:0 +2400",
        "5 Jan 2024 09:00:00 +0060", "5 Jan 2024 09:00:00 -9999", "5 Jan 24 09:00 GMT", "5 Jan 99 09:00 ut", "5 Jan -5 09:00 Z",
        "5 Jan +2024 09:00 z", "-5 Jan 2024 09:00", "+5 Jan 2024 09:00:00", "5 Jan 2024 ::09::00:: EST", "5 Jan 2024 09:00:00:00",
        "5 Jan 2024 :09: EST", "5 Jan 2024 009:00 EST", "5 Jan 2024 +9:-0 EST", "5 jAN 2024 09:00 cet", "5 Jan 2024 09:00 (CET",
        "5 Jan 2024 09:00 CET)", "5 Jan 2024 09:00 )CET(", "5 Jan 2024 09:00 () x", "5 Jan 2024 09:00 (  )", "5 Jan 2024 09:00 (\tCET)",
        "5 Jan 2024 09:00 (CET) (x)", "5 Jan 2024 09:00 (CET)\t ", "5 Jan 2024 09:00 (CET) x", "5 Jan 2024 09:00 (ÉTÉ)",
        "5 Jan 2024 09:00 (CÉT)", "Mon, 5 Jan 2024 09:00 ÉST", "Mön, 5 Jan 2024 09:00", "5 Jan 2024 09:00\u{A0}EST",
        "5 Jan 2024 09:00\r", "5 Jan 2024 09:00:00 -0600\r\n", "Monday 5 Jan 2024 09:00", "Mo 5 Jan 2024 09:00", "Mon5 Jan 2024 09:00",
        "5 Jan 12345678901234567890 09:00", "99999999999999999999 Jan 2024 09:00", "5 Jan 999999999999999999 09:00",
        "5 Jan 2024 09:00 99999999999999999999", "Jan 5 09:00:00 99999999999999999999", "Jan 99999999999999999999 09:00:00 2024",
        "Mon Jan  1 09:00:00 2024", "Mon Jan  1 09:00:00 CST 2024", "Jan 1 09:00:00 2024", "Jan 1 09:00:00 +2024",
        "Jan 1 09:00:00 24", "Jan 1 09:00:00 CST", "Mon Jan 1 09:00:00 CST EST 2024 x", "Wed Dec 6 08:00:00 CST 2023 (CET)",
        "Mon, Tue, 5 Jan 2024 09:00", "Mon Mon 5 Jan 2024 09:00", "a b c d e f g h", "a b c d e f g", "5 Jan 2024", ",,5,,Jan,,2024,,09:00,,",
        "Mar 3 2024 10:00 GMT", "Mar 32 10:00:00 2024", "Feb 29 10:00:00 2023", "Feb 29 10:00:00 2024", "31 Apr 2024 25:00",
        "5 Jan 2024 23:59:60", "5 Jan 2024 24:00", "5 Jan 2024 -1:00", "0 Jan 2024 09:00", "5 Jan 0 09:00", "5 Jan 00049 09:00",
    ]

    /// Every line of every text, the corner lines and the lines of the label fast-path tests.
    static let lines: [String] = {
        var lines: [String] = []
        for text in texts { lines += TextLines.split(text).map(\.text) }
        return lines + cornerLines + FastPathTests.lines
    }()

    /// Date headers in many shapes: RFC 5322 and ctime, with or without weekday, seconds, zone,
    /// comment and trailing words, in mixed case, with tabs and commas.
    static let generatedDates: [String] = {
        var generator = RobustnessTests.Generator(state: 20_240_105)
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "THU", "wed", "Tues", "Mo", "Xyz", "M0n"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "JAN", "feb", "mAR",
                      "Sept", "June", "Ja", "Foo"]
        let zones = ["-0600", "+0100", "+0000", "-0000", "+0530", "-1200", "+2400", "-0960", "GMT", "UT", "UTC", "Z", "z", "gmt",
                     "EST", "CDT", "CET", "MESZ", "A", "ABCDEF", "\"UTC\"", "+01:00", "-060", "+12345", "(CET)", "(UTC)"]
        let comments = ["(CET)", "(CST)", "( GMT )", "(Central Standard Time)", "(x)", "()", "(CET) trailing", "(ÉTÉ)", ""]
        let separators = [" ", "  ", "\t", ", ", ",", " ,\t"]
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }
        func number(_ range: ClosedRange<Int>, width: Int) -> String {
            let value = range.lowerBound + Int(generator.next() % UInt64(range.count))
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var dates: [String] = []
        for _ in 0..<6_000 {
            var parts: [String] = []
            if chance(70) { parts.append(pick(weekdays) + (chance(50) ? "," : "")) }
            let hour = number(0...25, width: chance(80) ? 2 : 1)
            let minute = number(0...61, width: 2)
            var time = hour + ":" + minute
            if chance(70) { time += ":" + number(0...61, width: 2) }
            let day = number(0...32, width: chance(50) ? 2 : 1)
            let year = chance(70) ? number(1990...2030, width: 4) : number(0...99, width: 2)
            if chance(30) {
                // ctime
                parts += [pick(months), day, time]
                if chance(50) { parts.append(pick(zones)) }
                parts.append(year)
            } else {
                parts += [day, pick(months), year, time]
                if chance(85) { parts.append(pick(zones)) }
            }
            var text = ""
            for (index, part) in parts.enumerated() {
                text += index == 0 ? part : pick(separators) + part
            }
            if chance(40) { text += " " + pick(comments) }
            if chance(10) { text += pick([" x", " 12", "\t", " ", " -", " (", ")", " EST EDT", " 2024"]) }
            if chance(5) { text = " " + text }
            dates.append(text)
        }
        return dates
    }()

    static func sameDate(_ text: String) -> Bool {
        for strict in [false, true] {
            let fast = EmailSentDates.parse(text, line: 7, strict: strict)
            let general = EmailSentDates.generalParse(text, line: 7, strict: strict)
            guard fast == general else { return false }
        }
        return true
    }

    @Test("sent dates")
    func sentDates() {
        var parsed = 0, offsets = 0, abbreviations = 0, decided = 0
        for text in Self.generatedDates {
            #expect(Self.sameDate(text), "\(text.debugDescription)")
            if let date = EmailSentDates.generalParse(text, line: 1) {
                parsed += 1
                if date.offset != nil { offsets += 1 }
                if date.abbreviation != nil { abbreviations += 1 }
            }
            if EmailSentDates.byteParse(text, line: 1, strict: false) != nil { decided += 1 }
        }
        // Many generated headers are dates, with offsets and abbreviations, so the fields are
        // really compared; and the byte path decides nearly all of them itself.
        #expect(parsed > Self.generatedDates.count / 3 && offsets > 500 && abbreviations > 500)
        #expect(decided > Self.generatedDates.count * 9 / 10)
        for text in ["Mon, 13 Jan 2024 09:00:00 -0600", "Wed Dec 6 08:00:00 CST 2023", "Seminar 12: Speaker 12"] {
            #expect(EmailSentDates.byteParse(text, line: 1, strict: true) != nil)
        }
        for line in Self.lines {
            #expect(Self.sameDate(line), "\(line.debugDescription)")
            let trimmed = line.trimming(" \t")
            #expect(Self.sameDate(trimmed), "\(trimmed.debugDescription)")
            if let colon = line.firstIndex(of: ":") {
                let value = String(line[line.index(after: colon)...]).trimming(" \t")
                #expect(Self.sameDate(value), "\(value.debugDescription)")
            }
        }
    }

    @Test("header lines and names")
    func headerLines() {
        for line in Self.lines + Self.generatedDates.map({ "Date: " + $0 }) {
            #expect(EmailMessage.headerName(line) == EmailMessage.generalHeaderName(line), "\(line.debugDescription)")
            #expect(EmailMessage.headerLine(line) == EmailMessage.generalHeaderLine(line), "\(line.debugDescription)")
            #expect(EmailMessage.startsWithFrom(line) == line.hasPrefix("From "), "\(line.debugDescription)")
            #expect(EmailMessage.senderDomain(line) == EmailMessage.generalSenderDomain(line), "\(line.debugDescription)")
            for name in ["charset", "boundary"] {
                #expect(EmailMessage.parameter(name, in: line) == EmailMessage.generalParameter(name, in: line),
                        "\(line.debugDescription)")
            }
        }
    }

    @Test("line phrases in one pass")
    func phraseContext() {
        var lines = Self.lines
        lines += ["Mañana à midi: Meeting ID", "Résumé — mis à jour", "Dernière mise à jour", "עדכון אחרון", "Straße mediodía",
                  "x\u{0301} join zoom meeting", "Inscripción abierta", "INSCRIPCIÓN", "é one tap mobile", "Join Zoom Meeting",
                  "Registration deadline: join by phone", "Jane is inviting you to a scheduled Zoom meeting. Meeting ID: 1",
                  "Meeting ID: 1 — join zoom meeting — updated", "Vous invite à une réunion Zoom", "posted\u{0301} dial in",
                  "é wrote: dial-in", "\u{1F600} passcode", "passcode \u{1F600} deadline", "dial in\u{E000}", "sent:\u{FFFD}"]
        var found = 0
        for line in lines {
            let context = TextLineContext.phraseContext(line)
            #expect(context == TextLineContext.generalPhraseContext(line), "\(line.debugDescription)")
            if context.ignoresDates && (context.invitationColumn != nil || context.dialInColumn != nil) { found += 1 }
        }
        #expect(found > 0)
    }

    @Test("ASCII lines are decided on bytes")
    func decidedOnBytes() {
        #expect(EmailMessage.headerLine("Date: Mon, 13 Jan 2024 09:00:00 -0600") == .header(name: "date", value: "Mon, 13 Jan 2024 09:00:00 -0600"))
        #expect(EmailMessage.headerLine(" \tfolded  ") == .continuation("folded"))
        #expect(EmailMessage.headerLine(" \t ") == .blank)
        #expect(EmailMessage.headerLine("Speaker 12 (University 12)") == .other)
        #expect(EmailMessage.senderDomain("Seminars <seminars@Math.Example.edu>") == "math.example.edu")
        #expect(TextLineContext.forwardedHeaderName("> *From:* Jane") == "from")
    }

    @Test("forwarded headers")
    func forwardedHeaders() {
        for line in Self.lines {
            #expect(TextLineContext.forwardedHeaderName(line) == TextLineContext.generalForwardedHeaderName(line),
                    "\(line.debugDescription)")
        }
        for text in Self.texts + [Self.cornerLines.joined(separator: "\n")] {
            let lines = TextLines.split(text)
            #expect(TextLineContext.forwardedHeaderLines(lines) == TextLineContext.generalForwardedHeaderLines(lines))
        }
    }
}
