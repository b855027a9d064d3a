import Testing
@testable import Pathway

/// `Sources/Pathway/Machinery/Reading/XMLStream.swift`: the streaming XML reader of the CAF/MSA
/// flows, tested directly: what it hands over, what it resolves, where it fails, and that the
/// pieces do not depend on how the bytes are cut.
@Suite("XMLStream")
struct XMLStreamTests {
    static let vocabulary = ["Flux", "Foyer", "MATRICULE", "ETAT"]

    /// The pieces of `xml`, fed in chunks of `chunk` bytes, as readable strings.
    static func pieces(_ xml: [UInt8], chunk: Int = .max, textOf: Set<String> = ["MATRICULE", "ETAT"]) throws(XMLStream.Failure) -> [String] {
        var stream = XMLStream(vocabulary: vocabulary, textOf: textOf)
        let names = XMLStream(vocabulary: vocabulary, textOf: textOf)
        var out: [String] = []
        var start = 0
        repeat {
            let end = min(xml.count, start + max(1, min(chunk, xml.count)))
            try stream.feed(Array(xml[start..<end]), last: end == xml.count) { piece in
                switch piece {
                case .start(let tag, let line): out.append("<\(names.name(of: tag))@\(line)")
                case .end(let tag): out.append("</\(names.name(of: tag))")
                case .text(let text): out.append("'\(text)'")
                }
            }
            start = end
        } while start < xml.count
        return out
    }

    static func pieces(_ xml: String, chunk: Int = .max) throws(XMLStream.Failure) -> [String] {
        try pieces(Array(xml.utf8), chunk: chunk)
    }

