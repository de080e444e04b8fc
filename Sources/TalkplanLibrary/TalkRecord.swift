import Foundation
import TalkplanExtract
import TalkplanTime

/// A talk as the library stores it in `talk.json`: every field of ``Talk``, named as
/// `talkplan extract --json` names them, so the stored JSON reads like extract's output and
/// turns back into the same ``Talk``.
struct TalkRecord: Codable, Equatable {
    struct Source: Codable, Equatable {
        var file: String
        var line: Int
        var column: Int
    }

    var id: String
    var title: String?
    var speaker: String?
    var start: String
    var end: String
    var endEstimated: Bool
    var zone: String?
    var localStart: String
    var location: String?
    var online: [String]
    var mode: String
    var recurrence: String?
    var source: Source
    var warnings: [String]
    var allDay: Bool
    var status: String
    var sequence: Int
    var url: String?
    var details: String?

    init(_ talk: Talk) {
        id = talk.id
        title = talk.title
        speaker = talk.speaker
        start = talk.start.description
        end = talk.end.description
        endEstimated = talk.endEstimated
        zone = talk.zone?.identifier
        localStart = talk.localStart.description
        location = talk.location
        online = talk.online
        mode = talk.mode.rawValue
        recurrence = talk.recurrence
        source = Source(file: talk.source.file, line: talk.source.line, column: talk.source.column)
        warnings = talk.warnings
        allDay = talk.allDay
        status = talk.status.rawValue
        sequence = talk.sequence
        url = talk.url
        details = talk.details
    }

    /// The talk again. A zone the tz data no longer knows becomes `nil`, with a warning.
    func talk() throws -> Talk {
        let start = try Instant(iso8601: start)
        let end = try Instant(iso8601: end)
        let localStart = try OffsetDateTime(iso8601: localStart)
        var warnings = warnings
        var zone: Zone?
        if let identifier = self.zone {
            if let offset = try? UTCOffset(iso8601: identifier) {
                zone = .fixed(offset)
            } else if let known = try? Zone(identifier) {
                zone = known
            } else {
                warnings.append("zone \(identifier) is not in this talkplan's tz data; times kept as stored")
            }
        }
        return Talk(
            id: id, title: title, speaker: speaker, start: start, end: end,
            endEstimated: endEstimated, allDay: allDay, zone: zone, localStart: localStart,
            location: location, online: online, mode: AttendanceMode(rawValue: mode) ?? .unknown,
            recurrence: recurrence, status: TalkStatus(rawValue: status) ?? .confirmed, sequence: sequence,
            url: url, details: details,
            source: SourceLocation(file: source.file, line: source.line, column: source.column),
            warnings: warnings)
    }

    /// Compact JSON with sorted keys, so equal talks store equal text.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> TalkRecord {
        try JSONDecoder().decode(TalkRecord.self, from: Data(text.utf8))
    }

    /// The same talk apart from where it was found (line numbers move when a feed is edited).
    func sameContent(as other: TalkRecord) -> Bool {
        var a = self, b = other
        a.source = Source(file: "", line: 0, column: 0)
        b.source = a.source
        return a == b
    }
}
