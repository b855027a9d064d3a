import PathwayMachinery
extension JSONValue {
    /// The JSON text of this value: members in their order, two-space indentation (or one
    /// line with `pretty: false`), non-ASCII characters written as UTF-8. Deterministic.
    public func serialized(pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    // MARK: Building

    /// A date, or `null`.
    package static func date(_ date: CivilDate?) -> JSONValue { date.map { .string($0.description) } ?? .null }
    /// An integer.
    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    /// Euros with two decimals, or `null`.
    package static func euros(_ cents: Cents?) -> JSONValue { cents.map { .number($0.description) } ?? .null }
    /// A decimal already formatted, or `null`.
    package static func decimal(_ text: String?) -> JSONValue { text.map { .number($0) } ?? .null }
}
