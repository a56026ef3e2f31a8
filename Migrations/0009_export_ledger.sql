-- Exports (issue 11). Every row here is signed by the user who made it, whose key the signed
-- directory certifies, so someone who writes to the file can delete rows (deny service) but
-- cannot forge, alter or move one unnoticed. Never edit after it ships.
--
-- `signed_settings`: administrator-signed vault settings, one row per name: `export_rules`
-- (which export profiles need a supervisor's approval), `partners` (the partner
-- organisations' age public keys, by name) and `retention` (how many years after closing a
-- closed case is erased). Each body's revision must equal the number of its
-- changes in the audit trail, so an older body put back is refused.
CREATE TABLE signed_settings (
    name      TEXT    PRIMARY KEY,
    revision  INTEGER NOT NULL,
    signer    TEXT    NOT NULL,
    body      BLOB    NOT NULL,
    signature BLOB    NOT NULL
);

-- The export ledger: a caseworker's request (its reason sealed under the audit key, the whole
-- body signed by her) and a supervisor's decision (signed by the supervisor, bound to the
-- request's hash). Whether an approved request was used is read from the audit trail; `used`
-- only makes two concurrent exports under one approval fail in the same transaction.
CREATE TABLE export_requests (
    id                 TEXT    PRIMARY KEY,
    case_code          TEXT,
    requester          TEXT    NOT NULL,
    created_day        TEXT    NOT NULL,
    body               BLOB    NOT NULL,
    signature          BLOB    NOT NULL,
    decider            TEXT,
    decision           BLOB,
    decision_signature BLOB,
    used               INTEGER NOT NULL DEFAULT 0
);
