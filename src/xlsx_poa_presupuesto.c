/* xlsx_poa_presupuesto.c — the POA sheet's budget: one currency and one
 * symbol per plan, totals per entregable, unit and institution as formulas
 * over the amounts, and the notes on an amount as numbered footnotes under
 * the unit's block and a comment on the cell. */
#include "xlsx_poa_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The currency a symbol names: RD$/DOP, US$/USD, €/EUR; any other word
 * names itself. "$" alone names none: it is the local sign of pesos and
 * dollars alike, so it takes the plan's currency. */
static const char *moneda_codigo(const char *s)
{
    static const char *const NOMBRES[][3] = {
        {"RD$", "DOP", "DOP"}, {"US$", "USD", "USD"}, {"€", "EUR", "EUR"}};
    if (!s || !s[0] || strcmp(s, "$") == 0)
        return "";
    for (size_t i = 0; i < POA_ARRAY_LEN(NOMBRES); i++)
        if (strcmp(s, NOMBRES[i][0]) == 0 || strcasecmp(s, NOMBRES[i][1]) == 0)
            return NOMBRES[i][2];
    return s;
}

static bool en_alcance(const Xw *x, const Actividad *a)
{
    const Node *n = &x->p->nodes[a->node];
    return !n->deleted && (x->unidad < 0 || n->unidad == x->unidad);
}

/* The symbol most amounts carry, and the currency most named (ties: the
 * first seen). Over the whole plan, so a unit's report prints the same
 * symbol as the institution's. */
static void mas_usados(const Plan *p, char *simbolo, size_t ns, char *codigo, size_t nc)
{
    char sim[16][16], cod[16][8];
    int ks[16] = {0}, kc[16] = {0}, nsim = 0, ncod = 0;
    for (int i = 0; i < p->nacts; i++) {
        const Actividad *a = &p->acts[i];
        if (!a->has_presupuesto || p->nodes[a->node].deleted || !a->moneda[0])
            continue;
        int j = 0;
        while (j < nsim && strcmp(sim[j], a->moneda) != 0)
            j++;
        if (j == nsim && nsim < 16)
            snprintf(sim[nsim++], sizeof sim[0], "%s", a->moneda);
        if (j < nsim)
            ks[j]++;
        const char *c = moneda_codigo(a->moneda);
        if (!c[0])
            continue;
        j = 0;
        while (j < ncod && strcmp(cod[j], c) != 0)
            j++;
        if (j == ncod && ncod < 16)
            snprintf(cod[ncod++], sizeof cod[0], "%s", c);
        if (j < ncod)
            kc[j]++;
    }
    int bs = -1, bc = -1;
    for (int j = 0; j < nsim; j++)
        if (bs < 0 || ks[j] > ks[bs])
            bs = j;
    for (int j = 0; j < ncod; j++)
        if (bc < 0 || kc[j] > kc[bc])
            bc = j;
    snprintf(simbolo, ns, "%s", bs >= 0 ? sim[bs] : "");
    snprintf(codigo, nc, "%s", bc >= 0 ? cod[bc] : "");
}

/* A number format showing the symbol, and " (n)" for a footnote. The
 * symbol is quoted: "$" and "€" would otherwise be format codes. */
static lxw_format *formato_monto(Poa *po, const char *simbolo, int nota, bool total)
{
    const Formatos *f = &po->x->f;
    StrBuf num = {0};
    if (simbolo[0]) {
        sb_putc(&num, '"');
        for (const char *s = simbolo; *s; s++)
            if (*s != '"' && *s != '\\')
                sb_putc(&num, *s);
        sb_append(&num, "\" ");
    }
    sb_append(&num, "#,##0.00");
    if (nota > 0)
        sb_appendf(&num, "\" (%d)\"", nota);
    lxw_format *nf = workbook_add_format(po->x->wb);
    /* the body's font size and border colour, whatever xlsx_writer.c sets */
    format_set_font_size(nf, f->texto->font_size);
    format_set_border(nf, LXW_BORDER_THIN);
    format_set_border_color(nf, f->texto->bottom_color);
    format_set_align(nf, LXW_ALIGN_RIGHT);
    format_set_align(nf, LXW_ALIGN_VERTICAL_TOP);
    if (total) {
        format_set_bold(nf);
        format_set_bg_color(nf, f->total->bg_color);
        format_set_align(nf, LXW_ALIGN_VERTICAL_CENTER);
    }
    format_set_num_format(nf, sb_str(&num));
    sb_free(&num);
    return nf;
}

