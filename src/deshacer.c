/* deshacer.c — undo of the last action from the change log: reads its rows,
 * turns each into a reversible operation (or refuses), and applies them in
 * one transaction through the same store_* saves as the edits. */
#include "deshacer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "corte_congelado.h"
#include "seguimiento.h"
#include "store.h"
#include "deshacer_int.h"

/* One value to put back. Every operation is a swap between the model and
 * the operation: applying it twice leaves the model as it was. That lets
 * the saves see the new values during the transaction (lend), get the old
 * ones back at once, and take the new ones for good after the commit. */
typedef enum {
    OP_TEXTO,       /* a text field of a node or actividad (cmd_set_campo, renumber) */
    OP_NUMERO,      /* a number field of an actividad */
    OP_MESES,       /* the 12 month cells */
    OP_SEG_REAL,    /* seguimiento real at a corte */
    OP_SEG_OBS,
    OP_SEG_EVID,
    OP_SEG_CAUSA,   /* the unit's cause and corrective measure at a corte */
    OP_MOVER,       /* parent and place (and the unit under a meta) */
    OP_UNIDAD,      /* the unit of a meta and its subtree */
    OP_ALTA,        /* an added node: removed after the commit */
} OpKind;

typedef struct {
    OpKind kind;
    int node;
    CmdCampo campo;         /* OP_TEXTO, OP_NUMERO */
    int corte;              /* OP_SEG_* */
    char *s;                /* OP_TEXTO, OP_SEG_OBS/EVID: the other string */
    Actividad num;          /* OP_NUMERO: the other number fields (scalars only) */
    MesCell mes[POA_MESES];
    Valor real;
    int parent, pos, unidad;  /* OP_MOVER (unidad too for OP_UNIDAD) */
} Op;

typedef struct {
    Op *v;
    int n, cap;
} Ops;

static Op *ops_add(Ops *o, OpKind k, int node)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 8;
        o->v = xrealloc(o->v, sizeof *o->v * (size_t)o->cap);
    }
    Op *op = &o->v[o->n++];
    memset(op, 0, sizeof *op);
    op->kind = k;
    op->node = node;
    return op;
}

static void ops_free(Ops *o)
{
    for (int i = 0; i < o->n; i++)
        str_free(o->v[i].s);   /* a swapped-out seguimiento text may be str_vacio */
    free(o->v);
}

void deshacer_info_free(DeshacerInfo *d)
{
    if (d)
        iv_free(&d->nodos);
}

/* ---- swaps ---- */

static void swap_str(char **a, char **b)
{
    char *t = *a;
    *a = *b;
    *b = t;
}

static void op_swap(Plan *p, Op *op)
{
    Actividad *a = plan_act(p, op->node);
    switch (op->kind) {
    case OP_TEXTO:
        swap_str(cmd_campo_texto(p, op->node, op->campo), &op->s);
        break;
    case OP_NUMERO:
        cmd_campo_swap(a, &op->num, op->campo);
        break;
    case OP_MESES: {
        MesCell t[POA_MESES];
        memcpy(t, a->mes, sizeof t);
        memcpy(a->mes, op->mes, sizeof t);
        memcpy(op->mes, t, sizeof t);
        break;
    }
    case OP_SEG_REAL: {
        Valor t = a->seg[op->corte - 1].real;
        a->seg[op->corte - 1].real = op->real;
        op->real = t;
        break;
    }
    case OP_SEG_OBS: swap_str(&a->seg[op->corte - 1].observaciones, &op->s); break;
    case OP_SEG_EVID: swap_str(&a->seg[op->corte - 1].evidencia, &op->s); break;
    case OP_SEG_CAUSA: swap_str(&a->seg[op->corte - 1].causa, &op->s); break;
    case OP_MOVER: {
        int parent = p->nodes[op->node].parent;
        int pos = iv_find(&p->nodes[parent].kids, op->node);
        int unidad = p->nodes[op->node].unidad;
        plan_move_node(p, op->node, op->parent, op->pos);
        if (unidad != op->unidad)
            store_set_unidad_subtree(p, op->node, op->unidad);
        op->parent = parent;
        op->pos = pos;
        op->unidad = unidad;
        break;
    }
    case OP_UNIDAD: {
        int unidad = p->nodes[op->node].unidad;
        store_set_unidad_subtree(p, op->node, op->unidad);
        op->unidad = unidad;
        break;
    }
    case OP_ALTA:
        break;
    }
}

