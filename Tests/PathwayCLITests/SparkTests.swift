import Foundation
import Testing
@testable import Pathway

/// The national recipe on an existing distributed engine (`Docs/scale.md`): Apache Spark, in local
/// mode, partitions a log by person, pipes each partition through `pathway replay -`, and `pathway
/// merge` gives the report of the whole log, byte for byte.
@Suite("Spark: partitions replayed apart, merged into the whole")
struct SparkTests {
    @Test("scripts/spark-replay on a generated log (interleaved in date order): the merged report is the single-machine report, byte for byte",
          .enabled(if: ExternalTool.spark != nil, ExternalTool.installSpark),
          arguments: [[], ["--sorted"]])
    func sparkEqualsOneMachine(_ options: [String]) throws {
        let python = try #require(ExternalTool.spark)
        let pathway = try #require(CLI.executable).path
        let text = LogGenerator(events: 6_000, seed: 51).text()
        let log = try CLI.temporaryFile(text)
        let output = log + ".spark.json"
        let workdir = log + ".parts"
        let script = CLI.root.appendingPathComponent("scripts/spark-replay").path
        let run = try CLI.tool([python, script, log, "--as-of", "2026-09-30", "--parts", "3", "--master", "local[2]",
                                "--pathway", pathway, "--workdir", workdir, "--output", output] + options)
        #expect(run.status == 1, "\(run.output)")  // violations, as the whole log has
        let whole = try CLI.run(["replay", "-", "--as-of", "2026-09-30", "--format", "json"], stdin: text)
        let merged = try String(contentsOfFile: output, encoding: .utf8)
        #expect(merged == whole.stdout)
        // Three partitions, each a report of its own people.
        let parts = try FileManager.default.contentsOfDirectory(atPath: workdir).filter { $0.hasSuffix(".json") }
        #expect(parts.count == 3)
    }
}
