import Foundation
import Testing

/// Runs the real `talkplan` binary and compares its exact stdout, stderr and
/// exit status with a golden file in `Golden/`.
///
/// Each `Golden/NAME.txt` holds a command line (`$ talkplan ...`), optional stdin, and the
/// expected output; commands run from the repository root. Several `$ talkplan` lines may
/// come first: the earlier ones set the stage (they must succeed) and only the last one's
/// output is compared. Each case gets a fresh folder, written `$TMP` in arguments and in
/// output, which also holds its XDG data and config folders (so no case sees the user's
/// library or config file); the repository root is written `$ROOT` in output.
/// Re-record with `TALKPLAN_RECORD=1 swift test --filter GoldenTests`: the
/// files are rewritten and the tests fail, so that a recording is always
/// reviewed (`git diff Tests/TalkplanCLITests/Golden`) before it is trusted.
@Suite("golden CLI runs")
struct GoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var input: String = ""
        /// Commands run before `arguments`, in the same folder.
        var setup: [[String]] = []
        var testDescription: String { name }
    }

    /// Every `Golden/*.txt` is a case: its first line is the command (`$ talkplan ARGS`, shell-style
    /// quoting with single quotes), and an optional `--- stdin` section is fed to the binary.
    /// To add a case, write a file with just those parts and record it.
    static var cases: [Case] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap { file in
            guard let text = try? String(contentsOf: goldenDirectory.appendingPathComponent(file), encoding: .utf8)
            else { return nil }
            return parse(name: String(file.dropLast(4)), text)
        }
    }

    static func parse(name: String, _ text: String) -> Case? {
        // Split on LF bytes: "\r\n" is one Character in Swift, and a CR in stdin must survive.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard let first = lines.first, first.hasPrefix("$ talkplan") else { return nil }
        var arguments = shellWords(String(first.dropFirst("$ talkplan".count)))
        lines.removeFirst()
        var setup: [[String]] = []
        while let next = lines.first, next.hasPrefix("$ talkplan") {
            setup.append(arguments)
            arguments = shellWords(String(next.dropFirst("$ talkplan".count)))
            lines.removeFirst()
        }
        var input = ""
        if lines.first == "--- stdin" {
            lines.removeFirst()
            var body: [String] = []
            while let line = lines.first, !line.hasPrefix("--- stdout") {
                body.append(line)
                lines.removeFirst()
            }
            input = body.joined(separator: "\n") + "\n"
            if body.isEmpty { input = "" }
        }
        return Case(name: name, arguments: arguments, input: input, setup: setup)
    }

    /// Splits a command line on spaces, honouring single quotes.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var hasWord = false
        for character in line {
            if character == "'" {
                quoted.toggle()
                hasWord = true
            } else if character == " " && !quoted {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }

    @Test("golden run", arguments: cases)
    func golden(_ testCase: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("talkplan-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_DATA_HOME": folder.path + "/data", "XDG_CONFIG_HOME": folder.path + "/config",
                           "TALKPLAN_LIBRARY": nil, "TALKPLAN_CONFIG": nil]
        func expand(_ arguments: [String]) -> [String] { arguments.map { $0.replacingOccurrences(of: "$TMP", with: folder.path) } }
        for step in testCase.setup {
            let result = try Self.run(expand(step), input: "", environment: environment)
            try #require(result.status == 0, "setup `talkplan \(step.joined(separator: " "))` failed: \(result.stderr)")
        }
        var result = try Self.run(expand(testCase.arguments), input: testCase.input, environment: environment)
        func tidy(_ text: String) -> String {
            text.replacingOccurrences(of: folder.path, with: "$TMP").replacingOccurrences(of: Self.repositoryRoot.path, with: "$ROOT")
        }
        result = Result(status: result.status, stdout: tidy(result.stdout), stderr: tidy(result.stderr))
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
    /// Commands run from the repository root, so golden files name inputs as `Examples/...`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

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

    static func run(_ arguments: [String], input: String, environment: [String: String?] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = repositoryRoot
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }  // nil removes the variable
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
        var text = ""
        for arguments in testCase.setup + [testCase.arguments] {
            text += "$ talkplan " + arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ") + "\n"
        }
        if !testCase.input.isEmpty {
            text += "--- stdin\n" + testCase.input + (testCase.input.utf8.last == 0x0A ? "" : "\n")
        }
        text += "--- stdout\n" + result.stdout
        text += "--- stderr\n" + result.stderr
        text += "--- status \(result.status)\n"
        return text
    }
}
