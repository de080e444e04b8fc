import TalkplanTime

/// A time found in a document, with the date it belongs to and how far it is trusted.
struct TimeItem: Sendable {
    /// Document line index.
    var line: Int
    var time: TimeMention
    /// The date written with it (same line, or the date field next to a time field).
    var date: WrittenDate?
    /// Lower is stronger: see ``AnchorPriority``.
    var priority: Int
    /// A time on a speaker or title line, or on a record's heading, with no date of its own
    /// (`Orador: Arie Worstman (ENS Paris) 16.15`): the time of that record's talk.
    var onFieldLine: Bool
    var record: Int
    /// On an end field (`End: 2024-09-19 18:30:00`, `Fin : 15h30`): the end of the talk, not a talk.
    var isEnd = false
}

/// How much a time is trusted, strongest first.
enum AnchorPriority {
    /// An ISO date-time (calendar data: `Add to Calendar 2021-05-04 19:00:00`, JSON-LD).
    static let structured = 0
    /// On a date or time field (`When:`, `Date`, `Fecha:`).
    static let labelled = 1
    static let prose = 2
    /// In the email's subject.
    static let subject = 3
    /// In a video-meeting invitation pasted into the announcement.
    static let invitation = 4

    static func name(_ priority: Int) -> String {
        switch priority {
        case structured: "calendar data"
        case labelled: "date field"
        case subject: "subject"
        case invitation: "meeting invitation"
        default: "text"
        }
    }
}

/// One talk before its fields are read: the time that fixes its start, its date, and the
/// other mentions of it to cross-check.
struct TalkDraft {
    var record: Int
    var main: TimeItem
    var date: PlainDate
    var dateWarnings: [String]
    var others: [TimeItem] = []
    /// A line of a programme (`14:00 → 14:45 Title — Speaker (EPFL)`): title and speaker come from the line.
    var programLine = false
    /// The end given on an end field of the record.
    var endTime: WrittenTime?
}

extension AnnouncementReader {
    /// Every time in the document with its date, priority and record.
    func timeItems() -> [TimeItem] {
        var items: [TimeItem] = []
        var record = 0
        for (index, info) in analysis.info.enumerated() where !info.mentions.times.isEmpty {
            while record + 1 < analysis.records.count, analysis.records[record + 1].start <= index { record += 1 }
            if info.ignoreDates && !info.isSubject { continue }
            for time in info.mentions.times {
                var priority = AnchorPriority.prose
                if time.structured {
                    priority = AnchorPriority.structured
                } else if let column = info.invitationColumn, time.column >= column {
                    priority = AnchorPriority.invitation
                } else if info.isSubject {
                    priority = AnchorPriority.subject
                } else if info.field == .date || info.field == .time {
                    priority = AnchorPriority.labelled
                }
                let date = pairDate(line: index, time: time, record: analysis.records[record])
                let onField = date == nil && (info.field == .speaker || info.field == .title || index == analysis.records[record].start)
                items.append(TimeItem(line: index, time: time, date: date, priority: priority, onFieldLine: onField, record: record,
                                      isEnd: info.field == .end))
            }
        }
        return items
    }

    /// The date a time belongs to: the one written with it, the nearest before it on its line
    /// (else just after it), or a date on the lines just above (`Date: …` then `Time: …`).
    func pairDate(line: Int, time: TimeMention, record: TextRecord) -> WrittenDate? {
        let dates = analysis.info[line].mentions.dates
        if let index = time.dateIndex, index < dates.count { return dates[index].date }
        if let before = dates.last(where: { $0.tokenEnd <= time.tokenStart }) { return before.date }
        if let after = dates.first(where: { $0.tokenStart >= time.tokenEnd && $0.tokenStart - time.tokenEnd <= 8 }) { return after.date }
        let info = analysis.info[line]
        if info.isSubject { return nil }
        // Lines just above (and, for a time field, just below) in the same record.
        let labelled = info.field == .time || info.field == .date
        var probe = line - 1
        var steps = 0
        while probe >= record.start, steps < 3 {
            let other = analysis.info[probe]
            if other.isBlank || other.ignoreDates {
                probe -= 1
                continue
            }
            if other.mentions.dates.count >= 1, other.mentions.times.isEmpty, labelled || other.field == .date || steps == 0 {
                return other.mentions.dates.last?.date
            }
            steps += 1
            probe -= 1
        }
        if info.field == .time {
            for next in (line + 1)..<min(line + 3, record.end) where analysis.info[next].field == .date {
                if let date = analysis.info[next].mentions.dates.first?.date { return date }
            }
        }
        return nil
    }

