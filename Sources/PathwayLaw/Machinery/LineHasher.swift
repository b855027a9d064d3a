/// Two independent 64-bit FNV-1a lanes with a final mix: 128 bits of content identity.
package struct LineHasher {
    package var a: UInt64 = 0xcbf2_9ce4_8422_2325
    package var b: UInt64 = 0x8422_2325_cbf2_9ce4

    package init() {}

    @inline(__always) package mutating func add(byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0193
    }

    package mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte: byte) }
    }

    package mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { add($0) }
    }

    package func finish() -> (UInt64, UInt64) {
        (LineHasher.mix(a), LineHasher.mix(b ^ 0x9E37_79B9_7F4A_7C15))
    }

    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
