-- Audit keys retired by a rekey (issue 3): row `version` holds that audit key sealed under the
-- key that replaced it, so the current audit key opens every older one in turn, and an old key
-- (in a disabled user's copied slot) opens nothing written after it was retired. Append-only:
-- a lost row would leave the details of older audit entries unreadable. Never edit after it
-- ships.
CREATE TABLE retired_audit_keys (
    version INTEGER PRIMARY KEY,
    sealed  BLOB    NOT NULL
);

CREATE TRIGGER retired_audit_keys_no_update BEFORE UPDATE ON retired_audit_keys
BEGIN
    SELECT RAISE(ABORT, 'retired audit keys are append-only');
END;

CREATE TRIGGER retired_audit_keys_no_delete BEFORE DELETE ON retired_audit_keys
BEGIN
    SELECT RAISE(ABORT, 'retired audit keys are append-only');
END;
