/// RFC 5545 TEXT escaping: `\\`, `\;`, `\,` and `\n` (or `\N`) for a line break.
///
/// ```swift
/// ICalendarText.unescape("Room 2\\, floor 1\\nBring a laptop")   // "Room 2, floor 1\nBring a laptop"
/// ICalendarText.escape("a;b,c\\d\ne")                            // "a\\;b\\,c\\\\d\\ne"
/// ICalendarText.list("Seminar,Data science\\, theory")            // ["Seminar", "Data science, theory"]
/// ```
public enum ICalendarText {
    /// The TEXT value for a string: backslash, semicolon, comma and line breaks escaped.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            default: result.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        return result
    }

    /// The string a TEXT value stands for. Besides the RFC's escapes, `\:` (a common
    /// producer mistake) gives `:`; any other backslash is kept as written.
    public static func unescape(_ raw: some StringProtocol) -> String {
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return String(raw) }
        var result = ""
        result.reserveCapacity(raw.utf8.count)
        var iterator = raw.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "\\" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "n"?, "N"?: result += "\n"
            case "\\"?: result += "\\"
            case ";"?: result += ";"
            case ","?: result += ","
            case ":"?: result += ":"
            case let other?: result += "\\"; result.unicodeScalars.append(other)
            case nil: result += "\\"
            }
        }
        return result
    }

    /// A comma-separated list of TEXT values, each unescaped; escaped commas stay inside a value.
    public static func list(_ raw: some StringProtocol) -> [String] {
        var items: [String] = []
        var current = ""
        var escaped = false
        for scalar in raw.unicodeScalars {
            if escaped {
                current.unicodeScalars.append(scalar)
                escaped = false
            } else if scalar == "\\" {
                current += "\\"
                escaped = true
            } else if scalar == "," {
                items.append(unescape(current))
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        items.append(unescape(current))
        return items
    }

    /// Splits a value list (DATE-TIME, PERIOD, ...) on commas.
    static func rawList(_ raw: some StringProtocol) -> [Substring] {
        String(raw).split(separator: ",", omittingEmptySubsequences: true)
    }
}
