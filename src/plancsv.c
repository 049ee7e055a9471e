/* plancsv.c — the flat plan CSV to and from the model: reading a file
 * through the one importer (importar.c, plano.c), merging it in one
 * transaction, and writing the same format back. */
#include "plancsv.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "importar.h"

/* Columns written by the export after the format's own, when computed. */
static const char *const COLS_CALC[] = {"programado_acumulado", "pct_ejecucion", "semaforo",
                                        "estado"};

/* ---- reading: the flat CSV through the one importer ---- */

Plan *plancsv_read(const char *path, CsvAvisos *avisos, PoaErr *err)
{
    Importacion imp = {0};
    const char *paths[] = {path};
    Plan *p = NULL;
    if (importar_leer(&imp, paths, 1, NULL)) {
        p = imp.archivos[0].plan;
        imp.archivos[0].plan = NULL;
    } else {
        err_set(err, "%s", imp.errores.lineas[0]);
    }
    for (int i = 0; i < imp.avisos.n; i++) {
        plano_avisos_add(avisos, imp.avisos.lineas[i]);
        imp.avisos.lineas[i] = NULL;
    }
    importar_free(&imp);
    return p;
}

bool plancsv_import_plan(Db *db, Plan *in, const char *source, ImportStats *stats,
                         PoaErr *err)
{
    db_set_bulk(db, true);
    bool ok = db_begin(db, err);
    char *nombre = xasprintf("Importar «%s»", source);
    int64_t accion = ok ? store_lote_begin(db, 0, nombre, err) : 0;
    free(nombre);
    if (ok && !accion) {
        db_rollback(db);
        ok = false;
    } else if (ok && ((!store_plan_existe(db, in->institucion, in->anio) &&
                       !store_lote_crea_plan(db, accion, err)) ||
                      !store_merge_plan(db, in, accion, stats, NULL, err))) {
        db_rollback(db);
        err_prefix(err, "No se importó «%s»", source);
        ok = false;
    } else if (ok) {
        char desc[256];
        snprintf(desc, sizeof desc, "importar: %d %s, %d %s", stats->actividades,
                 num_plural(stats->actividades, "actividad nueva", "actividades nuevas"),
                 stats->actividades_actualizadas,
                 num_plural(stats->actividades_actualizadas, "actualizada", "actualizadas"));
        ok = store_log(db, accion, in->id, CAMBIO_IMPORTAR, "plan", in->id, "importar", NULL,
                       source, desc, err) &&
             store_log_describe(db, accion, desc, err) && store_lote_end(db, accion, err) &&
             db_commit(db, err);
        if (!ok)
            db_rollback(db);
    }
    db_set_bulk(db, false);
    return ok;
}

bool plancsv_import(Db *db, const char *path, ImportStats *stats, int64_t *plan_id,
                    CsvAvisos *avisos, PoaErr *err)
{
    Plan *in = plancsv_read(path, avisos, err);
    if (!in)
        return false;
    bool ok = plancsv_import_plan(db, in, path, stats, err);
    if (ok && plan_id)
        *plan_id = in->id;
    plan_free(in);
    return ok;
}

/* ---- export ---- */

typedef struct {
    FILE *f;
    const CsvExportOpts *opts;
    int corte;
    int rows;
} ExportCtx;

static void put(ExportCtx *x, const char *v, bool text, bool first)
{
    if (!first)
        fputc(',', x->f);
    csv_write_field(x->f, v, text);
}

