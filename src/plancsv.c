/* plancsv.c — the flat plan CSV to and from the model: column lookup by
 * header name, validation with file:line:column messages, building the tree
 * by natural keys, and writing the same format back. */
#include "plancsv.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "strmap.h"

enum {
    C_INSTITUCION, C_ANIO, C_UNIDAD, C_MISION, C_EJE, C_OBJ_COD, C_OBJETIVO, C_META_OP,
    C_ENT_COD, C_ENTREGABLE, C_INDICADOR, C_ACT_COD, C_ACTIVIDAD, C_UNIDAD_LIDER,
    C_RESPONSABLES, C_PRESUPUESTO, C_PRESUPUESTO_NOTA,
    C_ENE, C_FEB, C_MAR, C_ABR, C_MAY, C_JUN, C_JUL, C_AGO, C_SEP, C_OCT, C_NOV, C_DIC,
    C_META_ANUAL, C_T1, C_T2, C_T3, C_T4, C_CORTE, C_REAL, C_PCT_PUBLICADO, C_OBSERVACIONES,
    C_NOTA_UNIDAD,
    /* beyond FORMAT.md: what the database holds and the format did not carry */
    C_RIESGOS, C_TIPO_META, C_SENTIDO, C_PESO, C_EVIDENCIA,
    C_NCOLS
};

static const char *const COLS[C_NCOLS] = {
    "institucion", "anio", "unidad", "mision", "eje", "objetivo_codigo", "objetivo",
    "meta_operativa", "entregable_codigo", "entregable", "indicador", "actividad_codigo",
    "actividad", "unidad_lider", "responsables", "presupuesto", "presupuesto_nota",
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    "meta_anual", "t1", "t2", "t3", "t4", "corte", "real", "pct_publicado", "observaciones",
    "nota_unidad", "riesgos", "tipo_meta", "sentido", "peso", "evidencia",
};

/* Columns written by the export after the format's own, when computed. */
static const char *const COLS_CALC[] = {"programado_acumulado", "pct_ejecucion", "semaforo",
                                        "estado"};

void csv_avisos_free(CsvAvisos *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->lineas[i]);
    free(a->lineas);
    a->lineas = NULL;
    a->n = 0;
}

static void aviso(CsvAvisos *a, char *line)
{
    if (!a) {
        free(line);
        return;
    }
    a->lineas = xrealloc(a->lineas, sizeof *a->lineas * (size_t)(a->n + 1));
    a->lineas[a->n++] = line;
}

static const char *const MONEDAS[] = {"RD$", "US$", "USD", "DOP", "$"};

void presupuesto_nota_split(const char *s, char **moneda, char **nota)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(MONEDAS); i++) {
        size_t n = strlen(MONEDAS[i]);
        if (strncmp(s, MONEDAS[i], n) == 0 && (s[n] == '\0' || s[n] == ';')) {
            *moneda = xstrdup(MONEDAS[i]);
            const char *rest = s + n;
            if (*rest == ';')
                rest++;
            while (*rest == ' ')
                rest++;
            *nota = xstrdup(rest);
            return;
        }
    }
    *moneda = xstrdup("");
    *nota = xstrdup(s);
}

char *presupuesto_nota_join(const char *moneda, const char *nota)
{
    if (*moneda && *nota)
        return xasprintf("%s; %s", moneda, nota);
    return xstrdup(*moneda ? moneda : nota);
}

/* Finds the child of parent with the given key fields, or adds it. */
static int child(Plan *p, StrMap *m, NodeKind kind, int parent, int unidad, const char *codigo,
                 const char *texto, bool *created)
{
    char *key = xasprintf("%d\x1f%d\x1f%d\x1f%s\x1f%s", (int)kind, parent, unidad, codigo, texto);
    int *slot = strmap_put(m, key, -1, created);
    free(key);
    if (*created)
        *slot = plan_add_node(p, kind, 0, parent, -1, unidad, codigo, texto);
    return *slot;
}

/* ---- reading ---- */

typedef struct {
    const char *path;
    CsvRow *row;
    const int *colmap;   /* column id -> field index or -1 */
} RowCtx;

static const char *field(const RowCtx *r, int col)
{
    int i = r->colmap[col];
    if (i < 0 || i >= r->row->nfields)
        return "";
    return r->row->fields[i];
}