    static let flow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- a comment -->
    <Flux>
      <Foyer version="2"><MATRICULE>0123456</MATRICULE><ETAT>2</ETAT><NOM>Dupont</NOM></Foyer>
      <Foyer><MATRICULE> 42 </MATRICULE><ETAT><![CDATA[3]]></ETAT></Foyer>
    </Flux>
    """

    @Test("elements in order with their lines; text only where asked; names outside the vocabulary are not decoded")
    func pieces() throws {
        let p = try Self.pieces(Self.flow)
        #expect(p.first == "<Flux@3")
        #expect(p.contains("<Foyer@4"))
        #expect(p.contains("'0123456'"))
        #expect(p.contains("'3'"), "CDATA is text")
        #expect(!p.contains { $0.contains("Dupont") }, "the text of an element not asked for is never decoded")
        #expect(p.filter { $0 == "</Foyer" }.count == 2)
        #expect(p.last == "</Flux")
    }

    @Test("the pieces are the same however the bytes are cut", arguments: [1, 2, 3, 7, 64])
    func chunks(size: Int) throws {
        #expect(try Self.pieces(Self.flow, chunk: size) == Self.pieces(Self.flow))
    }

    @Test("the five entities and character references are resolved")
    func entities() throws {
        let p = try Self.pieces("<Flux><ETAT>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xE9;</ETAT></Flux>")
        #expect(p.contains("'a & b <c> \"d\" 'e' éé'"))
    }

    @Test("a flow declared windows-1252 is decoded as such")
    func windows1252() throws {
        var bytes = Array(#"<?xml version="1.0" encoding="windows-1252"?><Flux><ETAT>"#.utf8)
        bytes += [0x45, 0x9C, 0x75, 0x76, 0x72, 0x65, 0xE9] // E œ u v r e é in windows-1252
        bytes += Array("</ETAT></Flux>".utf8)
        #expect(try Self.pieces(bytes, chunk: 5).contains("'Eœuvreé'"))
    }

    @Test("errors name their line: a mismatched end, a truncated flow, no element at all")
    func errors() {
        #expect(throws: XMLStream.Failure.self) { try Self.pieces("<Flux>\n<Foyer>\n</Flux>") }
        do {
            _ = try Self.pieces("<Flux>\n<Foyer>\n</Flux>")
        } catch {
            #expect(error.line == 3, "\(error)")
        }
        do {
            _ = try Self.pieces("<Flux>\n<Foyer><ETAT>2</ETAT>\n", chunk: 4)
            Issue.record("a truncated flow was accepted")
        } catch {
            #expect(error.message.contains("encore ouvert"), "\(error)")
        }
        do {
            _ = try Self.pieces("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n")
            Issue.record("a flow without element was accepted")
        } catch {
            #expect(error.message.contains("aucun élément XML"), "\(error)")
        }
        do {
            _ = try Self.pieces("just text, no element")
            Issue.record("text without element was accepted")
        } catch {
            #expect(error.message.contains("du texte avant l'élément racine") && error.line == 1, "\(error)")
        }
    }

    @Test("elements outside the vocabulary are named as the flow writes them; a malformed tag is an error; attributes are accepted")
    func namesAndTags() {
        do {
            _ = try Self.pieces("<Flux>\n<Foyer><Personne><NOM>x</NOM>\n", chunk: 5)
            Issue.record("a truncated flow was accepted")
        } catch {
            #expect(error.message == "le flux finit avec <Personne> encore ouvert (flux tronqué ?)", "\(error)")
        }
        do {
            _ = try Self.pieces("<Flux><Personne></Prestations></Flux>")
            Issue.record("a mismatched end was accepted")
        } catch {
            #expect(error.message == "balise fermante </Prestations> là où </Personne> était attendue", "\(error)")
        }
        for bad in ["<Flux><Identification 2730799404078></Identification></Flux>", "<Flux><Foyer version></Foyer></Flux>",
                    "<Flux><Foyer a=\"1\"b=\"2\"></Foyer></Flux>", "<Flux><Foyer =\"1\"></Foyer></Flux>"] {
            do {
                _ = try Self.pieces(bad)
                Issue.record("a malformed tag was accepted: \(bad)")
            } catch {
                #expect(error.message.hasPrefix("une balise mal formée <"), "\(error)")
            }
        }
        #expect((try? Self.pieces("<Flux xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" a='1' ><Foyer/></Flux>")) == ["<Flux@1", "<Foyer@1", "</Foyer", "</Flux"])
    }

    @Test("invalid UTF-8 in a flow declared UTF-8 is an error, not a guess")
    func invalidUTF8() {
        var bytes = Array(#"<?xml version="1.0" encoding="UTF-8"?><Flux><ETAT>"#.utf8)
        bytes += [0xE9]
        bytes += Array("</ETAT></Flux>".utf8)
        #expect(throws: XMLStream.Failure.self) { try Self.pieces(bytes) }
    }

    @Test("tag ends read with the name: <A>, </A>, <A/>, <A />, </A >, attributes over several lines, a '>' in a quoted value; cut anywhere, the same pieces",
          arguments: [1, 2, 3, 5, 11, Int.max])
    func tagEnds(chunk: Int) throws {
        let xml = "<Flux>\n<Foyer/><Foyer /><Foyer\n  a=\"x>y\"\n  b='2'>\n<MATRICULE>12</MATRICULE ></Foyer>"
            + "<Autre/><Autre></Autre ><Autre\n/>\n<ETAT>\t2 </ETAT></Flux>"
        let p = try Self.pieces(Array(xml.utf8), chunk: chunk)
        #expect(p == ["<Flux@1", "<Foyer@2", "</Foyer", "<Foyer@2", "</Foyer", "<Foyer@2", "<MATRICULE@5", "'12'", "</MATRICULE",
                      "</Foyer", "<?@5", "</?", "<?@5", "</?", "<?@5", "</?", "<ETAT@7", "'\t2 '", "</ETAT", "</Flux"])
    }

    @Test("a mismatched end names elements outside the vocabulary as written, after thousands of other names (up to 4,096 names kept)",
          arguments: [(4_000, "Personne"), (5_000, "?")])
    func manyNames(_ others: Int, _ named: String) {
        var xml = "<Flux>"
        for k in 0..<others { xml += "<N\(k)/>" }
        xml += "<Personne></Prestations></Flux>"
        do {
            _ = try Self.pieces(Array(xml.utf8), chunk: 4_096)
            Issue.record("a mismatched end was accepted")
        } catch {
            #expect(error.message == "balise fermante </Prestations> là où </\(named)> était attendue", "\(error)")
        }
    }

    @Test("trimmingSpaces: spaces and tabs around, none inside; a space that a combining mark joins is kept", arguments: [
        ("  a b  ", "a b"), ("\t12\t", "12"), ("x", "x"), ("", ""), ("   ", ""), (" \u{301}a ", " \u{301}a"), ("é ", "é"), (" é", "é"), ("\n1\n", "\n1\n"),
    ])
    func trimming(_ given: String, _ expected: String) {
        #expect(given.trimmingSpaces == expected)
        #expect(given.trimmingSpaces.utf8.elementsEqual(expected.utf8))
    }
}
