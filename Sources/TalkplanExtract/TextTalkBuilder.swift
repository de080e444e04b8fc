import Foundation
import TalkplanTime

/// Reads the talks of one text document (a web page, a notice, one email).
struct AnnouncementReader {
    let document: TextDocument
    let options: ExtractionOptions
    let inputName: String
    let analysis: TextAnalysis
    let resolver: ZoneEvidenceResolver
    let finder: ZoneEvidenceFinder
    let region: String?
    let settler: DateSettler
    let documentLocation: String?
    let documentLinks: [String]
    /// For documents of several talks: a room named on a dated line, and the folded text outside
    /// every field (where "hybrid" or "online only" is said for all talks).
    let documentRoom: String?
    let sharedModeSaid: Set<AttendanceMode>
    private let memo = SettleMemo()

    /// Default length of a talk whose end is not given.
    static let defaultDuration: Int64 = 3600

    final class SettleMemo {
        var settled: [WrittenDate: DateSettler.Settled?] = [:]
    }

    init(document: TextDocument, options: ExtractionOptions, inputName: String, resolver: ZoneEvidenceResolver) {
        var document = document
        var lines = document.lines
        var subjectIndex: Int?
        if let subject = document.subject {
            lines.insert(subject, at: 0)
            subjectIndex = 0
        }
        // A list archive's message has its date on a line of its own near the top (`Wed Dec 6 08:00:00 CST 2023`).
        var sentIndex: Int?
        for index in lines.indices.prefix(10) where document.sent == nil || index == 0 {
            if let sent = EmailSentDates.parse(lines[index].text.trimming(" \t"), line: lines[index].sourceLine, strict: true) {
                if document.sent == nil { document.sent = sent }
                sentIndex = index
                break
            }
        }
        self.document = document
        self.options = options
        self.inputName = inputName
        self.resolver = resolver
        let analysis = TextAnalysis(lines: lines, subjectLine: subjectIndex, sentLine: sentIndex)
        self.analysis = analysis
        let texts = lines.lazy.map(\.text)
        let region = TextHints.region(of: texts, senderDomain: document.senderDomain)
        self.region = region
        let finder = ZoneEvidenceFinder(analysis: analysis, document: document, resolver: resolver, region: region,
                                        defaultZone: options.defaultZone)
        self.finder = finder

        // The reference date for missing years.
        var settler: DateSettler
        if let reference = options.referenceDate {
            settler = DateSettler(reference: reference, referenceSource: "the reference date \(reference)")
        } else if let sent = document.sent {
            settler = DateSettler(reference: sent.dateTime.date, referenceSource: "the email's date \(sent.dateTime.date)")
        } else {
            let today = Instant(seconds: Int64(Date().timeIntervalSince1970)).plainDateTime(at: .zero).date
            settler = DateSettler(reference: today, referenceSource: "today, \(today)")
        }
        settler.sent = document.sent?.dateTime.date
        var written: [WrittenDate] = []
        var hasOpen = false
        for info in analysis.info where !info.ignoreDates {
            for mention in info.mentions.dates {
                written.append(mention.date)
                if case .open = mention.date.order { hasOpen = true }
            }
        }
        if hasOpen {
            let american: Set<String> = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                                         "America/Phoenix", "America/Anchorage", "Pacific/Honolulu", "America/Detroit"]
            let places = finder.identifiers + finder.attached + finder.locations + finder.addresses
            let usContext = places.contains { american.contains($0.zone.identifier) }
            let placeZone = places.first { !american.contains($0.zone.identifier) }?.zone.identifier
            settler.decideOrder(dates: written, region: region, language: TextHints.language(of: texts), usContext: usContext,
                                placeZone: usContext ? nil : placeZone)
        }
        self.settler = settler

