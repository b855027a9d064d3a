/// An open-addressing table from strings to small integers, hashed over their UTF-8 bytes a
/// word at a time (`hash(_:)`): the hot path's replacement for `Dictionary<String, …>` (no
/// per-lookup SipHash seeding). The caller keeps the strings; the table keeps half of each hash
/// and an index and asks the caller to confirm a match, so a collision is never a false hit.
package struct StringTable {
    /// One word per slot: the upper 32 bits of the key's hash, which also choose its slot, then
    /// its value + 1 (0 marks an empty slot). A probe reads one word, so a lookup in a table too
    /// large for the cache misses it once, not once for the hash and again for the value.
    package var slots: [UInt64]
    package var mask: Int
    package private(set) var count = 0

    package init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// The bytes' hash, eight bytes at a time, the last word read where it ends (overlapping the
    /// one before: no byte read one by one), their count mixed in first, then mixed so that
    /// every byte moves every bit (the table takes its slot from the upper bits, a partition
    /// from the lower ones, for keys that differ in their last byte only, such as `P0001734`
    /// and `P0001735`); never 0. Byte by byte (FNV-1a) it took 66 instructions for a person's
    /// eight bytes, a million times at 10^6 events, and 190 for an id of 44; with the bytes after
    /// the last full word read one by one, 50 for an id of 7 (`p1290-8`).
    package static func hash(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { hash($0) }
    }

    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = bytes.count
        var h = 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: n &+ 1)
        guard let base = bytes.baseAddress, n > 0 else { return finish(h) }
        let raw = UnsafeRawPointer(base)
        // Byte i of the key is byte i of the word on any machine.
        @inline(__always) func word(_ i: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) }
        @inline(__always) func half(_ i: Int) -> UInt64 { UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))) }
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                mix(word(i))
                i &+= 8
            }
            mix(word(n &- 8))
        } else if n >= 4 {
            // The first four bytes and the last four (overlapping when fewer than eight).
            mix(half(0) | half(n &- 4) << 32)
        } else {
            // One to three bytes: the first, the middle one and the last.
            mix(UInt64(base[0]) | UInt64(base[n >> 1]) << 8 | UInt64(base[n &- 1]) << 16)
        }
        return finish(h)
    }

    @inline(__always) private static func finish(_ h: UInt64) -> UInt64 {
        let mixed = LineHasher.mix(h)
        return mixed == 0 ? 1 : mixed
    }

    @inline(__always) private static func fingerprint(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// The value stored for the key of `hash` for which `isKey` holds, or `nil`. `isKey` is
    /// asked only of keys whose hash shares its upper 32 bits.
    package func find(hash: UInt64, isKey: (Int32) -> Bool) -> Int32? {
        let print = StringTable.fingerprint(hash)
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == print {
                let value = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if isKey(value) { return value }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` (0 ..< Int32.max) for a key known to be absent.
    package mutating func insert(hash: UInt64, value: Int32) {
        precondition(value >= 0 && value < Int32.max)
        if (count + 1) * 2 > slots.count { grow() }
        place(StringTable.fingerprint(hash) | UInt64(value + 1))
        count += 1
    }

    package mutating func place(_ entry: UInt64) {
        var slot = Int(truncatingIfNeeded: entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    /// Doubles the table: each entry's slot is found again from the hash bits it keeps.
    package mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 { place(entry) }
    }
}

extension StringTable {
    /// For each key, given by its hash, the index of the first key equal to it (its own index
    /// when it comes first), found on up to `jobs` threads. `isEqual(i, j)` compares keys `i`
    /// and `j`.
    ///
    /// The keys are first sorted into partitions by the low bits of their hash (a counting
    /// sort that keeps their order), then each partition is looked up in a table of its own
    /// size, small enough to stay in the cache: one table for a million keys would miss the
    /// cache on nearly every key. A partition has about `partitionSize` keys.
    package static func firstOccurrences(of hashes: [UInt64], jobs: Int, partitionSize: Int = 2048,
                                 isEqual: (Int, Int) -> Bool) -> [Int32] {
        var first = (0..<Int32(hashes.count)).map { $0 }
        for (later, earlier) in repeats(of: hashes, jobs: jobs, partitionSize: partitionSize,
                                        isEqual: isEqual) {
            first[Int(later)] = earlier
        }
        return first
    }

    /// The keys that are not the first of their kind, each with the index of the first key
    /// equal to it, in increasing order of the later key (as ``firstOccurrences(of:jobs:partitionSize:isEqual:)``,
    /// without an element for every key: most logs repeat no id).
    package static func repeats(of hashes: [UInt64], jobs: Int, partitionSize: Int = 2048,
                        isEqual: (Int, Int) -> Bool) -> [(later: Int32, first: Int32)] {
        let count = hashes.count
        var partitions = 1
        while partitions < 4096, partitions * max(1, partitionSize) < count { partitions <<= 1 }
        let mask = UInt64(partitions - 1)
        // The keys sorted by partition, in file order within each; each hash goes with its
        // index, so that a partition reads its keys in a row. The partition is chosen by the
        // hash's low bits, a key's slot in its table by its high bits: only those are kept (8
        // bytes a key, not 16).
        /// A key's partition, and its hash's high bits with its index.
        struct Partitions: CountingSortKeys {
            let hashes: UnsafeBufferPointer<UInt64>
            let mask: UInt64
            func bucket(_ i: Int) -> Int { Int(truncatingIfNeeded: hashes[i] & mask) }
            func element(_ i: Int) -> (high: UInt32, index: Int32) {
                (high: UInt32(truncatingIfNeeded: hashes[i] >> 32), index: Int32(truncatingIfNeeded: i))
            }
        }
        let (start, order) = hashes.withUnsafeBufferPointer { hashes in
            Parallel.countingSort(count: count, buckets: partitions, jobs: jobs, keys: Partitions(hashes: hashes, mask: mask))
        }
        // Each partition's later keys with their first, the partitions on all threads, a few
        // at a time each (`jobs * 8` groups of partitions in a row), in one table a group: a
        // slot holds a key's high bits and its index + 1 (0: empty), a key is looked up and,
        // when new, put where the probe stopped (a lookup then an insertion probed twice, and
        // a table made and zeroed for each partition cost 76 instructions a key at 10^6 keys).
        let groups = min(partitions, max(1, jobs) * 8)
        let repeats = Parallel.map(count: groups, jobs: jobs) { g -> [(later: Int32, first: Int32)] in
            var found: [(later: Int32, first: Int32)] = []
            var slots: [UInt64] = []
            for p in (partitions * g / groups)..<(partitions * (g + 1) / groups) {
                let keys = start[p + 1] - start[p]
                // At most half full: every key of the partition fits, the same or not.
                var size = 16
                while size < 2 * (keys + 16) { size <<= 1 }
                // The table zeroed where this partition uses it, and grown when it needs more.
                if slots.count < size { slots = [UInt64](repeating: 0, count: size) } else {
                    slots.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[..<size]).update(repeating: 0) }
                }
                let mask = size - 1
                slots.withUnsafeMutableBufferPointer { slots in
                    for k in start[p]..<start[p + 1] {
                        let (high, key) = order[k]
                        var slot = Int(truncatingIfNeeded: high) & mask
                        while true {
                            let entry = slots[slot]
                            if entry == 0 {
                                slots[slot] = UInt64(high) << 32 | UInt64(UInt32(key) + 1)
                                break
                            }
                            if UInt32(truncatingIfNeeded: entry >> 32) == high {
                                let earlier = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                                if isEqual(Int(earlier), Int(key)) {
                                    found.append((key, earlier))
                                    break
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
            return found
        }
        return repeats.joined().sorted { $0.later < $1.later }
    }
}
