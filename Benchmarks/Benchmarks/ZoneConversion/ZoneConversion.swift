import Baselines
import Benchmark
import TalkplanTime

// Bulk conversion between instants and wall times, talkplan's `ZoneTable` bulk API against
// the ways people convert without it, over the same inputs in the same run:
//
//   civil        UTC -> local civil fields    table.civilFields(of:into:)
//                                             vs ICU ucal_setMillis + ucal_get, glibc localtime_r,
//                                             Foundation Calendar.dateComponents(in:from:)
//   offsets      UTC -> offset only           table.offsets(of:into:)
//                                             vs ICU ucal_get(ZONE_OFFSET + DST_OFFSET), ICU
//                                             TimeZone::getOffset, glibc localtime_r, Foundation
//                                             TimeZone.secondsFromGMT(for:)
//   local to UTC wall time -> instant         table.instants(fromLocal:_:into:) (compatible)
//                                             vs ICU ucal_setDateTime + ucal_getMillis, ICU
//                                             BasicTimeZone::getOffsetFromLocal, glibc mktime,
//                                             Foundation Calendar.date(from:)
//   parallel     civil fields and offsets     parallelCivilFields / parallelOffsets on 2 threads vs 1
//
// Every benchmark converts 1M values per iteration (`scalingFactor: .mega`: Throughput reads in
// M/s) in one of five zones. Names read "<what> <span> <zone>: <how>"; the README takes the
// median over the five zones of each "<what> <span>: <how>".

/// Holds the body a benchmark's setup prepares (inputs, zone, output buffer) for its iterations.
final class Prepared {
    var body: (() -> Void)?
}

/// Registers a benchmark whose inputs are built in its setup, outside any measurement.
func benchmark(_ name: String, _ configuration: Benchmark.Configuration, prepare: @escaping () -> () -> Void) {
    let prepared = Prepared()
    Benchmark(name, configuration: configuration, closure: { _ in prepared.body!() }, setup: { prepared.body = prepare() })
}

/// talkplan's paths: fast, so many iterations.
var fast: Benchmark.Configuration {
    .init(metrics: [.throughput, .wallClock], timeUnits: .microseconds, warmupIterations: 2, scalingFactor: .mega,
          maxDuration: .seconds(2), maxIterations: 30)
}

/// Per-call baselines (ICU, glibc): 0.1-1 s per iteration, so fewer; their agreement check is one more run.
var slow: Benchmark.Configuration {
    .init(metrics: [.throughput, .wallClock], timeUnits: .microseconds, warmupIterations: 0, scalingFactor: .mega,
          maxDuration: .seconds(4), maxIterations: 10)
}

/// Foundation: the slowest.
var slowest: Benchmark.Configuration {
    .init(metrics: [.throughput, .wallClock], timeUnits: .microseconds, warmupIterations: 0, scalingFactor: .mega,
          maxDuration: .seconds(5), maxIterations: 5)
}

let benchmarks: @Sendable () -> Void = {
    // Before anything opens a zone in ICU.
    useTalkplanTZDataForICU()

    for zoneName in zoneNames {
        let zone = shortName(zoneName)
        for span in Span.allCases {
            registerCivil(zoneName, "civil \(span.label) \(zone)", span)
        }
        for span in [Span.uniform1970, .week] {
            registerOffsets(zoneName, "offsets \(span.label) \(zone)", span)
            registerLocalToUTC(zoneName, "local to UTC \(span.label) \(zone)", span)
        }
        registerParallel(zoneName, "parallel", zone)
    }
}

// MARK: - UTC -> civil fields

func registerCivil(_ zoneName: String, _ prefix: String, _ span: Span) {
    benchmark("\(prefix): talkplan", fast) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let out = outputBuffer(of: CivilFields())
        return { input.withUnsafeBufferPointer { table.civilFields(of: $0, into: out) } }
    }

    benchmark("\(prefix): ICU ucal", slow) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let icu = ICUZone(zoneName)
        let out = outputBuffer(of: baseline_civil())
        let run = { input.withUnsafeBufferPointer { baseline_icu_civil(icu.handle, $0.baseAddress, count, out.baseAddress) } }
        run()
        checkAgreement("\(prefix): ICU ucal [\(baselineVersions())]", talkplan: table.civilFields(of: input),
                       baseline: out.map(CivilFields.init), inputs: input, mustAgree: true)
        return run
    }

    benchmark("\(prefix): glibc localtime_r", slow) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let out = outputBuffer(of: baseline_civil())
        let run = {
            baseline_libc_set_zone(zoneName)
            input.withUnsafeBufferPointer { baseline_libc_civil($0.baseAddress, count, out.baseAddress) }
        }
        run()
        checkAgreement("\(prefix): glibc localtime_r", talkplan: table.civilFields(of: input),
                       baseline: out.map(CivilFields.init), inputs: input, mustAgree: false)
        return run
    }

    benchmark("\(prefix): Foundation", slowest) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let foundation = FoundationZone(zoneName)
        let out = outputBuffer(of: CivilFields())
        let run = { foundation.civil(input, into: out) }
        run()
        checkAgreement("\(prefix): Foundation", talkplan: table.civilFields(of: input), baseline: Array(out),
                       inputs: input, mustAgree: false)
        return run
    }
}

// MARK: - UTC -> offset