static bool bad(const RowCtx *r, int col, PoaErr *err, const char *fmt, const char *value)
{
    int i = r->colmap[col];
    int line = r->row->line, c = 1;
    if (i >= 0 && i < r->row->nfields) {
        line = r->row->lines[i];
        c = r->row->cols[i];
    }
    char what[512];
    snprintf(what, sizeof what, fmt, value);
    err_set(err, "%s:%d:%d: columna «%s»: %s", r->path, line, c, COLS[col], what);
    return false;
}

static bool parse_valor(const RowCtx *r, int col, Valor *v, PoaErr *err)
{
    const char *s = field(r, col);
    if (!valor_parse(s, v))
        return bad(r, col, err, "«%s» no es un número ni un porcentaje (ej.: 4, 0.25, 25%%)", s);
    if (v->has && v->valor < 0)
        return bad(r, col, err, "«%s» es negativo", s);
    return true;
}

Plan *plancsv_read(const char *path, CsvAvisos *avisos, PoaErr *err)
{
    CsvReader *rd = csv_open(path, err);
    if (!rd)
        return NULL;
    CsvRow row;
    int rc = csv_next(rd, &row, err);
    if (rc <= 0) {
        if (rc == 0)
            err_set(err, "%s: el archivo está vacío (falta la fila de encabezados)", path);
        csv_close(rd);
        return NULL;
    }
    int colmap[C_NCOLS];
    for (int c = 0; c < C_NCOLS; c++)
        colmap[c] = -1;
    int nheader = row.nfields;
    for (int i = 0; i < row.nfields; i++) {
        char *h = xstrdup(row.fields[i]);
        str_trim(h);
        for (char *q = h; *q; q++)
            if (*q >= 'A' && *q <= 'Z')
                *q = (char)(*q - 'A' + 'a');
        int found = -1;
        for (int c = 0; c < C_NCOLS; c++)
            if (strcmp(h, COLS[c]) == 0)
                found = c;
        bool calc_col = false;
        for (size_t c = 0; c < POA_ARRAY_LEN(COLS_CALC); c++)
            if (strcmp(h, COLS_CALC[c]) == 0)
                calc_col = true;
        if (found >= 0 && colmap[found] >= 0) {
            err_set(err, "%s:%d:%d: la columna «%s» aparece dos veces", path, row.lines[i],
                    row.cols[i], h);
            free(h);
            csv_close(rd);
            return NULL;
        }
        if (found >= 0)
            colmap[found] = i;
        else if (!calc_col)
            aviso(avisos, xasprintf("%s:%d:%d: columna desconocida «%s»: se ignora", path,
                                    row.lines[i], row.cols[i], h));
        free(h);
    }
    static const int required[] = {C_INSTITUCION, C_ANIO, C_UNIDAD, C_ACTIVIDAD};
    for (size_t i = 0; i < POA_ARRAY_LEN(required); i++)
        if (colmap[required[i]] < 0) {
            err_set(err, "%s:%d: falta la columna obligatoria «%s» en el encabezado", path,
                    row.line, COLS[required[i]]);
            csv_close(rd);
            return NULL;
        }

    Plan *p = NULL;
    StrMap keys = {0};
    RowCtx r = {.path = path, .row = &row, .colmap = colmap};
    int nrows = 0;
    char **text = xcalloc(C_NCOLS, sizeof *text);
    bool ok = false;
    while ((rc = csv_next(rd, &row, err)) == 1) {
        nrows++;
        if (row.nfields > nheader) {
            err_set(err, "%s:%d:%d: la fila tiene %d campos y el encabezado %d", path,
                    row.lines[nheader], row.cols[nheader], row.nfields, nheader);
            goto done;
        }
        /* text columns, trimmed, with the CSV writer's apostrophe undone */
        for (int c = 0; c < C_NCOLS; c++) {
            free(text[c]);
            text[c] = xstrdup(field(&r, c));
            str_trim(text[c]);
            csv_unescape_text(text[c]);
        }
        const char *inst = text[C_INSTITUCION];
        if (!*inst) {
            bad(&r, C_INSTITUCION, err, "está vacía%s", "");
            goto done;
        }
        double anio_d;
        if (!num_parse(text[C_ANIO], &anio_d) || anio_d != (int)anio_d || anio_d < 1900 ||
            anio_d > 2200) {
            bad(&r, C_ANIO, err, "«%s» no es un año válido (1900–2200)", text[C_ANIO]);
            goto done;
        }
        if (!p) {
            p = plan_new(inst, (int)anio_d);
        } else if (strcmp(p->institucion, inst) != 0) {
            char msg[600];
            snprintf(msg, sizeof msg, "«%%s» no coincide con «%.200s» de las filas anteriores "
                     "(un archivo trae un solo plan)", p->institucion);
            bad(&r, C_INSTITUCION, err, msg, inst);
            goto done;
        } else if (p->anio != (int)anio_d) {
            char msg[200];
            snprintf(msg, sizeof msg, "«%%s» no coincide con el año %d de las filas anteriores "
                     "(un archivo trae un solo plan)", p->anio);
            bad(&r, C_ANIO, err, msg, text[C_ANIO]);
            goto done;
        }
        if (!*text[C_UNIDAD]) {
            bad(&r, C_UNIDAD, err, "está vacía: cada actividad pertenece a una unidad%s", "");
            goto done;
        }
        if (!*text[C_ACTIVIDAD]) {
            bad(&r, C_ACTIVIDAD, err, "está vacía: cada fila es una actividad%s", "");
            goto done;
        }
        /* units by name through the map: a linear search per row would be
         * quadratic in plans with thousands of units */
        char *ukey = xasprintf("u\x1f%s", text[C_UNIDAD]);
        bool nueva;
        int *uslot = strmap_put(&keys, ukey, -1, &nueva);
        free(ukey);
        int uni;
        if (nueva) {
            uni = *uslot = plan_add_unidad(p, 0, text[C_UNIDAD], text[C_MISION],
                                           text[C_NOTA_UNIDAD]);
        } else {
            uni = *uslot;
            Unidad *u = &p->unidades[uni];
            if (!*u->mision && *text[C_MISION])
                str_replace(&u->mision, text[C_MISION]);
            else if (*text[C_MISION] && strcmp(u->mision, text[C_MISION]) != 0)
                aviso(avisos, xasprintf("%s:%d: la misión de «%s» difiere de la de una fila "
                                        "anterior: se conserva la primera",
                                        path, row.line, u->nombre));
            if (!*u->nota && *text[C_NOTA_UNIDAD])
                str_replace(&u->nota, text[C_NOTA_UNIDAD]);
            else if (*text[C_NOTA_UNIDAD] && strcmp(u->nota, text[C_NOTA_UNIDAD]) != 0)
                aviso(avisos, xasprintf("%s:%d: la nota de «%s» difiere de la de una fila "
                                        "anterior: se conserva la primera",
                                        path, row.line, u->nombre));
        }
        bool created;
        int eje = child(p, &keys, NODE_EJE, 0, -1, "", text[C_EJE], &created);
        int obj = child(p, &keys, NODE_OBJETIVO, eje, -1, text[C_OBJ_COD], text[C_OBJETIVO],
                        &created);
        int meta = child(p, &keys, NODE_META, obj, uni, "", text[C_META_OP], &created);
        int ent = child(p, &keys, NODE_ENTREGABLE, meta, uni, text[C_ENT_COD],
                        text[C_ENTREGABLE], &created);
        if (created)
            str_replace(&p->nodes[ent].indicador, text[C_INDICADOR]);
        else if (strcmp(p->nodes[ent].indicador, text[C_INDICADOR]) != 0)
            aviso(avisos, xasprintf("%s:%d: el indicador del entregable «%s» difiere del de "
                                    "una fila anterior: se conserva el primero",
                                    path, row.line, p->nodes[ent].texto));
        int act = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, uni, text[C_ACT_COD],
                                text[C_ACTIVIDAD]);
        Actividad *a = plan_act(p, act);
        str_replace(&a->unidad_lider, text[C_UNIDAD_LIDER]);
        str_replace(&a->responsables, text[C_RESPONSABLES]);
        str_replace(&a->riesgos, text[C_RIESGOS]);
        if (*text[C_PRESUPUESTO]) {
            if (!num_parse(text[C_PRESUPUESTO], &a->presupuesto) || a->presupuesto < 0) {
                bad(&r, C_PRESUPUESTO, err, "«%s» no es un monto válido (ej.: 1500000.00)",
                    text[C_PRESUPUESTO]);
                goto done;
            }
            a->has_presupuesto = true;
        }
        free(a->moneda);
        free(a->presupuesto_nota);
        presupuesto_nota_split(text[C_PRESUPUESTO_NOTA], &a->moneda, &a->presupuesto_nota);
        for (int m = 0; m < POA_MESES; m++) {
            if (!mes_cell_parse(text[C_ENE + m], &a->mes[m])) {
                bad(&r, C_ENE + m, err,
                    "«%s» no es una marca de mes válida (vacío, x o una cantidad)",
                    text[C_ENE + m]);
                goto done;
            }
        }
        if (!parse_valor(&r, C_META_ANUAL, &a->meta_anual, err))
            goto done;
        bool any_pct = a->meta_anual.has && a->meta_anual.pct;
        for (int q = 0; q < POA_TRIMESTRES; q++) {
            if (!parse_valor(&r, C_T1 + q, &a->trim[q], err))
                goto done;
            any_pct |= a->trim[q].has && a->trim[q].pct;
        }
        a->tipo = any_pct ? TIPO_PORCENTAJE : TIPO_ACUMULABLE;
        if (*text[C_TIPO_META] && !tipo_meta_parse(text[C_TIPO_META], &a->tipo)) {
            bad(&r, C_TIPO_META, err, "«%s» no es un tipo válido (acumulable, porcentaje, hito)",
                text[C_TIPO_META]);
            goto done;
        }
        if (*text[C_SENTIDO] && !sentido_parse(text[C_SENTIDO], &a->sentido)) {
            bad(&r, C_SENTIDO, err, "«%s» no es un sentido válido (ascendente, descendente)",
                text[C_SENTIDO]);
            goto done;
        }
        if (*text[C_PESO] && (!num_parse(text[C_PESO], &a->peso) || a->peso < 0)) {
            bad(&r, C_PESO, err, "«%s» no es un peso válido (un número mayor o igual a 0)",
                text[C_PESO]);
            goto done;
        }
        Valor real;
        if (!parse_valor(&r, C_REAL, &real, err))
            goto done;
        bool has_seg = real.has || *text[C_PCT_PUBLICADO] || *text[C_OBSERVACIONES] ||
                       *text[C_EVIDENCIA];
        int corte = 0;
        if (*text[C_CORTE]) {
            double cd;
            if (!num_parse(text[C_CORTE], &cd) || cd != (int)cd || cd < 1 || cd > 4) {
                bad(&r, C_CORTE, err, "«%s» no es un corte válido (1 a 4)", text[C_CORTE]);
                goto done;
            }
            corte = (int)cd;
        } else if (has_seg) {
            bad(&r, C_CORTE, err,
                "está vacía, pero la fila trae seguimiento (real, %% publicado u "
                "observaciones): indique el trimestre del corte (1 a 4)%s", "");
            goto done;
        }
        if (corte && has_seg) {
            Seguimiento *s = &a->seg[corte - 1];
            s->real = real;
            str_replace(&s->observaciones, text[C_OBSERVACIONES]);
            str_replace(&s->evidencia, text[C_EVIDENCIA]);
            str_replace(&s->pct_publicado, text[C_PCT_PUBLICADO]);
        }
    }
    if (rc < 0)
        goto done;
    if (!p) {
        err_set(err, "%s: el archivo no trae ninguna actividad (solo el encabezado)", path);
        goto done;
    }
    ok = true;