void poa_pres_iniciar(Poa *po)
{
    Xw *x = po->x;
    PoaPres *pr = &po->pres;
    memset(pr, 0, sizeof *pr);
    char simbolo[16], codigo[8];
    mas_usados(x->p, simbolo, sizeof simbolo, codigo, sizeof codigo);
    if (x->o->moneda && x->o->moneda[0]) {
        /* the configured symbol; it names the plan's currency unless it is "$" */
        snprintf(simbolo, sizeof simbolo, "%s", x->o->moneda);
        if (moneda_codigo(simbolo)[0])   /* ISO codes: three letters */
            snprintf(codigo, sizeof codigo, "%.7s", moneda_codigo(simbolo));
    }
    snprintf(pr->simbolo[0], sizeof pr->simbolo[0], "%s", simbolo);
    snprintf(pr->codigo[0], sizeof pr->codigo[0], "%s", codigo);
    pr->n = 1;
    pr->monto[0] = formato_monto(po, simbolo, 0, false);
    pr->total[0] = formato_monto(po, simbolo, 0, true);
    pr->rotulo = workbook_add_format(x->wb);
    format_set_font_size(pr->rotulo, x->f.texto->font_size);
    format_set_bold(pr->rotulo);
    format_set_border(pr->rotulo, LXW_BORDER_THIN);
    format_set_border_color(pr->rotulo, x->f.texto->bottom_color);
    format_set_bg_color(pr->rotulo, x->f.total->bg_color);
    format_set_align(pr->rotulo, LXW_ALIGN_RIGHT);
    format_set_align(pr->rotulo, LXW_ALIGN_VERTICAL_CENTER);

    /* the column holds the longest amount with its note's number, and the
     * institution's total (the largest sum) */
    double inst = 0;
    size_t largo = 0;
    char num[64];
    for (int i = 0; i < x->p->nacts; i++) {
        const Actividad *a = &x->p->acts[i];
        if (!a->has_presupuesto || !en_alcance(x, a))
            continue;
        po->con_pres = true;
        inst += a->presupuesto;
        num_format_money(a->presupuesto, num, sizeof num);
        size_t l = strlen(num) + strlen(a->moneda[0] ? a->moneda : simbolo) + 1 +
                   (a->presupuesto_nota[0] ? 4 : 0);
        if (l > largo)
            largo = l;
    }
    num_format_money(inst, num, sizeof num);
    if (strlen(num) + strlen(simbolo) + 1 > largo)
        largo = strlen(num) + strlen(simbolo) + 1;
    /* digits are about a width unit each at 10 pt; bold totals a bit more */
    double w = (double)largo * 1.05 + 1.5;
    if (w > po->w[PO_PRES])
        po->w[PO_PRES] = w > 26 ? 26 : w;
    for (int i = 0; i < x->p->nacts && !po->con_pres; i++)
        po->con_pres = en_alcance(x, &x->p->acts[i]) && x->p->acts[i].presupuesto_nota[0];
}

void poa_pres_fin(Poa *po)
{
    for (int i = 0; i < po->pres.nnotas; i++)
        free(po->pres.notas[i]);
    free(po->pres.notas);
    po->pres.notas = NULL;
    po->pres.nnotas = 0;
}

/* The currency of an amount: 0 the plan's, else another (its own symbol);
 * -1 past PO_MONEDAS_MAX (never in a real plan: printed, not totalled). */
static int moneda_de(Poa *po, const Actividad *a)
{
    PoaPres *pr = &po->pres;
    const char *c = moneda_codigo(a->moneda);
    if (!c[0] || strcmp(c, pr->codigo[0]) == 0)
        return 0;
    for (int i = 1; i < pr->n; i++)
        if (strcmp(pr->codigo[i], c) == 0)
            return i;
    if (pr->n >= PO_MONEDAS_MAX)
        return -1;
    int i = pr->n++;
    snprintf(pr->simbolo[i], sizeof pr->simbolo[i], "%s", a->moneda);
    snprintf(pr->codigo[i], sizeof pr->codigo[i], "%s", c);
    pr->monto[i] = formato_monto(po, a->moneda, 0, false);
    pr->total[i] = formato_monto(po, a->moneda, 0, true);
    return i;
}

/* The footnote's number of a note in this unit: the same text, the same number. */
static int nota_numero(PoaPres *pr, const char *nota)
{
    for (int i = 0; i < pr->nnotas; i++)
        if (strcmp(pr->notas[i], nota) == 0)
            return i + 1;
    pr->notas = xrealloc(pr->notas, sizeof *pr->notas * (size_t)(pr->nnotas + 1));
    pr->notas[pr->nnotas++] = xstrdup(nota);
    return pr->nnotas;
}

static lxw_format *formato_con_nota(Poa *po, int moneda, int nota)
{
    PoaPres *pr = &po->pres;
    for (int i = 0; i < pr->ncon_nota; i++)
        if (pr->con_nota[i].moneda == moneda && pr->con_nota[i].nota == nota)
            return pr->con_nota[i].f;
    lxw_format *f = formato_monto(po, pr->simbolo[moneda], nota, false);
    if (pr->ncon_nota < (int)POA_ARRAY_LEN(pr->con_nota)) {
        pr->con_nota[pr->ncon_nota].moneda = moneda;
        pr->con_nota[pr->ncon_nota].nota = nota;
        pr->con_nota[pr->ncon_nota++].f = f;
    }
    return f;
}

