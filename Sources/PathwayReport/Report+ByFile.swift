import PathwayLaw
/// The indicators file by file (`pathway replay A B C --by-file`, `Docs/report.md`): each person
/// counted in the file of their first event (the files taken in the order given, a file's lines
/// after the previous file's), so that the files' counts add up to the whole log's.
extension Report {
    /// `files`: each input file's name and number of lines, in the order read (the events' line
    /// numbers run on from one file to the next).
    public func indicatorsByFile(events: [Event], files: [(name: String, lines: Int)], jobs: Int = 1) -> [(file: String, indicators: Indicators)] {
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
        // Each person's first line, by their exact bytes (two ids that compare equal as strings
        // are two people, as in the replay).
        var first: [String: [(bytes: [UInt8], line: Int)]] = [:]
        for event in events {
            var list = first[event.person] ?? []
            if let k = list.firstIndex(where: { $0.bytes.elementsEqual(event.person.utf8) }) {
                if event.line < list[k].line { list[k].line = event.line }
            } else {
                list.append((Array(event.person.utf8), event.line))
            }
            first[event.person] = list
        }
        var groups = [[PersonReport]](repeating: [], count: files.count)
        for person in people {
            let line = first[person.person]?.first { $0.bytes.elementsEqual(person.person.utf8) }?.line ?? 1
            groups[fileOf(line)].append(person)
        }
        let target = asOf.flatMap { parameters.newEntrantTargetDays.value(on: $0) } ?? 15
        return files.indices.map { k in
            (files[k].name, Indicators(people: groups[k], jobs: jobs, newEntrantTargetDays: target))
        }
    }
}
