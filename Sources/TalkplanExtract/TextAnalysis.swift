/// What is known about each line of a document: its label and the field it belongs to, its
/// dates and times, and whether its dates or places may be trusted.
struct LineInfo: Sendable {
    var label: FieldLabel?
    /// The field this line is part of (its label line or a continuation), and that label's line.
    var field: FieldKind?
    var fieldLine: Int?
    var mentions = LineMentions()
    /// Dates here are not a talk's (forwarded headers, "sent", "deadline", "last updated", the sent-date line).
    var ignoreDates = false
    /// From this column on, the line is a dial-in list (no place evidence).
    var dialInColumn: Int?
    /// From this column on, the line is part of a Zoom-style invitation.
    var invitationColumn: Int?
    /// The line is the email's Subject.
    var isSubject = false
    var isBlank = false
}

/// A labelled field's value: the text after the label and its continuation lines.
struct FieldValue: Sendable {
    var kind: FieldKind
    var text: String
    /// The label's line and the last line of the value (indices into the document's lines).
    var line: Int
    var lastLine: Int
}

/// One talk's part of a document: a range of lines delimited by repeated title/speaker labels.
struct TextRecord: Sendable {
    var start: Int
    var end: Int
    var fields: [FieldValue]

    func first(_ kind: FieldKind) -> FieldValue? { fields.first { $0.kind == kind } }
}

/// A document's lines with their ``LineInfo``, fields and records.
struct TextAnalysis: Sendable {
    var lines: [TextLine]
    var info: [LineInfo]
    var fields: [FieldValue]
    var records: [TextRecord]

    /// The longest value a field may collect, in lines after its label.
    static let continuationLimits: [FieldKind: Int] = [
        .title: 2, .topic: 1, .speaker: 1, .date: 1, .time: 1, .end: 1, .location: 3, .online: 3, .abstract: 60, .host: 1,
        .series: 1, .zone: 1,
    ]

    init(lines: [TextLine], subjectLine: Int?, sentLine: Int?) {
        self.lines = lines
        var info = [LineInfo](repeating: LineInfo(), count: lines.count)
        let forwarded = TextLineContext.forwardedHeaderLines(lines)
        var invitationOpen = false
        var dialInOpen = false
        for index in lines.indices {
            let text = lines[index].text
            let blank = Self.isBlank(text)
            info[index].isBlank = blank
            info[index].isSubject = index == subjectLine
            if blank {
                // A blank line ends an invitation or dial-in block.
                invitationOpen = false
                dialInOpen = false
                continue
            }
            info[index].label = TextFields.label(in: text)
            let context = TextLineContext.phraseContext(text)
            if forwarded.contains(index) || index == sentLine || context.ignoresDates {
                info[index].ignoreDates = true
            }
            if let column = context.invitationColumn {
                info[index].invitationColumn = column
                invitationOpen = true
            } else if invitationOpen {
                info[index].invitationColumn = 0
            }
            if let column = context.dialInColumn {
                info[index].dialInColumn = column
                dialInOpen = true
            } else if dialInOpen || (text.utf8.first == 0x2B && text.hasPrefix("+") && text.contains(" ")) {
                info[index].dialInColumn = 0
            }
            if !info[index].ignoreDates || index == subjectLine {
                info[index].mentions = DateScanner.scan(text)
            }
        }
        // Field values and the lines they span.
        var fields: [FieldValue] = []
        var index = 0
        while index < lines.count {
            guard let label = info[index].label else {
                index += 1
                continue
            }
            var text = label.value
            var last = index
            var cursor = index + 1
            let limit = Self.continuationLimits[label.kind] ?? 1
            if label.standalone {
                // The value is on the next lines, after at most two blank lines.
                var skipped = 0
                while cursor < lines.count, info[cursor].isBlank, skipped < 2 {
                    cursor += 1
                    skipped += 1
                }
            }
            var taken = 0
            while cursor < lines.count, taken < limit, !info[cursor].isBlank, info[cursor].label == nil {
                let next = lines[cursor].text
                if !label.standalone || taken > 0 {
                    // Continuation lines: a wrapped title or speaker only after a long line.
                    if label.kind == .title || label.kind == .speaker || label.kind == .topic || label.kind == .host {
                        guard lines[cursor - 1].text.count >= 60 else { break }
                    }
                    if label.kind == .date || label.kind == .time || label.kind == .end || label.kind == .series || label.kind == .zone { break }
                    if label.kind == .location && (!info[cursor].mentions.isEmpty || next.count > 100 || next.hasSuffix(".")) { break }
                }
                // Lines of an address are joined as parts of it ("TTIC, 6045 S. Kenwood Avenue, 5th Floor, Room 530").
                let separator = text.isEmpty ? "" : (label.kind == .location && !",;:".contains(text.last!) && !text.hasSuffix(" at") ? ", " : " ")
                text += separator + next.trimming(" \t")
                last = cursor
                taken += 1
                cursor += 1
            }
            fields.append(FieldValue(kind: label.kind, text: Self.clean(text), line: index, lastLine: last))
            for line in index...last {
                info[line].field = label.kind
                info[line].fieldLine = index
            }
            index = max(index + 1, last + 1)
        }
        self.info = info
        self.fields = fields
        self.records = Self.records(lines: lines, info: info, fields: fields)
    }

