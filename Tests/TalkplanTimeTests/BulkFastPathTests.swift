import Testing
@testable import TalkplanTime

/// The bulk loops' fast paths (branch-free bucket records, the wall-time window, 32-bit civil
/// arithmetic) against the per-call paths: ICU's zone for offsets and wall times, and the
/// general 64-bit civil arithmetic (itself checked against Python elsewhere).
@Suite("bulk fast paths")
struct BulkFastPathTests {
    static let zones = ["America/Chicago", "Europe/Paris", "Asia/Jerusalem", "America/Santiago",
                        "Australia/Lord_Howe", "Europe/Moscow", "Pacific/Apia", "America/St_Johns"]

    /// Wall times around every transition of 1900–2100 (±3 h in 15-minute steps) and spread
    /// over the years: every disambiguation of the bulk path equals ICU's per-call answer.
    @Test("local to UTC in bulk equals the per-call resolution, near transitions and far from them", arguments: zones)
    func localToUTC(zone name: String) throws {
        let zone = try Zone(name)
        let table = zone.table()
        var walls: [Int64] = []
        for start in table.starts.dropFirst() where start > -2_208_988_800 && start < 4_102_444_800 {
            for step in Int64(-12)...12 { walls.append(start + step * 900) }
        }
        var generator = SplitMix64(seed: 11)
        for _ in 0..<20_000 { walls.append(Int64(generator.next() % 13_000_000_000) - 4_000_000_000) }
        for disambiguation in [Disambiguation.compatible, .earlier, .later, .reject] {
            var out = [Int64](repeating: 0, count: walls.count)
            walls.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { _ = table.instants(fromLocal: input, disambiguation, into: $0) }
            }
            for (index, wall) in walls.enumerated() {
                let expected = zone.resolve(PlainDateTime(localEpochSeconds: wall)).offset(for: disambiguation)
                    .map { wall - Int64($0.seconds) } ?? Int64.min
                #expect(out[index] == expected, "\(name) \(disambiguation) at wall \(wall)")
                if out[index] != expected { return }
            }
        }
    }

    /// Offsets from the 16-byte records equal ICU's at every transition instant and one second before.
    @Test("offsets at and just before every transition", arguments: zones)
    func offsetsAtTransitions(zone name: String) throws {
        let zone = try Zone(name)
        let table = zone.table()
        let instants = table.starts.dropFirst().flatMap { [$0 - 1, $0] }.filter { $0 > -2_208_988_800 }
        let offsets = table.offsets(of: instants)
        for (index, t) in instants.enumerated() {
            #expect(offsets[index] == zone.offset(at: Instant(seconds: t)).seconds, "\(name) at \(t)")
        }
    }

    /// The 32-bit civil arithmetic equals the general path across its whole range and at its edges.
    @Test("32-bit civil fields equal the general arithmetic")
    func fastCivil() {
        var generator = SplitMix64(seed: 5)
        var locals: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 4_107_542_399, -62_135_596_800, 253_402_300_799]
        // Every day boundary of 1600–2400 around March 1st and January 1st.
        for year in stride(from: 1600, through: 2400, by: 1) {
            for (month, day) in [(1, 1), (2, 28), (2, 29), (3, 1), (12, 31)] {
                if let date = PlainDate(year: year, month: month, day: day) {
                    let start = date.daysSinceEpoch * 86_400
                    locals += [start - 1, start, start + 86_399]
                }
            }
        }
        for _ in 0..<200_000 { locals.append(Int64(generator.next() % 2_000_000_000_000) - 1_000_000_000_000) }
        let limit = Int64(Civil.fastDayShift) * 86_400
        locals += [-limit, -limit + 1, -limit + 86_400, 86_400 * (Int64(Civil.fastDayLimit) - Int64(Civil.fastDayShift)) - 1]
        for local in locals {
            let general = ZoneTable.generalFields(local: local, offset: 3600)
            if let fast = Civil.fastFields(local: local, offset: 3600) {
                #expect(fast == general, "at local \(local)")
                if fast != general { return }
            }
        }
        #expect(Civil.fastFields(local: 0, offset: 0) != nil)
        #expect(Civil.fastFields(local: -limit - 1, offset: 0) == nil)
    }
}
