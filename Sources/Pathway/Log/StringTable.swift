/// An open-addressing table from strings to small integers, hashed with FNV-1a over their
/// UTF-8 bytes: the hot path's replacement for `Dictionary<String, …>` (no per-lookup
/// SipHash seeding). The caller keeps the strings; the table keeps their hashes and indices
/// and asks the caller to confirm a match, so a collision is never a false hit.
struct StringTable {
    private var hashes: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// FNV-1a, 64 bits, never 0 (0 marks an empty slot).
    static func hash(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 29
        return h == 0 ? 1 : h
    }

    /// The value stored for the key of `hash` for which `isKey` holds, or `nil`.
    func find(hash: UInt64, isKey: (Int32) -> Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let h = hashes[slot]
            if h == 0 { return nil }
            if h == hash, isKey(values[slot]) { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for a key known to be absent.
    mutating func insert(hash: UInt64, value: Int32) {
        if (count + 1) * 2 > hashes.count { grow() }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let oldHashes = hashes
        let oldValues = values
        let size = hashes.count * 2
        hashes = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        count = 0
        for i in oldHashes.indices where oldHashes[i] != 0 {
            insert(hash: oldHashes[i], value: oldValues[i])
        }
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
            for i in 0..<count where Int(truncatingIfNeeded: hashes[i] >> 40) % shards == shard {
                if let earlier = table.find(hash: hashes[i], isKey: { isEqual(Int($0), i) }) {
                    found.append((Int32(i), earlier))
                } else {
                    table.insert(hash: hashes[i], value: Int32(i))
                }
            }
            return found
        }
        var first = (0..<Int32(count)).map { $0 }
        for share in repeats {
            for pair in share { first[Int(pair.later)] = pair.first }
        }
        return first
    }
}
