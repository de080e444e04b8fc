import Testing
@testable import TalkplanRecurrence
import TalkplanTime

/// The batch expansion (one simple `DAILY` or `WEEKLY` rule, see `BatchExpansion`) against the
/// general one, on generated series: every occurrence (instant, offset, zone, end, origin)
/// and every diagnostic must be the same.
@Suite("batch expansion agrees with the general one")
struct BatchExpansionTests {
    /// Zones with clock changes in both hemispheres, at midnight (Santiago, Havana, Asuncion,
    /// Beirut), negative DST (Dublin, Casablanca), half-hour changes (Lord Howe), a skipped
    /// day (Apia, 2011-12-30), wartime double summer time (London), and no changes at all.
    static let zoneNames = ["America/Santiago", "America/Chicago", "Europe/Zurich", "Europe/London", "Europe/Dublin",
                            "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "America/Sao_Paulo",
                            "America/Havana", "America/Asuncion", "Asia/Beirut", "Africa/Casablanca", "Pacific/Apia",
                            "America/St_Johns", "Asia/Tehran", "Asia/Kolkata", "Antarctica/Troll"]

    /// A fixed-seed generator, so that a failure can be replayed.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Everything an iteration produces, and whether it ran to its end.
    struct Outcome: Equatable {
        var occurrences: [Occurrence] = []
        var diagnostics: [RecurrenceDiagnostic] = []
    }

    static func run(_ sequence: RecurrenceOccurrences) -> (outcome: Outcome, batch: Bool) {
        var iterator = sequence.makeIterator()
        var outcome = Outcome()
        while let occurrence = iterator.next() { outcome.occurrences.append(occurrence) }
        outcome.diagnostics = iterator.diagnostics
        // Asking again after the end changes nothing.
        #expect(iterator.next() == nil)
        return (outcome, iterator.isBatch)
    }

    /// One generated case: the set, the window, the options, and a label to replay it by.
    struct Case: CustomStringConvertible {
        var set: RecurrenceSet
        var from: Instant?
        var to: Instant?
        var options: ExpansionOptions
        var description: String {
            "\(set.start) \(set.rules.map(\.description)) includesStart=\(set.includesStart) exclusions=\(set.exclusions) "
                + "duration=\(set.duration.map(\.description) ?? "-") from=\(from.map(\.description) ?? "-") "
                + "to=\(to.map(\.description) ?? "-") policy=\(options.nonexistentTimes) limits=\(options.limits)"
        }
    }

    static func generate(_ random: inout SplitMix64, zones: [Zone]) -> Case {
        let zone = zones[Int.random(in: 0..<zones.count, using: &random)]
        // Years around the zone's changes; now and then before 1900, past 2100 or past the table's horizon.
        let year: Int
        switch Int.random(in: 0..<20, using: &random) {
        case 0: year = Int.random(in: 1850...1899, using: &random)
        case 1: year = Int.random(in: 2100...2600, using: &random)
        case 2: year = Int.random(in: 1900...1950, using: &random)
        default: year = Int.random(in: 1965...2040, using: &random)
        }
        // Times near midnight and the usual change hours, where gaps and folds are.
        let hour = [0, 0, 1, 2, 2, 3, 23, 23, 9, 15, Int.random(in: 0...23, using: &random)][Int.random(in: 0..<11, using: &random)]
        let minute = [0, 0, 30, 59, Int.random(in: 0...59, using: &random)][Int.random(in: 0..<5, using: &random)]
        let second = Int.random(in: 0..<8, using: &random) == 0 ? Int.random(in: 0...59, using: &random) : 0
        let dateTime = PlainDateTime(year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random),
                                     hour: hour, minute: minute, second: second)!
        let start: RecurrenceStart
        switch Int.random(in: 0..<10, using: &random) {
        case 0: start = .utc(dateTime.instant(at: .zero))
        case 1: start = .floating(dateTime, readIn: zone)
        case 2: start = .allDay(dateTime.date, readIn: zone)
        default: start = .zoned(dateTime, in: zone)
        }

