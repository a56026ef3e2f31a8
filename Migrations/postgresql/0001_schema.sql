-- CaseVault schema for PostgreSQL, version 1: the tables, columns and constraints of the SQLite
-- schema as Migrations/0001–0009 leave it, in PostgreSQL's types. Never edit this file after it
-- ships: add a new numbered file. Plaintext columns hold only ids, random case codes, status,
-- assignee, staff user names and day-granular dates; everything else is a sealed value
-- (docs/vault-format.md), so the server's operator sees no survivor data in any row.
--
-- Text columns use the "C" collation: ordering and comparison by bytes, as in SQLite, whatever
-- the database's locale. The file is sent one statement at a time (PostgresScript splits it at
-- each `;` outside comments, quotes and dollar-quoted bodies).

DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'a CaseVault database must use the UTF8 encoding';
    END IF;
END
$$;

-- The migrations applied to this database, by file name without ".sql".
CREATE TABLE casevault_migrations (
    id         text COLLATE "C" PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE vault_meta (
    singleton          smallint PRIMARY KEY CHECK (singleton = 1),
    vault_id           bytea    NOT NULL,
    format_version     bigint   NOT NULL,
    key_version        bigint   NOT NULL,
    created_day        text COLLATE "C" NOT NULL,
    signing_public_key bytea
);

CREATE TABLE key_slots (
    user_name           text COLLATE "C" PRIMARY KEY,
    role                text COLLATE "C" NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'admin', 'auditor')),
    kdf_log_n           bigint  NOT NULL,
    kdf_r               bigint  NOT NULL,
    kdf_p               bigint  NOT NULL,
    salt                bytea   NOT NULL,
    key_version         bigint  NOT NULL,
    sealed_keys         bytea   NOT NULL,
    created_day         text COLLATE "C" NOT NULL,
    disabled            boolean NOT NULL DEFAULT false,
    exchange_public_key bytea
);

-- `id` grows in insertion order: cases are listed and copied by it.
CREATE TABLE cases (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text COLLATE "C" NOT NULL UNIQUE,
    status              text COLLATE "C" NOT NULL CHECK (status IN ('open', 'closed', 'erased')),
    assignee            text COLLATE "C",
    created_day         text COLLATE "C" NOT NULL,
    updated_day         text COLLATE "C" NOT NULL,
    key_version         bigint NOT NULL,
    wrapped_key         bytea,
    version             bigint NOT NULL,
    document            bytea,
    state_revision      bigint NOT NULL DEFAULT 0,
    state_signer        text COLLATE "C",
    state_document_hash bytea,
    state_signature     bytea,
    CHECK ((status = 'erased') = (wrapped_key IS NULL AND document IS NULL))
);

CREATE TABLE case_history (
    case_id  bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    version  bigint NOT NULL,
    document bytea  NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE name_index (
    token   bytea  NOT NULL,
    case_id bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    PRIMARY KEY (token, case_id)
);

CREATE INDEX name_index_by_case ON name_index (case_id);

CREATE TABLE key_grants (
    user_name     text COLLATE "C" PRIMARY KEY REFERENCES key_slots(user_name) ON DELETE CASCADE,
    role          text COLLATE "C" NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'admin', 'auditor')),
    key_version   bigint NOT NULL,
    ephemeral_key bytea  NOT NULL,
    sealed_keys   bytea  NOT NULL,
    granted_by    text COLLATE "C",
    signature     bytea
);

CREATE TABLE login_failures (
    user_name       text COLLATE "C" PRIMARY KEY,
    failures        bigint           NOT NULL,
    last_failure_at double precision NOT NULL
);

-- The audit trail: append-only, hash-chained over the stored bytes (docs/audit.md).
CREATE TABLE audit_log (
    seq       bigint PRIMARY KEY,
    at        text COLLATE "C" NOT NULL,
    actor     text COLLATE "C" NOT NULL,
    action    text COLLATE "C" NOT NULL,
    case_code text COLLATE "C",
    outcome   text COLLATE "C" NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    payload   bytea,
    hash      bytea NOT NULL
);

