/* store_load.c — choosing a plan (list, find, pick) and loading it into the
 * model: one ordered query per table, merged by id in C (PITFALLS: SQLite). */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "store_sql.h"

/* ---- a small id -> index map (open addressing) ---- */

typedef struct {
    int64_t *keys;
    int *vals;
    size_t cap, n;
} IdMap;

static void idmap_put(IdMap *m, int64_t k, int v);

static void idmap_grow(IdMap *m)
{
    IdMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 256;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->vals = xcalloc(m->cap, sizeof *m->vals);
    m->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.keys[i])
            idmap_put(m, old.keys[i], old.vals[i]);
    free(old.keys);
    free(old.vals);
}

static void idmap_put(IdMap *m, int64_t k, int v)
{
    if ((m->n + 1) * 2 > m->cap)
        idmap_grow(m);
    size_t i = (size_t)((uint64_t)k * 11400714819323198485ull) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->n++;
    m->keys[i] = k;
    m->vals[i] = v;
}

static int idmap_get(const IdMap *m, int64_t k)
{
    if (!m->cap)
        return -1;
    size_t i = (size_t)((uint64_t)k * 11400714819323198485ull) & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == k)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    return -1;
}

static void idmap_free(IdMap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- statement helpers ---- */


/* ---- listing and choosing plans ---- */

static const char SQL_LIST[] =
    "SELECT p.id, i.nombre, p.anio, "
    " (SELECT count(*) FROM actividad a JOIN entregable en ON en.id = a.entregable_id "
    "  JOIN meta m ON m.id = en.meta_id JOIN unidad u ON u.id = m.unidad_id "
    "  WHERE u.plan_id = p.id) "
    "FROM plan p JOIN institucion i ON i.id = p.institucion_id ORDER BY i.nombre, p.anio";

bool store_list_plans(Db *db, PlanInfo **out, int *n, PoaErr *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_LIST, err);
    if (!st)
        return false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
        PlanInfo *pi = &(*out)[(*n)++];
        pi->id = sqlite3_column_int64(st, 0);
        pi->institucion = xstrdup(sql_col_text(st, 1));
        pi->anio = sqlite3_column_int(st, 2);
        pi->nactividades = sqlite3_column_int(st, 3);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudieron leer los planes");
    return true;
}

void store_plan_infos_free(PlanInfo *p, int n)
{
    for (int i = 0; i < n; i++)
        free(p[i].institucion);
    free(p);
}

bool store_find_plan(Db *db, const char *institucion, int anio, int64_t *plan_id, PoaErr *err)
{
    PlanInfo *pl;
    int n;
    if (!store_list_plans(db, &pl, &n, err))
        return false;
    int found = -1, insts = 0;
    const char *last_inst = NULL;
    for (int i = 0; i < n; i++) {
        if (!str_empty(institucion) && strcmp(institucion, pl[i].institucion) != 0)
            continue;
        if (anio && pl[i].anio != anio)
            continue;
        /* institutions among the plans that match: a year only one of them
         * has chooses it */
        if (!last_inst || strcmp(last_inst, pl[i].institucion) != 0)
            insts++;
        last_inst = pl[i].institucion;
        if (found < 0 || pl[i].anio > pl[found].anio)
            found = i;
    }
    bool ok = true;
    if (n == 0) {
        err_set(err, "«%s» no tiene ningún plan todavía; use «poa importar» para cargar uno o "
                "«poa nuevo» para empezarlo vacío",
                db_path(db));
        ok = false;
    } else if (str_empty(institucion) && insts > 1) {
        StrBuf b = {0};
        for (int i = 0; i < n; i++)
            sb_appendf(&b, "%s«%s» %d", i ? ", " : "", pl[i].institucion, pl[i].anio);
        err_set(err, "«%s» tiene planes de varias instituciones (%s); indique cuál con "
                "[institucion] nombre en config.ini", db_path(db), sb_str(&b));
        sb_free(&b);
        ok = false;
    } else if (found < 0) {
        StrBuf b = {0};
        for (int i = 0; i < n; i++)
            sb_appendf(&b, "%s«%s» %d", i ? ", " : "", pl[i].institucion, pl[i].anio);
        if (anio)
            err_set(err, "«%s» no tiene un plan del año %d (tiene: %s)", db_path(db), anio,
                    sb_str(&b));
        else
            err_set(err, "«%s» no tiene un plan de «%s» (tiene: %s)", db_path(db), institucion,
                    sb_str(&b));
        sb_free(&b);
        ok = false;
    } else {
        *plan_id = pl[found].id;
    }
    store_plan_infos_free(pl, n);
    return ok;
}