/* Writes what the model holds for op (while its new value is lent), against
 * nb/ab: the node as the model had it before the lending (store_cas.c
 * checks the file still holds that, so an undo never writes over another
 * program's change). */
static bool op_save(Db *db, Plan *p, const Op *op, const Node *nb, const Actividad *ab,
                    PoaErr *err)
{
    switch (op->kind) {
    case OP_TEXTO:
    case OP_NUMERO:
    case OP_MESES:
        if (plan_act(p, op->node))
            return store_save_actividad(db, p, op->node, nb, ab, err);
        return store_save_node(db, p, op->node, nb, err);
    case OP_UNIDAD:
        return store_save_node(db, p, op->node, nb, err);
    case OP_SEG_REAL:
    case OP_SEG_OBS:
    case OP_SEG_EVID:
    case OP_SEG_CAUSA:
        return store_save_seguimiento(db, p, op->node, op->corte, &ab->seg[op->corte - 1], err);
    case OP_MOVER:   /* the parent it goes back to, and the one it leaves (in op) */
        return store_save_children(db, p, p->nodes[op->node].parent, err) &&
               store_save_children(db, p, op->parent, err);
    case OP_ALTA:
        return store_delete_node(db, p, op->node, err);
    }
    return false;
}

/* ---- reading the log into operations ---- */

static int find_node(const Plan *p, const char *tabla, int64_t id)
{
    NodeKind k = NODE_RAIZ;
    if (strcmp(tabla, "seguimiento") == 0)
        k = NODE_ACTIVIDAD;
    for (int i = NODE_EJE; i <= NODE_ACTIVIDAD && k == NODE_RAIZ; i++)
        if (strcmp(tabla, store_table((NodeKind)i)) == 0)
            k = (NodeKind)i;
    if (k == NODE_RAIZ)
        return -1;
    /* one pass over the nodes per row: an undo is one keystroke, and a
     * pass over 80,000 nodes is well under a millisecond */
    for (int i = 1; i < p->nnodes; i++)
        if (!p->nodes[i].deleted && p->nodes[i].kind == k && p->nodes[i].id == id)
            return i;
    return -1;
}

static bool is_mes(const char *s, size_t len)
{
    for (int m = 0; m < POA_MESES; m++)
        if (strlen(POA_MES_CSV[m]) == len && strncmp(s, POA_MES_CSV[m], len) == 0)
            return true;
    return false;
}

/* "ene", "ene-mar", "cronograma": the campos the month edits log. */
static bool campo_meses(const char *c)
{
    if (strcmp(c, "cronograma") == 0)
        return true;
    const char *dash = strchr(c, '-');
    if (!dash)
        return is_mes(c, strlen(c));
    return is_mes(c, (size_t)(dash - c)) && is_mes(dash + 1, strlen(dash + 1));
}

/* The 12 cells of a logged pattern ("x,,5,,…"). */
static bool parse_pattern(const char *t, MesCell *out)
{
    if (!t)
        return false;
    int m = 0;
    const char *s = t;
    for (;;) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        char cell[64];
        if (m >= POA_MESES || len >= sizeof cell)
            return false;
        memcpy(cell, s, len);
        cell[len] = '\0';
        if (!mes_cell_parse(cell, &out[m++]))
            return false;
        if (!e)
            break;
        s = e + 1;
    }
    return m == POA_MESES;
}

static bool pattern_igual(const MesCell *a, const MesCell *b)
{
    for (int m = 0; m < POA_MESES; m++)
        if (a[m].kind != b[m].kind || (a[m].kind == CELL_NUM && a[m].valor != b[m].valor))
            return false;
    return true;
}

static const char *nz(const char *s) { return s ? s : ""; }