void poa_pres_celda(Poa *po, int r, const Actividad *a)
{
    Xw *x = po->x;
    PoaPres *pr = &po->pres;
    if (!a->has_presupuesto) {
        /* «N/A», «De acuerdo a lo aprobado en el PAC»: the note is the budget */
        xw_str(x, po->ws, r, PO_PRES, a->presupuesto_nota, x->f.texto_c);
        return;
    }
    int m = moneda_de(po, a);
    int nota = a->presupuesto_nota[0] ? nota_numero(pr, a->presupuesto_nota) : 0;
    lxw_format *f = m < 0 ? x->f.num[1] : nota ? formato_con_nota(po, m, nota) : pr->monto[m];
    xw_num(x, po->ws, r, PO_PRES, a->presupuesto, f);
    StrBuf c = {0};
    if (nota)
        sb_appendf(&c, "Nota del presupuesto (%d): %s", nota, a->presupuesto_nota);
    const char *del_plan = pr->simbolo[0][0] ? pr->simbolo[0] : "la moneda del plan";
    if (m > 0)
        sb_appendf(&c, "%sMonto en %s: no se suma a los totales en %s; se totaliza aparte "
                       "(el plan no tiene tipo de cambio).",
                   c.len ? "\n" : "", a->moneda, del_plan);
    else if (m < 0)
        sb_appendf(&c, "%sMonto en %s: no se suma a ningún total (el plan tiene más de %d "
                       "monedas).",
                   c.len ? "\n" : "", a->moneda, PO_MONEDAS_MAX);
    if (c.len)
        xw_chk(x, worksheet_write_comment(po->ws, (lxw_row_t)r, PO_PRES, sb_str(&c)));
    sb_free(&c);
    if (m < 0)
        return;
    xw_num(x, po->ws, r, PO_C_MONEDA, m + 1, NULL);
    for (int k = 0; k < PO_NIVELES; k++) {
        pr->suma[k][m] += a->presupuesto;
        pr->cuenta[k][m]++;
    }
}

int poa_pres_cuenta(const Poa *po, PoNivel nivel)
{
    int c = 0;
    for (int m = 0; m < po->pres.n; m++)
        c += po->pres.cuenta[nivel][m];
    return c;
}

void poa_pres_olvidar(Poa *po, PoNivel nivel)
{
    memset(po->pres.suma[nivel], 0, sizeof po->pres.suma[nivel]);
    memset(po->pres.cuenta[nivel], 0, sizeof po->pres.cuenta[nivel]);
}

int poa_pres_total(Poa *po, int r, int r1, PoNivel nivel, const char *rotulo)
{
    Xw *x = po->x;
    PoaPres *pr = &po->pres;
    int r2 = r - 1;
    for (int m = 0; m < pr->n; m++) {
        if (!pr->cuenta[nivel][m])
            continue;
        char *t = m == 0 ? xstrdup(rotulo) : xasprintf("%s (en %s)", rotulo, pr->simbolo[m]);
        xw_merge(x, po->ws, r, po->c0, r, PO_PRES - 1, t, pr->rotulo);
        free(t);
        char cm1[16], cm2[16], cp1[16], cp2[16], fm[96];
        lxw_rowcol_to_cell_abs(cm1, (lxw_row_t)r1, PO_C_MONEDA, false, false);
        lxw_rowcol_to_cell_abs(cm2, (lxw_row_t)r2, PO_C_MONEDA, false, false);
        lxw_rowcol_to_cell_abs(cp1, (lxw_row_t)r1, PO_PRES, false, false);
        lxw_rowcol_to_cell_abs(cp2, (lxw_row_t)r2, PO_PRES, false, false);
        snprintf(fm, sizeof fm, "=SUMIF(%s:%s,%d,%s:%s)", cm1, cm2, m + 1, cp1, cp2);
        xw_chk(x, worksheet_write_formula_num(po->ws, (lxw_row_t)r, PO_PRES, fm, pr->total[m],
                                              pr->suma[nivel][m]));
        xw_alto(x, po->ws, r, 1);
        r++;
    }
    poa_pres_olvidar(po, nivel);
    return r;
}

int poa_pres_notas(Poa *po, int r)
{
    Xw *x = po->x;
    PoaPres *pr = &po->pres;
    double ancho = 0;
    for (int c = po->c0; c <= po->ult; c++)
        ancho += po->w[c];
    for (int i = 0; i < pr->nnotas; i++) {
        char *t = xasprintf("(%d) %s", i + 1, pr->notas[i]);
        xw_merge(x, po->ws, r, po->c0, r, po->ult, t, x->f.nota);
        xw_alto(x, po->ws, r, xw_lineas(t, ancho));
        free(t);
        free(pr->notas[i]);
        r++;
    }
    free(pr->notas);
    pr->notas = NULL;
    pr->nnotas = 0;
    return r;
}
