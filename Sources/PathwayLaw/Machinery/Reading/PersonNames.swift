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
    /// Every name's bytes, one after the other; name `k` ends at `ends[k]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
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
        guard let found = table.find(hash: hash, isKey: { same(Int($0), key) }) else { return nil }
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
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        names.append(name)
        hashes.append(hash)
        latest = number
    }

    /// The numbers here of `other`'s people, in `other`'s order; those not met before are added
    /// (in that order). Their hashes are not computed again, nor their strings compared.
    package mutating func merge(_ other: PersonNames) -> [Int32] {
        other.bytes.withUnsafeBufferPointer { otherBytes in
            other.names.indices.map { k -> Int32 in
                let key = UnsafeBufferPointer(rebasing: otherBytes[(k == 0 ? 0 : other.ends[k - 1])..<other.ends[k]])
                let hash = other.hashes[k]
                if let found = table.find(hash: hash, isKey: { same(Int($0), key) }) { return found }
                add(key, name: other.names[k], hash: hash)
                return latest
            }
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

    private func same(_ k: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        guard ends[k] - start == key.count else { return false }
        guard let base = key.baseAddress, key.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { ShortBytes.equal($0.baseAddress! + start, base, key.count) }
    }
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
