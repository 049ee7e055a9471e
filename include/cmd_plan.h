/* cmd_plan.h — the plan as a whole: start one from nothing (institution,
 * year, a first unit), change its institution or year, copy it to another
 * year. Each is one transaction with its change-log row (CAMBIO_PLAN). */
#ifndef POA_CMD_PLAN_H
#define POA_CMD_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model.h"
#include "store.h"

/* Why an operation was refused: the command line's exit code follows. */
typedef enum {
    CMD_PLAN_OK = 0,
    CMD_PLAN_DATOS,     /* bad input (an empty institution, a year out of range) */
    CMD_PLAN_EXISTE,    /* the file already has a plan of that institution and year */
    CMD_PLAN_FALLO,     /* the file could not be read or written */
} CmdPlanFallo;

#define CMD_PLAN_ANIO_MIN 1900
#define CMD_PLAN_ANIO_MAX 2200

/* A year typed by the analyst ("2025"): false with err naming the value. */
bool cmd_plan_parse_anio(const char *s, int *anio, PoaErr *err);

/* A new plan of institucion and anio in the open file, with a first unit
 * when unidad is not empty. *plan_id gets its id. */
bool cmd_plan_crear(Db *db, const char *institucion, int anio, const char *unidad,
                    int64_t *plan_id, CmdPlanFallo *fallo, PoaErr *err);

/* The open plan's institution and year become these (model and file). */
bool cmd_plan_datos(Db *db, Plan *p, const char *institucion, int anio, CmdPlanFallo *fallo,
                    PoaErr *err);

/* Copies the plan plan_id into a new plan of anio of the same institution:
 * units (with misión and nota), ejes, objetivos, metas, entregables,
 * actividades with their months, quarterly targets, fields, responsables
 * and presupuesto; no seguimiento, every corte open. An existing plan of
 * that year is refused unless reemplazar (then it is deleted first). A
 * backup of the file is made before (*respaldo gets its path; caller frees).
 * One transaction. cuenta gets what was created (real levels only). */
bool cmd_plan_nuevo_anio(Db *db, int64_t plan_id, int anio, bool reemplazar,
                         ImportStats *cuenta, int64_t *nuevo_id, char **respaldo,
                         CmdPlanFallo *fallo, PoaErr *err);

/* "5 unidades, 3 objetivos, 7 metas operativas, 21 actividades" (levels that
 * are 0 left out, except actividades). Caller frees. */
char *cmd_plan_cuenta_texto(const ImportStats *c);

#endif
