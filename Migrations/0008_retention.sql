-- Survivors' rights (erasure, rectification, partial purge, retention). Never edit after it ships.
-- The retention rule is a signed setting (`signed_settings`, migration 0009, name `retention`).

-- A correction (`case_correct`) and a purge (`case_purge`) change a case's state like any other
-- amendment, so the count of a case's state changes includes them. The partial index of 0005
-- names the actions of its time; the count's query must name the same list as its index, so it
-- is replaced by one that names the new actions too.
DROP INDEX audit_log_case_changes;
CREATE INDEX audit_log_case_changes_0008 ON audit_log (case_code)
    WHERE outcome = 'ok' AND action IN ('case_create', 'case_update', 'case_note', 'case_followup', 'case_refer',
                                        'case_plan', 'case_close', 'case_reopen', 'case_assign', 'case_erase',
                                        'case_correct', 'case_purge');
