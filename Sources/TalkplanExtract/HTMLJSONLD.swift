import Foundation

/// Events in JSON-LD (schema.org `Event`): written as labelled lines the text reader understands.
///
/// ```swift
/// JSONLDEvents.lines(in: #"{"@type": "Event", "name": "Talk", "startDate": "2024-05-16T15:00:00+02:00"}"#)
/// // ["Title: Talk", "Start: 2024-05-16T15:00:00+02:00", ""]
/// ```
enum JSONLDEvents {
    static func lines(in text: String) -> [String] {
        guard text.utf8.count < 1_000_000,
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        else { return [] }
        var result: [String] = []
        visit(object, into: &result, depth: 0)
        return result
    }

    private static func visit(_ value: Any, into result: inout [String], depth: Int) {
        guard depth < 8, result.count < 400 else { return }
        if let array = value as? [Any] {
            for item in array { visit(item, into: &result, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if let start = object["startDate"] as? String {
                if let name = object["name"] as? String { result.append("Title: " + name.collapsingWhitespace()) }
                if let performer = names(object["performer"]) { result.append("Speaker: " + performer) }
                result.append("Start: " + start)
                if let end = object["endDate"] as? String { result.append("End: " + end) }
                if let place = place(object["location"]) { result.append("Location: " + place) }
                result.append("")
            } else {
                for key in ["@graph", "subEvent", "event", "itemListElement", "item"] {
                    if let inner = object[key] { visit(inner, into: &result, depth: depth + 1) }
                }
            }
        }
    }

    private static func names(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let array = value as? [Any] {
            let all = array.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }

    private static func place(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let array = value as? [Any] { return array.lazy.compactMap { place($0) }.first }
        guard let object = value as? [String: Any] else { return nil }
        if (object["@type"] as? String) == "VirtualLocation" { return nil }
        var parts: [String] = []
        if let name = object["name"] as? String { parts.append(name) }
        if let address = object["address"] as? String {
            parts.append(address)
        } else if let address = object["address"] as? [String: Any] {
            for key in ["streetAddress", "postalCode", "addressLocality", "addressCountry"] {
                if let part = address[key] as? String { parts.append(part) }
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
