/*
 * anchor.c: the reference workload of issue 13, on the raw SQLite C API.
 *
 * Why it exists: casevault-bench compares CaseVault with what an application written directly on
 * SQLite costs, once linked against plain SQLite and once against SQLCipher keyed with a
 * passphrase (whole-file encryption). The harness writes a workload file describing exactly the
 * rows CaseVault stored in the same run (codes, stored byte lengths, name tokens) and the queries
 * it timed; this program replays them and prints its timings as one JSON object on stdout.
 *
 * Why by hand: it is the yardstick, so it must be the plainest possible code on the C API, with
 * nothing of CaseVault's (no GRDB, no Swift) in between; there is nothing to reuse.
 *
 * Build (the harness does this at run time):
 *   cc -O2 -o anchor-sqlite anchor.c -lsqlite3
 *   cc -O2 -DANCHOR_SQLCIPHER -I/usr/include/sqlcipher -o anchor-sqlcipher anchor.c -lsqlcipher
 * Run: anchor-X SCHEMA.sql WORKLOAD DATABASE   (DATABASE must not exist yet)
 *
 * Workload file, one record per line, fields separated by one space, "-" for NULL:
 *   commit C          rows per bulk transaction
 *   bulk K            the first K row records are bulk-loaded; the rest are single durable inserts
 *   row CODE STATUS ASSIGNEE CREATED UPDATED KEYVER WRAPLEN VERSION DOCLEN STATEREV SIGNER HASHLEN SIGLEN
 *       FACTSVER FACTSLEN AUDITAT ACTOR PAYLOADLEN HEADSIGLEN NTOK TOKEN...   (one line; tokens in hex)
 *   open CODE         a lookup by code (the row must exist)
 *   find KIND EXPECTED NTOK TOKEN...   KIND is full or surname; EXPECTED the rows CaseVault returned
 * Blobs are random bytes of the stored lengths (ciphertext does not compress, and neither does this).
 */
#include <sqlite3.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define PASSPHRASE "anchor benchmark passphrase, long enough"
#define POOL_BYTES (4u << 20)
#define MAX_TOKENS 16
#define TOKEN_BYTES 8

typedef struct {
    char *code, *status, *assignee, *created, *updated, *signer, *audit_at, *actor;
    int key_version, wrap_len, version, doc_len, state_revision, hash_len, sig_len, facts_version, facts_len, payload_len, head_sig_len;
    int token_count;
    unsigned char tokens[MAX_TOKENS][TOKEN_BYTES];
} Row;

typedef struct {
    int surname; /* 1: surname query, 0: full name */
    int expected;
    int token_count;
    unsigned char tokens[MAX_TOKENS][TOKEN_BYTES];
} Find;

static Row *rows;
static int row_count, bulk_count = -1, commit_size = 1000;
static char **opens;
static int open_count;
static Find *finds;
static int find_count;
static unsigned char *pool;
static uint64_t prng = 0x243F6A8885A308D3ull;
static long long audit_seq;
static sqlite3 *db;

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "anchor: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void check(int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) fail(what, sqlite3_errmsg(db));
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* A pointer into the random pool at a pseudo-random offset: distinct random bytes per blob
 * without generating them inside the timed loops. */
static const void *random_bytes(int length) {
    prng += 0x9E3779B97F4A7C15ull;
    uint64_t z = prng;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return pool + (z % (POOL_BYTES - (uint64_t)length));
}

static char *copy_field(const char *field) { return strcmp(field, "-") == 0 ? NULL : strdup(field); }

static void parse_tokens(char **save, int count, unsigned char tokens[][TOKEN_BYTES]) {
    if (count > MAX_TOKENS) fail("too many name tokens", NULL);
    for (int t = 0; t < count; t++) {
        char *hex = strtok_r(NULL, " \n", save);
        if (!hex || strlen(hex) != 2 * TOKEN_BYTES) fail("bad token", hex);
        for (int i = 0; i < TOKEN_BYTES; i++) sscanf(hex + 2 * i, "%2hhx", &tokens[t][i]);
    }
}

