/* testlib.c — counters and reporting for the unit tests, and the fixtures
 * they share: temporary files, raw SQL on a file, importing a CSV. */
#include "testlib.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "plancsv.h"

int t_passed, t_failed;
const char *t_current = "";
static char *tmpdir;

void t_report(bool ok, const char *file, int line, const char *expr, const char *detail)
{
    if (ok) {
        t_passed++;
        return;
    }
    t_failed++;
    fprintf(stderr, "FALLA %s:%d [%s]: %s%s%s\n", file, line, t_current, expr,
            detail ? " — " : "", detail ? detail : "");
}

static void rm_tmpdir(void)
{
    if (tmpdir && !getenv("POA_KEEP_TMP")) {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "no se pudo borrar %s\n", tmpdir);
    }
}

char *t_tmp(const char *name)
{
    if (!tmpdir) {
        char tmpl[] = "/tmp/poa-test-XXXXXX";
        char *d = mkdtemp(tmpl);
        if (!d) {
            perror("mkdtemp");
            exit(2);
        }
        tmpdir = strdup(d);
        atexit(rm_tmpdir);
    }
    size_t n = strlen(tmpdir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", tmpdir, name);
    return p;
}

char *t_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

char *t_write_tmp(const char *name, const void *data, size_t len)
{
    char *p = t_tmp(name);
    FILE *f = fopen(p, "wb");
    if (!f) {
        perror(p);
        exit(2);
    }
    fwrite(data, 1, len, f);
    fclose(f);
    return p;
}

char *t_write_text(const char *name, const char *text)
{
    return t_write_tmp(name, text, strlen(text));
}

void t_sql_exec(const char *path, const char *sql)
{
    sqlite3 *h;
    CHECK(sqlite3_open(path, &h) == SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "sqlite: %s\n", msg);
    CHECK(rc == SQLITE_OK);
    sqlite3_free(msg);
    sqlite3_close(h);
}

static int first_int(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    int v = -1;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

int t_sql_int(const char *path, const char *sql)
{
    sqlite3 *h;
    int v = -1;
    if (sqlite3_open(path, &h) == SQLITE_OK)
        v = first_int(h, sql);
    sqlite3_close(h);
    return v;
}

int t_db_int(Db *db, const char *sql)
{
    return first_int(db_sqlite(db), sql);
}

char *t_sql_text(const char *path, const char *sql)
{
    sqlite3 *h;
    char *out = NULL;
    if (sqlite3_open(path, &h) == SQLITE_OK) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                out = strdup((const char *)sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(h);
    return out ? out : strdup("");
}

Db *t_import_db(const char *path, const char *csv, Plan **p, int64_t *id, ImportStats *st)
{
    PoaErr err = {{0}};
    ImportStats own = {0};
    int64_t pid = 0;
    if (p)
        *p = NULL;
    Db *db = db_open(path, DB_CREATE, NULL, &err);
    CHECK(db != NULL);
    if (!db) {
        fprintf(stderr, "%s\n", err.msg);
        return NULL;
    }
    CsvAvisos av = {0};
    bool ok = plancsv_import(db, csv, st ? st : &own, &pid, &av, &err);
    if (!ok)
        fprintf(stderr, "%s\n", err.msg);
    CHECK(ok);
    csv_avisos_free(&av);
    if (id)
        *id = pid;
    if (p) {
        *p = ok ? store_load(db, pid, &err) : NULL;
        CHECK(*p != NULL);
    }
    return db;
}

Plan *t_import(const char *path, const char *csv, ImportStats *st)
{
    Plan *p = NULL;
    db_close(t_import_db(path, csv, &p, NULL, st));
    return p;
}

Db *t_import_then_sql(const char *path, const char *csv, Plan **p, const char *sql)
{
    db_close(t_import_db(path, csv, p, NULL, NULL));
    t_sql_exec(path, sql);
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_EXISTING, NULL, &err);
    CHECK(db != NULL);
    return db;
}

Plan *t_import_tmp(const char *name, const char *csv)
{
    char *path = t_tmp(name);
    Plan *p = t_import(path, csv, NULL);
    free(path);
    return p;
}

int t_count_live(const Plan *p, NodeKind k)
{
    int n = 0;
    for (int i = 1; i < p->nnodes; i++)
        if (p->nodes[i].kind == k && !p->nodes[i].deleted && !plan_node_implicit(p, i))
            n++;
    return n;
}

int t_finish(void)
{
    printf("%d passed, %d failed\n", t_passed, t_failed);
    return t_failed ? 1 : 0;
}

__attribute__((constructor)) static void t_init(void) { setlocale(LC_ALL, "C.UTF-8"); }

int t_first_of(const Plan *p, NodeKind k)
{
    for (int i = 1; i < p->nnodes; i++)
        if (p->nodes[i].kind == k && !p->nodes[i].deleted && !plan_node_implicit(p, i))
            return i;
    return -1;
}

void t_fx_open(TFx *f, const char *csv, const char *name)
{
    f->path = t_tmp(name);
    f->db = t_import_db(f->path, csv, &f->p, &f->id, NULL);
}

Plan *t_fx_reopen(TFx *f)
{
    PoaErr err = {{0}};
    db_close(f->db);
    f->db = db_open(f->path, DB_EXISTING, NULL, &err);
    CHECK(f->db != NULL);
    Plan *q = f->db ? store_load(f->db, f->id, &err) : NULL;
    CHECK(q != NULL);
    return q;
}

void t_fx_close(TFx *f)
{
    plan_free(f->p);
    db_close(f->db);
    free(f->path);
}
