import PathwayLaw
/// The CSV handed out piece by piece, as the JSON report is (`Report+Streaming.swift`).
extension Report {
    /// The CSV handed to `sink` piece by piece, in order: the header, then runs of rows written
    /// field by field (no string per row) on `jobs` threads, a window of runs at a time so that
    /// the whole CSV is never held. The same bytes whatever `jobs`.
    public func writeCSV(_ flavour: CSVFlavour = .standard, jobs: Int = 1, rowsPerRun: Int = 4_096, through sink: ByteSink) {
        var header = Report.csvHeaderLine(flavour)
        header.withUTF8 { sink($0) }
        let run = max(1, rowsPerRun), runs = (findings.count + run - 1) / run, window = 4 * max(1, jobs)
        var start = 0
        while start < runs {
            let end = min(runs, start + window)
            let pieces = Parallel.map(count: end - start, jobs: jobs) { k in
                var out: [UInt8] = []
                out.reserveCapacity(run * 512)
                let first = (start + k) * run
                for f in findings[first..<min(findings.count, first + run)] { Report.appendCSVRow(f, flavour, to: &out) }
                return out
            }
            for piece in pieces { piece.withUnsafeBufferPointer { sink($0) } }
            start = end
        }
    }

}