        var rule = try! RecurrenceRule(parsing: Bool.random(using: &random) ? "FREQ=WEEKLY" : "FREQ=DAILY")
        rule.interval = [1, 1, 1, 2, 3, 7, 14][Int.random(in: 0..<7, using: &random)]
        if Int.random(in: 0..<3, using: &random) > 0 {
            var days: [RecurrenceRule.WeekdayOccurrence] = []
            for weekday in Weekday.allCases where Int.random(in: 0..<3, using: &random) == 0 { days.append(.init(weekday)) }
            rule.byDay = days
        }
        if !start.isAllDay {
            if Int.random(in: 0..<3, using: &random) == 0 {
                // Consecutive hours around the usual change hours: a time shifted out of a gap meets the next ones.
                let first = [23, 0, 1, 2, Int.random(in: 0...23, using: &random)][Int.random(in: 0..<5, using: &random)]
                rule.byHour = (0..<Int.random(in: 1...3, using: &random)).map { (first + $0) % 24 }
            }
            if Int.random(in: 0..<3, using: &random) == 0 {
                rule.byMinute = (0..<Int.random(in: 1...4, using: &random)).map { _ in [0, 15, 30, 45, 59, Int.random(in: 0...59, using: &random)][Int.random(in: 0..<6, using: &random)] }
            }
            if Int.random(in: 0..<10, using: &random) == 0 { rule.bySecond = [0, Int.random(in: 0...59, using: &random)] }
        }
        rule.weekStart = Weekday.allCases[Int.random(in: 0..<7, using: &random)]
        let startInstant = RecurrenceTime.compatible(start.dateTime, start.zone)
        let spanDays = Int64.random(in: 1...4000, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: rule.count = Int.random(in: 1...700, using: &random)
        case 1: rule.until = .instant(Instant(seconds: startInstant.seconds + spanDays * 86_400 + Int64.random(in: -7200...7200, using: &random)))
        case 2: rule.until = .local(PlainDateTime(localEpochSeconds: start.dateTime.localEpochSeconds + spanDays * 86_400 + Int64.random(in: -7200...7200, using: &random)))
        case 3: rule.until = .date(PlainDateTime(localEpochSeconds: start.dateTime.localEpochSeconds + spanDays * 86_400).date)
        default: break
        }

