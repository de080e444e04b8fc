/// Talks from an iCalendar stream (VEVENTs), mapped through TalkplanICalendar.
enum ICalendarTalkReader {
    static func read(_ input: AnnouncementInput, options: ExtractionOptions) -> ExtractionResult {
        ExtractionResult(diagnostics: [Diagnostic(.error, SourceLocation(file: input.name, line: 1),
                                                  "reading iCalendar announcements is not available in this build")])
    }
}
