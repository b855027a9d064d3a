import Foundation
import Testing
@testable import Pathway

/// An interrupted `--output` leaves no file behind (Docs/report.md): its temporary file is removed
/// on SIGINT or SIGTERM, and one left by a run killed outright is removed by the next run.
@Suite("Interrupted outputs", .serialized)
struct InterruptTests {
    static func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test("SIGTERM or SIGINT while the output is written: no temporary file left, the target untouched", arguments: [SIGTERM, SIGINT])
    func signal(_ sig: Int32) throws {
        let dir = Scratch.url("pathway-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("big.ndjson").path
        for delay in [0.2, 0.5] {
            let process = Process()
            process.executableURL = try #require(CLI.executable)
            process.arguments = ["generate", "--events", "20000000", "--by-person", "--output", target]
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            guard process.isRunning else { continue } // a fast machine finished: nothing to stop
            kill(process.processIdentifier, sig)
            // Never wait for ever: a process still there after 20 s is a failure, and killed.
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                Issue.record("still running 20 s after the signal")
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            // The shell's status for a process stopped by a signal: 128 + its number.
            #expect(process.terminationReason == .exit && process.terminationStatus == 128 + sig)
            let left = try Self.leftovers(dir)
            #expect(left.isEmpty, "after \(delay) s: \(left)")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
    }

    @Test("a temporary file left by a run killed outright is removed by the next run to the same file; another process's is kept")
    func leftover() throws {
        let dir = Scratch.url("pathway-left-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // A process number that no process has (above the kernel's limit), and this test's own.
        let dead = dir.appendingPathComponent(".r.json.2147483000.tmp").path
        let alive = dir.appendingPathComponent(".r.json.\(getpid()).tmp").path
        try Data("partial".utf8).write(to: URL(fileURLWithPath: dead))
        try Data("partial".utf8).write(to: URL(fileURLWithPath: alive))
        let result = try CLI.run(["replay", "Examples/departement-2025.ndjson", "--output", dir.appendingPathComponent("r.json").path])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.json").path))
    }
}
