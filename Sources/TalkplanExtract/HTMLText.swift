import Foundation

/// Web pages reduced to text lines: tags stripped, entities decoded, block elements turned
/// into line breaks, table cells separated by ` | `, script and style dropped, and the target
/// of a link written after its text (`Join <https://zoom.us/j/1>`) so that join links survive.
/// JSON-LD blocks (`<script type="application/ld+json">`) are kept as text: their ISO dates are
/// the page's structured data.
///
/// ```swift
/// HTMLText.reduce(TextLines.split("<p>Jeudi&nbsp;4 avril</p><p>14h00</p>")).map(\.text)
/// // ["Jeudi 4 avril", "14h00"]
/// ```
enum HTMLText {
    /// Whether lines look like HTML: a doctype or `<html>`, or several common tags early on.
    static func looksLikeHTML(_ lines: some Collection<TextLine>) -> Bool {
        var tags = 0
        for line in lines.prefix(200) where line.text.containsByte(0x3C) {
            var rest = Substring(line.text)
            while let match = tagMatcher.firstMatch(in: String(rest)) {
                if match.phrase <= 1 { return true }
                tags += 1
                if tags >= 3 { return true }
                rest = rest.dropFirst(match.column + 2)
            }
        }
        return false
    }

    static let tagMatcher = PhraseMatcher(["<!doctype html", "<html", "<body", "<div", "<p>", "<p ", "<br", "<table", "<span",
                                           "<a href", "<h1", "<h2", "<li>"])

