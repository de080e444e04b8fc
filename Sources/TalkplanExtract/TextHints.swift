import Foundation

/// Document-wide hints: its main language and the region it most likely comes from.
///
/// ```swift
/// TextHints.language(of: ["Le séminaire aura lieu dans la salle 5"])   // "fr"
/// TextHints.region(of: ["physics.dept@mail.biu.ac.il"], senderDomain: nil)   // "IL"
/// ```
enum TextHints {
    static let stopwords: [String: Set<String>] = [
        "en": ["the", "and", "of", "will", "is", "with", "this", "are", "be", "you", "we", "our", "talk"],
        "fr": ["les", "des", "est", "une", "dans", "avec", "sur", "aura", "lieu", "nous", "vous", "pour", "seminaire"],
        "es": ["los", "las", "del", "una", "con", "para", "por", "sera", "que", "el", "seminario", "sala"],
        "de": ["der", "die", "das", "und", "ist", "mit", "wird", "ein", "eine", "im"],
    ]

    /// The language whose common words are most frequent (`en`, `fr`, `es`, `de`), or `nil`.
    static func language(of texts: some Sequence<String>) -> String? {
        var counts: [String: Int] = [:]
        var words = 0
        outer: for text in texts {
            var word = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let letter = (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                    || (scalar.value >= 0x80 && scalar.properties.isAlphabetic)
                if letter {
                    if word.count < 24 { word.append(scalar) }
                    continue
                }
                if word.isEmpty { continue }
                words += 1
                if words > 600 { break outer }
                let folded = DateNames.fold(String(word))
                for (language, list) in stopwords where list.contains(folded) { counts[language, default: 0] += 1 }
                word = String.UnicodeScalarView()
            }
        }
        guard let best = counts.max(by: { $0.value < $1.value }), best.value >= 2 else { return nil }
        return best.key
    }

    /// Hosts of video and streaming services, which say nothing about where a talk is.
    static let serviceDomains = ["zoom.us", "zoom.com", "zoomgov.com", "microsoft.com", "webex.com", "youtube.com", "youtu.be",
                                 "panopto.com", "panopto.eu", "google.com", "vimeo.com", "jit.si", "gather.town"]

    /// Country-code top-level domains that name a region; `edu` and `gov` are American.
    static func region(ofDomain domain: String) -> String? {
        if let fast = asciiRegion(ofDomain: domain) { return fast }
        return generalRegion(ofDomain: domain)
    }

    /// ``region(ofDomain:)`` for any domain, by characters.
    static func generalRegion(ofDomain domain: String) -> String? {
        let parts = domain.lowercased().split(separator: ".")
        guard let tld = parts.last, parts.count >= 2 else { return nil }
        switch tld {
        case "edu", "gov", "mil": return "US"
        case "uk": return "GB"
        case "com", "org", "net", "info", "io", "eu", "int", "us", "be", "me", "tv", "co": return nil
        default: return tld.count == 2 && tld.allSatisfy(\.isLetter) ? tld.uppercased() : nil
        }
    }

    /// The region the document most likely comes from: the sender's and the addresses' domains,
    /// Hebrew script (Israel), US `City, ST 12345` addresses.
    static func region(of texts: some Sequence<String>, senderDomain: String?) -> String? {
        var votes: [String: Int] = [:]
        if let senderDomain, let region = region(ofDomain: senderDomain) { votes[region, default: 0] += 3 }
        var lines = 0
        for text in texts {
            lines += 1
            if lines > 3000 { break }
            // An ASCII line without `@`, `://` or `www.` (most lines) is passed over in one look at its bytes.
            if asciiLineLacksAddress(text) { continue }
            if text.containsByte(0xD7), text.unicodeScalars.contains(where: { $0.value >= 0x05D0 && $0.value <= 0x05EA }) { votes["IL", default: 0] += 2 }
            guard text.containsByte(0x40) || text.containsASCII("://") || text.containsASCII("www.") else { continue }
            func vote(_ domain: String) {
                guard !serviceDomains.contains(where: { domain.hasSuffix($0) }) else { return }
                if let region = region(ofDomain: domain) { votes[region, default: 0] += 1 }
            }
            if let domains = asciiDomains(in: text) {
                domains.forEach(vote)
                continue
            }
            for word in text.split(whereSeparator: isWordSeparator) {
                if let domain = domain(in: word) { vote(domain) }
            }
        }
        guard let best = votes.max(by: { $0.value < $1.value }) else { return nil }
        return best.key
    }

    /// What separates the words a domain is looked for in: spaces, `<`, `>`, `(`, `)` and `"`.
    static func isWordSeparator(_ character: Character) -> Bool {
        character == " " || character == "<" || character == ">" || character == "(" || character == ")" || character == "\""
    }

    /// The first "://" of a word, as `range(of:)` finds it; on bytes when the word is ASCII.
    static func schemeSeparator(in word: Substring) -> Range<Substring.Index>? {
        let found = word.utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count >= 3 else { return .some(nil) }
            for start in 0...(bytes.count - 3) where bytes[start] == 0x3A && bytes[start + 1] == 0x2F && bytes[start + 2] == 0x2F {
                return .some(start..<(start + 3))
            }
            return .some(nil)
        }
        guard case .some(.some(let match)) = found else { return word.range(of: "://") }
        guard let match else { return nil }
        let start = word.utf8.index(word.startIndex, offsetBy: match.lowerBound)
        return start..<word.utf8.index(start, offsetBy: 3)
    }

    /// The host of a URL or the domain of an email address in a word.
    static func domain(in word: Substring) -> String? {
        var text = word
        if let scheme = schemeSeparator(in: text) { text = text[scheme.upperBound...] } else if let at = text.lastIndex(of: "@") {
            text = text[text.index(after: at)...]
        } else if text.hasPrefix("www.") {
            // keep
        } else {
            return nil
        }
        let host = text.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
        let trimmed = host.trimming(".-")
        return trimmed.contains(".") ? trimmed.lowercased() : nil
    }
}
