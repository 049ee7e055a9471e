/* importar.c — from files to the database: the table of layouts, each
 * file's sheets offered to them, one builder per file, and one transaction
 * for the whole command (docs/decisiones.md). */
#include "importar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formatos.h"
#include "libro_csv.h"
#include "plano_build.h"

/* poa's own reports first: their hidden columns carry the flat template's
 * header, which the flat layout would otherwise take for itself. */
const PlanoFormato *const IMPORTAR_FORMATOS[] = {
    &FORMATO_INFORME_POA,
    &FORMATO_INFORME_SEGUIMIENTO,
    &FORMATO_INFORME_TABLERO,
    &FORMATO_PLANO,
    &FORMATO_POA_BLOQUES,
    &FORMATO_SEGUIMIENTO_TABLA,
};
const int IMPORTAR_NFORMATOS = (int)POA_ARRAY_LEN(IMPORTAR_FORMATOS);

static void add_error(Importacion *imp, char *msg)
{
    imp->nerrores++;
    if (imp->errores.n < PLANO_MAX_ERRORES)
        plano_avisos_add(&imp->errores, msg);
    else
        free(msg);
}

/* Reads one file into a->plan; its errors go to imp. */
static void leer_archivo(Importacion *imp, ImportArchivo *a, const PlanoOpciones *op)
{
    PoaErr err = {{0}};
    Libro *l = libro_abrir(a->ruta, NULL, &err);
    if (!l) {
        add_error(imp, xstrdup(err.msg));
        return;
    }
    if (libro_csv_nota(l))
        plano_avisos_add(&imp->avisos, xstrdup(libro_csv_nota(l)));
    PlanoBuilder *b = plano_builder_new(op);
    a->nhojas = libro_nhojas(l);
    a->hojas = xcalloc((size_t)a->nhojas + 1, sizeof *a->hojas);
    IntVec leidas = {0};   /* builder sheet number -> index in a->hojas */
    bool fatal = false;
    for (int h = 0; h < a->nhojas && !fatal; h++) {
        ImportHoja *hj = &a->hojas[h];
        hj->nombre = xstrdup(libro_hoja_nombre(l, h));
        const PlanoFormato *f = NULL;
        err.msg[0] = '\0';
        for (int k = 0; k < IMPORTAR_NFORMATOS && !f; k++) {
            if (IMPORTAR_FORMATOS[k]->detect(l, h, &err))
                f = IMPORTAR_FORMATOS[k];
            else if (err.msg[0])
                break;   /* the sheet cannot be read: said below */
        }
        /* the flat template is the only table a CSV holds: read it as that,
         * so its errors say which column is missing */
        if (!f && !err.msg[0] && libro_formato(l) == LIBRO_CSV)
            f = &FORMATO_PLANO;
        if (!f) {
            if (err.msg[0]) {
                add_error(imp, xstrdup(err.msg));
                fatal = true;
            } else {
                plano_avisos_add(&imp->avisos,
                                 xasprintf("%s: hoja «%s»: no se reconoció ninguna tabla; se "
                                           "omite", a->ruta, hj->nombre));
            }
            continue;
        }
        hj->formato = f->nombre;
        int antes = plano_builder_nregistros(b);
        plano_builder_hoja(b, l, h);
        iv_push(&leidas, h);
        if (!f->read(l, h, op, plano_builder_emit, b, &imp->avisos, &err)) {
            plano_builder_error(b, xstrdup(err.msg));
            fatal = true;
        }
        hj->registros = plano_builder_nregistros(b) - antes;
    }
    PlanoAvisos *av = plano_builder_avisos(b);
    for (int i = 0; i < av->n; i++) {
        plano_avisos_add(&imp->avisos, av->lineas[i]);
        av->lineas[i] = NULL;
    }
    if (!leidas.n && !fatal) {
        add_error(imp, xasprintf("%s: no se reconoció ninguna tabla en el archivo (se espera "
                                 "la plantilla plana: docs/formato-csv.md)", a->ruta));
    } else if (plano_builder_nerrores(b)) {
        const PlanoAvisos *e = plano_builder_errores(b);
        for (int i = 0; i < e->n; i++)
            add_error(imp, xstrdup(e->lineas[i]));
        imp->nerrores += plano_builder_nerrores(b) - e->n;
    } else if (leidas.n) {
        a->plan = plano_builder_take(b, &a->hoja_de_nodo, &err);
        if (!a->plan) {
            add_error(imp, xstrdup(err.msg));
        } else {
            for (int i = 0; i < a->plan->nnodes; i++)
                a->hoja_de_nodo[i] = leidas.v[a->hoja_de_nodo[i] < leidas.n
                                                   ? a->hoja_de_nodo[i] : 0];
        }
    }
    iv_free(&leidas);
    plano_builder_free(b);
    libro_cerrar(l);
}

