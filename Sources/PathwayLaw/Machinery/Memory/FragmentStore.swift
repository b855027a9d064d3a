import PathwayMachinery
/// Where bytes wait until they are written in their order: the rendered pieces of a report
/// replayed person by person (`pathway replay --sorted`), the sorted runs of an import (a
/// temporary file in the CLI; the library does no file I/O).
public protocol FragmentStore: AnyObject {
    /// Keeps `bytes`; returns where they are kept.
    func append(_ bytes: [UInt8]) -> Range<Int>
    /// The bytes kept at `range`.
    func read(_ range: Range<Int>) -> [UInt8]
}

/// A ``FragmentStore`` in memory (tests, small logs).
public final class MemoryFragmentStore: FragmentStore {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func append(_ bytes: [UInt8]) -> Range<Int> {
        let start = self.bytes.count
        self.bytes.append(contentsOf: bytes)
        return start..<self.bytes.count
    }

    public func read(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }
}

