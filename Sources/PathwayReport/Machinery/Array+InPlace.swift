extension Array {
    /// Calls `body` with each element of `range`, read where it lies. Passing `array[i]` to a
    /// function hands it a copy, and a copy of a person's report retains everything it holds: at
    /// 10^6 events the indicators' tally spent 2 % of the run on copies of reports.
    ///
    /// Not always enough: where `body` hands the element to a function that changes other values
    /// (the indicators' `Tally.add`, which fills dictionaries), the compiler still copies it at
    /// this call, since it cannot prove that function leaves the buffer alone (`objdump -dl`,
    /// 2026-12-07: a copy of each person's report, about 0.5 % of a replay at 10^6 events with
    /// its release).
    package func forEachInPlace(_ range: Range<Int>, _ body: (borrowing Element) -> Void) {
        withUnsafeBufferPointer { buffer in
            for i in range { body(buffer[i]) }
        }
    }
}
