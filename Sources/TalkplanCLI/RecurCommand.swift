import ArgumentParser
import Foundation
import TalkplanRecurrence
import TalkplanTime

extension Talkplan {
    /// `talkplan recur`: expands recurrence rules; a developer and scripting tool.
    struct Recur: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Expand recurrence rules (RFC 5545 RRULE, RDATE, EXDATE) to occurrences.",
            discussion: """
                A developer and scripting tool: the recurrence engine `talkplan expand` uses, on its own.
                Rules are expanded in the start's wall-clock time and zone, as RFC 5545 says, and each \
                occurrence is then resolved to its instant: a weekly 15:00 seminar in Santiago stays at 15:00 \
                Santiago time while Chile, the US and Europe change clocks on different days.

                --start takes a wall time (2024-03-01T15:00:00 or 20240301T150000: in --zone, else floating in the \
                attendee's zone), an instant (2024-03-01T18:00:00Z: expanded in UTC, or with --zone at its wall \
                time there) or a date (2024-03-01: all-day occurrences). DTSTART is the first occurrence even when \
                no rule generates it (RFC 5545); --rule-only leaves it out, as rrule libraries do.
                --rdate and --exdate take the same forms, and WALLTIME[ZONE] for a wall time in another zone; an \
                --rdate may be a period, START/END or START/PT1H. An --exdate date excludes every occurrence on \
                that day; a date-time excludes the occurrence at that instant, whatever its zone.
                --from and --to bound the starts printed, [from, to): instants, or dates (the attendee's days). \
                --count N prints at most N; without --to the default is 100.
                A nonexistent local time (a DST gap) is read with the offset before the gap, as RFC 5545 §3.3.5 \
                says (02:30 becomes 03:30); --nonexistent skip drops it instead (the RFC 2445 reading). Invalid \
                dates (February 30) never occur.

                Output: a line per occurrence, START-UTC<TAB>LOCAL-START<TAB>WEEKDAY, and the start in the \
                attendee's zone when --tz is given. --json prints one array of {start, localStart, zone, \
                recurrenceId, allDay, origin, end}.

                --batch reads JSON lines on stdin, one series per line: {"id": ..., "start": ..., "zone": ..., \
                "rules": [...], "rdates": [...], "exdates": [...], "overrides": [{"recurrenceId": ..., "start": ..., \
                "range": "thisAndFuture", "cancelled": true}], "duration": "PT1H", "from": ..., "to": ..., \
                "count": N (default 1000 without "to"), "includeStart": true, "nonexistent": "shift", "tz": ...}; \
                dates in "from" and "to" are days in "tz", else in the series' zone. It writes one JSON line per \
                non-blank input line, in order: {"id": ..., \
                "occurrences": [{"start": ..., "local": ...}], "warnings": [...], "stopped": null} or \
                {"id": ..., "error": ...}.

                Rules that can never match, or that would run away (FREQ=SECONDLY over a century), stop after a \
                bounded amount of work with a message; the exit status is then 1.
                """
        )

        @Option(help: ArgumentHelp("DTSTART: a wall time, an instant or a date.", valueName: "start"))
        var start: String?

        @Option(help: ArgumentHelp("The zone of DTSTART (an IANA zone, or any name `talkplan zones resolve` reads).", valueName: "zone"))
        var zone: String?

        @Option(name: .customLong("rule"), help: ArgumentHelp("An RRULE value, e.g. 'FREQ=WEEKLY;BYDAY=FR'. Repeatable.", valueName: "rrule"))
        var rules: [String] = []

        @Option(name: .customLong("rdate"), help: ArgumentHelp("An extra occurrence (RDATE). Repeatable.", valueName: "time"))
        var rdates: [String] = []

        @Option(name: .customLong("exdate"), help: ArgumentHelp("An excluded occurrence (EXDATE). Repeatable.", valueName: "time"))
        var exdates: [String] = []

        @Option(help: ArgumentHelp("Print occurrences starting at or after this instant or date.", valueName: "when"))
        var from: String?

        @Option(help: ArgumentHelp("Print occurrences starting before this instant or date.", valueName: "when"))
        var to: String?

        @Option(help: ArgumentHelp("Print at most N occurrences.", valueName: "n"))
        var count: Int?

        @Option(help: ArgumentHelp("The attendee's zone: dates in --from/--to, floating starts, the last column.", valueName: "zone"))
        var tz: String?

        @Option(help: ArgumentHelp("A local time in a DST gap: shift (default) or skip.", valueName: "policy"))
        var nonexistent: String?

        @Flag(help: "Only what the rules generate: leave DTSTART out unless a rule generates it.")
        var ruleOnly = false

        @Flag(help: "Print one JSON array.")
        var json = false

        @Flag(help: "Read series as JSON lines on stdin; write one JSON line per series.")
        var batch = false

        func validate() throws {
            if batch {
                if start != nil || !rules.isEmpty { throw ValidationError("--batch reads its series from stdin; give no --start or --rule") }
                return
            }
            if start == nil { throw ValidationError("give --start (DTSTART), e.g. --start 2024-03-01T15:00:00 --zone America/Santiago") }
            if let count, count < 0 { throw ValidationError("--count expects a number of occurrences, got \(count)") }
            if let nonexistent, NonexistentTimePolicy(rawValue: nonexistent) == nil {
                throw ValidationError("--nonexistent expects shift or skip, got \"\(nonexistent)\"")
            }
        }

        func run(console: Console) throws -> Int32 {
            if batch { return RecurBatch(console: console).run() }
            let attendee = try RecurValues.attendeeZone(tz)
            let series = try RecurValues.series(start: start ?? "", zone: zone, attendee: attendee, rules: rules,
                                                rdates: rdates, exdates: exdates, includeStart: !ruleOnly)
            var options = ExpansionOptions()
            options.nonexistentTimes = nonexistent.flatMap(NonexistentTimePolicy.init(rawValue:)) ?? .shiftForward
            let lower = try from.map { try RecurValues.bound($0, option: "--from", zone: attendee) }
            let upper = try to.map { try RecurValues.bound($0, option: "--to", zone: attendee) }
            let limit = count ?? (upper == nil ? 100 : Int.max)
            for warning in series.conformanceWarnings { console.diagnose("warning: \(warning)") }
            var iterator: RecurrenceOccurrences.Iterator
            do {
                iterator = try series.occurrences(from: lower, to: upper, options: options).makeIterator()
            } catch {
                throw InputFailure(error.message)
            }
            var printed = 0
            var items: [JSON] = []
            var cut = false
            while let occurrence = iterator.next() {
                if printed >= limit { cut = true; break }
                printed += 1
                if json {
                    items.append(RecurValues.json(occurrence))
                } else {
                    var line = "\(occurrence.start)\t\(occurrence.isoLocalStart)\t\(occurrence.localStart.date.weekday.shortName)"
                    if tz != nil { line += "\t\(occurrence.start(in: attendee).isoString)" }
                    if occurrence.isCancelled { line += "\tcancelled" }
                    console.print(line)
                }
            }
            if json { console.print(JSON.array(items).serialized()) }
            if cut && count == nil { console.diagnose("showed the first \(limit) occurrences; use --count N or --to for more") }
            var status: Int32 = 0
            for diagnostic in iterator.diagnostics {
                console.diagnose(diagnostic.message)
                status = 1
            }
            return status
        }
    }
}

