import Foundation

/// Emails and mailboxes: headers (with continuation lines), mbox splitting, MIME multipart
/// bodies, quoted-printable and base64 parts, RFC 2047 encoded words.
///
/// ```swift
/// let documents = EmailMessage.documents(from: TextLines.split(text))
/// documents[0].subject?.text   // "Séminaire : jeudi 14h"
/// ```
enum EmailMessage {
    /// Header names that mark the start of an email (RFC 5322 and common extensions).
    static let knownHeaders: Set<String> = [
        "from", "to", "cc", "date", "subject", "message-id", "received", "return-path", "mime-version",
        "content-type", "content-transfer-encoding", "reply-to", "sender", "delivered-to", "x-mailer",
        "list-id", "in-reply-to", "references", "user-agent", "dkim-signature", "authentication-results",
        "thread-topic", "thread-index", "x-original-to", "precedence", "importance", "organization",
    ]

    /// Whether lines starting at `index` open an email: an mbox `From ` line, or a header block
    /// (`Name: value` lines before the first blank line, two of them well-known headers, one of them
    /// a sender or transport header such as `From` or `Message-ID`).
    static func startsEmail(_ lines: [TextLine], at index: Int) -> Bool {
        guard index < lines.count else { return false }
        if startsWithFrom(lines[index].text), index + 1 < lines.count, headerName(lines[index + 1].text) != nil {
            return true
        }
        var known = 0
        var headers = 0
        var transport = false
        var cursor = index
        while cursor < lines.count, cursor < index + 60 {
            let text = lines[cursor].text
            if text.isEmpty { break }
            if let first = text.unicodeScalars.first, first == " " || first == "\t" {
                cursor += 1
                continue
            }
            guard let name = headerName(text) else { return false }
            headers += 1
            if knownHeaders.contains(name) { known += 1 }
            if transportHeaders.contains(name) { transport = true }
            cursor += 1
        }
        // "Date: …" then "Place: …" is a notice's fields; a message has a sender or transport headers.
        return headers >= 2 && known >= 2 && transport
    }

    /// Headers only a real message has.
    static let transportHeaders: Set<String> = [
        "from", "received", "return-path", "message-id", "mime-version", "delivered-to", "dkim-signature", "x-mailer",
    ]

