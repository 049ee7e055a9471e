/* store_merge.c — merging an imported plan into the file (part of store:
 * with db.c and store.c the only users of <sqlite3.h>): the existing plan is
 * loaded once, every incoming node matched in memory, and only what is new
 * or changed is written, each changed field in the change log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corte_congelado.h"
#include "store_sql.h"
#include "strmap.h"

typedef struct {
    Db *db;
    Plan *in;
    Plan *ex;             /* the plan as the file holds it; NULL when new */
    int *match;           /* incoming node -> ex node, or -1 (new) */
    bool *used;           /* ex node already matched */
    StrMap nivel;         /* level key -> index in colas (match_level) */
    IntVec *colas;        /* ex nodes with that key, in order; heads says how far used */
    int *heads;
    int ncolas;
    int64_t accion;
    ImportStats *stats;
    MergeDetalle *det;
    PoaErr *err;
} Merge;

/* No copy (unlike sql_bind_text): the merge binds texts of the incoming plan,
 * which outlive every step, and an import binds hundreds of thousands. */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}

static bool run(Db *db, sqlite3_stmt *st, PoaErr *err, const char *what, int64_t *id)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sql_fail(db, err, what);
    if (id)
        *id = sqlite3_last_insert_rowid(db_sqlite(db));
    return true;
}

/* ---- the plan and its units ---- */

static const char SQL_FIND_INST[] = "SELECT id FROM institucion WHERE nombre = ?1";
static const char SQL_INS_INST[] = "INSERT INTO institucion (nombre) VALUES (?1)";
static const char SQL_FIND_PLAN[] = "SELECT id FROM plan WHERE institucion_id = ?1 AND anio = ?2";
static const char SQL_INS_PLAN[] = "INSERT INTO plan (institucion_id, anio) VALUES (?1, ?2)";
static const char SQL_INS_UNI[] =
    "INSERT INTO unidad (plan_id, nombre, mision, nota, orden) VALUES (?, ?, ?, ?, ?)";
static const char SQL_UPD_UNI[] = "UPDATE unidad SET mision = ?2, nota = ?3 WHERE id = ?1";

static int64_t find_one(Db *db, const char *sql, const char *text, int64_t a, int64_t b,
                        PoaErr *err, bool *ok)
{
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st) {
        *ok = false;
        return 0;
    }
    if (text)
        bind_text(st, 1, text);
    else
        sqlite3_bind_int64(st, 1, a);
    if (!text)
        sqlite3_bind_int64(st, 2, b);
    int64_t id = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        *ok = sql_fail(db, err, "No se pudo buscar el plan");
    return id;
}

/* Finds or creates the plan row; *existed says whether it was there. */
static bool merge_plan_row(Db *db, Plan *in, bool *existed, PoaErr *err)
{
    bool ok = true;
    int64_t inst = find_one(db, SQL_FIND_INST, in->institucion, 0, 0, err, &ok);
    if (!ok)
        return false;
    sqlite3_stmt *st;
    if (!inst) {
        if (!(st = db_stmt(db, SQL_INS_INST, err)))
            return false;
        bind_text(st, 1, in->institucion);
        if (!run(db, st, err, "No se pudo guardar la institución", &inst))
            return false;
    }
    in->id = find_one(db, SQL_FIND_PLAN, NULL, inst, in->anio, err, &ok);
    if (!ok)
        return false;
    *existed = in->id != 0;
    if (in->id)
        return true;
    if (!(st = db_stmt(db, SQL_INS_PLAN, err)))
        return false;
    sqlite3_bind_int64(st, 1, inst);
    sqlite3_bind_int(st, 2, in->anio);
    return run(db, st, err, "No se pudo guardar el plan", &in->id);
}

