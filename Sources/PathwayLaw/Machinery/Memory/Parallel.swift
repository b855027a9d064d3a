import Synchronization

/// Work split over threads with results in their original order, so that the output never
/// depends on the number of threads.
package enum Parallel {
    /// `body(0..<count)` computed on up to `jobs` threads; `result[i] == body(i)`.
    package static func map<T: Sendable>(count: Int, jobs: Int, _ body: (Int) -> T) -> [T] {
        let jobs = max(1, min(jobs, count))
        // No item: no array made with no room (that one would be the standard library's shared
        // empty storage, whose count the initialiser writes, a race with any other thread
        // making one).
        guard count > 0 else { return [] }
        // On one thread, written in place as on several: `(0..<count).map(body)`, generic here,
        // ran the standard library's unspecialised `map`, a lookup of the range's metadata at
        // every item (a thousand instructions an item).
        guard jobs > 1 else {
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count { buffer.initializeElement(at: i, to: body(i)) }
                initialized = count
            }
        }
        // Blocks of a few items handed to whichever thread is free, so that uneven items
        // (people with many events, pieces of a file with short lines) keep the threads busy.
        let block = max(1, min(64, count / (jobs * 8)))
        let blocks = (count + block - 1) / block
        let next = Atomic<Int>(0)
        // Each result is written once, by one thread, straight into the array returned: no
        // slot to copy it from afterwards (a person's report is large, with many references).
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = UnsafeSendable(buffer)
            withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable(body)
                WorkerPool.shared.run(count: jobs) { _ in
                    while true {
                        let b = next.add(1, ordering: .relaxed).oldValue
                        guard b < blocks else { break }
                        for i in (b * block)..<min(count, (b + 1) * block) {
                            (out.value.baseAddress! + i).initialize(to: work.value(i))
                        }
                    }
                }
            }
            initialized = count
        }
    }
}

extension Parallel {
    /// `body` run on contiguous ranges covering `0..<count`, on up to `jobs` threads (for
    /// loops whose iterations write apart).
    package static func forEachRange(count: Int, jobs: Int, _ body: (Range<Int>) -> Void) {
        let pieces = max(1, min(jobs * 4, count / 4096))
        _ = map(count: pieces, jobs: jobs) { k in body((count * k / pieces)..<(count * (k + 1) / pieces)) }
    }
}

extension Parallel {
    /// `(0..<count).flatMap(part)`, each part copied into place on up to `jobs` threads. `part`
    /// should reach into its item (`people[$0].findings`), not copy it whole.
    package static func concatenation<T>(count: Int, jobs: Int, _ part: (Int) -> [T]) -> [T] {
        var offsets = [Int](repeating: 0, count: count + 1)
        for k in 0..<count { offsets[k + 1] = offsets[k] + part(k).count }
        // Nothing to copy: no array is made with no room (that one would be the standard
        // library's shared empty storage, whose count the initialiser writes).
        guard offsets[count] > 0 else { return [] }
        return LargeMemory.array(capacity: offsets[count]) { (buffer: UnsafeMutableBufferPointer<T>) in
            let out = UnsafeSendable(buffer)
            forEachRange(count: count, jobs: jobs) { range in
                for k in range {
                    part(k).withUnsafeBufferPointer { source in
                        guard let start = source.baseAddress else { return }
                        (out.value.baseAddress! + offsets[k]).initialize(from: start, count: source.count)
                    }
                }
            }
            return offsets[count]
        }
    }
}

/// What ``Parallel/countingSort(count:buckets:jobs:minimumShare:keys:)`` sorts: item `i`'s bucket
/// and what is placed for it. A type, not two closures: the closures, captured by the work
/// each thread runs, were called through a thunk at every item (22 instructions a call, twice
/// an item, on two threads); a type's methods are called directly, inlined.
package protocol CountingSortKeys {
    associatedtype Element
    /// Item `i`'s bucket, in `0 ..< buckets`.
    func bucket(_ i: Int) -> Int
    /// What is placed in the bucket for item `i`.
    func element(_ i: Int) -> Element
}

