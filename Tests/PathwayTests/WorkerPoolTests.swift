import Foundation
import Testing
@testable import Pathway
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads `Parallel` runs its work on (`Machinery/Memory/WorkerPool.swift`): each task once,
/// on the same threads at every call, whoever calls and from where.
///
/// Each task writes only its own slot, and the slots are read once the call has returned: a task
/// run twice, or read before it is done, is a data race that ThreadSanitizer reports (CI runs these
/// tests under it). No `Mutex` here: on Linux it waits in the kernel, unseen by ThreadSanitizer.
@Suite("Worker pool")
struct WorkerPoolTests {
    /// Slots written by the tasks of a call, read once it has returned.
    final class Slots<T>: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<T>
        init(_ count: Int, _ value: T) {
            values = .allocate(capacity: count)
            values.initialize(repeating: value)
        }
        deinit { values.deallocate() }
        var array: [T] { Array(values) }
    }

    /// The calling thread, as a number.
    static func thread() -> UInt { UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(bitPattern: UInt(pthread_self())))) }

    @Test("each index is run once, for 0, 1, 2 and more tasks than the machine has cores", arguments: [0, 1, 2, 3, 8, 33])
    func eachIndexOnce(count: Int) {
        let pool = WorkerPool()
        let runs = Slots(count, 0)
        pool.run(count: count) { i in runs.values[i] += 1 }
        #expect(runs.array == [Int](repeating: 1, count: count))
        #expect(pool.threadCount == max(0, count - 1))
    }

    @Test("beyond the most threads a pool makes, the tasks wait for a thread and each still runs once")
    func capped() {
        let pool = WorkerPool(maximumThreads: 2)
        let runs = Slots(40, 0)
        pool.run(count: 8) { i in runs.values[i] += 1 }
        pool.run(count: 40) { i in runs.values[i] += 1 }
        #expect(runs.array == [Int](repeating: 2, count: 8) + [Int](repeating: 1, count: 32))
        #expect(pool.threadCount == 2)
    }

    @Test("the same threads at every call: the caller and count - 1 of the pool's, made once")
    func sameThreads() {
        let pool = WorkerPool()
        let calls = 300
        let threads = Slots(calls * 3, UInt(0))
        let caller = Self.thread()
        for call in 0..<calls {
            pool.run(count: 3) { i in threads.values[call * 3 + i] = Self.thread() }
        }
        #expect(pool.threadCount == 2)
        let seen = Set(threads.array)
        #expect(seen.count <= 3)
        #expect(seen.contains(caller))
        #expect(!seen.contains(0))
    }

    @Test("a call from inside a task runs, and so do calls from several threads at once")
    func nestedAndConcurrent() {
        let pool = WorkerPool()
        let pairs = Slots(16, 0)
        pool.run(count: 4) { i in
            pool.run(count: 4) { j in pairs.values[i * 4 + j] += 1 }
        }
        #expect(pairs.array == [Int](repeating: 1, count: 16))
        let callers = 6, calls = 200
        let runs = Slots(callers * calls * 2, 0)
        DispatchQueue.concurrentPerform(iterations: callers) { caller in
            for call in 0..<calls {
                pool.run(count: 2) { i in runs.values[(caller * calls + call) * 2 + i] += 1 }
            }
        }
        #expect(runs.array == [Int](repeating: 1, count: callers * calls * 2))
        #expect(pool.threadCount == 3)
    }

    @Test("many tasks queued by several threads at once, more than the pool's threads: each runs once")
    func longQueue() {
        let pool = WorkerPool(maximumThreads: 2)
        let callers = 6, calls = 8, count = 1024
        let runs = Slots(callers * calls * count, 0)
        DispatchQueue.concurrentPerform(iterations: callers) { caller in
            for call in 0..<calls {
                pool.run(count: count) { i in runs.values[(caller * calls + call) * count + i] += 1 }
            }
        }
        #expect(runs.array == [Int](repeating: 1, count: callers * calls * count))
        #expect(pool.threadCount == 2)
    }

    @Test("Parallel.map on the shared pool: results in their order whatever the number of jobs", arguments: [1, 2, 3, 7])
    func mapInOrder(jobs: Int) {
        for count in [0, 1, 2, 63, 64, 65, 1_000] {
            #expect(Parallel.map(count: count, jobs: jobs) { $0 * $0 } == (0..<count).map { $0 * $0 })
        }
    }

    @Test("Parallel.map of no item, on any number of jobs and from several threads at once: an empty array, and no write to the shared empty storage (ThreadSanitizer's run)")
    func mapOfNothing() {
        DispatchQueue.concurrentPerform(iterations: 8) { k in
            for jobs in [1, 2, 7] {
                let none = Parallel.map(count: 0, jobs: jobs) { $0 + k }
                #expect(none.isEmpty)
                let one = Parallel.map(count: 1, jobs: jobs) { $0 + k }
                #expect(one == [k])
            }
        }
    }

    @Test("Parallel.countingSort: each bucket's items in their order, the buckets' starts, whatever the jobs and shares",
          arguments: [1, 2, 3, 7])
    func countingSort(jobs: Int) {
        for count in [0, 1, 2, 5, 64, 1_000, 4_099] {
            for buckets in [1, 2, 7, 256] {
                // Items fall in the buckets unevenly (bucket 0 gets most); shares of one item at least.
                func bucket(_ i: Int) -> Int { (i * i + 3 * i) % (buckets * 2) % buckets }
                var members = [[Int]](repeating: [], count: buckets)
                for i in 0..<count { members[bucket(i)].append(i) }
                var starts = [0]
                for b in 0..<buckets { starts.append(starts[b] + members[b].count) }
                struct Keys: CountingSortKeys {
                    let buckets: Int
                    func bucket(_ i: Int) -> Int { (i * i + 3 * i) % (buckets * 2) % buckets }
                    func element(_ i: Int) -> (Int, Int) { (i, -i) }
                }
                for minimumShare in [1, 64, 65_536] {
                    let (start, order) = Parallel.countingSort(count: count, buckets: buckets, jobs: jobs, minimumShare: minimumShare,
                                                               keys: Keys(buckets: buckets))
                    #expect(order.map(\.0) == members.flatMap { $0 } && order.allSatisfy { $0.1 == -$0.0 })
                    #expect(start == starts, "count \(count), buckets \(buckets), share \(minimumShare)")
                }
            }
        }
    }
}
