-- Access control and the tamper-evident audit trail (issue 3). Never edit after it ships.

-- Vault-wide signing key (Ed25519) for audit checkpoints; its seed lives in admin and auditor slots.
ALTER TABLE vault_meta ADD COLUMN signing_public_key BLOB;

-- Accounts: a disabled user cannot log in and gets no keys at the next rekey. Each slot has an
-- X25519 exchange key so an admin can hand new keys to a user without knowing their passphrase.
ALTER TABLE key_slots ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
ALTER TABLE key_slots ADD COLUMN exchange_public_key BLOB;

-- Keys waiting for their user: after a rekey or a role change, sealed to the user's exchange key.
CREATE TABLE key_grants (
    user_name          TEXT    PRIMARY KEY REFERENCES key_slots(user_name) ON DELETE CASCADE,
    role               TEXT    NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'admin', 'auditor')),
    key_version        INTEGER NOT NULL,
    ephemeral_key      BLOB    NOT NULL,
    sealed_keys        BLOB    NOT NULL
);

-- Failed logins per user, kept across restarts so the growing delay cannot be reset.
CREATE TABLE login_failures (
    user_name       TEXT    PRIMARY KEY,
    failures        INTEGER NOT NULL,
    last_failure_at REAL    NOT NULL
);

-- The audit trail: append-only, hash-chained over the stored bytes (docs/audit.md).
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    actor     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    case_code TEXT,
    outcome   TEXT    NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    payload   BLOB,
    hash      BLOB    NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
