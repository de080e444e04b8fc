/// ``TextFields/label(in:)`` on a line's UTF-8 bytes: the same steps as
/// ``TextFields/generalLabel(in:)`` (which the tests compare it with), without building
/// scalar arrays or intermediate strings. Lines whose label or value boundaries involve
/// non-ASCII characters are left to the general path.
extension TextFields {
    /// Every folded label, as bytes, for lookups without building a string first.
    static let labelKeys: [[UInt8]: FieldKind] = {
        var table: [[UInt8]: FieldKind] = [:]
        for (name, kind) in labels { table[Array(name.utf8)] = kind }
        return table
    }()

    /// Markup before a label, ASCII part: `* _ - > # | = ~ +`.
    @inline(__always)
    static func isASCIIMarkup(_ byte: UInt8) -> Bool {
        byte == 0x2A || byte == 0x5F || byte == 0x2D || byte == 0x3E || byte == 0x23 || byte == 0x7C || byte == 0x3D
            || byte == 0x7E || byte == 0x2B
    }

    /// ASCII white space (Unicode White_Space): tab to carriage return, and space.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// The label a line starts with, if any; `.some(nil)` for none, and `nil` when the line
    /// needs the general path (a non-ASCII character before the value, a carriage return, or
    /// a label alone on a non-ASCII line).
    static func byteLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldLabel?? {
        let count = bytes.count
        let limit = min(count, 120)
        var index = 0
        while index < limit, isASCIIMarkup(bytes[index]) || isASCIISpace(bytes[index]) { index += 1 }
        if index < limit, bytes[index] >= 0x80 { return nil }
        let labelStart = index
        var words = 0
        var inWord = false
        while index < limit {
            let byte = bytes[index]
            if isASCIILetter(byte) {
                if !inWord { words += 1 }
                inWord = true
            } else if byte == 0x20 || byte == 0x26 || byte == 0x2F || byte == 0x27 || byte == 0x28 || byte == 0x29
                        || byte == 0x2A || byte == 0x5F || (byte >= 0x30 && byte <= 0x39) {
                inWord = false
            } else if byte >= 0x80 {
                return nil
            } else {
                break
            }
            if words > 5 { return .some(nil) }
            index += 1
        }
        let labelEnd = index
        guard labelEnd > labelStart else { return .some(nil) }
        // The label text, trimmed of ` *_`, then of trailing digits and spaces.
        var start = labelStart
        var end = labelEnd
        func trimmed(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2A || byte == 0x5F }
        while start < end, trimmed(bytes[start]) { start += 1 }
        while end > start, trimmed(bytes[end - 1]) { end -= 1 }
        while end > start, bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x30 && bytes[end - 1] <= 0x39) { end -= 1 }
        let labelLength = end - start
        // The key: spaces collapsed, lower case.
        var key: [UInt8] = []
        key.reserveCapacity(labelLength)
        var pendingSpace = false
        for position in start..<end {
            let byte = bytes[position]
            if byte == 0x20 {
                pendingSpace = true
            } else {
                if pendingSpace && !key.isEmpty { key.append(0x20) }
                pendingSpace = false
                key.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        guard let kind = labelKeys[key] else { return .some(nil) }
        if index < limit, bytes[index] == 0x3A {
            var valueStart = index + 1
            while valueStart < count, (isASCIIMarkup(bytes[valueStart]) && bytes[valueStart] != 0x2D && bytes[valueStart] != 0x2B)
                    || isASCIISpace(bytes[valueStart]) {
                valueStart += 1
            }
            // A non-ASCII character where the value starts or ends may be markup or a no-break space.
            if valueStart < count, bytes[valueStart] >= 0x80 { return nil }
            if count > valueStart, bytes[count - 1] >= 0x80 { return nil }
            var valueEnd = count
            var from = valueStart
            func trimmedValue(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2A || byte == 0x5F || byte == 0x09 }
            while from < valueEnd, trimmedValue(bytes[from]) { from += 1 }
            while valueEnd > from, trimmedValue(bytes[valueEnd - 1]) { valueEnd -= 1 }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<valueEnd]), as: UTF8.self)
            return FieldLabel(kind: kind, value: value, valueColumn: valueStart, standalone: false)
        }
        // A label alone on its line.
        guard TextBytes.isASCII(bytes) else { return nil }
        guard index >= limit || count <= 40, standaloneKinds.contains(kind) else { return .some(nil) }
        var lineStart = 0
        var lineEnd = count
        func trimmedLine(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x2A || byte == 0x5F || byte == 0x3A }
        while lineStart < lineEnd, trimmedLine(bytes[lineStart]) { lineStart += 1 }
        while lineEnd > lineStart, trimmedLine(bytes[lineEnd - 1]) { lineEnd -= 1 }
        guard lineEnd - lineStart == labelLength else { return .some(nil) }
        return FieldLabel(kind: kind, value: "", valueColumn: count, standalone: true)
    }
}
