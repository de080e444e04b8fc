/// A fixed table from ``FoldedWord`` to values, built once, for the word lists tokens are
/// looked up in (month names, hour units, particles): open addressing at most half full, a
/// multiplicative hash of the word's two machine words, so a lookup is a multiply, a load and
/// a compare or two — no `Hasher`, no reference counting.
///
/// ```swift
/// let units: FoldedWordTable<Int> = FoldedWordTable([("h", 1), ("hrs", 2)])
/// units[FoldedWord(folded: "hrs")]   // 2
/// ```
struct FoldedWordTable<Value: Sendable>: Sendable {
    private let keys: [FoldedWord]
    private let values: [Value?]
    private let mask: Int
    /// The number of words in the table.
    let count: Int

    /// A slot no word fills: its length byte is neither a short length nor the long mark.
    static var vacant: FoldedWord { FoldedWord(low: 0, high: 0xFE << 56) }

    init(_ pairs: some Sequence<(FoldedWord, Value)>) {
        let list = Array(pairs)
        var capacity = 8
        while capacity < list.count * 2 { capacity *= 2 }
        var keys = [FoldedWord](repeating: Self.vacant, count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        var count = 0
        for (key, value) in list {
            var slot = Self.slot(of: key, mask: capacity - 1)
            while keys[slot] != Self.vacant && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            if keys[slot] != key { count += 1 }
            // A repeated word keeps its last value, as a dictionary literal built by assignment does.
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
        self.count = count
    }

    /// Every word of the table.
    var words: [FoldedWord] { keys.filter { $0 != Self.vacant } }

    @inline(__always)
    static func slot(of word: FoldedWord, mask: Int) -> Int {
        let mixed = (word.low &* 0x9E37_79B9_7F4A_7C15) ^ (word.high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 29) & mask
    }

    /// The value of a word, if the table holds it.
    @inline(__always)
    subscript(word: FoldedWord) -> Value? {
        var slot = Self.slot(of: word, mask: mask)
        while true {
            let key = keys[slot]
            if key == word { return values[slot] }
            if key == Self.vacant { return nil }
            slot = (slot + 1) & mask
        }
    }
}

extension FoldedWordTable: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (FoldedWord, Value)...) {
        self.init(elements)
    }
}

/// A fixed set of words, as a ``FoldedWordTable``.
///
/// ```swift
/// let units: FoldedWordSet = ["h", "hrs", "horas"]
/// units.contains(FoldedWord(folded: "horas"))   // true
/// ```
struct FoldedWordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: FoldedWordTable<Bool>

    init(_ words: some Sequence<FoldedWord>) {
        table = FoldedWordTable(words.map { ($0, true) })
    }

    /// The words of a list of folded strings.
    init(foldedWords words: some Sequence<String>) {
        self.init(words.map { FoldedWord(folded: $0) })
    }

    init(arrayLiteral elements: FoldedWord...) {
        self.init(elements)
    }

    /// The number of distinct words.
    var count: Int { table.count }

    /// Every word of the set.
    var words: [FoldedWord] { table.words }

    @inline(__always)
    func contains(_ word: FoldedWord) -> Bool { table[word] != nil }
}