bool store_pick_plan(Db *db, const char *inst_req, int anio_req, const char *inst_pref,
                     int anio_pref, int64_t *plan_id, PoaErr *err)
{
    const char *inst = !str_empty(inst_req) ? inst_req : inst_pref;
    int anio = anio_req ? anio_req : anio_pref;
    if (store_find_plan(db, inst, anio, plan_id, err))
        return true;
    /* fall back from the preferences, one at a time, to what the file has */
    if (!anio_req && anio && store_find_plan(db, inst, 0, plan_id, err))
        return true;
    if (str_empty(inst_req) && !str_empty(inst) &&
        store_find_plan(db, NULL, anio_req, plan_id, err))
        return true;
    return store_find_plan(db, inst, anio, plan_id, err);
}

/* ---- loading ---- */

static const char SQL_PLAN[] =
    "SELECT i.nombre, p.anio FROM plan p JOIN institucion i ON i.id = p.institucion_id "
    "WHERE p.id = ?";
static const char SQL_UNIDADES[] =
    "SELECT id, nombre, mision, nota FROM unidad WHERE plan_id = ? ORDER BY orden, id";
static const char SQL_EJES[] = "SELECT id, nombre FROM eje WHERE plan_id = ? ORDER BY orden, id";
static const char SQL_OBJETIVOS[] =
    "SELECT o.id, o.eje_id, o.codigo, o.texto FROM objetivo o JOIN eje e ON e.id = o.eje_id "
    "WHERE e.plan_id = ? ORDER BY o.eje_id, o.orden, o.id";
static const char SQL_METAS[] =
    "SELECT m.id, m.objetivo_id, m.unidad_id, m.texto FROM meta m "
    "JOIN unidad u ON u.id = m.unidad_id WHERE u.plan_id = ? ORDER BY m.objetivo_id, m.orden, m.id";
static const char SQL_ENTREGABLES[] =
    "SELECT en.id, en.meta_id, en.codigo, en.texto, en.indicador FROM entregable en "
    "JOIN meta m ON m.id = en.meta_id JOIN unidad u ON u.id = m.unidad_id "
    "WHERE u.plan_id = ? ORDER BY en.meta_id, en.orden, en.id";
static const char SQL_ACTIVIDADES[] =
    "SELECT a.id, a.entregable_id, a.codigo, a.texto, a.unidad_lider, a.responsables, "
    " a.presupuesto, a.moneda, a.presupuesto_nota, a.riesgos, a.tipo_meta, a.sentido, a.peso, "
    " a.meta_anual, a.meta_anual_pct FROM actividad a "
    "JOIN entregable en ON en.id = a.entregable_id JOIN meta m ON m.id = en.meta_id "
    "JOIN unidad u ON u.id = m.unidad_id WHERE u.plan_id = ? ORDER BY a.entregable_id, a.orden, a.id";
/* Child rows of the plan's activities: one scan each, merged by id in C. */
#define ACT_OF_PLAN \
    " JOIN actividad a ON a.id = x.actividad_id JOIN entregable en ON en.id = a.entregable_id " \
    " JOIN meta m ON m.id = en.meta_id JOIN unidad u ON u.id = m.unidad_id WHERE u.plan_id = ?"
static const char SQL_MESES[] = "SELECT x.actividad_id, x.mes, x.marca, x.cantidad FROM mes x" ACT_OF_PLAN;
static const char SQL_TRIMS[] =
    "SELECT x.actividad_id, x.trimestre, x.valor, x.pct FROM meta_trimestre x" ACT_OF_PLAN;
static const char SQL_SEGS[] =
    "SELECT x.actividad_id, x.corte, x.real, x.real_pct, x.observaciones, x.evidencia, "
    " x.pct_publicado, x.causa FROM seguimiento x" ACT_OF_PLAN;
static const char SQL_CORTES[] =
    "SELECT numero, estado, cerrado_por, cerrado_en, motivo FROM corte WHERE plan_id = ?";

static sqlite3_stmt *plan_query(Db *db, const char *sql, int64_t plan_id, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (st)
        sqlite3_bind_int64(st, 1, plan_id);
    return st;
}

/* The id -> node maps of one load. */
typedef struct {
    IdMap uni, eje, obj, meta, ent, act;
} Mapas;

