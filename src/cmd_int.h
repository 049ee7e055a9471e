/* cmd_int.h — what cmd.c shares with cmd_codigos.c and cmd_cronograma.c:
 * the transaction of one user action, its change-log rows, and the reload
 * of a row another program changed. Not for callers outside cmd*.c. */
#ifndef POA_CMD_INT_H
#define POA_CMD_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model.h"
#include "store.h"

bool cmd_tx_begin(Db *db, int64_t *accion, PoaErr *err);
/* Commits when ok; otherwise (or when the commit fails) rolls back. */
bool cmd_tx_end(Db *db, bool ok, PoaErr *err);
/* cmd_tx_begin/end for an action recorded as row images (undo and redo
 * restore every row it touched): plan and unit edits, year copies. */
bool cmd_lote_tx_begin(Db *db, int64_t plan_id, const char *desc, int64_t *accion,
                       PoaErr *err);
bool cmd_lote_tx_end(Db *db, int64_t accion, bool ok, PoaErr *err);
/* "actividad «1.1 Alianza…»"; caller frees. */
char *cmd_node_desc(const Plan *p, int node);
bool cmd_log_node(Db *db, int64_t accion, Plan *p, int node, CambioTipo tipo,
                  const char *campo, const char *antes, const char *despues, const char *verbo,
                  PoaErr *err);
/* After a refused save (store_cas.c): the file's values into the model. */
void cmd_recargar(Db *db, Plan *p, int node, PoaErr *err);

/* The implicit child of kind k under parent, created (model and file) when
 * missing (*created set); -1 with err on failure. */
int cmd_implicit_child(Db *db, Plan *p, int parent, NodeKind k, bool *created, PoaErr *err);

#endif