/// Reading the values `talkplan recur` takes, on the command line and in batch lines.
enum RecurValues {
    /// The attendee's zone: `--tz`, else `TZ`, else `/etc/localtime`, else UTC.
    static func attendeeZone(_ name: String?) throws -> Zone {
        if let name { return try zone(name, option: "--tz") }
        if let value = ProcessInfo.processInfo.environment["TZ"], !value.isEmpty {
            let trimmed = value.hasPrefix(":") ? String(value.dropFirst()) : value
            if let found = try? Zone(trimmed) { return found }
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/etc/localtime"),
           let range = target.range(of: "zoneinfo/"), let found = try? Zone(String(target[range.upperBound...])) {
            return found
        }
        return .utc
    }

    static func zone(_ name: String, option: String) throws -> Zone {
        if let found = try? Zone(name) { return found }
        do {
            return try ZoneNameResolver.shared.resolve(name).zone
        } catch {
            throw InputFailure("\(option): \(error.message)")
        }
    }

    /// An instant in any ISO 8601 form with an offset, or `nil`.
    static func instant(_ text: String) -> Instant? {
        guard text.contains("T") || text.contains("t") || text.contains(" ") else { return nil }
        return try? Instant(iso8601: text)
    }

    static func series(start text: String, zone name: String?, attendee: Zone, rules: [String], rdates: [String],
                       exdates: [String], includeStart: Bool) throws -> RecurrenceSet {
        let zone = try name.map { try self.zone($0, option: "--zone") }
        let start: RecurrenceStart
        if let instant = instant(text) {
            start = zone.map { .zoned($0.plainDateTime(at: instant), in: $0) } ?? .utc(instant)
        } else if let wall = try? PlainDateTime(iso8601: text) {
            start = zone.map { .zoned(wall, in: $0) } ?? .floating(wall, readIn: attendee)
        } else if let date = try? PlainDate(iso8601: text) {
            start = .allDay(date, readIn: zone ?? attendee)
        } else {
            throw InputFailure("start \"\(text)\" is not a wall time (2024-03-01T15:00:00), an instant (2024-03-01T18:00:00Z) or a date (2024-03-01)")
        }
        var parsed: [RecurrenceRule] = []
        for (index, text) in rules.enumerated() {
            do {
                parsed.append(try RecurrenceRule(parsing: text))
            } catch {
                throw InputFailure(rules.count > 1 ? "rule \(index + 1): \(error.message)" : error.message)
            }
        }
        return RecurrenceSet(start: start, rules: parsed,
                             dates: try rdates.map { try date($0, zone: start.zone) },
                             exclusions: try exdates.map { try time($0, option: "exdate") },
                             includesStart: includeStart)
    }

    /// `2024-03-01T15:00:00` (floating), `...Z` or an offset (UTC), `2024-03-01T15:00:00[Europe/Paris]`,
    /// `TZID=Europe/Paris:20240301T150000`, or a date.
    static func time(_ text: String, option: String) throws -> RecurrenceTime {
        var body = text
        var zone: Zone?
        if body.uppercased().hasPrefix("TZID="), let colon = body.firstIndex(of: ":") {
            zone = try self.zone(String(body[body.index(body.startIndex, offsetBy: 5)..<colon]), option: option)
            body = String(body[body.index(after: colon)...])
        } else if body.hasSuffix("]"), let open = body.lastIndex(of: "[") {
            zone = try self.zone(String(body[body.index(after: open)..<body.index(before: body.endIndex)]), option: option)
            body = String(body[..<open])
        }
        if zone == nil, let instant = instant(body) { return .utc(instant) }
        if let wall = try? PlainDateTime(iso8601: body) { return zone.map { .zoned(wall, $0) } ?? .floating(wall) }
        if zone == nil, let date = try? PlainDate(iso8601: body) { return .date(date) }
        throw InputFailure("\(option) \"\(text)\" is not a date, a wall time or an instant")
    }

    /// An `RDATE`: a time, or a period `START/END` or `START/DURATION`.
    static func date(_ text: String, zone: Zone) throws -> RecurrenceDate {
        guard let slash = text.firstIndex(of: "/") else { return RecurrenceDate(try time(text, option: "rdate")) }
        let start = try time(String(text[..<slash]), option: "rdate")
        let rest = String(text[text.index(after: slash)...])
        if rest.hasPrefix("P") || rest.hasPrefix("+P") {
            guard let duration = duration(rest) else { throw InputFailure("rdate \"\(text)\": \"\(rest)\" is not a duration such as PT1H30M") }
            return RecurrenceDate(start, end: .after(duration))
        }
        return RecurrenceDate(start, end: .at(try time(rest, option: "rdate")))
    }

    /// An RFC 5545 duration: `P1D`, `PT1H30M`, `P2W`, `P1DT12H`.
    static func duration(_ text: String) -> RecurrenceDuration? {
        var rest = Substring(text.uppercased())
        if rest.hasPrefix("+") { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var days = 0
        var seconds: Int64 = 0
        var inTime = false
        var number = ""
        for character in rest {
            if character.isNumber { number.append(character); continue }
            if character == "T" { inTime = true; continue }
            guard let value = Int(number) else { return nil }
            number = ""
            switch (character, inTime) {
            case ("W", false): days += value * 7
            case ("D", false): days += value
            case ("H", true): seconds += Int64(value) * 3600
            case ("M", true): seconds += Int64(value) * 60
            case ("S", true): seconds += Int64(value)
            default: return nil
            }
        }
        return number.isEmpty ? RecurrenceDuration(days: days, seconds: seconds) : nil
    }

    /// A window bound: an instant, or a date (the start of that day in `zone`).
    static func bound(_ text: String, option: String, zone: Zone) throws -> Instant {
        if let instant = instant(text) { return instant }
        if let date = try? PlainDate(iso8601: text) { return RecurrenceTime.date(date).instant(in: zone) }
        throw InputFailure("\(option) \"\(text)\" is not an instant (2024-03-01T00:00:00Z) or a date (2024-03-01)")
    }

    static func origin(_ origin: Occurrence.Origin) -> String {
        switch origin {
        case .start: "start"
        case .rule(let index): "rule \(index + 1)"
        case .date(let index): "rdate \(index + 1)"
        case .override(let index): "override \(index + 1)"
        }
    }

    static func json(_ occurrence: Occurrence) -> JSON {
        var members: [(String, JSON)] = [
            ("start", .string(occurrence.start.description)),
            ("localStart", .string(occurrence.isoLocalStart)),
            ("zone", .optional(occurrence.zone.ianaIdentifier)),
            ("recurrenceId", .string(occurrence.recurrenceID.description)),
            ("allDay", .bool(occurrence.isAllDay)),
            ("origin", .string(origin(occurrence.origin))),
            ("end", .optional(occurrence.end?.description)),
        ]
        if occurrence.isCancelled { members.append(("cancelled", .bool(true))) }
        return .object(members)
    }
}

/// `talkplan recur --batch`: a series per JSON line on stdin, a JSON line per series on stdout.
struct RecurBatch {
    let console: Console

    /// The most occurrences one line may ask for when it gives neither `to` nor `count`.
    static let defaultCount = 1000

    func run() -> Int32 {
        let bytes = InputFiles.readStandardInput(console)
        var status: Int32 = 0
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            if trimmed.isEmpty { continue }
            let (result, failed) = expand(Data(line), lineNumber: lineNumber)
            if failed { status = 1 }
            console.print(result.serialized(pretty: false))
        }
        return status
    }

    private func expand(_ line: Data, lineNumber: Int) -> (JSON, Bool) {
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            return (.object([("id", .null), ("error", .string("line \(lineNumber): not a JSON object"))]), true)
        }
        let id = Self.identifier(object["id"])
        do {
            return try expand(object, id: id)
        } catch let failure as InputFailure {
            return (.object([("id", id), ("error", .string(failure.description))]), true)
        } catch let error as TimeError {
            return (.object([("id", id), ("error", .string(error.message))]), true)
        } catch {
            return (.object([("id", id), ("error", .string("\(error)"))]), true)
        }
    }

