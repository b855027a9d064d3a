#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values matched by their UTF-8 bytes, with no `String` built and no reference counted: the
/// entries are hashed by length, first and last byte into 256 buckets, and a key is compared
/// byte for byte with the few entries of its bucket.
///
/// Made for static tables (the names of fields and of enum values): its memory is allocated
/// once and kept for the life of the process.
package struct ByteTable<Value>: @unchecked Sendable {
    package let bytes: UnsafeMutablePointer<UInt8>
    /// Entries of bucket `b`: `bucketStart[b] ..< bucketStart[b + 1]`.
    package let bucketStart: UnsafeMutablePointer<Int32>
    /// Each entry's bytes in `bytes`, and its value.
    package let offsets: UnsafeMutablePointer<Int32>
    package let counts: UnsafeMutablePointer<Int32>
    package let values: UnsafeMutablePointer<Value>

    package init(_ entries: [([UInt8], Value)]) {
        let sorted = entries.sorted { ByteTable.bucket($0.0[...]) < ByteTable.bucket($1.0[...]) }
        let total = entries.reduce(0) { $0 + $1.0.count }
        bytes = .allocate(capacity: max(total, 1))
        bucketStart = .allocate(capacity: 257)
        offsets = .allocate(capacity: max(entries.count, 1))
        counts = .allocate(capacity: max(entries.count, 1))
        values = .allocate(capacity: max(entries.count, 1))
        bucketStart.initialize(repeating: 0, count: 257)
        var offset = 0
        for (index, (key, value)) in sorted.enumerated() {
            (bytes + offset).initialize(from: key, count: key.count)
            offsets[index] = Int32(offset)
            counts[index] = Int32(key.count)
            (values + index).initialize(to: value)
            bucketStart[ByteTable.bucket(key[...]) + 1] += 1
            offset += key.count
        }
        for b in 0..<256 { bucketStart[b + 1] += bucketStart[b] }
    }

    @inline(__always) private static func bucket<C: RandomAccessCollection>(_ key: C) -> Int where C.Element == UInt8 {
        guard let first = key.first, let last = key.last else { return 0 }
        return (key.count &* 37 &+ Int(first) &* 5 &+ Int(last)) & 255
    }

    @inline(__always) package func match(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        let b = ByteTable.bucket(key)
        guard let base = key.baseAddress else { return nil }
        for index in Int(bucketStart[b])..<Int(bucketStart[b + 1])
        where Int(counts[index]) == key.count && ShortBytes.equal(bytes + Int(offsets[index]), base, key.count) {
            return values[index]
        }
        return nil
    }
}

/// Byte comparison of short keys (names of fields and values, identifiers of people).
package enum ShortBytes {
    /// Whether `count` bytes at `a` and `b` are equal: keys are short, so two overlapping
    /// loads of a word (or half a word) cover them, with no call to `memcmp`.
    @inline(__always) package static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let (x, y) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            return x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for i in 0..<count where a[i] != b[i] { return false }
        return true
    }

    /// Copies `count` bytes from `source` to `target` (not overlapping) the same way: words,
    /// the last one overlapping the one before, with no call to `memcpy` (a key's name, an id,
    /// a date: the call and its dispatch on the size cost more than the copy).
    @inline(__always) package static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let (x, y) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                y.storeBytes(of: x.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            y.storeBytes(of: x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let (first, last) = (x.loadUnaligned(as: UInt32.self), x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            y.storeBytes(of: first, as: UInt32.self)
            y.storeBytes(of: last, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for i in 0..<count { target[i] = source[i] }
        }
    }
}

extension StaticString {
    /// Calls `body` with the literal's UTF-8 bytes, read where the literal lies when it is held
    /// as bytes (every literal of more than one character). `withUTF8Buffer` tests the literal's
    /// form and encodes a one-character literal inline at each call: a key of the JSON report
    /// cost 16 instructions more, 2.6 million keys at 10^6 events.
    @inline(__always) package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard hasPointerRepresentation else { return withUTF8Buffer(body) }
        return body(UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount))
    }
}
