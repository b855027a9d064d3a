#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
// Line ends: where the next one lies, and how many a block holds.

extension LogReader {
    /// Where the next line end lies in `buffer` from `start`, if any.
    @inline(__always)
    package static func indexOfNewline(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress,
              let found = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The lines of a file's bytes, which end with a line end, and how many of them are blank
    /// (spaces, tabs and CRs only).
    package static func countLines(_ bytes: [UInt8]) -> (lines: Int, blank: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var lines = 0, blank = 0, start = 0
            while start < buffer.count {
                let end = indexOfNewline(buffer, from: start) ?? buffer.count
                lines += 1
                if buffer[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { blank += 1 }
                start = end + 1
            }
            return (lines, blank)
        }
    }

    /// Line ends in a block, sixty-four bytes compared at a time: each lane of a counter adds
    /// the line ends met in its place, up to 255 blocks before the lanes are summed. Found one
    /// by one (`memchr` for each line), they took 60 instructions a line.
    package static func countLines(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let n = buffer.count
        let newline = SIMD64<UInt8>(repeating: 0x0A)
        var count = 0
        var i = 0
        while i &+ 64 <= n {
            var lanes = SIMD64<UInt8>(repeating: 0)
            let end = min(n &- 63, i &+ 64 &* 255)
            while i < end {
                let bytes = raw.loadUnaligned(fromByteOffset: i, as: SIMD64<UInt8>.self)
                // A lane that matches is all ones (255): subtracted, it adds one.
                lanes &-= unsafeBitCast(bytes .== newline, to: SIMD64<UInt8>.self)
                i &+= 64
            }
            count &+= Int(SIMD64<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < n {
            if base[i] == 0x0A { count &+= 1 }
            i &+= 1
        }
        return count
    }
}
