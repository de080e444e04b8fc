/// A token's folded text (lower case, no diacritics) held inline: up to 15 UTF-8 bytes in two
/// machine words, so that a ``TextToken`` is a plain value (copying one never touches a
/// reference count) and comparing or hashing a word never builds a `String`.
///
/// A fold longer than 15 bytes is marked long and keeps a 64-bit hash of its bytes: it never
/// equals a short word, and two long words are equal when their length, first 7 bytes and
/// hash agree. Every table a token is looked up in holds only words of at most 15 bytes (the
/// tests check it), so no lookup depends on a long word's hash.
///
/// ```swift
/// let word = FoldedWord(bytes: Array("miercoles".utf8))
/// word == "miercoles"       // true
/// String(word)              // "miercoles"
/// ```
struct FoldedWord: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Bytes 0–7, little-endian.
    var low: UInt64
    /// Bytes 8–14 in the low 56 bits, the length (or ``longMark``) in the top byte; for a long
    /// word, its hash.
    var high: UInt64

    /// The inline capacity in bytes.
    static let capacity = 15
    /// The top byte of `high` for a long word (its low 56 bits are then a hash).
    static let longMark: UInt64 = 0xFF

    /// The empty word.
    static let empty = FoldedWord(low: 0, high: 0)

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The word of these (already folded) bytes.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        if count <= Self.capacity {
            var builder = Builder()
            for byte in bytes { builder.append(byte) }
            self = builder.word!
            return
        }
        // Long: the first 7 bytes and the length in `low`, an FNV-1a hash of all bytes in `high`.
        var low: UInt64 = UInt64(min(count, 0xFF)) << 56
        for index in 0..<7 { low |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        self.init(low: low, high: Self.longMark << 56 | (hash & 0x00FF_FFFF_FFFF_FFFF))
    }

    /// The word of these (already folded) bytes.
    init(bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { FoldedWord(bytes: $0) }
    }

    /// A word written in the source, already folded (`"miercoles"`, not `"Miércoles"`).
    @inline(__always)
    init(stringLiteral value: StaticString) {
        self = value.withUTF8Buffer { FoldedWord(bytes: $0) }
    }

    /// The word of an already folded string.
    init(folded text: String) {
        var copy = text
        self = copy.withUTF8 { FoldedWord(bytes: $0) }
    }

    /// Whether the fold is longer than ``capacity`` (only its hash is kept).
    var isLong: Bool { high >> 56 == Self.longMark }

    /// The length in bytes (for a long word, at most 255).
    var count: Int { isLong ? Int(low >> 56) : Int(high >> 56) }

    /// The word as a string (for a long word, its first 7 bytes and `…`).
    var description: String {
        if isLong {
            var bytes: [UInt8] = []
            for index in 0..<7 { bytes.append(UInt8(truncatingIfNeeded: low >> (8 * UInt64(index)))) }
            return String(decoding: bytes, as: UTF8.self) + "…"
        }
        let count = self.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            for index in 0..<count {
                buffer[index] = index < 8 ? UInt8(truncatingIfNeeded: low >> (8 * UInt64(index)))
                    : UInt8(truncatingIfNeeded: high >> (8 * UInt64(index - 8)))
            }
            return count
        }
    }
}

extension FoldedWord {
    /// Builds a short word byte by byte (`word` is `nil` once it is longer than ``capacity``).
    struct Builder {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if count < 8 {
                low |= UInt64(byte) << (8 * UInt64(count))
            } else if count < FoldedWord.capacity {
                high |= UInt64(byte) << (8 * UInt64(count - 8))
            }
            count += 1
        }

        /// The word, unless it is too long to be held inline.
        var word: FoldedWord? {
            count <= FoldedWord.capacity ? FoldedWord(low: low, high: high | UInt64(count) << 56) : nil
        }
    }
}

extension String {
    /// The text of a short folded word (see ``FoldedWord/description`` for a long one).
    init(_ word: FoldedWord) {
        self = word.description
    }
}
