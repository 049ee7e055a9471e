/* store.c — saving single edits that need no compare-and-set: insert and
 * delete nodes, the order of siblings, a unit, a corte's state. All SQL binds
 * its values. Loading is store_load.c, the change log store_log.c. */
#include <stdlib.h>
#include <string.h>

#include "store_sql.h"

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

void store_set_unidad_subtree(Plan *p, int node, int unidad)
{
    p->nodes[node].unidad = unidad;
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        store_set_unidad_subtree(p, k->v[i], unidad);
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

static void bind_text_as(sqlite3_stmt *st, int i, const char *s, sqlite3_destructor_type copy)
{
    sqlite3_bind_text(st, i, s ? s : "", -1, copy);
}

void store_bind_actividad(sqlite3_stmt *st, const Node *n, const Actividad *a,
                          sqlite3_destructor_type copy)
{
    bind_text_as(st, 2, n->codigo, copy);
    bind_text_as(st, 3, n->texto, copy);
    bind_text_as(st, 4, a->unidad_lider, copy);
    bind_text_as(st, 5, a->responsables, copy);
    sql_bind_opt_double(st, 6, a->has_presupuesto, a->presupuesto);
    bind_text_as(st, 7, a->moneda, copy);
    bind_text_as(st, 8, a->presupuesto_nota, copy);
    bind_text_as(st, 9, a->riesgos, copy);
    bind_text_as(st, 10, tipo_meta_name(a->tipo), SQLITE_STATIC);
    bind_text_as(st, 11, sentido_name(a->sentido), SQLITE_STATIC);
    sqlite3_bind_double(st, 12, a->peso);
    sql_bind_opt_double(st, 13, a->meta_anual.has, a->meta_anual.valor);
    sqlite3_bind_int(st, 14, a->meta_anual.pct);
}

bool store_insert_meses(Db *db, int64_t id, const Actividad *a, PoaErr *err)
{
    for (int m = 0; m < POA_MESES; m++) {
        if (a->mes[m].kind == CELL_VACIA)
            continue;
        sqlite3_stmt *st = db_stmt(db, SQL_MES_INS, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, m + 1);
        bind_text_as(st, 3, a->mes[m].kind == CELL_X ? "x" : "n", SQLITE_STATIC);
        sqlite3_bind_double(st, 4, a->mes[m].valor);
        if (!sql_step_done(db, st, err, "No se pudo guardar el cronograma"))
            return false;
    }
    return true;
}

bool store_insert_trims(Db *db, int64_t id, const Actividad *a, PoaErr *err)
{
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        if (!a->trim[q].has)
            continue;
        sqlite3_stmt *st = db_stmt(db, SQL_TRIM_INS, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, q + 1);
        sqlite3_bind_double(st, 3, a->trim[q].valor);
        sqlite3_bind_int(st, 4, a->trim[q].pct);
        if (!sql_step_done(db, st, err, "No se pudieron guardar las metas trimestrales"))
            return false;
    }
    return true;
}

/* One id-bound statement that returns no rows. */
static bool delete_of(Db *db, const char *sql, int64_t id, PoaErr *err, const char *what)
{
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    return sql_step_done(db, st, err, what);
}

static bool save_act(Db *db, int64_t id, const Node *n, const Actividad *a, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_ACT_UPDATE, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    store_bind_actividad(st, n, a, SQLITE_TRANSIENT);
    return sql_step_done(db, st, err, "No se pudo guardar la actividad") &&
           delete_of(db, SQL_MES_DEL, id, err, "No se pudo guardar el cronograma") &&
           store_insert_meses(db, id, a, err) &&
           delete_of(db, SQL_TRIM_DEL, id, err, "No se pudieron guardar las metas trimestrales") &&
           store_insert_trims(db, id, a, err);
}

static const char SQL_SEG_UPSERT[] =
    "INSERT INTO seguimiento (actividad_id, corte, real, real_pct, observaciones, evidencia, "
    " pct_publicado, causa) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (actividad_id, corte) DO UPDATE SET real = ?3, real_pct = ?4, "
    " observaciones = ?5, evidencia = ?6, pct_publicado = ?7, causa = ?8";
static const char SQL_SEG_DEL[] = "DELETE FROM seguimiento WHERE actividad_id = ? AND corte = ?";

bool store_seg_vacio(const Seguimiento *s)
{
    return !s->real.has && !*s->observaciones && !*s->evidencia && !*s->pct_publicado &&
           !*s->causa;
}

