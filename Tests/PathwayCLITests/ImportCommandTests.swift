import Foundation
import Testing
@testable import Pathway

@Suite("pathway import (end to end)", .serialized)
struct ImportCommandTests {
    let flows = ["Examples/import/RSABEI_2025-04-07.xml", "Examples/import/RSABEM_2025-03-03.xml"]

    /// Names, NIRs, birth dates and addresses of the example files: none may reach an output.
    static let personal = ["DURAND", "Hélène", "LEFÈVRE", "Amélie", "BÉRANGER", "GARÇON", "2850559350123", "2900659350456",
                           "1885", "1985-04-12", "ÉCOLES", "LILLE", "helene.durand@example.org", "0600000000", "Durand", "Lefèvre"]

    @Test("the CAF flows, in flow order whatever the order given, give the same bytes twice, with no personal data")
    func caf() throws {
        let a = try CLI.run(["import", "caf"] + flows)
        let b = try CLI.run(["import", "caf"] + flows.reversed())
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 10)
        // Household 34567's payment is suspended (ETATDOSRSA 4): its right open, not paid.
        #expect(a.stderr.contains("10 événements écrits (right_opened 6, duties_changed 1, right_closed 2, payment_suspended 1)"))
        for word in Self.personal { #expect(!a.stdout.contains(word) && !a.stderr.contains(word), "\(word) leaked") }
        #expect(LogReader.read(a.stdout).rejected.isEmpty)
    }

    @Test("--state: a daily import writes only the new events; the state file holds no name")
    func state() throws {
        let dir = Scratch.url("pathway-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let state = dir.appendingPathComponent("caf.state").path
        let first = try CLI.run(["import", "caf", flows[1], "--state", state])
        #expect(first.status == 0)
        let second = try CLI.run(["import", "caf", flows[0], "--state", state])
        #expect(second.stdout.split(separator: "\n").map { String($0.split(separator: ",")[2]) } == [
            #""type":"right_closed""#, #""type":"duties_changed""#, #""type":"right_opened""#,
        ])
        let kept = try String(contentsOfFile: state, encoding: .utf8)
        #expect(kept.contains(#""23456""#))
        for word in Self.personal { #expect(!kept.contains(word)) }
        // A malformed flow is rejected whole and leaves the state as it was.
        let broken = try CLI.temporaryFile("<?xml version=\"1.0\"?>\n<Racine>\n<InfosFoyerRSA>\n", suffix: ".xml")
        let before = try String(contentsOfFile: state, encoding: .utf8)
        let bad = try CLI.run(["import", "caf", broken, "--state", state])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("encore ouvert (flux tronqué ?)"))
        #expect(try String(contentsOfFile: state, encoding: .utf8) == before)
    }

    @Test("--pseudonymize: the same HMAC in every source; --print-mapping; --strict exits 3 on a skipped row")
    func pseudonymsAndStrict() throws {
        let key = try CLI.temporaryFile("00112233445566778899aabbccddeeff\n", suffix: ".key")
        let caf = try CLI.run(["import", "caf", flows[1], "--pseudonymize", key])
        let pilotage = try CLI.run(["import", "csv", "--mapping", "pilotage", "Examples/import/pilotage-2025.csv", "--pseudonymize", key])
        let hidden = HMACSHA256.hex(HMACSHA256.mac(key: Array(0...15).map { UInt8($0 * 17) }, message: Array("12345-DEM".utf8)))
        #expect(caf.stdout.contains(#""person":"\#(hidden)""#))
        #expect(pilotage.stdout.contains(#""person":"\#(hidden)""#))
        #expect(!caf.stdout.contains("12345-DEM"))
        let printed = try CLI.run(["import", "csv", "--print-mapping", "pilotage"])
        #expect(printed.stdout.contains(#""matricule": "ID_CAF""#))
        let strict = try CLI.run(["import", "csv", "--mapping", "pilotage", "Examples/import/pilotage-2025.csv", "--strict"])
        #expect(strict.status == 3)
        #expect(strict.stderr.contains("ligne 5, colonne « DATE_CER » : « 31/02/2025 » n'est pas une date"))
    }

    @Test("a header with a typo stops with the missing column and the closest header")
    func badHeader() throws {
        let csv = try CLI.temporaryFile("ID_CAF;ROLE_CAF;DATE_NOTIFICATION_DEPARTMENT;DATE_ORIENTATION;DATE_1ER_RDV_ACCOMPAGNEMENT;STRUCTURE_REFERENTE;C_TYPEPARCOURS;DATE_CER\n1;DEM;01/01/2025;;;;;\n", suffix: ".csv")
        let result = try CLI.run(["import", "csv", "--mapping", "pilotage", csv])
        #expect(result.status == 2)
        #expect(result.stderr.contains("l'en-tête n'a pas la colonne de la correspondance « DATE_NOTIFICATION_DEPARTEMENT » (vouliez-vous dire « DATE_NOTIFICATION_DEPARTMENT » ?)"))
    }

    @Test("three sources imported and replayed together: per-file counts, the rules they cannot judge said")
    func pipeline() throws {
        let caf = try CLI.temporaryFile(try CLI.run(["import", "caf"] + flows).stdout)
        let pilotage = try CLI.temporaryFile(try CLI.run(["import", "csv", "--mapping", "pilotage", "Examples/import/pilotage-2025.csv"]).stdout)
        let rdvi = try CLI.temporaryFile(try CLI.run(["import", "csv", "--mapping", "rdv-insertion-participations", "Examples/import/rdvi-participations.csv"]).stdout)
        let result = try CLI.run(["replay", caf, pilotage, rdvi, "--format", "json"])
        let report = try JSONValue.parse(result.stdout)
        guard case .object(let top) = report, case .object(let input)? = top.first(where: { $0.key == "input" })?.value,
              case .array(let files)? = input.first(where: { $0.key == "files" })?.value,
              case .array(let gaps)? = top.first(where: { $0.key == "not_judged" })?.value,
              case .array(let findings)? = top.first(where: { $0.key == "findings" })?.value else {
            Issue.record("report shape"); return
        }
        #expect(files.count == 3)
        #expect(gaps.count == 2)
        let rules = findings.compactMap { f -> String? in
            guard case .object(let m) = f, case .string(let rule)? = m.first(where: { $0.key == "rule" })?.value,
                  case .string(let person)? = m.first(where: { $0.key == "person" })?.value else { return nil }
            return "\(person) \(rule)"
        }
        // The late orientation counted from the steering base's receipt day (2025-03-03), not the application.
        #expect(rules == ["23456-DEM orientation.deadline", "23456-DEM orientation.competence"].sorted() || rules == ["23456-DEM orientation.competence", "23456-DEM orientation.deadline"])
        #expect(result.stdout.contains(#""due": "2025-04-14""#))
    }
}

