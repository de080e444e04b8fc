/// The speaker and title that announcements pack into one line or label in a description.
///
/// ```swift
/// let split = SpeakerTitle.split(summary: "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)",
///                                description: "Title: A Formula for Feature Learning in Large Neural Networks")
/// split.speaker       // "Lénaïc Chizat (EPFL)"
/// split.title         // "ENS-Data Science colloquium - Lénaïc Chizat (EPFL)"  (the event's own title)
/// split.statedTitle   // "A Formula for Feature Learning in Large Neural Networks"
///
/// SpeakerTitle.split(summary: "Greg Yang (Microsoft Research): Feature Learning in Infinite-Width Networks",
///                    description: nil).title   // "Feature Learning in Infinite-Width Networks"
/// ```
public struct SpeakerTitle: Sendable, Hashable {
    /// The speaker, affiliation included when given ("Greg Yang (Microsoft Research)").
    public var speaker: String?
    /// The title to show: the summary, or its title part when the summary is "Speaker: Title".
    public var title: String?
    /// The talk's own title when a label states it ("Title: ...", "Titre : ...").
    public var statedTitle: String?

    public init(speaker: String? = nil, title: String? = nil, statedTitle: String? = nil) {
        self.speaker = speaker
        self.title = title
        self.statedTitle = statedTitle
    }

    /// Labels that introduce a speaker, in English, French, Spanish and German.
    public static let speakerLabels = [
        "speaker", "speakers", "speaker(s)", "presenter", "lecturer", "invited speaker", "guest speaker",
        "orateur", "oratrice", "conférencier", "conférencière", "intervenant", "intervenante", "exposant",
        "expositor", "expositora", "ponente", "charlista", "conferencista",
        "referent", "referentin", "vortragende", "vortragender", "sprecher",
    ]

    /// Labels that introduce a talk's title.
    public static let titleLabels = ["title", "talk title", "titre", "título", "titulo", "titel", "thema"]

