import Pathway

/// `pathway rules`: the registry of rules, their sources and their parameters.
enum RulesCommand {
    static let spec = CommandSpec(
        "rules", arguments: "",
        description: """
        Écrit chaque règle que Pathway applique : son identifiant, sa gravité, ce qu'elle vérifie,
        ses articles avec leur confiance ([P] texte primaire, [S] source secondaire, [I]
        interprétation), et ses paramètres avec les valeurs en vigueur (et si un département peut
        les remplacer).
        """,
        options: [
            CommonOptions.format(["text", "json", "markdown"], help: "text (par défaut, en français), json, ou markdown : les parties de la référence des règles que le registre connaît (l'en-tête et la table des paramètres de chaque page, l'index), entre marqueurs."),
            CommonOptions.asOf("Montrer les valeurs en vigueur ce jour-là (par défaut : les plus récentes)."),
            OptionSpec("--config", .text(placeholder: "FILE", expected: "un chemin de fichier JSON"), help: "Appliquer un fichier de paramètres locaux, comme replay."),
            OptionSpec("--docs", .text(placeholder: "DIR", expected: "un dossier (Docs)"), help: "Avec --format markdown : réécrire ces parties dans DIR/rules/*.md et DIR/README.md, sur place (le texte et les exemples sont gardés)."),
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