static const char NO_GUARDA[] = "el registro no guarda lo necesario para revertirla";

/* Why an action of this kind cannot be undone, or NULL when it can. */
static const char *irreversible(CambioTipo t)
{
    switch (t) {
    /* these are undone through their row images (deshacer_pila.c); a row
     * of these kinds here was written by a poa older than schema 5 */
    case CAMBIO_IMPORTAR:
    case CAMBIO_CORTE:
    case CAMBIO_BAJA:
    case CAMBIO_UNIFICAR:
        return "se registró con una versión anterior de poa, que no guardaba lo necesario "
               "para revertirla";
    case CAMBIO_DESHACER:   /* the log never offers one */
    case CAMBIO_LOTE:
    case CAMBIO_REHACER:
    case CAMBIO_PLAN:
    case CAMBIO_CAPTURA:
    case CAMBIO_N:
        return NO_GUARDA;
    default:
        return NULL;
    }
}


/* The current place of node must be what the action left (despues, 1-based). */
static bool lugar_es(const Plan *p, int node, const char *despues)
{
    int parent = p->nodes[node].parent;
    char b[16];
    snprintf(b, sizeof b, "%d", iv_find(&p->nodes[parent].kids, node) + 1);
    return strcmp(b, nz(despues)) == 0;
}

static bool parse_pos(const char *s, int *out)
{
    char *end;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || *end || v < 1 || v > 100000000)
        return false;
    *out = (int)v - 1;
    return true;
}

typedef struct {
    Db *db;
    Plan *p;
    const char *desc;   /* of the action, for messages */
    const char *verbo;  /* "deshacer" or "rehacer" */
    PoaErr *err;
    Ops ops;
    bool cambiado;      /* the plan no longer holds what the action left */
    bool padre;         /* the action has a "padre" row (cmd_move_to) */
    bool padre_id;      /* … and the ids to reverse it */
    const CambioFila *fila_cambiada;   /* the first row whose value changed since */
} Lectura;

/* Refuses with the standard message naming the action. */
static bool rechazo(Lectura *l, const char *porque)
{
    err_set(l->err, "La última acción (%s) no se puede %s; %s", l->desc, l->verbo, porque);
    return false;
}

static Op *mover_op(Lectura *l, int node)
{
    for (int i = 0; i < l->ops.n; i++)
        if (l->ops.v[i].kind == OP_MOVER && l->ops.v[i].node == node)
            return &l->ops.v[i];
    Op *op = ops_add(&l->ops, OP_MOVER, node);
    op->parent = l->p->nodes[node].parent;
    op->pos = iv_find(&l->p->nodes[op->parent].kids, node);
    op->unidad = l->p->nodes[node].unidad;
    return op;
}

static bool leer_seguimiento(Lectura *l, const CambioFila *r, int node)
{
    Plan *p = l->p;
    int corte = 0;
    char que[24] = "";
    if (sscanf(r->campo, "corte%d.%23s", &corte, que) != 2 || corte < 1 ||
        corte > POA_TRIMESTRES)
        return rechazo(l, "el registro no dice qué campo cambió");
    /* the file decides whether the corte is closed (another session may
     * have closed it), inside this transaction */
    if (!store_load_corte(l->db, p, corte, l->err))
        return false;
    if (corte_congelado_seguimiento(p, corte, l->err)) {
        err_prefix(l->err, "No se puede %s «%s»", l->verbo, l->desc);
        return false;
    }
    Seguimiento *s = &plan_act(p, node)->seg[corte - 1];
    if (strcmp(que, "real") == 0) {
        char b[64];
        if (strcmp(s->real.has ? valor_format(&s->real, b, sizeof b) : "", nz(r->despues)))
            l->cambiado = true;
        Op *op = ops_add(&l->ops, OP_SEG_REAL, node);
        op->corte = corte;
        if (!valor_parse(nz(r->antes), &op->real))
            return rechazo(l, "el valor anterior del registro no es un número");
        return true;
    }
    bool obs = strcmp(que, "observaciones") == 0, cau = strcmp(que, "causa") == 0;
    if (!obs && !cau && strcmp(que, "evidencia") != 0)
        return rechazo(l, "el registro no dice qué campo cambió");
    if (strcmp(obs ? s->observaciones : cau ? s->causa : s->evidencia, nz(r->despues)) != 0)
        l->cambiado = true;
    Op *op = ops_add(&l->ops, obs ? OP_SEG_OBS : cau ? OP_SEG_CAUSA : OP_SEG_EVID, node);
    op->corte = corte;
    op->s = xstrdup(nz(r->antes));
    return true;
}

