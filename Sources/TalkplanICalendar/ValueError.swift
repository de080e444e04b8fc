/// A value that cannot be read, with a lower-case message naming it:
/// `invalid DATE-TIME "20240230T100000": invalid date 2024-02-30: february 2024 has 29 days`.
public struct ICalendarValueError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
