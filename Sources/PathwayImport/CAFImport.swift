import PathwayMachinery
import PathwayLaw
/// The CAF/MSA beneficiary flows (`Docs/import.md`): each flow is a snapshot of the households
/// it transmits, and the events are the differences between successive snapshots of each
/// household. Pure: bytes in (fed chunk by chunk), events out; the caller owns the files and
/// the state between runs.
///
/// What is read (and nothing else: no NIR, name, birth date or address leaves the reader):
/// `DTCREAFLUX` and `TYPEFLUX`; per household `MATRICULE`, `DTDEMRSA`, `ETATDOSRSA`,
/// `MOTICLORSA` and `DTCLORSA` (`FinDroit`, else `FinDroitMoisAnterieur`), `MTTOTDRORSA` (the
/// total of the latest computed right); per person `ROLEPERS` (of the `RSA` benefit) and
/// `TOPPERSDRODEVORSA`.
public enum CAFImport {
    /// One household as a flow transmits it.
    public struct Household: Sendable, Equatable {
        public var matricule: String
        public var applied: CivilDate?
        /// `ETATDOSRSA`.
        public var state: String
        public var closureReason: String?
        public var closedOn: CivilDate?
        public var monthlyAmount: Cents?
        /// Every person of the household with their role (`DEM`, `CJT`, `ENF`…) and duties flag.
        public var persons: [(role: String, subjectToDuties: Bool?)]
        /// Where the household starts in its file, for messages.
        public var line: Int
        /// `FONORG`: `CAF` or `MSA` (the source its events name).
        public var organism = ""
        /// `SuspensionVersement`: `MOTISUSVERSRSA` and `DDSUSVERSRSA`, when the payment is suspended.
        public var paymentSuspensionReason: String?
        public var paymentSuspendedOn: CivilDate?

        public static func == (a: Household, b: Household) -> Bool {
            a.matricule == b.matricule && a.applied == b.applied && a.state == b.state && a.closureReason == b.closureReason
                && a.closedOn == b.closedOn && a.monthlyAmount == b.monthlyAmount && a.line == b.line
                && a.persons.map(\.role) == b.persons.map(\.role) && a.persons.map(\.subjectToDuties) == b.persons.map(\.subjectToDuties)
                && a.organism == b.organism && a.paymentSuspensionReason == b.paymentSuspensionReason
                && a.paymentSuspendedOn == b.paymentSuspendedOn
        }

        /// The `source` its events name: `msa` for a household the MSA sends, else `caf`.
        public var source: String { organism.uppercased() == "MSA" ? "msa" : "caf" }

        /// `ETATDOSRSA` 2, 3 or 4: the right is open (payable, suspended, or payment suspended).
        public var isOpen: Bool { ["2", "3", "4"].contains(state) }
        /// `ETATDOSRSA` 5 or 6: closed (6: on an earlier month).
        public var isClosed: Bool { ["5", "6"].contains(state) }
    }

