/// The exit statuses of `Docs/report.md`.
enum ExitStatus: Int32 {
    /// No violation found.
    case success = 0
    /// At least one finding of severity `violation`.
    case violations = 1
    /// Usage error or unreadable input.
    case usage = 2
    /// Rejected lines under `--strict`.
    case rejectedLines = 3
}

/// A usage error: what was wrong, said to the user, with a hint; exits 2.
struct UsageError: Error, Equatable {
    var message: String
    /// The command whose usage to recall (`replay`), or `nil` for the top level.
    var command: String?
}

/// An input that cannot be read (missing file, directory, permission): exits 2.
struct InputError: Error, Equatable {
    var message: String
}