static void load_workload(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) fail("cannot open workload", strerror(errno));
    char *line = NULL;
    size_t capacity = 0;
    int row_capacity = 0, open_capacity = 0, find_capacity = 0;
    while (getline(&line, &capacity, file) > 0) {
        char *save = NULL;
        char *kind = strtok_r(line, " \n", &save);
        if (!kind) continue;
#define NEXT() strtok_r(NULL, " \n", &save)
#define NEXT_INT() atoi(NEXT())
        if (strcmp(kind, "commit") == 0) {
            commit_size = NEXT_INT();
        } else if (strcmp(kind, "bulk") == 0) {
            bulk_count = NEXT_INT();
        } else if (strcmp(kind, "row") == 0) {
            if (row_count == row_capacity) rows = realloc(rows, sizeof(Row) * (row_capacity = row_capacity * 2 + 1024));
            Row *r = &rows[row_count++];
            r->code = copy_field(NEXT());
            r->status = copy_field(NEXT());
            r->assignee = copy_field(NEXT());
            r->created = copy_field(NEXT());
            r->updated = copy_field(NEXT());
            r->key_version = NEXT_INT();
            r->wrap_len = NEXT_INT();
            r->version = NEXT_INT();
            r->doc_len = NEXT_INT();
            r->state_revision = NEXT_INT();
            r->signer = copy_field(NEXT());
            r->hash_len = NEXT_INT();
            r->sig_len = NEXT_INT();
            r->facts_version = NEXT_INT();
            r->facts_len = NEXT_INT();
            r->audit_at = copy_field(NEXT());
            r->actor = copy_field(NEXT());
            r->payload_len = NEXT_INT();
            r->head_sig_len = NEXT_INT();
            r->token_count = NEXT_INT();
            parse_tokens(&save, r->token_count, r->tokens);
        } else if (strcmp(kind, "open") == 0) {
            if (open_count == open_capacity) opens = realloc(opens, sizeof(char *) * (open_capacity = open_capacity * 2 + 1024));
            opens[open_count++] = strdup(NEXT());
        } else if (strcmp(kind, "find") == 0) {
            if (find_count == find_capacity) finds = realloc(finds, sizeof(Find) * (find_capacity = find_capacity * 2 + 1024));
            Find *f = &finds[find_count++];
            f->surname = strcmp(NEXT(), "surname") == 0;
            f->expected = NEXT_INT();
            f->token_count = NEXT_INT();
            parse_tokens(&save, f->token_count, f->tokens);
        } else {
            fail("unknown workload record", kind);
        }
    }
    free(line);
    fclose(file);
    if (bulk_count < 0 || bulk_count > row_count) bulk_count = row_count;
}

static char *read_file(const char *path) {
    FILE *file = fopen(path, "r");
    if (!file) fail("cannot open schema", strerror(errno));
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *text = malloc((size_t)size + 1);
    if (fread(text, 1, (size_t)size, file) != (size_t)size) fail("cannot read schema", NULL);
    text[size] = 0;
    fclose(file);
    return text;
}

static void exec(const char *sql) { check(sqlite3_exec(db, sql, NULL, NULL, NULL), sql); }

/* Opens the file with CaseVault's connection settings (SQLiteVaultStorage.init); with SQLCipher,
 * keyed first, pages of 4096 bytes as plain SQLite's default. Returns the seconds until the
 * first read has succeeded (SQLCipher derives the key, PBKDF2, on that first page access). */
static double open_database(const char *path) {
    double start = now();
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) fail("cannot open database", path);
    sqlite3_busy_timeout(db, 2000);
#ifdef ANCHOR_SQLCIPHER
    exec("PRAGMA key = '" PASSPHRASE "'");
    exec("PRAGMA cipher_page_size = 4096");
#endif
    exec("SELECT count(*) FROM sqlite_master");
    double opened = now() - start;
    exec("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    return opened;
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *statement;
    check(sqlite3_prepare_v2(db, sql, -1, &statement, NULL), sql);
    return statement;
}

static void bind_text(sqlite3_stmt *s, int index, const char *text) {
    if (text) sqlite3_bind_text(s, index, text, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, index);
}

static void bind_random(sqlite3_stmt *s, int index, int length) {
    if (length < 0) sqlite3_bind_null(s, index);
    else sqlite3_bind_blob(s, index, random_bytes(length), length, SQLITE_STATIC);
}