static void mapas_free(Mapas *m)
{
    idmap_free(&m->uni);
    idmap_free(&m->eje);
    idmap_free(&m->obj);
    idmap_free(&m->meta);
    idmap_free(&m->ent);
    idmap_free(&m->act);
}

/* Steps st to the end; false (err written) on an SQL error. Every row goes
 * to fila, which may skip it. */
static bool filas(Db *db, sqlite3_stmt *st, Plan *p, Mapas *m,
                  void (*fila)(sqlite3_stmt *, Plan *, Mapas *), PoaErr *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fila(st, p, m);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudo leer el plan");
    return true;
}

static void fila_unidad(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    idmap_put(&m->uni, sqlite3_column_int64(st, 0),
              plan_add_unidad(p, sqlite3_column_int64(st, 0), sql_col_text(st, 1),
                              sql_col_text(st, 2), sql_col_text(st, 3)));
}

static void fila_eje(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int64_t id = sqlite3_column_int64(st, 0);
    idmap_put(&m->eje, id, plan_add_node(p, NODE_EJE, id, 0, -1, -1, "", sql_col_text(st, 1)));
}

static void fila_objetivo(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int64_t id = sqlite3_column_int64(st, 0);
    int parent = idmap_get(&m->eje, sqlite3_column_int64(st, 1));
    if (parent < 0)
        return;
    idmap_put(&m->obj, id, plan_add_node(p, NODE_OBJETIVO, id, parent, -1, -1,
                                         sql_col_text(st, 2), sql_col_text(st, 3)));
}

static void fila_meta(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int64_t id = sqlite3_column_int64(st, 0);
    int parent = idmap_get(&m->obj, sqlite3_column_int64(st, 1));
    int uni = idmap_get(&m->uni, sqlite3_column_int64(st, 2));
    if (parent < 0)
        return;
    idmap_put(&m->meta, id, plan_add_node(p, NODE_META, id, parent, -1, uni, "",
                                          sql_col_text(st, 3)));
}

static void fila_entregable(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int64_t id = sqlite3_column_int64(st, 0);
    int parent = idmap_get(&m->meta, sqlite3_column_int64(st, 1));
    if (parent < 0)
        return;
    int ix = plan_add_node(p, NODE_ENTREGABLE, id, parent, -1, p->nodes[parent].unidad,
                           sql_col_text(st, 2), sql_col_text(st, 3));
    str_set_compartido(&p->nodes[ix].indicador, sql_col_text(st, 4));
    idmap_put(&m->ent, id, ix);
}

/* store_load_progreso's counter, per thread: the loader thread counts while the
 * interface thread may load a first page */
static _Thread_local _Atomic int *leidas_de_carga;

static void fila_actividad(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int64_t id = sqlite3_column_int64(st, 0);
    int parent = idmap_get(&m->ent, sqlite3_column_int64(st, 1));
    if (parent < 0)
        return;
    int ix = plan_add_node(p, NODE_ACTIVIDAD, id, parent, -1, p->nodes[parent].unidad,
                           sql_col_text(st, 2), sql_col_text(st, 3));
    Actividad *a = plan_act(p, ix);
    str_set_compartido(&a->unidad_lider, sql_col_text(st, 4));
    str_set_compartido(&a->responsables, sql_col_text(st, 5));
    a->has_presupuesto = sqlite3_column_type(st, 6) != SQLITE_NULL;
    a->presupuesto = sqlite3_column_double(st, 6);
    str_set_compartido(&a->moneda, sql_col_text(st, 7));
    str_set_compartido(&a->presupuesto_nota, sql_col_text(st, 8));
    str_set_compartido(&a->riesgos, sql_col_text(st, 9));
    tipo_meta_parse(sql_col_text(st, 10), &a->tipo);
    sentido_parse(sql_col_text(st, 11), &a->sentido);
    a->peso = sqlite3_column_double(st, 12);
    a->meta_anual.has = sqlite3_column_type(st, 13) != SQLITE_NULL;
    a->meta_anual.valor = sqlite3_column_double(st, 13);
    a->meta_anual.pct = sqlite3_column_int(st, 14) != 0;
    idmap_put(&m->act, id, ix);
}

static void fila_mes(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int ix = idmap_get(&m->act, sqlite3_column_int64(st, 0));
    int mes = sqlite3_column_int(st, 1);
    if (ix < 0 || mes < 1 || mes > 12)
        return;
    MesCell *c = &plan_act(p, ix)->mes[mes - 1];
    c->kind = strcmp(sql_col_text(st, 2), "x") == 0 ? CELL_X : CELL_NUM;
    c->valor = sqlite3_column_double(st, 3);
}

