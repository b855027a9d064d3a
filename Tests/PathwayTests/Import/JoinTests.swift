import Foundation
import Testing
@testable import Pathway

/// One person across sources (Docs/import.md, "Le numéro de dossier"): the CAF's 15-digit file
/// number, rdv-insertion's 7 digits and a spreadsheet's digits without their leading zeros give
/// one canonical number, so one person.
@Suite("The file number, the same in every source")
struct JoinTests {
    @Test("the canonical number: spaces and leading zeros removed, then the eight-zero padding of a longer number", arguments: [
        ("208956400000000", "2089564"),   // the CAF: 7 digits padded with eight zeros
        ("2089564", "2089564"),           // rdv-insertion
        ("034614500000000", "346145"),
        ("0346145", "346145"),
        ("346145", "346145"),             // a spreadsheet dropped the leading zero
        ("34614500000000", "346145"),
        (" 0346 145 ", "346145"),         // spaces anywhere
        ("100000000", "1"),               // nine digits ending with eight zeros: the padding goes
        ("10000000", "10000000"),         // eight digits: nothing more to remove
        ("012345678", "12345678"),        // nine digits not ending with eight zeros
        ("123456789012345", "123456789012345"), // an MSA number keeps its 15 digits
        ("000000000000000", "0"),
        ("AB-12", "AB-12"),               // not a number: trimmed only
    ])
    func canonical(_ raw: String, _ expected: String) {
        #expect(ImportIdentity.matricule(raw) == expected)
        #expect(ImportIdentity.matricule(expected) == expected, "canonical twice is canonical")
    }

    /// A monthly flow with one household, file number `fileNumber`, its right open since 2025-01-10.
    static func flow(_ fileNumber: String) -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Racine><IdentificationFlux><APPLIEME>CRI</APPLIEME><TYPEFLUX>M</TYPEFLUX><DTCREAFLUX>2025-03-03</DTCREAFLUX><HEUCREAFLUX>06:00:00</HEUCREAFLUX></IdentificationFlux>
        <InfosFoyerRSA><IdentificationRSA><Organisme><FONORG>CAF</FONORG><NUMORG>931</NUMORG><MATRICULE>\(fileNumber)</MATRICULE></Organisme>
        <DemandeRSA><DTDEMRSA>2025-01-10</DTDEMRSA></DemandeRSA></IdentificationRSA>
        <Personne><Prestations><NATPREST>RSA</NATPREST><ROLEPERS>DEM</ROLEPERS></Prestations>
        <MontantCalculDroitRSAPersonne><TOPPERSDRODEVORSA>1</TOPPERSDRODEVORSA></MontantCalculDroitRSAPersonne></Personne>
        <PrestationRSA><SituationDossierRSA><EtatDossierRSA><ETATDOSRSA>2</ETATDOSRSA></EtatDossierRSA></SituationDossierRSA></PrestationRSA>
        </InfosFoyerRSA></Racine>

        """.utf8)
    }

    @Test("a CAF flow and an rdv-insertion export of the same household replay as one person")
    func oneperson() throws {
        var reader = CAFImport.FlowReader()
        var households: [CAFImport.Household] = []
        try reader.feed(Self.flow("208956400000000"), last: true) { households.append($0) }
        var problems: [String] = []
        let caf = CAFImport.events(for: try #require(households.first), kept: nil, received: date("2025-03-03"), monthly: true,
                                   problems: &problems).events
        #expect(caf.map(\.person) == ["2089564-DEM"])
        let csv = "Numéro CAF;Rôle;Date d'orientation;Date de début d'accompagnement;Type d'orientation;Structure d'orientation\n"
            + "2089564;demandeur;2025-03-27;2025-03-20;Social;Département\n0346145;demandeur;;2025-03-21;Social;Département\n"
        let mapping = try CSVImport.mapping(try JSONValue.parse(try #require(BuiltInMappings.text("rdv-insertion-users"))))
        let rdvi = CSVImport.events(CSVImport.table(Array(csv.utf8)), mapping: mapping).events
        #expect(rdvi.map { "\($0.person) \($0.type.rawValue) \($0.date)" } == ["2089564-DEM orientation_decided 2025-03-20",
            "2089564-DEM appointment 2025-03-27", "346145-DEM orientation_decided 2025-03-21"])
        var out = ImportOutput(source: "caf")
        out.append(contentsOf: caf)
        var other = ImportOutput(source: "rdv-insertion")
        other.append(contentsOf: rdvi)
        let report = Replay.log(LogReader.read(out.ndjson() + other.ndjson()), asOf: date("2025-04-30"))
        #expect(report.people.map(\.person) == ["2089564-DEM", "346145-DEM"])
        #expect(report.person("2089564-DEM")?.state.orientation != nil)
        #expect(report.person("2089564-DEM")?.status == .awaitingContract)
    }
}
