import Pathway

/// `pathway rules`: the registry of rules, their sources and their parameters.
enum RulesCommand {
    static let spec = CommandSpec(
        "rules", arguments: "",
        description: """
        Prints every rule Pathway applies: its id, severity, what it checks, its articles with
        their confidence ([P] primary text, [S] secondary source, [I] interpretation), and its
        parameters with the values in force (and whether a département may override them).
        """,
        options: [
            CommonOptions.format(["text", "json", "markdown"], help: "text (default, French), json, or markdown: the parts of the rule reference the registry knows (each page's head and table of parameters, the index), between markers."),
            CommonOptions.asOf("Show the values in force on that date (default: the latest values)."),
            OptionSpec("--config", .text(placeholder: "FILE", expected: "a JSON file path"), help: "Apply a file of local parameters, as replay does."),
            OptionSpec("--docs", .text(placeholder: "DIR", expected: "a folder (Docs)"), help: "With --format markdown: rewrite those parts in DIR/rules/*.md and DIR/README.md, in place (the prose and the examples are kept)."),
        ])

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        if let extra = given.positionals.first { throw UsageError(message: "argument inattendu « \(extra) »", command: "rules") }
        let format = given.value("--format") ?? "text"
        let docs = given.value("--docs")
        let asOf = given.date("--as-of")
        var parameters = Parameters.law
        if let config = given.value("--config") { parameters = try ReplayCommand.loadConfig(config, into: parameters) }
        switch format {
        case "json": console.out(RuleListing.json(parameters, asOf: asOf))
        case "markdown":
            guard let docs else { console.out(RuleReference.all(parameters)); return .success }
            let changed = try RuleDocs.writeDocs(docs, parameters: parameters)
            console.err("\(changed) page\(changed > 1 ? "s" : "") réécrite\(changed > 1 ? "s" : "") dans \(docs)\n")
        default:
            if docs != nil { throw UsageError(message: "--docs va avec --format markdown", command: "rules") }
            console.out(RuleListing.text(parameters, asOf: asOf))
        }
        return .success
    }
}

/// The rule reference's generated parts written into a folder of pages.
enum RuleDocs {
    /// Rewrites the generated parts of the rule reference in `folder` (`Docs`); returns how many
    /// files changed.
    static func writeDocs(_ folder: String, parameters: Parameters) throws -> Int {
        var changed = 0
        func rewrite(_ path: String, _ transform: (String) -> String) throws {
            let old = try Files.readText(path)
            let new = transform(old)
            guard new != old else { return }
            try Files.writeAtomically(path, Array(new.utf8))
            changed += 1
        }
        try rewrite(folder + "/README.md") { RuleReference.replacing("index", with: RuleReference.index(parameters.rules.all), in: $0) }
        for rule in parameters.rules.all {
            try rewrite(folder + "/rules/\(rule.id).md") { RuleReference.page($0, for: rule, parameters: parameters) }
        }
        return changed
    }
}
