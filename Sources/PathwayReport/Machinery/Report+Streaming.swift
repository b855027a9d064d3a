import PathwayMachinery
import PathwayLaw
/// Where the JSON report's bytes go, piece by piece, each piece valid during its call only.
public typealias ByteSink = (UnsafeBufferPointer<UInt8>) -> Void

/// The JSON report rendered in parallel, in runs of people and findings read where they lie
/// in the report's arrays, and handed out with no copy (`Report/Report+JSON.swift` lays out
/// the report's fields).
extension Report {
    /// The JSON report handed to `sink` piece by piece, in order, each piece valid during its
    /// call only: for a caller that writes the pieces out as they come (to a file, a socket),
    /// with no copy of the report on the way. The concatenation of the pieces is
    /// ``jsonBytes(generator:jobs:)``.
    public func writeJSON(generator: String = "pathway", jobs: Int = 1,
                          through sink: ByteSink) {
        writeJSON(generator: generator, jobs: jobs, window: 4096, flushAt: 1 << 20, through: sink)
    }

    /// `window`: people rendered at a time (findings: four times as many); `flushAt`: bytes
    /// gathered before they are handed to `sink`.
    package func writeJSON(generator: String, jobs: Int, window: Int, flushAt: Int,
                   through sink: ByteSink) {
        // People and findings, the bulk of the report, are rendered apart in parallel, a window
        // of them at a time, in runs: a thread renders a run of consecutive elements, with their
        // separators, into one buffer, handed over as it is. Each element is read where it lies
        // in its array (a copy of a person's report would retain everything it holds).
        // `perElement`: the room a run starts with for each of its elements, a little more
        // than they take on average (a person 2.3 KB, a finding 0.8 KB at 10^6 events), so
        // that a run is rarely copied into a larger buffer as it grows.
        //
        // `render` is lent each element (``Lent``) and reads it field by field: an element passed
        // as a value, even to a `borrowing` parameter, or whose method was called, was copied
        // first, retaining all it holds (a person's report: 25 references).
        func rendered<T>(_ elements: UnsafeBufferPointer<T>, window: Int, perElement: Int,
                         _ render: @escaping (Lent<T>, inout JSONWriter) -> Void) -> Fragments {
            Fragments(count: elements.count, window: window) { range in
                JSONWriter.runs(of: range, runs: max(1, min(range.count, jobs * 8)), jobs: jobs, depth: Fragments.depth,
                                capacity: { perElement * max(1, $0) }) { i, part in
                    render(Lent(elements.baseAddress! + i), &part)
                }
            }
        }
        let asOf = self.asOf
        people.withUnsafeBufferPointer { people in
            findings.withUnsafeBufferPointer { findings in
                writeJSON(generator: generator,
                          people: rendered(people, window: window, perElement: 3072) { person, part in
                              LentReport(person).write(to: &part, asOf: asOf)
                          },
                          findings: rendered(findings, window: window * 4, perElement: 1024) { finding, part in
                              Finding.write(finding, to: &part)
                          },
                          flushAt: flushAt, jobs: jobs, through: sink)
            }
        }
    }
}
