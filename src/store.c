/* store.c — the SQL between the model and the file: load a plan with one
 * ordered query per table merged by id, save single edits (merging an
 * imported plan is store_merge.c). All SQL binds its values; none embeds user text. */
#include "store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

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

static bool fail(Db *db, PoaErr *err, const char *what)
{
    err_set(err, "%s: %s", what, db_error_text(db));
    return false;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_TRANSIENT);
}

static void bind_opt_double(sqlite3_stmt *st, int i, bool has, double v)
{
    if (has)
        sqlite3_bind_double(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

/* Steps a statement that returns no rows. */
static bool step_done(Db *db, sqlite3_stmt *st, PoaErr *err, const char *what)
{
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return fail(db, err, what);
    sqlite3_reset(st);
    return true;
}

const char *store_table(NodeKind k)
{
    switch (k) {
    case NODE_EJE: return "eje";
    case NODE_OBJETIVO: return "objetivo";
    case NODE_META: return "meta";
    case NODE_ENTREGABLE: return "entregable";
    case NODE_ACTIVIDAD: return "actividad";
    default: return "plan";
    }
}

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
        pi->institucion = xstrdup(col_text(st, 1));
        pi->anio = sqlite3_column_int(st, 2);
        pi->nactividades = sqlite3_column_int(st, 3);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return fail(db, err, "No se pudieron leer los planes");
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
        if (!last_inst || strcmp(last_inst, pl[i].institucion) != 0)
            insts++;
        last_inst = pl[i].institucion;
        if (!str_empty(institucion) && strcmp(institucion, pl[i].institucion) != 0)
            continue;
        if (anio && pl[i].anio != anio)
            continue;
        if (found < 0 || pl[i].anio > pl[found].anio)
            found = i;
    }
    bool ok = true;
    if (n == 0) {
        err_set(err, "«%s» no tiene ningún plan todavía; use «poa importar» para cargar uno",
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
    " x.pct_publicado FROM seguimiento x" ACT_OF_PLAN;
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
    Plan *p = plan_new(col_text(st, 0), sqlite3_column_int(st, 1));
    p->id = plan_id;
    sqlite3_reset(st);

    IdMap m_uni = {0}, m_eje = {0}, m_obj = {0}, m_meta = {0}, m_ent = {0}, m_act = {0};
    bool ok = false;
    int rc;

    if (!(st = plan_query(db, SQL_UNIDADES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        idmap_put(&m_uni, sqlite3_column_int64(st, 0),
                  plan_add_unidad(p, sqlite3_column_int64(st, 0), col_text(st, 1),
                                  col_text(st, 2), col_text(st, 3)));
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_EJES, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        idmap_put(&m_eje, id, plan_add_node(p, NODE_EJE, id, 0, -1, -1, "", col_text(st, 1)));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;

    if (!(st = plan_query(db, SQL_OBJETIVOS, plan_id, err)))
        goto out;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        int parent = idmap_get(&m_eje, sqlite3_column_int64(st, 1));
        idmap_put(&m_obj, id, plan_add_node(p, NODE_OBJETIVO, id, parent, -1, -1,
                                            col_text(st, 2), col_text(st, 3)));
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
                                             col_text(st, 3)));
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
                               col_text(st, 2), col_text(st, 3));
        str_replace(&p->nodes[ix].indicador, col_text(st, 4));
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
                               col_text(st, 2), col_text(st, 3));
        Actividad *a = plan_act(p, ix);
        str_replace(&a->unidad_lider, col_text(st, 4));
        str_replace(&a->responsables, col_text(st, 5));
        a->has_presupuesto = sqlite3_column_type(st, 6) != SQLITE_NULL;
        a->presupuesto = sqlite3_column_double(st, 6);
        str_replace(&a->moneda, col_text(st, 7));
        str_replace(&a->presupuesto_nota, col_text(st, 8));
        str_replace(&a->riesgos, col_text(st, 9));
        tipo_meta_parse(col_text(st, 10), &a->tipo);
        sentido_parse(col_text(st, 11), &a->sentido);
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
        c->kind = strcmp(col_text(st, 2), "x") == 0 ? CELL_X : CELL_NUM;
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
        str_replace(&s->observaciones, col_text(st, 4));
        str_replace(&s->evidencia, col_text(st, 5));
        str_replace(&s->pct_publicado, col_text(st, 6));
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
        ce->cerrado = strcmp(col_text(st, 1), "cerrado") == 0;
        str_replace(&ce->cerrado_por, col_text(st, 2));
        str_replace(&ce->cerrado_en, col_text(st, 3));
        str_replace(&ce->motivo, col_text(st, 4));
    }
    if (rc != SQLITE_DONE)
        goto sqlfail;
    ok = true;
    goto out;

sqlfail:
    fail(db, err, "No se pudo leer el plan");
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

/* ---- saving one activity (shared by the importer and the editor) ---- */

static const char SQL_ACT_UPDATE[] =
    "UPDATE actividad SET codigo = ?2, texto = ?3, unidad_lider = ?4, responsables = ?5, "
    " presupuesto = ?6, moneda = ?7, presupuesto_nota = ?8, riesgos = ?9, tipo_meta = ?10, "
    " sentido = ?11, peso = ?12, meta_anual = ?13, meta_anual_pct = ?14 WHERE id = ?1";
static const char SQL_MES_DEL[] = "DELETE FROM mes WHERE actividad_id = ?";
static const char SQL_MES_INS[] =
    "INSERT INTO mes (actividad_id, mes, marca, cantidad) VALUES (?, ?, ?, ?)";
static const char SQL_TRIM_DEL[] = "DELETE FROM meta_trimestre WHERE actividad_id = ?";
static const char SQL_TRIM_INS[] =
    "INSERT INTO meta_trimestre (actividad_id, trimestre, valor, pct) VALUES (?, ?, ?, ?)";

static bool save_act(Db *db, int64_t id, const Node *n, const Actividad *a, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_ACT_UPDATE, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, n->codigo);
    bind_text(st, 3, n->texto);
    bind_text(st, 4, a->unidad_lider);
    bind_text(st, 5, a->responsables);
    bind_opt_double(st, 6, a->has_presupuesto, a->presupuesto);
    bind_text(st, 7, a->moneda);
    bind_text(st, 8, a->presupuesto_nota);
    bind_text(st, 9, a->riesgos);
    bind_text(st, 10, tipo_meta_name(a->tipo));
    bind_text(st, 11, sentido_name(a->sentido));
    sqlite3_bind_double(st, 12, a->peso);
    bind_opt_double(st, 13, a->meta_anual.has, a->meta_anual.valor);
    sqlite3_bind_int(st, 14, a->meta_anual.pct);
    if (!step_done(db, st, err, "No se pudo guardar la actividad"))
        return false;

    if (!(st = db_stmt(db, SQL_MES_DEL, err)))
        return false;
    sqlite3_bind_int64(st, 1, id);
    if (!step_done(db, st, err, "No se pudo guardar el cronograma"))
        return false;
    for (int m = 0; m < POA_MESES; m++) {
        if (a->mes[m].kind == CELL_VACIA)
            continue;
        if (!(st = db_stmt(db, SQL_MES_INS, err)))
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, m + 1);
        bind_text(st, 3, a->mes[m].kind == CELL_X ? "x" : "n");
        sqlite3_bind_double(st, 4, a->mes[m].valor);
        if (!step_done(db, st, err, "No se pudo guardar el cronograma"))
            return false;
    }
    if (!(st = db_stmt(db, SQL_TRIM_DEL, err)))
        return false;
    sqlite3_bind_int64(st, 1, id);
    if (!step_done(db, st, err, "No se pudieron guardar las metas trimestrales"))
        return false;
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        if (!a->trim[q].has)
            continue;
        if (!(st = db_stmt(db, SQL_TRIM_INS, err)))
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, q + 1);
        sqlite3_bind_double(st, 3, a->trim[q].valor);
        sqlite3_bind_int(st, 4, a->trim[q].pct);
        if (!step_done(db, st, err, "No se pudieron guardar las metas trimestrales"))
            return false;
    }
    return true;
}

