import Foundation
import Testing
@testable import Pathway

@Suite("SHA-256 and HMAC-SHA-256: the published vectors")
struct HashTests {
    private func hex(_ text: String) -> String { HMACSHA256.hex(SHA256.hash(Array(text.utf8))) }

    @Test("FIPS 180-4 examples")
    func sha256() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Fed in pieces: the same digest.
        var hasher = SHA256()
        for piece in ["ab", "cdbcdecdefdefgefghfghighijhijkijkljklmklmnlmno", "mnopnopq"] { hasher.update(Array(piece.utf8)) }
        #expect(HMACSHA256.hex(hasher.finish()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("RFC 4231 test cases 1, 2, 4 and 6")
    func hmac() {
        #expect(HMACSHA256.hex(HMACSHA256.mac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        #expect(HMACSHA256.hex(HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.hex(HMACSHA256.mac(key: Array(1...25), message: [UInt8](repeating: 0xcd, count: 50)))
                == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        #expect(HMACSHA256.hex(HMACSHA256.mac(key: [UInt8](repeating: 0xaa, count: 131),
                                               message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}

@Suite("The CAF/MSA flows")
struct CAFImportTests {
    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Repository.root.appendingPathComponent(file)))
    }

    /// Reads a flow fed in chunks of `size` bytes.
    static func households(_ bytes: [UInt8], chunk size: Int = 1 << 20) throws -> (CAFImport.FlowHeader, [CAFImport.Household]) {
        var reader = CAFImport.FlowReader()
        var found: [CAFImport.Household] = []
        var i = 0
        repeat {
            let end = min(bytes.count, i + size)
            try reader.feed(Array(bytes[i..<end]), last: false) { found.append($0) }
            i = end
        } while i < bytes.count
        try reader.feed([], last: true) { found.append($0) }
        return (reader.header, found)
    }

    @Test("the real example flow: its households, read whole or byte by byte")
    func realExample() throws {
        let bytes = try Self.bytes("Examples/import/RSABEM_2025-03-03.xml")
        let whole = try Self.households(bytes)
        #expect(whole.0.created == date("2025-03-03"))
        #expect(whole.0.type == "M")
        #expect(whole.1.map(\.matricule) == ["0012345", "0023456", "0034567", "0045678"])
        #expect(whole.1.map(\.state) == ["2", "2", "4", "5"])
        #expect(whole.1[1].persons.map(\.role) == ["DEM", "CJT", "ENF"])
        #expect(whole.1[1].persons.map(\.subjectToDuties) == [true, false, nil])
        #expect(whole.1[1].monthlyAmount == Cents(96978))
        #expect(whole.1[3].closureReason == "MUT")
        #expect(whole.1[3].closedOn == date("2025-01-31"))
        for size in [1, 7, 4096] {
            #expect(try Self.households(bytes, chunk: size).1 == whole.1, "chunks of \(size)")
        }
    }

    @Test("snapshots give events: opened (from the application on a first import), duties, household, closed")
    func differences() throws {
        var problems: [String] = []
        let (_, march) = try Self.households(try Self.bytes("Examples/import/RSABEM_2025-03-03.xml"))
        var kept: [String: CAFImport.Kept] = [:]
        var events: [ImportedEvent] = []
        for h in march {
            let r = CAFImport.events(for: h, kept: nil, received: date("2025-03-03"), monthly: true, problems: &problems)
            events += r.events
            kept[ImportIdentity.matricule(h.matricule)] = r.kept
        }
        #expect(events.map { "\($0.person) \($0.type.rawValue) \($0.date)" } == [
            "12345-DEM right_opened 2024-06-10", "23456-DEM right_opened 2025-02-12", "23456-CJT right_opened 2025-02-12",
            "34567-DEM right_opened 2024-11-04", "34567-DEM payment_suspended 2025-03-03", "45678-DEM right_opened 2023-09-01",
            "45678-DEM right_closed 2025-01-31",
        ])
        #expect(events.filter { $0.type == .rightOpened }.allSatisfy { $0.fields.contains { $0.0 == "dated_from" } })
        let (_, april) = try Self.households(try Self.bytes("Examples/import/RSABEI_2025-04-07.xml"))
        var later: [ImportedEvent] = []
        for h in april {
            later += CAFImport.events(for: h, kept: kept[ImportIdentity.matricule(h.matricule)], received: date("2025-04-07"),
                                      monthly: false, problems: &problems).events
        }
        // The household missing from the daily flow (12345) is not closed; a new right opens on the day received.
        #expect(later.map { "\($0.person) \($0.type.rawValue) \($0.date)" } == [
            "23456-CJT duties_changed 2025-04-07", "34567-DEM right_closed 2025-03-31", "56789-DEM right_opened 2025-04-07",
        ])
        #expect(later[1].fields.first?.1 == .text("resources"))
        #expect(!later[2].fields.contains { $0.0 == "dated_from" })
        #expect(problems.isEmpty)
    }

    @Test("MOTICLORSA becomes a reason by a table; children are counted, never people", arguments: [
        ("MUT" as String?, ClosureReason.moved), ("ECH", .resources), ("RFD", .resources), ("PCG", .other), ("RAU", .other), (nil, .other),
    ])
    func closureReasons(_ code: String?, _ reason: ClosureReason) {
        #expect(CAFImport.closureReason(code) == reason)
    }

    @Test("bad flows are rejected with their line: truncated, no matricule, undeclared windows-1252, unknown encoding", arguments: [
        ("<?xml version=\"1.0\"?>\n<Racine>\n<InfosFoyerRSA>\n", "encore ouvert"),
        ("<?xml version=\"1.0\"?>\n<Racine><InfosFoyerRSA><IdentificationRSA><Organisme><MATRICULE></MATRICULE></Organisme></IdentificationRSA></InfosFoyerRSA></Racine>\n", "sans MATRICULE"),
        ("<?xml version=\"1.0\"?>\n<Racine>\n<InfosFoyerRSA><Personne><Identification><NOM>L\u{E9}a</NOM></Identification></Personne></InfosFoyerRSA></Racine>\n", "ne déclare pas d'encodage"),
        ("<?xml version=\"1.0\" encoding=\"EBCDIC\"?>\n<Racine/>\n", "encodage inconnu"),
        ("<Racine><A></B></Racine>", "balise fermante </B>"),
    ])
    func badFlows(_ text: String, _ expected: String) {
        var bytes = Array(text.utf8)
        // The é of the third case as windows-1252 writes it: one byte, invalid UTF-8.
        if expected == "ne déclare pas d'encodage" { bytes = Array(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) }
        #expect(throws: CAFImport.Problem.self) { _ = try Self.households(bytes) }
        do { _ = try Self.households(bytes) } catch let error as CAFImport.Problem {
            #expect(error.message.contains(expected), "\(error)")
            #expect(error.line >= 1)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("the person is <matricule without leading zeros>-DEM|CJT, whatever the source writes", arguments: [
        ("0012345", "DEMANDEUR", "12345-DEM"), ("12345", "dem", "12345-DEM"), (" 000987 ", "Conjoint", "987-CJT"), ("55", "CJT", "55-CJT"),
    ])
    func identity(_ matricule: String, _ role: String, _ expected: String) throws {
        let normalised = try #require(ImportIdentity.role(role))
        #expect(ImportIdentity.person(matricule: matricule, role: normalised) == expected)
        #expect(ImportIdentity.role("ENF") == nil)
    }
}

