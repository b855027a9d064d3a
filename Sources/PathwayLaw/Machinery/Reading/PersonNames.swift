import PathwayMachinery
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The people met by one parser, each named once: the same bytes in the `person` field give
/// the same string (no string is built again for each line of a person) and the same number,
/// counted in order of first appearance.
///
/// People are told apart by the UTF-8 bytes of their identifier, as the report sorts them:
/// the identifier is opaque (`Docs/events.md`), so two spellings are two people.
package struct PersonNames: Sendable {
    private var table = StringTable(capacity: 1024)
    /// Each person's key, two words a person (``Packed``): up to 15 bytes kept in the words
    /// themselves (a person's identifier is usually short: `P0001734`, `12345-DEM`), longer ones
    /// in `long`. A lookup that finds its slot compares two words next to each other, where a
    /// key kept apart took two more loads from memory the cache seldom holds (where it ends,
    /// then its bytes): at 10^6 events, the lookup and its caller took 5 % of a replay's time
    /// (perf), most of it waiting on those loads and the slot's.
    private var packed: [UInt64] = []
    /// The bytes of the keys longer than 15 bytes, one after the other.
    private var long: [UInt8] = []
    /// The names, by number.
    package private(set) var names: [String] = []
    /// Each name's hash (`StringTable.hash` of its bytes), by number.
    package private(set) var hashes: [UInt64] = []
    /// The number of the person of the latest call to ``find(_:)`` that found one, or to ``add(_:name:)``.
    package private(set) var latest: Int32 = -1

    package init() {}

    /// The string of the person whose identifier has these bytes, if met before.
    @inline(__always)
    package mutating func find(_ key: UnsafeBufferPointer<UInt8>) -> String? {
        number(key).map { names[Int($0)] }
    }

    /// The number of the person whose identifier has these bytes, if met before (their string
    /// not read).
    @inline(__always)
    package mutating func number(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = StringTable.hash(key)
        let words = Packed(key)
        guard let found = table.find(hash: hash, isKey: { same(Int($0), key, words) }) else { return nil }
        latest = found
        return found
    }

    /// Adds a person not met before (``find(_:)`` gave `nil`), with the bytes of its identifier.
    package mutating func add(_ key: UnsafeBufferPointer<UInt8>, name: String) {
        add(key, name: name, hash: StringTable.hash(key))
    }

    private mutating func add(_ key: UnsafeBufferPointer<UInt8>, name: String, hash: UInt64) {
        let number = Int32(names.count)
        table.insert(hash: hash, value: number)
        var words = Packed(key)
        if words.isLong {
            words = Packed(longAt: long.count, count: key.count)
            long.append(contentsOf: key)
        }
        packed.append(words.first)
        packed.append(words.second)
        names.append(name)
        hashes.append(hash)
        latest = number
    }

    /// The numbers here of `other`'s people, in `other`'s order; those not met before are added
    /// (in that order). Their hashes are not computed again, nor their strings compared.
    package mutating func merge(_ other: PersonNames) -> [Int32] {
        other.names.indices.map { k -> Int32 in
            other.withKey(k) { key, words in
                let hash = other.hashes[k]
                if let found = table.find(hash: hash, isKey: { same(Int($0), key, words) }) { return found }
                add(key, name: other.names[k], hash: hash)
                return latest
            }
        }
    }

    /// Calls `body` with the bytes of person `k`'s key and its words as a lookup packs them
    /// (``Packed/init(_:)``: a long key only marked long).
    private func withKey<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>, Packed) -> R) -> R {
        let words = Packed(first: packed[2 * k], second: packed[2 * k + 1])
        if words.isLong {
            return long.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[words.longRange]), Packed.long) }
        }
        return withUnsafeBytes(of: (words.first.littleEndian, words.second.littleEndian)) { raw in
            body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: words.count), words)
        }
    }

    /// Whether person `k`'s key is `key`, packed as `words`.
    @inline(__always) private func same(_ k: Int, _ key: UnsafeBufferPointer<UInt8>, _ words: Packed) -> Bool {
        let (first, second) = (packed[2 * k], packed[2 * k + 1])
        guard words.isLong else { return first == words.first && second == words.second }
        let stored = Packed(first: first, second: second)
        guard stored.isLong, stored.count == key.count else { return false }
        return long.withUnsafeBufferPointer { long in
            key.count == 0 || ShortBytes.equal(long.baseAddress! + stored.longRange.lowerBound, key.baseAddress!, key.count)
        }
    }

    /// Whether two strings have the same UTF-8 bytes.
    package static func sameBytes(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    /// Whether `a` comes before `b` in UTF-8 byte order (the order of people in a report).
    package static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order < 0 || (order == 0 && x.count < y.count)
            }
        }
    }

    /// The indices of `names` in UTF-8 byte order (the order of people in a report). Each
    /// name's first eight bytes are compared as one number, the rest only between names that
    /// share them: a sort of every name by its bytes compared them one call at a time, on one
    /// thread, for 10 ms at 15,000 people.
    package static func byteOrder(_ names: [String]) -> [Int] {
        let keyed = names.indices.map { k -> (prefix: UInt64, index: Int) in
            var name = names[k]
            let prefix = name.withUTF8 { bytes in
                // Big-endian, zero after the end: numbers compare as the bytes do, and a name
                // that is a prefix of another comes first or ties (and is told by its bytes).
                var value: UInt64 = 0
                for i in 0..<8 { value = value << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
                return value
            }
            return (prefix, k)
        }
        return keyed.sorted { a, b in
            a.prefix != b.prefix ? a.prefix < b.prefix : bytesPrecede(names[a.index], names[b.index])
        }.map(\.index)
    }
}

