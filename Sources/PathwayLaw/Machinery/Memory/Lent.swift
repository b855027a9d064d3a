/// A value lent for the time of a call: read where it lies, neither copied nor moved. The
/// engine lends a person's state to the rules this way: a copy would count a reference on each
/// of its arrays, at every event a rule is asked about.
package struct Lent<Value> {
    private let address: UnsafePointer<Value>

    package var value: Value { unsafeAddress { address } }

    /// Runs `body` with `value` lent: `body` must not keep what it is given.
    package static func lending<R>(_ value: inout Value, _ body: (Lent<Value>) -> R) -> R {
        withUnsafePointer(to: &value) { body(Lent(address: $0)) }
    }
}
