/* cmd_unidades.h — the plan's units as the analyst manages them: add,
 * rename, misión and nota, delete when empty, reorder. One transaction and
 * one change-log row (CAMBIO_PLAN) each; the model follows on success. */
#ifndef POA_CMD_UNIDADES_H
#define POA_CMD_UNIDADES_H

#include <stdbool.h>

#include "db.h"
#include "model.h"

/* What a unit holds (shown levels only), for the list and a refused delete. */
typedef struct {
    int metas, actividades;
} CmdUnidadCuenta;
void cmd_unidad_contar(const Plan *p, int u, CmdUnidadCuenta *c);

/* A new unit at the end; *out its index. A name already there is refused. */
bool cmd_unidad_add(Db *db, Plan *p, const char *nombre, int *out, PoaErr *err);

typedef enum { UNIDAD_NOMBRE = 0, UNIDAD_MISION, UNIDAD_NOTA } CmdUnidadCampo;
const char *cmd_unidad_campo_nombre(CmdUnidadCampo c);   /* "Nombre", "Misión", "Nota" */
/* The field's value (the model's string). */
const char *cmd_unidad_valor(const Plan *p, int u, CmdUnidadCampo c);
bool cmd_unidad_set(Db *db, Plan *p, int u, CmdUnidadCampo c, const char *valor, PoaErr *err);

/* Deletes an empty unit (no metas, in the model and in the file); one that
 * holds any is refused naming what. The model's unit indices change: the
 * caller reads the plan again (store_load). */
bool cmd_unidad_delete(Db *db, Plan *p, int u, PoaErr *err);
/* Moves unit u one place up (-1) or down (+1) in the file's order; the
 * caller reads the plan again. */
bool cmd_unidad_move(Db *db, Plan *p, int u, int delta, PoaErr *err);

#endif