static bool merge_unidad(Merge *m, int i, int e, int *orden)
{
    Plan *in = m->in;
    Unidad *u = &in->unidades[i];
    sqlite3_stmt *st;
    if (e >= 0) {
        const Unidad *eu = &m->ex->unidades[e];
        u->id = eu->id;
        /* a unit's misión and nota: the file's when it brings one */
        const char *mision = *u->mision ? u->mision : eu->mision;
        const char *nota = *u->nota ? u->nota : eu->nota;
        if (strcmp(mision, eu->mision) == 0 && strcmp(nota, eu->nota) == 0)
            return true;
        if (!(st = db_stmt(m->db, SQL_UPD_UNI, m->err)))
            return false;
        sqlite3_bind_int64(st, 1, u->id);
        bind_text(st, 2, mision);
        bind_text(st, 3, nota);
        return run(m->db, st, m->err, "No se pudo guardar la unidad", NULL);
    }
    if (!(st = db_stmt(m->db, SQL_INS_UNI, m->err)))
        return false;
    sqlite3_bind_int64(st, 1, in->id);
    bind_text(st, 2, u->nombre);
    bind_text(st, 3, u->mision);
    bind_text(st, 4, u->nota);
    sqlite3_bind_int(st, 5, (*orden)++);
    if (!run(m->db, st, m->err, "No se pudo guardar la unidad", &u->id))
        return false;
    m->stats->unidades++;
    if (m->det)
        m->det->unidad_creada[i] = true;
    return true;
}

static bool merge_unidades(Merge *m)
{
    Plan *in = m->in;
    int orden = m->ex ? m->ex->nunidades : 0;
    /* by name through a map: thousands of units against thousands */
    StrMap nombres = {0};
    bool nuevo;
    for (int e = 0; m->ex && e < m->ex->nunidades; e++)
        strmap_put(&nombres, m->ex->unidades[e].nombre, e, &nuevo);
    bool ok = true;
    for (int i = 0; i < in->nunidades && ok; i++) {
        int *slot = strmap_get(&nombres, in->unidades[i].nombre);
        ok = merge_unidad(m, i, slot ? *slot : -1, &orden);
    }
    strmap_free(&nombres);
    return ok;
}

/* ---- matching ---- */

/* The key of a level node under its parent (in the file's plan: by ex
 * index), with the unit's id for a meta. */
static char *level_key(int parent, const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    int64_t uid = n->kind == NODE_META ? p->unidades[n->unidad].id : 0;
    const char *cod = n->kind == NODE_META || n->kind == NODE_EJE ? "" : n->codigo;
    return xasprintf("%d\x1f%d\x1f%lld\x1f%s\x1f%s", parent, (int)n->kind, (long long)uid, cod,
                     n->texto);
}

/* Every eje, objetivo, meta and entregable of the file's plan by key, so
 * matching is one lookup per node (an objetivo may hold thousands of metas). */
static void index_levels(Merge *m)
{
    const Plan *ex = m->ex;
    for (int e = 1; e < ex->nnodes; e++) {
        const Node *n = &ex->nodes[e];
        if (n->deleted || n->kind == NODE_ACTIVIDAD)
            continue;
        char *key = level_key(n->parent, ex, e);
        bool nuevo;
        int *slot = strmap_put(&m->nivel, key, m->ncolas, &nuevo);
        free(key);
        if (nuevo) {
            m->colas = xrealloc(m->colas, sizeof *m->colas * (size_t)(m->ncolas + 1));
            m->colas[m->ncolas++] = (IntVec){0};
        }
        iv_push(&m->colas[*slot], e);
    }
    m->heads = xcalloc((size_t)m->ncolas + 1, sizeof *m->heads);
}

/* Ejes, objetivos, metas and entregables: the first unused node of the
 * matched parent with the same key (names, codes and texts; a meta also by
 * its unit); identical entregables pair in order. */
static void match_level(Merge *m, int i)
{
    int pe = m->match[m->in->nodes[i].parent];
    if (pe < 0)
        return;
    char *key = level_key(pe, m->in, i);
    int *slot = strmap_get(&m->nivel, key);
    free(key);
    if (!slot || m->heads[*slot] >= m->colas[*slot].n)
        return;
    int e = m->colas[*slot].v[m->heads[*slot]++];
    m->match[i] = e;
    m->used[e] = true;
}

/* Activities of one matched entregable, in three passes (docs/formato-csv.md):
 * 1. code and text, identical ones in order of appearance;
 * 2. what is left, by code when exactly one activity on each side has it
 *    (the text was edited);
 * 3. what is left, by text when exactly one on each side has it (the code
 *    was edited). The rest is new. */
