import PathwayMachinery
import PathwayLaw
import PathwayReport
import PathwayImport
/// A realistic synthetic event log, deterministic for a seed: the benchmark's input and a demo
/// for new users (`pathway generate --events N --seed S`).
///
/// About a hundred events per person: the right (opened, sometimes transferred, closed and
/// reopened), registration, orientations on time and late, re-orientations, diagnostics,
/// contracts (with legal reductions and a few unlawful hours), weekly activities of the six
/// R5411-15 categories, appointments, failings and sanctions of every kind with their procedure
/// (notices with their terms, hearings asked and held or not, the team's referral under the
/// former law, decisions notified, appeals referred or not and answered with each outcome, late
/// or not), payments suspended by the CAF/MSA and resumed (some after more than a year), the
/// stock opened before 2025. Lines are interleaved in date order, as a département's export
/// would be, or grouped by person (`byPerson`: the same lines, person after person, for
/// `pathway replay --sorted`).
///
/// With `sources`, the log is what the département's imports give: only the events a built-in
/// source records (``SourceDeclarations``), each with its `source` (`caf`, then `pilotage`, then
/// `rdv-insertion`); the rules that need a registration or a diagnostic are then not judged.
public struct LogGenerator {
    public let events: Int
    public let seed: UInt64
    /// Each person's lines together, people in the order of their ids; the same lines as the
    /// interleaved log, and each person's lines in the same order.
    public let byPerson: Bool
    /// An imported log: only what the built-in sources record, each event with its `source`.
    public let sources: Bool

    public init(events: Int, seed: UInt64, byPerson: Bool = false, sources: Bool = false) {
        self.events = max(0, events)
        self.seed = seed
        self.byPerson = byPerson
        self.sources = sources
    }

