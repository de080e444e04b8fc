/// A property parameter: `TZID=Europe/Paris`, `MEMBER="mailto:a@x.org","mailto:b@x.org"`.
///
/// Names are upper-case (parameter names are case-insensitive). Values are decoded: quotes
/// removed and RFC 6868 caret escapes (`^n`, `^'`, `^^`) turned into the characters they stand for.
///
/// ```swift
/// let cn = ICalendarParameter("CN", "Lénaïc Chizat")
/// cn.values   // ["Lénaïc Chizat"]
/// ```
public struct ICalendarParameter: Sendable, Hashable {
    public var name: String
    /// Most parameters have one value: it is kept without an array of its own.
    private var storage: Values

    private enum Values: Sendable {
        case one(String)
        case many([String])
    }

    public init(_ name: String, _ values: [String]) {
        self.init(upperCaseName: ByteText.upperASCII(name), values)
    }

    public init(_ name: String, _ value: String) {
        self.name = ByteText.upperASCII(name)
        self.storage = .one(value)
    }

    /// A parameter whose name is known to be upper-case already (the reader's).
    init(upperCaseName name: String, _ values: [String]) {
        self.name = name
        self.storage = values.count == 1 ? .one(values[0]) : .many(values)
    }

    /// A one-valued parameter whose name is known to be upper-case already (the reader's).
    init(upperCaseName name: String, single value: String) {
        self.name = name
        self.storage = .one(value)
    }

    /// The values, in order.
    public var values: [String] {
        get {
            switch storage {
            case .one(let value): [value]
            case .many(let values): values
            }
        }
        set { storage = newValue.count == 1 ? .one(newValue[0]) : .many(newValue) }
    }

    /// The first value (most parameters have exactly one).
    public var value: String {
        switch storage {
        case .one(let value): value
        case .many(let values): values.first ?? ""
        }
    }

    public static func == (lhs: ICalendarParameter, rhs: ICalendarParameter) -> Bool {
        guard lhs.name == rhs.name else { return false }
        switch (lhs.storage, rhs.storage) {
        case (.one(let left), .one(let right)): return left == right
        default: return lhs.values == rhs.values
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(values)
    }
}

/// A property: name, parameters and value, as one content line states them.
///
/// `value` is kept as written (TEXT escapes included), so that writing what was read
/// reproduces it; the typed accessors (``text``, ``dateTime()``, ...) decode it.
/// Locations tell where the property was read and take no part in equality.
///
/// ```swift
/// let start = ICalendarProperty("DTSTART", parameters: [ICalendarParameter("TZID", "Europe/Paris")],
///                               value: "20240404T120000")
/// start.parameter("tzid")   // "Europe/Paris"
/// try start.dateTime()      // .zoned(2024-04-04T12:00:00, tzid: "Europe/Paris")
/// ```
public struct ICalendarProperty: Sendable, Hashable {
    /// Upper-case name (`DTSTART`, `X-WR-TIMEZONE`).
    public var name: String
    /// Parameters, in the order written.
    public var parameters: [ICalendarParameter]
    /// The value as written, escapes included.
    public var value: String
    /// Where the content line starts.
    public var location: ICalendarSourceLocation?
    /// Where the value starts.
    public var valueLocation: ICalendarSourceLocation?

    public init(_ name: String, parameters: [ICalendarParameter] = [], value: String,
                location: ICalendarSourceLocation? = nil, valueLocation: ICalendarSourceLocation? = nil) {
        self.name = ByteText.upperASCII(name)
        self.parameters = parameters
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
    }

    /// A property whose name is known to be upper-case already (the reader's).
    init(upperCaseName name: String, parameters: [ICalendarParameter], value: String,
         location: ICalendarSourceLocation?, valueLocation: ICalendarSourceLocation?) {
        self.name = name
        self.parameters = parameters
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
    }

    /// A TEXT property, its value escaped.
    ///
    /// ```swift
    /// ICalendarProperty.text("SUMMARY", "Seminar; room 2, floor 1").value   // "Seminar\\; room 2\\, floor 1"
    /// ```
    public static func text(_ name: String, _ text: String, parameters: [ICalendarParameter] = []) -> ICalendarProperty {
        ICalendarProperty(name, parameters: parameters, value: ICalendarText.escape(text))
    }

    /// The first value of a parameter (names are case-insensitive), or `nil`.
    public func parameter(_ name: String) -> String? {
        let key = ByteText.upperASCII(name)
        for index in parameters.indices where ByteText.same(parameters[index].name, key) {
            let parameter = parameters[index]
            return parameter.values.isEmpty ? nil : parameter.value
        }
        return nil
    }

    /// Every value of a parameter, across repetitions.
    public func parameterValues(_ name: String) -> [String] {
        let key = ByteText.upperASCII(name)
        return parameters.filter { ByteText.same($0.name, key) }.flatMap(\.values)
    }

    /// The `VALUE` parameter, upper-case (`DATE`, `PERIOD`, `URI`), or `nil`.
    public var valueType: String? { parameter("VALUE")?.uppercased() }

    /// The `TZID` parameter with surrounding whitespace removed, or `nil`.
    public var timeZoneID: String? {
        guard let tzid = parameter("TZID") else { return nil }
        let trimmed = tzid.trimmingICalendarWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The value decoded as TEXT (escapes resolved).
    public var text: String { ICalendarText.unescape(value) }

    /// The value decoded as a comma-separated list of TEXT (CATEGORIES, RESOURCES).
    public var texts: [String] { ICalendarText.list(value) }

    public static func == (lhs: ICalendarProperty, rhs: ICalendarProperty) -> Bool {
        lhs.name == rhs.name && lhs.parameters == rhs.parameters && lhs.value == rhs.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(parameters)
        hasher.combine(value)
    }
}
