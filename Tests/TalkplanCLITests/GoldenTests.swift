import Foundation
import Testing

/// Runs the real `talkplan` binary and compares its exact stdout, stderr and
/// exit status with a golden file in `Golden/`.
///
/// Re-record with `TALKPLAN_RECORD=1 swift test --filter GoldenTests`: the
/// files are rewritten and the tests fail, so that a recording is always
/// reviewed (`git diff Tests/TalkplanCLITests/Golden`) before it is trusted.
@Suite("golden CLI runs")
struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var input: String = ""
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "zones-resolve-contract",
             arguments: ["zones", "resolve", "CT", "Lausanne", "Romance Standard Time", "US/Central", "Jérusalem"]),
        Case(name: "zones-resolve-unknown", arguments: ["zones", "resolve", "Mars/Olympus", "Europe/Paris"]),
        Case(name: "zones-version", arguments: ["zones", "version"]),
        Case(name: "convert-to-chicago", arguments: ["convert", "--to", "America/Chicago"],
             input: """
                2024-03-10T07:59:59Z
                2024-03-10T08:00:00Z
                1710057600
                2024-03-10T09:00:00+01:00
                2024-11-03T06:30:00.250Z

                not a time
                2024-02-30T00:00:00Z
                -86400
                """),
        Case(name: "convert-from-chicago-reject", arguments: ["convert", "--from", "America/Chicago", "--disambiguation", "reject"],
             input: "2024-03-10T01:59:59\n2024-03-10T02:30:00\n2024-11-03T01:30:00\n2024-11-03T02:00:00\n2024-07-01T12:00\n"),
        Case(name: "convert-from-santiago-earlier", arguments: ["convert", "--from", "America/Santiago", "--disambiguation", "earlier"],
             input: "2024-09-08T00:30:00\n2024-04-06T23:30:00\r\n"),
        Case(name: "convert-unknown-zone", arguments: ["convert", "--to", "Mars/Olympus"], input: "2024-01-01T00:00:00Z\n"),
        Case(name: "convert-no-direction", arguments: ["convert"]),
        Case(name: "convert-both-directions", arguments: ["convert", "--to", "UTC", "--from", "UTC"]),
        Case(name: "convert-bad-disambiguation", arguments: ["convert", "--from", "UTC", "--disambiguation", "sometimes"]),
    ]

    @Test("golden run", arguments: cases)
    func golden(_ testCase: Case) throws {
        let result = try Self.run(testCase.arguments, input: testCase.input)
        let actual = Self.render(testCase, result)
        let url = Self.goldenDirectory.appendingPathComponent("\(testCase.name).txt")
        if ProcessInfo.processInfo.environment["TALKPLAN_RECORD"] != nil {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); review it and run again without TALKPLAN_RECORD")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output of `talkplan \(testCase.arguments.joined(separator: " "))` changed")
    }

    // MARK: - Running the binary

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The `talkplan` executable built next to this test bundle.
    static var executable: URL {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = me.deletingLastPathComponent()
        // Inside a .xctest bundle on some platforms; walk up until the binary is found.
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("talkplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return me.deletingLastPathComponent().appendingPathComponent("talkplan")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], input: String, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errorBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errorData = errorBox.data
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status,
                      stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self))
    }

    static func render(_ testCase: Case, _ result: Result) -> String {
        var text = "$ talkplan " + testCase.arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ") + "\n"
        if !testCase.input.isEmpty {
            text += "--- stdin\n" + testCase.input + (testCase.input.utf8.last == 0x0A ? "" : "\n")
        }
        text += "--- stdout\n" + result.stdout
        text += "--- stderr\n" + result.stderr
        text += "--- status \(result.status)\n"
        return text
    }
}