    /// Splits speaker and title out of an event's summary and description:
    /// 1. labelled lines in the description ("Speaker: ...", "Title: ...");
    /// 2. a summary of the form "Series - Speaker (Affiliation)" or "Speaker: Title";
    /// 3. a description whose first line is only a name with an affiliation.
    public static func split(summary: String?, description: String?) -> SpeakerTitle {
        var result = SpeakerTitle(title: summary.map(clean).flatMap { $0.isEmpty ? nil : $0 })
        if let description {
            result.speaker = labeledValue(in: description, labels: speakerLabels)
            result.statedTitle = labeledValue(in: description, labels: titleLabels)
        }
        if let summary = result.title {
            for separator in separators {
                guard let range = firstRange(of: separator, in: summary) else { continue }
                let before = clean(String(summary[..<range.lowerBound]))
                let after = clean(String(summary[range.upperBound...]))
                if looksLikePersonName(after), !looksLikePersonName(before) {
                    if result.speaker == nil { result.speaker = after }
                    break
                }
                if looksLikePersonName(before), !after.isEmpty, !looksLikePersonName(after) {
                    if result.speaker == nil { result.speaker = before }
                    if result.speaker == before { result.title = after }
                    break
                }
            }
        }
        if result.speaker == nil, let description,
           let first = firstLine(of: description).map({ clean(String($0)) }),
           first.contains("("), looksLikePersonName(first) {
            result.speaker = first
        }
        // A name's no-break spaces are plain spaces ("Chizat\u{00A0}(EPFL)").
        result.speaker = result.speaker.map { String($0.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 }) }
        return result
    }

    /// What separates a series or speaker from the rest of a summary, in order of preference.
    static let separators = [" - ", " – ", " — ", ": ", " | ", " : "]

    /// The value of the first line that starts with one of the labels and a colon
    /// ("Speaker: Greg Yang (Microsoft Research)"), or `nil`.
    public static func labeledValue(in text: String, labels: [String]) -> String? {
        if labels == speakerLabels { return labeledValueFast(in: text, labels: labels, keys: speakerLabelKeys) }
        if labels == titleLabels { return labeledValueFast(in: text, labels: labels, keys: titleLabelKeys) }
        return generalLabeledValue(in: text, labels: labels)
    }

    /// ``labeledValue(in:labels:)`` line by line, for any labels: the reference for the fast path.
    static func generalLabeledValue(in text: String, labels: [String]) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            if let value = labeledValue(ofLine: line, labels: labels) { return value }
        }
        return nil
    }

    /// The value of one line when it starts with one of the labels and a colon.
    static func labeledValue(ofLine line: Substring, labels: [String]) -> String? {
        let trimmed = clean(String(line))
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let label = trim(trimmed[..<colon], " *_#\t").lowercased()
        guard labels.contains(label) else { return nil }
        let value = clean(String(trimmed[trimmed.index(after: colon)...]))
        if !value.isEmpty, value.count <= 300 { return value }
        return nil
    }

    /// Words that name series and subjects, never people.
    static let nonNameWords: Set<String> = [
        "seminar", "seminars", "colloquium", "colloquia", "lecture", "lectures", "talk", "talks", "workshop",
        "meeting", "conference", "session", "webinar", "series", "school", "course", "group", "reading",
        "club", "day", "days", "theory", "learning", "science", "sciences", "data", "mathematics", "math",
        "physics", "analysis", "department", "institute", "university", "lab", "laboratory", "center", "centre",
        "séminaire", "colloque", "exposé", "journée", "groupe", "seminario", "coloquio", "charla", "jornada",
        "kolloquium", "vortrag", "neural", "networks", "machine", "statistics", "probability", "geometry",
        "algebra", "topology", "computer", "cancelled", "canceled", "annulé", "postponed", "tba", "tbd",
        "online", "zoom", "hybrid", "special", "invited", "public", "defense", "defence", "thesis", "phd",
    ]

    /// Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Juan de la Cruz").
    static let particles: Set<String> = [
        "de", "del", "della", "di", "da", "dos", "das", "du", "des", "la", "le", "van", "von", "der", "den",
        "ter", "ten", "y", "e", "el", "al", "bin", "ben", "ibn", "zu", "af", "st.",
    ]

    /// Whether a text reads as a person's name, optionally followed by an affiliation in
    /// parentheses or after a comma: two to five capitalised words, no digits, no series words.
    public static func looksLikePersonName(_ text: String) -> Bool {
        if let ascii = asciiLooksLikePersonName(text) { return ascii }
        return generalLooksLikePersonName(text)
    }

    /// ``looksLikePersonName(_:)`` character by character, for any text: the reference for the fast path.
    static func generalLooksLikePersonName(_ text: String) -> Bool {
        var name = Substring(text)
        if let open = name.firstIndex(of: "(") {
            guard name.hasSuffix(")") || name.contains(")") else { return false }
            name = name[..<open]
        }
        if let comma = name.firstIndex(of: ",") { name = name[..<comma] }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" })
        guard (2...5).contains(words.count) else { return false }
        var capitalised = 0
        for word in words {
            if word.contains(where: \.isNumber) { return false }
            let lower = word.lowercased()
            if nonNameWords.contains(trim(lower, ".,;:!?")) { return false }
            if particles.contains(lower) { continue }
            guard let first = word.first, first.isUppercase else { return false }
            // ALL-CAPS words longer than an initial are acronyms ("ENS-DATA"), not names.
            let letters = word.filter(\.isLetter)
            if letters.count > 2, letters.allSatisfy(\.isUppercase) { return false }
            capitalised += 1
        }
        return capitalised >= 2
    }

    /// A line with surrounding whitespace removed.
    static func clean(_ text: String) -> String {
        if needsNoCleaning(text) { return text }
        return trim(text, " \t\r\n\u{00A0}")
    }

    /// The text without the given characters at either end.
    static func trim(_ text: some StringProtocol, _ set: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

