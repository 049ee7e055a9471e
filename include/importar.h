/* importar.h — one import for every source: each file opened with
 * libro_abrir, each sheet offered to every layout, the recognised ones read
 * into one plan per file, then all merged in one transaction (or simulated:
 * the same merge, rolled back). Used by `poa importar` and the interface. */
#ifndef POA_IMPORTAR_H
#define POA_IMPORTAR_H

#include <stdbool.h>

#include "db.h"
#include "model.h"
#include "plano.h"
#include "store.h"
#include "util.h"

typedef struct {
    char *nombre;          /* the sheet's name (a CSV: the file's base name) */
    const char *formato;   /* the layout that recognised it; NULL = none */
    int registros;         /* records read */
    /* after the merge: what this sheet created or updated */
    int unidades, objetivos, entregables, actividades, actualizadas;
} ImportHoja;

typedef struct {
    char *ruta;
    ImportHoja *hojas;
    int nhojas;
    Plan *plan;            /* NULL when the file had errors */
    int *hoja_de_nodo;     /* node -> index in hojas */
    MergeDetalle det;
    ImportStats stats;
} ImportArchivo;

typedef struct {
    ImportArchivo *archivos;
    int narchivos;
    PlanoAvisos avisos;    /* every warning, with its place */
    PlanoAvisos errores;   /* the first PLANO_MAX_ERRORES errors of all files */
    int nerrores;          /* all of them */
    ImportStats total;
    bool aplicado;         /* importar_aplicar ran (and committed unless simulating) */
} Importacion;

/* Reads every file (paths[0..n-1]). false when any file has an error: all
 * of them are in imp->errores, nothing was written anywhere. */
bool importar_leer(Importacion *imp, const char *const *paths, int n, const PlanoOpciones *op);
/* Merges the plans read into db in one transaction (one action in the
 * change log per file); simular = the same, rolled back, so the counts and
 * the changes are exactly what an import would do. The file is unchanged
 * on any error. */
bool importar_aplicar(Importacion *imp, Db *db, bool simular, PoaErr *err);
void importar_free(Importacion *imp);   /* accepts a zeroed one */

/* The errors as the user reads them: each line, then «… y N errores más». */
void importar_errores_texto(const Importacion *imp, StrBuf *out);
/* What was read and merged: per sheet the layout and its counts, the
 * totals, and (max_cambios > 0) the updated activities with the fields. */
void importar_resumen_texto(const Importacion *imp, int max_cambios, StrBuf *out);

/* The layouts, in the order they are tried (importar.c). */
extern const PlanoFormato *const IMPORTAR_FORMATOS[];
extern const int IMPORTAR_NFORMATOS;

#endif
