import Foundation

/// Lines whose dates and places say nothing about a talk: forwarded-message headers, "sent",
/// "deadline" and "last updated" lines, Zoom dial-in lists; and where a Zoom invitation starts
/// (its own "Time:" line is read, but trusted least).
enum TextLineContext {
    /// Phrases that open a Zoom (or similar) invitation block.
    static let invitationPhrases = [
        "inviting you to a scheduled zoom meeting", "is inviting you to a scheduled", "vous invite a une reunion zoom",
        "vous invite a une reunion", "le esta invitando a una reunion", "te esta invitando a una reunion",
        "invitando a una reunion de zoom", "join zoom meeting", "rejoindre la reunion zoom", "unirse a la reunion zoom",
    ]

    /// Phrases that open a dial-in list, whose country and city names are phone numbers' places.
    static let dialInPhrases = [
        "one tap mobile", "dial by your location", "join by phone", "find your local number", "dial-in", "dial in",
        "composez un numero", "appuyez une fois", "participer par telephone", "marcar por su ubicacion",
        "un toque en movil", "unirse por telefono", "meeting id", "id de reunion", "id de reunión", "passcode", "code secret",
        "codigo de acceso", "webinar id", "access code",
    ]

    /// Words that make a line's dates something other than a talk's (deadlines, publication, messages).
    static let ignoredDatePhrases = [
        "deadline", "registration", "register by", "inscription", "inscripcion", "inscripción", "posted", "published", "publie",
        "publicado", "updated", "last modified", "mis a jour", "actualiz", "wrote:", "a ecrit", "escribio", "sent:", "envoye :",
        "envoye:", "enviado el", "enviado:", "submitted", "date limite", "fecha limite", "apply by", "rsvp by",
        "last update", "derniere mise a jour", "ultima actualizacion", "עדכון",
    ]

    /// Header names of a forwarded or quoted message in a body.
    static let forwardedHeaderNames: Set<String> = [
        "from", "sent", "to", "cc", "subject", "date", "de", "envoye", "a", "objet", "para", "asunto", "enviado", "enviado el",
        "fecha", "reply-to", "cci", "bcc",
    ]

    /// Line indices of forwarded-message header blocks (`From: … / Sent: … / To: … / Subject: …`).
    static func forwardedHeaderLines(_ lines: [TextLine]) -> Set<Int> {
        var result = Set<Int>()
        var run: [Int] = []
        var sawFrom = false
        func close() {
            if run.count >= 3 && sawFrom { result.formUnion(run) }
            run = []
            sawFrom = false
        }
        for (index, line) in lines.enumerated() {
            guard line.text.utf8.prefix(24).contains(0x3A) else {
                close()
                continue
            }
            let text = line.text.trimming(" \t>*")
            guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 12 else {
                close()
                continue
            }
            let name = DateNames.fold(String(text[..<colon]).trimming(" \t"))
            if forwardedHeaderNames.contains(name) {
                if name == "from" || name == "de" { sawFrom = true }
                run.append(index)
            } else {
                close()
            }
        }
        close()
        return result
    }

    static let invitationMatcher = PhraseMatcher(invitationPhrases)
    static let dialInMatcher = PhraseMatcher(dialInPhrases)
    static let ignoredDateMatcher = PhraseMatcher(ignoredDatePhrases)

    /// Whether a line's dates are not a talk's.
    static func ignoresDates(_ line: String) -> Bool { ignoredDateMatcher.matches(line) }

    /// The column where an invitation starts in a line, if it does.
    static func invitationColumn(_ line: String) -> Int? { invitationMatcher.firstMatch(in: line)?.column }

    /// The column where a dial-in list starts in a line, if it does.
    static func dialInColumn(_ line: String) -> Int? { dialInMatcher.firstMatch(in: line)?.column }
}
