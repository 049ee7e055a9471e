/* store_load.c — choosing a plan (list, find, pick) and loading it into the
 * model: one ordered query per table, merged by id in C (PITFALLS: SQLite). */
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

Plan *store_load(Db *db, int64_t plan_id, PoaErr *err)
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

    IdMap m_uni = {0}, m_eje = {0}, m_obj = {0}, m_meta = {0}, m_ent = {0}, m_act = {0};
    bool ok = false;
    int rc;

    if (!(st = plan_query(db, SQL_UNIDADES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        idmap_put(&m_uni, sqlite3_column_int64(st, 0),
                  plan_add_unidad(p, sqlite3_column_int64(st, 0), sql_col_text(st, 1),
                                  sql_col_text(st, 2), sql_col_text(st, 3)));
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_EJES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        idmap_put(&m_eje, id, plan_add_node(p, NODE_EJE, id, 0, -1, -1, "", sql_col_text(st, 1)));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_OBJETIVOS, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int parent = idmap_get(&m_eje, sqlite3_column_int64(st, 1));
        idmap_put(&m_obj, id, plan_add_node(p, NODE_OBJETIVO, id, parent, -1, -1,
                                            sql_col_text(st, 2), sql_col_text(st, 3)));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_METAS, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int parent = idmap_get(&m_obj, sqlite3_column_int64(st, 1));
        int uni = idmap_get(&m_uni, sqlite3_column_int64(st, 2));
        if (parent < 0)
            continue;
        idmap_put(&m_meta, id, plan_add_node(p, NODE_META, id, parent, -1, uni, "",
                                             sql_col_text(st, 3)));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_ENTREGABLES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int parent = idmap_get(&m_meta, sqlite3_column_int64(st, 1));
        if (parent < 0)
            continue;
        int ix = plan_add_node(p, NODE_ENTREGABLE, id, parent, -1, p->nodes[parent].unidad,
                               sql_col_text(st, 2), sql_col_text(st, 3));
        str_replace(&p->nodes[ix].indicador, sql_col_text(st, 4));
        idmap_put(&m_ent, id, ix);
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_ACTIVIDADES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int parent = idmap_get(&m_ent, sqlite3_column_int64(st, 1));
        if (parent < 0)
            continue;
        int ix = plan_add_node(p, NODE_ACTIVIDAD, id, parent, -1, p->nodes[parent].unidad,
                               sql_col_text(st, 2), sql_col_text(st, 3));
        Actividad *a = plan_act(p, ix);
        str_replace(&a->unidad_lider, sql_col_text(st, 4));
        str_replace(&a->responsables, sql_col_text(st, 5));
        a->has_presupuesto = sqlite3_column_type(st, 6) != SQLITE_NULL;
        a->presupuesto = sqlite3_column_double(st, 6);
        str_replace(&a->moneda, sql_col_text(st, 7));
        str_replace(&a->presupuesto_nota, sql_col_text(st, 8));
        str_replace(&a->riesgos, sql_col_text(st, 9));
        tipo_meta_parse(sql_col_text(st, 10), &a->tipo);
        sentido_parse(sql_col_text(st, 11), &a->sentido);
        a->peso = sqlite3_column_double(st, 12);
        a->meta_anual.has = sqlite3_column_type(st, 13) != SQLITE_NULL;
        a->meta_anual.valor = sqlite3_column_double(st, 13);
        a->meta_anual.pct = sqlite3_column_int(st, 14) != 0;
        idmap_put(&m_act, id, ix);
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_MESES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int ix = idmap_get(&m_act, sqlite3_column_int64(st, 0));
        int mes = sqlite3_column_int(st, 1);
        if (ix < 0 || mes < 1 || mes > 12)
            continue;
        MesCell *c = &plan_act(p, ix)->mes[mes - 1];
        c->kind = strcmp(sql_col_text(st, 2), "x") == 0 ? CELL_X : CELL_NUM;
        c->valor = sqlite3_column_double(st, 3);
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_TRIMS, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int ix = idmap_get(&m_act, sqlite3_column_int64(st, 0));
        int q = sqlite3_column_int(st, 1);
        if (ix < 0 || q < 1 || q > 4)
            continue;
        plan_act(p, ix)->trim[q - 1] =
            (Valor){true, sqlite3_column_int(st, 3) != 0, sqlite3_column_double(st, 2)};
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_SEGS, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int ix = idmap_get(&m_act, sqlite3_column_int64(st, 0));
        int c = sqlite3_column_int(st, 1);
        if (ix < 0 || c < 1 || c > 4)
            continue;
        Seguimiento *s = &plan_act(p, ix)->seg[c - 1];
        s->real.has = sqlite3_column_type(st, 2) != SQLITE_NULL;
        s->real.valor = sqlite3_column_double(st, 2);
        s->real.pct = sqlite3_column_int(st, 3) != 0;
        str_replace(&s->observaciones, sql_col_text(st, 4));
        str_replace(&s->evidencia, sql_col_text(st, 5));
        str_replace(&s->pct_publicado, sql_col_text(st, 6));
        str_replace(&s->causa, sql_col_text(st, 7));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_CORTES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int c = sqlite3_column_int(st, 0);
        if (c < 1 || c > 4)
            continue;
        CorteEstado *ce = &p->cortes[c - 1];
        ce->cerrado = strcmp(sql_col_text(st, 1), "cerrado") == 0;
        str_replace(&ce->cerrado_por, sql_col_text(st, 2));
        str_replace(&ce->cerrado_en, sql_col_text(st, 3));
        str_replace(&ce->motivo, sql_col_text(st, 4));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;
    ok = true;
    goto out;

sqlfail:
    sql_fail(db, err, "No se pudo leer el plan");
out:
    if (st)
        sqlite3_reset(st);
    idmap_free(&m_uni);
    idmap_free(&m_eje);
    idmap_free(&m_obj);
    idmap_free(&m_meta);
    idmap_free(&m_ent);
    idmap_free(&m_act);
    if (!ok) {
        plan_free(p);
        return NULL;
    }
    return p;
}
