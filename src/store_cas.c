/* store_cas.c — saving one edit with compare-and-set: only the fields that
 * differ from the caller's copy before the edit are written, each only where
 * the file still holds that copy's value; and re-reading one row (O(1) in
 * the plan's size) into the model when another program changed it. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "store_sql.h"

bool store_es_conflicto(const PoaErr *e) { return e && strstr(e->msg, STORE_CONFLICTO); }

static void conflicto(PoaErr *err) { err_set(err, "%s", STORE_CONFLICTO); }

/* Runs a compare-and-set statement: it must change exactly one row. None
 * means the file no longer holds what the caller showed (or the row is
 * gone): a conflict. A UNIQUE key refusing a node's new text is named. */
static bool cas_step(Db *db, sqlite3_stmt *st, Plan *p, int node, PoaErr *err)
{
    int rc = sqlite3_step(st);
    int changed = sqlite3_changes(db_sqlite(db));
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        int ext = sqlite3_extended_errcode(db_sqlite(db));
        if (ext == SQLITE_CONSTRAINT_FOREIGNKEY || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
            conflicto(err);   /* the activity is gone, or the cell was added meanwhile */
        } else if (ext == SQLITE_CONSTRAINT_UNIQUE && p) {
            store_duplicate_msg(p, node, err);
        } else {
            err_set(err, "No se pudo guardar el cambio: %s", db_error_text(db));
        }
        return false;
    }
    if (changed != 1) {
        conflicto(err);
        return false;
    }
    return true;
}

/* ---- node texts ---- */

typedef enum { NF_CODIGO, NF_TEXTO, NF_INDICADOR, NF_N } NodeField;

#define NODE_SQL(t, c) "UPDATE " t " SET " c " = ?2 WHERE id = ?1 AND " c " = ?3"
static const char *const SQL_NODE_CAS[NODE_ACTIVIDAD + 1][NF_N] = {
    [NODE_EJE] = {NULL, NODE_SQL("eje", "nombre"), NULL},
    [NODE_OBJETIVO] = {NODE_SQL("objetivo", "codigo"), NODE_SQL("objetivo", "texto"), NULL},
    [NODE_META] = {NULL, NODE_SQL("meta", "texto"), NULL},
    [NODE_ENTREGABLE] = {NODE_SQL("entregable", "codigo"), NODE_SQL("entregable", "texto"),
                         NODE_SQL("entregable", "indicador")},
    [NODE_ACTIVIDAD] = {NODE_SQL("actividad", "codigo"), NODE_SQL("actividad", "texto"), NULL},
};
static const char SQL_META_UNIDAD_CAS[] =
    "UPDATE meta SET unidad_id = ?2 WHERE id = ?1 AND unidad_id = ?3";

static const char *node_field(const Node *n, NodeField f)
{
    return f == NF_CODIGO ? n->codigo : f == NF_TEXTO ? n->texto : n->indicador;
}

static int64_t unidad_id(const Plan *p, int u) { return u >= 0 ? p->unidades[u].id : 0; }

static bool save_node_texts(Db *db, Plan *p, int node, const Node *antes, PoaErr *err)
{
    const Node *n = &p->nodes[node];
    if (n->kind < NODE_EJE || n->kind > NODE_ACTIVIDAD)
        return true;
    for (int f = 0; f < NF_N; f++) {
        const char *sql = SQL_NODE_CAS[n->kind][f];
        if (!sql || strcmp(node_field(n, (NodeField)f), node_field(antes, (NodeField)f)) == 0)
            continue;
        sqlite3_stmt *st = db_stmt(db, sql, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, n->id);
        sql_bind_text(st, 2, node_field(n, (NodeField)f));
        sql_bind_text(st, 3, node_field(antes, (NodeField)f));
        if (!cas_step(db, st, p, node, err))
            return false;
    }
    if (n->kind == NODE_META && n->unidad != antes->unidad) {
        sqlite3_stmt *st = db_stmt(db, SQL_META_UNIDAD_CAS, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, n->id);
        sqlite3_bind_int64(st, 2, unidad_id(p, n->unidad));
        sqlite3_bind_int64(st, 3, unidad_id(p, antes->unidad));
        if (!cas_step(db, st, p, node, err))
            return false;
    }
    return true;
}

