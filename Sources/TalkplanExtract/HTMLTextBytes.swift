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
    /// A reference is at most 34 scalars long (`&`, a name of up to 32 letters, `;`), so the
    /// scalars of a window of 40 are enough to read it exactly as ``HTMLEntities/reference(_:at:)`` does.
    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
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
    private mutating func feedBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = bytes.count
        while index < count {
            let (scalar, length) = Self.scalar(bytes, at: index)
            switch state {
            case .text:
                if scalar == "<", index + length < count, startsTag(Self.scalar(bytes, at: index + length).0) {
                    openTag()
                    if index + 3 < count, bytes[index + 1] == 0x21, bytes[index + 2] == 0x2D, bytes[index + 3] == 0x2D {
                        state = .comment
                        commentTail = []
                        index += 4
                        continue
                    }
                } else if scalar == "&", let (decoded, referenceLength) = Self.reference(bytes, at: index) {
                    emit(decoded)
                    index += referenceLength
                    continue
                } else {
                    emit(scalar)
                }
            case .tag:
                if feedTag(scalar) { handleBufferedTag() }
            case .comment, .raw:
                feedCommentOrRaw(scalar)
            }
            index += length
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
        switch Self.tagActions[key] {
        case .special: handleTag(Self.string(tagBuffer))
        case .paragraph: breakParagraph()
        case .line: breakLine()
        case nil: break
        }
    }
}