/// A key of up to 15 bytes in two words: bytes 0–7 in the first, bytes 8–14 in the low
/// bytes of the second (each word read little-endian), its count in the second's top byte, and
/// zero after its end; two such keys are the same bytes when their words are equal. A longer
/// key has 0xFF in that top byte: the first word then says where its bytes start in
/// `PersonNames.long`, the rest of the second its count.
private struct Packed {
    var first: UInt64, second: UInt64

    init(first: UInt64, second: UInt64) { (self.first, self.second) = (first, second) }

    /// A key's words, read by overlapping loads within its bytes (never beyond them); a key
    /// longer than 15 bytes is only marked long.
    @inline(__always) init(_ key: UnsafeBufferPointer<UInt8>) {
        let n = key.count
        guard n <= 15 else { self = .long; return }
        guard n > 0, let base = key.baseAddress else { (first, second) = (0, 0); return }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            first = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            // Bytes n-8 ..< n, of which the last n-8 are bytes 8 ..< n.
            let tail = n == 8 ? 0 : UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) >> UInt64(8 &* (16 &- n))
            second = tail | UInt64(n) << 56
        } else {
            var word: UInt64 = 0
            if n >= 4 {
                let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                // Bytes n-4 ..< n, of which the last n-4 are bytes 4 ..< n.
                let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)))
                word = low | (high >> UInt64(8 &* (8 &- n))) << 32
            } else {
                for i in 0..<n { word |= UInt64(base[i]) << UInt64(8 &* i) }
            }
            first = word
            second = UInt64(n) << 56
        }
    }

    /// A long key's words for a lookup: marked long, its bytes compared where they lie.
    static var long: Packed { Packed(first: 0, second: 0xFF << 56) }

    /// The words of a long key whose bytes start at `offset` in `PersonNames.long`.
    init(longAt offset: Int, count: Int) {
        first = UInt64(offset)
        second = 0xFF << 56 | UInt64(count)
    }

    var isLong: Bool { second >> 56 == 0xFF }
    var count: Int { isLong ? Int(second & 0x00FF_FFFF_FFFF_FFFF) : Int(second >> 56) }
    var longRange: Range<Int> { Int(first) ..< Int(first) + count }
}

extension PersonNames {
    /// Drops the people left with no event (their only lines rejected or duplicates) from
    /// `names`, the others numbered in the same order in `personOf`.
    package static func dropUnused(_ personOf: inout [Int32], _ names: inout [String]) {
        var used = [Bool](repeating: false, count: names.count)
        for p in personOf { used[Int(p)] = true }
        guard used.contains(false) else { return }
        var renumbered = [Int32](repeating: -1, count: names.count)
        var kept: [String] = []
        for (p, name) in names.enumerated() where used[p] {
            renumbered[p] = Int32(kept.count)
            kept.append(name)
        }
        for i in personOf.indices { personOf[i] = renumbered[Int(personOf[i])] }
        names = kept
    }
}
