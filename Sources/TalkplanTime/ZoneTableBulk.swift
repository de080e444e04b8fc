#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(Dispatch)
import Dispatch
#endif

/// Civil fields of a wall time, packed in 16 bytes for bulk conversion.
///
/// ```swift
/// let fields = table.civilFields(of: [1_710_057_600])[0]
/// (fields.year, fields.month, fields.day, fields.hour)   // (2024, 3, 10, 3)
/// fields.offset                                           // -18000
/// ```
public struct CivilFields: Sendable, Hashable {
    public var year: Int32
    public var month: UInt8
    public var day: UInt8
    public var hour: UInt8
    public var minute: UInt8
    public var second: UInt8
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    public var weekday: UInt8
    /// The UTC offset in seconds.
    public var offset: Int32

    public init(year: Int32 = 0, month: UInt8 = 0, day: UInt8 = 0, hour: UInt8 = 0, minute: UInt8 = 0,
                second: UInt8 = 0, weekday: UInt8 = 0, offset: Int32 = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.weekday = weekday
        self.offset = offset
    }

    /// The wall time these fields describe.
    public var plainDateTime: PlainDateTime? {
        PlainDateTime(year: Int(year), month: Int(month), day: Int(day), hour: Int(hour), minute: Int(minute), second: Int(second))
    }
}

/// Bulk conversion over buffers of epoch seconds: one call, no per-element allocation,
/// the table's arrays pinned once for the whole buffer. Each function has a parallel
/// variant that splits large inputs across cores.
///
/// ```swift
/// let table = try Zone("Europe/Paris").table()
/// var offsets = [Int32](repeating: 0, count: instants.count)
/// instants.withUnsafeBufferPointer { input in
///     offsets.withUnsafeMutableBufferPointer { table.offsets(of: input, into: $0) }
/// }
/// ```
extension ZoneTable {
    /// UTC offsets (seconds) of instants given as epoch seconds. `output` must be at least as long as `input`.
    public func offsets(of input: UnsafeBufferPointer<Int64>, into output: UnsafeMutableBufferPointer<Int32>) {
        precondition(output.count >= input.count, "output holds \(output.count) offsets for \(input.count) instants")
        withLookup { lookup in
            for index in 0..<input.count { output[index] = lookup.offset(input[index]) }
        }
    }

    /// Wall times as local epoch seconds (the instant plus its offset), like a naive local timestamp.
    public func localSeconds(of input: UnsafeBufferPointer<Int64>, into output: UnsafeMutableBufferPointer<Int64>) {
        precondition(output.count >= input.count, "output holds \(output.count) values for \(input.count) instants")
        withLookup { lookup in
            for index in 0..<input.count {
                let t = input[index]
                output[index] = t &+ Int64(lookup.offset(t))
            }
        }
    }

    /// Civil fields (date, time, weekday, offset) of instants given as epoch seconds.
    public func civilFields(of input: UnsafeBufferPointer<Int64>, into output: UnsafeMutableBufferPointer<CivilFields>) {
        precondition(output.count >= input.count, "output holds \(output.count) fields for \(input.count) instants")
        withLookup { lookup in
            for index in 0..<input.count {
                let t = input[index]
                let offset = lookup.offset(t)
                output[index] = Self.fields(local: t &+ Int64(offset), offset: offset)
            }
        }
    }

    /// Instants (epoch seconds) of wall times given as local epoch seconds, gaps and folds settled by
    /// `disambiguation`. A wall time `reject` refuses gives `Int64.min`. Returns how many were refused.
    @discardableResult
    public func instants(fromLocal input: UnsafeBufferPointer<Int64>, _ disambiguation: Disambiguation = .compatible,
                         into output: UnsafeMutableBufferPointer<Int64>) -> Int {
        precondition(output.count >= input.count, "output holds \(output.count) instants for \(input.count) wall times")
        var refused = 0
        localRecords.withUnsafeBufferPointer { records in
            for index in 0..<input.count {
                let local = input[index]
                let relative = local &- Self.bucketBase
                if relative >= 0, local < Self.horizon - Self.offsetBound {
                    // Outside the hour or so around a transition, a wall time has one offset.
                    if let offset = Self.uniqueOffset(atLocal: local, records[Int(truncatingIfNeeded: relative >> Self.bucketShift)]) {
                        output[index] = local &- Int64(offset)
                        continue
                    }
                }
                if let offset = resolve(localSeconds: local).offset(for: disambiguation) {
                    output[index] = local &- Int64(offset.seconds)
                } else {
                    output[index] = Int64.min
                    refused += 1
                }
            }
        }
        return refused
    }

    // MARK: - Array conveniences

    /// Offsets of an array of epoch seconds.
    public func offsets(of seconds: [Int64]) -> [Int32] {
        [Int32](unsafeUninitializedCapacity: seconds.count) { buffer, count in
            seconds.withUnsafeBufferPointer { offsets(of: $0, into: buffer) }
            count = seconds.count
        }
    }