    private func expand(_ object: [String: Any], id: JSON) throws -> (JSON, Bool) {
        func strings(_ key: String) throws -> [String] {
            guard let value = object[key] else { return [] }
            if let text = value as? String { return [text] }
            guard let list = value as? [String] else { throw InputFailure("\"\(key)\" must be a string or an array of strings") }
            return list
        }
        guard let start = object["start"] as? String else { throw InputFailure("\"start\" (DTSTART) is missing") }
        let zone = object["zone"] as? String
        let series0 = try RecurValues.series(
            start: start, zone: zone, attendee: try RecurValues.attendeeZone(object["tz"] as? String ?? "UTC"),
            rules: try strings("rules") + strings("rule"), rdates: try strings("rdates"), exdates: try strings("exdates"),
            includeStart: object["includeStart"] as? Bool ?? true)
        var series = series0
        if let text = object["duration"] as? String {
            guard let duration = RecurValues.duration(text) else { throw InputFailure("\"duration\": \"\(text)\" is not a duration such as PT1H") }
            series.duration = duration
        }
        if let overrides = object["overrides"] as? [[String: Any]] {
            series.overrides = try overrides.map { item in
                guard let id = item["recurrenceId"] as? String else { throw InputFailure("an override needs \"recurrenceId\"") }
                var override = RecurrenceOverride(recurrenceID: try RecurValues.time(id, option: "recurrenceId"))
                if let start = item["start"] as? String { override.start = try RecurValues.time(start, option: "override start") }
                if let range = item["range"] as? String {
                    guard let value = RecurrenceOverride.Range(rawValue: range) else {
                        throw InputFailure("override range \"\(range)\" is not thisInstance or thisAndFuture")
                    }
                    override.range = value
                }
                override.isCancelled = item["cancelled"] as? Bool ?? false
                return override
            }
        }
        var options = ExpansionOptions()
        if let policy = object["nonexistent"] as? String {
            guard let value = NonexistentTimePolicy(rawValue: policy) else {
                throw InputFailure("\"nonexistent\": \"\(policy)\" is not shift or skip")
            }
            options.nonexistentTimes = value
        }
        options.includeCancelled = object["includeCancelled"] as? Bool ?? false
        let boundZone = try (object["tz"] as? String).map { try RecurValues.zone($0, option: "tz") } ?? series.start.zone
        let from = try (object["from"] as? String).map { try RecurValues.bound($0, option: "from", zone: boundZone) }
        let to = try (object["to"] as? String).map { try RecurValues.bound($0, option: "to", zone: boundZone) }
        let limit = (object["count"] as? Int) ?? (to == nil ? Self.defaultCount : Int.max)
        var iterator: RecurrenceOccurrences.Iterator
        do {
            iterator = try series.occurrences(from: from, to: to, options: options).makeIterator()
        } catch {
            throw InputFailure(error.message)
        }
        var occurrences: [JSON] = []
        while occurrences.count < limit, let occurrence = iterator.next() {
            var members: [(String, JSON)] = [("start", .string(occurrence.start.description)),
                                             ("local", .string(occurrence.isoLocalStart))]
            if occurrence.recurrenceID != occurrence.start { members.append(("recurrenceId", .string(occurrence.recurrenceID.description))) }
            if let end = occurrence.end { members.append(("end", .string(end.description))) }
            if occurrence.isCancelled { members.append(("cancelled", .bool(true))) }
            occurrences.append(.object(members))
        }
        let stopped = iterator.diagnostics.map(\.message)
        return (.object([
            ("id", id),
            ("occurrences", .array(occurrences)),
            ("warnings", .array(series.conformanceWarnings.map(JSON.string))),
            ("stopped", stopped.isEmpty ? .null : .string(stopped.joined(separator: "; "))),
        ]), !stopped.isEmpty)
    }

    private static func identifier(_ value: Any?) -> JSON {
        switch value {
        case nil: return .null
        case let text as String: return .string(text)
        case let number as Int: return .int(number)
        default: return .string("\(value!)")
        }
    }
}
