/* xlsx_export.c — one export: options, the figures (the plan's roll-up,
 * calc.c), the workbook's properties, which reports go in and in what order
 * (a corte without seguimiento never prints a red board), and the temporary
 * file renamed when complete. The sheets are xlsx_resumen.c, xlsx_tablero.c,
 * xlsx_seguimiento.c, xlsx_poa.c and xlsx_observaciones.c; the writing
 * machinery xlsx_writer.c. */
#include "xlsx_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "u8.h"
#include "xlsx_medida.h"

_Static_assert(sizeof ((Config *)0)->titulo_poa / sizeof ((Config *)0)->titulo_poa[0] ==
                   XLSX_POA_NTITULOS,
               "one [columnas] poa_* key per POA title");

void xlsx_opts_from_config(XlsxOpts *o, const Config *cfg)
{
    memset(o, 0, sizeof *o);
    o->informe = XLSX_INFORME_TODO;
    o->umbrales = cfg ? cfg->umbrales : calc_umbrales_default();
    o->regla = cfg ? cfg->regla : calc_regla_default();
    o->papel = cfg ? cfg->papel : PAPEL_CARTA;
    o->horizontal = cfg ? cfg->horizontal : true;
    o->autor = cfg && cfg->autor[0] ? cfg->autor : NULL;
    o->moneda = cfg && cfg->moneda[0] ? cfg->moneda : NULL;
    for (int i = 0; cfg && i < XLSX_POA_NTITULOS; i++)
        o->titulo_poa[i] = cfg->titulo_poa[i][0] ? cfg->titulo_poa[i] : NULL;

    o->agrupar = cfg ? cfg->agrupar_seguimiento : AGRUPAR_UNIDAD;
    for (int i = 0; cfg && i < COLSEG_N; i++)
        o->col_seg[i] = cfg->columnas_seg[i];
    for (int i = 0; cfg && i < 3; i++)
        o->firmas[i] = (XlsxFirma){cfg->firma_nombre[i], cfg->firma_cargo[i]};
}

static const char *const INFORME_NOMBRE[] = {"poa", "seguimiento", "tablero", "todo"};

bool xlsx_informe_parse(const char *s, XlsxInforme *out)
{
    for (int i = 0; s && i < (int)POA_ARRAY_LEN(INFORME_NOMBRE); i++)
        if (strcmp(s, INFORME_NOMBRE[i]) == 0) {
            *out = (XlsxInforme)i;
            return true;
        }
    return false;
}

const char *xlsx_informe_name(XlsxInforme i)
{
    return (unsigned)i < POA_ARRAY_LEN(INFORME_NOMBRE) ? INFORME_NOMBRE[i] : "";
}

/* ---- The figures and the shape ---- */

/* Every meta of each unit in tree order (the POA's blocks). */
static void metas_de_unidades(Xw *x, int node)
{
    const Node *n = &x->p->nodes[node];
    if (n->deleted || n->kind == NODE_ACTIVIDAD)
        return;
    if (n->kind == NODE_META && n->unidad >= 0 && n->unidad < x->p->nunidades)
        iv_push(&x->metas_uni[n->unidad], node);
    for (int i = 0; i < n->kids.n; i++)
        metas_de_unidades(x, n->kids.v[i]);
}

/* Nothing reported at the corte: every due activity is «sin reporte», and
 * reading that as 0 % rojo would tell the board the whole plan failed. The
 * figures become «no %» (gray) everywhere the roll-up is read; the counts
 * stay. Exact, since without any real no activity adds to a mean. */
static void rollup_sin_seguimiento(Rollup *r)
{
    for (int i = 0; i < r->nacts; i++)
        if (r->act[i].estado == ESTADO_SIN_REPORTE) {
            r->act[i].has_pct = false;
            r->act[i].pct = 0;
            r->act[i].semaforo = SEM_GRIS;
        }
    Consolidado *grupos[3] = {r->nodo, r->unid, &r->total};
    int ns[3] = {r->nnodos, r->nunidades, 1};
    for (int g = 0; g < 3; g++)
        for (int i = 0; i < ns[g]; i++) {
            Consolidado *c = &grupos[g][i];
            c->suma = c->pesos = 0;
            c->n_semaforo[SEM_GRIS] += c->n_semaforo[SEM_ROJO];
            c->n_semaforo[SEM_ROJO] = 0;
        }
}

