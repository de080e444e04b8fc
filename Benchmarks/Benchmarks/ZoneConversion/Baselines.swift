import Baselines
import Foundation
import TalkplanTime

// The baselines as Swift sees them: the C target's ICU and glibc conversions, and
// Foundation (used here only as a baseline: talkplan itself never converts with it).

/// `../TZData` of the benchmarks package: talkplan's pinned tz data, compiled for ICU.
let tzDataDirectory: String = {
    // …/Benchmarks/Benchmarks/ZoneConversion/Baselines.swift → …/TZData
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/") + "/TZData"
}()

/// Points ICU at talkplan's tz data before any zone is opened, so that the ICU baseline
/// converts with the same tz version as talkplan (not ICU 72's built-in 2022e).
func useTalkplanTZDataForICU() {
    let status = baseline_icu_set_tz_directory(tzDataDirectory)
    if status != 0 { fatalError("u_setTimeZoneFilesDirectory(\(tzDataDirectory)) failed: \(status)") }
}

/// A zone opened once in ICU (a `UCalendar` and a `BasicTimeZone`).
final class ICUZone {
    let handle: OpaquePointer
    init(_ name: String) {
        guard let handle = baseline_icu_open(name) else { fatalError("ICU does not know \(name)") }
        self.handle = handle
    }
    deinit { baseline_icu_close(handle) }
}

/// A zone in Foundation: a `TimeZone` and a Gregorian `Calendar` set to it.
final class FoundationZone {
    let timeZone: TimeZone
    var calendar: Calendar

    init(_ name: String) {
        guard let timeZone = TimeZone(identifier: name) else { fatalError("Foundation does not know \(name)") }
        self.timeZone = timeZone
        calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
    }

    /// Per instant: `Calendar.dateComponents(in:from:)` and `TimeZone.secondsFromGMT(for:)`.
    func civil(_ input: [Int64], into out: UnsafeMutableBufferPointer<CivilFields>) {
        for index in 0..<input.count {
            let date = Date(timeIntervalSince1970: TimeInterval(input[index]))
            let c = calendar.dateComponents(in: timeZone, from: date)
            out[index] = CivilFields(
                year: Int32(c.year!), month: UInt8(c.month!), day: UInt8(c.day!),
                hour: UInt8(c.hour!), minute: UInt8(c.minute!), second: UInt8(c.second!),
                weekday: UInt8((c.weekday! + 5) % 7 + 1),
                offset: Int32(timeZone.secondsFromGMT(for: date)))
        }
    }

    /// Per instant: `TimeZone.secondsFromGMT(for:)`.
    func offsets(_ input: [Int64], into out: UnsafeMutableBufferPointer<Int32>) {
        for index in 0..<input.count {
            out[index] = Int32(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(input[index]))))
        }
    }

    /// Per wall time: `Calendar.date(from:)` (Foundation settles gaps and folds its own way).
    func instants(_ wall: [baseline_civil], into out: UnsafeMutableBufferPointer<Int64>) {
        for index in 0..<wall.count {
            let w = wall[index]
            let components = DateComponents(
                year: Int(w.year), month: Int(w.month), day: Int(w.day),
                hour: Int(w.hour), minute: Int(w.minute), second: Int(w.second))
            out[index] = calendar.date(from: components).map { Int64($0.timeIntervalSince1970.rounded(.down)) } ?? .min
        }
    }
}

extension CivilFields {
    init(_ c: baseline_civil) {
        self.init(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second,
                  weekday: c.weekday, offset: c.offset)
    }
}

/// Compares a baseline's results with talkplan's over the same inputs and says so on standard
/// error (one line per benchmark process): a baseline is only worth timing if it computes the
/// same thing. ICU runs on talkplan's tz data and must agree exactly; glibc (the system's tz
/// data) and Foundation (its own) may differ where tz releases or gap/fold policies differ.
func checkAgreement<T: Equatable>(_ name: String, talkplan: [T], baseline: [T], inputs: [Int64], mustAgree: Bool) {
    var mismatches = 0
    var first: Int?
    for index in 0..<min(talkplan.count, baseline.count) where talkplan[index] != baseline[index] {
        mismatches += 1
        if first == nil { first = index }
    }
    var line = "agreement \(name): \(talkplan.count - mismatches)/\(talkplan.count) identical"
    if let first {
        line += "; first difference at input \(inputs[first]): talkplan \(talkplan[first]), baseline \(baseline[first])"
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
    if mustAgree && mismatches > 0 { fatalError(line) }
}

/// Versions the baselines run on, for the README's table.
func baselineVersions() -> String {
    "ICU tz \(String(cString: baseline_icu_tz_version())), Foundation tz \(TimeZone.timeZoneDataVersion)"
}