bool store_save_node(Db *db, Plan *p, int node, const Node *antes, PoaErr *err)
{
    return save_node_texts(db, p, node, antes, err);
}

/* ---- activity fields ---- */

#define ACT_SQL(c) "UPDATE actividad SET " c " = ?2 WHERE id = ?1 AND " c " IS ?3"
static const struct {
    const char *sql;
    size_t off;   /* of the char * in Actividad */
} ACT_TEXTOS[] = {
    {ACT_SQL("unidad_lider"), offsetof(Actividad, unidad_lider)},
    {ACT_SQL("responsables"), offsetof(Actividad, responsables)},
    {ACT_SQL("moneda"), offsetof(Actividad, moneda)},
    {ACT_SQL("presupuesto_nota"), offsetof(Actividad, presupuesto_nota)},
    {ACT_SQL("riesgos"), offsetof(Actividad, riesgos)},
};
static const char SQL_ACT_PRESUPUESTO[] = ACT_SQL("presupuesto");
static const char SQL_ACT_TIPO[] = ACT_SQL("tipo_meta");
static const char SQL_ACT_SENTIDO[] = ACT_SQL("sentido");
static const char SQL_ACT_PESO[] = ACT_SQL("peso");
static const char SQL_ACT_META[] =
    "UPDATE actividad SET meta_anual = ?2, meta_anual_pct = ?4 WHERE id = ?1 "
    "AND meta_anual IS ?3 AND meta_anual_pct = ?5";

static const char *act_str(const Actividad *a, size_t off)
{
    return *(char *const *)((const char *)a + off);
}

static bool valor_igual(const Valor *a, const Valor *b)
{
    return a->has == b->has && (!a->has || (a->pct == b->pct && a->valor == b->valor));
}

static bool cell_igual(const MesCell *a, const MesCell *b)
{
    return a->kind == b->kind && (a->kind == CELL_VACIA || a->valor == b->valor);
}

/* One statement "SET col = ?2 WHERE id = ?1 AND col IS ?3", new and old
 * bound by the caller through the callbacks' arguments. */
static sqlite3_stmt *act_stmt(Db *db, const char *sql, int64_t id, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (st)
        sqlite3_bind_int64(st, 1, id);
    return st;
}

