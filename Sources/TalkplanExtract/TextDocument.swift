import TalkplanTime

/// One announcement as text: a web page, a notice, or one message of a mailbox, reduced to
/// lines that remember where in the input they came from.
struct TextDocument: Sendable {
    enum Kind: String, Sendable {
        case email, webPage = "web page", plain
    }

    var kind: Kind
    var lines: [TextLine]
    /// The email's Subject (RFC 2047 decoded) and the input line of its header.
    var subject: TextLine?
    /// When the message was sent: the Date header, or the date line of an archived message.
    var sent: EmailSentDate?
    /// The sender's address domain (`ttic.edu`), lower-cased.
    var senderDomain: String?
    /// The Message-ID, without angle brackets.
    var messageID: String?

    init(kind: Kind, lines: [TextLine], subject: TextLine? = nil, sent: EmailSentDate? = nil,
         senderDomain: String? = nil, messageID: String? = nil) {
        self.kind = kind
        self.lines = lines
        self.subject = subject
        self.sent = sent
        self.senderDomain = senderDomain
        self.messageID = messageID
    }
}

/// The moment an email was sent, as its Date header (or an archive's date line) gives it.
struct EmailSentDate: Sendable, Hashable {
    /// The sender's wall time.
    var dateTime: PlainDateTime
    /// The numeric offset, when the header has one (`-0600`).
    var offset: UTCOffset?
    /// A zone abbreviation the header carries (`CST` in `Wed Dec 6 08:00:00 CST 2023`, or a
    /// comment such as `(CET)`).
    var abbreviation: String?
    /// The input line of the header.
    var line: Int
}
