import Foundation
import Testing
@testable import Pathway

/// The CAF/MSA flows read right (Docs/import.md): stock against new files by flow type, broken
/// households skipped whole, a household twice, a byte-order mark, duty flags the MSA leaves out,
/// payments suspended and resumed. Synthetic flows with the real structure (schema
/// caf-vrsb0801: Racine > IdentificationFlux, InfosFoyerRSA > IdentificationRSA > Organisme…).
@Suite("CAF/MSA flows: structure, dating, states")
struct FlowTests {
    /// One household of a flow. `state` nil leaves PrestationRSA out; `duties` nil leaves
    /// MontantCalculDroitRSAPersonne out (as the MSA does).
    static func household(_ number: String, state: String? = "2", applied: String = "2024-06-10", duties: String? = "1",
                          organism: String = "CAF", suspension: (reason: String, from: String)? = nil, partner: Bool = false) -> String {
        func person(_ role: String) -> String {
            "<Personne><Identification><NIR>2850559350123</NIR><NOM>DURAND</NOM></Identification>"
                + "<Prestations><NATPREST>RSA</NATPREST><ROLEPERS>\(role)</ROLEPERS></Prestations>"
                + (duties.map { "<MontantCalculDroitRSAPersonne><TOPPERSDRODEVORSA>\($0)</TOPPERSDRODEVORSA></MontantCalculDroitRSAPersonne>" } ?? "")
                + "</Personne>"
        }
        var prestation = ""
        if let state {
            prestation = "<PrestationRSA><SituationDossierRSA><EtatDossierRSA><ETATDOSRSA>\(state)</ETATDOSRSA></EtatDossierRSA>"
                + (suspension.map { "<SuspensionVersement><MOTISUSVERSRSA>\($0.reason)</MOTISUSVERSRSA><DDSUSVERSRSA>\($0.from)</DDSUSVERSRSA></SuspensionVersement>" } ?? "")
                + "</SituationDossierRSA></PrestationRSA>"
        }
        return "<InfosFoyerRSA><IdentificationRSA><Organisme><FONORG>\(organism)</FONORG><NUMORG>931</NUMORG><MATRICULE>\(number)</MATRICULE></Organisme>"
            + "<DemandeRSA><DTDEMRSA>\(applied)</DTDEMRSA></DemandeRSA></IdentificationRSA>\n"
            + person("DEM") + (partner ? person("CJT") + person("CJT") : "") + "\n" + prestation + "</InfosFoyerRSA>\n"
    }

