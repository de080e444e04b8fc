/// The HTML reducer read over a line's UTF-8 bytes: the same steps as ``HTMLText/Reducer/feed(_:)``
/// without first building an array of the line's scalars. ASCII bytes (nearly all of a page's
/// markup) are taken as they are; other characters are decoded where they occur.
extension HTMLText.Reducer {
    /// Feeds one input line; gives the same state and output as `feed`.
    mutating func feedBytes(_ line: TextLine) {
        sourceLine = line.sourceLine
        var text = line.text
        text.withUTF8 { bytes in feedBytes(bytes) }
        endLine()
    }

    /// The scalar at a byte offset and its length in bytes (as `scalars(of:)` decodes it).
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
        let (value, length) = TextBytes.decode(bytes, at: index)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", max(length, 1))
    }

    /// A character reference at a byte offset (the `&`): what it stands for and its length in bytes.
    ///
    /// A reference written in ASCII up to its end (nearly all of them) is read on the bytes;
    /// one whose name runs into a non-ASCII character is read by ``generalReference(_:at:)``.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let count = bytes.count
        var cursor = index + 1
        guard cursor < count else { return nil }
        if bytes[cursor] == 0x23 {
            // Numeric: digits, `x`, and `;` are ASCII, and no other scalar is one of them.
            cursor += 1
            var hex = false
            if cursor < count, bytes[cursor] == 0x78 || bytes[cursor] == 0x58 {
                hex = true
                cursor += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while cursor < count, digits < 8 {
                let byte = bytes[cursor]
                let digit: UInt32
                if byte >= 0x30 && byte <= 0x39 {
                    digit = UInt32(byte - 0x30)
                } else if hex && byte >= 0x41 && byte <= 0x46 {
                    digit = UInt32(byte - 0x41 + 10)
                } else if hex && byte >= 0x61 && byte <= 0x66 {
                    digit = UInt32(byte - 0x61 + 10)
                } else {
                    break
                }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                cursor += 1
            }
            guard digits > 0 else { return nil }
            if cursor < count, bytes[cursor] == 0x3B { cursor += 1 }
            return (HTMLEntities.numeric(value), cursor - index)
        }
        // Named: up to 32 letters and digits.
        let nameStart = cursor
        while cursor < count, cursor - nameStart < 32 {
            let byte = bytes[cursor]
            if byte >= 0x80 { return generalReference(bytes, at: index) }
            guard TextFields.isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) else { break }
            cursor += 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self)
        guard let scalar = HTMLEntities.named[name] else { return nil }
        if cursor < count, bytes[cursor] == 0x3B { cursor += 1 }
        return (scalar, cursor - index)
    }

    /// ``reference(_:at:)`` for any reference, through ``HTMLEntities/reference(_:at:)``.
    ///
    /// A reference is at most 34 scalars long (`&`, a name of up to 32 letters, `;`), so the
    /// scalars of a window of 40 are enough to read it exactly as ``HTMLEntities/reference(_:at:)`` does.
    static func generalReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var window: [Unicode.Scalar] = []
        window.reserveCapacity(40)
        var offsets: [Int] = []
        offsets.reserveCapacity(41)
        var cursor = index
        while cursor < bytes.count, window.count < 40 {
            let (scalar, length) = scalar(bytes, at: cursor)
            offsets.append(cursor)
            window.append(scalar)
            cursor += length
        }
        offsets.append(cursor)
        guard let (decoded, length) = HTMLEntities.reference(window, at: 0) else { return nil }
        return (decoded, offsets[length] - index)
    }

    /// Feeds the bytes of one line (without its end).
    ///
    /// In text, a run of printable ASCII other than `<` and `&` is emitted at once
    /// (``emitRun(_:from:to:)``) and ASCII white space marks a pending space; a tag written in
    /// ASCII on the line is read whole (``tagEnd(_:from:)``), and in a tag left open at a line's
    /// end ASCII bytes are gathered without decoding.
    private mutating func feedBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch state {
            case .text:
                if Self.isPlainText(byte) {
                    var end = index + 1
                    while end < count, Self.isPlainText(bytes[end]) { end += 1 }
                    emitRun(bytes, from: index, to: end)
                    index = end
                    continue
                }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D && byte != 0x0A) {
                    // White space other than a line feed: what `emit` does with it.
                    pendingSpace = true
                    index += 1
                    continue
                }
                if byte == 0x3C, index + 1 < count, Self.startsTag(bytes, at: index + 1) {
                    if index + 3 < count, bytes[index + 1] == 0x21, bytes[index + 2] == 0x2D, bytes[index + 3] == 0x2D {
                        openTag()
                        state = .comment
                        commentTail = []
                        index += 4
                        continue
                    }
                    if let end = Self.tagEnd(bytes, from: index + 1) {
                        handleTag(bytes, from: index + 1, to: end)
                        index = end + 1
                        continue
                    }
                    openTag()
                    index += 1
                    continue
                }
                if byte == 0x26, let (decoded, referenceLength) = Self.reference(bytes, at: index) {
                    emit(decoded)
                    index += referenceLength
                    continue
                }
                let (scalar, length) = Self.scalar(bytes, at: index)
                emit(scalar)
                index += length
            case .tag:
                if byte < 0x80 {
                    index += 1
                    if feedTagByte(byte) { handleBufferedTag() }
                    continue
                }
                let (scalar, length) = Self.scalar(bytes, at: index)
                if feedTag(scalar) { handleBufferedTag() }
                index += length
            case .comment, .raw:
                let (scalar, length) = Self.scalar(bytes, at: index)
                feedCommentOrRaw(scalar)
                index += length
            }
        }
    }

    /// Where a tag whose text starts at `start` (after its `<`) closes: the offset of its `>`
    /// outside quotes, when the tag ends on this line, is ASCII, and is shorter than the 4,096
    /// scalars the reducer keeps of a tag; else `nil`, and the tag is read byte by byte.
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let limit = min(bytes.count, start + 4_096)
        var quote: UInt8 = 0
        var index = start
        while index < limit {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return index
            }
            index += 1
        }
        return nil
    }

    /// A whole tag, `bytes[start..<end]` between its `<` and `>` (ASCII, see ``tagEnd(_:from:)``):
    /// what opening it, feeding its bytes and handling it does. A tag whose element only ends a
    /// line or a paragraph (or does nothing) acts at once; any other is gathered and handled as
    /// the byte-by-byte reader handles it.
    private mutating func handleTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end else { return }
        let first = bytes[start]
        if first == 0x21 || first == 0x3F { return }
        var index = first == 0x2F ? start + 1 : start
        let nameStart = index
        var key: UInt64 = 0
        var short = true
        while index < end {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A {
                byte |= 0x20
            } else if !((byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)) {
                break
            }
            if index - nameStart >= 8 {
                short = false
                break
            }
            key |= UInt64(byte) << (8 * UInt64(index - nameStart))
            index += 1
        }
        if short {
            guard index > nameStart else { return }
            switch Self.tagAction(key) {
            case .paragraph:
                breakParagraph()
                return
            case .line:
                breakLine()
                return
            case nil:
                return
            case .special:
                break
            }
        }
        tagBuffer.removeAll(keepingCapacity: true)
        for position in start..<end { tagBuffer.append(Unicode.Scalar(bytes[position])) }
        quote = nil
        handleBufferedTag()
    }

    /// Printable ASCII that is text as it stands: neither white space nor `<` nor `&`.
    @inline(__always)
    static func isPlainText(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != 0x3C && byte != 0x26
    }

    /// Whether the scalar at a byte offset may start a tag after `<` (as `startsTag`): `/`, `!`,
    /// `?` or a letter, asked of the scalar's properties only when it is not ASCII.
    @inline(__always)
    static func startsTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x2F || byte == 0x21 || byte == 0x3F || TextFields.isASCIILetter(byte) }
        return scalar(bytes, at: index).0.properties.isAlphabetic
    }

    /// One ASCII byte inside a tag: what ``feedTag(_:)`` does with its scalar.
    @inline(__always)
    mutating func feedTagByte(_ byte: UInt8) -> Bool {
        if let open = quote {
            if byte == UInt8(truncatingIfNeeded: open.value) { quote = nil }
        } else if byte == 0x22 || byte == 0x27 {
            quote = Unicode.Scalar(byte)
        } else if byte == 0x3E {
            state = .text
            return true
        }
        if tagBuffer.count < 4096 { tagBuffer.append(Unicode.Scalar(byte)) }
        return false
    }

    /// Emits `bytes[start..<end]`, printable ASCII without white space, as ``emit(_:)`` emits
    /// each of them: a pending space first, and a break whenever the line grows past its maximum.
    mutating func emitRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        var position = start
        while position < end {
            startCharacter()
            // Characters until the line is longer than the maximum (at least one, as `emit` appends one before it checks).
            let room = max(1, TextLines.maximumLineLength + 1 - currentCount)
            let taken = min(end - position, room)
            current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + taken]))
            currentCount += taken
            position += taken
            if currentCount > TextLines.maximumLineLength { breakLine() }
        }
    }

    /// What a tag does, by element: read further by ``handleTag(_:)``, end a paragraph, end a line.
    private enum TagAction {
        case special
        case paragraph
        case line
    }

    /// Element names of up to 8 letters packed into an integer (first letter lowest).
    private static func packed(_ name: String) -> UInt64? {
        guard name.utf8.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (offset, byte) in name.utf8.enumerated() { key |= UInt64(byte) << (8 * UInt64(offset)) }
        return key
    }

    /// The action of each element that has one, by packed name. Elements whose tags do more than
    /// end a line or a paragraph (script, style, template, noscript, pre, a, td, th) are `special`.
    private static let tagActions: [UInt64: TagAction] = {
        var actions: [UInt64: TagAction] = [:]
        for name in HTMLText.lineElements { if let key = packed(name) { actions[key] = .line } }
        for name in HTMLText.paragraphElements { if let key = packed(name) { actions[key] = .paragraph } }
        for name in ["script", "style", "template", "noscript", "pre", "a", "td", "th"] { actions[packed(name)!] = .special }
        return actions
    }()

    /// ``tagActions`` as an open-addressing table of 256 slots: a packed name's first slot is the
    /// top byte of its product with a large odd constant, then the next slots in turn; a slot
    /// whose key is 0 (no name packs to 0) ends the search. One multiplication and a compare or two,
    /// where a dictionary hashes the key.
    private static let tagSlots: (keys: [UInt64], actions: [TagAction?]) = {
        var keys = [UInt64](repeating: 0, count: 256)
        var actions = [TagAction?](repeating: nil, count: 256)
        for (key, action) in tagActions {
            var slot = tagSlot(key)
            while keys[slot] != 0 { slot = (slot + 1) & 0xFF }
            keys[slot] = key
            actions[slot] = action
        }
        return (keys, actions)
    }()

    @inline(__always)
    private static func tagSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    /// The action of an element by its packed name, from ``tagSlots``: what `tagActions[key]` gives.
    private static func tagAction(_ key: UInt64) -> TagAction? {
        var slot = tagSlot(key)
        while true {
            let stored = tagSlots.keys[slot]
            if stored == key { return tagSlots.actions[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & 0xFF
        }
    }

    /// Acts on the tag in `tagBuffer` as `handleTag` does, without building its text when its
    /// name is ASCII, at most 8 letters long, and the element only ends a line or a paragraph (or does nothing).
    private mutating func handleBufferedTag() {
        guard let first = tagBuffer.first else { return }
        if first == "!" || first == "?" { return }
        var index = first == "/" ? 1 : 0
        let nameStart = index
        var key: UInt64 = 0
        while index < tagBuffer.count {
            var value = tagBuffer[index].value
            if value >= 0x41 && value <= 0x5A {
                value |= 0x20
            } else if !((value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)) {
                guard value >= 0x80 else { break }
                // A non-ASCII name: read by characters.
                handleTag(Self.string(tagBuffer))
                return
            }
            let length = index - nameStart
            if length >= 8 {
                // A long name: read as text.
                handleTag(Self.string(tagBuffer))
                return
            }
            key |= UInt64(value) << (8 * UInt64(length))
            index += 1
        }
        guard index > nameStart else { return }
        switch Self.tagAction(key) {
        case .special: handleTag(Self.string(tagBuffer))
        case .paragraph: breakParagraph()
        case .line: breakLine()
        case nil: break
        }
    }
}
