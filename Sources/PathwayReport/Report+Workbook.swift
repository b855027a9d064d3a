import PathwayMachinery
import PathwayLaw
/// The report as an Excel workbook (`--output audit.xlsx`, `Docs/report.md`): four sheets —
/// the synthesis, the findings (a row per finding), the people, the indicators — with dates as
/// dates, amounts as numbers in euros, a frozen header row, an autofilter and column widths.
/// Office Open XML in a stored ZIP, both written here (no package): the same report gives the same
/// bytes.
extension Report {
    /// A cell of the workbook.
    package enum Cell {
        case text(String)
        case number(Int)
        /// A decimal number written as it is (`1.5`).
        case decimal(String)
        case euros(Cents)
        case date(CivilDate)
        case empty
    }

    /// One sheet: its name, its column widths, its rows (the first a header).
    package struct Sheet {
        var name: String
        var widths: [Int]
        var rows: [[Cell]]
    }

    /// The workbook's bytes.
    public func workbook(source: String) -> [UInt8] {
        Report.workbook(sheets: sheets(source: source))
    }

    package func sheets(source: String) -> [Sheet] {
        func t(_ s: String) -> Cell { .text(s) }
        // The synthesis: every line accounted for, the findings by severity, the indicators.
        var synthesis: [[Cell]] = [[t("élément"), t("valeur")]]
        synthesis.append([t("fichier"), t(source)])
        synthesis.append([t("date d'audit"), asOf.map { .date($0) } ?? .empty])
        for warning in warnings { synthesis.append([t("attention"), t(warning)]) }
        for (label, value) in [("lignes lues", input.lines), ("événements", input.events), ("doublons ignorés", input.duplicates),
                               ("lignes rejetées", input.rejected), ("lignes vides", input.blank), ("personnes", input.people),
                               ("événements rejoués", input.replayed), ("violations", count(.violation)),
                               ("avertissements", count(.warning)), ("informations", count(.info))] {
            synthesis.append([t(label), .number(value)])
        }
        let s = indicators.sanctions
        synthesis.append([t("sanctions : retenu"), .euros(s.withheld)])
        synthesis.append([t("sanctions : reversé"), .euros(s.refunded)])
        synthesis.append([t("sanctions : perdu"), .euros(s.lost)])
        for gap in notJudged { synthesis.append([t("règle non jugée : \(gap.rule)"), t(gap.reason)]) }
        for error in rejected { synthesis.append([t("ligne rejetée \(error.line)" + (error.file.map { " (\($0))" } ?? "")), t(error.reason(in: .french))]) }

        var findingRows: [[Cell]] = [Report.csvHeaderFrench.map(t)]
        for f in findings {
            findingRows.append([t(f.person), t(f.rule.rawValue), t(RuleRegistry.rule(f.rule)?.title ?? ""), t(f.severity.label), .date(f.date), f.due.map { .date($0) } ?? .empty,
                                f.done.map { .date($0) } ?? .empty, f.event.map(t) ?? .empty,
                                t(f.references.map(\.citation).joined(separator: " ; ")), t(f.references.weakest.rawValue), t(f.message)])
        }

        var peopleRows: [[Cell]] = [["personne", "état", "constats", "dominante", "organisme", "droit ouvert le", "réception le",
                                     "orienté le", "contrat signé le", "heures signées", "retenu", "reversé", "perdu"].map(t)]
        for p in people {
            let st = p.state
            var opened: Cell = .empty
            if case .open(let since, _) = st.right { opened = .date(since) }
            var withheld = Cents.zero, refunded = Cents.zero, lost = Cents.zero
            for a in p.sanctions.compactMap(\.amounts) { withheld += a.withheld; refunded += a.refunded; lost += a.lost }
            peopleRows.append([t(p.person), t(p.status.label), .number(p.findings.count),
                               st.orientation.map { t(Explanation.dominante($0.decision.dominante)) } ?? .empty,
                               st.orientation.map { t(FrenchWords.label($0.decision.organisme)) } ?? .empty,
                               opened, st.receivedOn.map { .date($0) } ?? .empty, st.orientation.map { .date($0.date) } ?? .empty,
                               st.signed.map { .date($0.date) } ?? .empty,
                               st.signed?.terms.weeklyHours.map { .decimal($0.description) } ?? .empty,
                               p.sanctions.isEmpty ? .empty : .euros(withheld), p.sanctions.isEmpty ? .empty : .euros(refunded),
                               p.sanctions.isEmpty ? .empty : .euros(lost)])
        }

        var indicatorRows: [[Cell]] = [["délai", "dans le délai", "en retard", "manquants", "en cours", "interrompus", "délai médian (jours)"].map(t)]
        for (_, indicator) in parameters.rules.table.indicators {
            let c = self.indicators[indicator.slot]
            indicatorRows.append([t(indicator.heading(parameters)), .number(c.onTime), .number(c.late), .number(c.missing),
                                  .number(c.pending), .number(c.cancelled), c.delay.medianTimesTwo.map { $0 % 2 == 0 ? .number($0 / 2) : .text("\($0 / 2),5") } ?? .empty])
        }
        let entrants = indicators.newEntrants
        if entrants.total > 0 {
            indicatorRows.append([])
            indicatorRows.append(["nouveaux entrants, mois", "entrants"].map(t) + NewEntry.Status.allCases.map { t(Report.newEntrantLabel($0, entrants.targetDays)) })
            for month in entrants.orderedMonths {
                indicatorRows.append([t(month), .number(entrants.entrants(in: month))] + NewEntry.Status.allCases.map { .number(entrants.count($0, in: month)) })
            }
        }
        return [Sheet(name: "Synthèse", widths: [34, 90], rows: synthesis),
                Sheet(name: "Constats", widths: [14, 34, 44, 14, 12, 12, 12, 16, 40, 10, 100], rows: findingRows),
                Sheet(name: "Personnes", widths: [16, 30, 10, 22, 22, 14, 14, 14, 16, 14, 12, 12, 12], rows: peopleRows),
                Sheet(name: "Indicateurs", widths: [34, 16, 16, 16, 16, 16, 20], rows: indicatorRows)]
    }

