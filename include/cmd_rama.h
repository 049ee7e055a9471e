/* cmd_rama.h — reshaping the plan without curses: copy, cut and paste of an
 * actividad or a whole branch (with everything under it), duplicate in
 * place, and the bulk edits on a set of marked nodes (cmd_lote.c). Each is
 * ONE transaction and ONE change-log action; on failure the file and the
 * model are left as they were.
 *
 * A copy is a new plan item: every field, month and quarterly target, new
 * ids, no seguimiento. A cut pasted in the same plan is a move: the rows
 * keep their ids and their seguimiento (refused when a closed corte counts
 * them, corte_congelado.c). A cut pasted into another plan (another year)
 * copies, as a copy would, and leaves the original where it was. */
#ifndef POA_CMD_RAMA_H
#define POA_CMD_RAMA_H

#include <stdbool.h>
#include <stdint.h>

#include "cmd.h"
#include "db.h"
#include "model.h"
#include "util.h"

/* A node named by its level and row id: survives reloads and years. */
typedef struct {
    NodeKind kind;
    int64_t id;
} RamaRef;

/* The session's clipboard: what was copied or cut, and in which plan. */
typedef struct {
    int64_t plan_id;     /* 0 = empty */
    bool cortar;
    RamaRef *refs;
    int n;
} RamaPortapapeles;

/* Puts nodes (n indices of p) on the clipboard, replacing what it held;
 * a node under another one of the set is left out (it goes with it). */
void rama_portapapeles_set(RamaPortapapeles *c, const Plan *p, const int *nodes, int n,
                           bool cortar);
void rama_portapapeles_clear(RamaPortapapeles *c);   /* frees the contents */
/* The live node of p with that level and id, or -1. */
int rama_find(const Plan *p, NodeKind kind, int64_t id);
/* The clipboard's nodes found in p (n_out of them; those gone are left
 * out); caller frees. */
int *rama_portapapeles_nodos(const RamaPortapapeles *c, const Plan *p, int *n_out);

/* What a paste did. */
typedef struct {
    IntVec nodos;       /* the pasted nodes in the destination, in order */
    int actividades;    /* actividades pasted (with those under the nodes) */
    int codigos;        /* pasted nodes whose code was taken and was changed */
    bool movido;        /* a cut in the same plan: the nodes were moved */
} RamaResultado;
void rama_resultado_free(RamaResultado *r);   /* accepts NULL; frees the contents */

/* Where a node of kind k goes when pasted on ref (a shown node of dst, 0 =
 * the plan): after ref when ref is of that level (or after ref's ancestor
 * of that level), as ref's last child when ref is the level above (through
 * an implicit level when the plan leaves it out). *parent is the real
 * parent, *pos the place, *implicito the kind of an implicit level to
 * create under *parent first (NODE_RAIZ: none). false with err (Spanish,
 * naming the levels) when that level does not go there. */
bool cmd_rama_destino(const Plan *dst, int ref, NodeKind k, int *parent, int *pos,
                      NodeKind *implicito, PoaErr *err);

/* Pastes nodes of src (n indices; src may be dst) on ref of dst as above.
 * cortar with src == dst moves them (ids and seguimiento kept); otherwise
 * copies them by value. unidad >= 0 gives pasted metas operativas that unit
 * (the unit filter on screen); -1 keeps theirs (in another plan: the unit
 * of the same name, created there when missing). A code already used among
 * the new siblings is replaced by cmd_codigo_sugerido's; a copy whose texts
 * would repeat a sibling's unique key gets " (copia)". Refuses a paste
 * into the pasted node's own subtree. res may be NULL. */
bool cmd_rama_pegar(Db *db, Plan *dst, Plan *src, const int *nodes, int n, bool cortar,
                    int ref, int unidad, RamaResultado *res, PoaErr *err);
/* "actividad «1.1 Alianza…»", "meta operativa «Auditoría Interna: Texto…»"
 * (a meta by its unit, as the tree shows it); caller frees. */
char *cmd_rama_nombre(const Plan *p, int node);
/* A copy of node and its subtree right after it. */
bool cmd_rama_duplicar(Db *db, Plan *p, int node, RamaResultado *res, PoaErr *err);

/* ---- bulk edits on marked nodes (cmd_lote.c) ---- */

/* The actividades of nodes (each one, or those under a summary row), in
 * tree order, each once; caller frees. */
int *cmd_lote_actividades(const Plan *p, const int *nodes, int n, int *n_out);
/* Moves nodes (each to the end of new_parent, a shown node of the level
 * above theirs) in one action. */
bool cmd_lote_mover(Db *db, Plan *p, const int *nodes, int n, int new_parent, PoaErr *err);
/* Deletes nodes and what they contain in one action (*borrados: nodes
 * deleted, the top ones). */
bool cmd_lote_borrar(Db *db, Plan *p, const int *nodes, int n, int *borrados, PoaErr *err);
/* Sets months from..to (0..11) of every actividad of nodes to c; solo_vacios
 * touches only empty cells (filling with x). One action, one change-log row
 * per actividad that changes; *cambiadas gets their number. */
bool cmd_lote_meses(Db *db, Plan *p, const int *nodes, int n, int from, int to, MesCell c,
                    bool solo_vacios, int *cambiadas, PoaErr *err);
/* Sets text field campo (responsables, unidad líder, moneda…) of every
 * actividad of nodes to valor, in one action. */
bool cmd_lote_campo(Db *db, Plan *p, const int *nodes, int n, CmdCampo campo,
                    const char *valor, int *cambiadas, PoaErr *err);
/* Gives the metas operativas of nodes (a meta, the meta above a node, the
 * metas under one) unit unidad, in one action; *metas gets how many changed. */
bool cmd_lote_unidad(Db *db, Plan *p, const int *nodes, int n, int unidad, int *metas,
                     PoaErr *err);

#endif
