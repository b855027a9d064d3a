import PathwayLaw
/// The indicators file by file (`pathway replay A B C --by-file`, `Docs/report.md`): each person
/// counted in the file of their first event (the files taken in the order given, a file's lines
/// after the previous file's), so that the files' counts add up to the whole log's.
extension Report {
    /// `files`: each input file's name and number of lines, in the order read (the events' line
    /// numbers run on from one file to the next).
    public func indicatorsByFile(events: EventList, files: [(name: String, lines: Int)], jobs: Int = 1) -> [(file: String, indicators: Indicators)] {
        indicatorsByFile(firstLines: FirstLines(events), files: files, jobs: jobs)
    }

    /// Each person's first line: what the indicators by file need of the events, found before
    /// they are let go (`pathway replay --by-file`).
    package struct FirstLines: Sendable {
        /// By id, then by the id's exact bytes (two ids that compare equal as strings are two
        /// people, as in the replay).
        fileprivate var byName: [String: [(bytes: [UInt8], line: Int)]] = [:]

        package init(_ events: EventList) {
            var firstOf = [Int](repeating: Int.max, count: events.names.count)
            for (i, stored) in events.stored.enumerated() {
                let p = Int(events.personOf[i])
                firstOf[p] = min(firstOf[p], stored.line)
            }
            for (p, name) in events.names.enumerated() { byName[name, default: []].append((Array(name.utf8), firstOf[p])) }
        }

        fileprivate func line(of person: String) -> Int? {
            byName[person]?.first { $0.bytes.elementsEqual(person.utf8) }?.line
        }
    }

    package func indicatorsByFile(firstLines: FirstLines, files: [(name: String, lines: Int)], jobs: Int = 1) -> [(file: String, indicators: Indicators)] {
        guard !files.isEmpty else { return [] }
        var firstLine: [Int] = []
        var last = 0
        for file in files {
            firstLine.append(last + 1)
            last += file.lines
        }
        func fileOf(_ line: Int) -> Int {
            var low = 0, high = firstLine.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if firstLine[middle] <= line { low = middle } else { high = middle - 1 }
            }
            return low
        }
        var groups = [[PersonReport]](repeating: [], count: files.count)
        for person in people {
            let line = firstLines.line(of: person.person) ?? 1
            groups[fileOf(line)].append(person)
        }
        let target = asOf.flatMap { parameters.newEntrantTargetDays.value(on: $0) } ?? 15
        return files.indices.map { k in
            (files[k].name, Indicators(people: groups[k], jobs: jobs, newEntrantTargetDays: target))
        }
    }
}

