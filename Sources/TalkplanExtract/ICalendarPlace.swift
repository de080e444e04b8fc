import TalkplanICalendar

/// Where an event takes place, with sense: a LOCATION that is only a link, or only "Zoom" or
/// "online", is no physical place.
///
/// ```swift
/// ICalendarPlace(location: "https://epfl.zoom.us/j/62277760614").physical   // nil (and the link is online)
/// ICalendarPlace(location: "BC 420 / Zoom").physical                         // "BC 420 / Zoom", mode hybrid
/// ICalendarPlace(location: "Online").mode                                    // .online
/// ```
struct ICalendarPlace {
    /// The physical place, as written (links removed), or `nil`.
    var physical: String?
    /// Join and livestream links, in order, without duplicates.
    var links: [String] = []
    /// Whether the event says it can be followed online, with or without a link.
    var saysOnline = false

    var mode: AttendanceMode { AttendanceMode(hasLocation: physical != nil, hasOnlineLink: !links.isEmpty || saysOnline) }

    /// Words that mean "not in a room".
    static let onlineWords: [String] = [
        "zoom", "online", "on-line", "virtual", "virtually", "webinar", "remote", "remotely", "en ligne", "en línea",
        "virtuel", "virtuelle", "teams", "microsoft teams", "ms teams", "google meet", "meet", "webex", "youtube",
        "livestream", "live stream", "live-stream", "streaming", "stream", "jitsi", "bigbluebutton", "bbb",
        "gather", "gather.town", "skype", "videoconference", "video conference", "visioconférence", "visio",
        "videoconferencia", "internet", "link", "links", "lien", "enlace", "via", "on", "and", "or", "et", "ou", "y", "o",
        "only", "seulement", "solo", "tba", "tbd", "à confirmer", "por confirmar",
    ]

    /// ``onlineWords`` as word sequences, longest first.
    static let phrases: [[String]] = onlineWords.map { $0.split(separator: " ").map(String.init) }
        .sorted { $0.count > $1.count }

    /// ``phrases`` by their first word (each list longest first), so a word is matched by one lookup.
    static let phrasesByFirstWord: [String: [[String]]] = Dictionary(grouping: phrases, by: { $0[0] })

    /// Words among ``onlineWords`` that mean online by themselves (the rest are connectors or unknowns).
    static let onlineMeaning: Set<String> = [
        "zoom", "online", "on-line", "virtual", "virtually", "webinar", "remote", "remotely", "en ligne", "en línea",
        "virtuel", "virtuelle", "teams", "microsoft teams", "ms teams", "google meet", "meet", "webex", "youtube",
        "livestream", "live stream", "live-stream", "streaming", "stream", "jitsi", "bigbluebutton", "bbb",
        "gather", "gather.town", "skype", "videoconference", "video conference", "visioconférence", "visio", "videoconferencia",
    ]

    /// Properties some producers put join links in.
    static let linkProperties = ["X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK",
                                 "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK"]

    init(location: String?) {
        guard let location else { return }
        let urls = OnlineLinks.urls(in: location)
        var rest = location
        for url in urls {
            rest = rest.replacingFirst(url, with: " ")
            add(url)
        }
        // Drop the online words and connectors (longest phrases first); what remains is a place.
        let words = Self.words(rest)
        var remaining: [String] = []
        var index = 0
        scan: while index < words.count {
            for phrase in Self.phrasesByFirstWord[words[index]] ?? [] where words.count - index >= phrase.count
                && words[index..<(index + phrase.count)].elementsEqual(phrase) {
                if Self.onlineMeaning.contains(phrase.joined(separator: " ")) { saysOnline = true }
                index += phrase.count
                continue scan
            }
            remaining.append(words[index])
            index += 1
        }
        if remaining.isEmpty {
            physical = nil
        } else {
            physical = Self.trimmed(rest)
            if physical?.isEmpty == true { physical = nil }
        }
        if !urls.isEmpty, physical == nil { saysOnline = true }
    }

    /// The place of an event, its LOCATION read through `places` (feeds repeat the same few rooms).
    init(_ event: ICalendarEvent, places: inout PlaceMemo) {
        self.init(location: nil)
        for conference in event.conferences where conference.uri.lowercased().hasPrefix("http") { add(conference.uri) }
        let fromLocation = places.place(location: event.location)
        physical = fromLocation.physical
        saysOnline = fromLocation.saysOnline
        for link in fromLocation.links { add(link) }
        if let url = event.url, OnlineLinks.isOnline(url) { add(url) }
        for name in Self.linkProperties {
            for property in event.component.all(name) {
                let value = property.value.trimmingCharacters(" \t")
                if value.lowercased().hasPrefix("http") { add(value) }
            }
        }
        if let description = event.description {
            for link in OnlineLinks.find(in: description) { add(link) }
        }
    }

    private mutating func add(_ link: String) {
        if !links.contains(link) { links.append(link) }
    }

    /// Lower-case words of a text, punctuation dropped.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            .map { String($0).trimmingCharacters(".-") }.filter { !$0.isEmpty }
    }

    /// The text without surrounding whitespace and leftover separators.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(" \t\r\n,;:/|-–—+&")
    }
}

/// LOCATION values already read, for one input: a feed names the same few rooms on every
/// event, and reading a LOCATION (links, online words, connectors) costs more than a lookup.
/// Holds at most ``limit`` values, so memory stays bounded whatever the input.
struct PlaceMemo {
    static let limit = 4096
    private var places: [String: ICalendarPlace] = [:]

    /// The place a LOCATION describes, as ``ICalendarPlace/init(location:)`` reads it.
    mutating func place(location: String?) -> ICalendarPlace {
        guard let location else { return ICalendarPlace(location: nil) }
        if let known = places[location] { return known }
        let place = ICalendarPlace(location: location)
        if places.count < Self.limit { places[location] = place }
        return place
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }

    func trimmingCharacters(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