extension Parallel {
    /// A stable counting sort of the items `0..<count` by `keys.bucket(i)` (in `0..<buckets`),
    /// on up to `jobs` threads, each counting then placing a contiguous share of the items (at
    /// least `minimumShare`: fewer are not worth a thread). Bucket `b` holds
    /// `order[start[b] ..< start[b + 1]]`: `keys.element(i)` for its items, in increasing `i`.
    @inline(__always) // into each caller, specialised for its keys
    package static func countingSort<Keys: CountingSortKeys>(count: Int, buckets: Int, jobs: Int, minimumShare: Int = 65_536,
                                                            keys: Keys) -> (start: [Int], order: [Keys.Element]) {
        let shares = max(1, min(jobs, count / max(1, minimumShare)))
        func share(_ t: Int) -> Range<Int> { (count * t / shares)..<(count * (t + 1) / shares) }
        // Each share's items per bucket, then where each share places each bucket's items:
        // after those of the earlier shares.
        // The counts and places are written through pointers: an array checked its bounds and
        // its uniqueness at each item, half of the sort's instructions.
        var next = map(count: shares, jobs: shares) { t in
            var counts = [Int](repeating: 0, count: buckets)
            counts.withUnsafeMutableBufferPointer { counts in
                for i in share(t) { counts[keys.bucket(i)] &+= 1 }
            }
            return counts
        }
        var start = [Int](repeating: 0, count: buckets + 1)
        var total = 0
        for b in 0..<buckets {
            start[b] = total
            for t in 0..<shares {
                let n = next[t][b]
                next[t][b] = total
                total += n
            }
        }
        start[buckets] = total
        // Every slot is written once, by the share that places its item: no zeroing first.
        guard count > 0 else { return (start, []) }
        let positions = next
        let order = LargeMemory.array(capacity: count) { (buffer: UnsafeMutableBufferPointer<Keys.Element>) in
            let out = UnsafeSendable(buffer)
            _ = map(count: shares, jobs: shares) { t in
                var at = positions[t]
                at.withUnsafeMutableBufferPointer { at in
                    let base = out.value.baseAddress!
                    for i in share(t) {
                        let b = keys.bucket(i)
                        (base + at[b]).initialize(to: keys.element(i))
                        at[b] &+= 1
                    }
                }
            }
            return count
        }
        return (start, order)
    }
}

extension Parallel {
    /// The items `0 ..< groupOf.count` sorted by the group `groupOf` gives each (``countingSort``,
    /// one bucket a group, the items' numbers in increasing order in each). Written in the
    /// sort's module, for the sort's other modules: a generic function called from another
    /// module runs unspecialised, each item handed to its closures and stored through the
    /// type's metadata (73 instructions an item at 10^5 events, where this takes 13).
    package static func groups(of groupOf: [Int32], count groups: Int, jobs: Int,
                               minimumShare: Int = 65_536) -> (start: [Int], order: [Int32]) {
        /// Item `i` is in group `groupOf[i]`, and placed as its number.
        struct Groups: CountingSortKeys {
            let groupOf: UnsafeBufferPointer<Int32>
            func bucket(_ i: Int) -> Int { Int(groupOf[i]) }
            func element(_ i: Int) -> Int32 { Int32(truncatingIfNeeded: i) }
        }
        return groupOf.withUnsafeBufferPointer { groupOf in
            countingSort(count: groupOf.count, buckets: groups, jobs: jobs, minimumShare: minimumShare,
                         keys: Groups(groupOf: groupOf))
        }
    }
}

/// A value handed to worker threads that only read it concurrently.
package struct UnsafeSendable<V>: @unchecked Sendable {
    package let value: V
    package init(_ value: V) { self.value = value }
}
