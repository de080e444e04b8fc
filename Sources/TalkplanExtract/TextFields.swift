/// What a labelled line of an announcement gives.
enum FieldKind: String, Sendable {
    case title, topic, speaker, date, time, end, location, online, abstract, host, series, zone
}

/// A labelled field: `Title: …`, `*Who: * …`, `Orador: …`, or a label alone on its line
/// (`Speaker`) whose value is on the next lines.
struct FieldLabel: Sendable {
    var kind: FieldKind
    /// The text after the label on the same line (markup removed); empty for a label alone.
    var value: String
    /// Scalar column where the value starts.
    var valueColumn: Int
    /// The label stands alone on its line.
    var standalone: Bool
}

/// Field labels in English, French and Spanish (and a few German ones), as announcements write them.
///
/// ```swift
/// TextFields.label(in: "*When:* Wednesday, December 6th, 2023")?.kind   // .date
/// TextFields.label(in: "Orador: Javier Maass (CMM)")?.value             // "Javier Maass (CMM)"
/// TextFields.label(in: "Speaker")?.standalone                           // true
/// ```
enum TextFields {
    /// Folded label phrases (lower case, no diacritics) and what they announce.
    static let labels: [String: FieldKind] = {
        var table: [String: FieldKind] = [:]
        let groups: [(FieldKind, [String])] = [
            (.title, ["title", "talk title", "title of the talk", "seminar title", "lecture title", "titre", "titre de l'expose",
                      "titre de la conference", "titre de l'intervention", "titulo", "titulo de la charla", "titulo de la conferencia",
                      "sujet", "tema", "talk", "charla", "expose", "conference", "lecture", "titel", "vortrag"]),
            (.topic, ["topic", "subject", "objet", "asunto"]),
            (.speaker, ["speaker", "speakers", "speaker(s)", "presenter", "presenters", "lecturer", "who", "guest", "invited speaker",
                        "orateur", "oratrice", "intervenant", "intervenante", "intervenants", "conferencier", "conferenciere",
                        "invite", "invitee", "qui", "par", "orador", "oradora", "oradores", "expositor", "expositora", "ponente",
                        "conferencista", "conferenciante", "quien", "by", "redner", "referent", "sprecher"]),
            (.date, ["date", "dates", "when", "quand", "fecha", "cuando", "day", "jour", "dia", "date and time", "date & time",
                     "date et heure", "date & heure", "fecha y hora", "date/time", "datum", "wann", "date / time", "horario",
                     "date and place", "fecha y lugar"]),
            (.time, ["time", "heure", "hora", "horaire", "hour", "start time", "starts", "zeit", "uhrzeit", "hours", "heures",
                     "start", "begin", "begins", "debut", "heure de debut", "inicio", "hora de inicio", "comienzo", "beginn"]),
            (.end, ["end", "ends", "end time", "fin", "heure de fin", "hora de fin", "termino", "until", "ende", "finish"]),
            (.location, ["where", "place", "location", "venue", "room", "lieu", "salle", "ou", "lugar", "sala", "donde", "ubicacion",
                         "address", "adresse", "direccion", "auditorium", "ort", "raum", "locations", "local"]),
            (.online, ["zoom", "zoom link", "link", "links", "lien", "lien zoom", "enlace", "enlace zoom", "online", "virtually",
                       "livestream", "live stream", "stream", "streaming", "webinar", "join", "meeting link", "en ligne", "en linea",
                       "visio", "visioconference", "teams", "webex", "connexion", "connection", "remote", "a distance"]),
            (.abstract, ["abstract", "resume", "summary", "resumen", "description", "descripcion", "bio", "biography",
                         "biographie", "biografia", "short bio", "speaker bio", "zusammenfassung", "presentation"]),
            (.host, ["host", "hosts", "host(s)", "organizer", "organizers", "organiser", "organisers", "chair", "hote",
                     "organisateur", "organisateurs", "organisatrice", "anfitrion", "organizador", "organizadores", "contact",
                     "contacto", "moderator", "moderateur", "moderador"]),
            (.series, ["seminar", "series", "seminaire", "seminario", "event", "evenement", "evento", "event type", "colloquium",
                       "coloquio", "colloque", "cycle", "ciclo"]),
            (.zone, ["time zone", "timezone", "fuseau horaire", "zona horaria", "huso horario", "fuseau"]),
        ]
        for (kind, names) in groups {
            for name in names { table[name] = kind }
        }
        return table
    }()