    /// Elements that end a line.
    static let lineElements: Set<String> = ["br", "li", "tr", "dt", "option", "tbody", "thead", "tfoot", "figcaption"]
    /// Elements that end a paragraph: a blank line, as a text browser shows them.
    static let paragraphElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
        "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "title", "ul",
    ]

    enum State {
        case text
        case tag
        case comment
        case raw(name: String, keep: Bool)
    }

    /// Reduces HTML lines to text lines; each output line keeps the input line its text starts on.
    ///
    /// `overBytes` reads each line over its UTF-8 bytes (the fast path); `false` reads it as an
    /// array of scalars (the general path, kept to check the fast one against). Both give the same lines.
    static func reduce(_ lines: [TextLine], overBytes: Bool = true) -> [TextLine] {
        var reducer = Reducer()
        if overBytes {
            for line in lines { reducer.feedBytes(line) }
        } else {
            for line in lines { reducer.feed(line) }
        }
        reducer.breakLine()
        return reducer.output
    }

    /// The reducer's state between lines: the line being built, the open tag or comment, links.
    struct Reducer {
        var output: [TextLine] = []
        /// The line being built, as UTF-8, and its length in scalars.
        var current: [UInt8] = []
        var currentCount = 0
        var currentLine = 0
        var pendingSpace = false
        var state = State.text
        var tagBuffer: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var rawBuffer: [Unicode.Scalar] = []
        var commentTail: [Unicode.Scalar] = []
        var preDepth = 0
        var anchors: [(href: String?, textStart: Int)] = []
        var sourceLine = 0
        var rawStartLine = 0

        mutating func feed(_ line: TextLine) {
            sourceLine = line.sourceLine
            let scalars = Self.scalars(of: line.text)
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                switch state {
                case .text:
                    if scalar == "<", index + 1 < scalars.count, startsTag(scalars[index + 1]) {
                        openTag()
                        if matches(scalars, at: index, "<!--") {
                            state = .comment
                            commentTail = []
                            index += 4
                            continue
                        }
                    } else if scalar == "&", let (decoded, length) = HTMLEntities.reference(scalars, at: index) {
                        emit(decoded)
                        index += length
                        continue
                    } else {
                        emit(scalar)
                    }
                case .tag:
                    if feedTag(scalar) { handleTag(Self.string(tagBuffer)) }
                case .comment, .raw:
                    feedCommentOrRaw(scalar)
                }
                index += 1
            }
            endLine()
        }

        /// The end of an input line: a space in text, a break inside `<pre>`.
        /// A `<` that starts a tag: the tag's text is gathered from here.
        mutating func openTag() {
            state = .tag
            tagBuffer.removeAll(keepingCapacity: true)
            quote = nil
        }

        /// One scalar inside a tag (quotes respected, at most 4,096 kept); `true` when it is the
        /// closing `>`, after which the caller handles the gathered tag.
        mutating func feedTag(_ scalar: Unicode.Scalar) -> Bool {
            if let open = quote {
                if scalar == open { quote = nil }
                if tagBuffer.count < 4096 { tagBuffer.append(scalar) }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
                if tagBuffer.count < 4096 { tagBuffer.append(scalar) }
            } else if scalar == ">" {
                state = .text
                return true
            } else if tagBuffer.count < 4096 {
                tagBuffer.append(scalar)
            }
            return false
        }

        /// One scalar inside a comment (waiting for `-->`) or a raw element such as `<script>`
        /// (waiting for its closing tag); both readers share it.
        mutating func feedCommentOrRaw(_ scalar: Unicode.Scalar) {
            switch state {
            case .comment:
                commentTail.append(scalar)
                if commentTail.count > 3 { commentTail.removeFirst() }
                if commentTail.count >= 3, commentTail[commentTail.count - 3] == "-",
                   commentTail[commentTail.count - 2] == "-", scalar == ">" {
                    state = .text
                }
            case .raw(let name, let keep):
                rawBuffer.append(scalar)
                if scalar == ">" || scalar.properties.isWhitespace || rawBuffer.count > 1_000_000 {
                    if closesRaw(name) {
                        if keep { emitRaw(dropClosing: name) }
                        rawBuffer = []
                        state = .text
                        if scalar != ">" {
                            // Skip the rest of the closing tag.
                            state = .tag
                            tagBuffer.removeAll(keepingCapacity: true)
                        }
                    } else if rawBuffer.count > 1_000_000 {
                        rawBuffer = []
                    }
                }
            default:
                break
            }
        }

        mutating func endLine() {
            switch state {
            case .text:
                if preDepth > 0 { breakLine() } else { pendingSpace = true }
            case .tag:
                if tagBuffer.count < 4096 { tagBuffer.append(" ") }
            case .raw(_, let keep):
                if keep { rawBuffer.append("\n") }
            case .comment:
                break
            }
        }

        /// A tag's name, lower-cased: its leading letters and digits.
        static func tagName(_ body: Substring) -> String {
            var length = 0
            var upper = false
            for byte in body.utf8 {
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    length += 1
                } else if byte >= 0x41 && byte <= 0x5A {
                    length += 1
                    upper = true
                } else if byte >= 0x80 {
                    // Non-ASCII letters, and marks joining the last letter: by characters.
                    return body.prefix { $0.isLetter || $0.isNumber }.lowercased()
                } else {
                    break
                }
            }
            let name = String(body.utf8.prefix(length))!
            return upper ? name.lowercased() : name
        }

        /// The scalars of a text, decoded from its UTF-8 bytes.
        static func scalars(of text: String) -> [Unicode.Scalar] {
            var copy = text
            return copy.withUTF8 { bytes in
                var scalars: [Unicode.Scalar] = []
                scalars.reserveCapacity(bytes.count)
                var index = 0
                while index < bytes.count {
                    let (value, length) = TextBytes.decode(bytes, at: index)
                    scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                    index += max(length, 1)
                }
                return scalars
            }
        }

        func startsTag(_ next: Unicode.Scalar) -> Bool {
            next == "/" || next == "!" || next == "?" || next.properties.isAlphabetic
        }

        func matches(_ scalars: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
            var i = index
            for expected in text.unicodeScalars {
                guard i < scalars.count, scalars[i] == expected else { return false }
                i += 1
            }
            return true
        }

        /// Whether the raw text ends with `</name` followed by `>` or a space.
        func closesRaw(_ name: String) -> Bool {
            let closing = "</" + name
            let tail = Self.string(rawBuffer.suffix(closing.unicodeScalars.count + 1))
            return tail.dropLast().lowercased() == closing
        }

        /// A JSON-LD block: its events as labelled lines (`Title:`, `Start:`, `End:`, `Location:`), else its text.
        mutating func emitRaw(dropClosing name: String) {
            let text = Self.string(rawBuffer.dropLast(name.unicodeScalars.count + 3))
            breakParagraph()
            let events = JSONLDEvents.lines(in: text)
            if !events.isEmpty {
                for line in events {
                    output.append(TextLine(text: line, sourceLine: line.isEmpty ? rawStartLine : rawStartLine))
                }
                breakParagraph()
                return
            }
            var line = rawStartLine
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = piece.trimming(" \t\r")
                if !trimmed.isEmpty { TextLines.append(trimmed, line: line, to: &output) }
                line += 1
            }
            breakParagraph()
        }

        /// Text from scalars.
        static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(scalars.count)
            for scalar in scalars {
                if scalar.value < 0x80 {
                    bytes.append(UInt8(scalar.value))
                } else {
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Before a character is appended: the line takes the current source line if it is
        /// empty, else the pending space is written.
        @inline(__always)
        mutating func startCharacter() {
            if current.isEmpty {
                currentLine = sourceLine
            } else if pendingSpace {
                current.append(0x20)
                currentCount += 1
            }
            pendingSpace = false
        }

        mutating func emit(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value == 0x20 || (value >= 0x09 && value <= 0x0D)
                || (value >= 0x80 && TextBytes.mayBeWhitespace(value) && scalar.properties.isWhitespace) {
                if scalar == "\n" && preDepth > 0 { breakLine() } else { pendingSpace = true }
                return
            }
            startCharacter()
            // The scalar's UTF-8 bytes.
            if value < 0x80 {
                current.append(UInt8(value))
            } else if value < 0x800 {
                current.append(0xC0 | UInt8(value >> 6))
                current.append(0x80 | UInt8(value & 0x3F))
            } else if value < 0x10000 {
                current.append(0xE0 | UInt8(value >> 12))
                current.append(0x80 | UInt8((value >> 6) & 0x3F))
                current.append(0x80 | UInt8(value & 0x3F))
            } else {
                current.append(0xF0 | UInt8(value >> 18))
                current.append(0x80 | UInt8((value >> 12) & 0x3F))
                current.append(0x80 | UInt8((value >> 6) & 0x3F))
                current.append(0x80 | UInt8(value & 0x3F))
            }
            currentCount += 1
            if currentCount > TextLines.maximumLineLength { breakLine() }
        }

        mutating func emitText(_ text: String) {
            for scalar in text.unicodeScalars { emit(scalar) }
        }

        mutating func breakLine() {
            if !current.isEmpty {
                output.append(TextLine(text: String(decoding: current, as: UTF8.self), sourceLine: currentLine))
                current.removeAll(keepingCapacity: true)
                currentCount = 0
            }
            pendingSpace = false
        }

        mutating func breakParagraph() {
            breakLine()
            if let last = output.last, !last.text.isEmpty {
                output.append(TextLine(text: "", sourceLine: last.sourceLine))
            }
        }

        mutating func handleTag(_ raw: String) {
            var body = Substring(raw)
            guard let first = body.first else { return }
            if first == "!" || first == "?" { return }
            var closing = false
            if first == "/" {
                closing = true
                body = body.dropFirst()
            }
            let name = Self.tagName(body)
            guard !name.isEmpty else { return }
            let attributes = body.dropFirst(name.count)
            if !closing && (name == "script" || name == "style" || name == "template" || name == "noscript") {
                let type = attribute("type", in: attributes)?.lowercased() ?? ""
                state = .raw(name: name, keep: name == "script" && type.contains("ld+json"))
                rawBuffer = []
                rawStartLine = sourceLine
                return
            }
            if name == "pre" { preDepth = max(0, preDepth + (closing ? -1 : 1)) }
            if name == "a" {
                if closing {
                    if let anchor = anchors.popLast(), let href = anchor.href {
                        let text = String(decoding: current, as: UTF8.self)
                        if !text.contains(href) { emitText(" <\(href)>") }
                    }
                } else {
                    var href = attribute("href", in: attributes).map(HTMLEntities.decode)
                    if let value = href, !(value.lowercased().hasPrefix("http://") || value.lowercased().hasPrefix("https://")) {
                        href = nil
                    }
                    anchors.append((href, currentCount))
                    if anchors.count > 64 { anchors.removeFirst() }
                }
                return
            }
            if name == "td" || name == "th" {
                if !closing, !current.isEmpty {
                    pendingSpace = false
                    emitText(" | ")
                    pendingSpace = true
                }
                return
            }
            if paragraphElements.contains(name) {
                breakParagraph()
            } else if lineElements.contains(name) {
                breakLine()
            }
        }

        /// The value of an attribute in a tag's attribute text.
        func attribute(_ name: String, in attributes: Substring) -> String? {
            let lowered = attributes.lowercased()
            var search = lowered.startIndex
            while let range = lowered.range(of: name, range: search..<lowered.endIndex) {
                search = range.upperBound
                if range.lowerBound > lowered.startIndex {
                    let before = lowered[lowered.index(before: range.lowerBound)]
                    if !(before == " " || before == "\t" || before == "\n") { continue }
                }
                var cursor = range.upperBound
                while cursor < lowered.endIndex, lowered[cursor] == " " { cursor = lowered.index(after: cursor) }
                guard cursor < lowered.endIndex, lowered[cursor] == "=" else { continue }
                cursor = lowered.index(after: cursor)
                while cursor < lowered.endIndex, lowered[cursor] == " " { cursor = lowered.index(after: cursor) }
                let offset = lowered.distance(from: lowered.startIndex, to: cursor)
                guard let start = attributes.index(attributes.startIndex, offsetBy: offset, limitedBy: attributes.endIndex) else { return nil }
                var value = attributes[start...]
                if let quote = value.first, quote == "\"" || quote == "'" {
                    value = value.dropFirst()
                    return String(value.prefix { $0 != quote })
                }
                return String(value.prefix { $0 != " " && $0 != ">" })
            }
            return nil
        }
    }
}