    /// A household element that cannot be read: reported with its position; the flow is rejected.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public init(message: String, line: Int) {
            self.message = message
            self.line = line
        }
        public var description: String { "ligne \(line) : \(message)" }
    }

    /// What a flow's head says.
    public struct FlowHeader: Sendable, Equatable {
        public var created: CivilDate?
        /// `HEUCREAFLUX` (`06:15:00`), as written.
        public var time: String?
        public var type: String?
        public init() {}

        /// The flow's place among flows: `DTCREAFLUX` then `HEUCREAFLUX` (`2025-03-03 06:15:00`);
        /// `nil` without a creation date.
        public var stamp: String? { created.map { "\($0) \(time ?? "00:00:00")" } }
    }

    /// Reads a flow chunk by chunk: households are handed over as each ends.
    public struct FlowReader {
        /// The elements the reader tells apart.
        private enum Tag: Int, CaseIterable {
            case typeflux, dtcreaflux, matricule, dtdemrsa, etatdosrsa, moticlorsa, dtclorsa, mttotdrorsa, natprest, rolepers
            case fonorg, motisusversrsa, ddsusversrsa, heucreaflux
            case toppersdrodevorsa, infosFoyerRSA, personne, finDroit, finDroitMoisAnterieur, montantsCalculDroitRSA

            package var name: String {
                switch self {
                case .infosFoyerRSA: return "InfosFoyerRSA"
                case .personne: return "Personne"
                case .finDroit: return "FinDroit"
                case .finDroitMoisAnterieur: return "FinDroitMoisAnterieur"
                case .montantsCalculDroitRSA: return "MontantsCalculDroitRSA"
                default: return "\(self)".uppercased()
                }
            }

            /// The leaf elements whose text is read.
            package static let leaves: [Tag] = [.typeflux, .dtcreaflux, .matricule, .dtdemrsa, .etatdosrsa, .moticlorsa, .dtclorsa,
                                        .mttotdrorsa, .natprest, .rolepers, .toppersdrodevorsa, .fonorg, .motisusversrsa, .ddsusversrsa, .heucreaflux]
        }

        private var xml = XMLStream(vocabulary: Tag.allCases.map(\.name), textOf: Set(Tag.leaves.map(\.name)))
        public private(set) var header = FlowHeader()
        public private(set) var households = 0
        private var current: Household?
        private var person: (role: String?, duties: Bool?, nature: String?, roleOfRSA: String?)?
        private var inFinDroit = false
        private var inFinDroitAnterieur = false
        private var inMontants = false
        private var field: Tag?
        private var anteriorReason: String?
        private var anteriorDate: CivilDate?
        private var startLine = 0

        public init() {}

        /// Feeds the next bytes; `household` receives each household read whole.
        public mutating func feed(_ chunk: [UInt8], last: Bool,
                                  household: (Household) -> Void) throws(Problem) {
            var failure: Problem?
            var stream = xml
            defer { xml = stream }
            do {
                try stream.feed(chunk, last: last) { (piece) throws(XMLStream.Failure) in
                    do throws(Problem) {
                        try self.take(piece, household: household)
                    } catch {
                        failure = error
                        throw XMLStream.Failure(message: error.message, line: error.line, byte: 0)
                    }
                }
            } catch {
                throw failure ?? Problem(message: error.message + (error.byte > 0 ? " (octet \(error.byte))" : ""), line: error.line)
            }
        }

        private mutating func take(_ piece: XMLStream.Piece, household: (Household) -> Void) throws(Problem) {
            switch piece {
            case .start(let index, let line):
                let tag = Tag(rawValue: index)
                field = tag
                switch tag {
                case .infosFoyerRSA?:
                    startLine = line
                    current = Household(matricule: "", applied: nil, state: "", closureReason: nil, closedOn: nil,
                                        monthlyAmount: nil, persons: [], line: 0)
                    anteriorReason = nil
                    anteriorDate = nil
                case .personne?: person = (nil, nil, nil, nil)
                case .finDroit?: inFinDroit = true
                case .finDroitMoisAnterieur?: inFinDroitAnterieur = true
                case .montantsCalculDroitRSA?: inMontants = true
                default: break
                }
            case .text(let raw):
                let text = raw.trimmingSpaces
                switch field {
                case .typeflux?: header.type = text
                case .dtcreaflux?: header.created = CivilDate(text)
                case .heucreaflux?: header.time = text.isEmpty ? nil : text
                case .matricule?: current?.matricule = text
                case .fonorg?: current?.organism = text
                case .motisusversrsa?: current?.paymentSuspensionReason = text.isEmpty ? nil : text
                case .ddsusversrsa?: current?.paymentSuspendedOn = CivilDate(text)
                case .dtdemrsa?: current?.applied = CivilDate(text)
                case .etatdosrsa?: current?.state = text
                case .moticlorsa?:
                    if inFinDroit { current?.closureReason = text } else if inFinDroitAnterieur { anteriorReason = text }
                case .dtclorsa?:
                    if inFinDroit { current?.closedOn = CivilDate(text) } else if inFinDroitAnterieur { anteriorDate = CivilDate(text) }
                case .mttotdrorsa?:
                    if inMontants, case .success(let value) = FixedPoint.parse(text: text, scale: 2) { current?.monthlyAmount = Cents(value) }
                case .natprest?: person?.nature = text
                case .rolepers?:
                    if person?.role == nil { person?.role = text }
                    if person?.nature == "RSA" { person?.roleOfRSA = text }
                case .toppersdrodevorsa?: person?.duties = text == "1" ? true : text == "0" ? false : nil
                default: break
                }
            case .end(let index):
                switch Tag(rawValue: index) {
                case .personne?:
                    if let p = person, current != nil {
                        current?.persons.append(((p.roleOfRSA ?? p.role ?? "").uppercased(), p.duties))
                    }
                    person = nil
                case .finDroit?: inFinDroit = false
                case .finDroitMoisAnterieur?: inFinDroitAnterieur = false
                case .montantsCalculDroitRSA?: inMontants = false
                case .infosFoyerRSA?:
                    guard var h = current else { return }
                    h.line = max(1, startLine)
                    if h.closureReason == nil { h.closureReason = anteriorReason }
                    if h.closedOn == nil { h.closedOn = anteriorDate }
                    guard !h.matricule.isEmpty else {
                        throw Problem(message: "un foyer (InfosFoyerRSA) sans MATRICULE : le flux ne peut pas être importé", line: h.line)
                    }
                    households += 1
                    household(h)
                    current = nil
                default: break
                }
                field = nil
            }
        }
    }

    // MARK: Differences between snapshots

    /// What the import keeps of a household between flows (the state file): no name, no NIR.
    public struct Kept: Sendable, Equatable {
        public var open: Bool
        public var state: String
        public var size: Int
        public var amount: Int64?
        /// The duties flag of each beneficiary, by role (`DEM`, `CJT`): `nil` when no flow said it.
        /// Kept in a byte for each of the two roles (a state holds every household of a
        /// département: a dictionary each took three times the memory).
        public var duties: [String: Bool?] {
            get {
                var out: [String: Bool?] = [:]
                if let d = Kept.flag(dem) { out["DEM"] = d }
                if let c = Kept.flag(cjt) { out["CJT"] = c }
                return out
            }
            set {
                dem = Kept.code(newValue["DEM"])
                cjt = Kept.code(newValue["CJT"])
            }
        }
        /// The duties of the beneficiary of `role`: `nil` when not a beneficiary, `.some(nil)`
        /// when unknown (no dictionary made).
        public func duty(_ role: String) -> Bool?? {
            role == "DEM" ? Kept.flag(dem) : role == "CJT" ? Kept.flag(cjt) : nil
        }

        /// 0 not a beneficiary, 1 duties unknown, 2 not subject, 3 subject.
        private var dem: UInt8 = 0
        private var cjt: UInt8 = 0

        private static func code(_ flag: Bool??) -> UInt8 {
            switch flag {
            case .none: return 0
            case .some(.none): return 1
            case .some(.some(false)): return 2
            case .some(.some(true)): return 3
            }
        }

        private static func flag(_ code: UInt8) -> Bool?? {
            switch code {
            case 1: return .some(nil)
            case 2: return .some(false)
            case 3: return .some(true)
            default: return nil
            }
        }
        /// The last flow applied to the household (``FlowHeader/stamp``): an older one changes
        /// nothing.
        public var flow: String?

        public init(open: Bool, state: String, size: Int, amount: Int64?, duties: [String: Bool?]) {
            self.open = open
            self.state = state
            self.size = size
            self.amount = amount
            dem = Kept.code(duties["DEM"])
            cjt = Kept.code(duties["CJT"])
        }
    }

    /// How `MOTICLORSA` becomes the reason of `right_closed` (`Docs/import.md`).
    public static func closureReason(_ code: String?) -> ClosureReason {
        switch code ?? "" {
        case "MUT": return .moved
        case "ECH", "RFD": return .resources
        default: return .other
        }
    }

    /// The roles that are people of the log; children and other dependants count in the household.
    public static let beneficiaryRoles: Set<String> = ["DEM", "CJT"]

    /// The events a household's snapshot gives against what was kept of it (`nil`: never seen),
    /// dated the day the flow was received. `monthly` for a monthly flow (`TYPEFLUX` `M`), which
    /// restates every household the fund serves: a household first seen there is stock, its
    /// right already open dated from its application (`DTDEMRSA`) and marked `"dated_from":
    /// "application"`, whatever flows came before; one first seen in a daily flow is a new file,
    /// dated the day the flow was received.
    public static func events(for h: Household, kept: Kept?, received: CivilDate, monthly: Bool,
                              problems: inout [String], name: (String) -> String = { $0 }) -> (events: [ImportedEvent], kept: Kept?) {
        let file = name(ImportIdentity.matricule(h.matricule))
        // What the schema requires: a household without its state is skipped whole, its state
        // kept as it was (never read as something else).
        guard !h.state.isEmpty else {
            problems.append("ligne \(h.line) : foyer \(file) : pas de PrestationRSA > … > ETATDOSRSA (exigé par le schéma du flux) : ignoré, son état inchangé")
            return ([], nil)
        }
        guard ["0", "1", "2", "3", "4", "5", "6"].contains(h.state) else {
            problems.append("ligne \(h.line) : foyer \(file) : ETATDOSRSA « \(h.state) » n'est pas un état du schéma (0 à 6) : ignoré, son état inchangé")
            return ([], nil)
        }
        var events: [ImportedEvent] = []
        var beneficiaries: [(id: String, role: String, duties: Bool?)] = []
        for person in h.persons where beneficiaryRoles.contains(person.role) {
            // A second person with the same role has no id any other source would give: reported,
            // not imported.
            guard !beneficiaries.contains(where: { $0.role == person.role }) else {
                problems.append("ligne \(h.line) : foyer \(file) : une seconde personne de rôle \(person.role) : non importée (aucune autre source ne peut la nommer)")
                continue
            }
            beneficiaries.append((ImportIdentity.person(matricule: h.matricule, role: person.role), person.role, person.subjectToDuties))
        }
        let size = max(1, h.persons.count)
        let amount = h.monthlyAmount
        // Each beneficiary's duties: the flow's flag, or what was known, or unknown (an MSA flow
        // leaves the flag out: never invented).
        var duties: [String: Bool?] = [:]
        for b in beneficiaries { duties[b.role] = .some(b.duties ?? (kept?.duty(b.role) ?? nil)) }
        var next = kept ?? Kept(open: false, state: "", size: 1, amount: nil, duties: [:])
        next.open = h.isOpen || (!h.isClosed && kept?.open == true)
        next.state = h.state
        next.size = size
        next.amount = amount?.value ?? kept?.amount
        if !duties.isEmpty { next.duties = duties }

        func opening(_ b: (id: String, role: String, duties: Bool?), on date: CivilDate, fromApplication: Bool) -> ImportedEvent {
            var fields: [(String, ImportedEvent.Value)] = [("subject_to_duties", (duties[b.role] ?? nil).map { .bool($0) } ?? .null)]
            if size > 1 { fields.append(("household_size", .int(size))) }
            if let amount { fields.append(("monthly_amount", .euros(amount))) }
            if fromApplication { fields.append(("dated_from", .text("application"))) }
            return ImportedEvent(person: b.id, type: .rightOpened, date: date, fields: fields)
        }
        /// `payment_suspended` when the right is open and not payable (3 or 4), from the day
        /// `DDSUSVERSRSA` gives when it is not later than `day`; `payment_resumed` back to 2.
        func payment(_ b: (id: String, role: String, duties: Bool?), from before: String?, on day: CivilDate, notBefore: CivilDate) {
            let suspended = h.state == "3" || h.state == "4"
            let wasSuspended = before == "3" || before == "4"
            if suspended && !wasSuspended {
                let from = max(notBefore, h.paymentSuspendedOn.map { min($0, day) } ?? day)
                events.append(ImportedEvent(person: b.id, type: .paymentSuspended, date: from,
                                            fields: h.paymentSuspensionReason.map { [("reason", .text($0))] } ?? []))
            } else if !suspended && wasSuspended && h.state == "2" {
                events.append(ImportedEvent(person: b.id, type: .paymentResumed, date: day))
            }
        }

        if h.isOpen {
            if kept?.open != true {
                var date = received
                var fromApplication = false
                if kept == nil && monthly, let applied = h.applied, applied < received {
                    date = applied
                    fromApplication = true
                }
                for b in beneficiaries {
                    events.append(opening(b, on: date, fromApplication: fromApplication))
                    payment(b, from: nil, on: received, notBefore: date)
                }
            } else if let kept {
                for b in beneficiaries {
                    guard let before = kept.duty(b.role) else {
                        // A beneficiary who joined an open household.
                        events.append(opening(b, on: received, fromApplication: false))
                        payment(b, from: nil, on: received, notBefore: received)
                        continue
                    }
                    if let now = duties[b.role] ?? nil, now != before {
                        events.append(ImportedEvent(person: b.id, type: .dutiesChanged, date: received,
                                                    fields: [("subject_to_duties", .bool(now))]))
                    }
                    // Suspended since DDSUSVERSRSA, at the earliest the day of the flow seen before.
                    payment(b, from: kept.state, on: received, notBefore: kept.flow.flatMap { CivilDate(String($0.prefix(10))) } ?? received)
                }
                var change: [(String, ImportedEvent.Value)] = []
                if size != kept.size { change.append(("household_size", .int(size))) }
                if let amount, amount.value != kept.amount { change.append(("monthly_amount", .euros(amount))) }
                if !change.isEmpty {
                    for b in beneficiaries where kept.duty(b.role) != nil {
                        events.append(ImportedEvent(person: b.id, type: .householdChanged, date: received, fields: change))
                    }
                }
            }
        } else if h.isClosed {
            let reason = closureReason(h.closureReason)
            let closed = h.closedOn ?? received
            if kept?.open == true {
                for b in beneficiaries {
                    events.append(ImportedEvent(person: b.id, type: .rightClosed, date: closed, fields: [("reason", .text(reason.rawValue))]))
                }
            } else if kept == nil && monthly, let applied = h.applied, applied <= closed {
                // History: a right opened and closed before the first flow imported.
                for b in beneficiaries {
                    events.append(opening(b, on: applied, fromApplication: true))
                    events.append(ImportedEvent(person: b.id, type: .rightClosed, date: closed, fields: [("reason", .text(reason.rawValue))]))
                }
            }
        }
        for i in events.indices { events[i].source = h.source }
        return (events, next)
    }
}

