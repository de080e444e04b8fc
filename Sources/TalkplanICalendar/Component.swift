/// A component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, `VALARM`, or any other,
/// `X-` components included): its properties and sub-components, in the order written.
///
/// Unknown components and properties are kept as read, so that writing reproduces them.
/// `location` (the BEGIN line) takes no part in equality.
///
/// ```swift
/// let event = ICalendarComponent("VEVENT", properties: [.text("SUMMARY", "Colloquium")])
/// event.first("summary")?.text   // "Colloquium"
/// ```
public struct ICalendarComponent: Sendable, Hashable {
    /// Upper-case name.
    public var name: String
    public var properties: [ICalendarProperty]
    public var components: [ICalendarComponent]
    /// Where its BEGIN line is.
    public var location: ICalendarSourceLocation?

    public init(_ name: String, properties: [ICalendarProperty] = [], components: [ICalendarComponent] = [],
                location: ICalendarSourceLocation? = nil) {
        self.name = ByteText.upperASCII(name)
        self.properties = properties
        self.components = components
        self.location = location
    }

    /// A component whose name is known to be upper-case already (the reader's).
    init(upperCaseName name: String, location: ICalendarSourceLocation?) {
        self.name = name
        self.properties = []
        self.components = []
        self.location = location
    }

    /// The first property of a name (case-insensitive), or `nil`.
    public func first(_ name: String) -> ICalendarProperty? {
        let key = ByteText.upperASCII(name)
        return properties.first { ByteText.same($0.name, key) }
    }

    /// Every property of a name, in order.
    public func all(_ name: String) -> [ICalendarProperty] {
        let key = ByteText.upperASCII(name)
        return properties.filter { ByteText.same($0.name, key) }
    }

    /// The sub-components of a name, in order.
    public func components(named name: String) -> [ICalendarComponent] {
        let key = ByteText.upperASCII(name)
        return components.filter { ByteText.same($0.name, key) }
    }

    public static func == (lhs: ICalendarComponent, rhs: ICalendarComponent) -> Bool {
        lhs.name == rhs.name && lhs.properties == rhs.properties && lhs.components == rhs.components
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(properties)
        hasher.combine(components)
    }
}
