import Testing
@testable import Pathway

/// The sort beyond memory under `pathway replay --sorted` (a log grouped by person but not sorted).
@Suite("External sort")
struct ExternalSortTests {
    @Test("records come out in the byte order of their keys, equal keys in the order added, whatever the runs",
          arguments: [1, 2, 3, 7, 65_536])
    func sorted(_ runLength: Int) {
        var random = SplitMix64(seed: UInt64(runLength))
        // Keys of 1 to 4 bytes over a small alphabet (many equal keys, prefixes of each other),
        // bytes above 0x7F included (a byte order, not a character order).
        let alphabet: [UInt8] = [0x41, 0x42, 0x61, 0xC3, 0xA9, 0xFF]
        var records: [(key: [UInt8], value: Int)] = []
        for k in 0..<500 {
            let length = 1 + Int(random.next() % 4)
            records.append(((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, k))
        }
        let store = MemoryFragmentStore()
        // A first run already in the store, sorted (as the reader's people met in order).
        let first = records.prefix(40).sorted { ExternalSort.compare($0.key[...], $1.key[...]) < 0 }
            .reduce(into: [(key: [UInt8], value: Int)]()) { runs, r in
                // Strictly increasing keys in the first run, as people met in order are.
                if runs.last.map({ ExternalSort.compare($0.key[...], r.key[...]) < 0 }) ?? true { runs.append(r) }
            }
        let run = store.append(first.flatMap { ExternalSort.record($0.key, $0.value) })
        var sort = ExternalSort(store: store, runLength: runLength, run: run)
        let rest = records.dropFirst(40)
        for r in rest { sort.add(r.key, r.value) }
        let all = first + rest
        let expected = all.indices.sorted { a, b in
            let c = ExternalSort.compare(all[a].key[...], all[b].key[...])
            return c != 0 ? c < 0 : a < b
        }.map { all[$0] }
        let merged = sort.merged()
        var out: [(key: [UInt8], value: Int)] = []
        while let r = merged.next() { out.append((Array(r.key), r.value)) }
        #expect(out.map(\.key) == expected.map(\.key))
        #expect(out.map(\.value) == expected.map(\.value))
        // Merged again: the same records (the report reads the people, then the findings).
        let again = sort.merged()
        var count = 0
        while again.next() != nil { count += 1 }
        #expect(count == all.count)
    }

    @Test("nothing added: nothing out; one run only: itself")
    func edges() {
        var empty = ExternalSort(store: MemoryFragmentStore())
        #expect(empty.merged().next() == nil)
        let store = MemoryFragmentStore()
        let run = store.append(ExternalSort.record(Array("A".utf8), 1) + ExternalSort.record(Array("B".utf8), 2))
        var one = ExternalSort(store: store, run: run)
        let merged = one.merged()
        let a = merged.next(), b = merged.next()
        #expect(a.map { Array($0.key) } == Array("A".utf8) && a?.value == 1)
        #expect(b.map { Array($0.key) } == Array("B".utf8) && b?.value == 2)
        #expect(merged.next() == nil)
    }

    @Test("the store reader: numbers and bytes across its blocks, whatever their size; a seek; nothing past the range's end",
          arguments: [1, 3, 5, 64])
    func reader(_ window: Int) {
        let store = MemoryFragmentStore()
        _ = store.append([9, 9])
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(300, bytes: 4)
        bytes += Array("abcdef".utf8)
        bytes.appendLittleEndian(1 << 40, bytes: 8)
        let range = store.append(bytes)
        _ = store.append([7])
        let reader = StoreReader(store, range: range, window: window)
        #expect(reader.number(bytes: 4) == 300)
        #expect(reader.take(6).map(Array.init) == Array("abcdef".utf8))
        #expect(reader.number(bytes: 8) == 1 << 40)
        #expect(reader.take(1) == nil)
        reader.seek(to: range.lowerBound + 4)
        #expect(reader.take(3).map(Array.init) == Array("abc".utf8))
        #expect(reader.take(16) == nil)
    }
}