static const char SQL_SEG_UPSERT[] =
    "INSERT INTO seguimiento (actividad_id, corte, real, real_pct, observaciones, evidencia, "
    " pct_publicado) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT (actividad_id, corte) DO UPDATE SET real = ?3, real_pct = ?4, "
    " observaciones = ?5, evidencia = ?6, pct_publicado = ?7";
static const char SQL_SEG_DEL[] = "DELETE FROM seguimiento WHERE actividad_id = ? AND corte = ?";

static bool seg_empty(const Seguimiento *s)
{
    return !s->real.has && !*s->observaciones && !*s->evidencia && !*s->pct_publicado;
}

static bool save_seg(Db *db, int64_t id, int corte, const Seguimiento *s, PoaErr *err)
{
    sqlite3_stmt *st;
    if (seg_empty(s)) {
        if (!(st = db_stmt(db, SQL_SEG_DEL, err)))
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, corte);
        return step_done(db, st, err, "No se pudo guardar el seguimiento");
    }
    if (!(st = db_stmt(db, SQL_SEG_UPSERT, err)))
        return false;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, corte);
    bind_opt_double(st, 3, s->real.has, s->real.valor);
    sqlite3_bind_int(st, 4, s->real.pct);
    bind_text(st, 5, s->observaciones);
    bind_text(st, 6, s->evidencia);
    bind_text(st, 7, s->pct_publicado);
    return step_done(db, st, err, "No se pudo guardar el seguimiento");
}

