import TalkplanExtract
import TalkplanTime

extension Talk {
    /// The talk as `talkplan extract --json` prints it (contract fields first, extensions after).
    var json: JSON {
        .object([
            ("id", .string(id)),
            ("title", .optional(title)),
            ("speaker", .optional(speaker)),
            ("start", .string(start.description)),
            ("end", .string(end.description)),
            ("endEstimated", .bool(endEstimated)),
            ("zone", .optional(zone?.ianaIdentifier)),
            ("localStart", .string(localStart.description)),
            ("location", .optional(location)),
            ("online", .array(online.map(JSON.string))),
            ("mode", .string(mode.rawValue)),
            ("recurrence", .optional(recurrence)),
            ("source", .object([("file", .string(source.file)), ("line", .int(source.line))])),
            ("warnings", .array(warnings.map(JSON.string))),
            ("allDay", .bool(allDay)),
            ("status", .string(status.rawValue)),
            ("sequence", .int(sequence)),
            ("url", .optional(url)),
        ])
    }
}
