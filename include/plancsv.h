/* plancsv.h — the flat plan CSV ("plantilla plana", tests/fixtures/FORMAT.md)
 * to and from the model: read and validate a file into a Plan, import it
 * into the database in one transaction, export a plan back to the format. */
#ifndef POA_PLANCSV_H
#define POA_PLANCSV_H

#include <stdbool.h>

#include "calc.h"
#include "db.h"
#include "model.h"
#include "plano.h"
#include "plano_build.h"
#include "store.h"

/* Warnings, "plantilla.csv:1:40: columna desconocida «x»: se ignora". */
typedef PlanoAvisos CsvAvisos;
#define csv_avisos_free plano_avisos_free

/* Reads and validates the whole file into a new Plan (ids 0). Any error:
 * NULL and err = the first one, "archivo:línea:columna: columna «mar»: …"
 * (importar_leer lists them all). */
Plan *plancsv_read(const char *path, CsvAvisos *avisos, PoaErr *err);

/* Merges a plan read by plancsv_read into db in one transaction (logged as
 * one action naming source); the file is unchanged on any error. */
bool plancsv_import_plan(Db *db, Plan *in, const char *source, ImportStats *stats,
                         PoaErr *err);
/* Reads, then merges into db in one transaction; the file is unchanged on
 * any error. *plan_id gets the plan imported. */
bool plancsv_import(Db *db, const char *path, ImportStats *stats, int64_t *plan_id,
                    CsvAvisos *avisos, PoaErr *err);

typedef struct {
    int corte;           /* 0 = the latest corte with seguimiento data (none: empty) */
    bool calculadas;     /* add programado acumulado, % ejecución, semáforo, estado */
    Umbrales umbrales;
    const char *unidad;  /* only this unit (NULL = all) */
} CsvExportOpts;

/* Writes the plan as flat CSV to path (temporary file, renamed when done). */
bool plancsv_export(Plan *p, const char *path, const CsvExportOpts *opts, int *rows,
                    PoaErr *err);


/* presupuesto_nota_split / _join: plano_build.h (the builder splits). */

#endif
