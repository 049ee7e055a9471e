/* base_sqlite.c — the bare SQLite limits: the same rows poa wrote inserted
 * with prepared statements in one transaction, every row read, one edit. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rendimiento.h"

typedef struct {
    char *insert;           /* INSERT INTO t (c1, …) VALUES (?, …) */
    int ncols;
    long nfilas;
    sqlite3_value **v;      /* nfilas × ncols */
} Tabla;

struct BaseSqlite {
    char **esquema;         /* CREATE statements, in the order the file made them */
    int nesquema;
    Tabla *tablas;
    int ntablas;
};

/* poa's bookkeeping, not the plan's rows: the change log and the row images
 * of undo. The limit is the plan's data; what the log costs shows as ratio. */
static bool es_dato(const char *tabla)
{
    return strcmp(tabla, "cambio") != 0 && strcmp(tabla, "imagen") != 0 &&
           strncmp(tabla, "sqlite_", 7) != 0;
}

static sqlite3 *abrir(const char *db, int flags)
{
    sqlite3 *h;
    if (sqlite3_open_v2(db, &h, flags, NULL) != SQLITE_OK)
        morir("%s: %s", db, sqlite3_errmsg(h));
    return h;
}

static sqlite3_stmt *preparar(sqlite3 *h, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
        morir("%s: %s", sql, sqlite3_errmsg(h));
    return st;
}

static void ejecutar(sqlite3 *h, const char *sql)
{
    char *e = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &e) != SQLITE_OK)
        morir("%s: %s", sql, e ? e : "?");
}

BaseSqlite *base_sqlite_new(const char *db)
{
    BaseSqlite *b = calloc(1, sizeof *b);
    sqlite3 *h = abrir(db, SQLITE_OPEN_READONLY);
    sqlite3_stmt *st = preparar(h, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                   "ORDER BY rowid");
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *tipo = (const char *)sqlite3_column_text(st, 0);
        const char *nombre = (const char *)sqlite3_column_text(st, 1);
        if (strncmp(nombre, "sqlite_", 7) == 0)
            continue;
        b->esquema = realloc(b->esquema, sizeof *b->esquema * (size_t)(b->nesquema + 1));
        b->esquema[b->nesquema++] = strdup((const char *)sqlite3_column_text(st, 2));
        if (strcmp(tipo, "table") != 0 || !es_dato(nombre))
            continue;
        b->tablas = realloc(b->tablas, sizeof *b->tablas * (size_t)(b->ntablas + 1));
        Tabla *t = &b->tablas[b->ntablas++];
        *t = (Tabla){0};
        char *sel = fmt_nuevo("SELECT * FROM \"%s\"", nombre);
        sqlite3_stmt *sf = preparar(h, sel);
        free(sel);
        t->ncols = sqlite3_column_count(sf);
        size_t n = 64 + strlen(nombre);
        for (int c = 0; c < t->ncols; c++)
            n += strlen(sqlite3_column_name(sf, c)) + 8;
        t->insert = malloc(n);
        int k = snprintf(t->insert, n, "INSERT INTO \"%s\" (", nombre);
        for (int c = 0; c < t->ncols; c++)
            k += snprintf(t->insert + k, n - (size_t)k, "%s\"%s\"", c ? ", " : "",
                          sqlite3_column_name(sf, c));
        k += snprintf(t->insert + k, n - (size_t)k, ") VALUES (");
        for (int c = 0; c < t->ncols; c++)
            k += snprintf(t->insert + k, n - (size_t)k, "%s?", c ? ", " : "");
        snprintf(t->insert + k, n - (size_t)k, ")");
        long cap = 0;
        while (sqlite3_step(sf) == SQLITE_ROW) {
            if (t->nfilas == cap) {
                cap = cap ? 2 * cap : 256;
                t->v = realloc(t->v, sizeof *t->v * (size_t)(cap * t->ncols));
                if (!t->v)
                    morir("sin memoria");
            }
            for (int c = 0; c < t->ncols; c++) {
                t->v[t->nfilas * t->ncols + c] = sqlite3_value_dup(sqlite3_column_value(sf, c));
            }
            t->nfilas++;
        }
        sqlite3_finalize(sf);
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    return b;
}

