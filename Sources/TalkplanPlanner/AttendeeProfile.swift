import TalkplanTime

/// What the planner knows about the attendee.
///
/// ```swift
/// var profile = AttendeeProfile(zone: try Zone("America/Chicago"))
/// profile.awake = try AwakeHours("08:00-22:00")
/// profile.interests = [Interest(word: "learning", weight: 3)]
/// ```
public struct AttendeeProfile: Sendable {
    /// The attendee's zone: where "awake hours" and days are read.
    public var zone: Zone
    /// When the attendee is willing to attend, in their own zone.
    public var awake: AwakeHours
    /// Where the attendee can attend in person (a zone standing for their city), if anywhere.
    public var inPerson: Zone?
    /// Extra words identifying the in-person place in a talk's location ("Chicago", "TTIC").
    public var inPersonPlaces: [String]
    /// Times the attendee is busy.
    public var busy: [BusyInterval]
    /// Words of interest with their weights.
    public var interests: [Interest]

    public init(zone: Zone, awake: AwakeHours = .always, inPerson: Zone? = nil, inPersonPlaces: [String] = [],
                busy: [BusyInterval] = [], interests: [Interest] = []) {
        self.zone = zone
        self.awake = awake
        self.inPerson = inPerson
        self.inPersonPlaces = inPersonPlaces
        self.busy = busy
        self.interests = interests
    }
}

/// A daily window of wall-clock time, possibly across midnight ("22:00-02:00").
public struct AwakeHours: Sendable, Hashable, CustomStringConvertible {
    /// Seconds after midnight the window opens.
    public let start: Int
    /// Seconds after midnight the window closes; `86400` for "24:00". Less than `start` when it wraps.
    public let end: Int

    /// Every hour of the day.
    public static let always = AwakeHours(uncheckedStart: 0, end: 86_400)

    init(uncheckedStart start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (24-hour clock; `24:00` allowed as an end).
    ///
    /// ```swift
    /// try AwakeHours("07:30-23:00")
    /// try AwakeHours("7-23")        // throws: awake hours "7-23" are not HH:MM-HH:MM …
    /// ```
    public init(_ text: String) throws(TimeError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Self.clock(parts[0]), let end = Self.clock(parts[1]), start < 86_400 else {
            throw TimeError(message: "awake hours \"\(text)\" are not HH:MM-HH:MM (for example 08:00-22:00)")
        }
        guard start != end else {
            throw TimeError(message: "awake hours \"\(text)\" are empty: start and end are the same")
        }
        self.start = start
        self.end = end
    }

    private static func clock(_ text: Substring) -> Int? {
        let pieces = text.trimmingCharacters(in: " ").split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
              let hour = Int(pieces[0]), let minute = Int(pieces[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { return nil }
        return hour * 3600 + minute * 60
    }

    /// Whether the wall-clock span from `from` to `to` (seconds after midnight of the same day,
    /// `to` may exceed 86400 for a talk running past midnight) lies inside the window.
    func contains(from: Int, to: Int) -> Bool {
        if start < end {
            return from >= start && to <= end
        }
        // Wrapping window: [start, 86400 + end) measured from the same midnight, or [.., end) of the next.
        if from >= start { return to <= 86_400 + end }
        return to <= end
    }

    public var description: String {
        func clock(_ seconds: Int) -> String {
            let h = seconds / 3600, m = seconds / 60 % 60
            return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
        }
        return "\(clock(start))-\(clock(end))"
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}

/// A span of time the attendee is not available.
public struct BusyInterval: Sendable, Hashable {
    public var start: Instant
    public var end: Instant
    /// What the attendee is doing, if the calendar says.
    public var label: String?

    public init(start: Instant, end: Instant, label: String? = nil) {
        self.start = start
        self.end = end
        self.label = label
    }
}

/// A word the attendee cares about, with a weight (default 1).
public struct Interest: Sendable, Hashable {
    public var word: String
    public var weight: Int

    public init(word: String, weight: Int = 1) {
        self.word = word
        self.weight = weight
    }

    /// Parses `WORD` or `WORD=WEIGHT` (a positive integer).
    ///
    /// ```swift
    /// try Interest(parsing: "neural=3")   // word "neural", weight 3
    /// ```
    public init(parsing text: String) throws(TimeError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let word = String(parts[0])
        guard !word.isEmpty else { throw TimeError(message: "interest \"\(text)\" has no word") }
        var weight = 1
        if parts.count == 2 {
            guard let value = Int(parts[1]), value > 0, value <= 1_000_000 else {
                throw TimeError(message: "interest \"\(text)\": weight \"\(parts[1])\" is not a positive whole number")
            }
            weight = value
        }
        self.init(word: word, weight: weight)
    }
}