    static func flow(type: String, created: String, time: String = "06:00:00", _ households: [String], bom: Bool = false) -> [UInt8] {
        (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Racine><IdentificationFlux><APPLIEME>CRI</APPLIEME>"
            + "<TYPEFLUX>\(type)</TYPEFLUX><DTCREAFLUX>\(created)</DTCREAFLUX><HEUCREAFLUX>\(time)</HEUCREAFLUX></IdentificationFlux>\n"
            + households.joined() + "</Racine>\n").utf8)
    }

    /// The flows imported in turn, as `pathway import caf` does, with the state kept between them.
    static func run(_ flows: [[UInt8]], files: [String]? = nil, extra: [String] = []) throws -> (events: [String], stderr: String, status: Int32) {
        let dir = Scratch.url("pathway-flows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var paths: [String] = []
        for (k, bytes) in flows.enumerated() {
            let path = dir.appendingPathComponent(files?[k] ?? "flow-\(k).xml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let result = try CLI.run(["import", "caf"] + paths + extra)
        let events = result.stdout.split(separator: "\n").map { line -> String in
            let text = String(line)
            func field(_ name: String) -> String {
                guard let r = text.range(of: "\"\(name)\":") else { return "" }
                let rest = text[r.upperBound...]
                if rest.hasPrefix("\"") { return String(rest.dropFirst().prefix { $0 != "\"" }) }
                return String(rest.prefix { $0 != "," && $0 != "}" })
            }
            return [field("person"), field("type"), field("date")].joined(separator: " ")
                + (text.contains("subject_to_duties") ? " duties=\(field("subject_to_duties"))" : "")
                + (text.contains("dated_from") ? " from-application" : "")
                + (text.contains("\"reason\"") ? " reason=\(field("reason"))" : "")
        }
        return (events, result.stderr, result.status)
    }

    @Test("a household first seen in a monthly flow is stock (dated from its application), whatever came before; in a daily flow, new")
    func stockAndNew() throws {
        let daily = Self.flow(type: "I", created: "2025-03-04", [Self.household("111", applied: "2025-02-20")])
        let monthly = Self.flow(type: "M", created: "2025-04-01", [Self.household("111", applied: "2025-02-20"),
                                                                   Self.household("222", applied: "2016-05-02")])
        let r = try Self.run([daily, monthly])
        #expect(r.events == ["222-DEM right_opened 2016-05-02 duties=true from-application", "111-DEM right_opened 2025-03-04 duties=true"])
        // A monthly flow imported after a daily one: the monthly's household is still stock.
        let later = try Self.run([Self.flow(type: "I", created: "2025-03-04", [Self.household("333", applied: "2025-02-27")]), monthly])
        #expect(later.events.contains("222-DEM right_opened 2016-05-02 duties=true from-application"))
        #expect(later.events.contains("111-DEM right_opened 2016-05-02 duties=true from-application") == false)
        #expect(later.events.contains("111-DEM right_opened 2025-02-20 duties=true from-application"))
    }

    @Test("a household without PrestationRSA is skipped whole, named with its line; its state kept; --strict exits 3")
    func broken() throws {
        let dir = Scratch.url("pathway-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let state = dir.appendingPathComponent("state.json").path
        let first = Self.flow(type: "M", created: "2025-03-03", [Self.household("111", duties: "1")])
        _ = try Self.run([first], extra: ["--state", state])
        let before = try String(contentsOfFile: state, encoding: .utf8)
        let broken = Self.flow(type: "I", created: "2025-03-10", [Self.household("111", state: nil, duties: "0")])
        let r = try Self.run([broken], extra: ["--state", state, "--strict"])
        #expect(r.events.isEmpty)
        #expect(r.status == 3)
        #expect(r.stderr.contains("ligne 3 : foyer 111 : pas de PrestationRSA > … > ETATDOSRSA (exigé par le schéma du flux) : ignoré, son état inchangé"))
        #expect(try String(contentsOfFile: state, encoding: .utf8).contains(#""state":"2""#))
        // A later real change of the duties is still seen.
        let change = Self.flow(type: "I", created: "2025-03-17", [Self.household("111", duties: "0")])
        #expect(try Self.run([change], extra: ["--state", state]).events == ["111-DEM duties_changed 2025-03-17 duties=false"])
        _ = before
    }

    @Test("flows out of order across runs: an older flow changes nothing for a household, and says so; same-day flows by their hour")
    func outOfOrder() throws {
        let dir = Scratch.url("pathway-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let state = dir.appendingPathComponent("state.json").path
        let january = Self.flow(type: "I", created: "2025-01-15", [Self.household("111", state: "2")])
        let february = Self.flow(type: "I", created: "2025-02-15", [Self.household("111", state: "5")])
        _ = try Self.run([january], extra: ["--state", state])
        #expect(try Self.run([february], extra: ["--state", state]).events == ["111-DEM right_closed 2025-02-15 reason=other"])
        let again = try Self.run([january], extra: ["--state", state])
        #expect(again.events.isEmpty, "the January flow reopened a right closed in February")
        #expect(again.stderr.contains("foyer 111 : ce flux (2025-01-15 06:00:00) est plus ancien que celui déjà appliqué (2025-02-15 06:00:00) : foyer laissé tel quel"))
        // Two flows of the same day: the later hour wins, whatever the file names.
        let morning = Self.flow(type: "I", created: "2025-03-01", time: "06:00:00", [Self.household("444", state: "2")])
        let evening = Self.flow(type: "I", created: "2025-03-01", time: "18:30:00", [Self.household("444", state: "5")])
        let sameDay = try Self.run([evening, morning], files: ["a-evening.xml", "b-morning.xml"])
        #expect(sameDay.events == ["444-DEM right_opened 2025-03-01 duties=true", "444-DEM right_closed 2025-03-01 reason=other"])
    }

    @Test("a household twice in one flow: reported, the first copy kept")
    func twice() throws {
        let r = try Self.run([Self.flow(type: "M", created: "2025-03-03", [Self.household("111", state: "2"), Self.household("111", state: "5")])])
        #expect(r.events == ["111-DEM right_opened 2024-06-10 duties=true from-application"])
        #expect(r.stderr.contains("foyer 111 déjà présent dans ce flux ligne 3 : cette copie est ignorée (la première est gardée)"))
    }

    @Test("a byte-order mark before the prolog is accepted")
    func byteOrderMark() throws {
        let r = try Self.run([Self.flow(type: "M", created: "2025-03-03", [Self.household("111")], bom: true)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.events == ["111-DEM right_opened 2024-06-10 duties=true from-application"])
        var reader = CAFImport.FlowReader()
        var found = 0
        let bytes = Self.flow(type: "M", created: "2025-03-03", [Self.household("111")], bom: true)
        for byte in bytes { try reader.feed([byte], last: false) { _ in found += 1 } }
        try reader.feed([], last: true) { _ in found += 1 }
        #expect(found == 1, "fed a byte at a time, the mark split across chunks")
    }

    @Test("the MSA's flow without duty flags: subject_to_duties null (unknown), never invented; said later, a duties_changed")
    func dutiesUnknown() throws {
        let msa = Self.flow(type: "M", created: "2025-03-03", [Self.household("123456789012345", duties: nil, organism: "MSA")])
        let r = try Self.run([msa])
        #expect(r.events == ["123456789012345-DEM right_opened 2024-06-10 duties=null from-application"])
        let said = Self.flow(type: "I", created: "2025-03-10", [Self.household("123456789012345", duties: "1", organism: "MSA")])
        let both = try Self.run([msa, said])
        #expect(both.events.last == "123456789012345-DEM duties_changed 2025-03-10 duties=true")
        // Replayed: no deadline for the person until the duties are said.
        let text = try CLI.run(["import", "caf"] + [try CLI.temporaryFile(String(decoding: msa, as: UTF8.self), suffix: ".xml")]).stdout
        #expect(text.contains(#""source":"msa""#))
        let report = Replay.log(LogReader.read(text), asOf: CivilDate("2025-06-30"))
        #expect(report.indicators.dutiesUnknown == 1 && report.findings.isEmpty)
    }

    @Test("ETATDOSRSA 3 or 4: payment_suspended with MOTISUSVERSRSA, from DDSUSVERSRSA; back to 2: payment_resumed")
    func payments() throws {
        let suspended = Self.flow(type: "I", created: "2025-03-10", [Self.household("111", state: "4", applied: "2025-02-25", suspension: ("05", "2025-03-01"))])
        let resumed = Self.flow(type: "I", created: "2025-05-12", [Self.household("111", state: "2", applied: "2025-02-25")])
        let r = try Self.run([suspended, resumed])
        #expect(r.events == ["111-DEM right_opened 2025-03-10 duties=true", "111-DEM payment_suspended 2025-03-10 reason=05",
                             "111-DEM payment_resumed 2025-05-12"])
        // A household already open whose payment stops: dated from DDSUSVERSRSA.
        let open = Self.flow(type: "M", created: "2025-03-03", [Self.household("222", state: "2")])
        let stops = Self.flow(type: "I", created: "2025-04-07", [Self.household("222", state: "3", suspension: ("70", "2025-04-01"))])
        #expect(try Self.run([open, stops]).events.last == "222-DEM payment_suspended 2025-04-01 reason=70")
    }

    @Test("a second partner is reported, not given an invented id")
    func secondPartner() throws {
        let r = try Self.run([Self.flow(type: "M", created: "2025-03-03", [Self.household("111", partner: true)])])
        #expect(r.events == ["111-CJT right_opened 2024-06-10 duties=true from-application", "111-DEM right_opened 2024-06-10 duties=true from-application"])
        #expect(r.stderr.contains("foyer 111 : une seconde personne de rôle CJT : non importée"))
        #expect(!r.events.joined().contains("CJT2"))
    }

    @Test("under --pseudonymize no file number appears: not in the events, the messages or the state")
    func privacy() throws {
        let dir = Scratch.url("pathway-private-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let key = dir.appendingPathComponent("key").path
        try Data("00112233445566778899aabbccddeeff\n".utf8).write(to: URL(fileURLWithPath: key))
        let state = dir.appendingPathComponent("state.json").path
        let flow = Self.flow(type: "M", created: "2025-03-03", [Self.household("205599000000000", partner: true), Self.household("205599000000000")])
        let r = try Self.run([flow], extra: ["--pseudonymize", key, "--state", state])
        let stateText = try String(contentsOfFile: state, encoding: .utf8)
        for text in [r.events.joined(separator: "\n"), r.stderr, stateText] {
            #expect(!text.contains("2055990") && !text.contains("205599000000000"), "a file number leaked: \(text)")
        }
        #expect(r.stderr.contains("une seconde personne de rôle CJT"))
        #expect(r.stderr.contains("déjà présent dans ce flux"))
    }
}
