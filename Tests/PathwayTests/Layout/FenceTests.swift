import Foundation
import Testing
@testable import Pathway

/// The library's layout (`Docs/architecture.md`): the machinery fenced off under
/// `Sources/Pathway/Machinery`, one file per rule under `Sources/Pathway/Rules`.
@Suite("Layout of the library")
struct FenceTests {
    static let library = Repository.root.appendingPathComponent("Sources/Pathway")

    /// Every Swift file of the library, with its path relative to `Sources/Pathway`.
    static func sources() throws -> [(path: String, text: String)] {
        let files = FileManager.default.enumerator(atPath: library.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: library.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test("pointers, inlining hints, the C library and memory advice appear only under Machinery/")
    func fence() throws {
        let tokens = ["Unsafe", "unsafe", "@inline", "Glibc", "Darwin", "madvise", "mallopt", "memchr", "memcmp", "@unchecked"]
        let sources = try Self.sources()
        #expect(sources.count > 40)
        for (path, text) in sources where !path.hasPrefix("Machinery/") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for token in tokens where line.contains(token) {
                    Issue.record("Sources/Pathway/\(path):\(number + 1) uses \(token) outside Machinery/: \(line)")
                }
            }
        }
        #expect(sources.contains { $0.path.hasPrefix("Machinery/") && $0.text.contains("Unsafe") })
    }

    @Test("each rule id is declared once, in its own file Rules/<Stage>/<id>.swift, and registered")
    func ruleFiles() throws {
        let sources = try Self.sources()
        for rule in RuleRegistry.all {
            let file = "Rules/\(rule.stage.rawValue.capitalized)/\(rule.id).swift"
            let declaring = sources.filter { $0.text.contains("\"\(rule.id)\"") }.map(\.path)
            #expect(declaring == [file], "\(rule.id) is declared in \(declaring), expected \(file)")
        }
        let ruleFiles = sources.filter { $0.path.hasPrefix("Rules/") && $0.path.split(separator: "/").count == 3 }
            .map(\.path).filter { !$0.hasSuffix("SanctionRules.swift") }
        #expect(ruleFiles.count == RuleRegistry.all.count, "\(ruleFiles)")
    }

    @Test("the state machine holds no rule's message: no French sentence ends with a citation there")
    func noMessagesInTheEngine() throws {
        for (path, text) in try Self.sources() where path.hasPrefix("Engine/") {
            #expect(!text.contains("cite("), "\(path) cites a rule")
            #expect(!text.contains("Finding(rule: ."), "\(path) makes a finding of a named rule")
        }
    }

    @Test("no rule is named outside Rules/: the state machine, the reports and the machinery ask the registry")
    func rulesByRegistry() throws {
        let pattern = #/Rules\.(Orientation|Contract|Review|Sequence|Intensity|Sanction)\.[A-Z]/#
        for (path, text) in try Self.sources() where !path.hasPrefix("Rules/") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(pattern) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                Issue.record("Sources/Pathway/\(path):\(number + 1) names a rule: \(line)")
            }
        }
    }
}