static void run(sqlite3_stmt *s, const char *what) {
    check(sqlite3_step(s), what);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

static sqlite3_stmt *insert_case, *insert_token, *insert_facts, *insert_audit, *insert_head;

static void prepare_inserts(void) {
    insert_case = prepare("INSERT INTO cases (code, status, assignee, created_day, updated_day, key_version, wrapped_key, version, "
                          "document, state_revision, state_signer, state_document_hash, state_signature) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert_token = prepare("INSERT OR IGNORE INTO name_index (token, case_id) VALUES (?, ?)");
    insert_facts = prepare("INSERT OR REPLACE INTO case_facts (case_id, case_version, sealed) VALUES (?, ?, ?)");
    insert_audit = prepare("INSERT INTO audit_log (seq, at, actor, action, case_code, outcome, payload, hash) "
                           "VALUES (?, ?, ?, 'case_create', ?, 'ok', ?, ?)");
    insert_head = prepare("INSERT INTO audit_heads (seq, signer, directory_revision, signature) VALUES (?, ?, 1, ?)");
}

/* One case as CaseVault stores it: its row, its name tokens, its facts row and its audit entry. */
static void insert_row(const Row *r) {
    sqlite3_stmt *s = insert_case;
    bind_text(s, 1, r->code);
    bind_text(s, 2, r->status);
    bind_text(s, 3, r->assignee);
    bind_text(s, 4, r->created);
    bind_text(s, 5, r->updated);
    sqlite3_bind_int(s, 6, r->key_version);
    bind_random(s, 7, r->wrap_len);
    sqlite3_bind_int(s, 8, r->version);
    bind_random(s, 9, r->doc_len);
    sqlite3_bind_int(s, 10, r->state_revision);
    bind_text(s, 11, r->signer);
    bind_random(s, 12, r->hash_len);
    bind_random(s, 13, r->sig_len);
    run(s, "insert case");
    sqlite3_int64 id = sqlite3_last_insert_rowid(db);
    for (int t = 0; t < r->token_count; t++) {
        sqlite3_bind_blob(insert_token, 1, r->tokens[t], TOKEN_BYTES, SQLITE_STATIC);
        sqlite3_bind_int64(insert_token, 2, id);
        run(insert_token, "insert token");
    }
    if (r->facts_len >= 0) {
        sqlite3_bind_int64(insert_facts, 1, id);
        sqlite3_bind_int(insert_facts, 2, r->facts_version);
        bind_random(insert_facts, 3, r->facts_len);
        run(insert_facts, "insert facts");
    }
    if (r->audit_at) {
        sqlite3_bind_int64(insert_audit, 1, ++audit_seq);
        bind_text(insert_audit, 2, r->audit_at);
        bind_text(insert_audit, 3, r->actor);
        bind_text(insert_audit, 4, r->code);
        bind_random(insert_audit, 5, r->payload_len);
        bind_random(insert_audit, 6, 32);
        run(insert_audit, "insert audit entry");
    }
}

/* The signed audit head that ends each of CaseVault's audited transactions. */
static void insert_audit_head(const Row *last) {
    if (!last->audit_at || last->head_sig_len < 0) return;
    sqlite3_bind_int64(insert_head, 1, audit_seq);
    bind_text(insert_head, 2, last->actor);
    bind_random(insert_head, 3, last->head_sig_len);
    run(insert_head, "insert audit head");
}

/* Rows [first, end) in one transaction. */
static void insert_transaction(int first, int end) {
    exec("BEGIN IMMEDIATE");
    for (int i = first; i < end; i++) insert_row(&rows[i]);
    insert_audit_head(&rows[end - 1]);
    exec("COMMIT");
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Prints "name": {count, median, p99, mean, min, max} in seconds (median of an even count: mean of
 * the middle two; p99 nearest-rank, as the harness's Stats). */
static void print_stats(const char *name, double *samples, int count, const char *extra) {
    if (count == 0) return;
    qsort(samples, (size_t)count, sizeof(double), compare_doubles);
    double total = 0;
    for (int i = 0; i < count; i++) total += samples[i];
    double median = count % 2 ? samples[count / 2] : (samples[count / 2 - 1] + samples[count / 2]) / 2;
    int rank = (int)(0.99 * count + 0.999999);
    if (rank < 1) rank = 1;
    printf(",\n  \"%s\": {\"count\": %d, \"median\": %.9f, \"p99\": %.9f, \"mean\": %.9f, \"min\": %.9f, \"max\": %.9f, "
           "\"total\": %.9f%s}",
           name, count, median, samples[rank - 1], total / count, samples[0], samples[count - 1], total, extra ? extra : "");
}

/* The peak RSS of this process image (VmHWM). Not getrusage: after exec, ru_maxrss still counts the
 * peak of the process that spawned this one (here the bench, hundreds of MB). */
static long peak_rss_kb(void) {
    FILE *status = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (status && fgets(line, sizeof line, status))
        if (strncmp(line, "VmHWM:", 6) == 0) kb = atol(line + 6);
    if (status) fclose(status);
    return kb;
}

static long long file_bytes(const char *path) {
    struct stat info;
    return stat(path, &info) == 0 ? (long long)info.st_size : 0;
}

/* Reads every column of a row, copying text and blobs out, so that a lookup does real work. */
static size_t consume_row(sqlite3_stmt *s, unsigned char *buffer) {
    size_t copied = 0;
    for (int c = 0; c < sqlite3_column_count(s); c++) {
        const void *bytes = sqlite3_column_type(s, c) == SQLITE_TEXT ? (const void *)sqlite3_column_text(s, c) : sqlite3_column_blob(s, c);
        int length = sqlite3_column_bytes(s, c);
        if (bytes && length > 0) {
            memcpy(buffer, bytes, (size_t)length);
            copied += (size_t)length;
        }
    }
    return copied;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s SCHEMA.sql WORKLOAD DATABASE\n", argv[0]);
        return 2;
    }
    struct stat existing;
    if (stat(argv[3], &existing) == 0) fail("the database file already exists", argv[3]);
    pool = malloc(POOL_BYTES);
    FILE *urandom = fopen("/dev/urandom", "r");
    if (!urandom || fread(pool, 1, POOL_BYTES, urandom) != POOL_BYTES) fail("cannot read /dev/urandom", NULL);
    fclose(urandom);
    char *schema = read_file(argv[1]);
    load_workload(argv[2]);
    unsigned char *buffer = malloc(1 << 20);

    double created = open_database(argv[3]);
    exec("BEGIN IMMEDIATE");
    exec(schema);
    exec("COMMIT");
    prepare_inserts();

    printf("{\n  \"library\": \"%s\"", sqlite3_libversion());
    sqlite3_stmt *version = prepare("PRAGMA cipher_version");
    if (sqlite3_step(version) == SQLITE_ROW) printf(",\n  \"cipher\": \"%s\"", (const char *)sqlite3_column_text(version, 0));
    sqlite3_finalize(version);
    sqlite3_stmt *page = prepare("PRAGMA page_size");
    if (sqlite3_step(page) == SQLITE_ROW) printf(",\n  \"page_size\": %d", sqlite3_column_int(page, 0));
    sqlite3_finalize(page);
    printf(",\n  \"create_open_seconds\": %.6f", created);

    /* (a) bulk load, commit_size rows per transaction. */
    int batches = (bulk_count + commit_size - 1) / commit_size;
    double *samples = malloc(sizeof(double) * (size_t)(batches + row_count + open_count + find_count + 16));
    double bulk_start = now();
    int full = 0;
    for (int first = 0; first < bulk_count; first += commit_size) {
        int end = first + commit_size < bulk_count ? first + commit_size : bulk_count;
        double start = now();
        insert_transaction(first, end);
        if (end - first == commit_size) samples[full++] = now() - start;
    }
    double bulk_seconds = now() - bulk_start;
    printf(",\n  \"bulk_rows\": %d, \"bulk_seconds\": %.6f", bulk_count, bulk_seconds);
    print_stats("bulk_commit", samples, full, NULL);

    /* (b) open by code: every stored column of the row, copied out. */
    if (open_count > 0) {
        sqlite3_stmt *s = prepare("SELECT code, status, assignee, created_day, updated_day, key_version, wrapped_key, version, document, "
                                  "state_revision, state_signer, state_document_hash, state_signature FROM cases WHERE code = ?");
        size_t copied = 0;
        for (int i = 0; i < open_count; i++) {
            double start = now();
            sqlite3_bind_text(s, 1, opens[i], -1, SQLITE_STATIC);
            if (sqlite3_step(s) != SQLITE_ROW) fail("open by code found nothing", opens[i]);
            copied += consume_row(s, buffer);
            sqlite3_reset(s);
            samples[i] = now() - start;
        }
        sqlite3_finalize(s);
        char extra[64];
        snprintf(extra, sizeof extra, ", \"mean_bytes\": %.1f", (double)copied / open_count);
        print_stats("open_by_code", samples, open_count, extra);
    }

    /* (c, d) find by name: CaseVault's query shape, the listing columns of every match. */
    for (int surname = 0; surname <= 1; surname++) {
        sqlite3_stmt *cached[MAX_TOKENS + 1] = {0};
        int n = 0;
        long long matches = 0;
        for (int i = 0; i < find_count; i++) {
            Find *f = &finds[i];
            if (f->surname != surname) continue;
            if (!cached[f->token_count]) {
                char sql[4096] = "SELECT code, status, assignee, created_day, updated_day, version, state_revision, state_signer, "
                                 "state_document_hash, state_signature FROM cases WHERE status != 'erased' AND id IN (";
                for (int t = 0; t < f->token_count; t++) {
                    strcat(sql, t ? " INTERSECT " : "");
                    strcat(sql, "SELECT case_id FROM name_index WHERE token = ?");
                }
                strcat(sql, ") ORDER BY code");
                cached[f->token_count] = prepare(sql);
            }
            sqlite3_stmt *s = cached[f->token_count];
            double start = now();
            for (int t = 0; t < f->token_count; t++) sqlite3_bind_blob(s, t + 1, f->tokens[t], TOKEN_BYTES, SQLITE_STATIC);
            int found = 0;
            int rc;
            while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
                consume_row(s, buffer);
                found++;
            }
            check(rc, "find");
            sqlite3_reset(s);
            samples[n++] = now() - start;
            if (found != f->expected) {
                fprintf(stderr, "anchor: a %s query found %d rows, CaseVault %d\n", surname ? "surname" : "full-name", found, f->expected);
                return 1;
            }
            matches += found;
        }
        for (int t = 0; t <= MAX_TOKENS; t++) sqlite3_finalize(cached[t]);
        char extra[64];
        snprintf(extra, sizeof extra, ", \"mean_matches\": %.2f", n ? (double)matches / n : 0.0);
        print_stats(surname ? "find_surname" : "find_full_name", samples, n, extra);
    }

    /* (f) whole-table work: a GROUP BY over the cases, and the facts scan the statistics read. */
    if (bulk_count > 0) {
        const char *queries[2][2] = {
            {"group_by_status", "SELECT status, count(*) FROM cases GROUP BY status"},
            {"facts_scan", "SELECT c.code, c.version, f.case_version, f.sealed FROM cases c JOIN case_facts f ON f.case_id = c.id "
                           "WHERE c.status != 'erased' ORDER BY c.id"},
        };
        for (int q = 0; q < 2; q++) {
            sqlite3_stmt *s = prepare(queries[q][1]);
            for (int run_index = 0; run_index < 3; run_index++) {
                double start = now();
                int rc;
                while ((rc = sqlite3_step(s)) == SQLITE_ROW) consume_row(s, buffer);
                check(rc, queries[q][0]);
                sqlite3_reset(s);
                samples[run_index] = now() - start;
            }
            sqlite3_finalize(s);
            print_stats(queries[q][0], samples, 3, NULL);
        }
    }

    /* (e) durable single inserts: each case in its own transaction, fsynced on commit. */
    int singles = 0;
    for (int i = bulk_count; i < row_count; i++) {
        double start = now();
        insert_transaction(i, i + 1);
        samples[singles++] = now() - start;
    }
    print_stats("single_insert", samples, singles, NULL);

    sqlite3_finalize(insert_case);
    sqlite3_finalize(insert_token);
    sqlite3_finalize(insert_facts);
    sqlite3_finalize(insert_audit);
    sqlite3_finalize(insert_head);
    sqlite3_close(db);

    /* Opening (and keying) the populated file, apart from everything above. */
    for (int i = 0; i < 3; i++) {
        samples[i] = open_database(argv[3]);
        sqlite3_close(db);
    }
    print_stats("reopen", samples, 3, NULL);

    char wal[4096];
    snprintf(wal, sizeof wal, "%s-wal", argv[3]);
    printf(",\n  \"file_bytes\": %lld, \"peak_rss_kb\": %ld\n}\n", file_bytes(argv[3]) + file_bytes(wal), peak_rss_kb());
    return 0;
}
