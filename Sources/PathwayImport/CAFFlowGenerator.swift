import PathwayMachinery
import PathwayLaw
/// A realistic synthetic CAF/MSA flow (`pathway generate --caf-flow N`), for the import's tests
/// and benchmark: windows-1252 with accented names and addresses, households of one to six
/// people (applicant, partner, children), every `ETATDOSRSA`, closures with their reasons,
/// duties flags, resources and activities as real flows carry them. Flow `k` of a sequence
/// (`--flow k`, 1 first) is dated a week after flow `k − 1` and moves some households: rights
/// opened, closed, duties changed. The same arguments always give the same bytes.
public struct CAFFlowGenerator: Sendable {
    public var households: Int
    public var seed: UInt64
    /// 1-based position in the sequence of flows.
    public var flow: Int

    public init(households: Int, seed: UInt64 = 1, flow: Int = 1) {
        self.households = households
        self.seed = seed
        self.flow = max(1, flow)
    }

    private static let surnames = ["MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
                                   "LEFÈVRE", "GARÇON", "BÉRANGER", "FRANÇOIS", "MÜLLER", "NOËL", "CÔTÉ", "PÉREZ", "GÉRARD", "HÉBERT"]
    private static let firstNames = ["Hélène", "Amélie", "Noël", "Zoé", "François", "Léa", "Jérôme", "Anaïs", "Loïc", "Céline",
                                     "Éric", "Gaëlle", "Raphaël", "Inès", "Mathéo", "Chloé", "Benoît", "Maëlle", "Agnès", "Théo"]
    private static let streets = ["DES ÉCOLES", "DU GÉNÉRAL LECLERC", "JEAN JAURÈS", "DE LA RÉPUBLIQUE", "PASTEUR", "DES PRÉS"]
    private static let closures = ["PCG", "ECH", "MUT", "RFD", "RAU", "EFF", "RGD"]

    /// The flow, as windows-1252 bytes, handed to `write` in pieces.
    public func write(_ write: ([UInt8]) -> Void) {
        let created = CivilDate.ymd(2025, 1, 6).adding(days: 7 * (flow - 1))
        var out = ""
        out += "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<Racine xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        out += "\t<IdentificationFlux>\n\t\t<APPLIEME>CRI</APPLIEME>\n\t\t<NUMVERSIONAPPLIEME>6200</NUMVERSIONAPPLIEME>\n"
        out += "\t\t<TYPEFLUX>\(flow == 1 ? "M" : "I")</TYPEFLUX>\n\t\t<NATFLUX>D</NATFLUX>\n\t\t<DTCREAFLUX>\(created)</DTCREAFLUX>\n"
        out += "\t\t<HEUCREAFLUX>01:18:36.0000</HEUCREAFLUX>\n\t\t<DTREF>\(created.adding(days: -1))</DTREF>\n\t</IdentificationFlux>\n"
        for index in 0..<households {
            out += household(index, created: created)
            if out.utf8.count >= 1 << 20 {
                write(Self.windows1252(out))
                out = ""
            }
        }
        out += "\t<TransmissionFlux>\n\t\t<NBTOTDOSRSATRANSM>\(households)</NBTOTDOSRSATRANSM>\n\t</TransmissionFlux>\n</Racine>\n"
        write(Self.windows1252(out))
    }

    /// The whole flow (small flows, tests).
    public func bytes() -> [UInt8] {
        var all: [UInt8] = []
        write { all.append(contentsOf: $0) }
        return all
    }

