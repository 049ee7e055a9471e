/* util.h — allocation that fails loudly, growable strings and int vectors,
 * error messages for the user, number parsing/formatting, atomic file writes.
 * Everything here is plain C with no library beyond libc. */
#ifndef POA_UTIL_H
#define POA_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define POA_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* One message for the user, in Spanish, written by the lowest layer that
 * knows the cause. Callers pass a PoaErr down and show msg if a call fails. */
typedef struct {
    char msg[1024];
} PoaErr;

void err_set(PoaErr *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prepends "prefix: " to the message already in e. */
void err_prefix(PoaErr *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The reason for a system error, in Spanish ("no existe", "permiso
 * denegado", "disco lleno"…); strerror's text for the rare others. Only the
 * C locales exist on the machines we run on, so strerror speaks English. */
const char *err_sistema(int errnum);

/* Allocation: on failure these call the fatal hook (the UI restores the
 * terminal there), print a message and abort. They never return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);            /* NULL -> "" copy */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void util_set_fatal_hook(void (*hook)(void));
/* Replaces *dst (freed, unless it is str_vacio) with a copy of src. */
void str_replace(char **dst, const char *src);
/* The one shared empty text: the model's mostly empty fields (a
 * seguimiento's four texts at each of four cortes) point here instead of a
 * 32-byte allocation each (issue 14: 1.3 million of them at 100,000
 * actividades). Never freed: str_free and str_replace pass it over. */
extern char str_vacio[1];
void str_free(char *s);                  /* free() that accepts str_vacio and NULL */
/* *dst (str_free'd) = src: str_vacio when src is empty or NULL, else a copy. */
void str_set_compartido(char **dst, const char *src);
bool str_empty(const char *s);           /* NULL or "" */
/* Trims ASCII spaces/tabs/CR/LF at both ends, in place; returns s. */
char *str_trim(char *s);

typedef struct {
    char *s;      /* always NUL-terminated once anything was appended */
    size_t len, cap;
} StrBuf;

void sb_append(StrBuf *b, const char *s);
void sb_appendn(StrBuf *b, const char *s, size_t n);
void sb_appendf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_putc(StrBuf *b, char c);
void sb_clear(StrBuf *b);
const char *sb_str(const StrBuf *b);     /* "" when empty */
char *sb_take(StrBuf *b);                /* caller frees; b is reset */
void sb_free(StrBuf *b);

typedef struct {
    int *v;
    int n, cap;
} IntVec;

void iv_push(IntVec *iv, int x);
void iv_insert(IntVec *iv, int pos, int x);
void iv_remove_at(IntVec *iv, int pos);
int iv_find(const IntVec *iv, int x);    /* index or -1 */
void iv_free(IntVec *iv);

/* Owned lines — warnings and errors, each already naming its place — as
 * every reader of outside input reports them (config.ini, CSV, workbooks). */
typedef struct {
    char **lineas;
    int n;
} Lineas;
void lineas_add(Lineas *l, char *line);   /* takes line; with l NULL it is freed */
void lineas_free(Lineas *l);              /* accepts NULL; leaves it empty */

/* Numbers as the documents write them: optional sign, digits, optional "."
 * decimals (thousands separators "," are accepted only in the 1,234.5 form).
 * Returns false for anything else (no trailing junk, no empty string). */
bool num_parse(const char *s, double *out);
/* "75%", "75 %" or "7.5%" -> 0.75 with *is_pct = true; plain numbers as
 * num_parse with *is_pct = false. */
bool num_parse_pct(const char *s, double *out, bool *is_pct);
/* A published % as the documents write it: "31%", "31 %", "0.31", "31"
 * (a plain number above 1.5 is percent points): verificar and the reports. */
bool num_parse_publicado(const char *s, double *out);
/* Shortest text that reads back as v: 4, 0.2, 2037, 1500000.5 (never
 * exponent notation for |v| < 1e15). buf needs 40 bytes. */
const char *num_format(double v, char *buf, size_t n);
/* A fraction as a percentage with up to 2 decimals: 0.25 -> "25%". */
const char *num_format_pct(double v, char *buf, size_t n);
/* Money with two decimals and thousands separators: 1500000 -> "1,500,000.00". */
const char *num_format_money(double v, char *buf, size_t n);

/* Files we write go to "<path>.tmp-XXXXXX" and are renamed over path only
 * when complete (fsync of the file before, of the folder after); on any
 * failure the temporary file is removed. A write in progress holds an flock
 * on its temporary file; the next write to the same path removes the ones
 * left unlocked by a killed process (our pattern only). No write lands on a
 * plan: see file_target_check. */
typedef struct {
    char *path;
    char *tmp;
    FILE *f;
} AtomicFile;

bool atomic_open(AtomicFile *af, const char *path, PoaErr *err);
/* Flushes, fsyncs and renames; closes in all cases. */
bool atomic_commit(AtomicFile *af, PoaErr *err);
void atomic_abort(AtomicFile *af);
/* Just a temporary name next to path (for writers that open the file
 * themselves, like libxlsxwriter); caller frees. */
char *atomic_tmp_name(const char *path);
/* Checks path (file_target_check), fsyncs tmp, renames it over path and
 * fsyncs the directory; removes tmp on error. */
bool atomic_rename(const char *tmp, const char *path, PoaErr *err);

/* Copies a file byte by byte through atomic_open (used for backups). */
bool file_copy(const char *src, const char *dst, PoaErr *err);
bool file_exists(const char *path);

/* Remembers (by device and inode) a plan this process opened: no atomic
 * write may replace it, whatever name reaches it. */
void file_guard_add(const char *path);
/* Reads a SQLite file's application_id from its 100-byte header, without
 * SQLite (so a hot journal is neither touched nor an obstacle). False when
 * path is not a SQLite file. */
bool file_sqlite_appid(const char *path, uint32_t *appid);
/* False (err names the target) when writing path would destroy a plan: a
 * file this process opened as a plan, any SQLite file with our
 * application_id, or the -journal/-wal/-shm beside one. */
bool file_target_check(const char *path, PoaErr *err);

/* Current local time as "2024-09-30 14:05:00". buf needs 20 bytes. */
const char *now_text(char *buf, size_t n);
/* Login name for the change log ("desconocido" if none). */
const char *user_name(void);

/* The word for n things: num_plural(1, "actividad", "actividades") is
 * "actividad", any other n the plural (0 actividades, 2 actividades). */
const char *num_plural(long n, const char *uno, const char *varios);

#endif
