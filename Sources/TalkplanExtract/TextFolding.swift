import Foundation

/// Case and diacritic folding (`Miércoles` → `miercoles`) without a round trip through
/// Foundation for the characters announcements are written in.
///
/// The fold of each scalar of Latin-1, Latin Extended-A/B, Latin Extended Additional, Hebrew
/// letters and general punctuation is computed once with Foundation's folding; a text made only
/// of ASCII and such scalars is folded scalar by scalar, which gives the same result since none
/// of them combines with its neighbours. Any other scalar (combining marks, format characters,
/// other scripts) sends the whole text through Foundation, as before.
///
/// ```swift
/// TextFolding.fold("FÉVR.")   // "fevr."
/// ```
enum TextFolding {
    /// The scalars covered by the table: `[start, end)` ranges.
    static let coveredRanges: [Range<UInt32>] = [0x80..<0x250, 0x5D0..<0x5EB, 0x1E00..<0x1F00, 0x2000..<0x2070, 0x20A0..<0x20C0]

    /// The highest covered scalar value, plus one.
    static let tableLimit: UInt32 = 0x20C0

    /// For each scalar below ``tableLimit``: its fold's UTF-8 bytes packed little-endian in the
    /// low 32 bits and their count in bits 32–39; 0 when the scalar is not covered.
    static let table: [UInt64] = {
        var table = [UInt64](repeating: 0, count: Int(tableLimit))
        for range in coveredRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), isContextFree(scalar) else { continue }
                let folded = String(Character(scalar)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                let bytes = Array(folded.utf8)
                guard !bytes.isEmpty, bytes.count <= 4 else { continue }
                var packed: UInt64 = 0
                for (index, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * index) }
                table[Int(value)] = packed | UInt64(bytes.count) << 32
            }
        }
        return table
    }()

    /// Whether a scalar forms a character on its own: no mark, format or control character,
    /// nothing that joins a neighbour.
    static func isContextFree(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    /// The packed fold of a non-ASCII scalar, or 0 when the scalar is not covered.
    @inline(__always)
    static func packedFold(_ value: UInt32) -> UInt64 {
        value < tableLimit ? table[Int(value)] : 0
    }

    /// Lower case without diacritics, exactly as Foundation's case- and diacritic-insensitive folding.
    static func fold(_ text: some StringProtocol) -> String {
        if TextBytes.isASCII(text) { return text.lowercased() }
        if let fast = tableFold(text) { return fast }
        return String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The fold from the table, or `nil` when a scalar is not covered.
    ///
    /// Over the text's contiguous UTF-8 when it has it (``byteTableFold(_:)``); a fold is at
    /// most twice as long as its text (a covered scalar takes two or three bytes and folds to
    /// at most four), so it is written straight into the new string.
    static func tableFold(_ text: some StringProtocol) -> String? {
        if let folded = text.utf8.withContiguousStorageIfAvailable({ byteTableFold($0) }) { return folded }
        return generalTableFold(text)
    }

    /// ``tableFold(_:)`` over UTF-8 bytes (valid UTF-8).
    static func byteTableFold(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var covered = true
        let folded = String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            var length = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    output[length] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    length += 1
                    index += 1
                    continue
                }
                let (value, size) = TextBytes.decode(bytes, at: index)
                var packed = packedFold(value)
                guard packed != 0, size >= 2 else {
                    covered = false
                    return 0
                }
                index += size
                for _ in 0..<Int(packed >> 32) {
                    output[length] = UInt8(truncatingIfNeeded: packed)
                    length += 1
                    packed >>= 8
                }
            }
            return length
        }
        return covered ? folded : nil
    }

    /// ``tableFold(_:)`` scalar by scalar, for any text.
    static func generalTableFold(_ text: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
                continue
            }
            var packed = packedFold(value)
            guard packed != 0 else { return nil }
            let count = Int(packed >> 32)
            for _ in 0..<count {
                bytes.append(UInt8(truncatingIfNeeded: packed))
                packed >>= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Byte-level checks on text.
enum TextBytes {
    /// The length of the UTF-8 sequence a lead byte starts (1 to 4).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The scalar value of the multi-byte UTF-8 sequence at `index` (valid UTF-8) and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        guard lead >= 0x80 else { return (UInt32(lead), 1) }
        var length = sequenceLength(lead)
        var value = UInt32(lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        length = min(length, bytes.count - index)
        for k in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        return (value, length)
    }

    /// The number of scalars in `bytes[start..<end]` (valid UTF-8, cut at scalar boundaries):
    /// its bytes that are not continuation bytes.
    @inline(__always)
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        for position in start..<max(start, end) where bytes[position] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether a scalar is always a character of its own next to others like it: no mark,
    /// joiner, prepended or Hangul scalar, nothing that combines (Unicode grapheme cluster
    /// break `Other` or `Control`). ASCII, Latin-1, Latin Extended-A/B, IPA and spacing
    /// modifiers, Hebrew letters, Latin Extended Additional, Greek Extended, and most general punctuation.
    @inline(__always)
    static func isSimple(_ value: UInt32) -> Bool {
        value < 0x300 || (value >= 0x1E00 && value < 0x2000) || (value >= 0x2010 && value <= 0x2027)
            || (value >= 0x2030 && value <= 0x205E) || (value >= 0x5D0 && value <= 0x5F4)
    }

    /// Whether every scalar of a text (valid UTF-8) is ``isSimple(_:)`` and it has no carriage
    /// return: then its characters are its scalars, one for one.
    static func isSimpleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                index += 1
                continue
            }
            let (value, length) = decode(bytes, at: index)
            guard isSimple(value) else { return false }
            index += length
        }
        return true
    }

    /// Whether a non-ASCII scalar may be white space: every non-ASCII `White_Space` scalar is
    /// U+0085, U+00A0 or between U+1680 and U+3000, so others need not be asked.
    @inline(__always)
    static func mayBeWhitespace(_ value: UInt32) -> Bool {
        value == 0x85 || value == 0xA0 || (value >= 0x1680 && value <= 0x3000)
    }

    /// Whether every byte is ASCII.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Whether every byte of the text is ASCII.
    @inline(__always)
    static func isASCII(_ text: some StringProtocol) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            var combined: UInt8 = 0
            for byte in buffer { combined |= byte }
            return combined < 0x80
        }) {
            return result
        }
        return text.utf8.allSatisfy { $0 < 0x80 }
    }
}