    private func household(_ index: Int, created: CivilDate) -> String {
        // Each household's draws depend on the seed and its index, and a few on the flow.
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(index) &* 0xBF58_476D_1CE4_E5B9)
        var moved = SplitMix64(seed: seed &+ UInt64(index) &* 31 &+ UInt64(flow) &* 0x94D0_49BB_1331_11EB)
        let matricule = String(1_000_000 + index)
        let applied = CivilDate.ymd(2022, 1, 3).adding(days: rng.int(0...1180))
        var state = ["2", "2", "2", "2", "2", "3", "4", "5", "6", "0", "1"][rng.int(0...10)]
        // Later flows: some rights close, some open, some duties change.
        if flow > 1 {
            if state == "2" && moved.chance(3) { state = "5" }
            if (state == "0" || state == "1") && moved.chance(20) { state = "2" }
        }
        let size = rng.chance(55) ? 1 : rng.int(2...6)
        let partner = size > 1 && rng.chance(60)
        var persons = ""
        for k in 0..<size {
            let role = k == 0 ? "DEM" : (k == 1 && partner ? "CJT" : "ENF")
            var duties = role == "ENF" ? nil : (rng.chance(88) ? "1" : "0")
            if flow > 1 && duties != nil && moved.chance(2) { duties = duties == "1" ? "0" : "1" }
            let surname = Self.surnames[rng.int(0...(Self.surnames.count - 1))]
            let first = Self.firstNames[rng.int(0...(Self.firstNames.count - 1))]
            let born = CivilDate.ymd(role == "ENF" ? 2008 : 1960, 1, 1).adding(days: rng.int(0...(role == "ENF" ? 5000 : 14000)))
            persons += """
            \t\t<Personne>
            \t\t\t<Identification>
            \t\t\t\t<QUAL>\(rng.chance(50) ? "MME" : "MR")</QUAL>
            \t\t\t\t<NOM>\(surname)</NOM>
            \t\t\t\t<NOMNAI>\(surname)</NOMNAI>
            \t\t\t\t<PRENOM>\(first)</PRENOM>
            \t\t\t\t<NOMCOMNAI>SAINT-ÉTIENNE</NOMCOMNAI>
            \t\t\t\t<DTNAI>\(born)</DTNAI>
            \t\t\t\t<TYPEDTNAI>N</TYPEDTNAI>
            \t\t\t\t<NIR>\(rng.chance(50) ? 1 : 2)\(String(100_000_000_000 + rng.int(0...899_999_999_999)))</NIR>
            \t\t\t\t<TOPVALIEC>1</TOPVALIEC>
            \t\t\t</Identification>
            \t\t\t<DossierCAF>
            \t\t\t\t<TOPRESPDOS>\(k == 0 ? 1 : 0)</TOPRESPDOS>
            \t\t\t\t<DDRATDOS>\(applied)</DDRATDOS>
            \t\t\t</DossierCAF>
            \t\t\t<Prestations>
            \t\t\t\t<NATPREST>PFA</NATPREST>
            \t\t\t\t<ROLEPERS>\(role)</ROLEPERS>
            \t\t\t\t<TOPCHAPERS>0</TOPCHAPERS>
            \t\t\t</Prestations>
            \t\t\t<Prestations>
            \t\t\t\t<NATPREST>RSA</NATPREST>
            \t\t\t\t<ROLEPERS>\(role)</ROLEPERS>
            \t\t\t\t<TOPCHAPERS>1</TOPCHAPERS>
            \t\t\t</Prestations>
            \t\t\t<Ressources>
            \t\t\t\t<GeneraliteRessourcesTrimestre>
            \t\t\t\t\t<TOPRESSNUL>\(rng.chance(60) ? 1 : 0)</TOPRESSNUL>
            \t\t\t\t\t<DDRESS>\(created.adding(days: -120))</DDRESS>
            \t\t\t\t\t<DFRESS>\(created.adding(days: -30))</DFRESS>
            \t\t\t\t</GeneraliteRessourcesTrimestre>
            \t\t\t</Ressources>

            """
            if let duties {
                persons += "\t\t\t<MontantCalculDroitRSAPersonne>\n\t\t\t\t<TOPPERSDRODEVORSA>\(duties)</TOPPERSDRODEVORSA>\n\t\t\t</MontantCalculDroitRSAPersonne>\n"
            }
            persons += "\t\t\t<Activite>\n\t\t\t\t<REG>GE</REG>\n\t\t\t\t<ACT>\(["CHO", "SAL", "INA", "ETU"][rng.int(0...3)])</ACT>\n\t\t\t\t<DDACT>\(applied)</DDACT>\n\t\t\t</Activite>\n"
            persons += "\t\t</Personne>\n"
        }
        let amount = 64652 + (size - 1) * 19396 - (rng.chance(30) ? rng.int(0...40000) : 0)
        var closure = ""
        if state == "5" || state == "6" {
            let closed = created.adding(days: -rng.int(1...60))
            closure = "\t\t\t\t<\(state == "5" ? "FinDroit" : "FinDroitMoisAnterieur")>\n\t\t\t\t\t<MOTICLORSA>\(Self.closures[rng.int(0...(Self.closures.count - 1))])</MOTICLORSA>\n\t\t\t\t\t<DTCLORSA>\(closed)</DTCLORSA>\n\t\t\t\t</\(state == "5" ? "FinDroit" : "FinDroitMoisAnterieur")>\n"
        }
        let street = Self.streets[rng.int(0...(Self.streets.count - 1))]
        return """
        \t<InfosFoyerRSA>
        \t\t<IdentificationRSA>
        \t\t\t<Organisme>
        \t\t\t\t<FONORG>\(rng.chance(92) ? "CAF" : "MSA")</FONORG>
        \t\t\t\t<NUMORG>591</NUMORG>
        \t\t\t\t<MATRICULE>\(matricule)</MATRICULE>
        \t\t\t</Organisme>
        \t\t\t<Partenaire>
        \t\t\t\t<TYPEPARTE>CG </TYPEPARTE>
        \t\t\t\t<IDEPARTE>059</IDEPARTE>
        \t\t\t</Partenaire>
        \t\t\t<DemandeRSA>
        \t\t\t\t<DTDEMRSA>\(applied)</DTDEMRSA>
        \t\t\t\t<NUMDEMRSA>\(String(10_000_000_000 + index))</NUMDEMRSA>
        \t\t\t</DemandeRSA>
        \t\t</IdentificationRSA>
        \(persons)\t\t<DonneesAdministratives>
        \t\t\t<Adresse>
        \t\t\t\t<AdresseDetailleeFrance>
        \t\t\t\t\t<NUMVOIE>\(rng.int(1...180))</NUMVOIE>
        \t\t\t\t\t<LIBTYPEVOIE>RUE</LIBTYPEVOIE>
        \t\t\t\t\t<NOMVOIE>\(street)</NOMVOIE>
        \t\t\t\t\t<CODEPOS>59000</CODEPOS>
        \t\t\t\t\t<NOMCOM>LILLE</NOMCOM>
        \t\t\t\t</AdresseDetailleeFrance>
        \t\t\t</Adresse>
        \t\t</DonneesAdministratives>
        \t\t<PrestationRSA>
        \t\t\t<SituationDossierRSA>
        \t\t\t\t<EtatDossierRSA>
        \t\t\t\t\t<ETATDOSRSA>\(state)</ETATDOSRSA>
        \t\t\t\t</EtatDossierRSA>
        \(closure)\t\t\t</SituationDossierRSA>
        \t\t\t<DetailDroitRSA>
        \t\t\t\t<MontantsCalculDroitRSA>
        \t\t\t\t\t<DDELECAL>\(created.adding(days: -30))</DDELECAL>
        \t\t\t\t\t<MTREVMINIGARARSA>\(Cents(Int64(amount)))</MTREVMINIGARARSA>
        \t\t\t\t\t<MTREVGARARSA>\(Cents(Int64(amount)))</MTREVGARARSA>
        \t\t\t\t\t<MTRESSMENRSA>0.00</MTRESSMENRSA>
        \t\t\t\t\t<MTTOTDRORSA>\(Cents(Int64(amount)))</MTTOTDRORSA>
        \t\t\t\t</MontantsCalculDroitRSA>
        \t\t\t</DetailDroitRSA>
        \t\t</PrestationRSA>
        \t</InfosFoyerRSA>

        """
    }

    /// The text in windows-1252 (every character used here has a code there).
    package static func windows1252(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            out.append(scalar.value < 256 ? UInt8(scalar.value) : UInt8(ascii: "?"))
        }
        return out
    }
}
