// The `pathway` command: arguments, files, formats and exit statuses. The rules live in the
// `Pathway` library, which does no I/O.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let status = Tool.run(Array(CommandLine.arguments.dropFirst()), console: StandardConsole())
exit(status.rawValue)
