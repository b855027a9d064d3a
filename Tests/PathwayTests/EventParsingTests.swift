import Testing
@testable import Pathway

@Suite("Event log v1: the 19 types and their fields")
struct EventParsingTests {
    fileprivate func parse(_ line: String) -> Result<Event, LineError> {
        let log = LogReader.read(line)
        if let event = log.events.first { return .success(event) }
        return .failure(log.rejected.first ?? LineError(line: 0, field: nil, message: "nothing"))
    }

    fileprivate func event(_ type: String, _ fields: String = "") -> EventKind? {
        let extra = fields.isEmpty ? "" : "," + fields
        guard case .success(let e) = parse(#"{"id":"e1","person":"P1","type":"\#(type)","date":"2025-03-03"\#(extra)}"#) else { return nil }
        return e.kind
    }

    private func error(_ line: String) -> String {
        switch parse(line) {
        case .success: return "accepted"
        case .failure(let e): return e.description
        }
    }

    private func error(type: String, _ fields: String) -> String {
        let extra = fields.isEmpty ? "" : "," + fields
        return error(#"{"id":"e1","person":"P1","type":"\#(type)","date":"2025-03-03"\#(extra)}"#)
    }

    @Test("all 27 types parse with their fields and defaults")
    func allTypes() {
        #expect(event("right_opened") == .rightOpened(RightOpening(dutiesStated: false)))
        #expect(event("right_opened", #""dated_from":"application","subject_to_duties":true"#)
                == .rightOpened(RightOpening(datedFromApplication: true)))
        #expect(event("right_opened", #""transfer":true,"household_size":3,"single_parent_increase":true,"subject_to_duties":false,"monthly_amount":646.52"#)
                == .rightOpened(RightOpening(transfer: true, householdSize: 3, singleParentIncrease: true, subjectToDuties: false, monthlyAmount: Cents(64652))))
        #expect(event("household_changed", #""monthly_amount":700"#) == .householdChanged(HouseholdChange(monthlyAmount: Cents(70000))))
        #expect(event("duties_changed", #""subject_to_duties":false"#) == .dutiesChanged(subjectToDuties: false))
        #expect(event("right_closed", #""reason":"employment""#) == .rightClosed(reason: .employment))
        #expect(event("registered", #""category":"1""#) == .registered(category: "1"))
        #expect(event("orientation_decided", #""dominante":"social","organisme":"departement","notified":"2025-03-05","decided_by":"france_travail","extended_review":true"#)
                == .orientationDecided(OrientationDecision(dominante: .social, organisme: .departement, notified: date("2025-03-05"), decidedBy: .franceTravail, extendedReview: true)))
        #expect(event("diagnostic_completed", #""barriers":["mobilite","sante"]"#) == .diagnosticCompleted(barriers: ["mobilite", "sante"]))
        #expect(event("diagnostic_completed") == .diagnosticCompleted(barriers: []))
        #expect(event("situation_reviewed") == .situationReviewed)
        #expect(event("contract_signed", #""weekly_hours":7.5,"reduction_reason":"health","ends":"2025-09-30""#)
                == .contractSigned(ContractTerms(weeklyHours: Hours(hundredths: 750), reductionReason: .health, ends: date("2025-09-30"))))
        #expect(event("contract_updated", #""weekly_hours":40"#) == .contractUpdated(ContractTerms(weeklyHours: Hours(40))))
        // The weekly hours are optional: absent or null, not recorded.
        #expect(event("contract_signed") == .contractSigned(ContractTerms(weeklyHours: nil)))
        #expect(event("contract_signed", #""weekly_hours":null"#) == .contractSigned(ContractTerms(weeklyHours: nil)))
        #expect(event("contract_signed", #""weekly_hours":6,"reduction_reason":"caregiver""#)
                == .contractSigned(ContractTerms(weeklyHours: Hours(6), reductionReason: .caregiver)))
        #expect(event("sanction_decided", #""measure":"suspension","percent":30,"months":1,"proposed_by_france_travail":true,"proposed_percent":40,"proposed_months":2"#)
                == .sanctionDecided(SanctionDecision(measure: .suspension, percent: 30, months: 1, proposedByFranceTravail: true,
                                                     proposedPercent: 40, proposedMonths: 2)))
        #expect(event("activity", #""hours":3.5,"category":"job_search""#) == .activity(hours: Hours(hundredths: 350), category: .jobSearch))
        #expect(event("appointment", #""purpose":"hearing","status":"excused""#) == .appointment(purpose: .hearing, status: .excused))
        #expect(event("failing_recorded", #""failing":"control_refusal","legitimate_reason":true"#) == .failingRecorded(failing: .controlRefusal, legitimateReason: true))
        #expect(event("sanction_notice") == .sanctionNotice(SanctionTerms()))
        #expect(event("sanction_notice", #""measure":"suspension","percent":30,"months":2"#) == .sanctionNotice(SanctionTerms(measure: .suspension, percent: 30, months: 2)))
        #expect(event("observations_received") == .observationsReceived)
        #expect(event("team_opinion") == .teamOpinion)
        #expect(event("hearing_requested") == .hearingRequested)
        #expect(event("team_referral") == .teamReferral)
        #expect(event("appeal_filed", #""decision":"d1""#) == .appealFiled(decision: "d1"))
        #expect(event("appeal_referred", #""appeal":"a1""#) == .appealReferred(appeal: "a1"))
        #expect(event("appeal_opinion", #""appeal":"a1""#) == .appealOpinion(appeal: "a1"))
        #expect(event("appeal_decided", #""appeal":"a1","outcome":"reformed","percent":30"#)
                == .appealDecided(AppealDecision(appeal: "a1", outcome: .reformed, percent: 30)))
        #expect(event("sanction_decided", #""measure":"suspension","percent":30,"months":1,"notified":"2025-07-25""#)
                == .sanctionDecided(SanctionDecision(measure: .suspension, percent: 30, months: 1, notified: date("2025-07-25"))))
        #expect(event("sanction_decided", #""measure":"suppression","percent":100,"months":4,"starts":"2025-04-01","proposed_by_france_travail":true"#)
                == .sanctionDecided(SanctionDecision(measure: .suppression, percent: 100, months: 4, starts: date("2025-04-01"), proposedByFranceTravail: true)))
        #expect(event("remobilised") == .remobilised)
        #expect(event("sanction_withdrawn") == .sanctionWithdrawn)
        #expect(event("payment_suspended", #""reason":"3""#) == .paymentSuspended(reason: "3"))
        #expect(event("payment_resumed") == .paymentResumed)
        #expect(EventType.allCases.count == 27)
    }

    @Test("unknown fields are ignored, null is read as absent")
    func forwardCompatible() {
        #expect(event("registered", #""future":{"nested":[1,{"a":null}]},"category":null"#) == .registered(category: nil))
    }

    @Test("each rejection names the line and the field", arguments: [
        (#""percent":150,"measure":"suspension","months":1"#, "sanction_decided", #"line 1: "percent": expected an integer from 1 to 100, got 150"#),
        (#""percent":"30","measure":"suspension","months":1"#, "sanction_decided", #"line 1: "percent": expected an integer from 1 to 100, got "30" (a string)"#),
        (#""percent":30.5,"measure":"suspension","months":1"#, "sanction_decided", #"line 1: "percent": expected an integer from 1 to 100, got 30.5"#),
        (#""percent":30,"measure":"suspension","months":13"#, "sanction_decided", #"line 1: "months": expected an integer from 1 to 12, got 13"#),
        (#""percent":30,"months":1"#, "sanction_decided", #"line 1: "measure": missing (required)"#),
        (#""weekly_hours":169"#, "contract_signed", #"line 1: "weekly_hours": expected a number of hours from 0 to 168, got 169"#),
        (#""weekly_hours":-1"#, "contract_signed", #"line 1: "weekly_hours": expected a number of hours from 0 to 168, got -1"#),
        (#""weekly_hours":15,"reduction_reason":"proche_aidant""#, "contract_signed", #"line 1: "reduction_reason": expected one of health, disability, invalidity, single_parent_childcare, caregiver, got "proche_aidant""#),
        (#""measure":"suspension","percent":30,"months":1,"proposed_percent":0"#, "sanction_decided", #"line 1: "proposed_percent": expected an integer from 1 to 100, got 0"#),
        (#""measure":"suspension","percent":30,"months":1,"proposed_months":13"#, "sanction_decided", #"line 1: "proposed_months": expected an integer from 1 to 12, got 13"#),
        (#""hours":0,"category":"training""#, "activity", #"line 1: "hours": expected a number of hours greater than 0 and at most 24, got 0"#),
        (#""hours":25,"category":"training""#, "activity", #"line 1: "hours": expected a number of hours greater than 0 and at most 24, got 25"#),
        (#""hours":2,"category":"trainig""#, "activity", #"line 1: "category": expected one of work_placement, training, job_search, support, access_to_rights, professional_activity, got "trainig" (did you mean "training"?)"#),
        (#""dominante":"pro","organisme":"france_travail""#, "orientation_decided", #"line 1: "dominante": expected one of emploi, socio_pro, social, got "pro""#),
        (#""dominante":"emploi","organisme":"france_travail","notified":"2025-02-30""#, "orientation_decided", #"line 1: "notified": impossible date "2025-02-30" (no such day, or a year outside 1900–2999)"#),
        (#""monthly_amount":646.525"#, "right_opened", #"line 1: "monthly_amount": expected an amount in euros from 0 to 1000000 with at most two decimals, got 646.525"#),
        (#""household_size":0"#, "right_opened", #"line 1: "household_size": expected an integer from 1 to 99, got 0"#),
        (#""transfer":"yes""#, "right_opened", #"line 1: "transfer": expected true or false, got "yes" (a string)"#),
        ("", "household_changed", #"line 1: household_changed needs at least one of "household_size", "single_parent_increase", "monthly_amount""#),
        ("", "duties_changed", #"line 1: "subject_to_duties": missing (required)"#),
        (#""reason":"bored""#, "right_closed", #"line 1: "reason": expected one of resources, employment, moved, sanction, deceased, other, got "bored""#),
        (#""barriers":"mobilite""#, "diagnostic_completed", #"line 1: "barriers": expected an array of strings, got "mobilite" (a string)"#),
        (#""barriers":[1]"#, "diagnostic_completed", #"line 1: "barriers": expected an array of strings, got an element 1"#),
        (#""status":"attended""#, "appointment", #"line 1: "purpose": missing (required)"#),
        (#""type":"registered""#, "registered", #"line 1: "type": appears twice in the line"#),
    ])
    func fieldErrors(_ fields: String, _ type: String, _ expected: String) {
        #expect(error(type: type, fields) == expected)
    }

    @Test("common fields", arguments: [
        (#"{"person":"P1","type":"registered","date":"2025-03-03"}"#, #"line 1: "id": missing (required)"#),
        (#"{"id":"","person":"P1","type":"registered","date":"2025-03-03"}"#, #"line 1: "id": expected a string of 1 to 128 characters, got 0 characters"#),
        (#"{"id":1,"person":"P1","type":"registered","date":"2025-03-03"}"#, #"line 1: "id": expected a string of 1 to 128 characters, got 1"#),
        (#"{"id":"e1","type":"registered","date":"2025-03-03"}"#, #"line 1: "person": missing (required)"#),
        (#"{"id":"e1","person":"P1","date":"2025-03-03"}"#, #"line 1: "type": missing (required)"#),
        (#"{"id":"e1","person":"P1","type":"contrat_signed","date":"2025-03-03"}"#, #"line 1: "type": unknown event type "contrat_signed" (did you mean "contract_signed"?)"#),
        (#"{"id":"e1","person":"P1","type":"registered"}"#, #"line 1: "date": missing (required)"#),
        (#"{"id":"e1","person":"P1","type":"registered","date":"03/03/2025"}"#, #"line 1: "date": expected a date YYYY-MM-DD, got "03/03/2025""#),
        (#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03T10:00:00+01:00"}"#, #"line 1: "date": expected a calendar day YYYY-MM-DD with no time or time zone, got "2025-03-03T10:00:00+01:00""#),
        (#"{"id":"e1","person":"P1","type":"registered","date":20250303}"#, #"line 1: "date": expected a date YYYY-MM-DD, got 20250303"#),
        (#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03""#, #"line 1: invalid JSON at byte 65: unexpected end of line inside the object (truncated JSON?)"#),
        (#"{"id":"e1","person":"P1","type":"registered","date":"2025-03"#, #"line 1: invalid JSON at byte 53: unterminated string (truncated JSON?)"#),
        (#"["e1"]"#, #"line 1: invalid JSON at byte 1: expected a JSON object starting with '{'"#),
        (#"{"id":"e1"} x"#, #"line 1: invalid JSON at byte 13: unexpected text after the JSON object"#),
        (#"{"id":'e1'}"#, #"line 1: invalid JSON at byte 7: expected a JSON value, got '''"#),
    ])
    func commonErrors(_ line: String, _ expected: String) {
        #expect(error(line) == expected)
    }

    @Test("ids of 128 characters are accepted, 129 rejected; characters are counted, not bytes")
    func idLength() {
        let ok = String(repeating: "é", count: 128)
        #expect(error(#"{"id":"\#(ok)","person":"P1","type":"registered","date":"2025-03-03"}"#) == "accepted")
        let long = String(repeating: "a", count: 129)
        #expect(error(#"{"id":"\#(long)","person":"P1","type":"registered","date":"2025-03-03"}"#)
                == #"line 1: "id": expected a string of 1 to 128 characters, got 129 characters"#)
    }

    @Test("invalid UTF-8 and a NUL byte are rejected, never trapped")
    func badBytes() {
        let prefix = Array(#"{"id":"e1","person":"P"#.utf8)
        let suffix = Array(#"","type":"registered","date":"2025-03-03"}"#.utf8)
        let invalid = LogReader.read(prefix + [0xC3, 0x28] + suffix)
        #expect(invalid.rejected.first?.description == "line 1: invalid UTF-8 at byte 23")
        let nul = LogReader.read(prefix + [0x00] + suffix)
        #expect(nul.rejected.first?.description == "line 1: invalid JSON at byte 23: control character (byte 0x0) inside a string")
    }

    @Test("escapes in strings are decoded")
    func escapes() {
        guard case .success(let e) = parse(#"{"id":"e\"1\u00e9\ud83d\ude00","person":"P\/1","type":"registered","date":"2025-03-03"}"#) else {
            Issue.record("rejected"); return
        }
        #expect(e.id == "e\"1é😀")
        #expect(e.person == "P/1")
    }

    @Test("every field name and every value of every enum is matched to itself, and nothing else is")
    func nameTables() {
        func check<Value: Equatable>(_ entries: [(String, Value)], _ match: (UnsafeBufferPointer<UInt8>) -> Value?) {
            for (name, value) in entries {
                #expect(Array(name.utf8).withUnsafeBufferPointer(match) == value, "\(name)")
                // A prefix, a longer key, another last byte, the name in capitals: no match.
                for other in [String(name.dropLast()), name + "s", String(name.dropLast()) + "#", name.uppercased()]
                where !entries.contains(where: { $0.0 == other }) {
                    #expect(Array(other.utf8).withUnsafeBufferPointer(match) == nil, "\(other)")
                }
            }
            #expect([UInt8]().withUnsafeBufferPointer(match) == nil)
        }
        check(Field.allCases.map { ($0.name, $0) }, Field.named)
        func values<E: ByteCoded & Equatable>(_: E.Type) { check(E.allCases.map { ($0.rawValue, $0) }, E.byteTable.match) }
        values(EventType.self); values(ClosureReason.self); values(Dominante.self); values(Organisme.self)
        values(Decider.self); values(ReductionReason.self); values(ActivityCategory.self)
        values(AppointmentPurpose.self); values(AppointmentStatus.self); values(FailingKind.self)
        values(SanctionMeasure.self)
    }

    @Test("a field repeated, known or not, rejects the line once it is known to be valid JSON")
    func repeatedKeys() {
        #expect(error(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","date":"2025-03-04"}"#)
                == #"line 1: "date": appears twice in the line"#)
        #expect(error(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","x":1,"x":2}"#)
                == #"line 1: "x": appears twice in the line"#)
        #expect(error(#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","date":"2025-03-04",}"#)
                .hasPrefix("line 1: invalid JSON"))
    }

    @Test("compact lines: the fast path gives what the general lexer gives, for each line and each one-byte change to it")
    func compactPath() {
        var fast = EventLineParser()
        var general = EventLineParser()
        general.compactPath = false
        var compared = 0
        func expectSame(_ line: [UInt8]) {
            line.withUnsafeBufferPointer { bytes in
                switch (fast.parse(bytes, lineNumber: 7), general.parse(bytes, lineNumber: 7)) {
                case (.success(let (a, hashA)), .success(let (b, hashB))):
                    #expect(a == b && hashA == hashB, "\(String(decoding: line, as: UTF8.self))")
                case (.failure(let a), .failure(let b)):
                    #expect(a == b, "\(String(decoding: line, as: UTF8.self))")
                default:
                    Issue.record("one path accepts, the other rejects: \(String(decoding: line, as: UTF8.self))")
                }
            }
            compared += 1
        }
        // A generated log: every line compact, every line read by the fast path.
        let generated = LogGenerator(events: 400, seed: 3).text().split(separator: "\n").map { Array($0.utf8) }
        for line in generated {
            #expect(line.withUnsafeBufferPointer { EventLineParser.readsCompactly($0) })
            expectSame(line)
        }
        let edges = [
            #"{}"#, #"{"id":"e1"}"#, #"{"":1,"id":"e1","person":"P1","type":"registered","date":"2025-03-03"}"#,
            #"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03","x":{"a":[1,{"b":null}]},"y":[]}"#,
            #"{"id":"e1","person":"P1","type":"activity","date":"2025-03-03","hours":-0.5e+1,"category":"training"}"#,
            #"{"id":"e1","person":"Zoé ☃","type":"contract_signed","date":"2025-03-03","weekly_hours":1E2}"#,
            #"{"id":"é\u00e9","person":"P1","type":"registered","date":"2025-03-03"}"#,
            #"{"id":"e1","person":"P1","type":"right_opened","date":"2025-03-03","transfer":true,"subject_to_duties":false,"monthly_amount":null}"#,
            // Strings longer than the sixteen bytes scanned at a time, so that each change falls
            // at every place of a first, a second and a third block of sixteen.
            #"{"id":"caf-45678-DEM-right_opened-2023-09-01","person":"0123456789abcdef0123456789abcdef-x","type":"registered","date":"2025-03-03"}"#,
        ].map { Array($0.utf8) }
        let bases = edges + [0, 5, 42, 123].map { generated[$0 % generated.count] }
        // Each base line, and each line made from it by deleting, replacing or inserting one byte.
        let bytes = Array(#" "\,}{[]:0-.eE+tfn"#.utf8) + [0x09, 0x01, 0xC3]
        for base in bases {
            expectSame(base)
            for i in base.indices {
                var deleted = base
                deleted.remove(at: i)
                expectSame(deleted)
                for byte in bytes {
                    var replaced = base
                    replaced[i] = byte
                    expectSame(replaced)
                    var inserted = base
                    inserted.insert(byte, at: i)
                    expectSame(inserted)
                }
            }
        }
        #expect(compared > 20_000)
    }

    @Test("a date repeated from line to line is read again exactly, and a date that differs by a byte is parsed or rejected")
    func repeatedDates() {
        let dates = ["2025-03-03", "2025-03-03", "2025-03-04", "2025-03-03", "2025-03-0x", "2025-03-03",
                     "2025-02-30", "2025-02-28", "2025-02-28", "2025-02-2", "2024-02-29", "2025-02-29"]
        let text = dates.enumerated().map { k, day in
            #"{"id":"e\#(k)","person":"P1","type":"registered","date":"\#(day)"}"#
        }.joined(separator: "\n")
        let log = LogReader.read(text)
        #expect(log.events.map(\.date.description) == ["2025-03-03", "2025-03-03", "2025-03-04", "2025-03-03", "2025-03-03",
                                                      "2025-02-28", "2025-02-28", "2024-02-29"])
        #expect(log.rejected.map(\.line) == [5, 7, 10, 12])
        #expect(log.rejected.allSatisfy { $0.field == "date" })
    }

    @Test("a copied parser does not share its slots with the original")
    func copiedParser() {
        var first = EventLineParser()
        var second = first
        let a = Array(#"{"id":"a","person":"P1","type":"registered","date":"2025-03-03"}"#.utf8)
        let b = Array(#"{"id":"b","person":"P2","type":"activity","date":"2025-04-04","hours":2,"category":"training"}"#.utf8)
        let one = a.withUnsafeBufferPointer { first.parse($0, lineNumber: 1) }
        let two = b.withUnsafeBufferPointer { second.parse($0, lineNumber: 2) }
        let again = a.withUnsafeBufferPointer { first.parse($0, lineNumber: 1) }
        guard case .success(let (e1, _)) = one, case .success(let (e2, _)) = two, case .success(let (e3, _)) = again else {
            Issue.record("rejected"); return
        }
        #expect(e1 == e3)
        #expect(e1.person == "P1" && e2.person == "P2" && e2.type == .activity)
    }
}

@Suite("Reasons of rejected lines, in two layers")
struct LineReasonTests {
    private func rejected(_ line: String) -> LineError? { LogReader.read(line + "\n").rejected.first }

    @Test("one reason, rendered in English for the JSON report and in French for the text report", arguments: [
        (#"{"id":"e1","person":"P1","type":"registered","date":"2025-02-30"}"#,
         #""date": impossible date "2025-02-30" (no such day, or a year outside 1900–2999)"#,
         "« date » : date impossible \"2025-02-30\" (ce jour n'existe pas, ou année hors de 1900 à 2999)"),
        (#"{"id":"e1","person":"P1","type":"orientation_decided","date":"2025-03-03","dominante":"Social","organisme":"departement"}"#,
         #""dominante": expected one of emploi, socio_pro, social, got "Social" (did you mean "social"?)"#,
         "« dominante » : une valeur parmi emploi, socio_pro, social attendue, reçu \"Social\" (vouliez-vous dire « social » ?)"),
        (#"{"id":"e1","person":"P1","type":"registred","date":"2025-03-03"}"#,
         #""type": unknown event type "registred" (did you mean "registered"?)"#,
         "« type » : type d'événement inconnu \"registred\" (vouliez-vous dire « registered » ?)"),
        (#"{"id":"e1","person":"P1","type":"activity","date":"2025-03-03","hours":"3","category":"training"}"#,
         #""hours": expected a number of hours greater than 0 and at most 24, got "3" (a string)"#,
         "« hours » : un nombre d'heures supérieur à 0 et au plus 24 attendu, reçu \"3\" (un texte)"),
        (#"{"id":"e1","person":"P1","type":"registered","date":"2025-03-03""#,
         "invalid JSON at byte 65: unexpected end of line inside the object (truncated JSON?)",
         "JSON invalide à l'octet 65 : fin de ligne inattendue dans l'objet (JSON tronqué ?)"),
    ])
    func twoLanguages(_ line: String, _ english: String, _ french: String) throws {
        let error = try #require(rejected(line))
        #expect(error.reason == english)
        #expect(error.reason(in: .english) == english)
        #expect(error.reason(in: .french) == french)
    }

    @Test("a reason carries the byte where its value starts")
    func position() throws {
        let error = try #require(rejected(#"{"id":"e1","person":"P1","type":"contract_signed","date":"2025-03-03","weekly_hours":true}"#))
        #expect(error.field == "weekly_hours")
        #expect(error.byte == 86)
        #expect(error.line == 1)
    }
}

@Suite("Event layout")
struct EventLayoutTests {
    @Test("an event stays 64 bytes, 40 in a log's list: a log holds millions (a field added to a kind must fit)")
    func size() {
        #expect(MemoryLayout<Event>.stride <= 64, "\(MemoryLayout<Event>.stride)")
        // In a log's list, an event is kept without its person (a number beside it) and with its
        // id's place (its bytes laid end to end with the others'): 40 bytes.
        #expect(MemoryLayout<EventList.Stored>.stride <= 40, "stored \(MemoryLayout<EventList.Stored>.stride)")
        // The largest kind is appeal_decided's (20 bytes: the appeal's id and four bytes), its tag
        // in the spare bits: a kind that grows past it grows every event.
        #expect(MemoryLayout<EventKind>.size <= 20, "kind \(MemoryLayout<EventKind>.size)")
        for (name, size) in [("right_opened", MemoryLayout<RightOpening>.size), ("household_changed", MemoryLayout<HouseholdChange>.size),
                             ("contract", MemoryLayout<ContractTerms>.size), ("sanction_notice", MemoryLayout<SanctionTerms>.size),
                             ("sanction_decided", MemoryLayout<SanctionDecision>.size), ("orientation_decided", MemoryLayout<OrientationDecision>.size)] {
            #expect(size <= 17, "\(name) \(size)")
        }
    }

    @Test("the fields kept in a byte read back at their limits, and none stays none")
    func packedLimits() {
        for percent in [nil, 1, 100] as [Int?] {
            for months in [nil, 1, 12] as [Int?] {
                let terms = SanctionTerms(measure: .suspension, percent: percent, months: months)
                #expect(terms.percent == percent && terms.months == months)
            }
        }
        for size in [nil, 1, 99] as [Int?] {
            #expect(HouseholdChange(householdSize: size).householdSize == size)
        }
        // Read from the log at the limits the schema accepts.
        let event = EventParsingTests().event
        #expect(event("sanction_notice", #""percent":100,"months":12"#) == .sanctionNotice(SanctionTerms(percent: 100, months: 12)))
        #expect(event("sanction_notice", #""percent":1,"months":1"#) == .sanctionNotice(SanctionTerms(percent: 1, months: 1)))
        #expect(event("household_changed", #""household_size":99"#) == .householdChanged(HouseholdChange(householdSize: 99)))
        #expect(event("household_changed", #""household_size":1"#) == .householdChanged(HouseholdChange(householdSize: 1)))
        #expect(event("sanction_notice", #""percent":101"#) == nil && event("household_changed", #""household_size":100"#) == nil)
    }
}