@Suite("CSV files through mappings")
struct CSVImportTests {
    private func run(_ file: String, _ name: String) throws -> (events: [ImportedEvent], skipped: [CSVImport.Skipped], table: CSVImport.Table) {
        let table = CSVImport.table(try CAFImportTests.bytes(file))
        let mapping = try CSVImport.mapping(try JSONValue.parse(try #require(BuiltInMappings.text(name))))
        #expect(CSVImport.missingColumns(mapping, in: table.header).isEmpty)
        let result = CSVImport.events(table, mapping: mapping)
        return (result.events, result.skipped, table)
    }

    @Test("the steering base: windows-1252, ';', dd/mm/yyyy, NULL cells, names translated, an impossible date skipped")
    func pilotage() throws {
        let r = try run("Examples/import/pilotage-2025.csv", "pilotage")
        #expect(r.table.encoding == "windows-1252")
        #expect(r.table.separator == ";")
        let orientations = r.events.filter { $0.type == .orientationDecided }
        #expect(orientations.map(\.person) == ["12345-DEM", "23456-DEM", "34567-DEM"])
        #expect(orientations.map { $0.fields.first { $0.0 == "dominante" }?.1 } == [.text("emploi"), .text("social"), .text("socio_pro")])
        #expect(orientations.map { $0.fields.first { $0.0 == "organisme" }?.1 } == [.text("france_travail"), .text("delegataire"), .text("mission_locale")])
        #expect(r.events.filter { $0.type == .contractSigned }.map(\.person) == ["12345-DEM"])
        #expect(r.skipped == [CSVImport.Skipped(line: 5, column: "DATE_CER", reason: "« 31/02/2025 » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)")])
    }

    @Test("rdv-insertion participations: UTF-8 with a BOM; a status that is not a fact gives no event, counted")
    func participations() throws {
        let r = try run("Examples/import/rdvi-participations.csv", "rdv-insertion-participations")
        #expect(r.table.encoding == "utf-8")
        #expect(r.events.map { "\($0.person) \($0.fields.map { "\($0.1)" }.joined(separator: " "))" } == [
            "12345-DEM text(\"orientation\") text(\"attended\")", "23456-DEM text(\"orientation\") text(\"missed\")",
            "12345-DEM text(\"accompaniment\") text(\"excused\")",
        ])
        // "RDV à venir" is no fact: counted apart, not a skip (--strict does not fail on it).
        #expect(r.skipped.isEmpty)
        let notFacts = CSVImport.events(r.table, mapping: try CSVImport.mapping(try JSONValue.parse(try #require(BuiltInMappings.text("rdv-insertion-participations"))))).notFacts
        #expect(notFacts.map(\.line) == [5])
    }

    @Test("a skip message shows a date, a number or a closed code, never other text (a shifted column's name or address)")
    func messagesKeepPrivacy() throws {
        let csv = "Numéro CAF;Rôle;Date d'orientation;Date de début d'accompagnement;Type d'orientation;Structure d'orientation\n"
            + "12 rue des Lilas;demandeur;2025-03-20;2025-03-20;Social;Département\n"
            + "2089564;Hélène DURAND;2025-03-20;2025-03-20;Social;Département\n"
            + "2089564;demandeur;2025-03-20;LILLE;Social;Département\n"
            + "2089564;demandeur;2025-03-20;31/02/2025;Social;Département\n"
            + "2089564;demandeur;2025-03-21;2025-03-21;Hélène DURAND;Département\n"
        let mapping = try CSVImport.mapping(try JSONValue.parse(try #require(BuiltInMappings.text("rdv-insertion-users"))))
        let r = CSVImport.events(CSVImport.table(Array(csv.utf8)), mapping: mapping)
        let messages = r.skipped.map(\.reason)
        #expect(messages.count == 5)
        for word in ["Lilas", "DURAND", "Hélène", "LILLE"] { #expect(!messages.joined().contains(word), "\(word) leaked") }
        #expect(messages.contains("« 31/02/2025 » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)"))
        #expect(messages.contains("un texte de 5 caractères n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj)"))
    }

    @Test("a header with a typo names the missing column and the closest one")
    func missingColumn() throws {
        let table = CSVImport.table(Array("ID_CAF;ROLE_CAF;DATE_NOTIFICATION_DEPARTMENT;DATE_ORIENTATION;DATE_1ER_RDV_ACCOMPAGNEMENT;STRUCTURE_REFERENTE;C_TYPEPARCOURS;DATE_CER\n".utf8))
        let mapping = try CSVImport.mapping(try JSONValue.parse(BuiltInMappings.pilotage))
        let missing = CSVImport.missingColumns(mapping, in: table.header)
        #expect(missing.map(\.column) == ["DATE_NOTIFICATION_DEPARTEMENT"])
        #expect(missing.first?.closest == "DATE_NOTIFICATION_DEPARTMENT")
    }

    @Test("RFC 4180 quotes, ',' detected, ISO dates with a time, a formula-like matricule refused")
    func quotesAndDates() throws {
        let text = "ID_CAF,ROLE_CAF,DATE_NOTIFICATION_DEPARTEMENT,DATE_ORIENTATION,DATE_1ER_RDV_ACCOMPAGNEMENT,STRUCTURE_REFERENTE,C_TYPEPARCOURS,DATE_CER\n"
            + "\"0077\",\"DEMANDEUR\",2025-03-03T10:12:00,2025-03-20 09:00:00,,\"Pôle emploi, agence \"\"Nord\"\"\",socio-professionnel,\n"
            + "=cmd|' /C calc'!A0,DEMANDEUR,03/03/2025,,,,,\n"
        let table = CSVImport.table(Array(text.utf8))
        #expect(table.separator == ",")
        let mapping = try CSVImport.mapping(try JSONValue.parse(BuiltInMappings.pilotage))
        let r = CSVImport.events(table, mapping: mapping)
        #expect(r.events.map { "\($0.person) \($0.type.rawValue) \($0.date)" } == ["77-DEM right_opened 2025-03-03", "77-DEM orientation_decided 2025-03-20"])
        #expect(r.events.last?.fields.map(\.1) == [.text("socio_pro"), .text("france_travail")])
        #expect(r.skipped.count == 1)
        #expect(r.skipped.first?.reason.contains("n'est pas un numéro de dossier CAF") == true)
    }

    @Test("a mapping file is checked: an unknown event type or field is an error with a suggestion")
    func mappingErrors() throws {
        #expect(throws: CSVImport.MappingError.self) {
            try CSVImport.mapping(JSONValue.parse(#"{"source":"x","person":{"matricule":"A","role":"B"},"events":[{"type":"orientation_decide","date":"C"}]}"#))
        }
        do {
            _ = try CSVImport.mapping(JSONValue.parse(#"{"source":"x","person":{"matricule":"A","role":"B"},"events":[{"type":"orientation_decide","date":"C"}]}"#))
        } catch let error as CSVImport.MappingError {
            #expect(error.message.contains("vouliez-vous dire « orientation_decided » ?"))
        }
        for name in BuiltInMappings.names { _ = try CSVImport.mapping(JSONValue.parse(try #require(BuiltInMappings.text(name)))) }
    }

    @Test("the output: sorted, ids from source, person, type and date, the same bytes twice; pseudonyms by HMAC")
    func output() throws {
        var out = ImportOutput(source: "pilotage")
        let e1 = ImportedEvent(person: "2-DEM", type: .rightOpened, date: date("2025-03-03"))
        let e2 = ImportedEvent(person: "1-DEM", type: .orientationDecided, date: date("2025-03-03"), fields: [("dominante", .text("social")), ("organisme", .text("departement"))])
        out.append(contentsOf: [e1, e2])
        #expect(out.ndjson() == """
            {"id":"pilotage-1-DEM-orientation_decided-2025-03-03","person":"1-DEM","type":"orientation_decided","date":"2025-03-03","source":"pilotage","dominante":"social","organisme":"departement"}
            {"id":"pilotage-2-DEM-right_opened-2025-03-03","person":"2-DEM","type":"right_opened","date":"2025-03-03","source":"pilotage"}

            """)
        let key = try #require(PseudonymKey.parse(Array("00112233445566778899aabbccddeeff\n".utf8)))
        #expect(key.count == 16)
        let hidden = ImportOutput(source: "caf", pseudonymKey: key)
        #expect(hidden.written("2-DEM") == HMACSHA256.hex(HMACSHA256.mac(key: key, message: Array("2-DEM".utf8))))
        #expect(LogReader.read(out.ndjson()).rejected.isEmpty)
        #expect(LogReader.read(out.ndjson()).sources.sorted.map { "\($0.name) \($0.count)" } == ["pilotage 2"])
        // rdv-insertion keeps the ids of earlier imports; an event naming its own source keeps it.
        var rdvi = ImportOutput(source: "rdv-insertion")
        var msa = e1
        msa.source = "msa"
        rdvi.append(contentsOf: [msa])
        #expect(rdvi.ndjson() == #"{"id":"rdvi-2-DEM-right_opened-2025-03-03","person":"2-DEM","type":"right_opened","date":"2025-03-03","source":"msa"}"# + "\n")
    }

    @Test("the output sorted in runs kept in a store and merged: the same bytes as in memory; a rollback forgets a flow")
    func runs() throws {
        var events: [ImportedEvent] = []
        for k in 0..<400 {
            var e = ImportedEvent(person: "\(k % 37)-DEM", type: k % 3 == 0 ? .rightOpened : .paymentSuspended,
                                  date: CivilDate.ymd(2025, 1, 1).adding(days: (k * 7919) % 50), fields: [("reason", .text("0\(k % 5)"))])
            if k % 11 == 0 { e.source = "msa" }
            events.append(e)
        }
        var memory = ImportOutput(source: "caf")
        memory.append(contentsOf: events)
        let store = MemoryFragmentStore()
        var spilled = ImportOutput(source: "caf", store: store, runBytes: 700)
        spilled.append(contentsOf: Array(events[..<150]))
        let mark = spilled.checkpoint()
        spilled.append(contentsOf: [ImportedEvent(person: "9-DEM", type: .rightClosed, date: CivilDate.ymd(2025, 1, 3))])
        spilled.rollback(to: mark)
        spilled.append(contentsOf: Array(events[150...]))
        #expect(store.bytes.count > 0)
        #expect(spilled.ndjson() == memory.ndjson())
        #expect(spilled.count == 400 && spilled.countsByType.map(\.1).reduce(0, +) == 400)
        // Ids repeated within a person's day are numbered in order.
        var twice = ImportOutput(source: "caf", store: MemoryFragmentStore(), runBytes: 1)
        twice.append(contentsOf: [events[0], events[0]])
        #expect(twice.ndjson().contains(#"right_opened-2025-01-01-2","#))
        #expect(LogReader.read(memory.ndjson()).rejected.isEmpty)
    }

    @Test("a mapping's records: its own types by default, or those it declares; an unknown type is an error")
    func records() throws {
        let plain = try CSVImport.mapping(JSONValue.parse(#"{"source":"si","person":{"matricule":"A","role":"B"},"events":[{"type":"registered","date":"C"}]}"#))
        #expect(plain.records == [.registered])
        let declared = try CSVImport.mapping(JSONValue.parse(#"{"source":"si","person":{"matricule":"A","role":"B"},"records":["registered","diagnostic_completed"],"events":[{"type":"registered","date":"C"}]}"#))
        #expect(declared.records == [.registered, .diagnosticCompleted])
        do {
            _ = try CSVImport.mapping(JSONValue.parse(#"{"source":"si","person":{"matricule":"A","role":"B"},"records":["diagnostic"],"events":[{"type":"registered","date":"C"}]}"#))
            Issue.record("an unknown type in records was accepted")
        } catch let error as CSVImport.MappingError {
            #expect(error.message == "correspondance : records[0] : pas un type d'événement du journal (vouliez-vous dire « diagnostic_completed » ?)")
        }
        // Each built-in mapping's source is declared, and records at least what the mapping writes.
        for name in BuiltInMappings.names {
            let mapping = try CSVImport.mapping(JSONValue.parse(try #require(BuiltInMappings.text(name))))
            let declared = try #require(SourceDeclarations.builtIn.records(of: mapping.source), "\(name): \(mapping.source) not declared")
            #expect(mapping.records.isSubset(of: declared), "\(name)")
        }
    }
}

@Suite("The synthetic CAF flow")
struct CAFFlowGeneratorTests {
    @Test("deterministic, windows-1252 with accents, every ETATDOSRSA, read whole by the importer; later flows move households")
    func generated() throws {
        let first = CAFFlowGenerator(households: 300, seed: 4).bytes()
        #expect(first == CAFFlowGenerator(households: 300, seed: 4).bytes())
        #expect(first.contains(0xC9) || first.contains(0xE9)) // É or é, one byte each
        #expect(!TextDecoding.isUTF8(first))
        let (header, households) = try CAFImportTests.households(first, chunk: 65_536)
        #expect(header.type == "M")
        #expect(households.count == 300)
        #expect(Set(households.map(\.state)) == ["0", "1", "2", "3", "4", "5", "6"])
        #expect(households.contains { $0.persons.contains { $0.role == "ENF" } })
        #expect(households.filter(\.isClosed).allSatisfy { $0.closureReason != nil && $0.closedOn != nil })
        let (later, moved) = try CAFImportTests.households(CAFFlowGenerator(households: 300, seed: 4, flow: 2).bytes())
        #expect(later.type == "I")
        #expect(later.created == date("2025-01-13"))
        #expect(moved.map(\.matricule) == households.map(\.matricule))
        #expect(moved.map(\.state) != households.map(\.state))
    }
}
