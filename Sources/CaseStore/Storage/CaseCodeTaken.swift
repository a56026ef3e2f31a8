/// Thrown by a backend when a new case's code is already stored (the UNIQUE constraint on
/// `cases.code`). `createCases` catches it and seals the batch again under new codes, so it
/// never reaches a user; a backend must throw it for that collision only, before anything of the
/// batch is committed.
public struct CaseCodeTaken: Error, Equatable {
    public init() {}
}
