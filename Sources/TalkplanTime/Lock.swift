import Foundation

/// A small mutual-exclusion lock for process-wide caches.
package final class Lock: @unchecked Sendable {
    private let lock = NSLock()

    package init() {}

    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
