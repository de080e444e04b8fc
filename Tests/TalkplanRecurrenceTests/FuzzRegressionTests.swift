import Testing
import TalkplanRecurrence
import TalkplanTime

/// Inputs the fuzzers found (Scripts/fuzz; the files are in Fuzz/Regressions), each with the
/// behaviour it broke. Expected instants from Python's zoneinfo (tz 2026f).
@Suite("fuzzer findings: recurrence")
struct RecurrenceFuzzRegressionTests {
    typealias F = Fixture

    /// Every occurrence of this rule falls in Zurich's spring gap (02:00 on the last Sunday
    /// of March, from 1981 on). Expansion held every shifted time back, waiting for an
    /// unshifted one that never came: no occurrence, memory growing without end.
    /// `zoneinfo`: 02:00 is skipped on each of these days and 03:00 CEST is 01:00Z.
    @Test("a rule whose every time falls in a gap expands, and promptly")
    func everyTimeInAGap() throws {
        let set = RecurrenceSet(start: .zoned(try PlainDateTime(iso8601: "1981-03-29T02:00:00"), in: F.zone("Europe/Zurich")),
                                rules: [try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")])
        #expect(try F.instants(set, limit: 3) == ["1981-03-29T01:00:00Z", "1982-03-28T01:00:00Z", "1983-03-27T01:00:00Z"])
        let window = try F.instants(set, from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z")
        #expect(window == ["2024-03-31T01:00:00Z"])
        // Unbounded, it runs to the occurrence limit rather than forever.
        var options = ExpansionOptions()
        options.limits.maximumOccurrences = 5_000
        #expect(Array(try set.occurrences(options: options)).count == 5_000)
    }

    /// Fractions of a second have no place in UNTIL: they were read, then lost when the rule
    /// was written back (Fuzz/Regressions/recurrence/until-with-fraction.txt).
    @Test("UNTIL with a fraction of a second is an error")
    func untilWithFraction() {
        #expect(throws: RecurrenceError.self) { try RecurrenceRule(parsing: "FREQ=SECONDLY;UNTIL=20240310T023000,60;BYMINUTE=0;BYHOUR=2") }
    }
}

@Suite("fuzzer findings: recurrence, the end of time")
struct RecurrenceRangeRegressionTests {
    /// INTERVAL=202403102 years puts the second occurrence in year 202,405,126, beyond
    /// +999999-12-31. The period arithmetic clamped the year, and an occurrence at the end of
    /// time came out (Fuzz/Regressions/recurrence/interval-beyond-year-999999.txt).
    @Test("an interval that leaves the representable years ends the series with a diagnostic")
    func intervalBeyondRange() throws {
        let set = RecurrenceSet(start: .zoned(try PlainDateTime(iso8601: "2024-04-07T00:00:00"), in: Fixture.zone("Australia/Lord_Howe")),
                                rules: [try RecurrenceRule(parsing: "FREQ=YEARLY;INTERVAL=202403102;COUNT=10;BYMONTH=1,2,3,3")])
        var iterator = try set.occurrences().makeIterator()
        var starts: [String] = []
        while let occurrence = iterator.next() { starts.append(occurrence.isoLocalStart) }
        // DTSTART counts as the first (RFC 5545); 2024's January–March days are before it, and
        // the next period is out of range. zoneinfo: 00:00 that day is still +11:00 (LHDT).
        #expect(starts == ["2024-04-07T00:00:00+11:00"])
        #expect(iterator.diagnostics.map(\.reason) == [.beyondRange])
        let monthly = RecurrenceSet(start: .zoned(try PlainDateTime(iso8601: "2024-01-31T09:00:00"), in: Fixture.zone("Europe/Paris")),
                                    rules: [try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=999999999")])
        #expect(try Fixture.instants(monthly) == ["2024-01-31T08:00:00Z"])
    }
}