static bool save_act_fields(Db *db, Plan *p, int node, const Actividad *a, const Actividad *b,
                            PoaErr *err)
{
    int64_t id = p->nodes[node].id;
    sqlite3_stmt *st;
    for (size_t i = 0; i < POA_ARRAY_LEN(ACT_TEXTOS); i++) {
        const char *nv = act_str(a, ACT_TEXTOS[i].off), *ov = act_str(b, ACT_TEXTOS[i].off);
        if (strcmp(nv, ov) == 0)
            continue;
        if (!(st = act_stmt(db, ACT_TEXTOS[i].sql, id, err)))
            return false;
        sql_bind_text(st, 2, nv);
        sql_bind_text(st, 3, ov);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (a->has_presupuesto != b->has_presupuesto ||
        (a->has_presupuesto && a->presupuesto != b->presupuesto)) {
        if (!(st = act_stmt(db, SQL_ACT_PRESUPUESTO, id, err)))
            return false;
        sql_bind_opt_double(st, 2, a->has_presupuesto, a->presupuesto);
        sql_bind_opt_double(st, 3, b->has_presupuesto, b->presupuesto);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (a->tipo != b->tipo) {
        if (!(st = act_stmt(db, SQL_ACT_TIPO, id, err)))
            return false;
        sql_bind_text(st, 2, tipo_meta_name(a->tipo));
        sql_bind_text(st, 3, tipo_meta_name(b->tipo));
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (a->sentido != b->sentido) {
        if (!(st = act_stmt(db, SQL_ACT_SENTIDO, id, err)))
            return false;
        sql_bind_text(st, 2, sentido_name(a->sentido));
        sql_bind_text(st, 3, sentido_name(b->sentido));
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (a->peso != b->peso) {
        if (!(st = act_stmt(db, SQL_ACT_PESO, id, err)))
            return false;
        sqlite3_bind_double(st, 2, a->peso);
        sqlite3_bind_double(st, 3, b->peso);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (!valor_igual(&a->meta_anual, &b->meta_anual)) {
        if (!(st = act_stmt(db, SQL_ACT_META, id, err)))
            return false;
        sql_bind_opt_double(st, 2, a->meta_anual.has, a->meta_anual.valor);
        sql_bind_opt_double(st, 3, b->meta_anual.has, b->meta_anual.valor);
        sqlite3_bind_int(st, 4, a->meta_anual.has && a->meta_anual.pct);
        sqlite3_bind_int(st, 5, b->meta_anual.has && b->meta_anual.pct);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    return true;
}

/* Month cells and quarterly targets: a cell is inserted only where the
 * file has none, changed or removed only where it holds the old value. */
static const char SQL_MES_INS[] =
    "INSERT INTO mes (actividad_id, mes, marca, cantidad) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT DO NOTHING";
static const char SQL_MES_UPD[] =
    "UPDATE mes SET marca = ?3, cantidad = ?4 WHERE actividad_id = ?1 AND mes = ?2 "
    "AND marca = ?5 AND cantidad = ?6";
static const char SQL_MES_DEL[] =
    "DELETE FROM mes WHERE actividad_id = ?1 AND mes = ?2 AND marca = ?5 AND cantidad = ?6";
static const char SQL_TRIM_INS[] =
    "INSERT INTO meta_trimestre (actividad_id, trimestre, valor, pct) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT DO NOTHING";
static const char SQL_TRIM_UPD[] =
    "UPDATE meta_trimestre SET valor = ?3, pct = ?4 WHERE actividad_id = ?1 AND trimestre = ?2 "
    "AND valor = ?5 AND pct = ?6";
static const char SQL_TRIM_DEL[] =
    "DELETE FROM meta_trimestre WHERE actividad_id = ?1 AND trimestre = ?2 AND valor = ?5 "
    "AND pct = ?6";

static const char *marca(const MesCell *c) { return c->kind == CELL_X ? "x" : "n"; }

static bool save_cells(Db *db, Plan *p, int node, const Actividad *a, const Actividad *b,
                       PoaErr *err)
{
    int64_t id = p->nodes[node].id;
    for (int m = 0; m < POA_MESES; m++) {
        const MesCell *n = &a->mes[m], *o = &b->mes[m];
        if (cell_igual(n, o))
            continue;
        const char *sql = o->kind == CELL_VACIA ? SQL_MES_INS
                          : n->kind == CELL_VACIA ? SQL_MES_DEL : SQL_MES_UPD;
        sqlite3_stmt *st = db_stmt(db, sql, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, m + 1);
        if (sql != SQL_MES_DEL) {
            sql_bind_text(st, 3, marca(n));
            sqlite3_bind_double(st, 4, n->valor);
        }
        if (sql != SQL_MES_INS) {
            sql_bind_text(st, 5, marca(o));
            sqlite3_bind_double(st, 6, o->valor);
        }
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        const Valor *n = &a->trim[q], *o = &b->trim[q];
        if (valor_igual(n, o))
            continue;
        const char *sql = !o->has ? SQL_TRIM_INS : !n->has ? SQL_TRIM_DEL : SQL_TRIM_UPD;
        sqlite3_stmt *st = db_stmt(db, sql, err);
        if (!st)
            return false;
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, q + 1);
        if (sql != SQL_TRIM_DEL) {
            sqlite3_bind_double(st, 3, n->valor);
            sqlite3_bind_int(st, 4, n->pct);
        }
        if (sql != SQL_TRIM_INS) {
            sqlite3_bind_double(st, 5, o->valor);
            sqlite3_bind_int(st, 6, o->pct);
        }
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    return true;
}

bool store_save_actividad(Db *db, Plan *p, int node, const Node *antes_n,
                          const Actividad *antes, PoaErr *err)
{
    const Actividad *a = plan_act(p, node);
    if (!a)
        return save_node_texts(db, p, node, antes_n, err);
    return save_node_texts(db, p, node, antes_n, err) &&
           save_act_fields(db, p, node, a, antes, err) && save_cells(db, p, node, a, antes, err);
}

/* ---- seguimiento ---- */

static const char SQL_SEG_ROW[] =
    "INSERT INTO seguimiento (actividad_id, corte) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
static const char SQL_SEG_REAL[] =
    "UPDATE seguimiento SET real = ?3, real_pct = ?4 WHERE actividad_id = ?1 AND corte = ?2 "
    "AND real IS ?5 AND (real IS NULL OR real_pct = ?6)";
static const char SQL_SEG_OBS[] =
    "UPDATE seguimiento SET observaciones = ?3 WHERE actividad_id = ?1 AND corte = ?2 "
    "AND observaciones = ?4";
static const char SQL_SEG_EVI[] =
    "UPDATE seguimiento SET evidencia = ?3 WHERE actividad_id = ?1 AND corte = ?2 "
    "AND evidencia = ?4";
static const char SQL_SEG_CAUSA[] =
    "UPDATE seguimiento SET causa = ?3 WHERE actividad_id = ?1 AND corte = ?2 AND causa = ?4";
static const char SQL_SEG_PUB[] =
    "UPDATE seguimiento SET pct_publicado = ?3 WHERE actividad_id = ?1 AND corte = ?2 "
    "AND pct_publicado = ?4";
/* a row left with nothing in it goes, as the importer and the old saves did */
static const char SQL_SEG_VACIA[] =
    "DELETE FROM seguimiento WHERE actividad_id = ?1 AND corte = ?2 AND real IS NULL "
    "AND observaciones = '' AND evidencia = '' AND pct_publicado = '' AND causa = ''";

static sqlite3_stmt *seg_stmt(Db *db, const char *sql, int64_t id, int corte, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, sql, err);
    if (st) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int(st, 2, corte);
    }
    return st;
}

bool store_save_seguimiento(Db *db, Plan *p, int node, int corte, const Seguimiento *antes,
                            PoaErr *err)
{
    int64_t id = p->nodes[node].id;
    const Seguimiento *s = &plan_act(p, node)->seg[corte - 1];
    sqlite3_stmt *st = seg_stmt(db, SQL_SEG_ROW, id, corte, err);
    if (!st)
        return false;
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        if ((sqlite3_extended_errcode(db_sqlite(db)) & 0xff) == SQLITE_CONSTRAINT)
            conflicto(err);   /* the activity is gone */
        else
            err_set(err, "No se pudo guardar el seguimiento: %s", db_error_text(db));
        return false;
    }
    if (!valor_igual(&s->real, &antes->real)) {
        if (!(st = seg_stmt(db, SQL_SEG_REAL, id, corte, err)))
            return false;
        sql_bind_opt_double(st, 3, s->real.has, s->real.valor);
        sqlite3_bind_int(st, 4, s->real.has && s->real.pct);
        sql_bind_opt_double(st, 5, antes->real.has, antes->real.valor);
        sqlite3_bind_int(st, 6, antes->real.pct);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (strcmp(s->observaciones, antes->observaciones) != 0) {
        if (!(st = seg_stmt(db, SQL_SEG_OBS, id, corte, err)))
            return false;
        sql_bind_text(st, 3, s->observaciones);
        sql_bind_text(st, 4, antes->observaciones);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (strcmp(s->evidencia, antes->evidencia) != 0) {
        if (!(st = seg_stmt(db, SQL_SEG_EVI, id, corte, err)))
            return false;
        sql_bind_text(st, 3, s->evidencia);
        sql_bind_text(st, 4, antes->evidencia);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (strcmp(s->causa, antes->causa) != 0) {
        if (!(st = seg_stmt(db, SQL_SEG_CAUSA, id, corte, err)))
            return false;
        sql_bind_text(st, 3, s->causa);
        sql_bind_text(st, 4, antes->causa);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    /* the published % only comes with an import of the institution's file */
    if (strcmp(s->pct_publicado, antes->pct_publicado) != 0) {
        if (!(st = seg_stmt(db, SQL_SEG_PUB, id, corte, err)))
            return false;
        sql_bind_text(st, 3, s->pct_publicado);
        sql_bind_text(st, 4, antes->pct_publicado);
        if (!cas_step(db, st, NULL, node, err))
            return false;
    }
    if (!(st = seg_stmt(db, SQL_SEG_VACIA, id, corte, err)))
        return false;
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        err_set(err, "No se pudo guardar el seguimiento: %s", db_error_text(db));
        return false;
    }
    return true;
}

/* ---- reading one row back ---- */

static const char *const SQL_NODE_ONE[NODE_ACTIVIDAD + 1] = {
    [NODE_EJE] = "SELECT '', nombre, '', 0 FROM eje WHERE id = ?",
    [NODE_OBJETIVO] = "SELECT codigo, texto, '', 0 FROM objetivo WHERE id = ?",
    [NODE_META] = "SELECT '', texto, '', unidad_id FROM meta WHERE id = ?",
    [NODE_ENTREGABLE] = "SELECT codigo, texto, indicador, 0 FROM entregable WHERE id = ?",
    [NODE_ACTIVIDAD] = "SELECT codigo, texto, '', 0 FROM actividad WHERE id = ?",
};
static const char SQL_ACT_ONE[] =
    "SELECT unidad_lider, responsables, presupuesto, moneda, presupuesto_nota, riesgos, "
    " tipo_meta, sentido, peso, meta_anual, meta_anual_pct FROM actividad WHERE id = ?";
static const char SQL_MES_ONE[] = "SELECT mes, marca, cantidad FROM mes WHERE actividad_id = ?";
static const char SQL_TRIM_ONE[] =
    "SELECT trimestre, valor, pct FROM meta_trimestre WHERE actividad_id = ?";
static const char SQL_SEG_ONE[] =
    "SELECT corte, real, real_pct, observaciones, evidencia, pct_publicado, causa "
    "FROM seguimiento WHERE actividad_id = ?";

static bool read_fail(Db *db, sqlite3_stmt *st, PoaErr *err)
{
    sqlite3_reset(st);
    err_set(err, "No se pudo releer la fila: %s", db_error_text(db));
    return false;
}

/* Replaces *dst only when the text differs: a caller holding a pointer into
 * the model (the screen's code of the row it edits) keeps a valid one for
 * every field nobody changed. */
static void set_text(char **dst, const char *src)
{
    if (!*dst || strcmp(*dst, src) != 0)
        str_replace(dst, src);
}

/* The activity payload into a (whose strings are replaced). */
static bool read_act(Db *db, int64_t id, Actividad *a, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_ACT_ONE, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW)
        return read_fail(db, st, err);
    set_text(&a->unidad_lider, sql_col_text(st, 0));
    set_text(&a->responsables, sql_col_text(st, 1));
    a->has_presupuesto = sqlite3_column_type(st, 2) != SQLITE_NULL;
    a->presupuesto = sqlite3_column_double(st, 2);
    set_text(&a->moneda, sql_col_text(st, 3));
    set_text(&a->presupuesto_nota, sql_col_text(st, 4));
    set_text(&a->riesgos, sql_col_text(st, 5));
    tipo_meta_parse(sql_col_text(st, 6), &a->tipo);
    sentido_parse(sql_col_text(st, 7), &a->sentido);
    a->peso = sqlite3_column_double(st, 8);
    a->meta_anual.has = sqlite3_column_type(st, 9) != SQLITE_NULL;
    a->meta_anual.valor = sqlite3_column_double(st, 9);
    a->meta_anual.pct = a->meta_anual.has && sqlite3_column_int(st, 10) != 0;
    sqlite3_reset(st);

    int rc;
    memset(a->mes, 0, sizeof a->mes);
    if (!(st = db_stmt(db, SQL_MES_ONE, err)))
        return false;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int m = sqlite3_column_int(st, 0);
        if (m < 1 || m > POA_MESES)
            continue;
        a->mes[m - 1].kind = strcmp(sql_col_text(st, 1), "x") == 0 ? CELL_X : CELL_NUM;
        a->mes[m - 1].valor = sqlite3_column_double(st, 2);
    }
    if (rc != SQLITE_DONE)
        return read_fail(db, st, err);
    sqlite3_reset(st);

    memset(a->trim, 0, sizeof a->trim);
    if (!(st = db_stmt(db, SQL_TRIM_ONE, err)))
        return false;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int q = sqlite3_column_int(st, 0);
        if (q >= 1 && q <= POA_TRIMESTRES)
            a->trim[q - 1] = (Valor){true, sqlite3_column_int(st, 2) != 0,
                                     sqlite3_column_double(st, 1)};
    }
    if (rc != SQLITE_DONE)
        return read_fail(db, st, err);
    sqlite3_reset(st);

    bool visto[POA_TRIMESTRES] = {false};
    if (!(st = db_stmt(db, SQL_SEG_ONE, err)))
        return false;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int c = sqlite3_column_int(st, 0);
        if (c < 1 || c > POA_TRIMESTRES)
            continue;
        visto[c - 1] = true;
        Seguimiento *s = &a->seg[c - 1];
        s->real.has = sqlite3_column_type(st, 1) != SQLITE_NULL;
        s->real.valor = sqlite3_column_double(st, 1);
        s->real.pct = sqlite3_column_int(st, 2) != 0;
        set_text(&s->observaciones, sql_col_text(st, 3));
        set_text(&s->evidencia, sql_col_text(st, 4));
        set_text(&s->pct_publicado, sql_col_text(st, 5));
        set_text(&s->causa, sql_col_text(st, 6));
    }
    if (rc != SQLITE_DONE)
        return read_fail(db, st, err);
    sqlite3_reset(st);
    for (int c = 0; c < POA_TRIMESTRES; c++) {   /* no row: nothing reported */
        if (visto[c])
            continue;
        Seguimiento *s = &a->seg[c];
        s->real = (Valor){0};
        set_text(&s->observaciones, "");
        set_text(&s->evidencia, "");
        set_text(&s->pct_publicado, "");
        set_text(&s->causa, "");
    }
    return true;
}

bool store_reload_node(Db *db, Plan *p, int node, PoaErr *err)
{
    Node *n = &p->nodes[node];
    if (n->kind < NODE_EJE || n->kind > NODE_ACTIVIDAD)
        return true;
    sqlite3_stmt *st = db_stmt(db, SQL_NODE_ONE[n->kind], err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, n->id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        err_set(err, "otro programa borró este elemento del archivo; cierre y vuelva a abrir "
                "el archivo para ver el plan como está");
        return false;
    }
    if (rc != SQLITE_ROW)
        return read_fail(db, st, err);
    set_text(&n->codigo, sql_col_text(st, 0));
    set_text(&n->texto, sql_col_text(st, 1));
    set_text(&n->indicador, sql_col_text(st, 2));
    int64_t uid = sqlite3_column_int64(st, 3);
    sqlite3_reset(st);
    if (n->kind == NODE_META) {
        int u = plan_find_unidad_id(p, uid);
        if (u >= 0 && u != n->unidad)
            store_set_unidad_subtree(p, node, u);
    }
    return n->kind != NODE_ACTIVIDAD || read_act(db, n->id, plan_act(p, node), err);
}

/* ---- structure: what a delete or a move replaces ---- */

static const char *const SQL_KIDS[NODE_ACTIVIDAD + 1] = {
    [NODE_EJE] = "SELECT id FROM eje WHERE plan_id = ? ORDER BY orden, id",
    [NODE_OBJETIVO] = "SELECT id FROM objetivo WHERE eje_id = ? ORDER BY orden, id",
    [NODE_META] = "SELECT id FROM meta WHERE objetivo_id = ? ORDER BY orden, id",
    [NODE_ENTREGABLE] = "SELECT id FROM entregable WHERE meta_id = ? ORDER BY orden, id",
    [NODE_ACTIVIDAD] = "SELECT id FROM actividad WHERE entregable_id = ? ORDER BY orden, id",
};

bool store_check_children(Db *db, Plan *p, int parent, const int *antes, int n, PoaErr *err)
{
    NodeKind k = parent == 0 ? NODE_EJE : (NodeKind)(p->nodes[parent].kind + 1);
    if (k < NODE_EJE || k > NODE_ACTIVIDAD)
        return true;
    sqlite3_stmt *st = db_stmt(db, SQL_KIDS[k], err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, parent == 0 ? p->id : p->nodes[parent].id);
    int i = 0, rc;
    bool same = true;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (i >= n || sqlite3_column_int64(st, 0) != p->nodes[antes[i]].id)
            same = false;
        i++;
    }
    if (rc != SQLITE_DONE)
        return read_fail(db, st, err);
    sqlite3_reset(st);
    if (!same || i != n) {
        err_set(err, "otro programa cambió estas filas (agregó, borró o movió elementos aquí); "
                "cierre y vuelva a abrir el archivo para verlas");
        return false;
    }
    return true;
}

static bool act_igual(const Actividad *a, const Actividad *b)
{
    if (strcmp(a->unidad_lider, b->unidad_lider) || strcmp(a->responsables, b->responsables) ||
        strcmp(a->moneda, b->moneda) || strcmp(a->presupuesto_nota, b->presupuesto_nota) ||
        strcmp(a->riesgos, b->riesgos) || a->has_presupuesto != b->has_presupuesto ||
        (a->has_presupuesto && a->presupuesto != b->presupuesto) || a->tipo != b->tipo ||
        a->sentido != b->sentido || a->peso != b->peso ||
        !valor_igual(&a->meta_anual, &b->meta_anual))
        return false;
    for (int m = 0; m < POA_MESES; m++)
        if (!cell_igual(&a->mes[m], &b->mes[m]))
            return false;
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        const Seguimiento *x = &a->seg[q], *y = &b->seg[q];
        if (!valor_igual(&a->trim[q], &b->trim[q]) || !valor_igual(&x->real, &y->real) ||
            strcmp(x->observaciones, y->observaciones) || strcmp(x->evidencia, y->evidencia) ||
            strcmp(x->causa, y->causa))
            return false;
    }
    return true;
}

