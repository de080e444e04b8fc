/// Talks from free text: emails and mailboxes (MIME, quoted-printable, base64, RFC 2047),
/// web pages (HTML reduced to text) and plain notices, in English, French and Spanish.
///
/// Each message of a mailbox is read on its own; one notice may hold several talks. Every
/// guess (zone, year, day/month order, end) and every disagreement between two times given
/// for one talk is a warning on the talk.
///
/// ```swift
/// let input = AnnouncementInput(name: "notice.txt", bytes: Array("Jeudi 31 octobre 2024, 14h00 - 15h30, salle 5, Paris".utf8))
/// let talk = TextTalkReader.read(input, options: ExtractionOptions()).talks[0]
/// talk.start       // 2024-10-31T13:00:00Z
/// talk.zone        // Europe/Paris (inferred from "Paris", with a warning)
/// ```
enum TextTalkReader {
    /// With `remembering` false, zone evidence is read anew in every message (tests compare).
    static func read(_ input: AnnouncementInput, options: ExtractionOptions, remembering: Bool = true) -> ExtractionResult {
        let text = TextDecoding.decode(input.bytes, charset: nil)
        let lines = TextLines.split(text)
        let documents = documents(from: lines)
        let resolver = ZoneEvidenceResolver(remembering: remembering)
        var talks: [Talk] = []
        var seen = Set<String>()
        for document in documents {
            resolver.budget = 400
            let reader = AnnouncementReader(document: document, options: options, inputName: input.name, resolver: resolver)
            for talk in reader.read() where seen.insert(talk.id).inserted {
                talks.append(talk)
            }
        }
        var diagnostics: [Diagnostic] = []
        if talks.isEmpty {
            diagnostics.append(Diagnostic(.warning, SourceLocation(file: input.name, line: 1),
                                          "no talk found: no date with a time of day"))
        }
        return ExtractionResult(talks: talks, diagnostics: diagnostics)
    }

    /// The documents of an input: the messages of an email or mailbox, or one web page or notice.
    static func documents(from lines: [TextLine]) -> [TextDocument] {
        var first = 0
        while first < lines.count, lines[first].text.allSatisfy(\.isWhitespace) { first += 1 }
        if first < lines.count, EmailMessage.startsEmail(lines, at: first) {
            return EmailMessage.documents(from: Array(lines[first...]))
        }
        if HTMLText.looksLikeHTML(lines) {
            return [TextDocument(kind: .webPage, lines: HTMLText.reduce(lines))]
        }
        return [TextDocument(kind: .plain, lines: lines)]
    }
}
