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
        var text = String(raw)
        let unescaped: String? = text.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: "\\")) else { return nil }
            // Escapes are ASCII, so bytes are copied as they are; the result is never longer.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output in
                var count = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                        output[count] = byte
                        count += 1
                        continue
                    }
                    switch bytes[index] {
                    case UInt8(ascii: "n"), UInt8(ascii: "N"):
                        output[count] = 0x0A
                        index += 1
                    case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ":"):
                        output[count] = bytes[index]
                        index += 1
                    default:
                        // Kept as written: the backslash, then what follows.
                        output[count] = byte
                    }
                    count += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: output[..<count]), as: UTF8.self)
            }
        }
        return unescaped ?? text
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
        ByteText.split(Substring(raw), UInt8(ascii: ","))
    }
}
