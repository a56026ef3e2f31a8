-- Statistics (issue 10). Every live case has one row of sealed facts under the statistics key,
-- consenting or not (a case without consent seals only "no facts"), padded to whole blocks, so
-- the file shows neither who consented nor what a case's facts are. The sealed value is bound
-- to the case code and `case_version`, which must equal the case's current version: a row put
-- back from an older version, copied from another case, or missing is refused as tampering.
-- The admin's disclosure-control and privacy-budget settings are one body signed by an
-- administrator the directory certifies. Never edit after it ships.
CREATE TABLE case_facts (
    case_id      INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    case_version INTEGER NOT NULL,
    sealed       BLOB    NOT NULL
);

-- A statistics query reads every live case's code and version beside its facts: this covering
-- index lets it do so without reading the case rows, whose sealed documents fill whole pages.
CREATE INDEX cases_facts_scan ON cases (id, status, code, version);

-- Every statistics query reads the policy's change count and the supervisor's releases of the
-- month (her privacy ledger) from the audit trail by action: without this index each would scan
-- the whole trail.
CREATE INDEX audit_log_by_action ON audit_log (action, seq);

CREATE TABLE statistics_policy (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    revision  INTEGER NOT NULL,
    signer    TEXT    NOT NULL,
    body      BLOB    NOT NULL,
    signature BLOB    NOT NULL
);