static bool leer_campo(Lectura *l, const CambioFila *r, int node, CmdCampo c)
{
    Plan *p = l->p;
    if (!cmd_campo_aplica(p->nodes[node].kind, c))
        return rechazo(l, "el campo no corresponde a ese elemento");
    char *cur = cmd_campo_valor(p, node, c);
    if (strcmp(cur, nz(r->despues)) != 0)
        l->cambiado = true;
    free(cur);
    if (cmd_campo_texto(p, node, c)) {
        /* an eje or entregable without text is the implicit level (cmd_niveles.c
         * names one when a plan starts using the level): undo may go back to it */
        NodeKind k = p->nodes[node].kind;
        if (c == CAMPO_TEXTO && !*nz(r->antes) && k != NODE_META && k != NODE_EJE &&
            k != NODE_ENTREGABLE)
            return rechazo(l, "el texto quedaría vacío");
        Op *op = ops_add(&l->ops, OP_TEXTO, node);
        op->campo = c;
        op->s = xstrdup(nz(r->antes));
        return true;
    }
    Actividad *a = plan_act(p, node);
    Actividad nuevo = *a;   /* scalars only are read from it */
    if (!cmd_campo_parse(&nuevo, c, nz(r->antes), l->err))
        return false;
    if (corte_congelado_cifras(p, a, &nuevo, cmd_campo_nombre(c), l->err)) {
        err_prefix(l->err, "No se puede %s «%s»", l->verbo, l->desc);
        return false;
    }
    Op *op = ops_add(&l->ops, OP_NUMERO, node);
    op->campo = c;
    op->num = nuevo;
    return true;
}

static bool leer_meses(Lectura *l, const CambioFila *r, int node)
{
    Plan *p = l->p;
    Actividad *a = plan_act(p, node);
    MesCell antes[POA_MESES], despues[POA_MESES];
    if (!a || !parse_pattern(r->antes, antes) || !parse_pattern(r->despues, despues))
        return rechazo(l, "el registro no guarda los doce meses");
    if (!pattern_igual(a->mes, despues))
        l->cambiado = true;
    Actividad nuevo = *a;
    memcpy(nuevo.mes, antes, sizeof antes);
    if (corte_congelado_cifras(p, a, &nuevo, "el cronograma", l->err)) {
        err_prefix(l->err, "No se puede %s «%s»", l->verbo, l->desc);
        return false;
    }
    Op *op = ops_add(&l->ops, OP_MESES, node);
    memcpy(op->mes, antes, sizeof antes);
    return true;
}

/* A move: "orden" (the place among siblings, 1-based), "padre" (for the
 * reader) and "padre_id" (the parent it came from). */
