extension Array {
    /// Calls `body` with each element of `range`, read where it lies. Passing `array[i]` to a
    /// function hands it a copy, and a copy of a person's report retains everything it holds: at
    /// 10^6 events the indicators' tally spent 2 % of the run on copies of reports.
    package func forEachInPlace(_ range: Range<Int>, _ body: (borrowing Element) -> Void) {
        withUnsafeBufferPointer { buffer in
            for i in range { body(buffer[i]) }
        }
    }
}