static void calcular(Xw *x)
{
    Plan *p = x->p;
    x->roll = calc_rollup_new(p, x->corte, x->unidad, &x->o->umbrales, &x->o->regla);
    x->sin_seguimiento = !calc_corte_con_datos(p, x->corte);
    if (x->sin_seguimiento)
        rollup_sin_seguimiento(x->roll);
    x->metas_uni = xcalloc((size_t)(p->nunidades > 0 ? p->nunidades : 1), sizeof *x->metas_uni);
    metas_de_unidades(x, 0);
}

static void xw_liberar(Xw *x)
{
    calc_rollup_free(x->roll);
    xlsx_seg_filas_free(x->seg);
    free(x->texto_largo);
    for (int u = 0; x->metas_uni && u < x->p->nunidades; u++)
        iv_free(&x->metas_uni[u]);
    free(x->metas_uni);
    for (int i = 0; i < x->nhojas; i++)
        free(x->hojas[i]);
    free(x->hojas);
    hallazgos_free(&x->hallazgos);
    iv_free(&x->observaciones);
    iv_free(&x->tablero_unidades);
}

static const char *lxw_texto(lxw_error e)
{
    switch (e) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "memoria agotada";
    case LXW_ERROR_CREATING_XLSX_FILE: return "no se pudo crear el archivo";
    case LXW_ERROR_CREATING_TMPFILE: return "no se pudo crear un archivo temporal";
    case LXW_ERROR_READING_TMPFILE: return "no se pudo leer un archivo temporal";
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE: return "falló la compresión del libro (¿disco lleno?)";
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR: return "error interno al comprimir el libro";
    default: return lxw_strerror(e);
    }
}

/* The board or seguimiento asked for at a corte without seguimiento says
 * so under its title (row 3, free on both sheets), in the cell's own width
 * and the next empty ones: gray, not a red page. */
static void aviso_sin_seguimiento(Xw *x)
{
    if (!x->sin_seguimiento || x->nhojas == 0)
        return;
    lxw_worksheet *ws = workbook_get_worksheet_by_name(x->wb, x->hojas[x->nhojas - 1]);
    if (!ws)
        return;
    char t[300];
    snprintf(t, sizeof t, "Sin seguimiento registrado al corte %s (%s): ninguna actividad "
             "tiene real, observaciones ni %% publicado. Las cifras quedan en gris, sin "
             "semáforo.", POA_TRIM_NOMBRE[x->corte - 1], XW_ACUM[x->corte - 1]);
    xw_str(x, ws, 2, 0, t, x->fr.aviso);
}