static bool leer_mover(Lectura *l, const CambioFila *r, int node)
{
    Plan *p = l->p;
    NodeKind k = p->nodes[node].kind;
    if (strcmp(r->campo, "orden") == 0) {
        int pos;
        if (!parse_pos(r->antes, &pos))
            return rechazo(l, "el registro no guarda el lugar anterior");
        if (!lugar_es(p, node, r->despues))
            l->cambiado = true;
        Op *op = mover_op(l, node);
        op->pos = pos;
        return true;
    }
    if (strcmp(r->campo, "padre") == 0) {
        l->padre = true;
        return true;
    }
    if (strcmp(r->campo, "padre_id") == 0 && k == NODE_EJE) {
        /* an eje hangs from the plan itself: X and V only change its
         * place among the ejes, which the "orden" row gives back */
        l->padre_id = true;
        return true;
    }
    if (strcmp(r->campo, "padre_id") == 0 && k > NODE_EJE) {
        char *end;
        int64_t id = r->antes ? strtoll(r->antes, &end, 10) : 0;
        int parent = id > 0 && !*end ? find_node(p, store_table((NodeKind)(k - 1)), id) : -1;
        if (parent <= 0) {
            err_set(l->err, "No se puede %s «%s»: el lugar de donde salió ya no está en "
                    "el plan", l->verbo, l->desc);
            return false;
        }
        char b[24];
        snprintf(b, sizeof b, "%lld", (long long)p->nodes[p->nodes[node].parent].id);
        if (strcmp(b, nz(r->despues)) != 0)
            l->cambiado = true;
        if (plan_ancestor(p, parent, NODE_META) != plan_ancestor(p, node, NODE_META) &&
            corte_congelado_estructura(p, node, "devolverla a su lugar", l->err)) {
            err_prefix(l->err, "No se puede %s «%s»", l->verbo, l->desc);
            return false;
        }
        Op *op = mover_op(l, node);
        op->parent = parent;
        op->pos = p->nodes[parent].kids.n;   /* the end, unless an "orden" row says */
        if (k > NODE_META)
            op->unidad = p->nodes[parent].unidad;
        l->padre_id = true;
        return true;
    }
    return rechazo(l, NO_GUARDA);
}

static bool leer_unidad(Lectura *l, const CambioFila *r, int node)
{
    Plan *p = l->p;
    int u = plan_find_unidad(p, nz(r->antes));
    int cur = p->nodes[node].unidad;
    if (u < 0)
        return rechazo(l, "la unidad anterior ya no existe");
    if (corte_congelado_estructura(p, node, "devolver la unidad de su meta", l->err)) {
        err_prefix(l->err, "No se puede %s «%s»", l->verbo, l->desc);
        return false;
    }
    if (cur < 0 || strcmp(p->unidades[cur].nombre, nz(r->despues)) != 0)
        l->cambiado = true;
    Op *op = ops_add(&l->ops, OP_UNIDAD, node);
    op->unidad = u;
    return true;
}

/* Undoing an addition removes the node: only while it is still empty. */
static bool leer_alta(Lectura *l, int node)
{
    Plan *p = l->p;
    const Actividad *a = plan_act(p, node);
    bool vacio = p->nodes[node].kids.n == 0;
    for (int i = 0; a && vacio && i < POA_MESES; i++)
        vacio = a->mes[i].kind == CELL_VACIA;
    for (int i = 0; a && vacio && i < POA_TRIMESTRES; i++)
        vacio = !a->trim[i].has && !a->seg[i].real.has && !*a->seg[i].observaciones &&
                !*a->seg[i].evidencia && !*a->seg[i].causa;
    if (a && vacio)
        vacio = !a->meta_anual.has;
    if (!vacio)
        return rechazo(l, "el elemento agregado ya tiene contenido; bórrelo "
                       "con d si ya no lo quiere");
    ops_add(&l->ops, OP_ALTA, node);
    return true;
}

static bool leer_fila_de(Lectura *l, const CambioFila *r)
{
    Plan *p = l->p;
    const char *porque = irreversible(r->tipo);
    if (porque)
        return rechazo(l, porque);
    int node = find_node(p, r->tabla, r->fila);
    if (node <= 0) {
        deshacer_posterior(l->db, r, l->verbo, l->desc, "el elemento ya no está en el plan",
                           l->err);
        return false;
    }
    NodeKind k = p->nodes[node].kind;
    switch (r->tipo) {
    case CAMBIO_SEGUIMIENTO:
        return leer_seguimiento(l, r, node);
    case CAMBIO_MESES:
        if (k == NODE_ACTIVIDAD && campo_meses(r->campo))
            return leer_meses(l, r, node);
        break;
    case CAMBIO_CAMPO: {
        CmdCampo c = cmd_campo_de_columna(r->campo);
        if (c != CAMPO_N)
            return leer_campo(l, r, node, c);
        break;
    }
    case CAMBIO_MOVER:
        return leer_mover(l, r, node);
    case CAMBIO_UNIDAD:
        if (k == NODE_META)
            return leer_unidad(l, r, node);
        break;
    case CAMBIO_ALTA:
        return leer_alta(l, node);
    default:
        break;
    }
    return rechazo(l, NO_GUARDA);
}