    /// The talks of a document: one per date in each record, records without a date or time
    /// taking the document's shared ones.
    func drafts(from items: [TimeItem]) -> [TalkDraft] {
        var drafts: [TalkDraft] = []
        let recordCount = analysis.records.count
        var byRecord = [[TimeItem]](repeating: [], count: recordCount)
        var ends = [[TimeItem]](repeating: [], count: recordCount)
        for item in items {
            if item.isEnd { ends[item.record].append(item) } else { byRecord[item.record].append(item) }
        }
        // The dates of the whole document (outside ignored lines), to share with records that have none.
        var documentDates: [PlainDate] = []
        for info in analysis.info where !info.ignoreDates {
            for mention in info.mentions.dates {
                if let settled = settle(mention.date), !documentDates.contains(settled.date) { documentDates.append(settled.date) }
                if documentDates.count > 1 { break }
            }
            if documentDates.count > 1 { break }
        }
        let sharedDate = documentDates.count == 1 ? documentDates[0] : nil
        let multiple = recordCount > 1

        var pool: [TimeItem] = []
        var waiting: [Int] = []
        for record in 0..<recordCount {
            let own = byRecord[record]
            let anchors = own.filter { $0.date != nil }
            // A programme: several lines that start with a time, on the record's (or document's) one date.
            let program = own.filter { isProgramLine($0) }
            if program.count >= 2 {
                let dates = Set(own.compactMap { $0.date.flatMap { settle($0)?.date } })
                if let date = dates.count == 1 ? dates.first : (dates.isEmpty ? sharedDate : nil) {
                    let warnings = own.first { $0.date != nil }.flatMap { settle($0.date!)?.warnings } ?? sharedWarnings()
                    for item in program {
                        var draft = TalkDraft(record: record, main: item, date: date, dateWarnings: warnings)
                        draft.programLine = true
                        drafts.append(draft)
                    }
                    continue
                }
            }
            let fieldTimes = own.filter { $0.onFieldLine }
            if multiple, let fieldTime = fieldTimes.min(by: { $0.priority < $1.priority }) {
                // The record's own time; its other dated times are the session's, for records without one.
                let dates = Set(anchors.compactMap { settle($0.date!)?.date })
                let date = dates.count == 1 ? dates.first : sharedDate
                if let date {
                    let warnings = anchors.first.flatMap { settle($0.date!)?.warnings } ?? sharedWarnings()
                    drafts.append(TalkDraft(record: record, main: fieldTime, date: date, dateWarnings: warnings))
                    pool += anchors.filter { !$0.onFieldLine }
                    continue
                }
            }
            if !anchors.isEmpty {
                drafts += groupDrafts(anchors, record: record)
                continue
            }
            if !multiple, let sharedDate, let loose = own.min(by: { ($0.priority, $0.line) < ($1.priority, $1.line) }) {
                drafts.append(TalkDraft(record: record, main: loose, date: sharedDate, dateWarnings: sharedWarnings()))
                continue
            }
            waiting.append(record)
        }
        // Records with neither: the session's times in order, else their own loose time on the shared date.
        for record in waiting {
            if !pool.isEmpty {
                let item = pool.removeFirst()
                if let settled = settle(item.date!) {
                    drafts.append(TalkDraft(record: record, main: item, date: settled.date, dateWarnings: settled.warnings))
                }
            } else if let sharedDate, let loose = byRecord[record].first {
                drafts.append(TalkDraft(record: record, main: loose, date: sharedDate, dateWarnings: sharedWarnings()))
            }
        }
        drafts.sort { ($0.record, $0.main.line) < ($1.record, $1.main.line) }
        for index in drafts.indices where drafts[index].main.time.end == nil {
            let draft = drafts[index]
            let end = ends[draft.record].first { item in
                item.date.map { settle($0)?.date == draft.date } ?? true
            }
            drafts[index].endTime = end?.time.start
        }
        return drafts
    }

