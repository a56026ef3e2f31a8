import CaseStore

/// Where `vault copy` writes, so that a copy appears whole or not at all: a database holds it in
/// one transaction (`holdingOneTransaction`); a file is made under a temporary name and renamed
/// to the one asked for only once the copy is proved.
struct CopyDestination {
    let storage: any VaultStorage
    /// For a file: the temporary name the copy is made under, and the name it gets.
    let file: (partial: String, path: String)?

    /// Closes the store and gives a file copy its name (refusing to replace anything there).
    func publish() throws {
        try storage.close()
        if let file { try VaultFile.publish(file.partial, as: file.path) }
    }

    /// Closes the store and removes a file copy; a database's transaction was rolled back.
    func discard() {
        try? storage.close()
        if let file { VaultFile.remove(at: file.partial) }
    }
}
