/// Associated data that binds each sealed value to where it is stored (docs/vault-format.md):
/// `"casevault/v1" ‖ 0 ‖ table.column ‖ 0 ‖ row key ‖ 0 ‖ version fields`. A value copied to
/// another row, column or version fails authentication.
enum AssociatedData {
    static func make(_ field: String, _ parts: String...) -> [UInt8] {
        var bytes = Array("casevault/v1".utf8)
        for part in [field] + parts {
            bytes.append(0)
            bytes += Array(part.utf8)
        }
        return bytes
    }

    static func keySlot(vaultID: [UInt8], user: String, role: Role, keyVersion: Int) -> [UInt8] {
        make("key_slots.sealed_keys", hex(vaultID), user, role.rawValue, "k\(keyVersion)")
    }

    static func wrappedCaseKey(vaultID: [UInt8], code: CaseCode, keyVersion: Int) -> [UInt8] {
        make("cases.wrapped_key", hex(vaultID), code.rawValue, "k\(keyVersion)")
    }

    static func caseDocument(code: CaseCode, version: Int) -> [UInt8] {
        make("cases.document", code.rawValue, "v\(version)")
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}

extension AssociatedData {
    static func caseFacts(vaultID: [UInt8], code: String, version: Int) -> [UInt8] {
        make("case_facts.sealed", hex(vaultID), code, "v\(version)")
    }
}
