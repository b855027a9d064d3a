import Foundation
import Testing
@testable import Pathway

/// The library's layout (`Docs/architecture.md`): the machinery fenced off under
/// `PathwayMachinery` and the `Machinery/` folders of the other layers, one file per rule under
/// `Sources/PathwayLaw/Rules`, the layers as targets that import only those below them.
@Suite("Layout of the library")
struct FenceTests {
    static let sourcesFolder = Repository.root.appendingPathComponent("Sources")
    /// The library's targets, bottom layer first, with the targets each may import.
    static let layers: [(target: String, imports: Set<String>)] = [
        ("PathwayMachinery", []),
        ("PathwayLaw", ["PathwayMachinery"]),
        ("PathwayReport", ["PathwayMachinery", "PathwayLaw"]),
        ("PathwayImport", ["PathwayMachinery", "PathwayLaw"]),
        ("Pathway", ["PathwayMachinery", "PathwayLaw", "PathwayReport", "PathwayImport"]),
    ]

    /// Every Swift file of the library's targets, with its path relative to `Sources`
    /// (`PathwayLaw/Rules/Sanction/sanction.notice.swift`).
    static func sources() throws -> [(path: String, text: String)] {
        try layers.flatMap { layer -> [(path: String, text: String)] in
            let folder = sourcesFolder.appendingPathComponent(layer.target)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            return try files.filter { $0.hasSuffix(".swift") }.sorted().map {
                ("\(layer.target)/\($0)", try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
            }
        }
    }

    /// Whether `path` may hold machinery: the bottom layer, or a `Machinery/` folder of another.
    static func isMachinery(_ path: String) -> Bool {
        path.hasPrefix("PathwayMachinery/") || path.split(separator: "/").dropFirst().first == "Machinery"
    }

    @Test("the layers are targets: at least three library targets, each importing only the layers below it")
    func layers() throws {
        let manifest = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for layer in Self.layers {
            #expect(manifest.contains(".target(name: \"\(layer.target)\""), "Package.swift has no target \(layer.target)")
        }
        for (path, text) in try Self.sources() {
            let target = String(path.prefix { $0 != "/" })
            let allowed = Self.layers.first { $0.target == target }?.imports ?? []
            for line in text.split(separator: "\n") where line.hasPrefix("import Pathway") || line.hasPrefix("@_exported import Pathway") {
                let module = String(line.split(separator: " ").last ?? "")
                #expect(allowed.contains(module), "Sources/\(path) imports \(module), above its layer")
            }
        }
    }

    @Test("pointers, inlining hints, the C library and memory advice appear only under Machinery/")
    func fence() throws {
        let tokens = ["Unsafe", "unsafe", "@inline", "Glibc", "Darwin", "madvise", "mallopt", "memchr", "memcmp", "@unchecked"]
        let sources = try Self.sources()
        #expect(sources.count > 40)
        for (path, text) in sources where !Self.isMachinery(path) {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for token in tokens where line.contains(token) {
                    Issue.record("Sources/\(path):\(number + 1) uses \(token) outside the machinery: \(line)")
                }
            }
        }
        #expect(sources.contains { Self.isMachinery($0.path) && $0.text.contains("Unsafe") })
    }

    @Test("each rule id is declared once, in its own file Rules/<Stage>/<id>.swift, and registered")
    func ruleFiles() throws {
        let sources = try Self.sources()
        for rule in RuleRegistry.all {
            let file = "PathwayLaw/Rules/\(rule.stage.folder)/\(rule.id).swift"
            let declaring = sources.filter { $0.text.contains("\"\(rule.id)\"") }.map(\.path)
            #expect(declaring == [file], "\(rule.id) is declared in \(declaring), expected \(file)")
        }
        let ruleFiles = sources.filter { $0.path.hasPrefix("PathwayLaw/Rules/") && $0.path.split(separator: "/").count == 4 }
            .map(\.path).filter { !$0.hasSuffix("SanctionRules.swift") }
        #expect(ruleFiles.count == RuleRegistry.all.count, "\(ruleFiles)")
    }

    @Test("the state machine holds no rule's message: no French sentence ends with a citation there")
    func noMessagesInTheEngine() throws {
        for (path, text) in try Self.sources() where path.hasPrefix("PathwayLaw/Engine/") {
            #expect(!text.contains("cite("), "\(path) cites a rule")
            #expect(!text.contains("Finding(rule: ."), "\(path) makes a finding of a named rule")
        }
    }

    @Test("no rule is named outside Rules/: the state machine, the reports and the machinery ask the registry")
    func rulesByRegistry() throws {
        let pattern = #/Rules\.(Orientation|Contract|Review|Sequence|Intensity|Sanction)\.[A-Z]/#
        for (path, text) in try Self.sources() where !path.hasPrefix("PathwayLaw/Rules/") {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(pattern) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                Issue.record("Sources/\(path):\(number + 1) names a rule: \(line)")
            }
        }
    }

    @Test("no source file is over 600 lines: a file holds one concern")
    func fileSizes() throws {
        let root = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50)
        for file in files {
            let lines = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(lines <= 600, "Sources/\(file) has \(lines) lines")
        }
    }
}
