/* store.h — moving plans between the database and the model: list and load
 * plans, merge an imported plan by natural keys, and save one edited node,
 * activity, seguimiento or corte. Callers own the transaction (cmd.c and
 * the importer open one per user action); these functions never commit. */
#ifndef POA_STORE_H
#define POA_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "model.h"

typedef struct {
    int64_t id;
    char *institucion;
    int anio;
    int nactividades;
} PlanInfo;

bool store_list_plans(Db *db, PlanInfo **out, int *n, PoaErr *err);
void store_plan_infos_free(PlanInfo *p, int n);
/* Chooses a plan: institucion NULL/"" = the only one in the file; anio 0 =
 * the latest year. Fails with a message listing what the file holds. */
bool store_find_plan(Db *db, const char *institucion, int anio, int64_t *plan_id,
                     PoaErr *err);
/* As store_find_plan, but the preferred institution and year (from
 * config.ini) are only used when the file has such a plan; the required
 * ones (from the command line) must exist. */
bool store_pick_plan(Db *db, const char *inst_req, int anio_req, const char *inst_pref,
                     int anio_pref, int64_t *plan_id, PoaErr *err);
Plan *store_load(Db *db, int64_t plan_id, PoaErr *err);
/* store_load counting the actividades read into *leidas (another thread
 * shows the progress; NULL: none). */
Plan *store_load_progreso(Db *db, int64_t plan_id, _Atomic int *leidas, PoaErr *err);
/* The first page of the plan (issue 14): every level above the actividades,
 * then the actividades in tree order until max are read, their branches
 * whole; every node after them is cut (deleted) and the nodes on the path
 * to the cut are marked pendiente: their totals are not whole. *completo:
 * nothing was cut (the plan is the whole plan). */
/* Actividades in the file (every plan): whether a plan is large. -1 on error. */
int store_count_actividades(Db *db);
Plan *store_load_primeros(Db *db, int64_t plan_id, int max, bool *completo, PoaErr *err);

typedef struct {
    /* created; only real levels (not the implicit eje or entregable of a
     * plan without them, nor a meta without text) */
    int unidades, ejes, objetivos, metas, entregables, actividades;
    int actividades_actualizadas;   /* matched an existing activity and changed it */
    int actividades_sin_cambios;    /* matched, and the file holds the same values */
    int seguimientos;               /* seguimiento rows written */
} ImportStats;

/* What a merge did to each incoming node (arrays of in->nnodes). */
typedef struct {
    bool *creado;     /* the merge inserted the node */
    char **cambios;   /* an updated activity's changed fields ("texto, mar, corte3.real") */
    bool *unidad_creada;   /* per incoming unit */
} MergeDetalle;
void store_merge_detalle_free(MergeDetalle *d, int nnodes);   /* accepts NULL */

/* Merges incoming (built by the importer; ids 0) into the file
 * (store_merge.c): the plan, units, ejes, objetivos, metas and entregables
 * are matched by their natural keys and created when missing; activities by
 * the key of docs/formato-csv.md (code and text, then code alone, then text
 * alone, when unique). Matched activities get the incoming values; each
 * field that changes is logged under accion (0 = no log). Sets the ids in
 * incoming; det (optional) says what happened to each node. Within the
 * caller's transaction. */
bool store_merge_plan(Db *db, Plan *incoming, int64_t accion, ImportStats *stats,
                      MergeDetalle *det, PoaErr *err);

/* Gives every change-log row of accion the same descripcion (an import
 * knows its counts only after the merge has logged its fields). */
bool store_log_describe(Db *db, int64_t accion, const char *descripcion, PoaErr *err);

/* Saving edits (inside the caller's transaction). */
bool store_insert_node(Db *db, Plan *p, int node, PoaErr *err);     /* sets node id */
bool store_delete_node(Db *db, Plan *p, int node, PoaErr *err);     /* cascades */

/* Compare-and-set saves (store_cas.c). Another program may have written the
 * file since the plan was loaded (the lock of cerrojo.h can be bypassed:
 * another machine, an older poa). `antes` is the caller's copy from before
 * the edit (what the screen showed); only the fields where the model now
 * differs from it are written, each only where the file still holds the
 * value of antes. When it does not, the save fails with STORE_CONFLICTO in
 * err; the caller rolls back and calls store_reload_node. */
