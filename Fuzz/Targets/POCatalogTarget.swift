import Foundation
import Intake

/// PO catalogs (`POParser`, then `Catalog`'s checks). Property: what parses is written by
/// `POWriter` in a form that parses back to the same file (the sr-Latn generation relies on it).
enum POCatalogTarget {
    static let target = FuzzTarget(name: "po-catalog") { data in
        guard let text = String(data: data, encoding: .utf8), let file = try? POParser.parse(text, file: "fuzz.po") else { return }
        let written = POWriter.write(file)
        FuzzCheck.require((try? POParser.parse(written, file: "fuzz.po")) == file, "POWriter's text parses back to the same file")
        _ = try? Catalog(language: .serbianCyrillic, text: text)
    }
}
