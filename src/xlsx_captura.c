/* xlsx_captura.c — the capture workbook a unit fills for a corte: the
 * instructions, the sheet of its activities (input cells unlocked, the rest
 * protected, validations, live % and semáforo) and the hidden sheet that
 * identifies it; one workbook per unit, each recorded in table captura. */
#include "captura.h"

#include <errno.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "calc.h"
#include "store_captura.h"
#include "u8.h"
#include "xlsx_int.h"

/* Columns of the Captura sheet (0-based). */
enum {
    K_COD = 0, K_ACT, K_ANUAL, K_T1, K_PROG = K_T1 + 4, K_PREV, K_REAL, K_PCT, K_CAUSA, K_OBS,
    K_EVID, K_ID, K_ULT = K_EVID
};
#define FILA_CAB 4   /* the header row; activities below */

char *captura_nombre_archivo(const Plan *p, int unidad, int corte)
{
    char *a = u8_ascii(p->unidades[unidad].nombre);
    StrBuf b = {0};
    for (const char *s = a; *s && b.len < 80; s++) {
        bool ok = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9');
        if (ok)
            sb_putc(&b, *s);
        else if (b.len && b.s[b.len - 1] != '-')
            sb_putc(&b, '-');
    }
    while (b.len && b.s[b.len - 1] == '-')
        b.s[--b.len] = '\0';
    char *r = xasprintf("captura-%d-T%d-%s.xlsx", p->anio, corte, b.len ? sb_str(&b) : "unidad");
    sb_free(&b);
    free(a);
    return r;
}

typedef struct {
    int unidad;
    IntVec *out;
} Junta;

static void juntar(Plan *p, int node, void *ctx)
{
    Junta *j = ctx;
    if (p->nodes[node].unidad == j->unidad && calc_fuente(plan_act(p, node)) != FUENTE_NINGUNA)
        iv_push(j->out, node);
}

/* Compares two codes by the numbers they hold ("O.E.3" < "O.E.10" < "6":
 * 3 < 10 < 6 would be wrong, so the runs of digits are compared in turn),
 * then as text; a code without digits goes after the numbered ones. */
static int codigo_cmp(const char *a, const char *b)
{
    const char *x = a, *y = b;
    for (;;) {
        while (*x && !isdigit((unsigned char)*x))
            x++;
        while (*y && !isdigit((unsigned char)*y))
            y++;
        if (!*x || !*y) {
            if (*x || *y)
                return *x ? -1 : 1;   /* the one with more numbers has them first */
            return strcmp(a, b);
        }
        char *ex, *ey;
        unsigned long long nx = strtoull(x, &ex, 10), ny = strtoull(y, &ey, 10);
        if (nx != ny)
            return nx < ny ? -1 : 1;
        x = ex;
        y = ey;
    }
}

typedef struct {
    const char *codigo;   /* of the activity's objetivo */
    int orden, node;      /* the plan's order breaks ties */
} Orden;

static int orden_cmp(const void *pa, const void *pb)
{
    const Orden *a = pa, *b = pb;
    int c = codigo_cmp(a->codigo, b->codigo);
    return c ? c : (a->orden > b->orden) - (a->orden < b->orden);
}

/* The unit's activities with targets, grouped by objetivo in code order (as
 * the institution's own document lists them), each group in plan order. */
void captura_actividades(Plan *p, int unidad, IntVec *out)
{
    Junta j = {unidad, out};
    plan_each_actividad(p, 0, juntar, &j);
    if (out->n < 2)
        return;
    Orden *v = xmalloc(sizeof *v * (size_t)out->n);
    for (int i = 0; i < out->n; i++) {
        int o = plan_ancestor(p, out->v[i], NODE_OBJETIVO);
        v[i] = (Orden){o > 0 ? p->nodes[o].codigo : "", i, out->v[i]};
    }
    qsort(v, (size_t)out->n, sizeof *v, orden_cmp);
    for (int i = 0; i < out->n; i++)
        out->v[i] = v[i].node;
    free(v);
}

/* ---- the workbook ---- */

typedef struct {
    lxw_format *in_num[4], *in_txt, *marca, *gris_txt, *id;
} FormatosCaptura;

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    h ^= 0x1f;   /* a separator, so "ab"+"c" differs from "a"+"bc" */
    return h * 1099511628211ULL;
}