/* Reads one row; the first whose value the plan no longer holds is kept
 * to name what changed it since. */
static bool leer_fila(Lectura *l, const CambioFila *r)
{
    bool antes = l->cambiado;
    bool ok = leer_fila_de(l, r);
    if (ok && !antes && l->cambiado)
        l->fila_cambiada = r;
    return ok;
}

/* The description already says how many («… de 5 actividades marcadas»):
 * the bulk edits write one description for all their rows. */
static bool ya_cuenta(const char *desc, int filas)
{
    char num[32];
    snprintf(num, sizeof num, "%d actividades", filas);
    return strstr(desc, num) != NULL;
}

/* "Editar actividad «1.1 …»", or the first row's and how many more; a
 * pattern pasted over several actividades counts them. */
static void describir(const CambioFila *f, int n, char *buf, size_t len)
{
    int otras = 0, filas = n > 0;
    bool actividades = n > 0;
    for (int i = 1; i < n; i++) {
        if (strcmp(f[i].descripcion, f[0].descripcion) != 0)
            otras++;
        bool nueva = true;
        for (int j = 0; j < i && nueva; j++)
            nueva = f[j].fila != f[i].fila || strcmp(f[j].tabla, f[i].tabla) != 0;
        filas += nueva;
    }
    for (int i = 0; i < n && actividades; i++)
        actividades = strcmp(f[i].tabla, "actividad") == 0;
    /* "Copiar cronograma a actividad «1.2 …»" on each row: the verb and
     * how many ("Copiar cronograma a 6 actividades") */
    const char *cut = n > 0 ? strstr(f[0].descripcion, " actividad «") : NULL;
    size_t vlen = cut ? (size_t)(cut - f[0].descripcion) : 0;
    bool mismo_verbo = cut != NULL;
    for (int i = 1; i < n && mismo_verbo; i++)
        mismo_verbo = strncmp(f[i].descripcion, f[0].descripcion, vlen) == 0 &&
                      strncmp(f[i].descripcion + vlen, " actividad «", 12) == 0;
    if (actividades && filas > 1 && mismo_verbo)
        snprintf(buf, len, "%.*s %d actividades", (int)vlen, f[0].descripcion, filas);
    else if (otras)
        snprintf(buf, len, "%s y %d más", f[0].descripcion, otras);
    else if (actividades && filas > 1 && !ya_cuenta(f[0].descripcion, filas))
        snprintf(buf, len, "%s — %d actividades", f[0].descripcion, filas);
    else
        snprintf(buf, len, "%s", f[0].descripcion);
}

static void swap_cstr(char **a, char **b)
{
    char *t = *a;
    *a = *b;
    *b = t;
}

