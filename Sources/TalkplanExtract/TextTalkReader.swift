/// Talks from free text: emails, web pages, notices.
enum TextTalkReader {
    static func read(_ input: AnnouncementInput, options: ExtractionOptions) -> ExtractionResult {
        ExtractionResult(diagnostics: [Diagnostic(.error, SourceLocation(file: input.name, line: 1),
                                                  "reading text announcements is not available in this build")])
    }
}
