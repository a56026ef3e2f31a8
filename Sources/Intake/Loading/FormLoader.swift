/// Loads a form file (docs/intake.md, "Form file"): parses the JSON, reads and checks it, and
/// refuses any error with a `FormError` naming the exact place.
public enum FormLoader {
    /// The checked form in `bytes` (UTF-8 JSON). Every message id it uses must be translated in
    /// each of `catalogs`.
    public static func load(_ bytes: [UInt8], catalogs: [Catalog]) throws(FormError) -> FormDefinition {
        let root: JSONValue
        do throws(JSONParser.SyntaxError) {
            root = try JSONParser.parse(bytes)
        } catch {
            throw FormError(path: "", problem: .invalidJSON(line: error.line, column: error.column))
        }
        var reader = FormReader()
        let form = try reader.read(JSONNode(value: root, path: ""))
        try FormChecker(form: form, map: reader.map).check(catalogs: catalogs)
        return form
    }
}