bool deshacer_filas(Db *db, Plan *p, CambioFila *f, int n, bool rehacer, DeshacerInfo *out,
                    PoaErr *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    /* a redo is the undo of the same rows read the other way round */
    if (rehacer)
        for (int i = 0; i < n; i++)
            swap_cstr(&f[i].antes, &f[i].despues);
    char desc[512];
    describir(f, n, desc, sizeof desc);
    Lectura l = {.db = db, .p = p, .desc = desc, .verbo = rehacer ? "rehacer" : "deshacer",
                 .err = err};
    bool ok = true;
    for (int i = 0; ok && i < n; i++)
        ok = leer_fila(&l, &f[i]);
    if (ok && l.padre && !l.padre_id)
        ok = rechazo(&l, "ese movimiento se registró sin el lugar de origen; "
                     "muévalo de vuelta con m");
    if (ok && l.cambiado) {
        deshacer_posterior(db, l.fila_cambiada, l.verbo, desc,
                           "el plan ya no tiene lo que dejó esa acción", err);
        ok = false;
    }
    /* a move put back writes the places of both lists of siblings: they
     * must be in the file as the model shows them (store_cas.c) */
    for (int i = 0; ok && i < l.ops.n; i++) {
        const Op *op = &l.ops.v[i];
        if (op->kind != OP_MOVER)
            continue;
        int cur = p->nodes[op->node].parent;
        ok = store_check_children(db, p, cur, p->nodes[cur].kids.v, p->nodes[cur].kids.n, err) &&
             store_check_children(db, p, op->parent, p->nodes[op->parent].kids.v,
                                  p->nodes[op->parent].kids.n, err);
    }
    /* the undo of an addition keeps the images of what it removes: its
     * redo puts the same rows, ids included, back (deshacer_pila.c) */
    bool grabar = false;
    for (int i = 0; i < l.ops.n; i++)
        grabar = grabar || l.ops.v[i].kind == OP_ALTA;
    int64_t accion = ok ? db_new_accion(db) : 0;
    if (ok && grabar)
        ok = deshacer_grabar(db, accion, true, err);
    if (ok) {
        /* lend the old values to the model one op at a time, each saved
         * against what the model held just before it (shallow copies: the
         * strings stay alive in the ops), then take them all back */
        int lent = 0;
        for (int i = 0; ok && i < l.ops.n; i++) {
            Op *op = &l.ops.v[i];
            Node nb = p->nodes[op->node];
            Actividad ab;
            memset(&ab, 0, sizeof ab);
            if (plan_act(p, op->node))
                ab = *plan_act(p, op->node);
            op_swap(p, op);
            lent++;
            ok = op_save(db, p, op, &nb, &ab, err);
        }
        for (int i = lent - 1; i >= 0; i--)
            op_swap(p, &l.ops.v[i]);
    }
    if (ok && grabar)
        ok = deshacer_grabar(db, accion, false, err);
    if (ok) {
        for (int i = 0; ok && i < n; i++) {
            /* the rows were read the other way round for a redo: logged as
             * the redo did them */
            char *d = xasprintf("%s%s", rehacer ? STORE_REHACER : STORE_DESHACER,
                                f[i].descripcion);
            ok = store_log(db, accion, p->id, rehacer ? CAMBIO_REHACER : CAMBIO_DESHACER,
                           f[i].tabla, f[i].fila, f[i].campo, f[i].despues, f[i].antes, d, err);
            free(d);
        }
        ok = ok && store_log_ref(db, accion, f[0].accion, err) &&
             store_set_deshecho(db, f[0].accion, !rehacer, err);
    }
    if (ok)
        ok = db_commit(db, err);
    if (!ok) {
        db_rollback(db);
        if (store_es_conflicto(err))   /* the screen shows the file's values */
            for (int i = 0; i < l.ops.n; i++) {
                PoaErr e2 = {{0}};
                store_reload_node(db, p, l.ops.v[i].node, &e2);
            }
        if (!strstr(err->msg, desc))
            err_prefix(err, "No se %s «%s»", rehacer ? "rehízo" : "deshizo", desc);
    } else {
        /* the file has it: now the model */
        for (int i = 0; i < l.ops.n; i++)
            op_swap(p, &l.ops.v[i]);
        for (int i = 0; i < l.ops.n; i++) {
            const Op *op = &l.ops.v[i];
            if (out) {
                if (op->kind != OP_ALTA)   /* a removed node has nothing to show */
                    iv_push(&out->nodos, op->node);
                if (op->kind == OP_MOVER || op->kind == OP_ALTA) {
                    iv_push(&out->nodos, op->kind == OP_MOVER ? op->parent
                                                              : p->nodes[op->node].parent);
                    out->estructura = true;
                }
                if (op->kind == OP_UNIDAD)
                    out->estructura = true;
                if (op->kind == OP_SEG_REAL || op->kind == OP_SEG_OBS ||
                    op->kind == OP_SEG_EVID || op->kind == OP_SEG_CAUSA)
                    out->corte = op->corte;
            }
            if (op->kind == OP_ALTA)
                plan_remove_node(p, op->node);
        }
        if (out)
            snprintf(out->descripcion, sizeof out->descripcion, "%s", desc);
    }
    ops_free(&l.ops);
    return ok;
}
