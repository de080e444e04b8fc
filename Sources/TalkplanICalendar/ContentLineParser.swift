/// Parses one logical content line, `name *(";" param) ":" value`, into a property.
///
/// Lenient where producers are known to err, and says so: a parameter without `=`, text
/// after a closing quote, a URI parameter value left unquoted (`ALTREP=http://...`).
/// Lines that cannot be read at all are reported and skipped.
struct ContentLineParser {
    /// The input, for locations.
    let input: UnsafeBufferPointer<UInt8>
    /// The input's name, interned (``SourceFiles``).
    let fileID: UInt32

    /// Parameters whose values are URIs, which producers sometimes leave unquoted.
    private static let uriParameters: [String] = ["ALTREP", "DELEGATED-FROM", "DELEGATED-TO", "DIR", "MEMBER", "SENT-BY"]
    private static let uriSchemes: Set<String> = ["http", "https", "mailto", "cid", "urn", "tel", "ldap", "sip"]

    func parse(_ line: LogicalLine, log: inout DiagnosticLog) -> ICalendarProperty? {
        let bytes = line.bytes
        func location(_ offset: Int) -> ICalendarSourceLocation { line.location(of: offset, in: input, fileID: fileID) }

        // The name.
        var index = 0
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        let name = KnownNames.upperCased(UnsafeBufferPointer(rebasing: bytes[0..<index]))

        if let length = line.overlongLength {
            let message = "content line of \(length) bytes is longer than the \(ICalendarLimits.maximumLineBytes) bytes allowed; skipped"
            if name == "ATTACH" {
                log.warning(location(0), "attachment " + message)
            } else {
                log.error(location(0), (name.isEmpty ? "" : "\(name) ") + message)
            }
            return nil
        }
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            log.error(location(bad), "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); replaced by U+FFFD")
        }
        guard index > 0 else {
            log.error(location(0), "malformed content line \(Self.excerpt(bytes, from: 0)): expected a property name")
            return nil
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ";") || bytes[index] == UInt8(ascii: ":") else {
            let found = index < bytes.count ? Self.excerpt(bytes, from: index) : "the end of the line"
            log.error(location(index), "malformed content line: expected ':' or ';' after \(name), got \(found)")
            return nil
        }

