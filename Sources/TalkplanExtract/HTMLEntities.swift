/// HTML character references: numeric (`&#233;`, `&#xE9;`) and the named ones announcements
/// use (HTML 4's Latin-1, symbol and typographic sets).
///
/// ```swift
/// HTMLEntities.decode("Mi&eacute;rcoles &ndash; 15&nbsp;h")   // "Miércoles – 15 h" (with a no-break space)
/// ```
enum HTMLEntities {
    /// ISO 8859-1 names for U+00A0 … U+00FF, in order.
    private static let latin1 = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
        acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
        Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
        Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
        ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
        oslash ugrave uacute ucirc uuml yacute thorn yuml
        """

    static let named: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
            "OElig": "\u{152}", "oelig": "\u{153}", "Scaron": "\u{160}", "scaron": "\u{161}", "Yuml": "\u{178}",
            "fnof": "\u{192}", "circ": "\u{2C6}", "tilde": "\u{2DC}", "ensp": "\u{2002}", "emsp": "\u{2003}",
            "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
            "ndash": "\u{2013}", "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}",
            "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
            "bull": "\u{2022}", "hellip": "\u{2026}", "permil": "\u{2030}", "prime": "\u{2032}", "Prime": "\u{2033}",
            "lsaquo": "\u{2039}", "rsaquo": "\u{203A}", "oline": "\u{203E}", "frasl": "\u{2044}", "euro": "\u{20AC}",
            "trade": "\u{2122}", "larr": "\u{2190}", "rarr": "\u{2192}", "harr": "\u{2194}", "minus": "\u{2212}",
            "rArr": "\u{21D2}", "hyphen": "\u{2010}", "dash": "\u{2010}", "NonBreakingSpace": "\u{A0}",
        ]
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(UInt32(0xA0 + offset))
        }
        return table
    }()

    /// Decodes every reference in a text; unknown or malformed ones are kept as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (scalar, length) = reference(scalars, at: index) {
                output.append(scalar)
                index += length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// The character a numeric reference's value stands for: Windows-1252 code points written as
    /// numbers (`&#150;`) mean their typographic characters; a value that is no scalar, U+FFFD.
    static func numeric(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value < 0xA0 {
            let text = TextDecoding.windows1252([UInt8(value)])
            return text.unicodeScalars.first ?? "\u{FFFD}"
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The character a reference at `index` stands for and the reference's length.
    static func reference(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        var cursor = index + 1
        guard cursor < scalars.count else { return nil }
        if scalars[cursor] == "#" {
            cursor += 1
            var hex = false
            if cursor < scalars.count, scalars[cursor] == "x" || scalars[cursor] == "X" {
                hex = true
                cursor += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while cursor < scalars.count, digits < 8 {
                let scalar = scalars[cursor]
                let digit: UInt32?
                switch scalar.value {
                case 0x30...0x39: digit = scalar.value - 0x30
                case 0x41...0x46 where hex: digit = scalar.value - 0x41 + 10
                case 0x61...0x66 where hex: digit = scalar.value - 0x61 + 10
                default: digit = nil
                }
                guard let digit else { break }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            guard digits > 0 else { return nil }
            if cursor < scalars.count, scalars[cursor] == ";" { cursor += 1 }
            return (numeric(value), cursor - index)
        }
        var name = ""
        while cursor < scalars.count, name.unicodeScalars.count < 32,
              scalars[cursor].properties.isAlphabetic || (scalars[cursor].value >= 0x30 && scalars[cursor].value <= 0x39) {
            name.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        guard let scalar = named[name] else { return nil }
        if cursor < scalars.count, scalars[cursor] == ";" { cursor += 1 }
        return (scalar, cursor - index)
    }
}