    /// The lower-cased name of a `Name: value` header line, or `nil`: the general path of
    /// ``headerName(_:)``, scalar by scalar.
    static func generalHeaderName(_ text: String) -> String? {
        var name = ""
        for scalar in text.unicodeScalars {
            if scalar == ":" { return name.isEmpty ? nil : name.lowercased() }
            let v = scalar.value
            let ok = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || scalar == "-" || scalar == "_"
            if !ok || name.utf8.count > 60 { return nil }
            name.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Every message of a mailbox (or the one message of an email file) as a ``TextDocument``.
    static func documents(from lines: [TextLine]) -> [TextDocument] {
        var starts: [Int] = []
        let isMbox = lines.first.map { startsWithFrom($0.text) } ?? false
        if isMbox {
            for index in lines.indices where startsWithFrom(lines[index].text)
                && (index == 0 || lines[index - 1].text.isEmpty) && startsEmail(lines, at: index + 1) {
                starts.append(index)
            }
        }
        if starts.isEmpty { starts = [0] }
        var documents: [TextDocument] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            var first = start
            if isMbox { first += 1 }
            documents.append(message(lines[first..<end]))
        }
        return documents
    }

    /// One message: its headers, then its body reduced to text lines.
    static func message(_ lines: ArraySlice<TextLine>) -> TextDocument {
        let (headers, bodyStart) = readHeaders(lines)
        let body = lines[bodyStart...]
        var text = entityText(headers: headers, body: body, depth: 0)
        let subject = headers.first { $0.name == "subject" }.map {
            TextLine(text: EncodedWords.decode($0.value), sourceLine: $0.line)
        }
        let sent = headers.first { $0.name == "date" }.flatMap { header in
            EmailSentDates.parse(header.value, line: header.line)
        }
        let from = headers.first { $0.name == "from" }.map { EncodedWords.decode($0.value) }
        let domain = from.flatMap(senderDomain)
        let messageID = headers.first { $0.name == "message-id" }.map {
            $0.value.trimming("<> \t")
        }
        if text.lines.isEmpty { text.lines = [] }
        return TextDocument(kind: .email, lines: text.lines, subject: subject, sent: sent,
                            senderDomain: domain, messageID: messageID)
    }

    struct Header {
        var name: String
        var value: String
        var line: Int
    }

    /// Headers up to the first blank line, continuation lines unfolded; and where the body starts.
    static func readHeaders(_ lines: ArraySlice<TextLine>) -> ([Header], Int) {
        var headers: [Header] = []
        var index = lines.startIndex
        while index < lines.endIndex {
            switch headerLine(lines[index].text) {
            case .blank:
                return (headers, index + 1)
            case .continuation(let text) where !headers.isEmpty:
                headers[headers.count - 1].value += " " + text
            case .header(let name, let value):
                headers.append(Header(name: name, value: value, line: lines[index].sourceLine))
            case .continuation, .other:
                // Not a header: the body starts here (a message without a blank line after its headers).
                return (headers, index)
            }
            index += 1
        }
        return (headers, index)
    }

    /// A parameter of a header value (`boundary`, `charset`), unquoted: the general path of
    /// ``parameter(_:in:)``.
    static func generalParameter(_ name: String, in value: String) -> String? {
        let lowered = value.lowercased()
        var searchStart = lowered.startIndex
        while let range = lowered.range(of: name + "=", range: searchStart..<lowered.endIndex) {
            searchStart = range.upperBound
            // The name must start a parameter.
            if range.lowerBound > lowered.startIndex {
                let before = lowered[lowered.index(before: range.lowerBound)]
                if !(before == ";" || before == " " || before == "\t") { continue }
            }
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            // Lower-casing can change a text's length (rarely): never index past the end.
            guard let start = value.index(value.startIndex, offsetBy: offset, limitedBy: value.endIndex) else { return nil }
            var rest = value[start...]
            if rest.hasPrefix("\"") {
                rest = rest.dropFirst()
                return String(rest.prefix { $0 != "\"" })
            }
            return String(rest.prefix { $0 != ";" && $0 != " " && $0 != "\t" })
        }
        return nil
    }

    /// Text of a MIME entity and whether it is HTML.
    struct EntityText {
        var lines: [TextLine]
        var isHTML: Bool
    }

    /// The text of an entity: a text part decoded, a multipart's best text parts, nothing for attachments.
    static func entityText(headers: [Header], body: ArraySlice<TextLine>, depth: Int) -> EntityText {
        let contentType = headers.first { $0.name == "content-type" }?.value ?? "text/plain"
        let type = contentType.lowercased().prefix { $0 != ";" }.trimming(" \t")
        let encoding = (headers.first { $0.name == "content-transfer-encoding" }?.value ?? "").lowercased()
            .trimming(" \t")
        let charset = parameter("charset", in: contentType)

        if type.hasPrefix("multipart/"), depth < 8, let boundary = parameter("boundary", in: contentType) {
            let parts = multipartParts(body, boundary: boundary)
            var texts: [(type: String, text: EntityText)] = []
            for part in parts {
                let (partHeaders, partBodyStart) = readHeaders(part)
                let disposition = (partHeaders.first { $0.name == "content-disposition" }?.value ?? "").lowercased()
                if disposition.hasPrefix("attachment") { continue }
                let partType = (partHeaders.first { $0.name == "content-type" }?.value ?? "text/plain").lowercased()
                guard partType.hasPrefix("text/plain") || partType.hasPrefix("text/html") || partType.hasPrefix("multipart/")
                else { continue }
                texts.append((partType, entityText(headers: partHeaders, body: part[partBodyStart...], depth: depth + 1)))
            }
            if type == "multipart/alternative" {
                // The plain text when there is one, else the richest alternative.
                if let plain = texts.first(where: { !$0.text.isHTML && !$0.text.lines.isEmpty }) { return plain.text }
                return texts.last?.text ?? EntityText(lines: [], isHTML: false)
            }
            var lines: [TextLine] = []
            for part in texts { lines += part.text.lines }
            return EntityText(lines: lines, isHTML: false)
        }
        if !type.hasPrefix("text/") && !type.isEmpty && type != "message/rfc822" {
            return EntityText(lines: [], isHTML: false)
        }
        var lines: [TextLine]
        switch encoding {
        case "quoted-printable":
            lines = QuotedPrintable.decodeLines(body, charset: charset)
        case "base64":
            lines = Base64Text.decodeLines(body, charset: charset)
        default:
            lines = Array(body)
        }
        let isHTML = type == "text/html" || (type == "text/plain" && HTMLText.looksLikeHTML(lines))
        if isHTML { lines = HTMLText.reduce(lines) }
        return EntityText(lines: lines, isHTML: isHTML)
    }

    /// The parts between `--boundary` lines, up to `--boundary--`.
    static func multipartParts(_ body: ArraySlice<TextLine>, boundary: String) -> [ArraySlice<TextLine>] {
        let delimiter = "--" + boundary
        var parts: [ArraySlice<TextLine>] = []
        var partStart: Int?
        for index in body.indices {
            let text = body[index].text
            guard text.hasPrefix(delimiter) else { continue }
            let rest = text.dropFirst(delimiter.count)
            if let start = partStart { parts.append(body[start..<index]) }
            if rest.hasPrefix("--") {
                partStart = nil
                break
            }
            partStart = index + 1
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start..<body.endIndex]) }
        return parts
    }
}