        // Parameters.
        var parameters: [ICalendarParameter] = []
        while index < bytes.count, bytes[index] == UInt8(ascii: ";") {
            index += 1
            let nameStart = index
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
            let parameterName = KnownNames.upperCased(UnsafeBufferPointer(rebasing: bytes[nameStart..<index]))
            guard !parameterName.isEmpty else {
                let found = index < bytes.count ? Self.excerpt(bytes, from: index) : "the end of the line"
                log.error(location(index), "malformed parameter of \(name): expected a parameter name, got \(found); line skipped")
                return nil
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                if index < bytes.count, bytes[index] == UInt8(ascii: ";") || bytes[index] == UInt8(ascii: ":") {
                    log.warning(location(nameStart), "parameter \(parameterName) of \(name) has no value; kept empty")
                    parameters.append(ICalendarParameter(upperCaseName: parameterName, [""]))
                    continue
                }
                let found = index < bytes.count ? Self.excerpt(bytes, from: index) : "the end of the line"
                log.error(location(index), "malformed parameter \(parameterName) of \(name): expected '=', got \(found); line skipped")
                return nil
            }
            index += 1
            // One value needs no array (ICalendarParameter keeps a single value as it is).
            var firstValue: String?
            var moreValues: [String] = []
            func add(_ value: String) {
                if firstValue == nil { firstValue = value } else { moreValues.append(value) }
            }
            while true {
                let valueStart = index
                // The value's bytes: one span of the line, or (text after a closing quote) two.
                var span = index..<index
                var extra = index..<index
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    let contentStart = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
                    guard index < bytes.count else {
                        log.error(location(valueStart), "unterminated quoted value of parameter \(parameterName) of \(name); line skipped")
                        return nil
                    }
                    span = contentStart..<index
                    index += 1
                    let extraStart = index
                    while index < bytes.count, !Self.isParameterDelimiter(bytes[index]) { index += 1 }
                    if index > extraStart {
                        log.warning(location(extraStart), "text after the closing quote of parameter \(parameterName) of \(name); kept")
                        extra = extraStart..<index
                    }
                } else {
                    while index < bytes.count, !Self.isParameterDelimiter(bytes[index]), bytes[index] != UInt8(ascii: "\"") { index += 1 }
                    span = valueStart..<index
                    // `ALTREP=http://...` unquoted: the colon belongs to the URI.
                    // Judged without the control characters dropped below, as a writer sees it.
                    if index < bytes.count, bytes[index] == UInt8(ascii: ":"), Self.uriParameters.contains(where: { ByteText.same($0, parameterName) }),
                       Self.uriSchemes.contains(String(decoding: bytes[span].filter { $0 >= 0x20 || $0 == 0x09 }, as: UTF8.self).lowercased()) {
                        index += 1
                        while index < bytes.count, !Self.isParameterDelimiter(bytes[index]) { index += 1 }
                        span = valueStart..<index
                        log.warning(location(valueStart), "unquoted URI in parameter \(parameterName) of \(name) read as \(quoted(String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)))")
                    } else if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        log.error(location(index), "stray '\"' in parameter \(parameterName) of \(name); line skipped")
                        return nil
                    }
                }
                let raw = UnsafeBufferPointer(rebasing: bytes[span])
                // RFC 5545 allows no control character but HTAB in a parameter value
                // (SAFE-CHAR, QSAFE-CHAR); a TZID holding a NUL would name no zone.
                let isControl = { (byte: UInt8) in byte < 0x20 && byte != 0x09 }
                let control = raw.first(where: isControl) ?? bytes[extra].first(where: isControl)
                if extra.isEmpty, control == nil, !raw.contains(UInt8(ascii: "^")) {
                    add(String(decoding: raw, as: UTF8.self))
                } else {
                    var value = Array(raw) + bytes[extra]
                    if let control {
                        log.warning(location(valueStart), "control character U+\(hex4(control)) in parameter \(parameterName) of \(name); dropped")
                        value.removeAll(where: isControl)
                    }
                    add(Self.decodeCaret(value))
                }
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                break
            }
            parameters.append(moreValues.isEmpty
                ? ICalendarParameter(upperCaseName: parameterName, single: firstValue ?? "")
                : ICalendarParameter(upperCaseName: parameterName, [firstValue ?? ""] + moreValues))
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            log.error(location(min(index, max(bytes.count - 1, 0))), "malformed content line: \(name) has no ':' before its value; line skipped")
            return nil
        }
        index += 1
        let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[index...]), as: UTF8.self)
        return ICalendarProperty(upperCaseName: name, parameters: parameters, value: value,
                                 location: location(0), valueLocation: location(index))
    }

    /// A byte as four hexadecimal digits, for messages: `0` → `0000`.
    private func hex4(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Letters, digits and `-` (RFC 5545 `iana-token` / `x-name`); `_` and `.` are tolerated.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    static func isParameterDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
    }

    /// RFC 6868: `^n` is a line break, `^'` a double quote, `^^` a caret; any other caret is kept.
    ///
    /// ```swift
    /// ContentLineParser.decodeCaret(Array("Room ^'A^'^nFloor 2".utf8))   // "Room \"A\"\nFloor 2"
    /// ```
    static func decodeCaret(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "^")) else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                guard byte == UInt8(ascii: "^"), index < bytes.count else {
                    buffer[count] = byte
                    count += 1
                    continue
                }
                switch bytes[index] {
                case UInt8(ascii: "n"), UInt8(ascii: "N"): buffer[count] = 0x0A; index += 1
                case UInt8(ascii: "'"): buffer[count] = UInt8(ascii: "\""); index += 1
                case UInt8(ascii: "^"): buffer[count] = UInt8(ascii: "^"); index += 1
                default: buffer[count] = UInt8(ascii: "^")
                }
                count += 1
            }
            return count
        }
    }

    /// A short quoted excerpt of the bytes from an offset, for messages.
    static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> String {
        let end = min(bytes.count, offset + 40)
        return quoted(String(decoding: bytes[offset..<end], as: UTF8.self), limit: 30)
    }
}