/* node and its subtree in the file are what the model shows: texts, the
 * activities' fields, and the same children in the same order. */
static bool check_rec(Db *db, Plan *p, int node, PoaErr *err)
{
    Node *n = &p->nodes[node];
    sqlite3_stmt *st = db_stmt(db, SQL_NODE_ONE[n->kind], err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, n->id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return read_fail(db, st, err);
    bool same = rc == SQLITE_ROW && strcmp(sql_col_text(st, 0), n->codigo) == 0 &&
                strcmp(sql_col_text(st, 1), n->texto) == 0 &&
                strcmp(sql_col_text(st, 2), n->indicador) == 0 &&
                (n->kind != NODE_META || sqlite3_column_int64(st, 3) == unidad_id(p, n->unidad));
    sqlite3_reset(st);
    if (same && n->kind == NODE_ACTIVIDAD) {
        Actividad f;
        memset(&f, 0, sizeof f);
        bool ok = read_act(db, n->id, &f, err);
        same = ok && act_igual(&f, plan_act(p, node));
        actividad_free_textos(&f);
        if (!ok)
            return false;
    }
    if (!same) {
        conflicto(err);
        return false;
    }
    if (n->kind == NODE_ACTIVIDAD)
        return true;
    if (!store_check_children(db, p, node, n->kids.v, n->kids.n, err)) {
        conflicto(err);
        return false;
    }
    for (int i = 0; i < n->kids.n; i++)
        if (!check_rec(db, p, n->kids.v[i], err))
            return false;
    return true;
}

bool store_check_subtree(Db *db, Plan *p, int node, PoaErr *err)
{
    if (node <= 0 || p->nodes[node].kind > NODE_ACTIVIDAD)
        return true;
    return check_rec(db, p, node, err);
}
