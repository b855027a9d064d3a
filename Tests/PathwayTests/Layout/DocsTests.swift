import Foundation
import Testing
@testable import Pathway

/// The repository stands alone: its contracts are pages of `Docs/`, each rule page links its
/// rule's file and test file, and nothing cites a file its users do not have.
@Suite("Docs: a repository that stands alone")
struct DocsTests {
    private static func text(_ path: String) throws -> String {
        try String(contentsOf: Repository.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every Markdown page and Swift file a user of the repository reads.
    private static func readable() -> [String] {
        let root = Repository.root.path
        var paths = ["README.md", "CHANGELOG.md"]
        for folder in ["Docs", "Sources", "Tests", "Examples", "scripts", "Fuzz"] {
            let files = FileManager.default.enumerator(atPath: root + "/" + folder)?.compactMap { $0 as? String } ?? []
            paths += files.filter { $0.hasSuffix(".md") || $0.hasSuffix(".swift") || $0.hasSuffix(".py") || !$0.contains(".") }
                .map { folder + "/" + $0 }
                .filter { !FileManager.default.fileExists(atPath: root + "/" + $0 + "/.") }
        }
        return paths.sorted()
    }

    @Test("each rule page opens with links to its rule file and its test file, and both exist")
    func ruleLinks() throws {
        for rule in RuleRegistry.all {
            let page = try Self.text("Docs/rules/\(rule.id).md")
            let stage = rule.stage.rawValue.capitalized
            let head = page.split(separator: "\n").prefix(12).joined(separator: "\n")
            for target in ["Sources/PathwayLaw/Rules/\(stage)/\(rule.id).swift", "Tests/PathwayTests/Rules/\(stage)/\(rule.id).swift"] {
                #expect(head.contains("(../../\(target))"), "Docs/rules/\(rule.id).md does not link \(target) in its head")
                #expect(FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent(target).path), "\(target) is missing")
            }
        }
    }

    @Test("each rule page's head and parameters, and the index, are what the registry writes (pathway rules --format markdown --docs Docs)")
    func generatedParts() throws {
        for rule in RuleRegistry.all {
            let page = try Self.text("Docs/rules/\(rule.id).md")
            #expect(page.hasPrefix(RuleReference.begin("tête")), "Docs/rules/\(rule.id).md does not open with its generated head")
            #expect(page.contains(RuleReference.begin("paramètres")), "Docs/rules/\(rule.id).md has no generated table of parameters")
            #expect(RuleReference.page(page, for: rule) == page,
                    "Docs/rules/\(rule.id).md is stale: run `swift run pathway rules --format markdown --docs Docs`")
        }
        let index = try Self.text("Docs/README.md")
        #expect(index.contains(RuleReference.begin("index")))
        #expect(RuleReference.replacing("index", with: RuleReference.index(), in: index) == index,
                "Docs/README.md's index of the rules is stale: run `swift run pathway rules --format markdown --docs Docs`")
    }

    @Test("dated wording: no title or legal citation is built from a parameter's value (a new dated value must not reword past findings)")
    func datedWording() throws {
        for rule in RuleRegistry.all {
            for word in ["six semaines", "dix jours", "le mois", "heures", "%", "2025", "2027"] where rule.title.contains(word) {
                Issue.record("\(rule.id)'s title states \(word)")
            }
        }
        let library = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: library.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("PathwayCLI/") } ?? []
        for file in files {
            let text = try String(contentsOf: library.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() where line.contains("\\(") {
                if line.contains("title: \"") || line.contains("LegalReference(\"") {
                    Issue.record("Sources/\(file):\(number + 1) builds a title or a citation from a value: \(line)")
                }
            }
        }
    }

    @Test("no page, script or comment cites a file outside the repository or a tracker's issue")
    func standsAlone() throws {
        #expect(Self.readable().count > 80)
        let outside = ["../shared", "LAW.md", "REPORT.md", "EVENTS.md", "PRACTICE.md", "FORMATS.md", "the issue", "issue 6"]
        for path in Self.readable() where path != "CHANGELOG.md" && !path.hasSuffix("Layout/DocsTests.swift") {
            guard let text = try? Self.text(path) else { continue }
            for word in outside where text.contains(word) {
                Issue.record("\(path) cites \(word)")
            }
        }
    }

    @Test("the contracts are pages of Docs: the event log, the report, the architecture")
    func contracts() throws {
        let events = try Self.text("Docs/events.md")
        for type in EventType.allCases { #expect(events.contains("`\(type.rawValue)`"), "Docs/events.md misses \(type.rawValue)") }
        for field in Field.allCases { #expect(events.contains("`\(field.name)`"), "Docs/events.md misses the field \(field.name)") }
        let report = try Self.text("Docs/report.md")
        for word in ["--as-of", "--strict", "input.lines", "Codes de sortie", "Un mois", "Suspension", "`findings[]`", "`indicators`"] {
            #expect(report.contains(word), "Docs/report.md misses \(word)")
        }
        let architecture = try Self.text("Docs/architecture.md")
        for folder in ["Rules/", "Machinery/", "Engine/", "Log/", "Law/", "Report/"] {
            #expect(architecture.contains(folder), "Docs/architecture.md does not place \(folder)")
        }
    }

    @Test("the JSON Schema describes every field it defines")
    func schemaDescriptions() throws {
        let schema = try JSONValue.parse(try Self.text("Docs/schema/events.schema.json"))
        var described = 0
        func check(_ properties: JSONValue?, _ place: String) {
            guard case .object(let members)? = properties else { return }
            for (key, value) in members {
                guard case .object(let fields) = value else { continue }
                #expect(fields.contains { $0.key == "description" }, "schema: \(place)/\(key) has no description")
                described += 1
            }
        }
        guard case .object(let top) = schema else { Issue.record("the schema is not an object"); return }
        check(top.first { $0.key == "properties" }?.value, "properties")
        if case .array(let rules)? = top.first(where: { $0.key == "allOf" })?.value {
            for (index, rule) in rules.enumerated() {
                guard case .object(let members) = rule, case .object(let then)? = members.first(where: { $0.key == "then" })?.value else { continue }
                check(then.first { $0.key == "properties" }?.value, "allOf[\(index)].then")
            }
        }
        #expect(described >= Field.allCases.count)
    }
}