/* ---- inserting nodes ---- */

static const char SQL_INS_EJE[] = "INSERT INTO eje (plan_id, nombre, orden) VALUES (?, ?, ?)";
static const char SQL_INS_OBJ[] =
    "INSERT INTO objetivo (eje_id, codigo, texto, orden) VALUES (?, ?, ?, ?)";
static const char SQL_INS_META[] =
    "INSERT INTO meta (objetivo_id, unidad_id, texto, orden) VALUES (?, ?, ?, ?)";
static const char SQL_INS_ENT[] =
    "INSERT INTO entregable (meta_id, codigo, texto, indicador, orden) VALUES (?, ?, ?, ?, ?)";
static const char SQL_INS_ACT[] =
    "INSERT INTO actividad (entregable_id, codigo, texto, orden) VALUES (?, ?, ?, ?)";

/* The message for a UNIQUE key refusing node: what already exists, named. */
static void duplicate_msg(const Plan *p, int node, PoaErr *err)
{
    const Node *n = &p->nodes[node];
    switch (n->kind) {
    case NODE_EJE:
        err_set(err, "Ya existe un eje llamado «%s» en este plan", n->texto);
        break;
    case NODE_META:
        err_set(err, "La unidad «%s» ya tiene la meta operativa «%s» en ese objetivo",
                n->unidad >= 0 ? p->unidades[n->unidad].nombre : "", n->texto);
        break;
    default:
        err_set(err, "Ya existe un %s «%s%s%s» en el mismo lugar", node_kind_name(n->kind),
                n->codigo, *n->codigo ? " " : "", n->texto);
        break;
    }
}

