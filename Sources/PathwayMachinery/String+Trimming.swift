extension String {
    /// The text without the spaces and tabs around it (no Foundation).
    package var trimmingSpaces: String {
        let u = utf8
        guard let first = u.first, let last = u.last else { return self }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard isSpace(first) || isSpace(last) else { return self }
        var start = u.startIndex, end = u.endIndex
        while start < end && isSpace(u[start]) { start = u.index(after: start) }
        while end > start, isSpace(u[u.index(before: end)]) { end = u.index(before: end) }
        // A space followed by a combining mark is one character with it, kept as the
        // character-wise trim kept it: such a text takes that path.
        if start > u.startIndex && start < end && u[start] >= 0x80 {
            var s = Substring(self)
            while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
            while let c = s.last, c == " " || c == "\t" { s.removeLast() }
            return String(s)
        }
        return String(Substring(u[start..<end]))
    }
}
