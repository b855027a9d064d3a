import Foundation
import Testing
@testable import Pathway

/// Runs the built `pathway` binary, as an auditor would.
struct CLI {
    static let executable: URL? = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("pathway")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The package root, to find `Examples/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs another tool (`python3 …`, `bash …`) from the package root; output and errors together.
    static func tool(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// A JSON report of `path` as the same bytes read on standard input give it: the input's
    /// name in `merge.files` is the only difference.
    static func named(_ report: String, _ path: String) -> String {
        report.replacingOccurrences(of: "\"file\": \"\(path)\"", with: "\"file\": \"entrée standard\"")
    }

    static func temporaryFile(_ content: String, suffix: String = ".ndjson") throws -> String {
        let path = Scratch.url("pathway-test-\(UUID().uuidString)\(suffix)").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// Where the tests write their files: a directory of this process's own under the temporary
/// directory. Those of earlier runs whose process is over are removed at the first use, so that
/// `swift test` run again and again does not pile up its files (`scripts/test`, the README's
/// command and CI's, also gives the tests a temporary directory of its own and removes it).
enum Scratch {
    static let root: URL = {
        let files = FileManager.default, temporary = files.temporaryDirectory, prefix = "pathway-tests-"
        for name in (try? files.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? files.removeItem(at: temporary.appendingPathComponent(name))
        }
        let root = temporary.appendingPathComponent("\(prefix)\(getpid())")
        try? files.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }()

    /// A path under ``root``.
    static func url(_ name: String) -> URL { root.appendingPathComponent(name) }
}

enum Repository {
    /// The pages of the rule reference, `Docs/rules/<id>.md`, by id.
    static func rulePages() -> [(id: String, text: String)] {
        let directory = CLI.root.appendingPathComponent("Docs/rules")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted().compactMap { file in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { return nil }
            return (String(file.dropLast(3)), text)
        }
    }
}

/// The tools some tests need besides Swift. A test that needs one checks for it first and,
/// when it is missing, is skipped with a message that says what to install; none traps.
/// `.ci/run` installs them, so that CI always runs those tests.
enum ExternalTool {
    /// Whether `arguments` run and exit 0 (a probe, its output discarded).
    private static func succeeds(_ arguments: [String]) -> Bool {
        (try? CLI.tool(arguments).status == 0) ?? false
    }

    static let python3 = succeeds(["python3", "-c", "pass"])
    /// Python's `jsonschema` module (scripts/validate-schema).
    static let jsonschema = python3 && succeeds(["python3", "-c", "import jsonschema"])
    /// The toolchain's `docc` (scripts/docs).
    static let docc = succeeds(["docc", "--help"])

    static let installJSONSchema: Comment = "needs Python's jsonschema module: apt-get install python3-jsonschema (or pip install jsonschema), then run again"
    static let installPython: Comment = "needs python3: apt-get install python3, then run again"
    /// Chromium, for the HTML report's browser tests (scripts/browser-check).
    static let chromium = succeeds(["sh", "-c", "command -v chromium || command -v chromium-browser || command -v google-chrome"])
    static let installChromium: Comment = "needs Chromium: apt-get install chromium (scripts/setup-tools does it, as .ci/run), then run again"
    /// A Python with pyspark, and a Java runtime, for scripts/spark-replay: `PATHWAY_SPARK_PYTHON`,
    /// else the virtual environment scripts/setup-tools makes, else python3.
    static let spark: String? = {
        guard succeeds(["java", "-version"]) else { return nil }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/root"
        let candidates = [ProcessInfo.processInfo.environment["PATHWAY_SPARK_PYTHON"],
                          "\(home)/.cache/pathway-tools/spark/bin/python", "python3"].compactMap { $0 }
        return candidates.first { succeeds([$0, "-c", "import pyspark"]) }
    }()
    static let installSpark: Comment = "needs pyspark and a Java runtime: scripts/setup-tools installs them (a JRE from Debian, pyspark from PyPI in ~/.cache/pathway-tools/spark), then run again"
    static let installDocc: Comment = "needs the toolchain's docc on the PATH (it ships with Swift 6 toolchains)"
}
