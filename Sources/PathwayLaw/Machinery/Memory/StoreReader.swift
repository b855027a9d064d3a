/// Bytes kept in a ``FragmentStore`` read back in order, a block at a time: the records of
/// `pathway replay --sorted` (each person's pieces, the runs of the sort beyond memory). Numbers
/// are little-endian, as `appendLittleEndian(_:bytes:)` writes them.
package final class StoreReader {
    private let store: FragmentStore
    private let end: Int
    private let window: Int
    private var block: [UInt8] = []
    private var blockStart = 0
    /// Where the next bytes are read.
    package private(set) var offset: Int

    /// Reads `range` of `store`, `window` bytes at a time (a long run: a large window; records
    /// read here and there: a small one).
    package init(_ store: FragmentStore, range: Range<Int>, window: Int = 1 << 16) {
        self.store = store
        end = range.upperBound
        offset = range.lowerBound
        blockStart = range.lowerBound
        self.window = max(1, window)
    }

    /// Reads on from `offset` (within the range).
    package func seek(to offset: Int) {
        self.offset = offset
    }

    /// The next `count` bytes, or nil past the end of the range.
    package func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, offset + count <= end else { return nil }
        if offset < blockStart || offset + count > blockStart + block.count {
            blockStart = offset
            block = store.read(offset..<min(end, offset + max(count, window)))
        }
        let at = offset - blockStart
        offset += count
        return block[(block.startIndex + at)..<(block.startIndex + at + count)]
    }

    /// The next number of `bytes` bytes, or nil past the end.
    package func number(bytes: Int) -> Int? {
        take(bytes).map { $0.littleEndian() }
    }
}

extension Array where Element == UInt8 {
    /// Appends the `bytes` low bytes of `value`, least significant first.
    package mutating func appendLittleEndian(_ value: Int, bytes: Int) {
        for k in 0..<bytes { append(UInt8(truncatingIfNeeded: value >> (8 * k))) }
    }
}

extension Collection where Element == UInt8 {
    /// The number these bytes write, least significant first.
    package func littleEndian() -> Int {
        reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
