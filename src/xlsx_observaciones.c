/* xlsx_observaciones.c — the findings of verificar that change what a report
 * reads, chosen once: the lines the CLI prints before exporting and the sheet
 * «Observaciones de verificación» (what, where, the values, how to fix it). */
#include "xlsx_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What each kept rule is called on the sheet. Everything else verificar
 * says (responsables, codes, sums of targets) leaves the figures as they
 * are and stays in `poa verificar`. */
static const struct {
    const char *regla, *que;
    bool con_seguimiento;   /* concerns the seguimiento figures, not the POA */
} REGLAS[] = {
    {"nombre_similar", "Nombre escrito de dos maneras", false},
    {"nombre_vacio", "Nombre vacío", false},
    {"pct_publicado", "% publicado distinto del calculado", true},
    {"real_unidad", "Real en otra unidad que su meta", true},
};

static const char *que_de(const Hallazgo *h, bool con_seguimiento)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(REGLAS); i++)
        if (strcmp(h->regla, REGLAS[i].regla) == 0 &&
            (con_seguimiento || !REGLAS[i].con_seguimiento))
            return REGLAS[i].que;
    return NULL;
}

/* The findings at corte for a report with or without seguimiento figures;
 * sel gets the indices of the kept ones. */
static void hallar(Plan *p, const XlsxOpts *o, int corte, bool con_seguimiento, Hallazgos *h,
                   IntVec *sel)
{
    VerificarOpts vo = {.corte = corte, .umbrales = o->umbrales, .regla = o->regla,
                        .archivo = o->archivo_plan};
    verificar_plan(p, &vo, h);
    /* a unit's report: its own findings and the plan's names */
    int u = o->unidad && o->unidad[0] ? plan_find_unidad(p, o->unidad) : -1;
    for (int i = 0; i < h->n; i++)
        if (que_de(&h->v[i], con_seguimiento) && (u < 0 || h->v[i].unidad < 0 ||
                                                  h->v[i].unidad == u))
            iv_push(sel, i);
}

static bool con_seguimiento(const Plan *p, const XlsxOpts *o, int corte)
{
    return o->informe != XLSX_INFORME_POA && calc_corte_con_datos(p, corte);
}

/* "Unidad · código · campo" where the finding is. */
static char *donde(const Plan *p, const Hallazgo *h)
{
    StrBuf b = {0};
    if (h->unidad >= 0 && h->unidad < p->nunidades)
        sb_append(&b, p->unidades[h->unidad].nombre);
    if (h->codigo[0])
        sb_appendf(&b, "%s%s", b.len ? " · " : "", h->codigo);
    if (h->campo[0])
        sb_appendf(&b, "%s%s", b.len ? " · " : "", h->campo);
    return sb_take(&b);
}

int xlsx_observaciones_lineas(Plan *p, const XlsxOpts *o, Lineas *out)
{
    int corte = xw_corte_de(p, o->corte);
    bool cs = con_seguimiento(p, o, corte);
    Hallazgos h;
    IntVec sel = {0};
    hallar(p, o, corte, cs, &h, &sel);
    for (int i = 0; out && i < sel.n; i++) {
        const Hallazgo *x = &h.v[sel.v[i]];
        char *d = donde(p, x);
        lineas_add(out, xasprintf("%s (%s): %s", que_de(x, cs), d, x->mensaje));
        free(d);
    }
    int n = sel.n;
    iv_free(&sel);
    hallazgos_free(&h);
    return n;
}

void xw_observaciones_hallar(Xw *x)
{
    bool cs = x->o->informe != XLSX_INFORME_POA && !x->sin_seguimiento;
    hallar(x->p, x->o, x->corte, cs, &x->hallazgos, &x->observaciones);
}

enum { OB_QUE, OB_DONDE, OB_VALOR, OB_DETALLE, OB_COMO, OB_NCOLS };
static const double OB_W[OB_NCOLS] = {20, 24, 30, 50, 40};

void xlsx_observaciones(Xw *x)
{
    if (x->observaciones.n == 0)
        return;
    Plan *p = x->p;
    Formatos *f = &x->f;
    lxw_worksheet *ws = xw_hoja(x, "Observaciones de verificación");
    if (!ws)
        return;
    for (int c = 0; c < OB_NCOLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, OB_W[c], NULL);
    char t[300], periodo[120];
    xw_periodo_corte(x, periodo, sizeof periodo);
    snprintf(t, sizeof t, "OBSERVACIONES DE VERIFICACIÓN — POA %d", p->anio);
    xw_titulo(x, ws, OB_NCOLS - 1, t);
    const char *intro = "Lo que «poa verificar» encontró y cambia lo que se lee en este "
                        "informe: corríjalo en el plan (o con el comando indicado) y vuelva a "
                        "exportar. Nada se corrigió solo.";
    xw_merge(x, ws, 2, 0, 2, OB_NCOLS - 1, intro, f->nota);
    xw_alto(x, ws, 2, 2);

    static const char *const CAB[OB_NCOLS] = {"Qué", "Dónde (unidad · código · campo)",
                                              "Valor escrito", "Detalle", "Cómo corregirlo"};
    const int RC = 3;
    for (int c = 0; c < OB_NCOLS; c++)
        xw_str(x, ws, RC, c, CAB[c], f->cab);
    /* read back as a summary sheet: a report re-imported ignores it */
    xw_clave_marca(x, ws, RC, "poa:tablero");
    xw_alto(x, ws, RC, 2);
    bool cs = x->o->informe != XLSX_INFORME_POA && !x->sin_seguimiento;
    int r = RC + 1;
    for (int i = 0; i < x->observaciones.n; i++, r++) {
        const Hallazgo *h = &x->hallazgos.v[x->observaciones.v[i]];
        char *d = donde(p, h);
        const char *como = h->sugerencia[0] ? h->sugerencia : "Corregir en el plan";
        xw_str(x, ws, r, OB_QUE, que_de(h, cs), f->texto);
        xw_str(x, ws, r, OB_DONDE, d, f->texto);
        xw_str(x, ws, r, OB_VALOR, h->valor[0] ? h->valor : "(vacío)",
               h->valor[0] ? f->texto : f->gris_izq);
        xw_str(x, ws, r, OB_DETALLE, h->mensaje, f->texto);
        xw_str(x, ws, r, OB_COMO, como, f->texto);
        int l = xw_lineas(h->mensaje, OB_W[OB_DETALLE]);
        int l2 = xw_lineas(h->valor, OB_W[OB_VALOR]);
        int l3 = xw_lineas(como, OB_W[OB_COMO]);
        int l4 = xw_lineas(d, OB_W[OB_DONDE]);
        l = l2 > l ? l2 : l;
        l = l3 > l ? l3 : l;
        l = l4 > l ? l4 : l;
        xw_alto(x, ws, r, l);
        free(d);
    }
    xw_imprimir(x, ws, "Observaciones de verificación", periodo, RC, RC);
}
