import TalkplanTime

/// A place in an iCalendar input: file (or `-` for stdin), 1-based line and column.
///
/// Columns count Unicode scalars on the physical line, so a folded value's
/// problem is reported on the continuation line where it actually is.
///
/// ```swift
/// ICalendarSourceLocation(file: "talks.ics", line: 12, column: 9).description   // "talks.ics:12:9"
/// ```
public struct ICalendarSourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name, interned: a reader stores millions of locations of one file, and an
    /// integer costs nothing to copy or release where a path string would be reference-counted.
    private var fileID: UInt32
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.init(fileID: SourceFiles.shared.id(of: file), line: line, column: column)
    }

    /// A location in a file already interned (``SourceFiles``).
    init(fileID: UInt32, line: Int, column: Int = 1) {
        self.fileID = fileID
        self.line = line
        self.column = column
    }

    /// The input's name (a path, or `-`).
    public var file: String {
        get { SourceFiles.shared.name(of: fileID) }
        set { fileID = SourceFiles.shared.id(of: newValue) }
    }

    /// `file:line:column`, as compilers print it.
    public var description: String { "\(file):\(line):\(column)" }
}

/// The file names locations refer to, one number each, for the life of the process.
///
/// Names are added by readers (one per input read) and by ``ICalendarSourceLocation/init(file:line:column:)``;
/// they are never removed, which costs one string per distinct input name.
final class SourceFiles: @unchecked Sendable {
    static let shared = SourceFiles()
    private let lock = Lock()
    private var ids: [String: UInt32] = [:]
    private var names: [String] = []

    /// The number of a name, given on first use.
    func id(of name: String) -> UInt32 {
        lock.withLock {
            if let id = ids[name] { return id }
            let id = UInt32(names.count)
            names.append(name)
            ids[name] = id
            return id
        }
    }

    /// The name of a number ``id(of:)`` gave.
    func name(of id: UInt32) -> String {
        lock.withLock { names[Int(id)] }
    }
}

/// A problem found while reading iCalendar data. Reading never stops at the first one:
/// the reader records it and goes on with what it can still read.
///
/// ```swift
/// let document = ICalendarReader.read(Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n".utf8), file: "cut.ics")
/// document.diagnostics.map(\.description)
/// // ["cut.ics:2:1: error: missing END:VEVENT for BEGIN:VEVENT at line 2 (the input ends first)", ...]
/// ```
public struct ICalendarDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// Some of the input could not be used.
        case error
        /// The input was used, but something about it was repaired or guessed.
        case warning
    }

    public var severity: Severity
    public var location: ICalendarSourceLocation
    /// Lower-case, with the values involved.
    public var message: String

    public init(_ severity: Severity, _ location: ICalendarSourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `file:line:column: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Collects diagnostics, keeping at most `limit` so that binary junk cannot produce millions
/// of them; the rest are counted and summarised by one last diagnostic.
struct DiagnosticLog {
    static let defaultLimit = 200

    private(set) var diagnostics: [ICalendarDiagnostic] = []
    private(set) var suppressed = 0
    private(set) var suppressedErrors = 0
    let limit: Int

    init(limit: Int = DiagnosticLog.defaultLimit) {
        self.limit = limit
    }

    mutating func add(_ diagnostic: ICalendarDiagnostic) {
        if diagnostics.count < limit {
            diagnostics.append(diagnostic)
        } else {
            suppressed += 1
            if diagnostic.severity == .error { suppressedErrors += 1 }
        }
    }

    mutating func error(_ location: ICalendarSourceLocation, _ message: String) {
        add(ICalendarDiagnostic(.error, location, message))
    }

    mutating func warning(_ location: ICalendarSourceLocation, _ message: String) {
        add(ICalendarDiagnostic(.warning, location, message))
    }

    /// The diagnostics in input order (by line, then column), with a summary of the
    /// suppressed ones at `end`.
    func finished(end: ICalendarSourceLocation) -> [ICalendarDiagnostic] {
        let diagnostics = self.diagnostics.enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
        guard suppressed > 0 else { return diagnostics }
        let severity: ICalendarDiagnostic.Severity = suppressedErrors > 0 ? .error : .warning
        return diagnostics + [ICalendarDiagnostic(severity, end, "\(suppressed) more problems in this input were not listed")]
    }
}

/// Quotes a value for a diagnostic: control characters escaped, long values shortened.
func quoted(_ text: some StringProtocol, limit: Int = 60) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            result += "…"
            break
        }
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        count += 1
    }
    return "\"" + result + "\""
}
