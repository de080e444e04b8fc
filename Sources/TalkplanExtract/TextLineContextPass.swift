/// Up to three ``PhraseMatcher``s run as one: a single automaton over the union of their phrases,
/// whose states say, for each phrase list, which of its phrases ends there. One pass over a
/// line's bytes gives what each list's own ``PhraseMatcher/firstMatch(in:)`` gives.
///
/// After reading some text, a list's own automaton reports the longest of its phrases that the
/// text ends with (the first listed, if it lists one twice), and so does the union automaton, for
/// each list: every phrase the text ends with is a suffix of the union state's string. Where a
/// list's own matcher would leave the line to its folded path, so does this one, for that list.
struct PhraseSetMatcher: Sendable {
    /// Transitions: `states × 256`, full.
    private let transitions: [Int32]
    /// For each state and list (`state × lists + list`), the phrase of the list that ends there, or -1.
    private let outputs: [Int32]
    /// For each state, the lists (as bits) with a phrase ending there.
    private let masks: [UInt8]
    /// Phrase lengths in bytes, per list.
    private let lengths: [[Int]]
    /// The lists' own matchers, for their folded paths.
    let matchers: [PhraseMatcher]

    /// The automaton for phrase lists, each with its own matcher (for the folded path).
    init(_ lists: [[String]], matchers: [PhraseMatcher]) {
        precondition(lists.count <= 3 && matchers.count == lists.count)
        let count = lists.count
        // Flat tables: `goto[state * 256 + byte]`, `out[state * count + list]`.
        var goto = [Int32](repeating: -1, count: 256)
        var out = [Int32](repeating: -1, count: count)
        var states = 1
        for (list, phrases) in lists.enumerated() {
            for (index, phrase) in phrases.enumerated() {
                var state = 0
                for byte in phrase.utf8 {
                    let next = goto[state * 256 + Int(byte)]
                    if next >= 0 {
                        state = Int(next)
                    } else {
                        goto.append(contentsOf: repeatElement(-1, count: 256))
                        out.append(contentsOf: repeatElement(-1, count: count))
                        goto[state * 256 + Int(byte)] = Int32(states)
                        state = states
                        states += 1
                    }
                }
                if out[state * count + list] < 0 { out[state * count + list] = Int32(index) }
            }
        }
        // Breadth-first: failure links folded into full transitions, outputs inherited per list.
        var fail = [Int](repeating: 0, count: states)
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for byte in 0..<256 {
            let next = goto[byte]
            if next >= 0 {
                queue.append(Int(next))
            } else {
                goto[byte] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let failed = fail[state]
            for list in 0..<count where out[state * count + list] < 0 {
                out[state * count + list] = out[failed * count + list]
            }
            for byte in 0..<256 {
                let next = goto[state * 256 + byte]
                if next >= 0 {
                    fail[Int(next)] = Int(goto[failed * 256 + byte])
                    queue.append(Int(next))
                } else {
                    goto[state * 256 + byte] = goto[failed * 256 + byte]
                }
            }
        }
        // Upper-case ASCII goes where its lower case goes, so the pass need not lower the text's
        // bytes (phrases are folded: an upper-case transition is never taken otherwise).
        for state in 0..<states {
            for byte in 0x41...0x5A { goto[state * 256 + byte] = goto[state * 256 + byte + 0x20] }
        }
        transitions = goto
        outputs = out
        masks = (0..<states).map { state in
            var mask: UInt8 = 0
            for list in 0..<count where out[state * count + list] >= 0 { mask |= 1 << UInt8(list) }
            return mask
        }
        lengths = lists.map { $0.map(\.utf8.count) }
        self.matchers = matchers
    }

    /// The answers for the three lists.
    struct Matches {
        var first: (phrase: Int, column: Int)?
        var second: (phrase: Int, column: Int)?
        var third: (phrase: Int, column: Int)?

        subscript(list: Int) -> (phrase: Int, column: Int)? {
            get { list == 0 ? first : list == 1 ? second : third }
            set {
                switch list {
                case 0: first = newValue
                case 1: second = newValue
                default: third = newValue
                }
            }
        }
    }

    /// For each list, its first phrase found (by where it ends) and the scalar column where it
    /// starts: each list's ``PhraseMatcher/firstMatch(in:)``.
    func firstMatches(in text: String) -> Matches {
        let count = lengths.count
        var results = Matches()
        // Lists still looking (bits), and lists whose matcher would fold the line.
        var open: UInt8 = (1 << UInt8(count)) - 1
        var undecided: UInt8 = 0
        var copy = text
        copy.withUTF8 { bytes in
            transitions.withUnsafeBufferPointer { transitions in
                outputs.withUnsafeBufferPointer { outputs in
                    masks.withUnsafeBufferPointer { masks in
                        var state = 0
                        var offset = 0
                        var sawNonASCII = false
                        var index = 0
                        let total = bytes.count
                        /// Settles the open lists with a phrase ending at the current state.
                        func settle() {
                            let hits = masks[state] & open
                            guard hits != 0 else { return }
                            for list in 0..<count where hits & (1 << UInt8(list)) != 0 {
                                if sawNonASCII {
                                    undecided |= 1 << UInt8(list)
                                } else {
                                    let phrase = Int(outputs[state &* count &+ list])
                                    results[list] = (phrase, offset - lengths[list][phrase])
                                }
                            }
                            open &= ~hits
                        }
                        while index < total, open != 0 {
                            let lead = bytes[index]
                            if lead < 0x80 {
                                index += 1
                                state = Int(transitions[state &* 256 &+ Int(lead)])
                                offset += 1
                                if masks[state] & open != 0 { settle() }
                                continue
                            }
                            // Decode one multi-byte scalar (the text is valid UTF-8).
                            guard index + TextBytes.sequenceLength(lead) <= total else {
                                undecided |= open
                                open = 0
                                break
                            }
                            let (value, length) = TextBytes.decode(bytes, at: index)
                            index += length
                            sawNonASCII = true
                            var packed = TextFolding.packedFold(value)
                            guard packed != 0 else {
                                undecided |= open
                                open = 0
                                break
                            }
                            for _ in 0..<Int(packed >> 32) {
                                let byte = UInt8(truncatingIfNeeded: packed)
                                packed >>= 8
                                state = Int(transitions[state &* 256 &+ Int(byte)])
                                offset += 1
                                if masks[state] & open != 0 { settle() }
                            }
                        }
                    }
                }
            }
        }
        if undecided != 0 {
            for list in 0..<count where undecided & (1 << UInt8(list)) != 0 {
                results[list] = matchers[list].foldedMatch(in: text)
            }
        }
        return results
    }
}

extension TextLineContext {
    /// What the phrases of a line say about it, in one pass over its bytes: exactly
    /// ``ignoresDates(_:)``, ``invitationColumn(_:)`` and ``dialInColumn(_:)``, which stay
    /// the reference.
    struct PhraseContext: Equatable {
        var ignoresDates: Bool
        var invitationColumn: Int?
        var dialInColumn: Int?
    }

    static let contextMatcher = PhraseSetMatcher([ignoredDatePhrases, invitationPhrases, dialInPhrases],
                                                 matchers: [ignoredDateMatcher, invitationMatcher, dialInMatcher])

    static func phraseContext(_ line: String) -> PhraseContext {
        let matches = contextMatcher.firstMatches(in: line)
        return PhraseContext(ignoresDates: matches[0] != nil, invitationColumn: matches[1]?.column,
                             dialInColumn: matches[2]?.column)
    }

    /// The three answers asked one by one, for the tests.
    static func generalPhraseContext(_ line: String) -> PhraseContext {
        PhraseContext(ignoresDates: ignoresDates(line), invitationColumn: invitationColumn(line), dialInColumn: dialInColumn(line))
    }
}
