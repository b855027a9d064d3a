import PathwayMachinery
/// Records (a key's bytes and a number) sorted by their keys' bytes beyond memory: gathered in runs
/// of `runLength`, each sorted in memory and written to a ``FragmentStore``, then merged as they are
/// read back (`pathway replay --sorted` on a log grouped by person but not sorted: the people met,
/// and where their reports lie, for as many people as the log holds). Records of equal keys come
/// out in the order they were added.
///
/// A run is its records one after the other, each the key's length (4 bytes, little-endian), the
/// key, and the number (8 bytes, little-endian): ``record(_:_:)``.
package struct ExternalSort {
    private let store: FragmentStore
    private let runLength: Int
    private var pending: [(key: [UInt8], value: UInt64)] = []
    private var runs: [Range<Int>] = []

    /// `run`: records already in `store`, sorted, taken as the first run.
    package init(store: FragmentStore, runLength: Int = 65_536, run: Range<Int>? = nil) {
        self.store = store
        self.runLength = max(1, runLength)
        if let run, !run.isEmpty { runs.append(run) }
    }

    /// The bytes of one record of a run.
    package static func record(_ key: some Collection<UInt8>, _ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 + key.count)
        let n = UInt32(key.count)
        bytes.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24)])
        bytes.append(contentsOf: key)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(value >> UInt64(shift) & 0xFF)) }
        return bytes
    }

    package mutating func add(_ key: some Collection<UInt8>, _ value: UInt64) {
        pending.append((Array(key), value))
        if pending.count >= runLength { writeRun() }
    }

    /// The pending records sorted (a stable sort: equal keys keep their order) and written as a run.
    private mutating func writeRun() {
        guard !pending.isEmpty else { return }
        let sorted = ExternalSort.sortedIndices(pending)
        var bytes: [UInt8] = []
        for i in sorted { bytes += ExternalSort.record(pending[i].key, pending[i].value) }
        runs.append(store.append(bytes))
        pending.removeAll(keepingCapacity: true)
    }

    private static func sortedIndices(_ records: [(key: [UInt8], value: UInt64)]) -> [Int] {
        records.indices.sorted { a, b in
            let c = compare(records[a].key[...], records[b].key[...])
            return c != 0 ? c < 0 : a < b
        }
    }

    /// -1, 0 or 1 as `a`'s bytes come before, equal or after `b`'s.
    package static func compare(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// The records in key order, read back one at a time (`merged.next()`). The sort is done:
    /// nothing may be added after.
    package mutating func merged() -> Merged {
        if runs.isEmpty {
            // All in memory: no run written.
            let sorted = ExternalSort.sortedIndices(pending)
            return Merged(memory: sorted.map { pending[$0] })
        }
        writeRun()
        return Merged(runs: runs.map { Cursor(store: store, range: $0) })
    }

    /// The merge of the runs (or the records kept in memory).
    package final class Merged {
        private var cursors: [Cursor]
        private var heads: [(key: ArraySlice<UInt8>, value: UInt64)?]
        private var memory: [(key: [UInt8], value: UInt64)]
        private var position = 0

        fileprivate init(runs: [Cursor]) {
            cursors = runs
            heads = runs.map { $0.next() }
            memory = []
        }

        fileprivate init(memory: [(key: [UInt8], value: UInt64)]) {
            cursors = []
            heads = []
            self.memory = memory
        }

        /// The next record in key order, or nil at the end. Of equal keys, the earlier run's
        /// first (the runs are in the order their records were added).
        package func next() -> (key: ArraySlice<UInt8>, value: UInt64)? {
            if cursors.isEmpty {
                guard position < memory.count else { return nil }
                defer { position += 1 }
                return (memory[position].key[...], memory[position].value)
            }
            var best: Int?
            for k in heads.indices {
                guard let head = heads[k] else { continue }
                if let b = best, let current = heads[b], ExternalSort.compare(head.key, current.key) >= 0 { continue }
                best = k
            }
            guard let best, let head = heads[best] else { return nil }
            heads[best] = cursors[best].next()
            return head
        }
    }

    /// One run read back a block at a time.
    fileprivate final class Cursor {
        private let store: FragmentStore
        private let end: Int
        private var offset: Int
        private var block: [UInt8] = []
        private var blockStart = 0

        init(store: FragmentStore, range: Range<Int>) {
            self.store = store
            end = range.upperBound
            offset = range.lowerBound
            blockStart = range.lowerBound
        }

        func next() -> (key: ArraySlice<UInt8>, value: UInt64)? {
            guard offset + 4 <= end else { return nil }
            ensure(4)
            var at = offset - blockStart
            let length = Int(block[at]) | Int(block[at + 1]) << 8 | Int(block[at + 2]) << 16 | Int(block[at + 3]) << 24
            guard offset + 12 + length <= end else { return nil }
            ensure(12 + length)
            at = offset - blockStart
            let key = block[(at + 4)..<(at + 4 + length)]
            var value: UInt64 = 0
            for k in (0..<8).reversed() { value = value << 8 | UInt64(block[at + 4 + length + k]) }
            offset += 12 + length
            return (key, value)
        }

        private func ensure(_ count: Int) {
            guard offset + count > blockStart + block.count else { return }
            blockStart = offset
            block = store.read(offset..<min(end, offset + max(count, 1 << 16)))
        }
    }
}