static void fila_trim(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int ix = idmap_get(&m->act, sqlite3_column_int64(st, 0));
    int q = sqlite3_column_int(st, 1);
    if (ix < 0 || q < 1 || q > 4)
        return;
    plan_act(p, ix)->trim[q - 1] =
        (Valor){true, sqlite3_column_int(st, 3) != 0, sqlite3_column_double(st, 2)};
}

static void fila_seg(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    int ix = idmap_get(&m->act, sqlite3_column_int64(st, 0));
    int c = sqlite3_column_int(st, 1);
    if (ix < 0 || c < 1 || c > 4)
        return;
    Seguimiento *s = &plan_act(p, ix)->seg[c - 1];
    s->real.has = sqlite3_column_type(st, 2) != SQLITE_NULL;
    s->real.valor = sqlite3_column_double(st, 2);
    s->real.pct = sqlite3_column_int(st, 3) != 0;
    str_set_compartido(&s->observaciones, sql_col_text(st, 4));
    str_set_compartido(&s->evidencia, sql_col_text(st, 5));
    str_set_compartido(&s->pct_publicado, sql_col_text(st, 6));
    str_set_compartido(&s->causa, sql_col_text(st, 7));
}

static void fila_corte(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    (void)m;
    int c = sqlite3_column_int(st, 0);
    if (c < 1 || c > 4)
        return;
    CorteEstado *ce = &p->cortes[c - 1];
    ce->cerrado = strcmp(sql_col_text(st, 1), "cerrado") == 0;
    str_replace(&ce->cerrado_por, sql_col_text(st, 2));
    str_replace(&ce->cerrado_en, sql_col_text(st, 3));
    str_replace(&ce->motivo, sql_col_text(st, 4));
}

static bool una_consulta(Db *db, const char *sql, int64_t id, Plan *p, Mapas *m,
                         void (*fila)(sqlite3_stmt *, Plan *, Mapas *), PoaErr *err)
{
    sqlite3_stmt *st = plan_query(db, sql, id, err);
    return st && filas(db, st, p, m, fila, err);
}

/* The plan row and every level above the actividades, with the cortes. */
static Plan *load_niveles(Db *db, int64_t plan_id, Mapas *m, PoaErr *err)
{
    sqlite3_stmt *st = plan_query(db, SQL_PLAN, plan_id, err);
    if (!st)
        return NULL;
    if (sqlite3_step(st) != SQLITE_ROW) {
        err_set(err, "El plan %lld no existe en «%s»", (long long)plan_id, db_path(db));
        sqlite3_reset(st);
        return NULL;
    }
    Plan *p = plan_new(sql_col_text(st, 0), sqlite3_column_int(st, 1));
    p->id = plan_id;
    sqlite3_reset(st);
    if (una_consulta(db, SQL_UNIDADES, plan_id, p, m, fila_unidad, err) &&
        una_consulta(db, SQL_EJES, plan_id, p, m, fila_eje, err) &&
        una_consulta(db, SQL_OBJETIVOS, plan_id, p, m, fila_objetivo, err) &&
        una_consulta(db, SQL_METAS, plan_id, p, m, fila_meta, err) &&
        una_consulta(db, SQL_ENTREGABLES, plan_id, p, m, fila_entregable, err) &&
        una_consulta(db, SQL_CORTES, plan_id, p, m, fila_corte, err))
        return p;
    plan_free(p);
    return NULL;
}

/* Counts the rows of the actividades query for the progress of a load
 * (read by another thread while this one loads). */
static void fila_actividad_contada(sqlite3_stmt *st, Plan *p, Mapas *m)
{
    fila_actividad(st, p, m);
    if (leidas_de_carga)
        atomic_fetch_add_explicit(leidas_de_carga, 1, memory_order_relaxed);
}

Plan *store_load_progreso(Db *db, int64_t plan_id, _Atomic int *leidas, PoaErr *err)
{
    Mapas m = {0};
    Plan *p = load_niveles(db, plan_id, &m, err);
    leidas_de_carga = leidas;
    bool ok = p && una_consulta(db, SQL_ACTIVIDADES, plan_id, p, &m, fila_actividad_contada, err) &&
              una_consulta(db, SQL_MESES, plan_id, p, &m, fila_mes, err) &&
              una_consulta(db, SQL_TRIMS, plan_id, p, &m, fila_trim, err) &&
              una_consulta(db, SQL_SEGS, plan_id, p, &m, fila_seg, err);
    leidas_de_carga = NULL;
    mapas_free(&m);
    if (!ok) {
        plan_free(p);
        return NULL;
    }
    plan_shrink(p);
    return p;
}