    /// Whether a line is only white space (Unicode `White_Space`), read on its bytes: ASCII is
    /// decided at once, and only a scalar that may be white space (``TextBytes/mayBeWhitespace(_:)``)
    /// is asked. The same answer as ``generalIsBlank(_:)``.
    static func isBlank(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    guard byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) else { return false }
                    index += 1
                    continue
                }
                let (value, length) = TextBytes.decode(bytes, at: index)
                guard TextBytes.mayBeWhitespace(value), Unicode.Scalar(value)?.properties.isWhitespace == true else { return false }
                index += max(length, 1)
            }
            return true
        }
    }

    /// ``isBlank(_:)`` scalar by scalar.
    static func generalIsBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// A field value without markup and with single spaces.
    static func clean(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in isClean(bytes) ? text : byteClean(bytes) }
    }

    /// Whether ``byteClean(_:)`` gives the text back as it is: no `*`, no white space but
    /// single spaces between other characters (``TextWhitespace/isCollapsed(_:alsoSpace:)`` with
    /// `*` as a space), and none of ` _-:;,` or an en dash at either end.
    static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        guard TextWhitespace.isCollapsed(bytes, alsoSpace: 0x2A) else { return false }
        func trimmed(_ byte: UInt8) -> Bool {
            byte == 0x5F || byte == 0x2D || byte == 0x3A || byte == 0x3B || byte == 0x2C
        }
        if trimmed(bytes[0]) || trimmed(bytes[count - 1]) { return false }
        if count >= 3, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0x93 { return false }
        if count >= 3, bytes[count - 3] == 0xE2, bytes[count - 2] == 0x80, bytes[count - 1] == 0x93 { return false }
        return true
    }

    /// ``clean(_:)`` in one pass over the UTF-8 bytes: `*` and white space runs become one
    /// space, then ` _-–:;,` are trimmed at both ends.
    static func byteClean(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            let length = TextWhitespace.collapseRuns(bytes, into: output, alsoSpace: 0x2A)
            // Trimmed of ` _-:;,` and the en dash (E2 80 93) at both ends.
            func trimmed(_ byte: UInt8) -> Bool {
                byte == 0x20 || byte == 0x5F || byte == 0x2D || byte == 0x3A || byte == 0x3B || byte == 0x2C
            }
            var start = 0
            var end = length
            while start < end {
                if trimmed(output[start]) {
                    start += 1
                } else if end - start >= 3, output[start] == 0xE2, output[start + 1] == 0x80, output[start + 2] == 0x93 {
                    start += 3
                } else {
                    break
                }
            }
            while end > start {
                if trimmed(output[end - 1]) {
                    end -= 1
                } else if end - start >= 3, output[end - 3] == 0xE2, output[end - 2] == 0x80, output[end - 1] == 0x93 {
                    end -= 3
                } else {
                    break
                }
            }
            if start > 0 {
                for position in start..<end { output[position - start] = output[position] }
            }
            return end - start
        }
    }

    /// ``clean(_:)`` for any text, scalar by scalar.
    static func generalClean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(scalar == "*" ? " " : scalar) }
        let value = String(scalars).collapsingWhitespace()
        return value.trimming(" _-\u{2013}:;,")
    }

    /// Splits a document at repeated title or speaker labels: each repetition with a new value
    /// opens a new record, which also takes the heading lines just before it.
    static func records(lines: [TextLine], info: [LineInfo], fields: [FieldValue]) -> [TextRecord] {
        var starts: [Int] = [0]
        var seen: Set<FieldKind> = []
        var lastSplitLine = -1
        var opener: FieldKind?
        for (position, field) in fields.enumerated() {
            let splits = field.kind == .title || field.kind == .speaker
            if opener == nil { opener = field.kind }
            if splits && seen.contains(field.kind) {
                var start = field.line
                var startField = position
                // Records open with the field the previous one opened with ("Hora: …" before "Orador: …").
                if let opener, opener != field.kind {
                    var back = position - 1
                    while back >= 0, fields[back].line > lastSplitLine {
                        if fields[back].kind == opener {
                            start = fields[back].line
                            startField = back
                        }
                        back -= 1
                    }
                }
                let previousValueLine = startField > 0 ? fields[startField - 1].lastLine : -1
                // Take back the blank and heading lines before it (up to 4), not the previous value.
                var back = start - 1
                var steps = 0
                while back > previousValueLine, steps < 4 {
                    let text = lines[back].text
                    if info[back].isBlank || (info[back].label == nil && info[back].field == nil && text.count <= 120
                                              && !text.hasSuffix(".") && info[back].mentions.isEmpty) {
                        if !info[back].isBlank { start = back }
                        back -= 1
                        steps += 1
                    } else {
                        break
                    }
                }
                starts.append(start)
                seen = []
                opener = fields[startField].kind
                // Fields between the new start and this label already belong to the new record.
                for between in fields[startField..<position] where between.kind == .title || between.kind == .speaker {
                    seen.insert(between.kind)
                }
            }
            if splits {
                seen.insert(field.kind)
                lastSplitLine = field.lastLine
            }
        }
        var records: [TextRecord] = []
        var fieldIndex = 0
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            guard start < end else { continue }
            var own: [FieldValue] = []
            while fieldIndex < fields.count, fields[fieldIndex].line < end {
                if fields[fieldIndex].line >= start { own.append(fields[fieldIndex]) }
                fieldIndex += 1
            }
            records.append(TextRecord(start: start, end: end, fields: own))
        }
        return records
    }
}