static void match_actividades(Merge *m, int ent_in, int ent_ex)
{
    const IntVec *ki = &m->in->nodes[ent_in].kids, *ke = &m->ex->nodes[ent_ex].kids;
    if (ke->n == 0)
        return;
    for (int pass = 0; pass < 3; pass++) {
        StrMap map = {0};   /* key -> index in slots */
        IntVec slots = {0}, counts_in = {0};
        for (int k = 0; k < ke->n; k++) {
            int e = ke->v[k];
            const Node *n = &m->ex->nodes[e];
            if (m->used[e] || (pass == 1 && !*n->codigo))
                continue;
            char *key = pass == 0 ? xasprintf("%s\x1f%s", n->codigo, n->texto)
                                  : xstrdup(pass == 1 ? n->codigo : n->texto);
            bool nuevo;
            int *slot = strmap_put(&map, key, slots.n, &nuevo);
            free(key);
            if (nuevo) {
                iv_push(&slots, e);
                iv_push(&counts_in, 0);
            } else if (pass > 0) {
                slots.v[*slot] = -1;   /* two on the file's side: ambiguous */
            }
        }
        if (pass > 0)   /* count the incoming ones per key: unique on both sides */
            for (int k = 0; k < ki->n; k++) {
                const Node *n = &m->in->nodes[ki->v[k]];
                if (m->match[ki->v[k]] >= 0 || n->deleted)
                    continue;
                int *slot = strmap_get(&map, pass == 1 ? n->codigo : n->texto);
                if (slot)
                    counts_in.v[*slot]++;
            }
        /* pass 0: identical activities pair in order, so the slots are queues */
        IntVec *queues = NULL;
        if (pass == 0) {
            queues = xcalloc((size_t)slots.n + 1, sizeof *queues);
            for (int k = 0; k < ke->n; k++) {
                int e = ke->v[k];
                if (m->used[e])
                    continue;
                const Node *n = &m->ex->nodes[e];
                char *key = xasprintf("%s\x1f%s", n->codigo, n->texto);
                iv_push(&queues[*strmap_get(&map, key)], e);
                free(key);
            }
        }
        int *heads = pass == 0 ? xcalloc((size_t)slots.n + 1, sizeof *heads) : NULL;
        for (int k = 0; k < ki->n; k++) {
            int i = ki->v[k];
            const Node *n = &m->in->nodes[i];
            if (m->match[i] >= 0 || n->deleted || n->kind != NODE_ACTIVIDAD)
                continue;
            int *slot;
            if (pass == 0) {
                char *key = xasprintf("%s\x1f%s", n->codigo, n->texto);
                slot = strmap_get(&map, key);
                free(key);
                if (slot && heads[*slot] < queues[*slot].n) {
                    int e = queues[*slot].v[heads[*slot]++];
                    m->match[i] = e;
                    m->used[e] = true;
                }
                continue;
            }
            if (pass == 1 && !*n->codigo)
                continue;
            slot = strmap_get(&map, pass == 1 ? n->codigo : n->texto);
            if (slot && slots.v[*slot] >= 0 && counts_in.v[*slot] == 1) {
                m->match[i] = slots.v[*slot];
                m->used[slots.v[*slot]] = true;
            }
        }
        if (queues)
            for (int s = 0; s < slots.n; s++)
                iv_free(&queues[s]);
        free(queues);
        free(heads);
        iv_free(&slots);
        iv_free(&counts_in);
        strmap_free(&map);
    }
}

/* ---- writing new nodes ---- */

static const char SQL_INS_ACT[] =
    "INSERT INTO actividad (entregable_id, codigo, texto, unidad_lider, responsables, "
    " presupuesto, moneda, presupuesto_nota, riesgos, tipo_meta, sentido, peso, meta_anual, "
    " meta_anual_pct, orden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_SEG[] =
    "INSERT INTO seguimiento (actividad_id, corte, real, real_pct, observaciones, evidencia, "
    " pct_publicado, causa) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

/* A new activity in one INSERT with every field, then its months, targets
 * and seguimiento: nothing to look up or replace. */
static bool insert_actividad(Merge *m, int i, int64_t parent_id, int orden)
{
    Db *db = m->db;
    PoaErr *err = m->err;
    Node *n = &m->in->nodes[i];
    const Actividad *a = plan_act(m->in, i);
    sqlite3_stmt *st = db_stmt(db, SQL_INS_ACT, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, parent_id);
    store_bind_actividad(st, n, a, SQLITE_STATIC);
    sqlite3_bind_int(st, 15, orden);
    if (!run(db, st, err, "No se pudo guardar la actividad", &n->id))
        return false;
    if (!store_insert_meses(db, n->id, a, err) || !store_insert_trims(db, n->id, a, err))
        return false;
    for (int c = 0; c < POA_TRIMESTRES; c++) {
        const Seguimiento *s = &a->seg[c];
        if (store_seg_vacio(s))
            continue;
        if (corte_congelado_importar(m->ex, c + 1, n, err))
            return false;
        if (!(st = db_stmt(db, SQL_INS_SEG, err)))
            return false;
        store_bind_seguimiento(st, n->id, c + 1, s, SQLITE_STATIC);
        if (!run(db, st, err, "No se pudo guardar el seguimiento", NULL))
            return false;
        m->stats->seguimientos++;
    }
    m->stats->actividades++;
    return true;
}

