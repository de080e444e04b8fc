/// Builds the component tree from content lines, iteratively (no recursion), recovering
/// from missing and stray END lines.
///
/// ```swift
/// let parsed = ICalendarParser.parse(Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8),
///                                    file: "talk.ics")
/// parsed.components[0].components[0].first("SUMMARY")?.text   // "Talk"
/// parsed.diagnostics                                          // []
/// ```
public enum ICalendarParser {
    /// The top-level components of an input (normally one VCALENDAR) and every problem found.
    ///
    /// Recovery rules:
    /// - a BEGIN of a component that cannot nest where it appears (`BEGIN:VEVENT` inside a
    ///   VEVENT) first closes the open components that cannot hold it, each reported as
    ///   missing its END; their content is kept;
    /// - an END that matches an outer component closes the inner ones the same way;
    /// - an END that matches nothing open is reported and ignored;
    /// - components left open at the end of the input are reported and kept;
    /// - components nested deeper than ``ICalendarLimits/maximumDepth`` are reported and skipped;
    /// - past ``ICalendarLimits/maximumComponents`` components or
    ///   ``ICalendarLimits/maximumContentLines`` content lines, the rest is reported and skipped.
    public static func parse(_ bytes: [UInt8], file: String) -> (components: [ICalendarComponent], diagnostics: [ICalendarDiagnostic]) {
        var log = DiagnosticLog()
        let parsed = parse(bytes, file: file, log: &log)
        return (parsed.components, log.finished(end: parsed.end))
    }

    static func parse(_ bytes: [UInt8], file: String, log: inout DiagnosticLog)
        -> (components: [ICalendarComponent], end: ICalendarSourceLocation) {
        bytes.withUnsafeBufferPointer { parse($0, file: file, log: &log) }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, log: inout DiagnosticLog)
        -> (components: [ICalendarComponent], end: ICalendarSourceLocation) {
        var scanner = ContentLineScanner(bytes)
        let parser = ContentLineParser(input: bytes, fileID: SourceFiles.shared.id(of: file))
        var roots: [ICalendarComponent] = []
        var stack: [ICalendarComponent] = []
        var skipped = 0
        var strayReported = false

        // The open components' properties, gathered apart and moved into each component, at its
        // exact size, when it closes.
        let pending = PendingProperties()
        func close(reportAt location: ICalendarSourceLocation?, suffix: String = "") {
            var component = stack.removeLast()
            component.properties = pending.take(depth: stack.count)
            if let location {
                let line = component.location?.line ?? 0
                log.error(location, "missing END:\(component.name) for BEGIN:\(component.name) at line \(line)\(suffix)")
            }
            if stack.isEmpty { roots.append(component) } else { stack[stack.count - 1].components.append(component) }
        }

        var components = 0
        var contentLines = 0
        while let line = scanner.next() {
            contentLines += 1
            if contentLines > ICalendarLimits.maximumContentLines {
                log.error(ICalendarSourceLocation(file: file, line: line.firstLine),
                          "more than \(ICalendarLimits.maximumContentLines) content lines; the rest of the input is skipped")
                break
            }
            guard let property = parser.parse(line, log: &log) else { continue }
            let location = property.location ?? ICalendarSourceLocation(file: file, line: line.firstLine)
            if property.name == "BEGIN" {
                components += 1
                if components > ICalendarLimits.maximumComponents {
                    log.error(location, "more than \(ICalendarLimits.maximumComponents) components; the rest of the input is skipped")
                    break
                }
            }
            switch property.name {
            case "BEGIN", "END":
                let name = ByteText.upperASCII(property.value.trimmingICalendarWhitespace())
                guard !name.isEmpty, name.utf8.allSatisfy(ContentLineParser.isNameByte) else {
                    log.error(property.valueLocation ?? location, "\(property.name) needs a component name, got \(quoted(property.value)); ignored")
                    continue
                }
                if property.name == "BEGIN" {
                    if skipped > 0 {
                        skipped += 1
                        continue
                    }
                    if Nesting.isKnown(name) {
                        while let top = stack.last, !Nesting.canContain(top.name, name),
                              top.name == name || Nesting.canContain(nil, name)
                                || stack.contains(where: { Nesting.canContain($0.name, name) }) {
                            close(reportAt: location)
                        }
                    }
                    if stack.count >= ICalendarLimits.maximumDepth {
                        log.error(location, "BEGIN:\(name) is nested deeper than \(ICalendarLimits.maximumDepth) components; skipped with its content")
                        skipped = 1
                        continue
                    }
                    if stack.isEmpty, name != "VCALENDAR" {
                        log.warning(location, "BEGIN:\(name) outside any VCALENDAR; read as if inside one")
                    }
                    stack.append(ICalendarComponent(upperCaseName: name, location: location))
                } else {
                    if skipped > 0 {
                        skipped -= 1
                        continue
                    }
                    guard let index = stack.lastIndex(where: { $0.name == name }) else {
                        log.error(location, "END:\(name) without BEGIN:\(name); ignored")
                        continue
                    }
                    while stack.count - 1 > index { close(reportAt: location) }
                    close(reportAt: nil)
                }
            default:
                if skipped > 0 { continue }
                guard !stack.isEmpty else {
                    if !strayReported {
                        log.error(location, "\(property.name) outside any component; ignored")
                        strayReported = true
                    }
                    continue
                }
                strayReported = false
                pending.append(property, depth: stack.count - 1)
            }
        }
        let end = scanner.endLocation(file: file)
        while !stack.isEmpty { close(reportAt: end, suffix: " (the input ends first)") }
        return (roots, end)
    }
}

