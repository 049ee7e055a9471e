/* store_plan.h — the rows of a plan itself (institution, year) and of its
 * units: find, create, rename, delete. Within the caller's transaction, as
 * every store_* function; cmd_plan.c and cmd_unidades.c wrap them. */
#ifndef POA_STORE_PLAN_H
#define POA_STORE_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model.h"

/* The plan of institucion and anio: *plan_id, or 0 when the file has none. */
bool store_plan_find(Db *db, const char *institucion, int anio, int64_t *plan_id, PoaErr *err);
/* A new empty plan (the institution row made when missing). The caller
 * checked that no plan of that institution and year exists. */
bool store_plan_create(Db *db, const char *institucion, int anio, int64_t *plan_id,
                       PoaErr *err);
/* The plan's institution and year: the plan moves to the institution of
 * that name (made when missing); an institution left without plans goes. */
bool store_plan_update(Db *db, int64_t plan_id, const char *institucion, int anio, PoaErr *err);
/* Deletes a plan and everything in it (cascades); its institution goes too
 * when no other plan has it. */
bool store_plan_delete(Db *db, int64_t plan_id, PoaErr *err);

/* Inserts unit u of p (its id set) at the end of the plan's units. */
bool store_unidad_insert(Db *db, Plan *p, int u, PoaErr *err);
bool store_unidad_delete(Db *db, int64_t unidad_id, PoaErr *err);
/* Writes orden of every unit as its index in p->unidades. */
bool store_unidades_save_orden(Db *db, const Plan *p, PoaErr *err);
/* Metas of the unit in the file (a delete refuses a unit that has any). */
bool store_unidad_count_metas(Db *db, int64_t unidad_id, int *metas, PoaErr *err);

#endif