static bool insert_node(Merge *m, int i, int orden)
{
    Plan *in = m->in;
    Node *n = &in->nodes[i];
    int64_t parent_id = n->parent > 0 ? in->nodes[n->parent].id : in->id;
    if (n->kind == NODE_ACTIVIDAD)
        return insert_actividad(m, i, parent_id, orden);
    static const char *const SQL[] = {
        [NODE_EJE] = STORE_SQL_INS_EJE, [NODE_OBJETIVO] = STORE_SQL_INS_OBJ,
        [NODE_META] = STORE_SQL_INS_META, [NODE_ENTREGABLE] = STORE_SQL_INS_ENT,
    };
    sqlite3_stmt *st = db_stmt(m->db, SQL[n->kind], m->err);
    if (!st)
        return false;
    int k = 1;
    sqlite3_bind_int64(st, k++, parent_id);
    if (n->kind == NODE_META)
        sqlite3_bind_int64(st, k++, in->unidades[n->unidad].id);
    if (n->kind == NODE_OBJETIVO || n->kind == NODE_ENTREGABLE)
        bind_text(st, k++, n->codigo);
    bind_text(st, k++, n->texto);
    if (n->kind == NODE_ENTREGABLE)
        bind_text(st, k++, n->indicador);
    sqlite3_bind_int(st, k, orden);
    if (!run(m->db, st, m->err, "No se pudo agregar el elemento", &n->id))
        return false;
    /* only real levels count: the implicit eje or entregable of a plan
     * without them is no news for the user (resumen does not count them) */
    if (!plan_node_implicit(in, i)) {
        int *count[] = {
            [NODE_EJE] = &m->stats->ejes, [NODE_OBJETIVO] = &m->stats->objetivos,
            [NODE_META] = &m->stats->metas, [NODE_ENTREGABLE] = &m->stats->entregables,
        };
        (*count[n->kind])++;
    }
    return true;
}

/* ---- updating matched nodes ---- */

static bool log_campo(Merge *m, StrBuf *campos, const char *tabla, int64_t fila,
                      const char *campo, const char *antes, const char *despues)
{
    if (campos->len)
        sb_append(campos, ", ");
    sb_append(campos, campo);
    if (!m->accion)
        return true;
    return store_log(m->db, m->accion, m->in->id, CAMBIO_IMPORTAR, tabla, fila, campo, antes,
                     despues, "importar", m->err);
}

static bool cmp_text(Merge *m, StrBuf *c, int64_t id, const char *campo, const char *ex,
                     const char *in)
{
    if (strcmp(ex, in) == 0)
        return true;
    return log_campo(m, c, "actividad", id, campo, ex, in);
}

static bool cmp_valor(Merge *m, StrBuf *c, int64_t id, const char *campo, const Valor *ex,
                      const Valor *in)
{
    if (ex->has == in->has && (!ex->has || (ex->valor == in->valor && ex->pct == in->pct)))
        return true;
    char a[64], b[64];
    return log_campo(m, c, "actividad", id, campo, valor_format(ex, a, sizeof a),
                     valor_format(in, b, sizeof b));
}

/* Compares the stored activity with the incoming one, field by field; the
 * fields that differ are logged and listed in *campos. */