/// The HTML comparison of the files (`--by-file`): one row per file, with the shares the
/// départements are compared on, and a chart of the same shares.
extension Report {
    func fileComparison(_ h: inout HTMLText) {
        guard !byFile.isEmpty else { return }
        let n = FrenchWords.integer
        struct Row { var file: String; var people: Int; var orientation: (Int, Int); var contract: (Int, Int); var entrants: (Int, Int); var sanctions: Int; var withheld: Cents }
        let rows = byFile.map { file, i in
            Row(file: file, people: i.states.values.reduce(0, +),
                orientation: (i.orientation.onTime, i.orientation.judged), contract: (i.contract.onTime, i.contract.judged),
                entrants: (i.newEntrants.count(.withinTarget), i.newEntrants.total),
                sanctions: i.sanctions.suspension + i.sanctions.suppression, withheld: i.sanctions.withheld)
        }
        let target = indicators.newEntrants.targetDays
        h.raw("<section id=\"fichiers\"><h2>Comparaison des fichiers</h2>\n")
        h.raw("<p>Chaque personne compte dans le fichier de son premier événement : les comptes des fichiers font ceux du tout. Les taux sont ceux des délais échus (les délais en cours sont laissés de côté).</p>\n")
        h.raw("<figure id=\"files-comparison\" data-files=\"\(rows.count)\"><figcaption>Orientations et contrats dans le délai, nouveaux entrants orientés en \(target) jours et moins, par fichier</figcaption>\n")
        // Three bars a file: orientation, contract, new entrants within the target, as shares.
        let left = 190, width = 440, bar = 10, gap = 8, block = 3 * bar + gap
        let height = rows.count * block + 40
        h.raw("<div class=\"chart\"><svg viewBox=\"0 0 680 \(height)\" role=\"img\" aria-label=\"comparaison des fichiers\">\n")
        let series: [(String, String, (Row) -> (Int, Int))] = [
            ("ontime", "orientations dans le délai", { $0.orientation }),
            ("bar", "contrats dans le délai", { $0.contract }),
            ("plan", "nouveaux entrants orientés en \(target) jours et moins", { $0.entrants }),
        ]
        for (k, row) in rows.enumerated() {
            let y = 4 + k * block
            let name = row.file.count > 30 ? "…" + String(row.file.suffix(29)) : row.file
            h.raw("<text x=\"0\" y=\"\(y + 2 * bar)\" class=\"label\">\(HTMLText.escape(name))</text>")
            for (s, (cls, word, value)) in series.enumerated() {
                let (part, whole) = value(row)
                let share = whole > 0 ? part * width / whole : 0
                h.raw("<rect x=\"\(left)\" y=\"\(y + s * bar)\" width=\"\(max(whole > 0 ? 1 : 0, share))\" height=\"\(bar - 1)\" class=\"\(cls)\"><title>\(HTMLText.escape(row.file)) : \(word) \(part) sur \(whole) (\(Ratio.percent(Ratio.perMille(part, whole))))</title></rect>")
            }
            h.raw("\n")
        }
        let axis = rows.count * block + 6
        h.raw("<line x1=\"\(left)\" y1=\"\(axis)\" x2=\"\(left + width)\" y2=\"\(axis)\" class=\"axis\"/><text x=\"\(left)\" y=\"\(axis + 12)\" class=\"label\">0 %</text><text x=\"\(left + width / 2)\" y=\"\(axis + 12)\" class=\"label\">50 %</text><text x=\"\(left + width)\" y=\"\(axis + 12)\" text-anchor=\"end\" class=\"label\">100 %</text>\n")
        var x = 0
        for (cls, word, _) in series {
            h.raw("<rect x=\"\(x)\" y=\"\(axis + 18)\" width=\"10\" height=\"10\" class=\"\(cls)\"/><text x=\"\(x + 14)\" y=\"\(axis + 27)\" class=\"label\">\(HTMLText.escape(word))</text>")
            x += 14 + word.count * 6 + 14
        }
        h.raw("\n</svg>\n")
        h.raw("<table class=\"data files\"><thead><tr><th>fichier</th><th>personnes</th><th>orientations dans le délai</th><th>contrats dans le délai</th><th>nouveaux entrants orientés en \(target) jours et moins</th><th>sanctions</th><th>retenu</th></tr></thead><tbody>\n")
        func share(_ value: (Int, Int)) -> String {
            "\(n(value.0)) / \(n(value.1))" + (value.1 > 0 ? " (\(Ratio.percent(Ratio.perMille(value.0, value.1))))" : "")
        }
        for row in rows {
            h.raw("<tr><td><code>\(HTMLText.escape(row.file))</code></td><td>\(n(row.people))</td><td>\(share(row.orientation))</td><td>\(share(row.contract))</td><td>\(share(row.entrants))</td><td>\(n(row.sanctions))</td><td class=\"amount\">\(HTMLText.escape(FrenchWords.euros(row.withheld)))</td></tr>\n")
        }
        let o = indicators.orientation, c = indicators.contract, s = indicators.sanctions
        h.raw("<tr class=\"total\"><td>total</td><td>\(n(peopleCount ?? people.count))</td><td>\(share((o.onTime, o.judged)))</td><td>\(share((c.onTime, c.judged)))</td><td>\(share((indicators.newEntrants.count(.withinTarget), indicators.newEntrants.total)))</td><td>\(n(s.suspension + s.suppression))</td><td class=\"amount\">\(HTMLText.escape(FrenchWords.euros(s.withheld)))</td></tr>\n")
        h.raw("</tbody></table></div></figure></section>\n")
    }
}
