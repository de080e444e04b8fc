/// What to do with a computed occurrence whose local time does not exist in its zone.
///
/// RFC 5545 §3.3.10 says two things. Its older sentence (from RFC 2445): instances with
/// "an invalid date (e.g., February 30) or nonexistent local time (e.g., 1:30 AM on a day
/// where the local time is moved forward by an hour at 1:00 AM) ... MUST be ignored and
/// MUST NOT be counted". Its newer paragraph, added by RFC 5545 and specific to zones:
/// "If the computed local start time of a recurrence instance does not exist, or occurs
/// more than once, for the specified time zone, the time of the recurrence instance is
/// interpreted in the same manner as an explicit DATE-TIME value describing that date and
/// time, as specified in Section 3.3.5" — which reads a nonexistent time "using the UTC
/// offset before the gap" (`20070311T023000` New York is 03:30 EDT) and a repeated one as
/// its first occurrence.
///
/// The later, more specific paragraph is the default here (``shiftForward``), as in
/// Temporal's `compatible`: a weekly 02:30 seminar still happens on the day clocks spring
/// forward, at 03:30. Invalid *dates* are always skipped and never counted. ``skip``
/// applies the older sentence to times too.
///
/// ```swift
/// var options = ExpansionOptions()
/// options.nonexistentTimes = .skip
/// ```
public enum NonexistentTimePolicy: String, Hashable, Sendable, CaseIterable {
    /// Read the time with the offset before the gap (RFC 5545 §3.3.5): 02:30 becomes 03:30
    /// on a day clocks jump from 02:00 to 03:00. Counted toward `COUNT`. The default.
    case shiftForward = "shift"
    /// Leave the occurrence out and do not count it (the RFC 2445 sentence kept in §3.3.10).
    case skip
}