static bool diff_actividad(Merge *m, int i, int e, StrBuf *campos, bool *seg_changed)
{
    const Node *ni = &m->in->nodes[i], *ne = &m->ex->nodes[e];
    const Actividad *a = plan_act(m->in, i), *x = plan_act(m->ex, e);
    int64_t id = ne->id;
    char s1[64], s2[64];
    bool ok = cmp_text(m, campos, id, "codigo", ne->codigo, ni->codigo) &&
              cmp_text(m, campos, id, "texto", ne->texto, ni->texto) &&
              cmp_text(m, campos, id, "unidad_lider", x->unidad_lider, a->unidad_lider) &&
              cmp_text(m, campos, id, "responsables", x->responsables, a->responsables) &&
              cmp_text(m, campos, id, "moneda", x->moneda, a->moneda) &&
              cmp_text(m, campos, id, "presupuesto_nota", x->presupuesto_nota,
                       a->presupuesto_nota) &&
              cmp_text(m, campos, id, "riesgos", x->riesgos, a->riesgos) &&
              cmp_text(m, campos, id, "tipo_meta", tipo_meta_name(x->tipo),
                       tipo_meta_name(a->tipo)) &&
              cmp_text(m, campos, id, "sentido", sentido_name(x->sentido),
                       sentido_name(a->sentido));
    if (ok && (x->has_presupuesto != a->has_presupuesto ||
               (a->has_presupuesto && x->presupuesto != a->presupuesto))) {
        Valor va = {.has = x->has_presupuesto, .valor = x->presupuesto};
        Valor vb = {.has = a->has_presupuesto, .valor = a->presupuesto};
        ok = log_campo(m, campos, "actividad", id, "presupuesto", valor_format(&va, s1, 64),
                       valor_format(&vb, s2, 64));
    }
    if (ok && x->peso != a->peso)
        ok = log_campo(m, campos, "actividad", id, "peso", num_format(x->peso, s1, 64),
                       num_format(a->peso, s2, 64));
    ok = ok && cmp_valor(m, campos, id, "meta_anual", &x->meta_anual, &a->meta_anual);
    for (int k = 0; ok && k < POA_MESES; k++)
        if (x->mes[k].kind != a->mes[k].kind || x->mes[k].valor != a->mes[k].valor)
            ok = log_campo(m, campos, "actividad", id, POA_MES_CSV[k],
                           mes_cell_format(&x->mes[k], s1, 64),
                           mes_cell_format(&a->mes[k], s2, 64));
    static const char *const TRIM[] = {"t1", "t2", "t3", "t4"};
    for (int q = 0; ok && q < POA_TRIMESTRES; q++)
        ok = cmp_valor(m, campos, id, TRIM[q], &x->trim[q], &a->trim[q]);
    size_t before = campos->len;
    for (int c = 0; ok && c < POA_TRIMESTRES; c++) {
        const Seguimiento *sa = &a->seg[c], *sx = &x->seg[c];
        if (store_seg_vacio(sa))
            continue;   /* a file without seguimiento for a corte keeps the stored one */
        size_t mark = campos->len;
        char campo[32];
        snprintf(campo, sizeof campo, "corte%d.real", c + 1);
        ok = cmp_valor(m, campos, id, campo, &sx->real, &sa->real);
        snprintf(campo, sizeof campo, "corte%d.observaciones", c + 1);
        ok = ok && cmp_text(m, campos, id, campo, sx->observaciones, sa->observaciones);
        snprintf(campo, sizeof campo, "corte%d.evidencia", c + 1);
        ok = ok && cmp_text(m, campos, id, campo, sx->evidencia, sa->evidencia);
        snprintf(campo, sizeof campo, "corte%d.pct_publicado", c + 1);
        ok = ok && cmp_text(m, campos, id, campo, sx->pct_publicado, sa->pct_publicado);
        if (ok && campos->len != mark && corte_congelado_importar(m->ex, c + 1, ni, m->err))
            return false;
    }
    *seg_changed = campos->len != before;
    return ok;
}

static const char SQL_UPD_ENT_IND[] = "UPDATE entregable SET indicador = ?2 WHERE id = ?1";

