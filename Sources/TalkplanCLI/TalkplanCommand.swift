import ArgumentParser
import TalkplanTime

/// `talkplan`: the root command.
public struct Talkplan: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "talkplan",
        abstract: "Read seminar announcements, resolve their times in every zone, and plan what to attend.",
        discussion: """
            Zone data: IANA tz \(TZDatabase.pinnedVersion), through ICU. Exit codes: 0 success, \
            1 some input could not be used, 64 bad command-line usage.
            """,
        subcommands: [Extract.self, Expand.self, Week.self, Plan.self, Convert.self, Zones.self, Recur.self, Add.self, List.self, Remove.self, Refresh.self, Config.self]
    )

    public init() {}
}

/// A command that runs against a ``Console`` and returns its exit status.
protocol ConsoleCommand: ParsableCommand {
    func run(console: Console) throws -> Int32
}

/// A failure to report to the user with exit status 1 ("some input could not be used").
struct InputFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Entry point used by the `talkplan` executable and by in-process tests.
public enum TalkplanCLI {
    /// Runs talkplan with command-line arguments (without the program name) and returns the exit status.
    ///
    /// ```swift
    /// let status = TalkplanCLI.run(["zones", "version"], console: Console())
    /// ```
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        let arguments = hoistGlobalOptions(arguments)
        do {
            var command = try Talkplan.parseAsRoot(arguments)
            if let command = command as? any ConsoleCommand {
                let status = try command.run(console: console)
                console.flush()
                return status
            }
            try command.run()
            return 0
        } catch let failure as InputFailure {
            console.diagnose(failure.description)
            console.flush()
            return 1
        } catch let error as TimeError {
            console.diagnose(error.message)
            console.flush()
            return 1
        } catch {
            let code = Talkplan.exitCode(for: error)
            let message = Talkplan.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { console.print(message) }
            } else if !message.isEmpty {
                console.printError(message + "\n")
            }
            console.flush()
            return code.rawValue
        }
    }

    /// Moves global options written before the subcommand (`talkplan --tz America/Chicago week`)
    /// after it, where the subcommand's own parser reads them.
    static func hoistGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if ["--tz", "--library", "--config"].contains(argument), index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if ["--tz=", "--library=", "--config="].contains(where: { argument.hasPrefix($0) }) {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        var rest = Array(arguments[index...])
        if let terminator = rest.firstIndex(of: "--") {
            rest.insert(contentsOf: leading, at: terminator)
        } else {
            rest += leading
        }
        return rest
    }
}
