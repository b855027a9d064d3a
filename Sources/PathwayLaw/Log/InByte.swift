/// A small number kept in one byte (larger values are clamped to 255): a kind's fields lie in
/// every event of the log's array, whose size is its largest kind's (`Event`), and the log's
/// numbers (a household's size, a sanction's share and months) fit in a byte.
@propertyWrapper
public struct InByte: Sendable, Hashable {
    private var byte: UInt8

    public init(wrappedValue: Int) { byte = UInt8(clamping: wrappedValue) }

    public var wrappedValue: Int {
        get { Int(byte) }
        set { byte = UInt8(clamping: newValue) }
    }
}

/// The same for a number that may be absent: 0 stands for none (the numbers kept so are 1 or
/// more, as the schema requires).
@propertyWrapper
public struct OptionalInByte: Sendable, Hashable {
    private var byte: UInt8

    public init(wrappedValue: Int?) { byte = wrappedValue.map { UInt8(clamping: $0) } ?? 0 }

    public var wrappedValue: Int? {
        get { byte == 0 ? nil : Int(byte) }
        set { byte = newValue.map { UInt8(clamping: $0) } ?? 0 }
    }
}
