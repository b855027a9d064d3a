import Pathway

/// `pathway split`: a log cut into parts by person, for replays on several machines.
enum SplitCommand {
    static let spec = CommandSpec(
        "split", arguments: "<journal.ndjson | ->",
        description: """
        Coupe un journal d'événements en N parties par personne : toutes les lignes d'une personne
        vont dans la même partie, choisie par un hachage de ses octets (FNV-1a sur 64 bits, modulo
        N) qui ne dépend ni de la machine, ni de l'ordre des lignes. Chaque ligne garde ses octets
        et son ordre ; une ligne sans personne lisible va dans la première partie, où son rejeu
        la rejette et la nomme ; les lignes vides sont comptées et laissées. Les parties se
        rejouent chacune à part (une machine, un nœud de calcul chacune), et ensemble avec
        --by-file pour comparer leurs indicateurs.
        """,
        options: [
            OptionSpec("--parts", .integer(placeholder: "N", 1...4096), help: "Le nombre de parties (exigé)."),
            OptionSpec("--output", short: "-o", .text(placeholder: "PRÉFIXE", expected: "un préfixe de chemin"),
                       help: "Les parties s'appellent PRÉFIXE-1-sur-N.ndjson … PRÉFIXE-N-sur-N.ndjson (par défaut : le journal sans son extension ; « partie » pour l'entrée standard)."),
        ],
        footer: """
        Code de sortie : 0 fait, 2 erreur d'usage, entrée illisible ou partie impossible à écrire.
        """)

    static var usage: String { spec.usage }

    static func run(_ arguments: [String], console: inout some Console) throws -> ExitStatus {
        guard let given = try spec.parse(arguments) else {
            console.out(usage + "\n")
            return .success
        }
        guard given.positionals.count == 1, let input = given.positionals.first else {
            throw UsageError(message: given.positionals.isEmpty ? "il manque le journal à couper (un chemin, ou - pour l'entrée standard)" : "un seul journal à la fois", command: "split")
        }
        guard let parts = given.integer("--parts") else { throw UsageError(message: "il manque --parts N", command: "split") }
        let prefix = given.value("--output") ?? (input == "-" ? "partie" : String(input.hasSuffix(".ndjson") ? input.dropLast(7) : Substring(input)))
        // The parts opened one by one; if one cannot be, those already open are removed.
        var files: [OutputFile] = []
        defer { for file in files { file.close() } }
        for k in 1...parts { files.append(try OutputFile(path: "\(prefix)-\(k)-sur-\(parts).ndjson")) }
        var buffers = [[UInt8]](repeating: [], count: parts)
        var lines = [Int](repeating: 0, count: parts)
        var blank = 0, unreadable = 0, failed = false
        func flush(_ k: Int) {
            if !failed && !files[k].write(buffers[k]) { failed = true }
            buffers[k].removeAll(keepingCapacity: true)
        }
        try Files.withContents(of: input) { (bytes: UnsafeBufferPointer<UInt8>) in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                let line = Array(bytes[start..<end])
                start = end + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { blank += 1; continue }
                let k = LogSplit.part(ofLine: line, parts: parts) ?? { unreadable += 1; return 0 }()
                buffers[k].append(contentsOf: line)
                buffers[k].append(0x0A)
                lines[k] += 1
                if buffers[k].count >= 1 << 20 { flush(k) }
            }
        }
        // An input with no line a person can be read from is not a log: nothing is written (the
        // parts, unfinished, are removed as the files close).
        let total = lines.reduce(0, +)
        let name = input == "-" ? "entrée standard" : input
        if total == 0 {
            throw InputError(message: "\(name) : \(blank == 0 ? "l'entrée est vide" : "l'entrée ne contient que des lignes vides") : aucune partie écrite")
        }
        if unreadable == total {
            throw InputError(message: "\(name) : aucune ligne ne nomme une personne lisible (un objet JSON avec \"person\", en UTF-8) : ce n'est pas un journal d'événements ; aucune partie écrite (pathway replay \(name) dit ce qu'est le fichier)")
        }
        for k in 0..<parts { flush(k) }
        for file in files where !failed && !file.finish() { failed = true }
        if failed { throw InputError(message: "\(prefix)-…-sur-\(parts).ndjson : écriture impossible : \(Files.describeErrno())") }
        func count(_ n: Int, _ word: String) -> String { "\(FrenchWords.integer(n)) \(word)\(n > 1 ? "s" : "")" }
        console.err("pathway split : \(count(total + blank, "ligne")) lue\(total + blank > 1 ? "s" : ""), \(FrenchWords.integer(total)) écrite\(total > 1 ? "s" : "") en \(parts) parties ("
                    + lines.map(FrenchWords.integer).joined(separator: ", ") + ")"
                    + (blank > 0 ? ", \(FrenchWords.integer(blank)) vide\(blank > 1 ? "s" : "") laissée\(blank > 1 ? "s" : "")" : "")
                    + (unreadable > 0 ? ", dont \(FrenchWords.integer(unreadable)) sans personne lisible dans la première partie" : "") + "\n")
        return .success
    }
}
