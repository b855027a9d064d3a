/// An open-addressing table from strings to small integers, hashed with FNV-1a over their
/// UTF-8 bytes: the hot path's replacement for `Dictionary<String, …>` (no per-lookup
/// SipHash seeding). The caller keeps the strings; the table keeps half of each hash and an index
/// and asks the caller to confirm a match, so a collision is never a false hit.
struct StringTable {
    /// One word per slot: the upper 32 bits of the key's hash, which also choose its slot, then
    /// its value + 1 (0 marks an empty slot). A probe reads one word, so a lookup in a table too
    /// large for the cache misses it once, not once for the hash and again for the value.
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// FNV-1a, 64 bits, then mixed so that every byte moves every bit (the table takes its
    /// slot from the upper bits, which FNV alone barely changes for keys differing in their
    /// last byte, such as `P0001734` and `P0001735`); never 0.
    static func hash(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        h = LineHasher.mix(h)
        return h == 0 ? 1 : h
    }

    @inline(__always) private static func fingerprint(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// The value stored for the key of `hash` for which `isKey` holds, or `nil`. `isKey` is
    /// asked only of keys whose hash shares its upper 32 bits.
    func find(hash: UInt64, isKey: (Int32) -> Bool) -> Int32? {
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

    /// The first slot a key of `hash` would be looked up in, read and returned (its value does not
    /// matter): reading the slots of several keys in a row, before looking them up, lets their
    /// cache misses overlap (see ``firstOccurrences(of:distinct:jobs:isEqual:)``).
    @inline(__always) func touch(hash: UInt64) -> UInt64 {
        slots[Int(truncatingIfNeeded: hash >> 32) & mask]
    }

    /// Stores `value` (0 ..< Int32.max) for a key known to be absent.
    mutating func insert(hash: UInt64, value: Int32) {
        precondition(value >= 0 && value < Int32.max)
        if (count + 1) * 2 > slots.count { grow() }
        place(StringTable.fingerprint(hash) | UInt64(value + 1))
        count += 1
    }

    private mutating func place(_ entry: UInt64) {
        var slot = Int(truncatingIfNeeded: entry >> 32) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    /// Doubles the table: each entry's slot is found again from the hash bits it keeps.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 { place(entry) }
    }
}

extension StringTable {
    /// For each key, given by its hash, the index of the first key equal to it (its own index
    /// when it comes first), found on up to `jobs` threads: each thread takes the keys of one
    /// hash share, in order. `isEqual(i, j)` compares keys `i` and `j`; `distinct` is the
    /// expected number of different keys (to size the tables).
    static func firstOccurrences(of hashes: [UInt64], distinct: Int, jobs: Int,
                                 isEqual: (Int, Int) -> Bool) -> [Int32] {
        let count = hashes.count
        let shards = max(1, min(jobs, 64))
        // Each thread lists the later keys of its share with their first (threads writing to
        // one shared array, at scattered indices, would fight over its cache lines).
        let repeats = Parallel.map(count: shards, jobs: shards) { shard -> [(later: Int32, first: Int32)] in
            var table = StringTable(capacity: distinct / shards + 16)
            var found: [(later: Int32, first: Int32)] = []
            // Shares by the hash's low bits: the upper ones choose the slot in a share's table.
            // Keys are taken in batches: the slots of a batch are first read one after the other
            // (a table larger than the cache misses on nearly every key, and misses issued back
            // to back are waited for together), then the keys are looked up in order.
            var batch = [Int](repeating: 0, count: 32)
            var touched: UInt64 = 0
            var i = 0
            while i < count {
                var n = 0
                while i < count, n < batch.count {
                    if Int(truncatingIfNeeded: hashes[i] & 0xFFFF) % shards == shard {
                        batch[n] = i
                        n += 1
                    }
                    i += 1
                }
                for k in 0..<n { touched &+= table.touch(hash: hashes[batch[k]]) }
                for k in 0..<n {
                    let key = batch[k]
                    if let earlier = table.find(hash: hashes[key], isKey: { isEqual(Int($0), key) }) {
                        found.append((Int32(key), earlier))
                    } else {
                        table.insert(hash: hashes[key], value: Int32(key))
                    }
                }
            }
            // Keeps the reads above (their sum is otherwise unused).
            if touched == 1 { found.reserveCapacity(found.count + 1) }
            return found
        }
        var first = (0..<Int32(count)).map { $0 }
        for share in repeats {
            for pair in share { first[Int(pair.later)] = pair.first }
        }
        return first
    }
}
