-- Authenticity against someone who can write to the file (issue 8): the signed user directory,
-- signed key grants, signed case states and signed audit heads. Every plaintext value a decision
-- depends on is now covered by a signature that verifies against the directory key pinned inside
-- each user's key slot (docs/vault-format.md, "Authenticity"). Never edit after it ships.

-- The user directory: every user's name, role, disabled flag, exchange and signing public keys
-- and key version, as one body signed by the vault's directory key (Ed25519, seed in admin
-- slots). One row, so no single user's entry can be rolled back on its own; `revision` grows
-- with every change and signed audit heads name the revision they saw.
CREATE TABLE user_directory (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    revision   INTEGER NOT NULL,
    public_key BLOB    NOT NULL,
    body       BLOB    NOT NULL,
    signature  BLOB    NOT NULL
);

-- Grants name the administrator who made them and carry her signature; `role` is a display hint.
ALTER TABLE key_grants ADD COLUMN granted_by TEXT;
ALTER TABLE key_grants ADD COLUMN signature BLOB;

-- The signed state of a case: status, assignee, document version, the number of state changes
-- the audit trail records for it (`state_revision`) and the hash of the sealed document, signed
-- by the user who made the change.
ALTER TABLE cases ADD COLUMN state_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN state_signer TEXT;
ALTER TABLE cases ADD COLUMN state_document_hash BLOB;
ALTER TABLE cases ADD COLUMN state_signature BLOB;

-- Signed audit heads: each write of a logged-in user ends with her signature over the chain's
-- head (vault id, seq, hash, directory revision). Append-only.
CREATE TABLE audit_heads (
    seq                INTEGER PRIMARY KEY,
    signer             TEXT    NOT NULL,
    directory_revision INTEGER NOT NULL,
    signature          BLOB    NOT NULL
);

CREATE TRIGGER audit_heads_no_update BEFORE UPDATE ON audit_heads
BEGIN
    SELECT RAISE(ABORT, 'audit heads are append-only');
END;

CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
BEGIN
    SELECT RAISE(ABORT, 'audit heads are append-only');
END;

-- The state changes of each case, counted to detect a case put back to an earlier version.
CREATE INDEX audit_log_case_changes ON audit_log (case_code)
    WHERE outcome = 'ok' AND action IN ('case_create', 'case_update', 'case_note', 'case_followup', 'case_refer',
                                        'case_plan', 'case_close', 'case_reopen', 'case_assign', 'case_erase');
