import PathwayLaw
/// A log cut into parts by person (`pathway split`, `Docs/scale.md`): every line of a person in
/// the same part, chosen by a hash of the person's bytes that does not depend on the machine,
/// the order of the lines or the number of lines; so that the parts can be replayed apart, on
/// as many machines, each with every event of its people.
public enum LogSplit {
    /// The part (0 to `parts` − 1) of a person: FNV-1a (64 bits) of their UTF-8 bytes, modulo
    /// `parts`.
    public static func part(ofPerson person: some Sequence<UInt8>, parts: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in person {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(max(1, parts)))
    }

    /// The part of one line of the log: that of its `"person"`, or `nil` when the line has
    /// none that can be read (not a JSON object, no `"person"` string): such a line goes to the
    /// first part, where its replay rejects it and names it.
    public static func part(ofLine line: [UInt8], parts: Int) -> Int? {
        // The usual line, a flat object with no escape: its one `"person":"…"` read in place
        // (a nested object or an escape could hide another, so those lines are parsed whole).
        if line.first == UInt8(ascii: "{"), !line.contains(UInt8(ascii: "\\")), !line.dropFirst().contains(UInt8(ascii: "{")),
           let value = personValue(line), String(validating: line, as: UTF8.self) != nil {
            return part(ofPerson: line[value], parts: parts)
        }
        guard let text = String(validating: line, as: UTF8.self), case .object(let members)? = try? JSONValue.parse(text),
              case .string(let person)? = members.first(where: { $0.key == "person" })?.value else { return nil }
        return part(ofPerson: person.utf8, parts: parts)
    }

    /// The bytes between the quotes of the line's only `"person":"`, if there is exactly one.
    private static func personValue(_ line: [UInt8]) -> Range<Int>? {
        let key = Array(#""person":""#.utf8)
        var found: Int?
        var i = 0
        while i + key.count <= line.count {
            if line[i] == key[0] && line[i..<(i + key.count)].elementsEqual(key) {
                guard found == nil else { return nil }
                found = i + key.count
                i += key.count
            } else {
                i += 1
            }
        }
        guard let start = found, let end = line[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return start..<end
    }
}
