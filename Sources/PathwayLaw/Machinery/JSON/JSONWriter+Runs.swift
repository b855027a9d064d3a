import PathwayMachinery
extension JSONWriter {
    /// The elements `range` of an array rendered apart on up to `jobs` threads, in `runs` runs
    /// of consecutive elements, in order: each run a writer's bytes at `depth` (the array's
    /// elements' depth), its elements separated as the array would (``runElement(first:_:)``),
    /// with room for `capacity(n)` bytes for `n` elements; `element(i, &w)` writes element `i`.
    /// The caller writes them into the array with ``openRun(count:)`` and ``rendered(_:)``.
    /// The JSON report's people and findings, and its timelines, are rendered so.
    package static func runs(of range: Range<Int>, runs: Int, jobs: Int, depth: Int, capacity: (Int) -> Int,
                             _ element: (Int, inout JSONWriter) -> Void) -> [WrittenBytes] {
        guard !range.isEmpty, runs > 0 else { return [] }
        return Parallel.map(count: runs, jobs: jobs) { r in
            let units = (range.lowerBound + range.count * r / runs)..<(range.lowerBound + range.count * (r + 1) / runs)
            var part = JSONWriter(depth: depth, capacity: capacity(units.count))
            for i in units { part.runElement(first: i == units.lowerBound) { element(i, &$0) } }
            return part.finish()
        }
    }
}