        var set = RecurrenceSet(start: start, rules: [rule])
        set.includesStart = Int.random(in: 0..<4, using: &random) > 0
        switch Int.random(in: 0..<6, using: &random) {
        case 0: set.duration = .exact(seconds: 3600)
        case 1: set.duration = .nominal(days: 1, seconds: 0)
        default: break
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            // Exclusions on the rule's own days (some at its time, some whole days), and some that match nothing.
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let day = Int64.random(in: 0...(spanDays / 2 + 30), using: &random)
                let local = PlainDateTime(localEpochSeconds: start.dateTime.localEpochSeconds + day * 86_400)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: set.exclusions.append(.date(local.date))
                case 1: set.exclusions.append(.utc(RecurrenceTime.compatible(local, start.zone)))
                case 2: set.exclusions.append(.zoned(local, start.zone))
                default: set.exclusions.append(.floating(PlainDateTime(localEpochSeconds: local.localEpochSeconds + 60)))
                }
            }
        }

        var options = ExpansionOptions()
        options.nonexistentTimes = Bool.random(using: &random) ? .shiftForward : .skip
        options.limits.maximumOccurrences = [1, 2, 5, 63, 64, 65, 200, 1500][Int.random(in: 0..<8, using: &random)]
        if Int.random(in: 0..<6, using: &random) == 0 { options.limits.maximumIdleSteps = Int.random(in: 1...12, using: &random) }
        if Int.random(in: 0..<6, using: &random) == 0 { options.limits.maximumCountingSteps = Int.random(in: 1...50, using: &random) }

        // Windows: open, or cutting anywhere in the series, sometimes at fractions of a second.
        func point() -> Instant {
            Instant(seconds: startInstant.seconds + Int64.random(in: -86_400...(spanDays * 86_400), using: &random),
                    nanoseconds: Int.random(in: 0..<4, using: &random) == 0 ? 500_000_000 : 0)
        }
        var from: Instant? = Bool.random(using: &random) ? point() : nil
        var to: Instant? = Bool.random(using: &random) ? point() : nil
        if let low = from, let high = to, high < low { (from, to) = (high, low) }
        if Int.random(in: 0..<20, using: &random) == 0, let low = from {
            // A window a fraction of a second wide, on an instance.
            from = Instant(seconds: low.seconds, nanoseconds: 0)
            to = Instant(seconds: low.seconds, nanoseconds: 500_000_000)
        }
        return Case(set: set, from: from, to: to, options: options)
    }

    static func check(_ testCase: Case) throws -> Bool {
        let sequence = try testCase.set.occurrences(from: testCase.from, to: testCase.to, options: testCase.options)
        let batch = run(sequence)
        let general = run(sequence.generalOnly())
        #expect(!general.batch)
        #expect(batch.outcome.occurrences == general.outcome.occurrences, "\(testCase)")
        #expect(batch.outcome.diagnostics == general.outcome.diagnostics, "\(testCase)")
        return batch.batch
    }

    @Test("generated daily and weekly series, zones with clock changes, windows, COUNT, UNTIL, EXDATE, limits")
    func generated() throws {
        let zones = Self.zoneNames.map(Fixture.zone) + [.utc, .fixed(UTCOffset(hours: 5, minutes: 45)!)]
        var random = SplitMix64(state: 20_240_105)
        var batched = 0
        let cases = 3000
        for _ in 0..<cases {
            let testCase = Self.generate(&random, zones: zones)
            do {
                if try Self.check(testCase) { batched += 1 }
            } catch {
                // Starts a rule cannot be expanded from are refused by both paths alike.
                #expect(error is RecurrenceError, "\(testCase)")
            }
        }
        // Most generated series are simple enough for the batch path.
        #expect(batched > cases / 2)
    }

    @Test("the benchmark's series: Fridays 15:00 in Santiago for ten years, and windows cutting it")
    func santiagoFridays() throws {
        let santiago = Fixture.zone("America/Santiago")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 1, day: 5, hour: 15)!, in: santiago),
                                rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR")])
        let decade = (from: try Instant(iso8601: "2024-01-01T00:00:00Z"), to: try Instant(iso8601: "2034-01-01T00:00:00Z"))
        let batch = Self.run(try set.occurrences(from: decade.from, to: decade.to))
        #expect(batch.batch)
        #expect(batch.outcome.occurrences.count == 522)
        #expect(batch.outcome == Self.run(try set.occurrences(from: decade.from, to: decade.to).generalOnly()).outcome)
        // Every window edge within the decade, a day apart.
        for day in stride(from: Int64(0), to: 3653, by: 37) {
            let from = Instant(seconds: decade.from.seconds + day * 86_400)
            let to = Instant(seconds: from.seconds + 9 * 86_400 + 64_800)
            let sequence = try set.occurrences(from: from, to: to)
            #expect(Self.run(sequence).outcome == Self.run(sequence.generalOnly()).outcome)
        }
    }

    @Test("times shifted out of gaps meet later times: reordered and merged as in the general walk")
    func gapsAndFolds() throws {
        let series = [("America/Chicago", "FREQ=DAILY;BYHOUR=1,2,3;BYMINUTE=0,30", 2024, 3, 1),
                      ("America/Chicago", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=1,2;BYMINUTE=0,30,59", 2024, 3, 1),
                      ("Australia/Lord_Howe", "FREQ=DAILY;BYHOUR=1,2;BYMINUTE=0,15,30,45", 2024, 9, 25),
                      ("America/Santiago", "FREQ=DAILY;BYHOUR=23,0;BYMINUTE=0,30", 2024, 9, 1),
                      ("America/Santiago", "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=0,23", 2024, 3, 25),
                      ("Pacific/Apia", "FREQ=DAILY;BYHOUR=0,12,23", 2011, 12, 25)]
        for (name, text, year, month, day) in series {
            let start = RecurrenceStart.zoned(PlainDateTime(year: year, month: month, day: day)!, in: Fixture.zone(name))
            for policy in NonexistentTimePolicy.allCases {
                var options = ExpansionOptions()
                options.nonexistentTimes = policy
                let set = RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: text + ";COUNT=100")])
                let sequence = try set.occurrences(options: options)
                let batch = Self.run(sequence)
                #expect(batch.batch)
                #expect(batch.outcome == Self.run(sequence.generalOnly()).outcome, "\(name) \(text) \(policy)")
                let starts = batch.outcome.occurrences.map(\.start)
                #expect(starts == starts.sorted() && Set(starts).count == starts.count, "\(name) \(text) \(policy)")
            }
        }
    }

    /// Mondays and Tuesdays with at most 4 idle steps: the Wednesday to Saturday after the
    /// first Tuesday exhaust them. A caller that stops before (at the window's end, or at the
    /// occurrence limit) must not see that diagnostic, as the general walk never gets there.
    @Test("the window's end and the occurrence limit stop the walk where the general one stops")
    func stopsWhereTheGeneralWalkStops() throws {
        let zurich = Fixture.zone("Europe/Zurich")
        let set = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 1, day: 1, hour: 9)!, in: zurich),
                                rules: [try RecurrenceRule(parsing: "FREQ=DAILY;BYDAY=MO,TU")])
        var options = ExpansionOptions()
        options.limits.maximumIdleSteps = 4
        let tuesday = try Instant(iso8601: "2024-01-02T08:00:00Z")
        for (to, maximum, expected) in [(Instant?.none, 10, [RecurrenceDiagnostic.Reason.idleLimit]),
                                        (tuesday, 10, []), (Instant(seconds: tuesday.seconds + 1), 10, [.idleLimit]),
                                        (nil, 1, [.occurrenceLimit]), (nil, 2, [.idleLimit])] {
            options.limits.maximumOccurrences = maximum
            let sequence = try set.occurrences(to: to, options: options)
            let batch = Self.run(sequence)
            #expect(batch.batch)
            #expect(batch.outcome == Self.run(sequence.generalOnly()).outcome)
            #expect(batch.outcome.diagnostics.map(\.reason) == expected, "to \(to.map(\.description) ?? "-"), at most \(maximum)")
        }
    }

    @Test("windows at the ends of the time line")
    func extremeWindows() throws {
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2024, month: 1, day: 5, hour: 15)!, in: Fixture.zone("America/Santiago"))
        let ends = [Instant(seconds: .min), Instant(seconds: .min, nanoseconds: 1), Instant(seconds: .max),
                    Instant(seconds: .max, nanoseconds: 999_999_999), Instant.min, Instant.max]
        for text in ["FREQ=WEEKLY;BYDAY=FR;COUNT=20", "FREQ=DAILY;UNTIL=20250101", "FREQ=WEEKLY", "FREQ=MONTHLY;COUNT=5", "FREQ=YEARLY"] {
            let set = RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: text)])
            for from in ends + [nil] {
                for to in ends + [nil] {
                    var options = ExpansionOptions()
                    options.limits.maximumOccurrences = 50
                    let sequence = try set.occurrences(from: from, to: to, options: options)
                    #expect(Self.run(sequence).outcome == Self.run(sequence.generalOnly()).outcome)
                }
            }
        }
    }

    @Test("a series running into the last date talkplan represents stops the same way")
    func endOfRange() throws {
        let start = RecurrenceStart.zoned(PlainDateTime(year: 999_990, month: 1, day: 1, hour: 23)!, in: Fixture.zone("Europe/London"))
        for text in ["FREQ=WEEKLY;BYDAY=MO,SU", "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=100"] {
            let set = RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: text)])
            for maximum in [10, 1_000_000] {
                var options = ExpansionOptions()
                options.limits.maximumOccurrences = maximum
                let sequence = try set.occurrences(options: options)
                let batch = Self.run(sequence)
                #expect(batch.batch)
                #expect(batch.outcome == Self.run(sequence.generalOnly()).outcome, "\(text)")
                if maximum > 10 { #expect(batch.outcome.diagnostics.first?.reason == .beyondRange) }
            }
        }
    }

    @Test("a rule that never reaches its weekdays stops after a calendar cycle, as in the general walk")
    func neverMatches() throws {
        // Every 7th day from a Tuesday is a Tuesday: BYDAY=MO never comes.
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2024, month: 1, day: 2, hour: 9)!, in: Fixture.zone("Europe/Zurich"))
        let set = RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: "FREQ=DAILY;INTERVAL=7;BYDAY=MO")])
        let sequence = try set.occurrences()
        let batch = Self.run(sequence)
        #expect(batch.batch)
        #expect(batch.outcome == Self.run(sequence.generalOnly()).outcome)
        #expect(batch.outcome.occurrences.count == 1)   // DTSTART
        #expect(batch.outcome.diagnostics.map(\.reason) == [.neverMatches])
    }

    @Test("sets the batch path does not take go the general way")
    func generalCases() throws {
        let zone = Fixture.zone("America/Chicago")
        let start = RecurrenceStart.zoned(PlainDateTime(year: 2024, month: 1, day: 5, hour: 2, minute: 30)!, in: zone)
        let weekly = try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=30")
        let sets = [
            RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1FR;COUNT=10")]),
            RecurrenceSet(start: start, rules: [weekly, try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=5")]),
            RecurrenceSet(start: start, rules: [weekly], dates: [RecurrenceDate(.utc(try Instant(iso8601: "2024-02-01T00:00:00Z")))]),
            RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYSETPOS=1;BYDAY=MO,TU;COUNT=5")]),
            RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: "FREQ=DAILY;BYMONTH=3;COUNT=40")]),
        ]
        for set in sets {
            let batch = Self.run(try set.occurrences())
            #expect(!batch.batch)
            #expect(batch.outcome == Self.run(try set.occurrences().generalOnly()).outcome)
        }
    }
}