#define STORE_CONFLICTO "otro programa cambió esta fila; se recargó"
bool store_es_conflicto(const PoaErr *e);
/* Texts of a node (and the unit of a meta operativa). */
bool store_save_node(Db *db, Plan *p, int node, const Node *antes, PoaErr *err);
/* Texts, fields, months and quarterly targets of an actividad. */
bool store_save_actividad(Db *db, Plan *p, int node, const Node *antes_n,
                          const Actividad *antes, PoaErr *err);
/* real, observaciones, evidencia and pct_publicado of the actividad at corte. */
bool store_save_seguimiento(Db *db, Plan *p, int node, int corte, const Seguimiento *antes,
                            PoaErr *err);
/* Re-reads node's row (an actividad with its months, targets and
 * seguimiento) from the file into the model: a few queries by id, whatever
 * the plan's size. Fails, saying so, when the row is gone. */
bool store_reload_node(Db *db, Plan *p, int node, PoaErr *err);
/* The file's children of parent are antes (n node indices), in that order:
 * nobody added, removed or moved any meanwhile (before a move). */
bool store_check_children(Db *db, Plan *p, int parent, const int *antes, int n, PoaErr *err);
/* node and everything under it are in the file as the model shows them
 * (before a delete: nothing another program changed is deleted unseen). */
bool store_check_subtree(Db *db, Plan *p, int node, PoaErr *err);
/* The message for a UNIQUE key refusing node's texts. */
void store_duplicate_msg(const Plan *p, int node, PoaErr *err);
/* Writes parent and orden of every child of parent (after moves/inserts). */
bool store_save_children(Db *db, Plan *p, int parent, PoaErr *err);
bool store_save_unidad(Db *db, Plan *p, int unidad, PoaErr *err);
bool store_save_corte(Db *db, Plan *p, int corte, PoaErr *err);
/* Re-reads the state of corte (1..4) into p->cortes: inside a transaction
 * it tells whether another process closed the corte meanwhile. */
bool store_load_corte(Db *db, Plan *p, int corte, PoaErr *err);
/* What kind of operation a change-log row records (column cambio.tipo,
 * store_log.c). Undo decides what it can revert from the kind, never from
 * the descripcion, which is interface text. */
typedef enum {
    CAMBIO_CAMPO = 0,     /* one field of a row (texts, numbers, code) */
    CAMBIO_MESES,         /* cells of a cronograma ("ene", "ene-mar", "cronograma") */
    CAMBIO_MOVER,         /* a node's place: orden, padre, padre_id */
    CAMBIO_UNIDAD,        /* the unit of a meta operativa (and its subtree) */
    CAMBIO_ALTA,          /* a node added */
    CAMBIO_BAJA,          /* a node deleted */
    CAMBIO_IMPORTAR,      /* every row an import wrote */
    CAMBIO_UNIFICAR,      /* every row of merging two duplicates */
    CAMBIO_CORTE,         /* a corte closed or reopened */
    CAMBIO_SEGUIMIENTO,   /* real, observaciones or evidencia at a corte */
    CAMBIO_DESHACER,      /* the rows an undo wrote */
    CAMBIO_LOTE,          /* a bulk action recorded as row images (schema v4) */
    CAMBIO_REHACER,       /* the rows a redo wrote */
    CAMBIO_PLAN,          /* a plan created or copied to a new year, its institution or year */
    CAMBIO_CAPTURA,       /* a capture workbook sent to or returned from a unit */
    CAMBIO_N
} CambioTipo;
/* The name stored in cambio.tipo ("campo", "meses", …). */
const char *store_cambio_tipo_nombre(CambioTipo t);
/* One row of the change log. */
bool store_log(Db *db, int64_t accion, int64_t plan_id, CambioTipo tipo, const char *tabla,
               int64_t fila, const char *campo, const char *antes, const char *despues,
               const char *descripcion, PoaErr *err);

/* Reading the change log (undo and `poa historial`). An undo logs its rows
 * as CAMBIO_DESHACER with a descripcion starting with STORE_DESHACER
 * ("Deshacer: …", for the reader); the rows of the action it reverted get
 * deshecho = 1. */
