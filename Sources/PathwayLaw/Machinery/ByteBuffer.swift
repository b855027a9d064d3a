/// Bytes written straight into a buffer its owner alone holds (a raw allocation grown by
/// doubling, freed with the owner): a write checks the room once, then stores its bytes, with
/// none of an array's per-byte uniqueness and capacity checks. ``JSONWriter`` writes into one,
/// and a finding's message is added to one piece by piece (`JSON/ByteBuffer+Message.swift`). It
/// cannot be copied, so no two owners share the buffer.
package struct ByteBuffer: ~Copyable {
    package var base: UnsafeMutablePointer<UInt8>
    package var capacity: Int
    /// Bytes written so far.
    package private(set) var count = 0

    package init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Room for `n` more bytes, for the `store` calls that follow.
    @inline(__always) package mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    package mutating func grow(_ needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = size
    }

    /// A byte, its room checked.
    @inline(__always) package mutating func append(_ byte: UInt8) {
        reserve(1)
        store(byte)
    }

    /// Bytes, their room checked.
    @inline(__always) package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        store(bytes)
    }

    // The `store` calls write into room already reserved.

    @inline(__always) package mutating func store(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always) package mutating func store(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let source = bytes.baseAddress { (base + count).initialize(from: source, count: bytes.count) }
        count += bytes.count
    }

    @inline(__always) package mutating func store(repeating byte: UInt8, count n: Int) {
        (base + count).initialize(repeating: byte, count: n)
        count += n
    }

    /// The bytes that `write` stores from the end of the buffer, returning how many.
    @inline(__always) package mutating func store(_ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        count += write(base + count)
    }

    /// The bytes written, valid during `body` only.
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes written after the first `count`, keeping the room.
    package mutating func removeAll(after count: Int) {
        precondition(count >= 0 && count <= self.count)
        self.count = count
    }

    /// Forgets the bytes written, keeping the room.
    package mutating func removeAll() { count = 0 }

    /// The bytes written, handed over with their buffer: no copy.
    package consuming func finish() -> WrittenBytes {
        let written = WrittenBytes(base, count: count)
        discard self
        return written
    }
}

/// Bytes a ``ByteBuffer`` held, with the buffer they were written in (freed with the last
/// reference): a report's run of elements, handed from the thread that rendered it to the one
/// that writes it out.
package final class WrittenBytes: @unchecked Sendable {
    // Written once, before this is made; read only after.
    package let base: UnsafeMutablePointer<UInt8>
    package let count: Int

    package init(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// The bytes, valid during `body` only.
    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
