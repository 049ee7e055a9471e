/* testlib.h — a minimal test harness for the unit tests: CHECK macros that
 * count, report file:line and the values, and a closing line that CTest
 * and CI read ("N passed, N failed"). */
#ifndef POA_TESTLIB_H
#define POA_TESTLIB_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "db.h"
#include "model.h"
#include "store.h"

extern int t_passed, t_failed;
extern const char *t_current;

void t_report(bool ok, const char *file, int line, const char *expr, const char *detail);
int t_finish(void);   /* prints the closing line; returns the exit code */
/* A fresh path in a private temporary directory: t_tmp("x.db"). Caller frees. */
char *t_tmp(const char *name);
/* Whole-file comparison helpers. */
char *t_read_file(const char *path, size_t *len);
/* Writes len bytes (t_write_text: a string) to the fresh temporary file
 * t_tmp(name); exits when it cannot. Caller frees the path. */
char *t_write_tmp(const char *name, const void *data, size_t len);
char *t_write_text(const char *name, const char *text);

/* Raw SQL on a database file, behind the program's back: t_sql_exec CHECKs
 * that it ran; t_sql_int gives the first column of the first row (-1 if
 * none), t_db_int the same on an open Db; t_sql_text gives it as text
 * ("" if none; caller frees). */
void t_sql_exec(const char *path, const char *sql);
int t_sql_int(const char *path, const char *sql);
int t_db_int(Db *db, const char *sql);
char *t_sql_text(const char *path, const char *sql);

/* Imports the flat CSV into the database at path (created when missing),
 * CHECKing each step; returns the open Db and, where asked, the loaded plan
 * (NULL on failure), its id and the import counts. */
Db *t_import_db(const char *path, const char *csv, Plan **p, int64_t *id, ImportStats *st);
/* The same, closing the database again: just the plan. */
Plan *t_import(const char *path, const char *csv, ImportStats *st);
/* t_import_db, then sql run on the closed file behind the program's back
 * (a trigger that makes the next action fail, say), then the file opened
 * again: the Db returned sees what sql did. */
Db *t_import_then_sql(const char *path, const char *csv, Plan **p, const char *sql);
/* t_import into a fresh temporary database t_tmp(name). */
Plan *t_import_tmp(const char *name, const char *csv);
/* Live, visible nodes of a kind (not deleted, not implicit). */
int t_count_live(const Plan *p, NodeKind k);
/* The first of them in node order, or -1. */
int t_first_of(const Plan *p, NodeKind k);

/* A fixture imported into t_tmp(name), kept open: for tests that edit. */
typedef struct {
    char *path;
    Db *db;
    Plan *p;
    int64_t id;
} TFx;

void t_fx_open(TFx *f, const char *csv, const char *name);
/* Closes and reopens the file; returns the plan read back from it (the
 * caller's to free; f->p stays as it was). */
Plan *t_fx_reopen(TFx *f);
void t_fx_close(TFx *f);

#define TEST(name) static void name(void)
#define RUN(name) do { t_current = #name; name(); } while (0)

#define CHECK(expr) t_report((expr), __FILE__, __LINE__, #expr, NULL)
#define CHECK_INT(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
    char _d[128]; snprintf(_d, sizeof _d, "%lld != %lld", _a, _b); \
    t_report(_a == _b, __FILE__, __LINE__, #a " == " #b, _d); } while (0)
#define CHECK_DBL(a, b, eps) do { double _a = (a), _b = (b); \
    char _d[128]; snprintf(_d, sizeof _d, "%.10g != %.10g", _a, _b); \
    t_report(fabs(_a - _b) <= (eps), __FILE__, __LINE__, #a " ≈ " #b, _d); } while (0)
#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
    char _d[600]; snprintf(_d, sizeof _d, "«%.280s» != «%.280s»", _a ? _a : "(null)", _b ? _b : "(null)"); \
    t_report(_a && _b && strcmp(_a, _b) == 0, __FILE__, __LINE__, #a " == " #b, _d); } while (0)
#define CHECK_CONTAINS(hay, needle) do { const char *_h = (hay), *_n = (needle); \
    char _d[700]; snprintf(_d, sizeof _d, "«%.400s» does not contain «%.200s»", _h ? _h : "(null)", _n); \
    t_report(_h && strstr(_h, _n) != NULL, __FILE__, __LINE__, #hay " ∋ " #needle, _d); } while (0)

#endif
