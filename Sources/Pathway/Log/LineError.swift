/// Why a line of the log was rejected: its 1-based number, the field at fault when there is
/// one, and what was expected.
///
/// `description` is the form the report prints:
/// `line 17: "percent": expected an integer from 1 to 100, got 150`.
public struct LineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number in the file.
    public var line: Int
    /// The field at fault (`percent`), or `nil` for a line that is not a JSON object at all.
    public var field: String?
    /// What was expected and what was found.
    public var message: String

    public init(line: Int, field: String?, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// The reason without the line number: `"percent": expected an integer from 1 to 100, got 150`.
    public var reason: String {
        guard let field else { return message }
        return "\"\(field)\": \(message)"
    }

    public var description: String { "line \(line): \(reason)" }
}
