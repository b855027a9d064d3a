import Dispatch
import Synchronization

/// Work split over threads with results in their original order, so that the output never
/// depends on the number of threads.
enum Parallel {
    /// `body(0..<count)` computed on up to `jobs` threads; `result[i] == body(i)`.
    static func map<T: Sendable>(count: Int, jobs: Int, _ body: (Int) -> T) -> [T] {
        let jobs = max(1, min(jobs, count))
        guard jobs > 1 else { return (0..<count).map(body) }
        let slots = ResultSlots<T>(count: count)
        // Blocks of a few items handed to whichever thread is free, so that uneven items
        // (people with many events, pieces of a file with short lines) keep the threads busy.
        let block = max(1, min(64, count / (jobs * 8)))
        let blocks = (count + block - 1) / block
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            let work = UnsafeSendable(body)
            DispatchQueue.concurrentPerform(iterations: jobs) { _ in
                while true {
                    let b = next.add(1, ordering: .relaxed).oldValue
                    guard b < blocks else { break }
                    for i in (b * block)..<min(count, (b + 1) * block) { slots.set(i, work.value(i)) }
                }
            }
        }
        return slots.values()
    }
}

extension Parallel {
    /// `body` run on contiguous ranges covering `0..<count`, on up to `jobs` threads (for
    /// loops whose iterations write apart).
    static func forEachRange(count: Int, jobs: Int, _ body: (Range<Int>) -> Void) {
        let pieces = max(1, min(jobs * 4, count / 4096))
        _ = map(count: pieces, jobs: jobs) { k in body((count * k / pieces)..<(count * (k + 1) / pieces)) }
    }
}

/// Write-once result slots shared by the workers: each index is written by exactly one.
final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = UnsafeMutablePointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) { buffer[index] = value }

    func values() -> [T] {
        (0..<count).compactMap { buffer[$0] }
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }
}

/// A value handed to worker threads that only read it concurrently.
struct UnsafeSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