    /// Civil fields of an array of epoch seconds.
    public func civilFields(of seconds: [Int64]) -> [CivilFields] {
        [CivilFields](unsafeUninitializedCapacity: seconds.count) { buffer, count in
            seconds.withUnsafeBufferPointer { civilFields(of: $0, into: buffer) }
            count = seconds.count
        }
    }

    // MARK: - Parallel variants

    /// Below this many elements the parallel variants run on the calling thread.
    public static let parallelThreshold = 1 << 16

    /// ``offsets(of:into:)`` split across `threads` cores (default: all active processors).
    public func parallelOffsets(of input: UnsafeBufferPointer<Int64>, into output: UnsafeMutableBufferPointer<Int32>,
                                threads: Int = activeProcessors) {
        precondition(output.count >= input.count, "output holds \(output.count) offsets for \(input.count) instants")
        Self.split(input.count, threads: threads) { range in
            offsets(of: UnsafeBufferPointer(rebasing: input[range]), into: UnsafeMutableBufferPointer(rebasing: output[range]))
        }
    }

    /// ``civilFields(of:into:)`` split across `threads` cores (default: all active processors).
    public func parallelCivilFields(of input: UnsafeBufferPointer<Int64>, into output: UnsafeMutableBufferPointer<CivilFields>,
                                    threads: Int = activeProcessors) {
        precondition(output.count >= input.count, "output holds \(output.count) fields for \(input.count) instants")
        Self.split(input.count, threads: threads) { range in
            civilFields(of: UnsafeBufferPointer(rebasing: input[range]), into: UnsafeMutableBufferPointer(rebasing: output[range]))
        }
    }

    /// The number of processors available to this process.
    public static var activeProcessors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `body` over contiguous chunks of `0..<count`, concurrently when worthwhile.
    static func split(_ count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        let workers = max(1, min(threads, count / max(1, parallelThreshold / 4)))
        guard workers > 1, count >= parallelThreshold else {
            body(0..<count)
            return
        }
        // A few chunks per worker evens out uneven progress; chunks stay large for locality.
        let chunks = workers * 4
        let size = (count + chunks - 1) / chunks
        withoutActuallyEscaping(body) { body in
            // Each chunk touches only its own range of the caller's buffers.
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * size
                let end = min(count, start + size)
                if start < end { work.value(start..<end) }
            }
        }
    }

    // MARK: - The inner loop

    /// Raw views of the table for tight loops.
    struct Lookup {
        let table: ZoneTable
        let times: UnsafeBufferPointer<Int64>
        let after: UnsafeBufferPointer<Int32>
        let records: UnsafeBufferPointer<BucketRecord>

        @inline(__always)
        func offset(_ seconds: Int64) -> Int32 {
            let relative = seconds &- ZoneTable.bucketBase
            guard relative >= 0, seconds < ZoneTable.horizon else { return table.offsetSeconds(at: seconds) }
            let record = records[Int(truncatingIfNeeded: relative >> ZoneTable.bucketShift)]
            if record.isSimple { return record.offset(at: seconds) }
            return record.offsetStepping(at: seconds, times, after)
        }
    }

    @inline(__always)
    func withLookup<R>(_ body: (Lookup) -> R) -> R {
        times.withUnsafeBufferPointer { times in
            after.withUnsafeBufferPointer { after in
                records.withUnsafeBufferPointer { records in
                    body(Lookup(table: self, times: times, after: after, records: records))
                }
            }
        }
    }

    /// Civil fields of a local epoch second: 32-bit arithmetic within years −29,000…+33,000
    /// (``Civil/fastFields(local:offset:)``), the general 64-bit path beyond.
    @inline(__always)
    static func fields(local: Int64, offset: Int32) -> CivilFields {
        if let fields = Civil.fastFields(local: local, offset: offset) { return fields }
        return generalFields(local: local, offset: offset)
    }

    /// Civil fields of a local epoch second, 64-bit arithmetic for any value.
    static func generalFields(local: Int64, offset: Int32) -> CivilFields {
        let days = Civil.floorDiv(local, 86_400)
        let secondOfDay = local &- days &* 86_400
        let (year, month, day) = Civil.civilFromDays(days)
        let hour = secondOfDay / 3600
        let minute = (secondOfDay / 60) % 60
        return CivilFields(
            year: Int32(truncatingIfNeeded: year), month: UInt8(truncatingIfNeeded: month), day: UInt8(truncatingIfNeeded: day),
            hour: UInt8(truncatingIfNeeded: hour), minute: UInt8(truncatingIfNeeded: minute),
            second: UInt8(truncatingIfNeeded: secondOfDay % 60),
            weekday: UInt8(truncatingIfNeeded: Civil.floorMod(days &+ 3, 7) &+ 1),
            offset: offset)
    }
}

/// Hands a value to concurrent code whose safety the caller guarantees (disjoint ranges).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