/// Which standard components may contain which (RFC 5545, RFC 7953, RFC 9073).
/// Unknown and `X-` components may appear anywhere.
enum Nesting {
    private static let parents: [String: Set<String>] = [
        "VCALENDAR": [],
        "VEVENT": ["VCALENDAR"], "VTODO": ["VCALENDAR"], "VJOURNAL": ["VCALENDAR"],
        "VFREEBUSY": ["VCALENDAR"], "VTIMEZONE": ["VCALENDAR"], "VAVAILABILITY": ["VCALENDAR"],
        "STANDARD": ["VTIMEZONE"], "DAYLIGHT": ["VTIMEZONE"],
        "VALARM": ["VEVENT", "VTODO"],
        "AVAILABLE": ["VAVAILABILITY"],
        "PARTICIPANT": ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY"],
        "VLOCATION": ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "PARTICIPANT"],
        "VRESOURCE": ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY"],
    ]

    static func isKnown(_ name: String) -> Bool { parents[name] != nil }

    /// Whether `parent` (`nil` for the top level) may hold `child`; unknown names may be anywhere.
    static func canContain(_ parent: String?, _ child: String) -> Bool {
        guard let allowed = parents[child] else { return true }
        guard let parent else { return allowed.isEmpty }
        return allowed.contains(parent)
    }
}

/// Properties of the components still open, one buffer per nesting depth, reused from
/// component to component.
///
/// A component's properties are moved in as they are read and moved out, into an array of
/// exactly their number, when it closes: one allocation per component instead of an array
/// regrown as it fills, and no reference counting for the moves. Buffers grow to the largest
/// component read at each depth, so memory stays bounded by the input.
final class PendingProperties {
    private var buffers: [(storage: UnsafeMutablePointer<ICalendarProperty>, capacity: Int, count: Int)] = []

    func append(_ property: consuming ICalendarProperty, depth: Int) {
        while buffers.count <= depth { buffers.append((.allocate(capacity: 16), 16, 0)) }
        var buffer = buffers[depth]
        if buffer.count == buffer.capacity {
            let grown = UnsafeMutablePointer<ICalendarProperty>.allocate(capacity: buffer.capacity * 2)
            grown.moveInitialize(from: buffer.storage, count: buffer.count)
            buffer.storage.deallocate()
            buffer.storage = grown
            buffer.capacity *= 2
        }
        (buffer.storage + buffer.count).initialize(to: property)
        buffer.count += 1
        buffers[depth] = buffer
    }

    /// The properties gathered at a depth, moved out; the buffer is left empty.
    func take(depth: Int) -> [ICalendarProperty] {
        guard depth < buffers.count, buffers[depth].count > 0 else { return [] }
        let buffer = buffers[depth]
        buffers[depth].count = 0
        return Array(unsafeUninitializedCapacity: buffer.count) { output, initialized in
            output.baseAddress!.moveInitialize(from: buffer.storage, count: buffer.count)
            initialized = buffer.count
        }
    }

    deinit {
        for buffer in buffers {
            buffer.storage.deinitialize(count: buffer.count)
            buffer.storage.deallocate()
        }
    }
}
