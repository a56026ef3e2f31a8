-- CaseVault schema, version 1. Never edit this file after it ships: add a new numbered file.
-- Plaintext columns hold only ids, random case codes, status, assignee, staff user names and
-- day-granular dates; everything else is a sealed value (docs/vault-format.md).

CREATE TABLE vault_meta (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    vault_id       BLOB    NOT NULL,
    format_version INTEGER NOT NULL,
    key_version    INTEGER NOT NULL,
    created_day    TEXT    NOT NULL
);

CREATE TABLE key_slots (
    user_name   TEXT    PRIMARY KEY,
    role        TEXT    NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'admin', 'auditor')),
    kdf_log_n   INTEGER NOT NULL,
    kdf_r       INTEGER NOT NULL,
    kdf_p       INTEGER NOT NULL,
    salt        BLOB    NOT NULL,
    key_version INTEGER NOT NULL,
    sealed_keys BLOB    NOT NULL,
    created_day TEXT    NOT NULL
);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    status      TEXT    NOT NULL CHECK (status IN ('open', 'closed', 'erased')),
    assignee    TEXT,
    created_day TEXT    NOT NULL,
    updated_day TEXT    NOT NULL,
    key_version INTEGER NOT NULL,
    wrapped_key BLOB,
    version     INTEGER NOT NULL,
    document    BLOB,
    CHECK ((status = 'erased') = (wrapped_key IS NULL AND document IS NULL))
);

CREATE TABLE case_history (
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    document BLOB    NOT NULL,
    PRIMARY KEY (case_id, version)
) WITHOUT ROWID;

CREATE TABLE name_index (
    token   BLOB    NOT NULL,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    PRIMARY KEY (token, case_id)
) WITHOUT ROWID;

CREATE INDEX name_index_by_case ON name_index(case_id);