/* The fingerprint of an activity's targets: what its % is computed against. */
void captura_huella_metas(const Actividad *a, char out[17])
{
    uint64_t h = 14695981039346656037ULL;
    char b[64];
    h = fnv(h, valor_format(&a->meta_anual, b, sizeof b));
    for (int q = 0; q < POA_TRIMESTRES; q++)
        h = fnv(h, valor_format(&a->trim[q], b, sizeof b));
    for (int m = 0; m < POA_MESES; m++)
        h = fnv(h, mes_cell_format(&a->mes[m], b, sizeof b));
    h = fnv(h, tipo_meta_name(a->tipo));
    h = fnv(h, sentido_name(a->sentido));
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* A workbook's huella: unique per export (plan, unit, corte, the moment,
 * the process and a counter), so the import finds its row in captura. */
static void huella_libro(const Plan *p, int unidad, int corte, char out[17])
{
    static unsigned contador;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    char b[160];
    snprintf(b, sizeof b, "%lld|%lld|%d|%lld.%09ld|%ld|%u", (long long)p->id,
             (long long)p->unidades[unidad].id, corte, (long long)ts.tv_sec, ts.tv_nsec,
             (long)getpid(), ++contador);
    snprintf(out, 17, "%016llx", (unsigned long long)fnv(14695981039346656037ULL, b));
}

static bool meta_pct(const Actividad *a)
{
    if (a->meta_anual.has)
        return a->meta_anual.pct;
    for (int q = 0; q < POA_TRIMESTRES; q++)
        if (a->trim[q].has)
            return a->trim[q].pct;
    return a->tipo == TIPO_PORCENTAJE;
}

static void num_o_raya(Xw *x, lxw_worksheet *ws, int r, int c, bool has, double v, bool pct)
{
    if (has)
        xw_num(x, ws, r, c, v, x->f.num[xw_clase_num(v, pct)]);
    else
        xw_str(x, ws, r, c, "—", x->f.gris);
}

static void validacion_real(Xw *x, lxw_worksheet *ws, int r, bool pct)
{
    lxw_data_validation v = {0};
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    v.value_number = 0;
    v.input_title = "REAL acumulado";
    v.input_message = pct ? "Escriba el porcentaje logrado desde el 1 de enero hasta el cierre "
                            "del corte (por ejemplo 75 %)."
                          : "Escriba la cantidad lograda desde el 1 de enero hasta el cierre "
                            "del corte (un número, 0 o más).";
    v.error_title = "Valor no válido";
    v.error_message = pct ? "El real debe ser un porcentaje de 0 % en adelante."
                          : "El real debe ser un número de 0 en adelante, sin texto.";
    xw_chk(x, worksheet_data_validation_cell(ws, (lxw_row_t)r, K_REAL, &v));
}

/* Where % falls in amarillo or rojo the cause is required: a custom rule on
 * the cause cell (Excel checks it only when that cell is edited: the import
 * lists the rows left without one) and a conditional mark. */
static void causa_reglas(Xw *x, lxw_worksheet *ws, const FormatosCaptura *fc, int r1, int r2)
{
    if (r2 < r1)
        return;
    char pct[16], causa[16], v[32], regla[200];
    lxw_rowcol_to_cell_abs(pct, (lxw_row_t)r1, K_PCT, false, true);
    lxw_rowcol_to_cell(causa, (lxw_row_t)r1, K_CAUSA);
    num_format(x->o->umbrales.verde, v, sizeof v);
    snprintf(regla, sizeof regla, "=AND(ISNUMBER(%s),ROUND(%s,9)<%s,LEN(TRIM(%s))=0)", pct, pct,
             v, causa);
    lxw_conditional_format cf = {0};
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = regla;
    cf.format = fc->marca;
    xw_chk(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, K_CAUSA, (lxw_row_t)r2,
                                                 K_CAUSA, &cf));
    lxw_data_validation dv = {0};
    dv.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    snprintf(regla, sizeof regla, "=OR(NOT(ISNUMBER(%s)),ROUND(%s,9)>=%s,LEN(TRIM(%s))>0)", pct,
             pct, v, causa);
    dv.value_formula = regla;
    dv.ignore_blank = LXW_VALIDATION_OFF;
    dv.input_title = "Causa y medida correctiva";
    dv.input_message = "Obligatoria si el % de ejecución queda en amarillo o rojo: por qué no "
                       "se alcanzó la meta y qué se hará para corregirlo.";
    dv.error_title = "Falta la causa";
    dv.error_message = "El % de ejecución está en amarillo o rojo: escriba la causa y la "
                       "medida correctiva.";
    xw_chk(x, worksheet_data_validation_range(ws, (lxw_row_t)r1, K_CAUSA, (lxw_row_t)r2,
                                              K_CAUSA, &dv));
}