done:
    for (int c = 0; c < C_NCOLS; c++)
        free(text[c]);
    free(text);
    strmap_free(&keys);
    csv_close(rd);
    if (!ok) {
        plan_free(p);
        return NULL;
    }
    return p;
}

bool plancsv_import_plan(Db *db, Plan *in, const char *source, ImportStats *stats,
                         PoaErr *err)
{
    db_set_bulk(db, true);
    bool ok = db_begin(db, err);
    if (ok && !store_merge_plan(db, in, stats, err)) {
        db_rollback(db);
        err_prefix(err, "No se importó «%s»", source);
        ok = false;
    } else if (ok) {
        int64_t accion = db_new_accion(db);
        char desc[256];
        snprintf(desc, sizeof desc, "importar: %d actividades nuevas, %d actualizadas",
                 stats->actividades, stats->actividades_actualizadas);
        ok = store_log(db, accion, in->id, "plan", in->id, "importar", NULL, source, desc,
                       err) &&
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

int plancsv_corte_con_datos(const Plan *p)
{
    int best = 0;
    for (int i = 0; i < p->nacts; i++) {
        const Actividad *a = &p->acts[i];
        if (p->nodes[a->node].deleted)
            continue;
        for (int c = POA_TRIMESTRES; c > best; c--) {
            const Seguimiento *s = &a->seg[c - 1];
            if (s->real.has || *s->observaciones || *s->evidencia || *s->pct_publicado) {
                best = c;
                break;
            }
        }
    }
    return best;
}

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
        x.corte = plancsv_corte_con_datos(p);
    for (int c = 0; c < C_NCOLS; c++) {
        if (c)
            fputc(',', af.f);
        fputs(COLS[c], af.f);
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
