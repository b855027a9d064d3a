import Foundation
import Testing
@testable import Pathway

/// The rule reference in `Docs/rules/` is executable: its examples are tests.
@Suite("Docs/rules: executable law")
struct RuleReferenceTests {
    static let rulesDirectory = Repository.root.appendingPathComponent("Docs/rules")

    static func pages() -> [(id: String, text: String)] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: rulesDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.sorted().compactMap { file in
            guard let text = try? String(contentsOf: rulesDirectory.appendingPathComponent(file), encoding: .utf8) else { return nil }
            return (String(file.dropLast(3)), text)
        }
    }

    @Test("every registered rule has a page with at least two examples, and every page names a rule")
    func coverage() throws {
        let pages = Self.pages()
        let ids = Set(pages.map(\.id))
        for rule in RuleRegistry.all {
            #expect(ids.contains(rule.id.rawValue), "no page Docs/rules/\(rule.id).md")
        }
        for page in pages {
            #expect(RuleRegistry.rule(RuleID(rawValue: page.id)) != nil, "page \(page.id).md names no registered rule")
            let scenarios = try Scenario.parse(markdown: page.text, source: page.id + ".md")
            #expect(scenarios.count >= 2, "\(page.id).md has \(scenarios.count) example(s)")
            for section in ["## Ce que vérifie la règle", "## Base légale", "## Paramètres", "## Compte des jours",
                            "## Ce que dit le constat", "## Exemples", "## Historique"] {
                #expect(page.text.contains("\n" + section + "\n"), "\(page.id).md misses the section \(section)")
            }
            if let rule = RuleRegistry.rule(RuleID(rawValue: page.id)) {
                #expect(page.text.contains(rule.severity == .violation ? "**violation**" : rule.severity.label), "\(page.id).md: severity")
                for key in rule.parameters {
                    #expect(page.text.contains("`\(key)`"), "\(page.id).md does not show the parameter \(key)")
                }
            }
        }
    }

    @Test("every [I] choice and every overridable parameter is in Docs/interpretations.md with its key")
    func interpretations() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Docs/interpretations.md"), encoding: .utf8)
        for parameter in Parameters.law.all where parameter.overridable || parameter.references.contains(where: { $0.confidence == .interpretation }) {
            #expect(text.contains("| `\(parameter.key)` |"), "Docs/interpretations.md has no row for \(parameter.key)")
        }
    }

    @Test("Docs/README.md lists every rule, and the glossary exists")
    func index() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Docs/README.md"), encoding: .utf8)
        for rule in RuleRegistry.all {
            #expect(text.contains("(rules/\(rule.id).md)"), "Docs/README.md does not link \(rule.id)")
        }
        #expect(FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent("Docs/glossary.md").path))
    }

    @Test("every example of every page agrees with the engine")
    func examples() throws {
        var count = 0
        for page in Self.pages() {
            for scenario in try Scenario.parse(markdown: page.text, source: page.id + ".md") {
                let result = scenario.run()
                #expect(result.passed, "\(scenario.source):\(scenario.line) « \(scenario.title) » : \(result.differences.joined(separator: " | "))")
                count += 1
            }
        }
        #expect(count >= 18)
    }

    @Test("a wrong expected date gives a French message naming the rule, the person and both dates")
    func wrongDate() throws {
        let page = """
        ```scenario
        title: exprès faux
        log:
        {"id":"e1","person":"P1","type":"right_opened","date":"2025-03-03"}
        {"id":"e2","person":"P1","type":"registered","date":"2025-03-03"}
        {"id":"e3","person":"P1","type":"orientation_decided","date":"2025-04-15","dominante":"emploi","organisme":"france_travail","decided_by":"france_travail"}
        expect:
        finding: orientation.deadline P1 due 2025-04-15 done 2025-04-15
        state: P1 engaged
        ```
        """
        let scenario = try #require(try Scenario.parse(markdown: page, source: "x.md").first)
        #expect(scenario.run().differences == [
            "P1 orientation.deadline : échéance attendue 2025-04-15, obtenue 2025-04-14",
            "P1 : état attendu engaged, obtenu awaiting_contract",
        ])
    }

    @Test("a malformed scenario names its file and line")
    func malformed() {
        let page = "intro\n```scenario\ntitle: x\nlog:\n{}\nexpect:\nfinding: nope.rule P1\n```\n"
        #expect(throws: ScenarioError(source: "y.md", line: 7, message: "règle inconnue « nope.rule »")) {
            try Scenario.parse(markdown: page, source: "y.md")
        }
    }
}
