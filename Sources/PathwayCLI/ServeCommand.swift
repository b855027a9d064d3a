import Pathway

/// `pathway serve --stdio`: a JSON-lines protocol for software not written in Swift. One
/// request per line on standard input, one response per line on standard output
/// (Docs/embedding.md).
enum ServeCommand {
    static let spec = CommandSpec(
        "serve", arguments: "",
        description: """
        Lit des requêtes, un objet JSON par ligne, sur l'entrée standard et répond à chacune par un
        objet JSON sur une ligne de la sortie standard, jusqu'à la fin de l'entrée :

          {"op":"event","event":{…}}                  garder un événement (validé comme dans un journal)
          {"op":"check","event":{…}}                  que causerait cet événement ? (non gardé)
          {"op":"state","person":"P1","as_of":"…"}    l'état, les délais et les constats d'une personne
          {"op":"due","as_of":"…","within":7}         les échéances de la fenêtre

        Chaque réponse a "ok": true, ou "ok": false avec "code" (stable) et "error" (en français) ;
        l'"id" d'une requête, s'il y en a un, est repris dans sa réponse. Une personne dont la
        session n'a aucun événement est une erreur, pas un état. Voir Docs/embedding.md.
        """,
        options: [
            OptionSpec("--stdio", help: "Requêtes sur l'entrée standard, réponses sur la sortie standard (le seul transport, exigé)."),
            CommonOptions.config,
            OptionSpec("--log", .text(placeholder: "FILE", expected: "un fichier de journal"), help: "Charger d'abord un journal d'événements (ses lignes rejetées sont comptées sur la sortie d'erreur)."),
        ])

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        if let word = given.positionals.first { throw UsageError(message: "argument inattendu « \(word) »", command: "serve") }
        let stdio = given.has("--stdio")
        var parameters = Parameters.law
        if let config = given.value("--config") { parameters = try ReplayCommand.loadConfig(config, into: parameters) }
        let preload = given.value("--log")
        guard stdio else { throw UsageError(message: "--stdio est le seul transport : pathway serve --stdio", command: "serve") }
        var session = ServeSession(parameters: parameters)
        if let preload {
            let text = try Files.readText(preload)
            // Every line accounted for as replay does: events, duplicates, rejected, blank.
            var kept = 0, duplicates = 0, rejected = 0, blank = 0
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if text.hasSuffix("\n") { lines.removeLast() }
            for line in lines {
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { blank += 1; continue }
                switch session.store.add(line: String(line)) {
                case .success(.event): kept += 1
                case .success(.duplicate): duplicates += 1
                case .failure: rejected += 1
                }
            }
            func n(_ count: Int, _ word: String) -> String { "\(FrenchWords.integer(count)) \(word)\(count > 1 ? "s" : "")" }
            console.err("pathway serve : \(preload) : \(n(lines.count, "ligne")) : \(n(kept, "événement")), \(n(duplicates, "doublon")), "
                        + "\(n(rejected, "rejetée")), \(n(blank, "vide"))\n")
        }
        while let line = readLine(strippingNewline: true) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            console.out(session.answer(line).serialized(pretty: false) + "\n")
        }
        return .success
    }
}