void store_bind_seguimiento(sqlite3_stmt *st, int64_t id, int corte, const Seguimiento *s,
                            sqlite3_destructor_type copy)
{
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, corte);
    sql_bind_opt_double(st, 3, s->real.has, s->real.valor);
    sqlite3_bind_int(st, 4, s->real.pct);
    bind_text_as(st, 5, s->observaciones, copy);
    bind_text_as(st, 6, s->evidencia, copy);
    bind_text_as(st, 7, s->pct_publicado, copy);
    bind_text_as(st, 8, s->causa, copy);
}

static bool save_seg(Db *db, int64_t id, int corte, const Seguimiento *s, PoaErr *err)
{
    sqlite3_stmt *st;
    if (store_seg_vacio(s)) {
        if (!(st = db_stmt(db, SQL_SEG_DEL, err)))
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, corte);
        return sql_step_done(db, st, err, "No se pudo guardar el seguimiento");
    }
    if (!(st = db_stmt(db, SQL_SEG_UPSERT, err)))
        return false;
    store_bind_seguimiento(st, id, corte, s, SQLITE_TRANSIENT);
    return sql_step_done(db, st, err, "No se pudo guardar el seguimiento");
}

/* ---- inserting nodes ---- */

const char STORE_SQL_INS_EJE[] = "INSERT INTO eje (plan_id, nombre, orden) VALUES (?, ?, ?)";
const char STORE_SQL_INS_OBJ[] =
    "INSERT INTO objetivo (eje_id, codigo, texto, orden) VALUES (?, ?, ?, ?)";
const char STORE_SQL_INS_META[] =
    "INSERT INTO meta (objetivo_id, unidad_id, texto, orden) VALUES (?, ?, ?, ?)";
const char STORE_SQL_INS_ENT[] =
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
        if (!(st = db_stmt(db, STORE_SQL_INS_EJE, err)))
            return false;
        sqlite3_bind_int64(st, i++, p->id);
        sql_bind_text(st, i++, n->texto);
        break;
    case NODE_OBJETIVO:
        if (!(st = db_stmt(db, STORE_SQL_INS_OBJ, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        sql_bind_text(st, i++, n->codigo);
        sql_bind_text(st, i++, n->texto);
        break;
    case NODE_META:
        if (!(st = db_stmt(db, STORE_SQL_INS_META, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        sqlite3_bind_int64(st, i++, n->unidad >= 0 ? p->unidades[n->unidad].id : 0);
        sql_bind_text(st, i++, n->texto);
        break;
    case NODE_ENTREGABLE:
        if (!(st = db_stmt(db, STORE_SQL_INS_ENT, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        sql_bind_text(st, i++, n->codigo);
        sql_bind_text(st, i++, n->texto);
        sql_bind_text(st, i++, n->indicador);
        break;
    case NODE_ACTIVIDAD:
        if (!(st = db_stmt(db, SQL_INS_ACT, err)))
            return false;
        sqlite3_bind_int64(st, i++, parent_id);
        sql_bind_text(st, i++, n->codigo);
        sql_bind_text(st, i++, n->texto);
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
            sql_fail(db, err, "No se pudo agregar el elemento");
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
            if (!store_seg_vacio(&a->seg[c]) && !save_seg(db, n->id, c + 1, &a->seg[c], err))
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
    return sql_step_done(db, st, err, "No se pudo borrar");
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
                sql_fail(db, err, "No se pudo guardar el orden");
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
    sql_bind_text(st, 2, u->nombre);
    sql_bind_text(st, 3, u->mision);
    sql_bind_text(st, 4, u->nota);
    return sql_step_done(db, st, err, "No se pudo guardar la unidad");
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
    sql_bind_text(st, 3, c->cerrado ? "cerrado" : "abierto");
    sql_bind_text(st, 4, c->cerrado_por);
    sql_bind_text(st, 5, c->cerrado_en);
    sql_bind_text(st, 6, c->motivo);
    return sql_step_done(db, st, err, "No se pudo guardar el estado del corte");
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
        c->cerrado = strcmp(sql_col_text(st, 0), "cerrado") == 0;
        str_replace(&c->cerrado_por, sql_col_text(st, 1));
        str_replace(&c->cerrado_en, sql_col_text(st, 2));
        str_replace(&c->motivo, sql_col_text(st, 3));
    } else if (rc == SQLITE_DONE) {
        c->cerrado = false;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudo leer el estado del corte");
    return true;
}