static void export_row(Plan *p, int node, void *ctx)
{
    ExportCtx *x = ctx;
    Node *n = &p->nodes[node];
    const Actividad *a = plan_act(p, node);
    const Unidad *u = &p->unidades[n->unidad];
    if (x->opts->unidad && strcmp(u->nombre, x->opts->unidad) != 0)
        return;
    int ent = n->parent, meta = p->nodes[ent].parent, obj = p->nodes[meta].parent,
        eje = p->nodes[obj].parent;
    char buf[64], anio[16];
    snprintf(anio, sizeof anio, "%d", p->anio);
    put(x, p->institucion, true, true);
    put(x, anio, false, false);
    put(x, u->nombre, true, false);
    put(x, u->mision, true, false);
    put(x, p->nodes[eje].texto, true, false);
    put(x, p->nodes[obj].codigo, true, false);
    put(x, p->nodes[obj].texto, true, false);
    put(x, p->nodes[meta].texto, true, false);
    put(x, p->nodes[ent].codigo, true, false);
    put(x, p->nodes[ent].texto, true, false);
    put(x, p->nodes[ent].indicador, true, false);
    put(x, n->codigo, true, false);
    put(x, n->texto, true, false);
    put(x, a->unidad_lider, true, false);
    put(x, a->responsables, true, false);
    if (a->has_presupuesto)
        snprintf(buf, sizeof buf, "%.2f", a->presupuesto);
    else
        buf[0] = '\0';
    put(x, buf, false, false);
    char *nota = presupuesto_nota_join(a->moneda, a->presupuesto_nota);
    put(x, nota, true, false);
    free(nota);
    for (int m = 0; m < POA_MESES; m++)
        put(x, mes_cell_format(&a->mes[m], buf, sizeof buf), false, false);
    put(x, valor_format(&a->meta_anual, buf, sizeof buf), false, false);
    for (int q = 0; q < POA_TRIMESTRES; q++)
        put(x, valor_format(&a->trim[q], buf, sizeof buf), false, false);
    const Seguimiento *s = x->corte ? &a->seg[x->corte - 1] : NULL;
    snprintf(buf, sizeof buf, "%d", x->corte);
    put(x, x->corte ? buf : "", false, false);
    put(x, s ? valor_format(&s->real, buf, sizeof buf) : "", false, false);
    put(x, s ? s->pct_publicado : "", true, false);
    put(x, s ? s->observaciones : "", true, false);
    put(x, u->nota, true, false);
    put(x, a->riesgos, true, false);
    put(x, tipo_meta_name(a->tipo), true, false);
    put(x, sentido_name(a->sentido), true, false);
    put(x, num_format(a->peso, buf, sizeof buf), false, false);
    put(x, s ? s->evidencia : "", true, false);
    if (x->opts->calculadas && x->corte) {
        ResultadoAct r;
        calc_actividad(a, x->corte, &x->opts->umbrales, &r);
        put(x, r.estado == ESTADO_SIN_META ? "" : num_format(r.programado, buf, sizeof buf),
            false, false);
        if (r.has_pct)
            snprintf(buf, sizeof buf, "%ld%%", calc_pct_entero(r.pct));
        else
            buf[0] = '\0';
        put(x, buf, false, false);
        put(x, semaforo_name(r.semaforo), true, false);
        put(x, estado_name(r.estado), true, false);
    }
    fputc('\n', x->f);
    x->rows++;
}

bool plancsv_export(Plan *p, const char *path, const CsvExportOpts *opts, int *rows,
                    PoaErr *err)
{
    if (opts->unidad && plan_find_unidad(p, opts->unidad) < 0) {
        err_set(err, "El plan no tiene una unidad llamada «%s»", opts->unidad);
        return false;
    }
    AtomicFile af;
    if (!atomic_open(&af, path, err))
        return false;
    ExportCtx x = {.f = af.f, .opts = opts, .corte = opts->corte};
    if (!x.corte)
        x.corte = calc_ultimo_corte_con_datos(p);
    for (int c = 0; c < PLANO_NCOLS; c++) {
        if (c)
            fputc(',', af.f);
        fputs(PLANO_COLS[c], af.f);
    }
    if (opts->calculadas && x.corte)
        for (size_t c = 0; c < POA_ARRAY_LEN(COLS_CALC); c++)
            fprintf(af.f, ",%s", COLS_CALC[c]);
    fputc('\n', af.f);
    /* Rows by unit, as the documents group them; within a unit its metas in
     * the order they were created (ids grow in file order on import), each
     * meta's subtree in tree order. Metas are bucketed by unit in one pass,
     * so the export stays linear in the plan. */
    IntVec *by_unit = xcalloc((size_t)p->nunidades + 1, sizeof *by_unit);
    for (int i = 1; i < p->nnodes; i++)
        if (p->nodes[i].kind == NODE_META && !p->nodes[i].deleted && p->nodes[i].unidad >= 0)
            iv_push(&by_unit[p->nodes[i].unidad], i);
    for (int u = 0; u < p->nunidades; u++) {
        IntVec *v = &by_unit[u];
        /* insertion sort by id: a unit has few metas */
        for (int i = 1; i < v->n; i++)
            for (int j = i; j > 0 && p->nodes[v->v[j]].id < p->nodes[v->v[j - 1]].id; j--) {
                int t = v->v[j];
                v->v[j] = v->v[j - 1];
                v->v[j - 1] = t;
            }
        for (int i = 0; i < v->n; i++)
            plan_each_actividad(p, v->v[i], export_row, &x);
        iv_free(v);
    }
    free(by_unit);
    if (ferror(af.f)) {
        err_set(err, "No se pudo escribir «%s»", path);
        atomic_abort(&af);
        return false;
    }
    if (rows)
        *rows = x.rows;
    return atomic_commit(&af, err);
}