/* The live % of row r as calc.c computes it (docs/calculos.md §4). */
static void formula_pct(Xw *x, lxw_worksheet *ws, int r, const Actividad *a,
                        const ResultadoAct *res, lxw_format *f)
{
    char real[16], prog[16], buf[200];
    lxw_rowcol_to_cell(real, (lxw_row_t)r, K_REAL);
    lxw_rowcol_to_cell(prog, (lxw_row_t)r, K_PROG);
    if (a->tipo == TIPO_HITO)
        snprintf(buf, sizeof buf, "=IF(%s=\"\",\"\",IF(%s+1E-9>=1,1,%s))", real, real, real);
    else if (a->sentido == SENTIDO_DESCENDENTE)
        snprintf(buf, sizeof buf, "=IF(%s=\"\",\"\",IF(%s=0,1,%s/%s))", real, real, prog, real);
    else
        snprintf(buf, sizeof buf, "=IF(%s=\"\",\"\",%s/%s)", real, real, prog);
    if (res->estado == ESTADO_REPORTADA)
        xw_chk(x, worksheet_write_formula_num(ws, (lxw_row_t)r, K_PCT, buf, f, res->pct));
    else
        xw_chk(x, worksheet_write_formula_str(ws, (lxw_row_t)r, K_PCT, buf, f, ""));
}

static const char *fecha_limite(const CapturaExport *o)
{
    return o->cfg && o->cfg->fecha_limite[o->corte - 1][0] ? o->cfg->fecha_limite[o->corte - 1]
                                                          : NULL;
}

static void hoja_instrucciones(Xw *x, const CapturaExport *o, int unidad, const char *huella)
{
    lxw_worksheet *ws = xw_hoja(x, "Instrucciones");
    if (!ws)
        return;
    worksheet_set_column(ws, 0, 0, 100, x->f.nota);
    char t[600];
    snprintf(t, sizeof t, "Seguimiento del POA %d — corte al %s (%s)", x->p->anio,
             POA_TRIM_NOMBRE[o->corte - 1], POA_TRIM_RANGO[o->corte - 1]);
    xw_str(x, ws, 0, 0, t, x->f.titulo);
    xw_alto(x, ws, 0, 2);
    snprintf(t, sizeof t, "%s · %s", x->p->institucion, x->p->unidades[unidad].nombre);
    xw_str(x, ws, 1, 0, t, x->f.subtitulo);
    const char *fl = fecha_limite(o);
    const char *env = o->cfg && o->cfg->enviar_a[0] ? o->cfg->enviar_a : NULL;
    char lim[200], dest[400];
    snprintf(lim, sizeof lim, "Fecha límite para devolverlo: %s.",
             fl ? fl : "la que indique Planificación");
    snprintf(dest, sizeof dest, "Devuélvalo lleno a: %s.",
             env ? env : "Planificación (a quien se lo envió)");
    const char *lineas[] = {
        "Qué llenar",
        "En la hoja «Captura» está cada actividad de su unidad con metas en el plan. Llene "
        "solo las celdas amarillas; las demás están protegidas.",
        "• REAL acumulado: lo logrado desde el 1 de enero hasta el cierre del corte (no solo "
        "el trimestre). Un número de 0 en adelante; en las metas en porcentaje, el porcentaje "
        "(75 %). Deje la celda vacía si no tiene el dato: cuenta como «sin reporte».",
        "• % de ejecución: se calcula solo al escribir el real, con el semáforo del plan.",
        "• Causa y medida correctiva: obligatoria cuando el % queda en amarillo o rojo (la "
        "celda se marca). Excel lo comprueba solo al editar esa celda; Planificación lo "
        "revisa de nuevo al recibir el libro y lista las filas sin causa.",
        "• Observaciones y Evidencia: lo hecho y dónde consta (documento, enlace).",
        "Las actividades «no vencidas» no tienen meta hasta este corte: puede informar un "
        "avance, que se guarda pero no se evalúa.",
        "",
        lim,
        dest,
        "No cambie el nombre de las hojas ni borre la hoja oculta: identifican el libro.",
    };
    int r = 3;
    for (size_t i = 0; i < POA_ARRAY_LEN(lineas); i++, r++) {
        xw_str(x, ws, r, 0, lineas[i], i == 0 ? x->f.nota_b : x->f.nota);
        xw_alto(x, ws, r, xw_lineas(lineas[i], 100));
    }
    r = xw_leyenda(x, ws, r + 1, 0, 0, 0);
    snprintf(t, sizeof t, "Libro %s", huella);
    xw_str(x, ws, r + 1, 0, t, x->f.nota);
    worksheet_set_portrait(ws);
    worksheet_set_paper(ws, (uint8_t)(x->o->papel == PAPEL_CARTA ? 1 : x->o->papel == PAPEL_OFICIO ? 5 : 9));
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.6, 0.6, 0.7, 0.6);
    const char *pw = o->cfg && o->cfg->contrasena[0] ? o->cfg->contrasena : NULL;
    worksheet_protect(ws, pw, NULL);
}

