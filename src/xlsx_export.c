/* xlsx_export.c — one export: options, the figures (the plan's roll-up,
 * calc.c), the workbook's properties, which reports go in, and the
 * temporary file renamed when complete. The sheets are xlsx_tablero.c,
 * xlsx_seguimiento.c and xlsx_poa.c; the writing machinery xlsx_writer.c. */
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

static void calcular(Xw *x)
{
    Plan *p = x->p;
    x->roll = calc_rollup_new(p, x->corte, x->unidad, &x->o->umbrales, &x->o->regla);
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
}

/* The corte a report uses: the requested one, else the latest with data
 * (the one rule, calc.c), else the first quarter. */
static int corte_de(const Plan *p, int pedido)
{
    if (pedido >= 1 && pedido <= POA_TRIMESTRES)
        return pedido;
    int c = calc_ultimo_corte_con_datos(p);
    return c ? c : 1;
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
    x.corte = corte_de(p, o->corte);
    calcular(&x);
    int ninformes = o->informe == XLSX_INFORME_TODO ? 3 : 1;
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

    char titulo[200];
    snprintf(titulo, sizeof titulo, "%s %d — %s",
             o->informe == XLSX_INFORME_POA ? "Plan Operativo Anual"
             : o->informe == XLSX_INFORME_SEGUIMIENTO ? "Seguimiento del POA"
             : o->informe == XLSX_INFORME_TABLERO ? "Tablero de ejecución del POA"
                                                  : "Informes del POA",
             p->anio, p->institucion);
    char asunto[120];
    snprintf(asunto, sizeof asunto, "Corte al %s (%s)", POA_TRIM_NOMBRE[x.corte - 1],
             POA_TRIM_RANGO[x.corte - 1]);
    lxw_doc_properties props = {0};
    props.title = titulo;
    props.subject = o->informe == XLSX_INFORME_POA ? NULL : asunto;
    props.author = o->autor && o->autor[0] ? (char *)o->autor : NULL;
    props.company = p->institucion;
    props.category = "Informe para el Consejo Directivo";
    /* without Carlito the heights are estimated: said once, in the file
     * itself, where the reader looks (File › Properties) */
    props.comments = medida_real(x.md) ? "Generado con poa"
                                       : "Generado con poa. Alturas de fila estimadas: falta "
                                         "la fuente Carlito (fonts-crosextra-carlito)";
    xw_chk(&x, workbook_set_properties(x.wb, &props));

    if (o->informe == XLSX_INFORME_TABLERO || o->informe == XLSX_INFORME_TODO)
        xlsx_tablero(&x);
    if (o->informe == XLSX_INFORME_SEGUIMIENTO || o->informe == XLSX_INFORME_TODO)
        xlsx_seguimiento(&x);
    if (o->informe == XLSX_INFORME_POA || o->informe == XLSX_INFORME_TODO)
        xlsx_poa(&x);
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
    free(tmp);
    xw_liberar(&x);
    return ok;
}

/* For the other workbooks written beside the reports (xlsx_captura.c). */
const char *xw_lxw_texto(lxw_error e)
{
    return lxw_texto(e);
}