    /// Words of programme lines that are not talks.
    static let breakWords: Set<String> = [
        "break", "pause", "coffee", "cafe", "lunch", "dejeuner", "almuerzo", "receso", "cocktail", "coctel", "welcome", "accueil",
        "bienvenida", "registration", "closing", "cloture", "clausura", "opening", "ouverture", "apertura", "dinner", "diner", "cena",
    ]

    /// A line that starts with a time (or range) followed by a title, without a date of its own.
    func isProgramLine(_ item: TimeItem) -> Bool {
        guard item.date == nil, item.priority != AnchorPriority.subject else { return false }
        let info = analysis.info[item.line]
        guard info.mentions.dates.isEmpty, info.mentions.times.count == 1, info.label == nil || info.field == .time else { return false }
        let text = analysis.lines[item.line].text
        let scalars = Array(text.unicodeScalars)
        // Only markup before the time.
        for scalar in scalars.prefix(item.time.column) where !(scalar.properties.isWhitespace || "*-•|#>".unicodeScalars.contains(scalar)) {
            return false
        }
        let rest = programText(item)
        let words = rest.split(whereSeparator: { !$0.isLetter })
        guard words.count >= 2 else { return false }
        return !words.contains { Self.breakWords.contains(DateNames.fold($0)) }
    }

    /// The text of a programme line after its time.
    func programText(_ item: TimeItem) -> String {
        let scalars = Array(analysis.lines[item.line].text.unicodeScalars)
        let tokens = TextTokens.tokenize(analysis.lines[item.line].text)
        let end = item.time.tokenEnd < tokens.count ? tokens[item.time.tokenEnd].start : scalars.count
        let rest = String(String.UnicodeScalarView(scalars[min(end, scalars.count)...]))
        return rest.trimming(" \t-–—:|*→>")
    }

    /// The warnings of the document's one date (its year inference), for talks that share it.
    func sharedWarnings() -> [String] {
        for info in analysis.info where !info.ignoreDates {
            if let mention = info.mentions.dates.first, let settled = settle(mention.date) { return settled.warnings }
        }
        return []
    }

    /// A record's dated times grouped by date: a group per talk; groups known only from the
    /// subject or an invitation join the strongest group, to be cross-checked.
    func groupDrafts(_ anchors: [TimeItem], record: Int) -> [TalkDraft] {
        var groups: [(date: PlainDate, warnings: [String], items: [TimeItem])] = []
        for item in anchors {
            guard let written = item.date, let settled = settle(written) else { continue }
            if let index = groups.firstIndex(where: { $0.date == settled.date }) {
                groups[index].items.append(item)
            } else {
                groups.append((settled.date, settled.warnings, [item]))
            }
        }
        guard !groups.isEmpty else { return [] }
        let strongest = groups.indices.min { a, b in
            let pa = groups[a].items.map(\.priority).min() ?? 9, pb = groups[b].items.map(\.priority).min() ?? 9
            return (pa, groups[a].items[0].line) < (pb, groups[b].items[0].line)
        }!
        var merged: [TimeItem] = []
        var kept: [(date: PlainDate, warnings: [String], items: [TimeItem])] = []
        for (index, group) in groups.enumerated() {
            let best = group.items.map(\.priority).min() ?? 9
            if index != strongest && best >= AnchorPriority.subject {
                merged += group.items
            } else {
                kept.append(group)
            }
        }
        var drafts: [TalkDraft] = []
        for group in kept {
            let ordered = group.items.sorted { ($0.priority, $0.line, $0.time.column) < ($1.priority, $1.line, $1.time.column) }
            var draft = TalkDraft(record: record, main: ordered[0], date: group.date, dateWarnings: group.warnings,
                                  others: Array(ordered.dropFirst()))
            if group.date == groups[strongest].date { draft.others += merged }
            drafts.append(draft)
        }
        return drafts
    }
}
