/// An error in a recurrence: a rule that cannot be read, a value out of range,
/// or an expansion that cannot start. The ``message`` is lower-case and names
/// the part at fault with its value, as written.
///
/// ```swift
/// do {
///     _ = try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=32")
/// } catch {
///     print(error.message)  // BYMONTHDAY=32 is out of range (1…31 or -31…-1)
/// }
/// ```
public struct RecurrenceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, in lower case apart from the quoted rule text.
    ///
    /// ```swift
    /// RecurrenceError(message: "missing FREQ").message  // "missing FREQ"
    /// ```
    public let message: String

    /// Creates an error with a message.
    ///
    /// ```swift
    /// let error = RecurrenceError(message: "COUNT=0 is not a positive integer")
    /// ```
    public init(message: String) {
        self.message = message
    }

    /// The ``message``.
    ///
    /// ```swift
    /// "\(RecurrenceError(message: "missing FREQ"))"  // "missing FREQ"
    /// ```
    public var description: String { message }
}