        // What several talks of one document share: one location, the links.
        var location: String?
        var links: [String] = []
        if analysis.records.count > 1 {
            var locations = Set<String>()
            for field in analysis.fields where field.kind == .location { locations.insert(field.text) }
            location = locations.count == 1 ? locations.first : nil
            links = []
            for (index, line) in lines.enumerated() where line.text.containsASCII("http") && analysis.info[index].field != .abstract {
                for link in OnlineLinks.find(in: line.text) where !links.contains(link) { links.append(link) }
                if links.count >= 16 { break }
            }
        }
        self.documentLinks = links
        self.documentLocation = location
        var room: String?
        var shared: Set<AttendanceMode> = []
        if analysis.records.count > 1 {
            var checked = 0
            for index in analysis.info.indices where !analysis.info[index].mentions.dates.isEmpty && checked < 50 {
                checked += 1
                if let found = Self.roomPhrase(onLine: index, analysis: analysis) {
                    room = found
                    break
                }
            }
            for index in 0..<min(lines.count, 2_000) where analysis.info[index].field == nil {
                shared.formUnion(Self.modesSaid(in: lines[index].text))
            }
        }
        self.documentRoom = room
        self.sharedModeSaid = shared
    }

    func settle(_ written: WrittenDate) -> DateSettler.Settled? {
        if let cached = memo.settled[written] { return cached }
        let settled = settler.settle(written)
        memo.settled[written] = settled
        return settled
    }

    /// Every talk of the document, in the order they appear.
    func read() -> [Talk] {
        let items = timeItems()
        guard !items.isEmpty else { return [] }
        let drafts = drafts(from: items)
        var talks = drafts.compactMap(build)
        // An estimated end stops where the next talk of the same day starts.
        let order = talks.indices.sorted { talks[$0].start < talks[$1].start }
        for (position, index) in order.enumerated() where talks[index].endEstimated && position + 1 < order.count {
            let next = talks[order[position + 1]].start
            if next > talks[index].start && next < talks[index].end { talks[index].end = next }
        }
        return talks
    }

    /// One talk from a draft.
    func build(_ draft: TalkDraft) -> Talk? {
        let item = draft.main
        guard let startTime = item.time.start.plainTime else { return nil }
        let choice = chooseZone(for: item, date: draft.date)
        let zone = choice.zone
        var warnings = draft.dateWarnings + choice.warnings
        let startWall = PlainDateTime(date: draft.date, time: startTime)
        let (start, offset, startProblem) = resolveInstant(startWall, in: zone)
        if let startProblem { warnings.append(startProblem) }
        if item.time.reversed, let end = item.time.end {
            warnings.append("time range \"\(item.time.text)\" read as \(item.time.start.clock)–\(end.clock)")
        }

        // The end: the range's, else another mention of the same start with an end, else estimated.
        var endTime = item.time.end ?? draft.endTime
        if endTime == nil {
            endTime = draft.others.first { $0.time.start == item.time.start && $0.time.end != nil && $0.time.offset == item.time.offset }?.time.end
        }
        var end: Instant
        var endEstimated = false
        if let endTime, let plain = endTime.plainTime {
            var endDate = draft.date
            if endTime.secondOfDay <= item.time.start.secondOfDay { endDate = endDate.adding(days: 1) }
            let endWall = PlainDateTime(date: endDate, time: plain)
            if let fixed = item.time.offset {
                end = endWall.instant(at: fixed)
            } else {
                let resolved = resolveInstant(endWall, in: zone)
                end = resolved.instant
                if let problem = resolved.warning { warnings.append("end: " + problem) }
            }
        } else {
            end = start.adding(seconds: Self.defaultDuration)
            endEstimated = true
            warnings.append("no end time given; estimated as \(Self.defaultDuration / 60) minutes after the start")
        }
        if end <= start {
            end = start.adding(seconds: Self.defaultDuration)
            endEstimated = true
        }
        warnings += crossCheck(draft, start: start, zone: zone)

        let fields = fields(for: draft)
        let sourceLine = analysis.lines[item.line].sourceLine
        let id = Self.identifier(file: inputName, start: start, title: fields.title, messageID: document.messageID)
        return Talk(id: id, title: fields.title, speaker: fields.speaker, start: start, end: end, endEstimated: endEstimated,
                    zone: zone.ianaIdentifier != nil ? zone : nil, localStart: OffsetDateTime(instant: start, offset: offset),
                    location: fields.location, online: fields.online, mode: fields.mode, details: fields.details,
                    source: SourceLocation(file: inputName, line: sourceLine, column: item.time.column + 1),
                    warnings: Self.unique(warnings))
    }

    /// Warnings for other mentions of the talk that give a different time.
    func crossCheck(_ draft: TalkDraft, start: Instant, zone: Zone) -> [String] {
        var warnings: [String] = []
        var reported = Set<String>()
        let main = draft.main
        for other in draft.others {
            guard let otherTime = other.time.start.plainTime else { continue }
            let date = other.date.flatMap { settle($0)?.date } ?? draft.date
            var otherZone = zone
            var zoneNote = ""
            if let offset = other.time.offset {
                otherZone = .fixed(offset)
            } else if !other.time.zoneCandidates.isEmpty, let (resolution, text) = finder.readAttached(other.time.zoneCandidates, date: date) {
                otherZone = resolution.zone
                zoneNote = " \(text)"
            }
            let instant = resolveInstant(PlainDateTime(date: date, time: otherTime), in: otherZone).instant
            guard instant != start else { continue }
            let key = "\(instant)"
            guard reported.insert(key).inserted else { continue }
            let kept = "\(main.time.start.clock) \(zone.identifier) (line \(analysis.lines[main.line].sourceLine), \(AnchorPriority.name(main.priority)))"
            let given = "\(date == draft.date ? "" : "\(date) ")\(other.time.start.clock)\(zoneNote) = \(instant) (line \(analysis.lines[other.line].sourceLine), \(AnchorPriority.name(other.priority)): \"\(other.time.text)\")"
            warnings.append("two different times given for this talk: \(kept) = \(start), and \(given); kept \(main.time.start.clock)")
        }
        return warnings
    }

    static func unique(_ warnings: [String]) -> [String] {
        var seen = Set<String>()
        return warnings.filter { seen.insert($0).inserted }
    }

    /// A stable id: a short hash of the file name (or Message-ID), the start and the title.
    ///
    /// ```swift
    /// AnnouncementReader.identifier(file: "seminar.txt", start: start, title: "Landscape", messageID: nil)   // "3f9c…" (16 hex digits)
    /// ```
    static func identifier(file: String, start: Instant, title: String?, messageID: String?) -> String {
        let base = messageID ?? fileName(file)
        // FNV-1a over the UTF-8 of "base|start|title", fed part by part.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x0000_0100_0000_01B3
                }
            }
        }
        mix(base)
        mix("|")
        mix(start.description)
        mix("|")
        mix(title ?? "")
        // Sixteen lower-case hex digits, leading zeros included.
        return String(unsafeUninitializedCapacity: 16) { digits in
            for position in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: hash >> (60 - 4 * UInt64(position))) & 0x0F
                digits[position] = nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
            }
            return 16
        }
    }

    /// The last component of a path, as `NSString.lastPathComponent` gives it: the text after
    /// the last `/` once trailing slashes are dropped, `/` for `/` itself. Read on the bytes
    /// for an ASCII path; any other path takes ``generalFileName(_:)``.
    static func fileName(_ path: String) -> String {
        var copy = path
        let fast = copy.withUTF8 { bytes -> String? in
            guard TextBytes.isASCII(bytes) else { return nil }
            let count = bytes.count
            if count == 1 && bytes[0] == 0x2F { return path }
            var end = count
            while end > 0, bytes[end - 1] == 0x2F { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != 0x2F { start -= 1 }
            if start == 0 && end == count { return path }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return fast ?? generalFileName(path)
    }

    /// ``fileName(_:)`` through Foundation, for any path.
    static func generalFileName(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }
}
