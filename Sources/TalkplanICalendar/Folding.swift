/// Content-line serialisation: parameters quoted and caret-encoded, lines folded at 75
/// octets (never inside a UTF-8 sequence), CRLF line ends.
///
/// ```swift
/// ICalendarFolding.line(ICalendarProperty("DTSTART", parameters: [ICalendarParameter("TZID", "Europe/Paris")],
///                                         value: "20240404T120000"))
/// // "DTSTART;TZID=Europe/Paris:20240404T120000\r\n"
/// ```
public enum ICalendarFolding {
    /// The longest physical line, in octets, line break excluded (RFC 5545 §3.1).
    public static let lineLimit = 75

    /// A property as folded physical lines, each ending in CRLF.
    public static func line(_ property: ICalendarProperty) -> String {
        fold(unfolded(property))
    }

    /// A property as one unfolded content line, without line break.
    public static func unfolded(_ property: ICalendarProperty) -> String {
        var text = property.name
        for parameter in property.parameters {
            text += ";" + parameter.name + "="
            text += parameter.values.map(parameterValue).joined(separator: ",")
        }
        text += ":"
        // A value cannot hold a line break: TEXT writes it as \n.
        if property.value.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var value = ""
            var previousWasCR = false
            for scalar in property.value.unicodeScalars {
                if scalar == "\r" {
                    value += "\\n"
                } else if scalar == "\n" {
                    if !previousWasCR { value += "\\n" }
                } else {
                    value.unicodeScalars.append(scalar)
                }
                previousWasCR = scalar == "\r"
            }
            text += value
        } else {
            text += property.value
        }
        return text
    }

    /// A parameter value: RFC 6868 caret encoding for `^`, `"` and line breaks, and quotes
    /// when it holds `:`, `;` or `,`.
    public static func parameterValue(_ value: String) -> String {
        var encoded = ""
        var needsQuotes = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "^": encoded += "^^"
            case "\"": encoded += "^'"
            case "\n": encoded += "^n"
            case "\r": continue
            case ":", ";", ",": needsQuotes = true; encoded.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 && scalar != "\t" { continue }
                encoded.unicodeScalars.append(scalar)
            }
        }
        return needsQuotes ? "\"" + encoded + "\"" : encoded
    }

    /// Folds one content line: at most 75 octets per physical line, continuation lines start
    /// with a space, cuts fall between UTF-8 sequences; every line ends in CRLF.
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > lineLimit else { return line + "\r\n" }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 70 * 3 + 2)
        var start = 0
        var first = true
        while start < bytes.count {
            let room = first ? lineLimit : lineLimit - 1
            var end = min(start + room, bytes.count)
            if end < bytes.count {
                while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
            if !first { output.append(0x20) }
            output.append(contentsOf: bytes[start..<end])
            output.append(contentsOf: [0x0D, 0x0A])
            start = end
            first = false
        }
        return String(decoding: output, as: UTF8.self)
    }
}