    /// Kinds a label may announce when it stands alone on a line (its value on the next lines).
    static let standaloneKinds: Set<FieldKind> = [.title, .speaker, .date, .time, .end, .location, .abstract, .host, .online, .zone]

    /// Markup that may surround a label: `*When:*`, `**Title**:`, `- Speaker:`, `> Date:`.
    static let markup: Set<Unicode.Scalar> = ["*", "_", "-", "\u{2022}", "\u{00B7}", ">", "#", "|", "=", "~", "\u{2013}", "\u{25AA}", "\u{25CF}", "+"]

    /// The label a line starts with, if any.
    static func label(in line: String) -> FieldLabel? {
        var copy = line
        return copy.withUTF8 { bytes in
            // Quick rejection: a label needs a colon (or the first byte of a full-width one) early on, or a short line.
            if bytes.count > 48 {
                var colon = false
                for byte in UnsafeBufferPointer(rebasing: bytes.prefix(72)) where byte == 0x3A || byte == 0xEF {
                    colon = true
                    break
                }
                guard colon else { return nil }
            }
            guard let found = byteLabel(bytes) else { return generalLabel(in: line) }
            return found
        }
    }

    /// ``label(in:)`` for any text, scalar by scalar.
    static func generalLabel(in line: String) -> FieldLabel? {
        // Quick rejection: a label needs a colon early on, or a short line.
        let bytes = line.utf8
        guard bytes.count <= 48 || bytes.prefix(72).contains(0x3A) || bytes.prefix(72).contains(0xEF) else { return nil }
        let scalars = Array(line.unicodeScalars.prefix(120))
        var index = 0
        while index < scalars.count, markup.contains(scalars[index]) || scalars[index].properties.isWhitespace { index += 1 }
        let labelStart = index
        // Up to five words of letters (and `&`, `/`, `'`, `(s)`) before a colon.
        var words = 0
        var inWord = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isAlphabetic {
                if !inWord { words += 1 }
                inWord = true
            } else if scalar == " " || scalar == "&" || scalar == "/" || scalar == "'" || scalar == "\u{2019}" || scalar == "(" || scalar == ")"
                        || scalar == "*" || scalar == "_" || scalar == "\u{A0}" || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                inWord = false
            } else {
                break
            }
            if words > 5 { return nil }
            index += 1
        }
        let labelEnd = index
        guard labelEnd > labelStart else { return nil }
        var labelText = String(String.UnicodeScalarView(scalars[labelStart..<labelEnd]))
        labelText = labelText.trimming(" *_\u{A0}")
        // "Speaker 1", "Orador 2": a numbered label.
        while let last = labelText.last, last.isNumber || last == " " { labelText.removeLast() }
        let key = DateNames.fold(labelText.collapsingWhitespace()).replacingApostrophes()
        guard let kind = labels[key] else { return nil }
        if index < scalars.count, scalars[index] == ":" || scalars[index] == "\u{FF1A}" {
            var valueStart = index + 1
            // The value is a slice of the line's scalars, found by index (never copied scalar by scalar).
            let rest = line.unicodeScalars
            var cursor = rest.index(rest.startIndex, offsetBy: valueStart)
            while cursor < rest.endIndex, markup.contains(rest[cursor]) && rest[cursor] != "-" && rest[cursor] != "+"
                    || rest[cursor].properties.isWhitespace {
                valueStart += 1
                cursor = rest.index(after: cursor)
            }
            var value = String(rest[cursor...])
            value = value.trimming(" *_\t\u{A0}")
            // A link label ("Zoom: https://...") and a bare "Date: 4/5" are fine; a sentence is not a label.
            return FieldLabel(kind: kind, value: value, valueColumn: valueStart, standalone: false)
        }
        // A label alone on its line.
        guard index >= scalars.count || line.unicodeScalars.count <= 40, standaloneKinds.contains(kind),
              line.trimming(" \t*_:\u{A0}").count == labelText.count
        else { return nil }
        return FieldLabel(kind: kind, value: "", valueColumn: line.unicodeScalars.count, standalone: true)
    }
}

extension String {
    /// Typographic apostrophes as `'`.
    func replacingApostrophes() -> String {
        String(map { $0 == "\u{2019}" || $0 == "`" ? "'" : $0 })
    }
}