static bool update_matched(Merge *m, int i)
{
    Plan *in = m->in;
    Node *n = &in->nodes[i];
    int e = m->match[i];
    n->id = m->ex->nodes[e].id;
    if (n->kind == NODE_ENTREGABLE) {
        const char *old = m->ex->nodes[e].indicador;
        if (strcmp(old, n->indicador) == 0)
            return true;
        sqlite3_stmt *st = db_stmt(m->db, SQL_UPD_ENT_IND, m->err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, n->id);
        bind_text(st, 2, n->indicador);
        StrBuf c = {0};
        bool ok = run(m->db, st, m->err, "No se pudo guardar el indicador", NULL) &&
                  log_campo(m, &c, "entregable", n->id, "indicador", old, n->indicador);
        sb_free(&c);
        return ok;
    }
    if (n->kind != NODE_ACTIVIDAD)
        return true;
    StrBuf campos = {0};
    bool seg_changed = false;
    bool ok = diff_actividad(m, i, e, &campos, &seg_changed);
    if (ok && campos.len == 0) {
        m->stats->actividades_sin_cambios++;
    } else if (ok) {
        /* what the file holds now (read in this transaction) is "antes" */
        const Actividad *guardada = plan_act(m->ex, e);
        ok = store_save_actividad(m->db, in, i, &m->ex->nodes[e], guardada, m->err);
        for (int c = 0; ok && seg_changed && c < POA_TRIMESTRES; c++)
            if (!store_seg_vacio(&plan_act(in, i)->seg[c])) {
                /* the flat template carries no cause: the unit's stays */
                Seguimiento *sc = &plan_act(in, i)->seg[c];
                if (!*sc->causa && *guardada->seg[c].causa)
                    str_replace(&sc->causa, guardada->seg[c].causa);
                ok = store_save_seguimiento(m->db, in, i, c + 1, &guardada->seg[c], m->err);
                m->stats->seguimientos++;
            }
        m->stats->actividades_actualizadas++;
        if (m->det)
            m->det->cambios[i] = sb_take(&campos);
    }
    sb_free(&campos);
    return ok;
}

static const char SQL_LOG_DESC[] = "UPDATE cambio SET descripcion = ?2 WHERE accion = ?1";

bool store_log_describe(Db *db, int64_t accion, const char *descripcion, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_LOG_DESC, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    bind_text(st, 2, descripcion);
    return run(db, st, err, "No se pudo guardar el historial", NULL);
}

void store_merge_detalle_free(MergeDetalle *d, int n)
{
    if (!d)
        return;
    if (d->cambios)
        for (int i = 0; i < n; i++)
            free(d->cambios[i]);
    free(d->cambios);
    free(d->creado);
    free(d->unidad_creada);
    d->cambios = NULL;
    d->creado = NULL;
    d->unidad_creada = NULL;
}

bool store_merge_plan(Db *db, Plan *in, int64_t accion, ImportStats *stats, MergeDetalle *det,
                      PoaErr *err)
{
    memset(stats, 0, sizeof *stats);
    if (det) {
        det->creado = xcalloc((size_t)in->nnodes + 1, sizeof *det->creado);
        det->cambios = xcalloc((size_t)in->nnodes + 1, sizeof *det->cambios);
        det->unidad_creada = xcalloc((size_t)in->nunidades + 1, sizeof *det->unidad_creada);
    }
    bool existed;
    if (!merge_plan_row(db, in, &existed, err))
        return false;
    Merge m = {.db = db, .in = in, .accion = accion, .stats = stats, .det = det, .err = err};
    /* A new plan needs no matching at all: everything is inserted. */
    if (existed && !(m.ex = store_load(db, in->id, err)))
        return false;
    if (m.ex)
        index_levels(&m);
    bool ok = merge_unidades(&m);
    m.match = xmalloc(sizeof *m.match * (size_t)in->nnodes);
    for (int i = 0; i < in->nnodes; i++)
        m.match[i] = -1;
    m.match[0] = 0;
    m.used = m.ex ? xcalloc((size_t)m.ex->nnodes + 1, sizeof *m.used) : NULL;
    /* New children go after the existing ones, in the order of the file. */
    int *next_orden = xcalloc((size_t)in->nnodes + 1, sizeof *next_orden);
    /* Node index order is file order, and a parent always precedes its
     * children: ids (and orden) grow in the order the file shows them. */
    for (int i = 1; i < in->nnodes && ok; i++) {
        Node *n = &in->nodes[i];
        if (n->deleted)
            continue;
        if (m.ex && n->kind != NODE_ACTIVIDAD)
            match_level(&m, i);
        if (m.ex && n->kind == NODE_ENTREGABLE && m.match[i] >= 0)
            match_actividades(&m, i, m.match[i]);
        if (m.match[i] >= 0) {
            ok = update_matched(&m, i);
            continue;
        }
        int pe = m.match[n->parent];
        if (next_orden[n->parent] == 0 && pe >= 0 && m.ex)
            next_orden[n->parent] = m.ex->nodes[pe].kids.n;
        ok = insert_node(&m, i, next_orden[n->parent]++);
        if (ok && det)
            det->creado[i] = true;
    }
    free(next_orden);
    free(m.match);
    free(m.used);
    for (int c = 0; c < m.ncolas; c++)
        iv_free(&m.colas[c]);
    free(m.colas);
    free(m.heads);
    strmap_free(&m.nivel);
    plan_free(m.ex);
    return ok;
}
