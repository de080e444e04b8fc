#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TalkplanCLI

// The only place that exits. A closed pipe must end output quietly, not kill talkplan.
signal(SIGPIPE, SIG_IGN)
let console = Console()
let status = TalkplanCLI.run(Array(CommandLine.arguments.dropFirst()), console: console)
console.flush()
exit(status)