CREATE TABLE intake_drafts (
    user_name   text COLLATE "C" PRIMARY KEY REFERENCES key_slots(user_name) ON DELETE CASCADE,
    updated_day text COLLATE "C" NOT NULL,
    sealed      bytea NOT NULL
);

CREATE TABLE retired_audit_keys (
    version bigint PRIMARY KEY,
    sealed  bytea  NOT NULL
);

CREATE TABLE user_directory (
    singleton  smallint PRIMARY KEY CHECK (singleton = 1),
    revision   bigint   NOT NULL,
    public_key bytea    NOT NULL,
    body       bytea    NOT NULL,
    signature  bytea    NOT NULL
);

CREATE TABLE audit_heads (
    seq                bigint PRIMARY KEY,
    signer             text COLLATE "C" NOT NULL,
    directory_revision bigint NOT NULL,
    signature          bytea  NOT NULL
);

-- The state changes of each case, counted to detect a case put back to an earlier version. The
-- count's query names the same list (`AuditAction.caseStateChanges`); a test compares them.
CREATE INDEX audit_log_case_changes_0008 ON audit_log (case_code)
    WHERE outcome = 'ok' AND action IN ('case_create', 'case_update', 'case_note', 'case_followup', 'case_refer',
                                        'case_plan', 'case_close', 'case_reopen', 'case_assign', 'case_erase',
                                        'case_correct', 'case_purge');

CREATE TABLE user_profiles (
    user_name          text COLLATE "C" PRIMARY KEY,
    grammatical_gender text COLLATE "C" NOT NULL CHECK (grammatical_gender IN ('feminine', 'masculine'))
);

CREATE TABLE case_facts (
    case_id      bigint PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    case_version bigint NOT NULL,
    sealed       bytea  NOT NULL
);

CREATE INDEX cases_facts_scan ON cases (id, status, code, version);

CREATE INDEX audit_log_by_action ON audit_log (action, seq);

CREATE TABLE statistics_policy (
    singleton smallint PRIMARY KEY CHECK (singleton = 1),
    revision  bigint   NOT NULL,
    signer    text COLLATE "C" NOT NULL,
    body      bytea    NOT NULL,
    signature bytea    NOT NULL
);

CREATE TABLE signed_settings (
    name      text COLLATE "C" PRIMARY KEY,
    revision  bigint NOT NULL,
    signer    text COLLATE "C" NOT NULL,
    body      bytea  NOT NULL,
    signature bytea  NOT NULL
);

-- `ordinal` stands in for SQLite's rowid: the ledger is read in insertion order.
CREATE TABLE export_requests (
    id                 text COLLATE "C" PRIMARY KEY,
    case_code          text COLLATE "C",
    requester          text COLLATE "C" NOT NULL,
    created_day        text COLLATE "C" NOT NULL,
    body               bytea   NOT NULL,
    signature          bytea   NOT NULL,
    decider            text COLLATE "C",
    decision           bytea,
    decision_signature bytea,
    used               boolean NOT NULL DEFAULT false,
    ordinal            bigint GENERATED ALWAYS AS IDENTITY UNIQUE
);

-- Append-only tables refuse every update, delete and truncate. This guards against mistakes of
-- this program, not against the server's operator: the chain's hashes and signed heads do that.
CREATE FUNCTION casevault_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION casevault_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION casevault_append_only();

CREATE TRIGGER audit_heads_append_only BEFORE UPDATE OR DELETE ON audit_heads
    FOR EACH ROW EXECUTE FUNCTION casevault_append_only();
CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
    FOR EACH STATEMENT EXECUTE FUNCTION casevault_append_only();

CREATE TRIGGER retired_audit_keys_append_only BEFORE UPDATE OR DELETE ON retired_audit_keys
    FOR EACH ROW EXECUTE FUNCTION casevault_append_only();
CREATE TRIGGER retired_audit_keys_no_truncate BEFORE TRUNCATE ON retired_audit_keys
    FOR EACH STATEMENT EXECUTE FUNCTION casevault_append_only();