static void cabecera(Xw *x, lxw_worksheet *ws, const CapturaExport *o)
{
    static const char *const CAB[] = {
        "Código", "Actividad", "Meta anual", "EN-MAR", "ABR-JUN", "JUL-SEP", "OCT-DIC",
        "Programado acumulado", "Real al corte anterior", "REAL acumulado al corte",
        "% de ejecución", "Causa y medida correctiva", "Observaciones", "Evidencia", "id"};
    for (int c = 0; c <= K_ID; c++)
        xw_str(x, ws, FILA_CAB, c, CAB[c], x->f.cab);
    xw_alto(x, ws, FILA_CAB, 3);
    char t[300];
    const char *fl = fecha_limite(o);
    snprintf(t, sizeof t, "Corte al %s (%s). Llene las celdas amarillas.%s%s",
             POA_TRIM_NOMBRE[o->corte - 1], POA_TRIM_RANGO[o->corte - 1],
             fl ? " Fecha límite: " : "", fl ? fl : "");
    xw_merge(x, ws, 2, 0, 2, K_ULT, t, x->f.nota_b);
}

static void fila_actividad(Xw *x, lxw_worksheet *ws, lxw_worksheet *id, const FormatosCaptura *fc,
                           int r, int rid, int node, int corte)
{
    Plan *p = x->p;
    const Node *n = &p->nodes[node];
    const Actividad *a = plan_act(p, node);
    bool pct = meta_pct(a);
    ResultadoAct res;
    calc_actividad(a, corte, &x->o->umbrales, &res);
    xw_str(x, ws, r, K_COD, n->codigo, x->f.texto_c);
    xw_str(x, ws, r, K_ACT, n->texto, x->f.texto);
    bool has;
    double anual = calc_meta_anual(a, &has);
    num_o_raya(x, ws, r, K_ANUAL, has, anual, pct);
    for (int q = 1; q <= POA_TRIMESTRES; q++) {
        double m = calc_meta_trimestre(a, q);
        num_o_raya(x, ws, r, K_T1 + q - 1, m != 0.0, m, pct);
    }
    num_o_raya(x, ws, r, K_PROG, true, res.programado, pct);
    const Seguimiento *prev = corte > 1 ? &a->seg[corte - 2] : NULL;
    num_o_raya(x, ws, r, K_PREV, prev && prev->real.has, prev ? prev->real.valor : 0,
               prev && prev->real.pct);
    const Seguimiento *s = &a->seg[corte - 1];
    lxw_format *fin = fc->in_num[pct ? 3 : 1];
    if (s->real.has)
        xw_num(x, ws, r, K_REAL, s->real.valor, fin);
    else
        xw_str(x, ws, r, K_REAL, "", fin);
    validacion_real(x, ws, r, pct);
    if (res.estado == ESTADO_NO_VENCIDA) {
        char nota[120];
        xw_str(x, ws, r, K_PCT, calc_nota_estado(a, &res, nota, sizeof nota), fc->gris_txt);
    } else {
        formula_pct(x, ws, r, a, &res, x->f.pct);
    }
    xw_str(x, ws, r, K_CAUSA, s->causa, fc->in_txt);
    xw_str(x, ws, r, K_OBS, s->observaciones, fc->in_txt);
    xw_str(x, ws, r, K_EVID, s->evidencia, fc->in_txt);
    char ids[32], hm[17], b[64];
    snprintf(ids, sizeof ids, "%lld", (long long)n->id);
    xw_str(x, ws, r, K_ID, ids, fc->id);
    int lin = xw_lineas(n->texto, 45);
    int lo = xw_lineas(s->observaciones, 35);
    xw_alto(x, ws, r, lin > lo ? lin : lo);
    /* the identification: what poa had, to tell a unit's change from poa's */
    captura_huella_metas(a, hm);
    const char *v[] = {ids, n->codigo, hm, s->real.has ? valor_format(&s->real, b, sizeof b) : "",
                       s->observaciones, s->evidencia, s->causa};
    for (int c = 0; c < (int)POA_ARRAY_LEN(v); c++)
        xw_str(x, id, rid, c, v[c], NULL);
}

