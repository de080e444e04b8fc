import TalkplanTime
import Testing
@testable import TalkplanExtract

@Suite("emails and web pages to text")
struct EmailAndHTMLTests {
    @Test("RFC 2047 encoded words")
    func encodedWords() {
        #expect(EncodedWords.decode("=?UTF-8?Q?S=C3=A9minaire_de_math=C3=A9matiques?=") == "Séminaire de mathématiques")
        #expect(EncodedWords.decode("=?UTF-8?B?U8OpbWluYWlyZQ==?= : jeudi") == "Séminaire : jeudi")
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?Secr=E9tariat?= <s@unil.ch>") == "Secrétariat <s@unil.ch>")
        // Whitespace between two encoded words is dropped.
        #expect(EncodedWords.decode("=?UTF-8?Q?Gabriel_Peyr?= =?UTF-8?Q?=C3=A9?=") == "Gabriel Peyré")
        #expect(EncodedWords.decode("plain =? text") == "plain =? text")
    }

    @Test("quoted-printable lines keep their input line")
    func quotedPrintable() {
        let lines = TextLines.split("Mi=C3=A9rcoles 06 de Noviem=\nbre a las 15:00\nfin", firstLine: 10)
        let decoded = QuotedPrintable.decodeLines(lines[...], charset: "utf-8")
        #expect(decoded.map(\.text) == ["Miércoles 06 de Noviembre a las 15:00", "fin"])
        #expect(decoded.map(\.sourceLine) == [10, 12])
    }

    @Test("base64 and charsets")
    func base64() {
        #expect(Base64Text.decode(Array("SGVsbG8=".utf8)) == Array("Hello".utf8))
        #expect(TextDecoding.decode([0x4D, 0xE9, 0x74, 0xE9, 0x6F], charset: nil) == "Météo")
        #expect(TextDecoding.decode([0x93, 0x41, 0x94], charset: "windows-1252") == "\u{201C}A\u{201D}")
    }

    @Test("email dates: RFC 5322 and archive lines")
    func sentDates() throws {
        let rfc = try #require(EmailSentDates.parse("Tue, 5 Mar 2024 09:12:33 -0600 (CST)", line: 3))
        #expect(rfc.dateTime == PlainDateTime(year: 2024, month: 3, day: 5, hour: 9, minute: 12, second: 33))
        #expect(rfc.offset == UTCOffset(hours: -6))
        #expect(rfc.abbreviation == "CST")
        let archive = try #require(EmailSentDates.parse("Wed Dec 6 08:00:00 CST 2023", line: 4, strict: true))
        #expect(archive.dateTime.date == PlainDate(year: 2023, month: 12, day: 6))
        #expect(archive.abbreviation == "CST")
        #expect(EmailSentDates.parse("Wednesday, December 6th, 2023 at 10:30 am CT", line: 5, strict: true) == nil)
    }

    @Test("a multipart email: the plain part, headers decoded")
    func multipart() throws {
        let text = """
        From: a@b.ch
        Subject: =?UTF-8?Q?S=C3=A9minaire?=
        Date: Mon, 28 Oct 2024 10:15:00 +0100
        Content-Type: multipart/alternative; boundary="XYZ"

        --XYZ
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Jeudi 31 octobre 2024 =C3=A0 14h
        --XYZ
        Content-Type: text/html; charset=utf-8

        <p>Jeudi 31 octobre 2024 &agrave; 14h</p>
        --XYZ--
        """
        let documents = TextTalkReader.documents(from: TextLines.split(text))
        #expect(documents.count == 1)
        let document = try #require(documents.first)
        #expect(document.subject?.text == "Séminaire")
        #expect(document.subject?.sourceLine == 2)
        #expect(document.sent?.offset == UTCOffset(hours: 1))
        #expect(document.lines.map(\.text) == ["Jeudi 31 octobre 2024 à 14h"])
        #expect(document.lines.first?.sourceLine == 10)
    }

    @Test("a mailbox is split into its messages")
    func mailbox() {
        let text = "From a@b.org Mon Jan 15 09:00:00 2024\nFrom: a@b.org\nSubject: one\n\nbody one\n\n"
            + "From c@d.org Tue Jan 16 10:00:00 2024\nFrom: c@d.org\nSubject: two\n\nbody two\n"
        let documents = TextTalkReader.documents(from: TextLines.split(text))
        #expect(documents.map { $0.subject?.text } == ["one", "two"])
        #expect(documents[1].lines.first { !$0.text.isEmpty }?.sourceLine == 11)
    }

    @Test("HTML: tags stripped, entities decoded (no-break spaces as spaces), blocks on their own lines, scripts dropped, links kept")
    func html() {
        let html = """
        <html><head><title>Seminar</title><style>p { color: red }</style>
        <script>var x = "2024-01-01 10:00";</script></head>
        <body><h1>Random&nbsp;walks &amp; groups</h1><p>Jeudi 4&nbsp;avril 2024, 14h&ndash;15h<br>Salle&#160;W</p>
        <!-- hidden 2023-01-01 09:00 -->
        <table><tr><td>Speaker</td><td>Ana Pérez</td></tr></table>
        <p><a href="https://zoom.us/j/123">Join</a></p></body></html>
        """
        let lines = HTMLText.reduce(TextLines.split(html)).map(\.text).filter { !$0.isEmpty }
        #expect(lines == ["Seminar", "Random walks & groups", "Jeudi 4 avril 2024, 14h–15h", "Salle W",
                          "Speaker | Ana Pérez", "Join <https://zoom.us/j/123>"])
        #expect(HTMLEntities.decode("&eacute;&#233;&#xE9;&unknown;") == "ééé&unknown;")
    }

    @Test("JSON-LD events become labelled lines")
    func jsonLD() {
        let lines = JSONLDEvents.lines(in: #"{"@type": "Event", "name": "Talk", "startDate": "2024-05-16T15:00:00+02:00", "endDate": "2024-05-16T16:00:00+02:00", "location": {"name": "BC 420", "address": "1015 Lausanne"}}"#)
        #expect(lines == ["Title: Talk", "Start: 2024-05-16T15:00:00+02:00", "End: 2024-05-16T16:00:00+02:00",
                          "Location: BC 420, 1015 Lausanne", ""])
    }

    @Test("field labels")
    func labels() {
        #expect(TextFields.label(in: "*When:* Wednesday, December 6th, 2023")?.kind == .date)
        #expect(TextFields.label(in: "*Who: * Dingli Yu, Princeton University")?.value == "Dingli Yu, Princeton University")
        #expect(TextFields.label(in: "Orador: Javier Maass (CMM)")?.kind == .speaker)
        #expect(TextFields.label(in: "Titre : Le serpent brownien")?.kind == .title)
        #expect(TextFields.label(in: "Speaker")?.standalone == true)
        #expect(TextFields.label(in: "Time flies when you are having fun") == nil)
        #expect(TextFields.label(in: "Speaker 2: Jane Doe")?.kind == .speaker)
    }
}
