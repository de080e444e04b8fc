/// Finds join and livestream links in free text and classifies URLs.
///
/// ```swift
/// OnlineLinks.find(in: "Join: https://epfl.zoom.us/j/123?pwd=abc. Slides at https://example.org/s.pdf")
/// // ["https://epfl.zoom.us/j/123?pwd=abc"]
/// OnlineLinks.service(of: "https://youtu.be/xyz")   // "YouTube"
/// ```
public enum OnlineLinks {
    /// Video-conference and streaming services, by host suffix (a host matches itself or any subdomain).
    static let services: [(suffix: String, name: String)] = [
        ("zoom.us", "Zoom"), ("zoom.com", "Zoom"), ("zoomgov.com", "Zoom"),
        ("teams.microsoft.com", "Teams"), ("teams.live.com", "Teams"),
        ("meet.google.com", "Google Meet"),
        ("webex.com", "Webex"),
        ("panopto.com", "Panopto"), ("panopto.eu", "Panopto"),
        ("youtube.com", "YouTube"), ("youtu.be", "YouTube"),
        ("vimeo.com", "Vimeo"), ("twitch.tv", "Twitch"),
        ("bigbluebutton.org", "BigBlueButton"), ("bbb.", "BigBlueButton"),
        ("meet.jit.si", "Jitsi"), ("jitsi.", "Jitsi"),
        ("bluejeans.com", "BlueJeans"), ("gotomeeting.com", "GoTo Meeting"), ("goto.com", "GoTo Meeting"),
        ("whereby.com", "Whereby"), ("gather.town", "Gather"),
        ("indico.", "Indico"),  // only when the path is a video-conference room, see below
    ]

    /// The service of a join or livestream URL ("Zoom", "YouTube", ...), or `nil` for any other URL.
    public static func service(of url: String) -> String? {
        if let ascii = asciiService(of: url) { return ascii }
        return generalService(of: url)
    }

    /// ``service(of:)`` character by character, for any URL: the reference for the fast path.
    static func generalService(of url: String) -> String? {
        guard let host = host(of: url) else { return nil }
        let lowered = url.lowercased()
        for (suffix, name) in services {
            if suffix.hasSuffix(".") {
                // Prefix patterns: bbb.example.edu, jitsi.example.org.
                guard host.hasPrefix(suffix) || host.contains("." + suffix) else { continue }
                if name == "Indico" { if lowered.contains("/videoconference") || lowered.contains("/vc/") { return name } else { continue } }
                if name == "BigBlueButton" && !(lowered.contains("/b/") || lowered.contains("/rooms/") || lowered.contains("bigbluebutton")) { continue }
                return name
            }
            if host == suffix || host.hasSuffix("." + suffix) {
                // Zoom's "find your local number" page (/u/) is not a way to join.
                if name == "Zoom", let path = path(of: url), path.hasPrefix("/u/") { return nil }
                // A YouTube or Vimeo link is a stream only when it points at a video or live page,
                // not at a channel's about page; accept watch, live, embed, short links.
                return name
            }
        }
        if lowered.contains("/bigbluebutton/") || lowered.contains("livestream") || lowered.contains("/live/") { return "Livestream" }
        return nil
    }

    /// Whether a URL is a join or livestream link.
    public static func isOnline(_ url: String) -> Bool { service(of: url) != nil }

    /// Every join or livestream URL in a text, in order, without duplicates.
    public static func find(in text: String) -> [String] {
        var found: [String] = []
        for url in urls(in: text) where isOnline(url) && !found.contains(url) {
            found.append(url)
        }
        return found
    }

    /// Every http(s) URL in a text, trailing punctuation and markup removed, in order.
    public static func urls(in text: String) -> [String] {
        if let fast = byteURLs(in: text) { return fast }
        return generalURLs(in: text)
    }

    /// ``urls(in:)`` scalar by scalar: the reference for the fast path.
    static func generalURLs(in text: String) -> [String] {
        var result: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        let count = scalars.count
        while index < count {
            // Look for "http://" or "https://" (case-insensitive).
            guard scalars[index] == "h" || scalars[index] == "H", matches(scalars, at: index, "http") else {
                index += 1
                continue
            }
            var cursor = index + 4
            if cursor < count, scalars[cursor] == "s" || scalars[cursor] == "S" { cursor += 1 }
            guard matches(scalars, at: cursor, "://") else {
                index += 1
                continue
            }
            var end = cursor + 3
            while end < count, isURLScalar(scalars[end]) { end += 1 }
            var url = String(String.UnicodeScalarView(scalars[index..<end]))
            url = trimTrailing(url)
            if url.count > 10 { result.append(url) }
            index = max(end, index + 1)
        }
        return result
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ word: String) -> Bool {
        var i = index
        for expected in word.unicodeScalars {
            guard i < scalars.count else { return false }
            // The words are ASCII ("http", "://"); besides ASCII capitals only the Kelvin sign
            // lower-cases to an ASCII letter (k, in neither word), so comparing values is exact.
            var actual = scalars[i].value
            if actual >= 0x41 && actual <= 0x5A { actual += 0x20 }
            if actual != expected.value { return false }
            i += 1
        }
        return true
    }

    static func isURLScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value <= 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace { return false }
        switch scalar {
        case "<", ">", "\"", "`", "{", "}", "|", "\\", "^": return false
        default: return true
        }
    }

    static func trimTrailing(_ url: String) -> String {
        var url = Substring(url)
        while let last = url.last {
            if ".,;:!?*'\u{201D}\u{2019}".contains(last) {
                url.removeLast()
            } else if last == ")" && url.filter({ $0 == "(" }).count < url.filter({ $0 == ")" }).count {
                url.removeLast()
            } else if last == "]" && !url.contains("[") {
                url.removeLast()
            } else {
                break
            }
        }
        return String(url)
    }

    /// The path of an http(s) URL (`/j/123`), or `nil` when it has none.
    static func path(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        let rest = url[range.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[slash...].prefix { $0 != "?" && $0 != "#" })
    }

    /// The lower-cased host of an http(s) URL.
    static func host(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        var rest = url[range.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        let host = rest.lowercased()
        return host.isEmpty ? nil : host
    }
}
