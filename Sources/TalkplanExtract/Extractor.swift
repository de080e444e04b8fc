import TalkplanTime

/// One announcement to read: its name (a path, or `-` for stdin) and its bytes.
public struct AnnouncementInput: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// What the caller knows that the announcement may not say.
public struct ExtractionOptions: Sendable {
    /// The date a missing year is resolved against (`--reference-date`); `nil` means
    /// the email's Date header, else today.
    public var referenceDate: PlainDate?
    /// The zone for times that carry none and whose zone cannot be inferred (`--default-zone`).
    public var defaultZone: Zone?

    public init(referenceDate: PlainDate? = nil, defaultZone: Zone? = nil) {
        self.referenceDate = referenceDate
        self.defaultZone = defaultZone
    }
}

/// Talks and diagnostics from one input.
public struct ExtractionResult: Sendable {
    public var talks: [Talk]
    public var diagnostics: [Diagnostic]

    public init(talks: [Talk] = [], diagnostics: [Diagnostic] = []) {
        self.talks = talks
        self.diagnostics = diagnostics
    }

    /// Whether some of the input could not be used.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads announcements of any kind: iCalendar feeds, emails, web pages, plain text.
///
/// ```swift
/// let result = Extractor.extract(AnnouncementInput(name: "talk.ics", bytes: bytes), options: ExtractionOptions())
/// for talk in result.talks { print(talk.title ?? "untitled", talk.start) }
/// ```
public enum Extractor {
    /// The kinds of input talkplan recognises.
    public enum Kind: String, Sendable {
        case iCalendar = "icalendar"
        case text
    }

    /// Recognises an iCalendar stream by its first content line (`BEGIN:VCALENDAR`,
    /// after an optional UTF-8 BOM and blank lines); everything else is read as text.
    public static func kind(of input: AnnouncementInput) -> Kind {
        var index = 0
        let bytes = input.bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D || bytes[index] == 0x0A {
            index += 1
        }
        let prefix = Array("BEGIN:VCALENDAR".utf8)
        guard bytes.count - index >= prefix.count else { return .text }
        for (offset, expected) in prefix.enumerated() {
            var byte = bytes[index + offset]
            if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
            if byte != expected { return .text }
        }
        return .iCalendar
    }

    /// Reads one input, whatever its kind.
    public static func extract(_ input: AnnouncementInput, options: ExtractionOptions) -> ExtractionResult {
        switch kind(of: input) {
        case .iCalendar: ICalendarTalkReader.read(input, options: options)
        case .text: TextTalkReader.read(input, options: options)
        }
    }
}