    /// Writes the whole log, in pieces of about `chunkSize` bytes, to `sink`. Grouped by
    /// person, the log is written as it is made, in little memory.
    public func write(chunkSize: Int = 1 << 20, to sink: ([UInt8]) -> Void) {
        var out: [UInt8] = []
        out.reserveCapacity(chunkSize + 512)
        func emit(_ records: [Record]) {
            for record in records {
                record.write(to: &out)
                if out.count >= chunkSize {
                    sink(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        var records: [Record] = []
        if !byPerson { records.reserveCapacity(events) }
        var made = 0
        var person = 0
        while made < events {
            var rng = SplitMix64(seed: seed &+ UInt64(person) &* 0x9E37_79B9_7F4A_7C15)
            let budget = min(events - made, 60 + Int(rng.next() % 81))
            let first = records.count
            var script = PersonScript(index: person, budget: budget, rng: rng, sourced: sources)
            script.emit(into: &records)
            if made + records.count - first > events { records.removeLast(made + records.count - first - events) }
            made += records.count - first
            person += 1
            if byPerson {
                // The person's own order: by date, then as made.
                records.sort { ($0.day, $0.sequence) < ($1.day, $1.sequence) }
                emit(records)
                records.removeAll(keepingCapacity: true)
            }
        }
        if !byPerson {
            // Interleave in date order; stable by person, then by the person's own order.
            records.sort { ($0.day, $0.person, $0.sequence) < ($1.day, $1.person, $1.sequence) }
            emit(records)
        }
        if !out.isEmpty { sink(out) }
    }

    /// The whole log in memory (for tests and small logs).
    public func text() -> String {
        var bytes: [UInt8] = []
        write { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}


/// One generated event, compact until it is written.
private struct Record {
    var day: Int32
    var person: Int32
    var sequence: Int32
    var body: String
    var source: StaticString?

    func write(to out: inout [UInt8]) {
        out.append(contentsOf: #"{"id":"p"#.utf8)
        Record.digits(Int(person), into: &out)
        out.append(UInt8(ascii: "-"))
        Record.digits(Int(sequence), into: &out)
        out.append(contentsOf: #"","person":"P"#.utf8)
        Record.pad(Int(person), width: 7, into: &out)
        out.append(contentsOf: #"","date":""#.utf8)
        out.append(contentsOf: CivilDate(dayNumber: day).description.utf8)
        out.append(contentsOf: #"","#.utf8)
        out.append(contentsOf: body.utf8)
        if let source {
            out.append(contentsOf: #","source":""#.utf8)
            source.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: "}\n".utf8)
    }

    static func digits(_ value: Int, into out: inout [UInt8]) {
        if value >= 10 { digits(value / 10, into: &out) }
        out.append(UInt8(48 + value % 10))
    }

    static func pad(_ value: Int, width: Int, into out: inout [UInt8]) {
        var text = Array(String(value).utf8)
        while text.count < width { text.insert(48, at: 0) }
        out.append(contentsOf: text)
    }
}

/// The life of one generated person.
private struct PersonScript {
    let index: Int
    let budget: Int
    var rng: SplitMix64
    /// The draws of the procedure and the payments, apart: the others stay those of a log made
    /// before they existed, person for person (only what the added lines take of the budget
    /// moves).
    var procedure: SplitMix64
    let sourced: Bool
    var records: [Record] = []
    var day: CivilDate = CivilDate.ymd(2025, 1, 1)

    init(index: Int, budget: Int, rng: SplitMix64, sourced: Bool = false) {
        self.index = index
        self.budget = budget
        self.rng = rng
        var copy = rng
        procedure = SplitMix64(seed: copy.next() ^ 0x5A17_0C0D_E5EE_D000)
        self.sourced = sourced
    }

    private var full: Bool { records.count >= budget }

    /// The export's last day: nothing is dated after it.
    static let horizon = CivilDate.ymd(2026, 12, 31)

    private mutating func add(_ date: CivilDate, _ body: String) {
        guard !full, date <= PersonScript.horizon else { return }
        var source: StaticString?
        if sourced {
            // An imported log holds what a built-in source records, and nothing else.
            guard let recorded = PersonScript.source(of: body) else { return }
            source = recorded
        }
        records.append(Record(day: date.dayNumber, person: Int32(index), sequence: Int32(records.count + 1), body: body, source: source))
    }

    /// The built-in source that records the event `body` describes (`"type":"…"` first).
    static func source(of body: String) -> StaticString? {
        guard body.hasPrefix(#""type":""#) else { return nil }
        let name = body.dropFirst(8).prefix { $0 != "\"" }
        guard let type = EventType(rawValue: String(name)) else { return nil }
        if SourceDeclarations.builtIn.records(of: "caf")?.contains(type) == true { return "caf" }
        if type == .appointment { return "rdv-insertion" } // the appointments' own tool
        if SourceDeclarations.builtIn.records(of: "pilotage")?.contains(type) == true { return "pilotage" }
        if SourceDeclarations.builtIn.records(of: "rdv-insertion")?.contains(type) == true { return "rdv-insertion" }
        return nil
    }

    static let dominantes = ["emploi", "emploi", "emploi", "socio_pro", "socio_pro", "social"]
    static let organismes = ["france_travail", "france_travail", "departement", "delegataire", "mission_locale", "cap_emploi"]
    static let categories = ["work_placement", "training", "job_search", "job_search", "support", "access_to_rights", "professional_activity"]
    static let reasons = ["health", "disability", "invalidity", "single_parent_childcare", "caregiver"]
    static let barriers = ["mobilite", "sante", "logement", "garde_enfants", "numerique", "langue", "budget", "administratif"]

    private mutating func pick(_ list: [String]) -> String { list[rng.int(0...(list.count - 1))] }

    mutating func emit(into all: inout [Record]) {
        let stock = rng.chance(20)
        let opened = stock ? CivilDate.ymd(2022, 1, 3).adding(days: rng.int(0...1090))
                           : CivilDate.ymd(2025, 1, 2).adding(days: rng.int(0...600))
        let size = rng.chance(70) ? 1 : rng.int(2...5)
        let amount = size == 1 ? 64652 : 96978 + (size - 2) * 19396
        let single = size > 1 && rng.chance(30)
        let subject = rng.chance(92)
        let transfer = rng.chance(5)
        var extra = ""
        if size > 1 { extra += #","household_size":\#(size)"# }
        if single { extra += #","single_parent_increase":true"# }
        if !subject { extra += #","subject_to_duties":false"# }
        if transfer { extra += #","transfer":true"# }
        let knownAmount = rng.chance(85)
        let money = knownAmount ? #","monthly_amount":\#(amount / 100).\#(String(format2: amount % 100))"# : ""
        // A few people whose right the export lacks (a data gap: state no_right).
        if !rng.chance(1) { add(opened, #""type":"right_opened""# + extra + money) }
        add(opened.adding(days: rng.int(0...3)), #""type":"registered""#)
        if !subject {
            if rng.chance(50) { add(opened.adding(days: rng.int(30...200)), #""type":"duties_changed","subject_to_duties":true"#) } else { return finish(into: &all) }
        }

        // Orientation: on time for most, late for some, missing for a few.
        let orientationDelay = rng.chance(78) ? rng.int(7...42) : (rng.chance(85) ? rng.int(43...90) : -1)
        guard orientationDelay >= 0 else {
            if rng.chance(50) { add(opened.adding(days: rng.int(60...200)), #""type":"right_closed","reason":"resources""#) }
            return finish(into: &all)
        }
        var oriented = opened.adding(days: orientationDelay)
        var dominante = pick(PersonScript.dominantes)
        let decider = orientationDelay > 42 && rng.chance(40) ? #","decided_by":"france_travail""# : ""
        add(oriented.adding(days: -rng.int(0...3)), #""type":"appointment","purpose":"orientation","status":"\#(rng.chance(85) ? "attended" : "missed")""#)
        let notified = oriented.adding(days: rng.int(0...4))
        add(oriented, #""type":"orientation_decided","dominante":"\#(dominante)","organisme":"\#(pick(PersonScript.organismes))","notified":"\#(notified)""# + decider
            + (dominante == "social" && rng.chance(30) ? #","extended_review":true"# : ""))
        add(oriented.adding(days: rng.int(3...15)), #""type":"diagnostic_completed","barriers":["\#(pick(PersonScript.barriers))"]"#)

        // Re-orientation for some, within or after the month.
        if rng.chance(10) {
            oriented = oriented.adding(days: rng.int(10...45))
            dominante = pick(PersonScript.dominantes)
            add(oriented, #""type":"orientation_decided","dominante":"\#(dominante)","organisme":"\#(pick(PersonScript.organismes))""#)
        }

        // Contract: on time for most; for the stock, signed in 2025 or 2026 (or never, for some).
        var signed = oriented.adding(days: rng.chance(82) ? rng.int(5...30) : rng.int(31...75))
        if stock {
            guard rng.chance(85) else { return finish(into: &all) }
            signed = CivilDate.ymd(2025, 1, 2).adding(days: rng.int(0...700))
        }
        var hours = 15
        var reason = ""
        if rng.chance(15) {
            hours = [0, 5, 8, 10, 12][rng.int(0...4)]
            reason = #","reduction_reason":"\#(pick(PersonScript.reasons))""#
        } else if rng.chance(4) {
            hours = rng.chance(50) ? 12 : 38
        } else if rng.chance(20) {
            hours = rng.int(16...30)
        }
        // A few contracts whose hours the export does not record.
        let recorded = !rng.chance(3)
        add(signed, #""type":"contract_signed""# + (recorded ? #","weekly_hours":\#(hours)"# + reason : ""))
        if dominante == "social" && rng.chance(70) {
            add(signed.adding(days: rng.int(120...200)), #""type":"situation_reviewed""#)
        }

        // Now and then the CAF/MSA suspends the payment (resources to be checked, address
        // unknown…) and resumes it, some after more than a year (a new follow-up).
        if procedure.chance(4) {
            let long = procedure.chance(30)
            let suspended = signed.adding(days: long ? procedure.int(10...90) : procedure.int(30...300))
            add(suspended, #""type":"payment_suspended","reason":"0\#(procedure.int(1...5))""#)
            if procedure.chance(85) {
                add(suspended.adding(months: long ? procedure.int(13...20) : procedure.int(1...6)), #""type":"payment_resumed""#)
            }
        }

        // Weeks of activity up to the horizon, appointments, and now and then a failing and
        // its sanction. The activities share what is left of the person's budget.
        var week = signed.adding(days: 1)
        var sanctioned = false
        let intensity = rng.chance(70) ? 100 + rng.int(0...20) : rng.int(30...80)
        let weeks = max(1, PersonScript.horizon.days(since: week) / 7)
        let perWeek = max(1, min(3, (budget - records.count) * 8 / 10 / weeks))
        while !full && week <= PersonScript.horizon {
            for _ in 0..<perWeek {
                let h = max(1, (hours * intensity / 100 + perWeek - 1) / perWeek + rng.int(0...1))
                add(week.adding(days: rng.int(0...4)), #""type":"activity","hours":\#(min(h, 20)),"category":"\#(pick(PersonScript.categories))""#)
            }
            if rng.chance(25) {
                let status = rng.chance(80) ? "attended" : (rng.chance(60) ? "missed" : "excused")
                add(week.adding(days: rng.int(0...4)), #""type":"appointment","purpose":"accompaniment","status":"\#(status)""#)
            }
            if !sanctioned && rng.chance(2) {
                sanctioned = true
                emitSanction(from: week)
                week = week.adding(days: 60)
            }
            if rng.chance(1) {
                add(week, #""type":"contract_updated","weekly_hours":\#(hours)"# + reason)
            }
            if rng.chance(1) {
                add(week.adding(days: 2), #""type":"household_changed","monthly_amount":\#(amount / 100 + rng.int(-80...80)).\#(String(format2: rng.int(0...99)))"#)
            }
            week = week.adding(days: 7)
            if rng.chance(1) && records.count > budget - 10 {
                add(week, #""type":"right_closed","reason":"\#(["employment", "resources", "moved", "other"][rng.int(0...3)])""#)
                if rng.chance(40) { add(week.adding(days: rng.int(30...120)), #""type":"right_opened""# + money) }
                break
            }
        }
        finish(into: &all)
    }

    private mutating func emitSanction(from day: CivilDate) {
        let kind = ["contract_refusal", "obligation_breach", "obligation_breach", "control_refusal"][rng.int(0...3)]
        let legitimate = rng.chance(10)
        add(day, #""type":"failing_recorded","failing":"\#(kind)""# + (legitimate ? #","legitimate_reason":true"# : ""))
        // Some decisions follow a France Travail proposal, with its terms: no notice is sent.
        let proposed = rng.chance(10)
        let notice = day.adding(days: rng.int(1...5))
        let observations = rng.chance(50) ? notice.adding(days: rng.int(2...9)) : nil
        let decided = notice.adding(days: rng.chance(85) ? rng.int(11...25) : rng.int(3...10))
        let suppression = kind == "control_refusal" && rng.chance(60)
        let opinion = suppression ? decided.adding(days: -rng.int(0...3)) : nil
        let percent = suppression ? 100 : [30, 30, 50, 100, 25][rng.int(0...4)]
        let months = suppression ? 4 : rng.int(1...3)
        let proposal = proposed ? #","proposed_by_france_travail":true,"proposed_percent":\#(rng.chance(80) ? percent : 30),"proposed_months":\#(months)"# : ""
        let ending = !suppression && rng.chance(35) ? 1 : (rng.chance(5) ? 2 : 0)
        let endDay = ending == 1 ? decided.adding(days: rng.int(5...45)) : ending == 2 ? decided.adding(days: rng.int(5...30)) : decided
        let measure = suppression ? "suppression" : "suspension"

        // The notice, announcing the terms for half of them (now and then lighter than the
        // decision); a hearing asked for some, held before the decision for most of those.
        if !proposed {
            var terms = ""
            if procedure.chance(50) {
                let announced = procedure.chance(85) ? percent : max(25, percent - 20)
                terms = #","measure":"\#(measure)","percent":\#(announced),"months":\#(months)"#
            }
            add(notice, #""type":"sanction_notice""# + terms)
            if procedure.chance(20) {
                add(notice.adding(days: procedure.int(1...9)), #""type":"hearing_requested""#)
                if procedure.chance(80) {
                    let status = procedure.chance(85) ? "attended" : "excused"
                    add(max(notice, decided.adding(days: -procedure.int(1...5))), #""type":"appointment","purpose":"hearing","status":"\#(status)""#)
                }
            }
        }
        if let observations { add(observations, #""type":"observations_received""#) }
        // Under the former law (before 2025-06-01), the team pluridisciplinaire is referred to.
        if decided < CivilDate.ymd(2025, 6, 1) && procedure.chance(70) {
            add(notice.adding(days: procedure.int(0...3)), #""type":"team_referral""#)
        }
        if let opinion { add(opinion, #""type":"team_opinion""#) }
        let notified = procedure.chance(60) ? decided.adding(days: procedure.int(0...6)) : nil
        let before = records.count
        add(decided, #""type":"sanction_decided","measure":"\#(measure)","percent":\#(percent),"months":\#(months)"# + proposal
            + (notified.map { #","notified":"\#($0)""# } ?? ""))
        // The decision's id, when it was written (an appeal names it).
        let decision = records.count > before ? "p\(index)-\(records[before].sequence)" : nil
        if ending == 1 {
            add(endDay, #""type":"remobilised""#)
        } else if ending == 2 {
            add(endDay, #""type":"sanction_withdrawn""#)
        }
        // The appeal (RAPO): for some decisions, received in time for most, referred to the
        // commission for half, answered for most, with each outcome.
        guard procedure.chance(15), let decision else { return }
        let filed = (notified ?? decided).adding(days: procedure.chance(85) ? procedure.int(5...55) : procedure.int(63...90))
        let beforeAppeal = records.count
        add(filed, #""type":"appeal_filed","decision":"\#(decision)""#)
        guard records.count > beforeAppeal else { return }
        let appeal = "p\(index)-\(records[beforeAppeal].sequence)"
        var answerFrom = filed
        if procedure.chance(50) {
            let referred = filed.adding(days: procedure.int(3...20))
            add(referred, #""type":"appeal_referred","appeal":"\#(appeal)""#)
            answerFrom = referred
            if procedure.chance(70) {
                let opinion = referred.adding(days: procedure.int(10...35))
                add(opinion, #""type":"appeal_opinion","appeal":"\#(appeal)""#)
                answerFrom = opinion
            }
        }
        guard procedure.chance(85) else { return }
        let answered = answerFrom.adding(days: procedure.chance(85) ? procedure.int(7...28) : procedure.int(62...90))
        switch procedure.int(0...9) {
        case 0...5: add(answered, #""type":"appeal_decided","appeal":"\#(appeal)","outcome":"rejected""#)
        case 6...7: add(answered, #""type":"appeal_decided","appeal":"\#(appeal)","outcome":"granted""#)
        default:
            let lighter = suppression ? #","measure":"suspension","percent":50,"months":2"# : #","percent":\#(max(25, percent - 20))"#
            add(answered, #""type":"appeal_decided","appeal":"\#(appeal)","outcome":"reformed""# + lighter)
        }
    }

    private mutating func finish(into all: inout [Record]) {
        all.append(contentsOf: records)
    }
}

private extension String {
    /// Two digits: `7` → `07`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
