#if canImport(Glibc)
import Glibc
#endif

/// Arrays of the size of the log (its events, their indexes, their orders), written once from
/// end to end, by several threads.
package enum LargeMemory {
    /// An array with room for `capacity` elements, of which `fill` initialises the first ones
    /// and returns how many; backed by huge pages where the system allows
    /// (``adviseHugePages(_:)``). `capacity` must not be 0.
    @inline(__always)
    package static func array<T>(capacity: Int, _ fill: (UnsafeMutableBufferPointer<T>) -> Int) -> [T] {
        [T](unsafeUninitializedCapacity: capacity) { storage, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(storage))
            initialized = fill(storage)
        }
    }

    /// Asks the system to back `region` with huge pages (2 MiB on x86-64) where it can. With
    /// small pages, every 4 KiB of fresh memory is a page fault, zeroed by the kernel as it
    /// is first written: at 10^6 events the parse took 33,000 faults. The pages are zeroed all
    /// the same; what goes is the cost of each fault. Only the 2 MiB-aligned part of a region
    /// can be backed so. On a system whose huge pages are off (or on for all memory already),
    /// or not Linux, this does nothing.
    package static func adviseHugePages(_ region: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let huge = 2 << 20
        guard region.count >= huge, let base = region.baseAddress else { return }
        let start = (Int(bitPattern: base) + huge - 1) / huge * huge
        let end = (Int(bitPattern: base) + region.count) / huge * huge
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Gives the whole pages of `region` back to the system (their content is lost: they read
    /// as zeros when next touched). For memory written once and no longer needed, in an
    /// allocation kept for what it still holds. Does nothing where the system has no such call.
    package static func giveBack(_ region: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0, let base = region.baseAddress else { return }
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + region.count) / page * page
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_DONTNEED)
        #endif
    }
}