@Suite("pathway generate --caf-flow (end to end)", .serialized)
struct GenerateFlowTests {
    @Test("a generated flow, piped into the import, is read whole; the same arguments give the same bytes")
    func piped() throws {
        let flow = try CLI.run(["generate", "--caf-flow", "120", "--seed", "3"])
        #expect(flow.status == 0)
        #expect(flow.stdout == (try CLI.run(["generate", "--caf-flow", "120", "--seed", "3"])).stdout)
        let file = try CLI.temporaryFile(flow.stdout, suffix: ".xml")
        let imported = try CLI.run(["import", "caf", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("120 foyers (flux M du 2025-01-06)"))
        #expect(LogReader.read(imported.stdout).rejected.isEmpty)
    }

    @Test("every file refused: exit 2, and no output written (an empty log would read as a département with no event)")
    func nothingImported() throws {
        let dir = Scratch.url("pathway-none-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let truncated = dir.appendingPathComponent("RSABEM.xml").path
        let flow = try Data(contentsOf: CLI.root.appendingPathComponent("Examples/import/RSABEM_2025-03-03.xml"))
        try flow.prefix(2000).write(to: URL(fileURLWithPath: truncated))
        let out = dir.appendingPathComponent("caf.ndjson").path
        let result = try CLI.run(["import", "caf", truncated, "--output", out])
        #expect(result.status == 2)
        #expect(result.stderr.contains("encore ouvert (flux tronqué ?)") && result.stderr.contains("aucun événement importé"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let csv = dir.appendingPathComponent("a.csv").path
        try Data("a;b\n".utf8).write(to: URL(fileURLWithPath: csv))
        #expect(try CLI.run(["import", "csv", "--mapping", "pilotage", csv, "--output", out]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