bool importar_leer(Importacion *imp, const char *const *paths, int n, const PlanoOpciones *op)
{
    imp->archivos = xcalloc((size_t)n + 1, sizeof *imp->archivos);
    imp->narchivos = n;
    for (int i = 0; i < n; i++) {
        imp->archivos[i].ruta = xstrdup(paths[i]);
        leer_archivo(imp, &imp->archivos[i], op);
    }
    return imp->nerrores == 0;
}

static void sumar(ImportStats *t, const ImportStats *s)
{
    t->unidades += s->unidades;
    t->ejes += s->ejes;
    t->objetivos += s->objetivos;
    t->metas += s->metas;
    t->entregables += s->entregables;
    t->actividades += s->actividades;
    t->actividades_actualizadas += s->actividades_actualizadas;
    t->actividades_sin_cambios += s->actividades_sin_cambios;
    t->seguimientos += s->seguimientos;
}

/* Spreads what the merge did over the sheets the nodes came from. */
static void contar_hojas(ImportArchivo *a)
{
    Plan *p = a->plan;
    bool *unidad_vista = xcalloc((size_t)p->nunidades + 1, sizeof *unidad_vista);
    for (int i = 1; i < p->nnodes; i++) {
        const Node *n = &p->nodes[i];
        if (n->deleted)
            continue;
        ImportHoja *h = &a->hojas[a->hoja_de_nodo[i]];
        if (n->kind == NODE_META && !unidad_vista[n->unidad]) {
            unidad_vista[n->unidad] = true;
            h->unidades += a->det.unidad_creada[n->unidad];
        }
        if (a->det.creado[i] && !plan_node_implicit(p, i)) {
            h->objetivos += n->kind == NODE_OBJETIVO;
            h->entregables += n->kind == NODE_ENTREGABLE;
            h->actividades += n->kind == NODE_ACTIVIDAD;
        }
        h->actualizadas += a->det.cambios[i] != NULL;
    }
    free(unidad_vista);
}

bool importar_aplicar(Importacion *imp, Db *db, bool simular, PoaErr *err)
{
    memset(&imp->total, 0, sizeof imp->total);
    /* A simulation must not touch the file at all: with no cache spill the
     * rollback journal holds everything and the file is never written. */
    if (simular && !db_exec(db, "PRAGMA cache_spill = OFF", err))
        return false;
    db_set_bulk(db, true);
    bool ok = db_begin(db, err);
    for (int i = 0; ok && i < imp->narchivos; i++) {
        ImportArchivo *a = &imp->archivos[i];
        /* recorded with row images: z puts back what the import changed */
        char *nombre = xasprintf("Importar «%s»", a->ruta);
        int64_t accion = store_lote_begin(db, 0, nombre, err);
        free(nombre);
        ok = accion != 0;
        if (ok && !store_plan_existe(db, a->plan->institucion, a->plan->anio))
            ok = store_lote_crea_plan(db, accion, err);
        ok = ok && store_merge_plan(db, a->plan, accion, &a->stats, &a->det, err);
        if (!ok) {
            err_prefix(err, "No se importó «%s»", a->ruta);
            break;
        }
        char desc[256];
        snprintf(desc, sizeof desc, "importar: %d %s, %d %s", a->stats.actividades,
                 num_plural(a->stats.actividades, "actividad nueva", "actividades nuevas"),
                 a->stats.actividades_actualizadas,
                 num_plural(a->stats.actividades_actualizadas, "actualizada", "actualizadas"));
        ok = store_log(db, accion, a->plan->id, CAMBIO_IMPORTAR, "plan", a->plan->id,
                       "importar", NULL, a->ruta, desc, err) &&
             store_log_describe(db, accion, desc, err) && store_lote_end(db, accion, err);
        sumar(&imp->total, &a->stats);
        contar_hojas(a);
    }
    /* PITFALLS.md: the tree query needs statistics after a large import; a
     * sample of each index is enough for its plan and costs a fraction */
    if (ok && !simular && imp->total.actividades > 1000)
        ok = db_exec(db, "PRAGMA analysis_limit = 1000; ANALYZE", err);
    if (ok && !simular)
        ok = db_commit(db, err);
    if (!ok || simular)
        db_rollback(db);
    db_set_bulk(db, false);
    imp->aplicado = ok;
    return ok;
}

