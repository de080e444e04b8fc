import TalkplanTime

/// The zone chosen for times that carry none (floating times, dates), and why.
///
/// ```swift
/// assumption.zone     // Europe/Zurich
/// assumption.reason   // "the feed is EPFL's (PRODID \"-//Memento EPFL//\"), in Lausanne"
/// ```
public struct ICalendarZoneAssumption: Sendable, Hashable {
    public var zone: Zone
    /// Lower-case, naming the evidence.
    public var reason: String

    public init(zone: Zone, reason: String) {
        self.zone = zone
        self.reason = reason
    }
}

/// Infers the zone of a feed that gives floating times from what the feed reveals about
/// where it comes from, strongest evidence first:
/// 1. the domain of its links and addresses (URL, X-ORIGINAL-URL, UID, ORGANIZER) when it
///    is an institution's (`memento.epfl.ch`);
/// 2. an institution named in PRODID, X-WR-CALNAME, ORGANIZER's name or LOCATION (`-//Memento EPFL//`);
/// 3. an institution's video-conference subdomain in LOCATION or DESCRIPTION (`epfl.zoom.us`);
/// 4. a city named in LOCATION (`Bâtiment BC, Lausanne`);
/// 5. the country-code domain of those links and addresses, for countries with one zone (`.ch`).
///
/// Speakers' affiliations in SUMMARY and DESCRIPTION are never used: a talk by an EPFL
/// speaker may well be given in Paris.
enum FloatingZoneInference {
    static func infer(calendar: ICalendarComponent?, event: ICalendarComponent?) -> ICalendarZoneAssumption? {
        var hosts: [(String, String)] = []  // (host, where)
        func addHost(ofURL text: String?, _ label: String) {
            guard let text, let host = host(ofURL: text) else { return }
            hosts.append((host, label))
        }
        addHost(ofURL: event?.first("URL")?.value, "URL")
        addHost(ofURL: calendar?.first("URL")?.value, "URL")
        addHost(ofURL: calendar?.first("X-ORIGINAL-URL")?.value, "X-ORIGINAL-URL")
        if let uid = event?.first("UID")?.text, let at = uid.lastIndex(of: "@") {
            let domain = uid[uid.index(after: at)...].lowercased()
            if domain.contains("."), domain.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) {
                hosts.append((domain, "UID"))
            }
        }
        if let organizer = event?.first("ORGANIZER")?.value, let at = organizer.lastIndex(of: "@") {
            hosts.append((organizer[organizer.index(after: at)...].lowercased(), "ORGANIZER"))
        }

        // 1. Institution domains.
        for (host, label) in hosts {
            if let institution = Institution.matching(host: host), let zone = try? Zone(institution.zone) {
                return ICalendarZoneAssumption(zone: zone, reason: "the feed comes from \(host) (\(label)), in \(institution.city)")
            }
        }
        // 2. Institution names.
        var texts: [(String, String)] = []
        if let value = calendar?.first("PRODID")?.text { texts.append(("PRODID", value)) }
        if let value = calendar?.first("X-WR-CALNAME")?.text { texts.append(("X-WR-CALNAME", value)) }
        if let value = event?.first("ORGANIZER")?.parameter("CN") { texts.append(("ORGANIZER", value)) }
        let location = event?.first("LOCATION")?.text
        if let location { texts.append(("LOCATION", location)) }
        for (label, text) in texts {
            if let (institution, name) = Institution.named(in: text), let zone = try? Zone(institution.zone) {
                return ICalendarZoneAssumption(zone: zone, reason: "the feed is \(name)'s (\(label) \(quoted(text, limit: 40))), in \(institution.city)")
            }
        }
        // 3. Video-conference subdomains (epfl.zoom.us).
        let linkText = [location, event?.first("DESCRIPTION")?.text].compactMap { $0 }.joined(separator: " ")
        for url in urls(in: linkText) {
            guard let host = host(ofURL: url) else { continue }
            let labels = host.split(separator: ".")
            guard labels.count >= 3 else { continue }
            let service = labels.suffix(2).joined(separator: ".")
            guard ["zoom.us", "webex.com", "zoom.com"].contains(service) else { continue }
            let label = String(labels[0])
            if let institution = Institution.all.first(where: { $0.domains.contains { $0.split(separator: ".").first.map(String.init) == label } }),
               let zone = try? Zone(institution.zone) {
                return ICalendarZoneAssumption(zone: zone, reason: "its video link is on \(host), \(institution.names.first ?? label)'s, in \(institution.city)")
            }
        }
        // 4. A city in LOCATION.
        if let location {
            let parts = location.split(whereSeparator: { ",;()\n/–—|".contains($0) })
            for part in parts.suffix(8).reversed() {
                let text = part.trimmingICalendarWhitespace()
                guard text.count >= 3, text.count <= 40, !text.contains(where: \.isNumber),
                      let reading = try? ZoneNameResolver.shared.resolve(text), reading.method == .city || reading.method == .country
                else { continue }
                return ICalendarZoneAssumption(zone: reading.zone, reason: "LOCATION names \(text) (\(reading.detail))")
            }
        }
        // 5. Country-code domains.
        for (host, label) in hosts {
            guard let tld = host.split(separator: ".").last.map(String.init), let country = Institution.countryDomains[tld],
                  let zone = try? Zone(country.zone)
            else { continue }
            return ICalendarZoneAssumption(zone: zone, reason: "the feed comes from \(host) (\(label)), a domain of \(country.country)")
        }
        return nil
    }

    /// The lower-cased host of an http(s) URL.
    static func host(ofURL text: String) -> String? {
        let trimmed = text.trimmingICalendarWhitespace()
        guard let range = trimmed.firstRange(of: "://") else { return nil }
        var rest = trimmed[range.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        let host = rest.lowercased()
        return host.isEmpty ? nil : host
    }

    /// http(s) URLs in a text (up to the next space or angle bracket).
    static func urls(in text: String) -> [String] {
        var result: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "<" || $0 == ">" || $0 == "\"" }) {
            if let range = word.firstRange(of: "http"), word[range.lowerBound...].contains("://") {
                result.append(String(word[range.lowerBound...]))
            }
        }
        return result
    }
}
