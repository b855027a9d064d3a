import PathwayMachinery
// The reader's side of ``SourceTally``: a line's `source` counted from its bytes, with no
// `String` built once the source has been met.

extension SourceTally {
    /// Counts an event naming the source whose UTF-8 is `name`.
    package mutating func add(_ name: UnsafeBufferPointer<UInt8>) {
        for k in utf8.indices where utf8[k].elementsEqual(name) {
            increment(k)
            return
        }
        append(Array(name), name: String(decoding: name, as: UTF8.self), count: 1)
    }
}