void importar_free(Importacion *imp)
{
    for (int i = 0; i < imp->narchivos; i++) {
        ImportArchivo *a = &imp->archivos[i];
        if (a->plan)
            store_merge_detalle_free(&a->det, a->plan->nnodes);
        plan_free(a->plan);
        free(a->hoja_de_nodo);
        for (int h = 0; h < a->nhojas; h++)
            free(a->hojas[h].nombre);
        free(a->hojas);
        free(a->ruta);
    }
    free(imp->archivos);
    plano_avisos_free(&imp->avisos);
    plano_avisos_free(&imp->errores);
    memset(imp, 0, sizeof *imp);
}

void importar_errores_texto(const Importacion *imp, StrBuf *out)
{
    for (int i = 0; i < imp->errores.n; i++)
        sb_appendf(out, "%s\n", imp->errores.lineas[i]);
    if (imp->nerrores > imp->errores.n)
        sb_appendf(out, "… y %d %s más\n", imp->nerrores - imp->errores.n,
                   num_plural(imp->nerrores - imp->errores.n, "error", "errores"));
}

static void describir(const Plan *p, int node, StrBuf *out)
{
    const Node *n = &p->nodes[node];
    const char *cod = n->codigo;
    sb_appendf(out, "«%s%s%.60s%s» (%s)", cod, *cod ? " " : "", n->texto,
               strlen(n->texto) > 60 ? "…" : "", p->unidades[n->unidad].nombre);
}

void importar_resumen_texto(const Importacion *imp, int max_cambios, StrBuf *out)
{
    for (int i = 0; i < imp->narchivos; i++) {
        const ImportArchivo *a = &imp->archivos[i];
        for (int h = 0; h < a->nhojas; h++) {
            const ImportHoja *hj = &a->hojas[h];
            if (!hj->formato)
                continue;
            sb_appendf(out, "  «%s», hoja «%s»: %s, %d %s", a->ruta, hj->nombre, hj->formato,
                       hj->registros, num_plural(hj->registros, "fila", "filas"));
            if (imp->aplicado)
                sb_appendf(out, "; nuevas: %d %s, %d %s, %d %s, %d %s; %d %s", hj->unidades,
                           num_plural(hj->unidades, "unidad", "unidades"), hj->objetivos,
                           num_plural(hj->objetivos, "objetivo", "objetivos"), hj->entregables,
                           num_plural(hj->entregables, "entregable", "entregables"),
                           hj->actividades, num_plural(hj->actividades, "actividad", "actividades"),
                           hj->actualizadas,
                           num_plural(hj->actualizadas, "actividad actualizada",
                                      "actividades actualizadas"));
            sb_append(out, "\n");
        }
    }
    if (!imp->aplicado)
        return;
    const ImportStats *st = &imp->total;
    sb_appendf(out, "  unidades creadas:      %d\n", st->unidades);
    sb_appendf(out, "  ejes creados:          %d\n", st->ejes);
    sb_appendf(out, "  objetivos creados:     %d\n", st->objetivos);
    sb_appendf(out, "  metas operativas:      %d\n", st->metas);
    sb_appendf(out, "  entregables creados:   %d\n", st->entregables);
    sb_appendf(out, "  actividades creadas:   %d\n", st->actividades);
    sb_appendf(out, "  actividades actualizadas: %d\n", st->actividades_actualizadas);
    sb_appendf(out, "  actividades sin cambios:  %d\n", st->actividades_sin_cambios);
    sb_appendf(out, "  seguimientos:          %d\n", st->seguimientos);
    int shown = 0, total = 0;
    for (int i = 0; i < imp->narchivos; i++) {
        const ImportArchivo *a = &imp->archivos[i];
        for (int n = 0; a->plan && n < a->plan->nnodes; n++) {
            if (!a->det.cambios || !a->det.cambios[n])
                continue;
            total++;
            if (shown >= max_cambios)
                continue;
            if (!shown)
                sb_append(out, "Actividades que cambian:\n");
            sb_append(out, "  ");
            describir(a->plan, n, out);
            sb_appendf(out, ": %s\n", a->det.cambios[n]);
            shown++;
        }
    }
    if (total > shown && max_cambios > 0)
        sb_appendf(out, "  … y %d %s más\n", total - shown,
                   num_plural(total - shown, "actividad", "actividades"));
}