void base_sqlite_free(BaseSqlite *b)
{
    if (!b)
        return;
    for (int i = 0; i < b->nesquema; i++)
        free(b->esquema[i]);
    for (int i = 0; i < b->ntablas; i++) {
        Tabla *t = &b->tablas[i];
        for (long k = 0; k < t->nfilas * t->ncols; k++)
            sqlite3_value_free(t->v[k]);
        free(t->v);
        free(t->insert);
    }
    free(b->esquema);
    free(b->tablas);
    free(b);
}


double base_sqlite_insert(const BaseSqlite *b, const char *dst)
{
    unlink(dst);
    double t0 = ahora();
    sqlite3 *h = abrir(dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    /* the pragmas poa sets on a file its import creates (db.c, db_set_bulk) */
    ejecutar(h, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA journal_mode=DELETE;"
                "PRAGMA synchronous=OFF; BEGIN");
    for (int i = 0; i < b->nesquema; i++)
        ejecutar(h, b->esquema[i]);
    for (int i = 0; i < b->ntablas; i++) {
        const Tabla *t = &b->tablas[i];
        sqlite3_stmt *st = preparar(h, t->insert);
        for (long f = 0; f < t->nfilas; f++) {
            for (int c = 0; c < t->ncols; c++)
                sqlite3_bind_value(st, c + 1, t->v[f * t->ncols + c]);
            if (sqlite3_step(st) != SQLITE_DONE)
                morir("%s: %s", t->insert, sqlite3_errmsg(h));
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
    }
    ejecutar(h, "COMMIT");
    sqlite3_close(h);
    return ahora() - t0;
}

double base_sqlite_leer(const char *db, double *texto)
{
    double t0 = ahora();
    sqlite3 *h = abrir(db, SQLITE_OPEN_READONLY);
    sqlite3_stmt *st = preparar(h, "SELECT name FROM sqlite_master WHERE type = 'table'");
    double bytes = 0;   /* every column's type is asked, every text's length */
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *nombre = (const char *)sqlite3_column_text(st, 0);
        if (!es_dato(nombre))
            continue;
        char *sel = fmt_nuevo("SELECT * FROM \"%s\"", nombre);
        sqlite3_stmt *sf = preparar(h, sel);
        free(sel);
        int nc = sqlite3_column_count(sf);
        while (sqlite3_step(sf) == SQLITE_ROW)
            for (int c = 0; c < nc; c++)
                if (sqlite3_column_type(sf, c) == SQLITE_TEXT)
                    bytes += sqlite3_column_bytes(sf, c);
        sqlite3_finalize(sf);
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    double t = ahora() - t0;
    if (texto)
        *texto = bytes;
    return t;
}

double base_sqlite_editar(const char *db, int vuelta)
{
    double t0 = ahora();
    sqlite3 *h = abrir(db, SQLITE_OPEN_READWRITE);
    /* the pragmas of an editing session on an existing plan (db.c) */
    ejecutar(h, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA journal_mode=DELETE;"
                "PRAGMA synchronous=FULL; BEGIN IMMEDIATE");
    sqlite3_stmt *st = preparar(h, "UPDATE seguimiento SET real = ? WHERE (actividad_id, corte) = "
                                   "(SELECT actividad_id, corte FROM seguimiento LIMIT 1)");
    sqlite3_bind_double(st, 1, 1 + vuelta % 7);
    if (sqlite3_step(st) != SQLITE_DONE)
        morir("UPDATE seguimiento: %s", sqlite3_errmsg(h));
    sqlite3_finalize(st);
    ejecutar(h, "COMMIT");
    sqlite3_close(h);
    return ahora() - t0;
}