static void hoja_captura(Xw *x, const CapturaExport *o, int unidad, const IntVec *acts,
                         const char *huella, const char *enviada)
{
    Plan *p = x->p;
    lxw_workbook *wb = x->wb;
    FormatosCaptura fc;
    static const char *const NUMF[4] = {"#,##0", "#,##0.0##", "0%", "0.0#%"};
    for (int i = 0; i < 4; i++) {
        fc.in_num[i] = workbook_add_format(wb);
        format_set_num_format(fc.in_num[i], NUMF[i]);
        format_set_border(fc.in_num[i], LXW_BORDER_THIN);
        format_set_bg_color(fc.in_num[i], 0xFFF2CC);
        format_set_unlocked(fc.in_num[i]);
        format_set_font_size(fc.in_num[i], 10);
    }
    fc.in_txt = workbook_add_format(wb);
    format_set_text_wrap(fc.in_txt);
    format_set_align(fc.in_txt, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(fc.in_txt, LXW_BORDER_THIN);
    format_set_bg_color(fc.in_txt, 0xFFF2CC);
    format_set_unlocked(fc.in_txt);
    format_set_font_size(fc.in_txt, 10);
    fc.marca = workbook_add_format(wb);
    format_set_bg_color(fc.marca, 0xF4B084);
    format_set_font_color(fc.marca, 0x9C0006);
    fc.gris_txt = x->f.gris;
    fc.id = workbook_add_format(wb);
    format_set_font_color(fc.id, 0x7F7F7F);

    lxw_worksheet *ws = xw_hoja(x, CAPTURA_HOJA);
    lxw_worksheet *id = workbook_add_worksheet(wb, CAPTURA_HOJA_ID);
    if (!ws || !id) {
        xw_chk(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
        return;
    }
    static const double ANCHO[] = {9, 45, 9, 8, 8, 8, 8, 11, 11, 12, 10, 30, 35, 25};
    for (int c = 0; c < (int)POA_ARRAY_LEN(ANCHO); c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, ANCHO[c], NULL);
    lxw_row_col_options oculta = {.hidden = 1};
    worksheet_set_column_opt(ws, K_ID, K_ID, 8, NULL, &oculta);
    char titulo[300];
    snprintf(titulo, sizeof titulo, "Captura del seguimiento del POA %d", p->anio);
    xw_titulo(x, ws, K_ULT, titulo);
    cabecera(x, ws, o);

    char b[64];
    const char *cab[][2] = {
        {CAPTURA_MARCA, "1"}, {"plan_id", ""}, {"institucion", p->institucion}, {"anio", ""},
        {"corte", ""}, {"unidad_id", ""}, {"unidad", p->unidades[unidad].nombre},
        {"huella", huella}, {"hoja", CAPTURA_HOJA}, {"enviada_en", enviada}};
    char pid[32], anio[16], corte[8], uid[32];
    snprintf(pid, sizeof pid, "%lld", (long long)p->id);
    snprintf(anio, sizeof anio, "%d", p->anio);
    snprintf(corte, sizeof corte, "%d", o->corte);
    snprintf(uid, sizeof uid, "%lld", (long long)p->unidades[unidad].id);
    cab[1][1] = pid;
    cab[3][1] = anio;
    cab[4][1] = corte;
    cab[5][1] = uid;
    int rid = 0;
    for (; rid < (int)POA_ARRAY_LEN(cab); rid++) {
        xw_str(x, id, rid, 0, cab[rid][0], NULL);
        xw_str(x, id, rid, 1, cab[rid][1], NULL);
    }
    static const char *const COLS[] = {"actividad_id", "codigo", "huella_metas", "real",
                                       "observaciones", "evidencia", "causa"};
    for (int c = 0; c < (int)POA_ARRAY_LEN(COLS); c++)
        xw_str(x, id, rid, c, COLS[c], NULL);
    rid++;
    (void)b;

    int r = FILA_CAB + 1, obj = -1, ent = -1;
    for (int i = 0; i < acts->n; i++) {
        int node = acts->v[i];
        int o2 = plan_ancestor(p, node, NODE_OBJETIVO);
        int e2 = plan_ancestor(p, node, NODE_ENTREGABLE);
        if (o2 != obj && o2 >= 0) {
            const Node *on = &p->nodes[o2];
            char *t = on->codigo[0] ? xasprintf("%s %s", on->codigo, node_texto_mostrado(on))
                                    : xstrdup(node_texto_mostrado(on));
            xw_merge(x, ws, r, 0, r, K_ULT, t, x->f.grupo_obj);
            xw_alto(x, ws, r, xw_lineas(t, 200));
            free(t);
            r++;
            ent = -1;
        }
        obj = o2;
        if (e2 != ent && e2 >= 0 && !plan_node_implicit(p, e2)) {
            const Node *en = &p->nodes[e2];
            char *t = en->codigo[0] ? xasprintf("%s %s", en->codigo, en->texto)
                                    : xstrdup(en->texto);
            xw_merge(x, ws, r, 0, r, K_ULT, t, x->f.grupo_uni);
            free(t);
            r++;
        }
        ent = e2;
        fila_actividad(x, ws, id, &fc, r, rid++, node, o->corte);
        r++;
    }
    xw_semaforo_cf(x, ws, K_PCT, FILA_CAB + 1, r - 1);
    causa_reglas(x, ws, &fc, FILA_CAB + 1, r - 1);
    char ref[24];
    snprintf(ref, sizeof ref, "Seguimiento al %s", POA_TRIM_RANGO[o->corte - 1]);
    xw_imprimir(x, ws, "Captura del seguimiento", ref, FILA_CAB, FILA_CAB);
    const char *pw = o->cfg && o->cfg->contrasena[0] ? o->cfg->contrasena : NULL;
    lxw_protection prot = {.format_rows = 1, .format_columns = 1};
    worksheet_protect(ws, pw, &prot);
    worksheet_protect(id, pw, NULL);
    worksheet_hide(id);
}

/* One unit's workbook at path; its huella recorded in captura. */
static bool un_libro(Db *db, Plan *p, const CapturaExport *o, const XlsxOpts *xo, int unidad,
                     const IntVec *acts, const char *path, PoaErr *err)
{
    Xw x = {0};
    x.p = p;
    x.o = xo;
    x.unidad = unidad;
    x.corte = o->corte;
    char huella[17], enviada[32];
    huella_libro(p, unidad, o->corte, huella);
    now_text(enviada, sizeof enviada);

    errno = 0;
    char *tmp = atomic_tmp_name(path);
    int e = errno;
    if (!file_exists(tmp)) {
        err_set(err, "No se pudo crear «%s»: %s", path, err_sistema(e ? e : EACCES));
        free(tmp);
        return false;
    }
    lxw_workbook_options wo = {.constant_memory = LXW_FALSE};
    x.wb = workbook_new_opt(tmp, &wo);
    if (!x.wb) {
        err_set(err, "No se pudo crear el libro XLSX «%s»: %s", path, err_sistema(errno));
        unlink(tmp);
        free(tmp);
        return false;
    }
    xw_formatos_crear(&x);
    /* built whole: a fixed buffer would cut a long name inside a character */
    char *titulo = xasprintf("Captura del seguimiento %d — %s", p->anio,
                             p->unidades[unidad].nombre);
    lxw_doc_properties props = {0};
    props.title = titulo;
    props.company = p->institucion;
    props.author = xo->autor && xo->autor[0] ? (char *)xo->autor : NULL;
    props.comments = "Generado con poa";
    xw_chk(&x, workbook_set_properties(x.wb, &props));   /* it copies the texts */
    free(titulo);
    hoja_instrucciones(&x, o, unidad, huella);
    hoja_captura(&x, o, unidad, acts, huella, enviada);
    xw_pagina_cerrar(&x, NULL, -1, -1);   /* sheets laid out, merges written */
    lxw_error lx = workbook_close(x.wb);
    bool ok = true;
    if (x.texto_largo) {
        err_set(err, "No se escribió «%s»: %s", path, x.texto_largo);
        ok = false;
    } else if (x.lxerr != LXW_NO_ERROR || lx != LXW_NO_ERROR) {
        err_set(err, "No se pudo escribir «%s»: %s", path,
                xw_lxw_texto(x.lxerr != LXW_NO_ERROR ? x.lxerr : lx));
        ok = false;
    }
    /* the row first, in the transaction the rename ends: a workbook on
     * disk always has its row, and a failed write leaves neither */
    ok = ok && db_begin(db, err);
    if (ok) {
        ok = store_captura_insert(db, p->id, p->unidades[unidad].id, o->corte, enviada, path,
                                  huella, err);
        if (ok) {
            mode_t um = umask(0);
            umask(um);
            chmod(tmp, 0666 & ~um);
            ok = atomic_rename(tmp, path, err);
        }
        if (ok && !db_commit(db, err)) {
            /* renamed but not recorded: the import would refuse it as
             * unknown, so it must not stay where the unit would get it */
            unlink(path);
            err_prefix(err, "No se dejó «%s»: no se pudo registrar su envío", path);
            ok = false;
        } else if (!ok) {
            db_rollback(db);
        }
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    free(x.texto_largo);
    for (int i = 0; i < x.nhojas; i++)
        free(x.hojas[i]);
    free(x.hojas);
    return ok;
}

static bool usado(const Lineas *l, const char *path)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->lineas[i], path) == 0)
            return true;
    return false;
}

