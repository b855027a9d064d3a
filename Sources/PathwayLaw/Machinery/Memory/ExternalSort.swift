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
    private var pending: [(key: [UInt8], value: Int)] = []
    private var runs: [Range<Int>] = []

    /// `run`: records already in `store`, sorted, taken as the first run.
    package init(store: FragmentStore, runLength: Int = 65_536, run: Range<Int>? = nil) {
        self.store = store
        self.runLength = max(1, runLength)
        if let run, !run.isEmpty { runs.append(run) }
    }

    /// The bytes of one record of a run.
    package static func record(_ key: some Collection<UInt8>, _ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12 + key.count)
        bytes.appendLittleEndian(key.count, bytes: 4)
        bytes.append(contentsOf: key)
        bytes.appendLittleEndian(value, bytes: 8)
        return bytes
    }

    package mutating func add(_ key: some Collection<UInt8>, _ value: Int) {
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

    private static func sortedIndices(_ records: [(key: [UInt8], value: Int)]) -> [Int] {
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
        return Merged(runs: runs.map { StoreReader(store, range: $0) })
    }

    /// The merge of the runs (or the records kept in memory).
    package final class Merged {
        private var cursors: [StoreReader]
        private var heads: [(key: ArraySlice<UInt8>, value: Int)?]
        private var memory: [(key: [UInt8], value: Int)]
        private var position = 0

        fileprivate init(runs: [StoreReader]) {
            cursors = runs
            heads = runs.map(Merged.record)
            memory = []
        }

        fileprivate init(memory: [(key: [UInt8], value: Int)]) {
            cursors = []
            heads = []
            self.memory = memory
        }

        /// The next record in key order, or nil at the end. Of equal keys, the earlier run's
        /// first (the runs are in the order their records were added).
        package func next() -> (key: ArraySlice<UInt8>, value: Int)? {
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
            heads[best] = Merged.record(cursors[best])
            return head
        }

        /// The next record of a run, or nil at its end.
        private static func record(_ run: StoreReader) -> (key: ArraySlice<UInt8>, value: Int)? {
            guard let length = run.number(bytes: 4), let key = run.take(length), let value = run.number(bytes: 8) else { return nil }
            return (key, value)
        }
    }
}
