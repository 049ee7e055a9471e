/* sesion.h — opening a plan for a session, shared by the command line and
 * the interface: the one-writer lock (cerrojo.h), the file, the choice of
 * plan and its load. No printing: what the caller should tell comes back. */
#ifndef POA_SESION_H
#define POA_SESION_H

#include <stdbool.h>

#include "cerrojo.h"
#include "config.h"
#include "db.h"
#include "model.h"
#include "util.h"

/* How the open failed: the CLI's exit code follows from it. */
typedef enum {
    SESION_OK = 0,
    SESION_CERROJO,     /* another program writes the file */
    SESION_ARCHIVO,     /* the file could not be opened (missing, damaged, not ours) */
    SESION_ELEGIR,      /* no such plan in the file, or several to choose from */
    SESION_CARGA,       /* the plan could not be read */
} SesionFallo;

typedef struct {
    const char *path;
    DbMode modo;                /* DB_READONLY takes no lock */
    const char *programa;       /* "orden" or "interfaz": who the lock file names */
    /* interfaz: another interface holding the lock opens this session read-only
     * (Sesion.solo_lectura says why); a command holding it is waited for, up to
     * 30 s, calling esperando once with the notice */
    bool ceder;
    void (*esperando)(const char *aviso, void *ctx);
    void *ctx;
    const char *institucion;    /* --institucion, --anio: must exist when given */
    int anio;
    const Config *cfg;          /* carpeta_respaldos, conservar_respaldos; preferred plan */
    bool sin_plan;              /* only the file: no plan chosen nor loaded */
    /* > 0: a large file opens in two steps (issue 14): no quick_check here
     * and only the plan's first page of this many actividades
     * (store_load_primeros); the caller reads the rest and checks the file
     * (carga.h) before writing anything */
    int primera_pagina;
    int desde;                  /* ... when the file holds at least this many actividades;
                                   below, the check and the whole plan, as without it */
} SesionPedido;

typedef struct {
    Db *db;                     /* the caller owns db and plan (sesion_close) */
    Plan *plan;
    /* "solo lectura — abierto por ana en pc-01 desde 14:05" when the session
     * yielded to another interface; "" otherwise */
    char solo_lectura[300];
    /* what the open noticed, for the status line or stderr; NULL when
     * nothing: a recovered journal or a damaged file (db_aviso), and a
     * migration to the new format with the path of its backup */
    char *aviso;
    char *migracion;
    bool pagina;                /* plan is a first page (primera_pagina) */
    bool completo;              /* ... that holds the whole plan */
} Sesion;

/* Opens q->path: lock, file, plan. true with *s filled; false with *fallo
 * and err, nothing left open, but the notices of an open that got that far
 * kept in *s. Call sesion_close either way. */
bool sesion_open(const SesionPedido *q, Sesion *s, SesionFallo *fallo, PoaErr *err);
/* Frees what *s still holds (plan, db, notices); a NULL db or plan is skipped.
 * Accepts NULL. The process-wide lock stays until cerrojo_proceso_soltar() or exit. */
void sesion_close(Sesion *s);

#endif