Plan *store_load(Db *db, int64_t plan_id, PoaErr *err)
{
    return store_load_progreso(db, plan_id, NULL, err);
}

/* ---- the first page (issue 14) ---- */

static const char SQL_ACTS_DE[] =
    "SELECT a.id, a.entregable_id, a.codigo, a.texto, a.unidad_lider, a.responsables, "
    " a.presupuesto, a.moneda, a.presupuesto_nota, a.riesgos, a.tipo_meta, a.sentido, a.peso, "
    " a.meta_anual, a.meta_anual_pct FROM actividad a WHERE a.entregable_id = ? "
    "ORDER BY a.orden, a.id";
static const char SQL_MESES_DE[] =
    "SELECT x.actividad_id, x.mes, x.marca, x.cantidad FROM mes x WHERE x.actividad_id = ?";
static const char SQL_TRIMS_DE[] =
    "SELECT x.actividad_id, x.trimestre, x.valor, x.pct FROM meta_trimestre x "
    "WHERE x.actividad_id = ?";
static const char SQL_SEGS_DE[] =
    "SELECT x.actividad_id, x.corte, x.real, x.real_pct, x.observaciones, x.evidencia, "
    " x.pct_publicado, x.causa FROM seguimiento x WHERE x.actividad_id = ?";

typedef struct {
    Db *db;
    Plan *p;
    Mapas *m;
    int max, n;           /* actividades wanted, read */
    int corte;            /* the node whose later siblings are cut, or 0 */
    PoaErr *err;
} Primeros;

/* The actividades of one entregable with their months, targets and
 * seguimiento: a few statements per actividad, for a page of them. */
static bool primeros_entregable(Primeros *x, int ent)
{
    Plan *p = x->p;
    int antes = p->nacts;
    if (!una_consulta(x->db, SQL_ACTS_DE, p->nodes[ent].id, p, x->m, fila_actividad, x->err))
        return false;
    for (int i = antes; i < p->nacts; i++) {
        int64_t id = p->nodes[p->acts[i].node].id;
        if (!una_consulta(x->db, SQL_MESES_DE, id, p, x->m, fila_mes, x->err) ||
            !una_consulta(x->db, SQL_TRIMS_DE, id, p, x->m, fila_trim, x->err) ||
            !una_consulta(x->db, SQL_SEGS_DE, id, p, x->m, fila_seg, x->err))
            return false;
    }
    x->n += p->nacts - antes;
    return true;
}

/* Tree order, as the screen shows it: every entregable's actividades until
 * max are read; then every later node is cut and the path to the cut
 * marked pendiente (its totals are not whole). */
static bool primeros_visitar(Primeros *x, int node)
{
    Plan *p = x->p;
    if (p->nodes[node].kind == NODE_ENTREGABLE)
        return primeros_entregable(x, node);
    /* p->nodes moves as actividades are added: no pointer into it is kept */
    for (int i = 0; i < p->nodes[node].kids.n; i++) {
        if (x->n >= x->max) {
            while (p->nodes[node].kids.n > i)
                plan_remove_node(p, p->nodes[node].kids.v[p->nodes[node].kids.n - 1]);
            p->nodes[node].pendiente = true;
            p->nodes[node].recortado = true;
            return true;
        }
        int kid = p->nodes[node].kids.v[i];
        if (!primeros_visitar(x, kid))
            return false;
        if (p->nodes[kid].pendiente)
            p->nodes[node].pendiente = true;
    }
    return true;
}

Plan *store_load_primeros(Db *db, int64_t plan_id, int max, bool *completo, PoaErr *err)
{
    Mapas m = {0};
    Plan *p = load_niveles(db, plan_id, &m, err);
    Primeros x = {.db = db, .p = p, .m = &m, .max = max, .err = err};
    bool ok = p && primeros_visitar(&x, 0);
    mapas_free(&m);
    if (!ok) {
        plan_free(p);
        return NULL;
    }
    *completo = !p->nodes[0].pendiente;
    return p;
}

int store_count_actividades(Db *db)
{
    PoaErr err = {{0}};
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM actividad", &err);
    if (!st)
        return -1;
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    return n;
}