static bool insert_row(Db *db, Plan *p, int node, int orden, PoaErr *err)
{
    Node *n = &p->nodes[node];
    int64_t parent_id = n->parent > 0 ? p->nodes[n->parent].id : p->id;
    sqlite3_stmt *st = NULL;
    int i = 1;
    switch (n->kind) {
    case NODE_EJE:
        if (!(st = db_stmt(db, SQL_INS_EJE, err)))
            return false;
        sqlite3_bind_int64(st, i++, p->id);
        bind_text(st, i++, n->texto);
        break;
    case NODE_OBJETIVO:
        if (!(st = db_stmt(db, SQL_INS_OBJ, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        bind_text(st, i++, n->codigo);
        bind_text(st, i++, n->texto);
        break;
    case NODE_META:
        if (!(st = db_stmt(db, SQL_INS_META, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        sqlite3_bind_int64(st, i++, n->unidad >= 0 ? p->unidades[n->unidad].id : 0);
        bind_text(st, i++, n->texto);
        break;
    case NODE_ENTREGABLE:
        if (!(st = db_stmt(db, SQL_INS_ENT, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        bind_text(st, i++, n->codigo);
        bind_text(st, i++, n->texto);
        bind_text(st, i++, n->indicador);
        break;
    case NODE_ACTIVIDAD:
        if (!(st = db_stmt(db, SQL_INS_ACT, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        bind_text(st, i++, n->codigo);
        bind_text(st, i++, n->texto);
        break;
    default:
        err_set(err, "Error interno: no se puede insertar un nodo de tipo %s",
                node_kind_name(n->kind));
        return false;
    }
    sqlite3_bind_int(st, i, orden);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        if ((sqlite3_extended_errcode(db_sqlite(db)) & 0xff) == SQLITE_CONSTRAINT)
            duplicate_msg(p, node, err);
        else
            fail(db, err, "No se pudo agregar el elemento");
        return false;
    }
    n->id = sqlite3_last_insert_rowid(db_sqlite(db));
    return true;
}

bool store_insert_node(Db *db, Plan *p, int node, PoaErr *err)
{
    Node *n = &p->nodes[node];
    int pos = iv_find(&p->nodes[n->parent].kids, node);
    if (!insert_row(db, p, node, pos, err))
        return false;
    if (n->kind == NODE_ACTIVIDAD) {
        Actividad *a = plan_act(p, node);
        if (!save_act(db, n->id, n, a, err))
            return false;
        for (int c = 0; c < POA_TRIMESTRES; c++)
            if (!seg_empty(&a->seg[c]) && !save_seg(db, n->id, c + 1, &a->seg[c], err))
                return false;
    }
    return store_save_children(db, p, n->parent, err);
}

void store_duplicate_msg(const Plan *p, int node, PoaErr *err) { duplicate_msg(p, node, err); }

static const char *const SQL_DELETE[] = {
    [NODE_EJE] = "DELETE FROM eje WHERE id = ?",
    [NODE_OBJETIVO] = "DELETE FROM objetivo WHERE id = ?",
    [NODE_META] = "DELETE FROM meta WHERE id = ?",
    [NODE_ENTREGABLE] = "DELETE FROM entregable WHERE id = ?",
    [NODE_ACTIVIDAD] = "DELETE FROM actividad WHERE id = ?",
};

bool store_delete_node(Db *db, Plan *p, int node, PoaErr *err)
{
    Node *n = &p->nodes[node];
    if (n->kind == NODE_RAIZ)
        return true;
    sqlite3_stmt *st = db_stmt(db, SQL_DELETE[n->kind], err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, n->id);
    return step_done(db, st, err, "No se pudo borrar");
}

static const char *const SQL_REORDER[] = {
    [NODE_EJE] = "UPDATE eje SET orden = ?2 WHERE id = ?1",
    [NODE_OBJETIVO] = "UPDATE objetivo SET orden = ?2, eje_id = ?3 WHERE id = ?1",
    [NODE_META] = "UPDATE meta SET orden = ?2, objetivo_id = ?3 WHERE id = ?1",
    [NODE_ENTREGABLE] = "UPDATE entregable SET orden = ?2, meta_id = ?3 WHERE id = ?1",
    [NODE_ACTIVIDAD] = "UPDATE actividad SET orden = ?2, entregable_id = ?3 WHERE id = ?1",
};

bool store_save_children(Db *db, Plan *p, int parent, PoaErr *err)
{
    const IntVec *k = &p->nodes[parent].kids;
    for (int i = 0; i < k->n; i++) {
        Node *c = &p->nodes[k->v[i]];
        sqlite3_stmt *st = db_stmt(db, SQL_REORDER[c->kind], err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, c->id);
        sqlite3_bind_int(st, 2, i);
        if (c->kind != NODE_EJE)
            sqlite3_bind_int64(st, 3, p->nodes[parent].id);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            if ((sqlite3_extended_errcode(db_sqlite(db)) & 0xff) == SQLITE_CONSTRAINT)
                duplicate_msg(p, k->v[i], err);
            else
                fail(db, err, "No se pudo guardar el orden");
            return false;
        }
    }
    return true;
}

static const char SQL_UNIDAD_SAVE[] =
    "UPDATE unidad SET nombre = ?2, mision = ?3, nota = ?4 WHERE id = ?1";

bool store_save_unidad(Db *db, Plan *p, int unidad, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_UNIDAD_SAVE, err);
    if (!st)
        return false;
    Unidad *u = &p->unidades[unidad];
    sqlite3_bind_int64(st, 1, u->id);
    bind_text(st, 2, u->nombre);
    bind_text(st, 3, u->mision);
    bind_text(st, 4, u->nota);
    return step_done(db, st, err, "No se pudo guardar la unidad");
}

static const char SQL_CORTE_SAVE[] =
    "INSERT INTO corte (plan_id, numero, estado, cerrado_por, cerrado_en, motivo) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (plan_id, numero) DO UPDATE SET "
    "estado = ?3, cerrado_por = ?4, cerrado_en = ?5, motivo = ?6";

bool store_save_corte(Db *db, Plan *p, int corte, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_CORTE_SAVE, err);
    if (!st)
        return false;
    CorteEstado *c = &p->cortes[corte - 1];
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int(st, 2, corte);
    bind_text(st, 3, c->cerrado ? "cerrado" : "abierto");
    bind_text(st, 4, c->cerrado_por);
    bind_text(st, 5, c->cerrado_en);
    bind_text(st, 6, c->motivo);
    return step_done(db, st, err, "No se pudo guardar el estado del corte");
}

static const char SQL_CORTE_ONE[] =
    "SELECT estado, cerrado_por, cerrado_en, motivo FROM corte WHERE plan_id = ? AND numero = ?";

bool store_load_corte(Db *db, Plan *p, int corte, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_CORTE_ONE, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int(st, 2, corte);
    CorteEstado *c = &p->cortes[corte - 1];
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        c->cerrado = strcmp(col_text(st, 0), "cerrado") == 0;
        str_replace(&c->cerrado_por, col_text(st, 1));
        str_replace(&c->cerrado_en, col_text(st, 2));
        str_replace(&c->motivo, col_text(st, 3));
    } else if (rc == SQLITE_DONE) {
        c->cerrado = false;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(db, err, "No se pudo leer el estado del corte");
    return true;
}

static const char SQL_LOG[] =
    "INSERT INTO cambio (accion, momento, usuario, plan_id, tabla, fila_id, campo, antes, "
    " despues, descripcion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

bool store_log(Db *db, int64_t accion, int64_t plan_id, const char *tabla, int64_t fila,
               const char *campo, const char *antes, const char *despues,
               const char *descripcion, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_LOG, err);
    if (!st)
        return false;
    char now[32];
    sqlite3_bind_int64(st, 1, accion);
    bind_text(st, 2, now_text(now, sizeof now));
    bind_text(st, 3, user_name());
    sqlite3_bind_int64(st, 4, plan_id);
    bind_text(st, 5, tabla);
    sqlite3_bind_int64(st, 6, fila);
    bind_text(st, 7, campo);
    if (antes)
        bind_text(st, 8, antes);
    else
        sqlite3_bind_null(st, 8);
    if (despues)
        bind_text(st, 9, despues);
    else
        sqlite3_bind_null(st, 9);
    bind_text(st, 10, descripcion);
    return step_done(db, st, err, "No se pudo registrar el cambio");
}

/* ---- reading the change log ---- */

void store_cambios_free(CambioFila *c, int n)
{
    if (!c)
        return;
    for (int i = 0; i < n; i++) {
        free(c[i].momento);
        free(c[i].usuario);
        free(c[i].tabla);
        free(c[i].campo);
        free(c[i].descripcion);
        free(c[i].antes);
        free(c[i].despues);
    }
    free(c);
}

#define CAMBIO_COLS \
    "id, accion, coalesce(plan_id, 0), fila_id, momento, usuario, tabla, campo, descripcion, " \
    "antes, despues, deshecho"

static char *col_opt_text(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NULL : xstrdup(col_text(st, i));
}

/* Reads every row of st (columns CAMBIO_COLS) into *out; resets st. */
static bool read_cambios(Db *db, sqlite3_stmt *st, CambioFila **out, int *n, PoaErr *err)
{
    CambioFila *v = NULL;
    int len = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (len == cap) {
            cap = cap ? cap * 2 : 16;
            v = xrealloc(v, sizeof *v * (size_t)cap);
        }
        CambioFila *c = &v[len++];
        c->id = sqlite3_column_int64(st, 0);
        c->accion = sqlite3_column_int64(st, 1);
        c->plan_id = sqlite3_column_int64(st, 2);
        c->fila = sqlite3_column_int64(st, 3);
        c->momento = xstrdup(col_text(st, 4));
        c->usuario = xstrdup(col_text(st, 5));
        c->tabla = xstrdup(col_text(st, 6));
        c->campo = xstrdup(col_text(st, 7));
        c->descripcion = xstrdup(col_text(st, 8));
        c->antes = col_opt_text(st, 9);
        c->despues = col_opt_text(st, 10);
        c->deshecho = sqlite3_column_int(st, 11) != 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        store_cambios_free(v, len);
        return fail(db, err, "No se pudo leer el registro de cambios");
    }
    *out = v;
    *n = len;
    return true;
}

/* Walks the accion index backwards; the undone actions and the undos
 * themselves are skipped (few: only the tail an analyst walked back). */
static const char SQL_ULTIMA_ACCION[] =
    "SELECT accion FROM cambio WHERE plan_id = ?1 AND deshecho = 0 "
    "AND substr(descripcion, 1, length(?2)) <> ?2 ORDER BY accion DESC LIMIT 1";
static const char SQL_ACCION_FILAS[] =
    "SELECT " CAMBIO_COLS " FROM cambio WHERE accion = ? ORDER BY id";

bool store_load_ultima_accion(Db *db, int64_t plan_id, CambioFila **out, int *n, PoaErr *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_ULTIMA_ACCION, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    bind_text(st, 2, STORE_DESHACER);
    int rc = sqlite3_step(st);
    int64_t accion = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return fail(db, err, "No se pudo leer el registro de cambios");
    if (rc == SQLITE_DONE)
        return true;
    st = db_stmt(db, SQL_ACCION_FILAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return read_cambios(db, st, out, n, err);
}

static const char SQL_DESHECHO[] = "UPDATE cambio SET deshecho = 1 WHERE accion = ?";

bool store_mark_deshecho(Db *db, int64_t accion, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_DESHECHO, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    return step_done(db, st, err, "No se pudo marcar la acción como deshecha");
}

/* LIMIT -1 is SQLite's "no limit". */
static const char SQL_CAMBIOS[] =
    "SELECT " CAMBIO_COLS " FROM cambio WHERE ?1 = 0 OR plan_id = ?1 ORDER BY id DESC LIMIT ?2";

bool store_list_cambios(Db *db, int64_t plan_id, int limite, CambioFila **out, int *n,
                        PoaErr *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_CAMBIOS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, plan_id);
    sqlite3_bind_int(st, 2, limite > 0 ? limite : -1);
    return read_cambios(db, st, out, n, err);
}