    package static func workbook(sheets: [Sheet]) -> [UInt8] {
        var zip = StoredZip()
        func xml(_ s: String) -> [UInt8] { Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + s).utf8) }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        zip.add("[Content_Types].xml", xml(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"))
        zip.add("_rels/.rels", xml(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"))
        zip.add("xl/workbook.xml", xml(
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(escape($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
            + "</sheets><definedNames>"
            + sheets.enumerated().compactMap { k, sheet in
                sheet.rows.count > 1 ? "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(k)\" hidden=\"1\">'\(escape(sheet.name))'!$A$1:$\(column(sheet.widths.count - 1))$\(sheet.rows.count)</definedName>" : nil
            }.joined()
            + "</definedNames></workbook>"))
        zip.add("xl/_rels/workbook.xml.rels", xml(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"))
        // Styles: 0 plain, 1 a date, 2 euros, 3 a bold header, 4 wrapped text.
        zip.add("xl/styles.xml", xml(
            "<styleSheet xmlns=\"\(main)\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"#,##0.00\\ &quot;€&quot;\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"))
        for (k, sheet) in sheets.enumerated() {
            var out = "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rel)\">"
            out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            out += "<cols>" + sheet.widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined() + "</cols>"
            out += "<sheetData>"
            for (r, row) in sheet.rows.enumerated() {
                out += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    let ref = "\(column(c))\(r + 1)"
                    switch cell {
                    case .text(let s): out += "<c r=\"\(ref)\" t=\"inlineStr\"\(r == 0 ? " s=\"3\"" : "")><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
                    case .number(let n): out += "<c r=\"\(ref)\"><v>\(n)</v></c>"
                    case .decimal(let d): out += "<c r=\"\(ref)\"><v>\(d)</v></c>"
                    case .euros(let cents): out += "<c r=\"\(ref)\" s=\"2\"><v>\(cents.description)</v></c>"
                    case .date(let d): out += "<c r=\"\(ref)\" s=\"1\"><v>\(d.days(since: CivilDate.ymd(1899, 12, 30)))</v></c>"
                    case .empty: break
                    }
                }
                out += "</row>"
            }
            out += "</sheetData>"
            if sheet.rows.count > 1 { out += "<autoFilter ref=\"A1:\(column(sheet.widths.count - 1))\(sheet.rows.count)\"/>" }
            out += "</worksheet>"
            zip.add("xl/worksheets/sheet\(k + 1).xml", xml(out))
        }
        return zip.archive()
    }

    /// `A` … `Z`, `AA` …: the column of index `k`.
    package static func column(_ k: Int) -> String {
        var k = k + 1
        var name = ""
        while k > 0 {
            let r = (k - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            k = (k - 1) / 26
        }
        return name
    }

    /// Text for XML: the markup characters escaped, control characters (not allowed in XML 1.0)
    /// shown as `\u{…}`.
    package static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "\\u{\(String(scalar.value, radix: 16))}" }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
