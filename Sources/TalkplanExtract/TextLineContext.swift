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
        forwardedHeaderLines(lines, name: forwardedHeaderName)
    }

    /// ``forwardedHeaderLines(_:)`` with the general path for every line, for the tests.
    static func generalForwardedHeaderLines(_ lines: [TextLine]) -> Set<Int> {
        forwardedHeaderLines(lines, name: generalForwardedHeaderName)
    }

    private static func forwardedHeaderLines(_ lines: [TextLine], name: (String) -> String?) -> Set<Int> {
        var result = Set<Int>()
        var run: [Int] = []
        var sawFrom = false
        func close() {
            if run.count >= 3 && sawFrom { result.formUnion(run) }
            run = []
            sawFrom = false
        }
        for (index, line) in lines.enumerated() {
            if let name = name(line.text), forwardedHeaderNames.contains(name) {
                if name == "from" || name == "de" { sawFrom = true }
                run.append(index)
            } else {
                close()
            }
        }
        close()
        return result
    }

    /// The folded name before a line's colon, when the line may be a header: a colon in its
    /// first 24 bytes, at most 12 characters after the line's leading ` \t>*`. The general
    /// path of ``forwardedHeaderName(_:)``.
    static func generalForwardedHeaderName(_ line: String) -> String? {
        guard line.utf8.prefix(24).contains(0x3A) else { return nil }
        let text = line.trimming(" \t>*")
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 12 else { return nil }
        return DateNames.fold(String(text[..<colon]).trimming(" \t"))
    }

    /// ``generalForwardedHeaderName(_:)`` on bytes when the line has no carriage return before
    /// its colon and, up to the character after its colon, only characters that stand alone
    /// (``TextBytes/isSimple(_:)``: ASCII, Latin letters, most punctuation), so that its
    /// characters are its scalars; other lines take the general path. A name with non-ASCII
    /// letters (`Envoyé :`) is folded as the general path folds it.
    static func forwardedHeaderName(_ line: String) -> String? {
        var copy = line
        let fast = copy.withUTF8 { bytes -> String?? in
            let count = bytes.count
            guard let colon = bytes.prefix(24).firstIndex(of: 0x3A) else { return .some(nil) }
            var start = 0
            while start < colon, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x3E || bytes[start] == 0x2A {
                start += 1
            }
            var ascii = true
            for position in start..<colon {
                let byte = bytes[position]
                if byte == 0x0D { return nil }
                if byte >= 0x80 { ascii = false }
            }
            let name = UnsafeBufferPointer(rebasing: bytes[start..<colon])
            if !ascii, !TextBytes.isSimpleText(name) { return nil }
            if colon + 1 < count, bytes[colon + 1] >= 0x80, !TextBytes.isSimple(TextBytes.decode(bytes, at: colon + 1).0) { return nil }
            guard (ascii ? colon - start : TextBytes.scalarCount(bytes, from: start, to: colon)) <= 12 else { return .some(nil) }
            var end = colon
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let length = end - start
            guard ascii else {
                return .some(DateNames.fold(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)))
            }
            return .some(String(unsafeUninitializedCapacity: length) { name in
                for index in 0..<length {
                    let byte = bytes[start + index]
                    name[index] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return length
            })
        }
        if let fast { return fast }
        return generalForwardedHeaderName(line)
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
