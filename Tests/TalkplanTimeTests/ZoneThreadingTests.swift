import Dispatch
import Testing
@testable import TalkplanTime

@Suite("zones shared between threads")
struct ZoneThreadingTests {
    /// A fresh zone, asked for transitions by several threads at once, answers each the same
    /// as one thread does. ICU 72 builds a zone's transition rules on first use and crashed
    /// when two threads got there together; the shim now locks each handle.
    @Test("transitions asked from many threads at once on a fresh zone")
    func freshZoneManyThreads() throws {
        let names = ["America/Chicago", "Europe/Paris", "Asia/Jerusalem", "America/Santiago",
                     "Europe/Zurich", "Australia/Lord_Howe", "America/Sao_Paulo", "Africa/Cairo"]
        let start = try Instant(iso8601: "2024-01-01T00:00:00Z")
        for round in 0..<25 {
            for name in names {
                let zone = try Zone(name)
                let expected = zone.nextTransition(after: start)
                nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Instant?>.allocate(capacity: 8)
                defer { results.deallocate() }
                // A new handle each time, so the lazy rule building happens under contention.
                let shared = try Zone(name)
                DispatchQueue.concurrentPerform(iterations: 8) { index in
                    results[index] = shared.nextTransition(after: start)?.instant
                }
                for index in 0..<8 { #expect(results[index] == expected?.instant, "\(name), round \(round)") }
            }
        }
    }
}
