/// A ZIP archive whose entries are stored (not compressed), as an Office Open XML workbook may
/// be: local headers, the data, the central directory and its end record, each entry with its
/// CRC-32 (IEEE 802.3, the one ZIP uses). Dated 1980-01-01 00:00, ZIP's first day, so that the
/// same entries always give the same bytes.
package struct StoredZip {
    private var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    package init() {}

    /// Adds an entry named `name` (ASCII) holding `data`.
    package mutating func add(_ name: String, _ data: [UInt8]) {
        let offset = bytes.count
        let crc = StoredZip.crc32(data)
        let nameBytes = Array(name.utf8)
        func header(_ out: inout [UInt8], central: Bool) {
            StoredZip.put32(&out, central ? 0x0201_4B50 : 0x0403_4B50)
            if central { StoredZip.put16(&out, 20) } // made by
            StoredZip.put16(&out, 20)                // needed to extract: 2.0
            StoredZip.put16(&out, 0x0800)            // names in UTF-8
            StoredZip.put16(&out, 0)                 // stored
            StoredZip.put16(&out, 0)                 // 00:00
            StoredZip.put16(&out, 0x0021)            // 1980-01-01
            StoredZip.put32(&out, crc)
            StoredZip.put32(&out, UInt32(data.count))
            StoredZip.put32(&out, UInt32(data.count))
            StoredZip.put16(&out, UInt16(nameBytes.count))
            StoredZip.put16(&out, 0)                 // extra
            if central {
                StoredZip.put16(&out, 0)             // comment
                StoredZip.put16(&out, 0)             // disk
                StoredZip.put16(&out, 0)             // internal attributes
                StoredZip.put32(&out, 0)             // external attributes
                StoredZip.put32(&out, UInt32(offset))
            }
            out += nameBytes
        }
        header(&bytes, central: false)
        bytes += data
        header(&central, central: true)
        count += 1
    }

    /// The whole archive.
    package func archive() -> [UInt8] {
        var out = bytes + central
        StoredZip.put32(&out, 0x0605_4B50)
        StoredZip.put16(&out, 0)
        StoredZip.put16(&out, 0)
        StoredZip.put16(&out, UInt16(count))
        StoredZip.put16(&out, UInt16(count))
        StoredZip.put32(&out, UInt32(central.count))
        StoredZip.put32(&out, UInt32(bytes.count))
        StoredZip.put16(&out, 0)
        return out
    }

    private static func put16(_ out: inout [UInt8], _ value: UInt16) {
        out.append(UInt8(value & 0xFF)); out.append(UInt8(value >> 8))
    }

    private static func put32(_ out: inout [UInt8], _ value: UInt32) {
        for k in 0..<4 { out.append(UInt8((value >> (8 * UInt32(k))) & 0xFF)) }
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 of `data` (`crc32("123456789") == 0xCBF43926`).
    package static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