bool xlsx_export(Plan *p, const XlsxOpts *o, XlsxProgress cb, void *ctx, PoaErr *err)
{
    if (!o || !o->path || !o->path[0]) {
        err_set(err, "Falta el nombre del archivo XLSX");
        return false;
    }
    Xw x = {0};
    x.p = p;
    x.o = o;
    x.cb = cb;
    x.cb_ctx = ctx;
    x.unidad = -1;
    if (o->unidad && o->unidad[0]) {
        x.unidad = plan_find_unidad(p, o->unidad);
        if (x.unidad < 0) {
            err_set(err, "El plan no tiene ninguna unidad «%s»", o->unidad);
            return false;
        }
    }
    x.corte = xw_corte_de(p, o->corte);
    calcular(&x);
    /* todo is the board's workbook: without seguimiento it is the POA */
    bool solo_poa = o->informe == XLSX_INFORME_TODO && x.sin_seguimiento;
    XlsxInforme informe = solo_poa ? XLSX_INFORME_POA : o->informe;
    xw_observaciones_hallar(&x);
    int ninformes = informe == XLSX_INFORME_TODO ? 3 : 1;
    x.pasos = (long)x.roll->ncontadas * ninformes;

    errno = 0;
    char *tmp = atomic_tmp_name(o->path);
    int e = errno;
    if (!file_exists(tmp)) {
        /* caught here so libxlsxwriter does not print its own message to
         * stderr (it would land on the TUI's screen) */
        err_set(err, "No se pudo crear «%s»: %s", o->path, err_sistema(e ? e : EACCES));
        free(tmp);
        xw_liberar(&x);
        return false;
    }
    lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL,
                               .use_zip64 = LXW_FALSE};
    x.wb = workbook_new_opt(tmp, &wo);
    if (!x.wb) {
        err_set(err, "No se pudo crear el libro XLSX «%s»: %s", o->path, err_sistema(errno));
        unlink(tmp);
        free(tmp);
        xw_liberar(&x);
        return false;
    }
    xw_formatos_crear(&x);
    x.md = medida_compartida();
    xw_formatos_resumen(&x);

    char titulo[200];
    snprintf(titulo, sizeof titulo, "%s %d — %s",
             informe == XLSX_INFORME_POA ? "Plan Operativo Anual"
             : informe == XLSX_INFORME_SEGUIMIENTO ? "Seguimiento del POA"
             : informe == XLSX_INFORME_TABLERO ? "Tablero de ejecución del POA"
                                                  : "Informes del POA",
             p->anio, p->institucion);
    char asunto[120];
    /* the accumulated period, as every sheet writes it (EN-SEP, not JUL-SEP) */
    snprintf(asunto, sizeof asunto, "Corte al %s (%s)%s", POA_TRIM_NOMBRE[x.corte - 1],
             XW_ACUM[x.corte - 1], x.sin_seguimiento ? ", sin seguimiento registrado" : "");
    lxw_doc_properties props = {0};
    props.title = titulo;
    props.subject = informe == XLSX_INFORME_POA ? NULL : asunto;
    props.author = o->autor && o->autor[0] ? (char *)o->autor : NULL;
    props.company = p->institucion;
    props.category = "Informe para el Consejo Directivo";
    /* without Carlito the heights are estimated: said once, in the file
     * itself, where the reader looks (File › Properties) */
    props.comments = medida_real(x.md) ? "Generado con poa"
                                       : "Generado con poa. Alturas de fila estimadas: falta "
                                         "la fuente Carlito (fonts-crosextra-carlito)";
    xw_chk(&x, workbook_set_properties(x.wb, &props));

    /* what the board reads first, then the detail behind it; the
     * verification findings last: they are the planning office's work list,
     * and the summary says how many there are */
    if (informe == XLSX_INFORME_TODO)
        xlsx_resumen(&x);
    if (informe == XLSX_INFORME_TABLERO || informe == XLSX_INFORME_TODO) {
        xlsx_tablero(&x);
        aviso_sin_seguimiento(&x);
    }
    if (informe == XLSX_INFORME_SEGUIMIENTO || informe == XLSX_INFORME_TODO) {
        xlsx_seguimiento(&x);
        aviso_sin_seguimiento(&x);
    }
    if (informe == XLSX_INFORME_POA || informe == XLSX_INFORME_TODO)
        xlsx_poa(&x);
    /* the findings go with the board's workbook (todo, or its POA alone);
     * a report asked for by name is that sheet only */
    if (o->informe == XLSX_INFORME_TODO)
        xlsx_observaciones(&x);
    xw_pagina_cerrar(&x, NULL, -1, -1);   /* sheets never given xw_imprimir */

    lxw_error lx = workbook_close(x.wb);
    bool ok = true;
    /* libxlsxwriter's own texts are English; the common causes in Spanish */
    if (x.texto_largo) {
        err_set(err, "No se escribió «%s»: %s", o->path, x.texto_largo);
        ok = false;
    } else if (x.lxerr != LXW_NO_ERROR) {
        err_set(err, "No se pudo escribir «%s»: %s", o->path, lxw_texto(x.lxerr));
        ok = false;
    } else if (lx != LXW_NO_ERROR) {
        if (lx == LXW_ERROR_CREATING_XLSX_FILE || lx == LXW_ERROR_CREATING_TMPFILE)
            err_set(err, "No se pudo escribir «%s»: %s (%s)", o->path, lxw_texto(lx),
                    err_sistema(errno));
        else
            err_set(err, "No se pudo escribir «%s»: %s", o->path, lxw_texto(lx));
        ok = false;
    }
    if (ok) {
        /* mkstemp made the temporary file private; a report is for sharing */
        mode_t um = umask(0);
        umask(um);
        chmod(tmp, 0666 & ~um);
        ok = atomic_rename(tmp, o->path, err);
    } else {
        unlink(tmp);
    }
    if (ok && cb)
        cb(ctx, x.pasos, x.pasos);
    if (ok && o->hojas)
        *o->hojas = x.nhojas;
    if (ok && o->salida)
        *o->salida = (XlsxSalida){.corte = x.corte, .sin_seguimiento = x.sin_seguimiento,
                                  .solo_poa = solo_poa,
                                  .observaciones = o->informe == XLSX_INFORME_TODO
                                                       ? x.observaciones.n : 0};
    free(tmp);
    xw_liberar(&x);
    return ok;
}

/* For the other workbooks written beside the reports (xlsx_captura.c). */
const char *xw_lxw_texto(lxw_error e)
{
    return lxw_texto(e);
}