#define STORE_DESHACER "Deshacer: "
typedef struct {
    int64_t id, accion, plan_id, fila;
    CambioTipo tipo;
    char *momento, *usuario, *tabla, *campo, *descripcion;
    char *antes, *despues;      /* NULL when the log has NULL */
    bool deshecho;
} CambioFila;
void store_cambios_free(CambioFila *c, int n);   /* accepts NULL */
/* The rows (oldest first) of the newest action of plan_id that is neither
 * undone nor itself an undo; *n = 0 when there is none. */
bool store_load_ultima_accion(Db *db, int64_t plan_id, CambioFila **out, int *n,
                              PoaErr *err);
/* Marks the rows of accion as undone (inside the caller's transaction). */
bool store_mark_deshecho(Db *db, int64_t accion, PoaErr *err);
/* The newest rows of the log, newest first: limite 0 = all; plan_id 0 =
 * every plan of the file. */
bool store_list_cambios(Db *db, int64_t plan_id, int limite, CambioFila **out, int *n,
                        PoaErr *err);

/* The action to undo next: the newest of plan_id that is neither undone
 * nor an undo or a redo, passing over the nsaltar actions in saltar (the
 * ones an undo refused this session); *accion = 0 when none. */
bool store_accion_a_deshacer(Db *db, int64_t plan_id, const int64_t *saltar, int nsaltar,
                             int64_t *accion, PoaErr *err);
/* The action to redo next: the newest undo (*deshacer) whose action
 * (*accion) is still undone, when no new action came after it (a new edit
 * clears the redo chain); both 0 when none. */
bool store_accion_a_rehacer(Db *db, int64_t plan_id, int64_t *accion, int64_t *deshacer,
                            PoaErr *err);
/* The rows of one action, oldest first. */
bool store_load_accion(Db *db, int64_t accion, CambioFila **out, int *n, PoaErr *err);
/* deshecho = v on every row of accion (a redo sets it back to 0). */
bool store_set_deshecho(Db *db, int64_t accion, bool v, PoaErr *err);
/* cambio.ref = ref on every row of accion (an undo or redo names the
 * action it concerns). */
bool store_log_ref(Db *db, int64_t accion, int64_t ref, PoaErr *err);
#define STORE_REHACER "Rehacer: "

/* ---- bulk actions recorded as row images (store_lote.c) ----
 * Any writer makes its action undoable and redoable as a whole this way:
 * inside its own transaction, store_lote_begin writes the action's summary
 * row (tipo 'lote', descripcion as the undo message names it) and starts
 * recording: every row of a plan table the connection inserts, updates or
 * deletes from then on (foreign-key cascades included) is kept in table
 * imagen before and after. The writer uses the returned action id for its
 * own cambio rows (they stay for `poa historial`), then calls
 * store_lote_end, which stops recording. Undo puts the before-images back
 * after checking every row still equals its after-image; redo the other
 * way. plan_id 0 = not known yet: store_lote_end takes the plan of the
 * action's other rows (an import into a new plan). Returns 0 on error. */
int64_t store_lote_begin(Db *db, int64_t plan_id, const char *descripcion, PoaErr *err);
bool store_lote_end(Db *db, int64_t accion, PoaErr *err);
/* For an action that creates the plan it runs on (an import into a new
 * plan): its undo is refused anyway (the open plan would be gone), so it
 * stops recording right away — an import of 80,000 activities would
 * otherwise write every row twice more — and its undo says why. */
bool store_lote_crea_plan(Db *db, int64_t accion, PoaErr *err);
/* The file holds the plan of institucion and anio. */
bool store_plan_existe(Db *db, const char *institucion, int anio);
/* The action was recorded with images (*es). */
bool store_lote_es(Db *db, int64_t accion, bool *es, PoaErr *err);

/* Gives node and everything under it unit unidad in the model only (the
 * file keeps a unit on the meta alone): the saves and undo of a meta's unit. */
void store_set_unidad_subtree(Plan *p, int node, int unidad);

/* The table a node kind lives in ("eje", "objetivo", …). */
const char *store_table(NodeKind k);

/* Inserts unit unidad of p (a new one, id 0) as the plan's last; sets its
 * id (store_rama.c, inside the caller's transaction). */
bool store_insert_unidad(Db *db, Plan *p, int unidad, PoaErr *err);

#endif