func registerOffsets(_ zoneName: String, _ prefix: String, _ span: Span) {
    benchmark("\(prefix): talkplan", fast) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let out = outputBuffer(of: Int32(0))
        return { input.withUnsafeBufferPointer { table.offsets(of: $0, into: out) } }
    }

    benchmark("\(prefix): ICU ucal", slow) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let icu = ICUZone(zoneName)
        let out = outputBuffer(of: Int32(0))
        let run = { input.withUnsafeBufferPointer { baseline_icu_offsets(icu.handle, $0.baseAddress, count, out.baseAddress) } }
        run()
        checkAgreement("\(prefix): ICU ucal", talkplan: table.offsets(of: input), baseline: Array(out), inputs: input, mustAgree: true)
        return run
    }

    benchmark("\(prefix): ICU TimeZone::getOffset", slow) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let icu = ICUZone(zoneName)
        let out = outputBuffer(of: Int32(0))
        let run = { input.withUnsafeBufferPointer { baseline_icu_tz_offsets(icu.handle, $0.baseAddress, count, out.baseAddress) } }
        run()
        checkAgreement("\(prefix): ICU TimeZone::getOffset", talkplan: table.offsets(of: input), baseline: Array(out),
                       inputs: input, mustAgree: true)
        return run
    }

    benchmark("\(prefix): glibc localtime_r", slow) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let out = outputBuffer(of: Int32(0))
        let run = {
            baseline_libc_set_zone(zoneName)
            input.withUnsafeBufferPointer { baseline_libc_offsets($0.baseAddress, count, out.baseAddress) }
        }
        run()
        checkAgreement("\(prefix): glibc localtime_r", talkplan: table.offsets(of: input), baseline: Array(out),
                       inputs: input, mustAgree: false)
        return run
    }

    benchmark("\(prefix): Foundation", slowest) {
        let table = openZone(zoneName).table()
        let input = instants(span, table)
        let foundation = FoundationZone(zoneName)
        let out = outputBuffer(of: Int32(0))
        let run = { foundation.offsets(input, into: out) }
        run()
        checkAgreement("\(prefix): Foundation", talkplan: table.offsets(of: input), baseline: Array(out),
                       inputs: input, mustAgree: false)
        return run
    }
}

// MARK: - Local -> UTC

func registerLocalToUTC(_ zoneName: String, _ prefix: String, _ span: Span) {
    /// talkplan's answer, `compatible` like every baseline asked to.
    func reference(_ table: ZoneTable, _ local: [Int64]) -> [Int64] {
        var result = [Int64](repeating: 0, count: local.count)
        local.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { _ = table.instants(fromLocal: input, .compatible, into: $0) }
        }
        return result
    }

    benchmark("\(prefix): talkplan", fast) {
        let table = openZone(zoneName).table()
        let input = wallTimes(span, table)
        let out = outputBuffer(of: Int64(0))
        return { input.withUnsafeBufferPointer { _ = table.instants(fromLocal: $0, .compatible, into: out) } }
    }

    benchmark("\(prefix): ICU ucal", slow) {
        let table = openZone(zoneName).table()
        let local = wallTimes(span, table)
        let input = wallFields(local)
        let icu = ICUZone(zoneName)
        let out = outputBuffer(of: Int64(0))
        let run = { input.withUnsafeBufferPointer { baseline_icu_instants(icu.handle, $0.baseAddress, count, out.baseAddress) } }
        run()
        checkAgreement("\(prefix): ICU ucal", talkplan: reference(table, local), baseline: Array(out), inputs: local, mustAgree: true)
        return run
    }

    benchmark("\(prefix): ICU getOffsetFromLocal", slow) {
        let table = openZone(zoneName).table()
        let local = wallTimes(span, table)
        let icu = ICUZone(zoneName)
        let out = outputBuffer(of: Int64(0))
        let run = { local.withUnsafeBufferPointer { baseline_icu_tz_instants(icu.handle, $0.baseAddress, count, out.baseAddress) } }
        run()
        checkAgreement("\(prefix): ICU getOffsetFromLocal", talkplan: reference(table, local), baseline: Array(out),
                       inputs: local, mustAgree: true)
        return run
    }

    benchmark("\(prefix): glibc mktime", slow) {
        let table = openZone(zoneName).table()
        let local = wallTimes(span, table)
        let input = wallFields(local)
        let out = outputBuffer(of: Int64(0))
        let run = {
            baseline_libc_set_zone(zoneName)
            input.withUnsafeBufferPointer { baseline_libc_instants($0.baseAddress, count, out.baseAddress) }
        }
        run()
        checkAgreement("\(prefix): glibc mktime", talkplan: reference(table, local), baseline: Array(out),
                       inputs: local, mustAgree: false)
        return run
    }

    benchmark("\(prefix): Foundation", slowest) {
        let table = openZone(zoneName).table()
        let local = wallTimes(span, table)
        let input = wallFields(local)
        let foundation = FoundationZone(zoneName)
        let out = outputBuffer(of: Int64(0))
        let run = { foundation.instants(input, into: out) }
        run()
        checkAgreement("\(prefix): Foundation", talkplan: reference(table, local), baseline: Array(out),
                       inputs: local, mustAgree: false)
        return run
    }
}

// MARK: - Parallel

func registerParallel(_ zoneName: String, _ what: String, _ zone: String) {
    for threads in [1, 2] {
        let how = threads == 1 ? "1 thread" : "\(threads) threads"
        benchmark("\(what) civil 1970-2037 \(zone): \(how)", fast) {
            let table = openZone(zoneName).table()
            let input = instants(.uniform1970, table)
            let out = outputBuffer(of: CivilFields())
            return { input.withUnsafeBufferPointer { table.parallelCivilFields(of: $0, into: out, threads: threads) } }
        }
        benchmark("\(what) offsets 1970-2037 \(zone): \(how)", fast) {
            let table = openZone(zoneName).table()
            let input = instants(.uniform1970, table)
            let out = outputBuffer(of: Int32(0))
            return { input.withUnsafeBufferPointer { table.parallelOffsets(of: $0, into: out, threads: threads) } }
        }
    }
}
