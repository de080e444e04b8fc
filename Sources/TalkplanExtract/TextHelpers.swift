extension StringProtocol {
    /// The text without leading and trailing characters of a set.
    ///
    /// ```swift
    /// "  *Title:* ".trimming(" *")   // "Title:"
    /// ```
    func trimming(_ set: String) -> String {
        let text = String(self)
        let scalars = text.unicodeScalars
        let members = set.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, members.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard members.contains(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(text[start..<end])
    }

    /// The text with runs of whitespace collapsed to one space, trimmed.
    ///
    /// ```swift
    /// " a \t b\u{A0}c ".collapsingWhitespace()   // "a b c"
    /// ```
    func collapsingWhitespace() -> String {
        // ASCII text without tabs or double spaces is already collapsed.
        var clean = true
        var previousSpace = true
        for byte in utf8 {
            if byte >= 0x80 || byte < 0x20 { clean = false; break }
            if byte == 0x20 {
                if previousSpace { clean = false; break }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        if clean && !previousSpace { return String(self) }
        return TextWhitespace.collapse(String(self))
    }

    /// ``collapsingWhitespace()`` scalar by scalar: the general path the byte one is checked against.
    func generalCollapsingWhitespace() -> String {
        var result = String.UnicodeScalarView()
        var pending = false
        for scalar in self.unicodeScalars {
            if scalar.properties.isWhitespace {
                pending = true
            } else {
                if pending && !result.isEmpty { result.append(" ") }
                pending = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