bool captura_exportar(Db *db, Plan *p, const CapturaExport *o, Lineas *escritos,
                      Lineas *omitidas, PoaErr *err)
{
    if (o->corte < 1 || o->corte > POA_TRIMESTRES) {
        err_set(err, "La captura es de un corte: indique --corte 1 a 4");
        return false;
    }
    XlsxOpts xo;
    xlsx_opts_from_config(&xo, o->cfg);
    xo.corte = o->corte;
    int sola = -1;
    if (o->unidad && o->unidad[0]) {
        sola = plan_find_unidad(p, o->unidad);
        if (sola < 0) {
            err_set(err, "El plan no tiene ninguna unidad «%s»", o->unidad);
            return false;
        }
    } else if (mkdir(o->destino, 0777) != 0) {
        struct stat st;
        if (errno != EEXIST) {
            err_set(err, "No se pudo crear la carpeta «%s»: %s", o->destino, err_sistema(errno));
            return false;
        }
        if (stat(o->destino, &st) != 0 || !S_ISDIR(st.st_mode)) {
            err_set(err, "«%s» no es una carpeta: la captura de todas las unidades escribe un "
                    "libro por unidad en una carpeta (o indique una unidad)", o->destino);
            return false;
        }
    }
    bool ok = true;
    Lineas usados = {0};
    for (int u = sola >= 0 ? sola : 0; ok && u < (sola >= 0 ? sola + 1 : p->nunidades); u++) {
        IntVec acts = {0};
        captura_actividades(p, u, &acts);
        if (!acts.n) {
            lineas_add(omitidas, xasprintf("%s: no tiene actividades con metas",
                                           p->unidades[u].nombre));
            iv_free(&acts);
            continue;
        }
        char *path;
        struct stat st;
        bool carpeta = sola < 0 || (stat(o->destino, &st) == 0 && S_ISDIR(st.st_mode));
        if (!carpeta) {
            path = xstrdup(o->destino);
        } else {
            char *nom = captura_nombre_archivo(p, u, o->corte);
            size_t dl = strlen(o->destino);
            const char *sep = dl && o->destino[dl - 1] == '/' ? "" : "/";
            path = xasprintf("%s%s%s", o->destino, sep, nom);
            /* two units whose names fold alike ("Área A", "Area A") must
             * not share a file: the second gets "-2" */
            for (int k = 2; usado(&usados, path); k++) {
                free(path);
                path = xasprintf("%s%s%.*s-%d.xlsx", o->destino, sep, (int)strlen(nom) - 5, nom,
                                 k);
            }
            lineas_add(&usados, xstrdup(path));
            free(nom);
        }
        ok = un_libro(db, p, o, &xo, u, &acts, path, err);
        if (ok)
            lineas_add(escritos, path);
        else
            free(path);
        iv_free(&acts);
    }
    lineas_free(&usados);
    return ok;
}
