import Pathway

/// `pathway check`: runs the scenarios of Markdown files written by policy teams.
enum CheckCommand {
    static let spec = CommandSpec(
        "check", arguments: "<file.md | folder>...",
        description: """
        Joue chaque bloc ```scenario des fichiers Markdown donnés (les dossiers sont parcourus à la
        recherche de fichiers .md) et écrit une ligne par scénario : ok, ou ce qui diffère. Le
        format est décrit dans Docs/scenarios.md ; Docs/rules en est le premier corpus.
        """,
        options: [OptionSpec("--quiet", help: "N'écrire que les scénarios en échec, et le bilan.")],
        footer: """
        Code de sortie : 0 tous les scénarios s'accordent avec le moteur, 1 au moins un diffère, 2
        erreur d'usage, fichier illisible ou scénario mal formé.
        """)

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        let paths = given.positionals
        let quiet = given.has("--quiet")
        guard !paths.isEmpty else {
            throw UsageError(message: "il manque un fichier ou un dossier de scénarios (par exemple Docs/rules)", command: "check")
        }
        var files: [String] = []
        for path in paths {
            let found = try Files.markdownFiles(under: path)
            if found.isEmpty { throw InputError(message: "\(path) : aucun fichier .md") }
            files.append(contentsOf: found)
        }
        var passed = 0
        var failed = 0
        for file in files {
            let text = try Files.readText(file)
            let scenarios: [Scenario]
            do {
                scenarios = try Scenario.parse(markdown: text, source: file)
            } catch {
                throw InputError(message: "\(error)")
            }
            for scenario in scenarios {
                let result = scenario.run()
                if result.passed {
                    passed += 1
                    if !quiet { console.out("ok      \(file):\(scenario.line)  \(scenario.title)\n") }
                } else {
                    failed += 1
                    console.out("ÉCHEC   \(file):\(scenario.line)  \(scenario.title)\n")
                    for difference in result.differences { console.out("        - \(difference)\n") }
                }
            }
        }
        let total = passed + failed
        guard total > 0 else {
            // A mistyped fence is not a pass.
            throw InputError(message: "\(paths.joined(separator: ", ")) : aucun scénario : un scénario est un bloc entre ```scenario (seul sur sa ligne) et ```")
        }
        console.out("\(total) scénario\(total > 1 ? "s" : "") dans \(files.count) fichier\(files.count > 1 ? "s" : "") : "
                    + "\(passed) conforme\(passed > 1 ? "s" : ""), \(failed) en échec\n")
        return failed > 0 ? .violations : .success
    }
}
