import Pathway

/// `pathway generate`: a synthetic log for benchmarks and demos.
enum GenerateCommand {
    static let spec = CommandSpec(
        "generate", arguments: "",
        description: """
        Écrit un journal d'événements synthétique réaliste (journal v1, NDJSON) de N événements,
        une centaine par personne : droits ouverts, transférés, clos et rouverts ; inscriptions ;
        orientations dans le délai et en retard ; réorientations ; diagnostics ; contrats avec
        réductions légales et quelques durées illégales ; activités de chaque semaine ;
        rendez-vous ; manquements et sanctions de toutes sortes, avec audition et recours ; le
        stock ouvert avant 2025. Mêlés dans l'ordre des dates, comme l'export d'un département.
        Les mêmes N et graine donnent toujours les mêmes octets.

        Avec --caf-flow, un flux CAF/MSA synthétique à la place (XML, windows-1252, noms
        accentués, chaque ETATDOSRSA, clôtures avec leur motif, indicateurs de droits et devoirs),
        pour `pathway import caf`.
        """,
        options: [
            OptionSpec("--events", .integer(placeholder: "N", 0...2_000_000_000), help: "Nombre d'événements (lignes) à écrire."),
            OptionSpec("--caf-flow", .integer(placeholder: "HOUSEHOLDS", 0...100_000_000), help: "Écrire un flux CAF/MSA d'autant de foyers au lieu d'un journal."),
            OptionSpec("--flow", .integer(placeholder: "K", 1...10_000), help: "Avec --caf-flow : le K-ième flux d'une suite hebdomadaire (1, par défaut : le flux mensuel ; les suivants font bouger des foyers : droits ouverts et clos, droits et devoirs changés)."),
            OptionSpec("--seed", .integer(placeholder: "S", 0...Int.max), help: "Graine du générateur (1 par défaut)."),
            OptionSpec("--by-person", help: "Les mêmes lignes groupées par personne (les lignes de chacune ensemble, dans leur ordre), pour `pathway replay --sorted` ; écrites à mesure."),
            OptionSpec("--sources", help: "Un journal importé : seulement les événements que les sources intégrées enregistrent (flux CAF/MSA, base de pilotage, rdv-insertion), chacun avec sa \"source\" ; les règles qui demandent une inscription ou un diagnostic ne sont alors pas jugées."),
            CommonOptions.output("Écrire dans FICHIER au lieu de la sortie standard."),
        ])

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        if let word = given.positionals.first { throw UsageError(message: "argument inattendu « \(word) »", command: "generate") }
        let events = given.integer("--events")
        let seed = UInt64(given.integer("--seed") ?? 1)
        let output = given.value("--output")
        let byPerson = given.has("--by-person")
        let cafFlow = given.integer("--caf-flow")
        let flow = given.integer("--flow") ?? 1
        if let cafFlow {
            let generator = CAFFlowGenerator(households: cafFlow, seed: seed, flow: flow)
            try emit(to: output) { generator.write($0) }
            return .success
        }
        guard let events else { throw UsageError(message: "il manque --events N (ou --caf-flow FOYERS)", command: "generate") }
        let generator = LogGenerator(events: events, seed: seed, byPerson: byPerson, sources: given.has("--sources"))
        try emit(to: output) { generator.write(to: $0) }
        return .success
    }

    /// Writes what `write` hands over to `output`, or to standard output.
    private static func emit(to output: String?, _ write: (([UInt8]) -> Void) -> Void) throws {
        if let output {
            let file = try OutputFile(path: output)
            defer { file.close() }
            var failed = false
            write { bytes in if !failed && !file.write(bytes) { failed = true } }
            if !failed && !file.finish() { failed = true }
            if failed { throw InputError(message: "\(output) : écriture impossible : \(Files.describeErrno())") }
        } else {
            write { bytes in _ = Files.write(bytes, fd: 1) }
        }
    }
}
