import Benchmark
import TalkplanRecurrence
import TalkplanTime

// Recurrence expansion (`TalkplanRecurrence`), two workloads of a seminar calendar:
//
//   weekly, Santiago, 10 years   FREQ=WEEKLY;BYDAY=FR at 15:00 America/Santiago, 2024-01-05 …
//                                2033-12-30: 522 occurrences across 20 clock changes, each
//                                resolved to its instant. One scaled iteration is one occurrence
//                                (the expansion restarts when it ends, so its set-up is included):
//                                with `scalingFactor: .kilo`, Throughput reads in thousands of
//                                occurrences per second.
//   daily since 1990, a week     FREQ=DAILY at 09:00 Europe/Zurich from 1990-01-01, asked for the
//   of 2026                      week of 2026-03-23 (7 occurrences, across Europe's spring change):
//                                the expansion jumps to the week. One scaled iteration is one
//                                whole window (set-up, jump, 7 occurrences): Throughput reads in
//                                thousands of windows per second; occurrences/s is 7 times that.
//                                Variants: with COUNT=20000 (the 13,230 occurrences before the
//                                week are counted, here arithmetically), and the same rule walked
//                                from 1990 without a window (the baseline a jump avoids).
//   set-up of a window           the fixed cost of asking: compiling the rule, opening the zone's
//                                table, placing the window; no occurrence taken.
//   monthly, COUNT, far window   FREQ=MONTHLY;BYDAY=-1FR;COUNT=500 at 10:00 America/Chicago from
//                                2000-01-28, asked for 2030-01 … 2030-03 (3 occurrences): the 360
//                                before are counted month by month without being built.

private func zone(_ name: String) -> Zone {
    do { return try Zone(name) } catch { fatalError("cannot open \(name): \(error)") }
}

private func rule(_ text: String) -> RecurrenceRule {
    do { return try RecurrenceRule(parsing: text) } catch { fatalError("\(text): \(error)") }
}

private func instant(_ text: String) -> Instant {
    do { return try Instant(iso8601: text) } catch { fatalError("\(text): \(error)") }
}

private func occurrences(_ set: RecurrenceSet, from: Instant? = nil, to: Instant? = nil) -> RecurrenceOccurrences {
    do { return try set.occurrences(from: from, to: to) } catch { fatalError("\(error)") }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock],
        timeUnits: .nanoseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 20
    )

    let santiago = zone("America/Santiago")
    let zurich = zone("Europe/Zurich")
    let chicago = zone("America/Chicago")
    let weekly = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 1, day: 5, hour: 15)!, in: santiago),
                               rules: [rule("FREQ=WEEKLY;BYDAY=FR")])
    let decade = (from: instant("2024-01-01T00:00:00Z"), to: instant("2034-01-01T00:00:00Z"))
    let daily = RecurrenceSet(start: .zoned(PlainDateTime(year: 1990, month: 1, day: 1, hour: 9)!, in: zurich),
                              rules: [rule("FREQ=DAILY")])
    let dailyCounted = RecurrenceSet(start: daily.start, rules: [rule("FREQ=DAILY;COUNT=20000")])
    let week = (from: instant("2026-03-23T00:00:00Z"), to: instant("2026-03-30T00:00:00Z"))
    let monthly = RecurrenceSet(start: .zoned(PlainDateTime(year: 2000, month: 1, day: 28, hour: 10)!, in: chicago),
                                rules: [rule("FREQ=MONTHLY;BYDAY=-1FR;COUNT=500")])
    let quarter = (from: instant("2030-01-01T00:00:00Z"), to: instant("2030-04-01T00:00:00Z"))

    // Starts are summed and the sum kept, so no occurrence can be optimised away.

    Benchmark("weekly, Santiago, 10 years (occurrences)") { benchmark in
        var sum: Int64 = 0
        let expansion = occurrences(weekly, from: decade.from, to: decade.to)
        var iterator = expansion.makeIterator()
        for _ in benchmark.scaledIterations {
            guard let occurrence = iterator.next() else {
                iterator = expansion.makeIterator()
                continue
            }
            sum &+= occurrence.start.seconds
        }
        blackHole(sum)
    }

    func windows(_ set: RecurrenceSet, _ window: (from: Instant, to: Instant), _ benchmark: Benchmark) {
        var sum: Int64 = 0
        for _ in benchmark.scaledIterations {
            for occurrence in occurrences(set, from: window.from, to: window.to) { sum &+= occurrence.start.seconds }
        }
        blackHole(sum)
    }

    Benchmark("daily since 1990, a week of 2026 (windows)") { benchmark in windows(daily, week, benchmark) }

    Benchmark("daily since 1990 with COUNT, a week of 2026 (windows)") { benchmark in windows(dailyCounted, week, benchmark) }

    Benchmark("monthly with COUNT, a quarter of 2030 (windows)") { benchmark in windows(monthly, quarter, benchmark) }

    Benchmark("set-up of a window, no occurrence taken (windows)") { benchmark in
        var sum = 0
        for _ in benchmark.scaledIterations {
            var iterator = occurrences(daily, from: week.from, to: week.to).makeIterator()
            sum &+= iterator.diagnostics.count
            blackHole(iterator)
        }
        blackHole(sum)
    }

    Benchmark("daily since 1990, walked to a week of 2026 (windows)",
              configuration: .init(scalingFactor: .one)) { benchmark in
        var sum: Int64 = 0
        for _ in benchmark.scaledIterations {
            for occurrence in occurrences(daily, to: week.to) where occurrence.start >= week.from { sum &+= occurrence.start.seconds }
        }
        blackHole(sum)
    }
}
