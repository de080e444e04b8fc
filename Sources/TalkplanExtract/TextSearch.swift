/// Finds many phrases in a line at once, in one pass over its bytes (an Aho–Corasick automaton),
/// ignoring ASCII case; phrases are given folded (lower case, no diacritics) and non-ASCII lines
/// are folded before matching. This is what keeps per-line checks linear on large mailboxes.
///
/// ```swift
/// let matcher = PhraseMatcher(["one tap mobile", "meeting id"])
/// matcher.firstMatch(in: "Meeting ID: 897 0800 6582")   // (phrase: 1, column: 0)
/// ```
struct PhraseMatcher: Sendable {
    /// Transitions: `states × 256`, full (a DFA), so matching is one table lookup per byte.
    private let transitions: [Int32]
    /// For each state, the phrase that ends there (the shortest, if several), or -1.
    private let output: [Int32]
    /// Phrase lengths in bytes.
    private let lengths: [Int]

    init(_ phrases: [String]) {
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var out: [Int32] = [-1]
        for (index, phrase) in phrases.enumerated() {
            var state = 0
            for byte in phrase.utf8 {
                let next = goto[state][Int(byte)]
                if next >= 0 {
                    state = Int(next)
                } else {
                    goto.append([Int32](repeating: -1, count: 256))
                    out.append(-1)
                    goto[state][Int(byte)] = Int32(goto.count - 1)
                    state = goto.count - 1
                }
            }
            if out[state] < 0 { out[state] = Int32(index) }
        }
        // Breadth-first: failure links folded into full transitions.
        var fail = [Int](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            let next = goto[0][byte]
            if next >= 0 {
                fail[Int(next)] = 0
                queue.append(Int(next))
            } else {
                goto[0][byte] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if out[state] < 0 { out[state] = out[fail[state]] }
            for byte in 0..<256 {
                let next = goto[state][byte]
                if next >= 0 {
                    fail[Int(next)] = Int(goto[fail[state]][byte])
                    queue.append(Int(next))
                } else {
                    goto[state][byte] = goto[fail[state]][byte]
                }
            }
        }
        // Upper-case ASCII goes where its lower case goes, so the streaming pass need not lower
        // the text's bytes (phrases are folded: an upper-case transition is never taken otherwise).
        for state in goto.indices {
            for byte in 0x41...0x5A { goto[state][byte] = goto[state][byte + 0x20] }
        }
        transitions = goto.flatMap { $0 }
        output = out
        lengths = phrases.map(\.utf8.count)
    }

    /// The first phrase found (by where it ends) and the scalar column where it starts.
    func firstMatch(in text: String) -> (phrase: Int, column: Int)? {
        switch streamingMatch(in: text) {
        case .none: return nil
        case .found(let phrase, let column): return (phrase, column)
        case .undecided: return foldedMatch(in: text)
        }
    }

    private enum StreamingOutcome {
        case none, found(phrase: Int, column: Int), undecided
    }

    /// Runs the automaton over the folded bytes of the text as they are produced, without
    /// building the folded text; `undecided` when a scalar has no table fold, or when a phrase
    /// is found after a non-ASCII scalar (its column is then counted in the folded text).
    private func streamingMatch(in text: String) -> StreamingOutcome {
        var copy = text
        return copy.withUTF8 { bytes -> StreamingOutcome in
            transitions.withUnsafeBufferPointer { transitions in
                output.withUnsafeBufferPointer { output in
                    streamingMatch(bytes, transitions: transitions, output: output)
                }
            }
        }
    }

    /// ``streamingMatch(in:)`` over the text's bytes and the automaton's tables.
    private func streamingMatch(_ bytes: UnsafeBufferPointer<UInt8>, transitions: UnsafeBufferPointer<Int32>,
                                output: UnsafeBufferPointer<Int32>) -> StreamingOutcome {
        var state = 0
        var offset = 0
        var sawNonASCII = false
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                state = Int(transitions[state &* 256 &+ Int(lead)])
                offset += 1
                let found = output[state]
                if found >= 0 {
                    if sawNonASCII { return .undecided }
                    return .found(phrase: Int(found), column: offset - lengths[Int(found)])
                }
                continue
            }
            // Decode one multi-byte scalar (the text is valid UTF-8).
            guard index + TextBytes.sequenceLength(lead) <= count else { return .undecided }
            let (value, length) = TextBytes.decode(bytes, at: index)
            index += length
            sawNonASCII = true
            var packed = TextFolding.packedFold(value)
            guard packed != 0 else { return .undecided }
            for _ in 0..<Int(packed >> 32) {
                let byte = UInt8(truncatingIfNeeded: packed)
                packed >>= 8
                state = Int(transitions[state &* 256 &+ Int(byte)])
                offset += 1
                if output[state] >= 0 { return .undecided }
            }
        }
        return .none
    }

    /// The general path: folds the whole text, then matches.
    func foldedMatch(in text: String) -> (phrase: Int, column: Int)? {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let subject = isASCII ? text : DateNames.fold(text)
        var state = 0
        var offset = 0
        for var byte in subject.utf8 {
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            state = Int(transitions[state &* 256 &+ Int(byte)])
            offset += 1
            let found = output[state]
            if found >= 0 {
                let start = offset - lengths[Int(found)]
                let column = isASCII ? start : String(decoding: subject.utf8.prefix(start), as: UTF8.self).unicodeScalars.count
                return (Int(found), column)
            }
        }
        return nil
    }

    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }
}

extension String {
    /// Whether the UTF-8 bytes of the text hold a byte: `utf8.contains(byte)`, over the
    /// contiguous bytes instead of the view's iterator.
    func containsByte(_ byte: UInt8) -> Bool {
        var copy = self
        return copy.withUTF8 { $0.contains(byte) }
    }

    /// Whether the UTF-8 bytes of the text hold a byte in a range (`utf8.contains(where:)`).
    func containsByte(in range: ClosedRange<UInt8>) -> Bool {
        var copy = self
        return copy.withUTF8 { $0.contains(where: { range.contains($0) }) }
    }

    /// Whether the text contains an ASCII needle, byte for byte, without Foundation.
    ///
    /// ```swift
    /// "see https://x.org".containsASCII("://")   // true
    /// ```
    func containsASCII(_ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        var copy = self
        return copy.withUTF8 { haystack in
            needle.withUTF8Buffer { pattern in
                guard haystack.count >= count else { return false }
                let first = pattern[0]
                var index = 0
                let last = haystack.count - count
                while index <= last {
                    if haystack[index] == first {
                        var k = 1
                        while k < count && haystack[index + k] == pattern[k] { k += 1 }
                        if k == count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