/// An event made by an import, before it is written as a line of the log.
public struct ImportedEvent: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String), int(Int), bool(Bool), euros(Cents), number(String), date(CivilDate)
        /// `null`: the source does not say (`subject_to_duties` of an MSA flow).
        case null
    }

    public var person: String
    public var type: EventType
    public var date: CivilDate
    /// The fields after `id`, `person`, `type` and `date`, in order.
    public var fields: [(String, Value)]
    /// The system it comes from (`caf`, `msa`), when it is not the import's own.
    public var source: String?

    public init(person: String, type: EventType, date: CivilDate, fields: [(String, Value)] = []) {
        self.person = person
        self.type = type
        self.date = date
        self.fields = fields
    }

    public static func == (a: ImportedEvent, b: ImportedEvent) -> Bool {
        a.person == b.person && a.type == b.type && a.date == b.date && a.fields.map(\.0) == b.fields.map(\.0)
            && a.fields.map(\.1) == b.fields.map(\.1)
    }
}

/// The person of every source: the couple "CAF file number + role".
public enum ImportIdentity {
    /// The canonical file number, the same from every source (`Docs/import.md`, "Le numéro de
    /// dossier"): spaces and leading zeros removed, then, when what is left is longer than eight
    /// digits and ends with eight zeros, those eight zeros removed. The CAF writes
    /// `034614500000000` (a 7-digit number padded with eight zeros), rdv-insertion `0346145`, a
    /// spreadsheet `346145`: all give `346145`. An MSA number keeps its digits. A text that is not
    /// made of digits is returned trimmed.
    public static func matricule(_ raw: String) -> String {
        // Digits alone (the usual case): no Unicode property looked up.
        let digitsOnly = !raw.isEmpty && raw.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let compact = digitsOnly ? raw : String(raw.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard !compact.isEmpty, compact.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return raw.trimmingSpaces }
        var digits = compact.utf8.drop { $0 == 0x30 }
        if digits.count > 8 && digits.suffix(8).allSatisfy({ $0 == 0x30 }) { digits = digits.dropLast(8) }
        return digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
    }

    /// `DEM`, `CJT` from the ways sources write them (`DEMANDEUR`, `demandeur`, `Conjoint`…);
    /// `nil` for a role that is not a beneficiary of the log.
    public static func role(_ raw: String) -> String? {
        let word = raw.trimmingSpaces.uppercased()
        switch word {
        case "DEM", "DEMANDEUR", "DEMANDEUSE", "ALLOCATAIRE", "D": return "DEM"
        case "CJT", "CONJOINT", "CONJOINTE", "CONJ", "C": return "CJT"
        default:
            if word.hasPrefix("DEM") { return "DEM" }
            if word.hasPrefix("CONJ") || word.hasPrefix("CJT") { return word.hasPrefix("CJT") && word.count > 3 ? word : "CJT" }
            return nil
        }
    }

    /// `<matricule>-<role>`.
    public static func person(matricule: String, role: String) -> String {
        "\(Self.matricule(matricule))-\(role)"
    }
}


