/// A value lent for the time of a call: read where it lies, neither copied nor moved. The
/// engine lends a person's state to the rules this way: a copy would count a reference on each
/// of its arrays, at every event a rule is asked about.
package struct Lent<Value> {
    private let address: UnsafePointer<Value>

    package var value: Value { unsafeAddress { address } }

    /// The value at `address`, lent for as long as the caller keeps it there unchanged (an
    /// element of an array read in place).
    package init(_ address: UnsafePointer<Value>) { self.address = address }

    /// The stored property `offset` bytes into the value (``MemoryLayout/offset(of:)``), lent the
    /// same way.
    package func field<Field>(at offset: Int, as type: Field.Type) -> Lent<Field> {
        Lent<Field>((UnsafeRawPointer(address) + offset).assumingMemoryBound(to: Field.self))
    }

    /// Runs `body` with `value` lent: `body` must not keep what it is given.
    package static func lending<R>(_ value: inout Value, _ body: (Lent<Value>) -> R) -> R {
        withUnsafePointer(to: &value) { body(Lent($0)) }
    }

    /// The same, for a value the caller only reads.
    package static func lending<R>(_ value: Value, _ body: (Lent<Value>) -> R) -> R {
        withUnsafePointer(to: value) { body(Lent($0)) }
    }

    /// Calls `body` with each of `elements[range]` lent where it lies, in order: read field by
    /// field, an element is not copied, where handed to a function as a value, even from the
    /// array's buffer, it was (its references counted), the compiler unable to prove that the
    /// function leaves the array alone.
    package static func forEach(in elements: [Value], _ range: Range<Int>, _ body: (Lent<Value>) -> Void) {
        elements.withUnsafeBufferPointer { buffer in
            precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "elements lent out of the array")
            for i in range { body(Lent(buffer.baseAddress! + i)) }
        }
    }
}
