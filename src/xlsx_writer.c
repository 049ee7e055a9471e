/* xlsx_writer.c — the workbook's writing machinery shared by the reports:
 * sheet names, the format cache (every format made once per workbook),
 * checked cell writes, row heights, print setup, semáforo formats. It calls
 * nothing above it: export (xlsx_export.c) → sheets (xlsx_tablero.c, xlsx_seguimiento.c, xlsx_poa.c) → here. */
#include "xlsx_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libro.h"
#include "u8.h"
#include "xlsx_medida.h"

/* ---- Sheet names ---- */

#define HOJA_MAX 31

/* Copies at most max code points of s into out (bytes outsz), whole
 * characters only. Excel counts UTF-16 units; our texts are in the BMP. */
static void copiar_cp(const char *s, int max, char *out, size_t outsz)
{
    size_t o = 0, n = strlen(s), i = 0;
    int cps = 0;
    while (i < n && cps < max) {
        uint32_t cp;
        int len = u8_decode(s + i, n - i, &cp);
        if (o + (size_t)len + 1 > outsz)
            break;
        memcpy(out + o, s + i, (size_t)len);
        o += (size_t)len;
        i += (size_t)len;
        cps++;
    }
    out[o] = '\0';
}

static bool nombre_usado(const char *name, const char *const *used, int nused)
{
    char *f = u8_fold(name);
    bool hit = false;
    for (int i = 0; i < nused && !hit; i++) {
        char *g = u8_fold(used[i]);
        hit = strcmp(f, g) == 0;
        free(g);
    }
    free(f);
    return hit;
}

void xlsx_sheet_name(const char *base, const char *const *used, int nused, char *out,
                     size_t outsz)
{
    char limpio[HOJA_MAX * 4 + 1];
    StrBuf b = {0};
    for (const char *s = base ? base : ""; *s; s++)
        sb_putc(&b, strchr("[]:*?/\\", *s) ? '-' : (*s == '\n' || *s == '\t' ? ' ' : *s));
    /* Excel refuses a name that begins or ends with an apostrophe */
    char *t = str_trim((char *)sb_str(&b));
    while (*t == '\'')
        t++;
    copiar_cp(t, HOJA_MAX, limpio, sizeof limpio);
    size_t n = strlen(limpio);
    while (n > 0 && (limpio[n - 1] == '\'' || limpio[n - 1] == ' '))
        limpio[--n] = '\0';
    sb_free(&b);
    if (!limpio[0])
        snprintf(limpio, sizeof limpio, "Hoja");
    snprintf(out, outsz, "%s", limpio);
    for (int k = 2; nombre_usado(out, used, nused) && k < 100000; k++) {
        char suf[16];
        snprintf(suf, sizeof suf, " (%d)", k);
        char corto[HOJA_MAX * 4 + 1];
        copiar_cp(limpio, HOJA_MAX - (int)strlen(suf), corto, sizeof corto);
        snprintf(out, outsz, "%s%s", corto, suf);
    }
}

/* ---- Formats: made once per workbook ---- */

enum {
    F_BOLD = 1 << 0,
    F_ITAL = 1 << 1,
    F_WRAP = 1 << 2,
    F_CENTER = 1 << 3,
    F_RIGHT = 1 << 4,
    F_VCENTER = 1 << 5,
    F_BORDER = 1 << 6,
    F_WHITE = 1 << 7,
    F_GRAY = 1 << 8,
};

#define C_CAB 0x1F4E78
#define C_BLOQUE 0xDDEBF7
#define C_OBJ 0xD9E1F2
#define C_UNI 0xF2F2F2
#define C_MES 0x9DC3E6
#define C_BORDE 0xA6A6A6

static lxw_format *fmt(lxw_workbook *wb, unsigned fl, const char *num, lxw_color_t fill,
                       double size)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_size(f, size > 0 ? size : 10);
    if (fl & F_BOLD)
        format_set_bold(f);
    if (fl & F_ITAL)
        format_set_italic(f);
    if (fl & F_WRAP)
        format_set_text_wrap(f);
    format_set_align(f, fl & F_CENTER  ? LXW_ALIGN_CENTER
                        : fl & F_RIGHT ? LXW_ALIGN_RIGHT
                                       : LXW_ALIGN_LEFT);
    format_set_align(f, fl & F_VCENTER ? LXW_ALIGN_VERTICAL_CENTER : LXW_ALIGN_VERTICAL_TOP);
    if (fl & F_BORDER) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, C_BORDE);
    }
    if (fl & F_WHITE)
        format_set_font_color(f, LXW_COLOR_WHITE);
    if (fl & F_GRAY)
        format_set_font_color(f, 0x7F7F7F);
    if (fill)
        format_set_bg_color(f, fill);
    if (num)
        format_set_num_format(f, num);
    return f;
}

static lxw_format *fmt_cf(lxw_workbook *wb, lxw_color_t font, lxw_color_t fill)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_color(f, font);
    format_set_bg_color(f, fill);
    return f;
}

void xw_formatos_crear(Xw *x)
{
    lxw_workbook *wb = x->wb;
    Formatos *f = &x->f;
    f->titulo = fmt(wb, F_BOLD | F_VCENTER, NULL, 0, 14);
    format_set_font_color(f->titulo, C_CAB);
    f->subtitulo = fmt(wb, F_VCENTER, NULL, 0, 11);
    f->cab = fmt(wb, F_BOLD | F_WRAP | F_CENTER | F_VCENTER | F_BORDER | F_WHITE, NULL, C_CAB, 10);
    /* every printed font is 10 pt or more: at the 80 % a wide sheet may print
     * at, no text falls under 8 pt (xlsx_pagina.c) */
    f->cab_mes = fmt(wb, F_BOLD | F_CENTER | F_VCENTER | F_BORDER | F_WHITE, NULL, C_CAB, 10);
    f->texto = fmt(wb, F_WRAP | F_BORDER, NULL, 0, 10);
    f->gris_izq = fmt(wb, F_WRAP | F_BORDER | F_ITAL | F_GRAY, NULL, 0, 10);
    f->texto_c = fmt(wb, F_WRAP | F_BORDER | F_CENTER, NULL, 0, 10);
    f->gris = fmt(wb, F_WRAP | F_BORDER | F_CENTER | F_ITAL | F_GRAY, NULL, 0, 10);
    f->num[0] = fmt(wb, F_BORDER | F_RIGHT, "#,##0", 0, 10);
    f->num[1] = fmt(wb, F_BORDER | F_RIGHT, "#,##0.0##", 0, 10);
    f->num[2] = fmt(wb, F_BORDER | F_RIGHT, "0%", 0, 10);
    f->num[3] = fmt(wb, F_BORDER | F_RIGHT, "0.0#%", 0, 10);
    f->nota = fmt(wb, F_WRAP | F_ITAL, NULL, 0, 10);
    f->nota_b = fmt(wb, F_WRAP | F_BOLD, NULL, 0, 10);
    f->bloque = fmt(wb, F_BOLD | F_WRAP | F_BORDER | F_VCENTER, NULL, C_BLOQUE, 10);
    f->mes_vacio = fmt(wb, F_BORDER | F_CENTER, NULL, 0, 10);
    f->mes_x = fmt(wb, F_BORDER | F_CENTER, NULL, C_MES, 10);
    f->trim[0] = fmt(wb, F_BORDER | F_CENTER, "#,##0", C_MES, 10);
    f->trim[1] = fmt(wb, F_BORDER | F_CENTER, "#,##0.0##", C_MES, 10);
    f->trim[2] = fmt(wb, F_BORDER | F_CENTER, "0%", C_MES, 10);
    f->trim[3] = fmt(wb, F_BORDER | F_CENTER, "0.0#%", C_MES, 10);
    /* a quarter's target centered across its three months: reads as one
     * cell without using up merged ranges (four per activity otherwise) */
    static const char *const NUMF[4] = {"#,##0", "#,##0.0##", "0%", "0.0#%"};
    for (int i = 0; i < 4; i++) {
        f->trim_q[i] = fmt(wb, F_BORDER, NUMF[i], C_MES, 10);
        format_set_align(f->trim_q[i], LXW_ALIGN_CENTER_ACROSS);
        format_set_left(f->trim_q[i], LXW_BORDER_THIN);
        format_set_right(f->trim_q[i], LXW_BORDER_NONE);
        f->trim_q2[i] = fmt(wb, 0, NUMF[i], C_MES, 10);
        format_set_align(f->trim_q2[i], LXW_ALIGN_CENTER_ACROSS);
        format_set_top(f->trim_q2[i], LXW_BORDER_THIN);
        format_set_bottom(f->trim_q2[i], LXW_BORDER_THIN);
        format_set_top_color(f->trim_q2[i], C_BORDE);
        format_set_bottom_color(f->trim_q2[i], C_BORDE);
    }
    f->anual = fmt(wb, F_BORDER | F_CENTER | F_ITAL | F_WRAP, NULL, 0, 10);
    f->grupo_obj = fmt(wb, F_BOLD | F_WRAP | F_BORDER | F_VCENTER, NULL, C_OBJ, 10);
    f->grupo_obj_pct = fmt(wb, F_BOLD | F_BORDER | F_CENTER | F_VCENTER, "0%", C_OBJ, 10);
    f->grupo_uni = fmt(wb, F_BOLD | F_ITAL | F_WRAP | F_BORDER | F_VCENTER, NULL, C_UNI, 10);
    f->grupo_uni_pct = fmt(wb, F_BOLD | F_BORDER | F_CENTER | F_VCENTER, "0%", C_UNI, 10);
    f->pct = fmt(wb, F_BORDER | F_CENTER, "0%", 0, 10);
    f->cuenta = fmt(wb, F_BORDER | F_CENTER, "#,##0", 0, 10);
    f->total = fmt(wb, F_BOLD | F_BORDER | F_WRAP, NULL, C_OBJ, 10);
    f->total_n = fmt(wb, F_BOLD | F_BORDER | F_CENTER, "#,##0", C_OBJ, 10);
    f->total_pct = fmt(wb, F_BOLD | F_BORDER | F_CENTER, "0%", C_OBJ, 10);
    f->cf[SEM_VERDE] = fmt_cf(wb, 0x006100, 0xC6EFCE);
    f->cf[SEM_AMARILLO] = fmt_cf(wb, 0x9C5700, 0xFFEB9C);
    f->cf[SEM_ROJO] = fmt_cf(wb, 0x9C0006, 0xFFC7CE);
    f->ley[SEM_VERDE] = fmt(wb, F_BORDER | F_CENTER, NULL, 0xC6EFCE, 10);
    f->ley[SEM_AMARILLO] = fmt(wb, F_BORDER | F_CENTER, NULL, 0xFFEB9C, 10);
    f->ley[SEM_ROJO] = fmt(wb, F_BORDER | F_CENTER, NULL, 0xFFC7CE, 10);
    f->ley[SEM_GRIS] = fmt(wb, F_BORDER | F_CENTER | F_ITAL | F_GRAY, NULL, 0xEDEDED, 10);
}

lxw_format *xw_moneda(Xw *x, const char *moneda)
{
    Formatos *f = &x->f;
    for (int i = 0; i < f->nmonedas; i++)
        if (strcmp(f->monedas[i].simbolo, moneda) == 0)
            return f->monedas[i].f;
    if (f->nmonedas >= (int)POA_ARRAY_LEN(f->monedas))
        moneda = "";   /* more currencies than a plan ever has: plain amount */
    for (int i = 0; i < f->nmonedas; i++)
        if (strcmp(f->monedas[i].simbolo, moneda) == 0)
            return f->monedas[i].f;
    StrBuf num = {0};
    if (moneda[0]) {
        sb_putc(&num, '"');
        for (const char *s = moneda; *s; s++)
            if (*s != '"' && *s != '\\')
                sb_putc(&num, *s);
        sb_append(&num, strlen(moneda) > 1 ? "\" " : "\"");
    }
    sb_append(&num, "#,##0.00");
    lxw_format *nf = fmt(x->wb, F_BORDER | F_RIGHT, sb_str(&num), 0, 10);
    sb_free(&num);
    if (f->nmonedas < (int)POA_ARRAY_LEN(f->monedas)) {
        snprintf(f->monedas[f->nmonedas].simbolo, sizeof f->monedas[0].simbolo, "%s", moneda);
        f->monedas[f->nmonedas++].f = nf;
    }
    return nf;
}

/* ---- Cells ---- */

/* Excel's cell holds at most 32,767 characters; libxlsxwriter refuses more
 * with an English message naming nothing. Import and editor refuse such
 * texts, but a plan written by an older poa may hold one: the report says
 * which cell, and writes nothing there. */
#define XW_CELDA_MAX 32767

static bool xw_cabe(Xw *x, lxw_worksheet *ws, int r, int c, const char *s)
{
    size_t n = strlen(s);
    if (n <= XW_CELDA_MAX)
        return true;   /* never more characters than bytes: nothing to count */
    n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    if (n <= XW_CELDA_MAX)
        return true;
    if (!x->texto_largo) {
        char col[16];
        x->texto_largo = xasprintf("la celda %s!%s%d tendría %zu caracteres y Excel admite "
                                   "%d: acorte ese texto en el plan (empieza «%.40s…»)",
                                   ws->name, libro_columna_nombre(c + 1, col, sizeof col),
                                   r + 1, n, XW_CELDA_MAX, s);
    }
    return false;
}

/* Text is always a string: "=SUMA…" typed by a unit stays text. */
void xw_str(Xw *x, lxw_worksheet *ws, int r, int c, const char *s, lxw_format *f)
{
    if (s && s[0] && !xw_cabe(x, ws, r, c, s))
        return;
    if (!s || !s[0])
        xw_chk(x, worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c, f));
    else
        xw_chk(x, worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, f));
}

void xw_num(Xw *x, lxw_worksheet *ws, int r, int c, double v, lxw_format *f)
{
    xw_chk(x, worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, f));
}

/* Merges wait for the sheet's layout (xlsx_pagina.c): a range a page break
 * cuts is then written as two, each with its text. libxlsxwriter 1.1.4
 * counts a sheet's merged ranges in a uint16_t; beyond XW_MERGES_MAX (only
 * plans far larger than real ones get there) a range is written as separate
 * cells with the same format, the text in the first. */
void xw_merge(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *s,
              lxw_format *f)
{
    if ((r1 == r2 && c1 == c2) || (s && !xw_cabe(x, ws, r1, c1, s))) {
        xw_str(x, ws, r1, c1, s, f);
        return;
    }
    xw_pagina_merge(x, ws, r1, c1, r2, c2, s ? s : "", 0, f);
}

/* Merged range with a number in its first cell. */
void xw_merge_num(Xw *x, lxw_worksheet *ws, int r1, int c1, int r2, int c2, double v,
                  lxw_format *f)
{
    if (r1 == r2 && c1 == c2)
        xw_num(x, ws, r1, c1, v, f);
    else
        xw_pagina_merge(x, ws, r1, c1, r2, c2, NULL, v, f);
}

/* Merged range showing "label: text". Plain text on purpose: libxlsxwriter
 * writes each rich string through a temporary file, which made the POA of
 * a large plan 5× slower. */
void xw_merge_rotulo(Xw *x, lxw_worksheet *ws, int r, int c1, int c2, const char *rotulo,
                     const char *texto, lxw_format *celda)
{
    char *s = texto && texto[0] ? xasprintf("%s %s", rotulo, texto) : xstrdup(rotulo);
    xw_merge(x, ws, r, c1, r, c2, s, celda);
    free(s);
}

/* Lines a text needs in a column of the given width (Excel character
 * units) at 10 pt: an estimate by characters, for the row's xw_alto. It is
 * only the height of a row left with nothing to measure: a row with text
 * gets the height its text measures on the printing font when the sheet is
 * laid out (xlsx_pagina.c), at the widths it prints with — measuring here
 * too made every text measured twice. */
int xw_lineas(const char *s, double ancho)
{
    if (!s || !s[0])
        return 1;
    /* Carlito's characters average under 0.5 em; a column unit is ~5.6 pt */
    double cabe = ancho * 5.575 / (0.5 * 10.0);
    if (cabe < 1)
        cabe = 1;
    int lineas = 0;
    long cps = 0;
    for (const unsigned char *p = (const unsigned char *)s;; p++) {
        if (*p == '\n' || !*p) {
            lineas += 1 + (int)((double)cps / cabe);
            cps = 0;
            if (!*p)
                break;
        } else if ((*p & 0xC0) != 0x80) {
            cps++;
        }
    }
    return lineas;
}

/* The height of a row with no text to measure (a spacer); a row with text
 * gets the height its text measures (xlsx_pagina.c). */
void xw_alto(Xw *x, lxw_worksheet *ws, int r, int lineas)
{
    if (lineas < 1)
        lineas = 1;
    if (lineas > 30)
        lineas = 30;   /* Excel's limit is 409 pt; a huge cell still prints */
    xw_pagina_alto(x, ws, r, medida_alto_fila(medida_compartida(), lineas, 10));
}

/* The two heading rows every report starts with, merged across columns 0..ult:
 * the title, and the institución (· the unidad when the export is for one). */
void xw_titulo(Xw *x, lxw_worksheet *ws, int ult, const char *titulo)
{
    xw_merge(x, ws, 0, 0, 0, ult, titulo, x->f.titulo);
    xw_alto(x, ws, 0, 2);
    /* built whole: a fixed buffer would cut a long name inside a character */
    char *t = x->unidad >= 0
                  ? xasprintf("%s · %s", x->p->institucion, x->p->unidades[x->unidad].nombre)
                  : xstrdup(x->p->institucion);
    xw_merge(x, ws, 1, 0, 1, ult, t, x->f.subtitulo);
    free(t);
}

/* Number format index for a value: 0 integer, 1 decimal, 2 whole %, 3 % with decimals. */
int xw_clase_num(double v, bool pct)
{
    double w = pct ? v * 100.0 : v;
    bool entero = w == (double)(long long)w;
    if (!entero && fabs(w - (double)llround(w)) < 1e-9)
        entero = true;
    return (pct ? 2 : 0) + (entero ? 0 : 1);
}

void xw_progreso(Xw *x, long pasos)
{
    x->hechas += pasos;
    if (x->cb && (x->hechas - x->avisado >= 1024 || x->hechas >= x->pasos)) {
        x->avisado = x->hechas;
        x->cb(x->cb_ctx, x->hechas, x->pasos);
    }
}

/* ---- Sheets and printing ---- */

/* "&" is a code in headers and footers: a literal one is "&&". Also cuts
 * the text to max bytes at a character boundary. */
static void cab_texto(StrBuf *b, const char *s, size_t max)
{
    size_t n = 0;
    for (; *s && n < max; s++, n++) {
        if (*s == '&')
            sb_putc(b, '&');
        sb_putc(b, *s);
    }
    while (b->len > 0 && ((unsigned char)b->s[b->len - 1] & 0xC0) == 0xC0)
        b->s[--b->len] = '\0';   /* a lead byte left without its continuation */
    if (b->len > 0 && ((unsigned char)b->s[b->len - 1] & 0x80)) {
        /* cut inside a multibyte character: drop the partial one */
        size_t i = b->len;
        while (i > 0 && ((unsigned char)b->s[i - 1] & 0xC0) == 0x80)
            i--;
        if (i > 0) {
            unsigned char lead = (unsigned char)b->s[i - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (b->len - (i - 1) < need) {
                b->len = i - 1;
                b->s[b->len] = '\0';
            }
        }
    }
}

lxw_worksheet *xw_hoja(Xw *x, const char *base)
{
    char nombre[128];
    xlsx_sheet_name(base, (const char *const *)x->hojas, x->nhojas, nombre, sizeof nombre);
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, nombre);
    if (!ws) {
        xw_chk(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
        return NULL;
    }
    x->hojas = xrealloc(x->hojas, sizeof *x->hojas * (size_t)(x->nhojas + 1));
    x->hojas[x->nhojas++] = xstrdup(nombre);
    x->nmerges = 0;
    return ws;
}

/* The last day of the corte's quarter in the plan's year: 30/09/2024. */
static void fecha_corte(const Xw *x, char *buf, size_t n)
{
    static const char *const DIA[POA_TRIMESTRES] = {"31/03", "30/06", "30/09", "31/12"};
    snprintf(buf, n, "%s/%04d", DIA[x->corte - 1], x->p->anio);
}

void xw_imprimir(Xw *x, lxw_worksheet *ws, const char *informe, const char *periodo,
                 int fila_cab1, int fila_cab2)
{
    static const uint8_t PAPEL_CODIGO[] = {9, 1, 5};   /* A4, carta, oficio (legal) */
    if (x->o->horizontal)
        worksheet_set_landscape(ws);
    else
        worksheet_set_portrait(ws);
    worksheet_set_paper(ws, PAPEL_CODIGO[(unsigned)x->o->papel < 3 ? x->o->papel : 0]);
    /* the scale is set when the sheet is laid out (xlsx_pagina.c): computed
     * from the widths, never fit-to-width, so the pages can be counted */
    worksheet_set_margins(ws, XW_MARGEN_IZQ, XW_MARGEN_DER, XW_MARGEN_SUP, XW_MARGEN_INF);
    worksheet_center_horizontally(ws);
    xw_chk(x, worksheet_repeat_rows(ws, (lxw_row_t)fila_cab1, (lxw_row_t)fila_cab2));
    worksheet_freeze_panes(ws, (lxw_row_t)(fila_cab2 + 1), 0);

    /* a header names the unit of a --unidad report and, on a sheet of the
     * corte, its date; at most 255 characters in all (Excel's limit) */
    StrBuf h = {0};
    sb_append(&h, "&L&9");
    if (x->unidad >= 0) {
        char *t = xasprintf("%s · %s", x->p->institucion, x->p->unidades[x->unidad].nombre);
        cab_texto(&h, t, 80);
        free(t);
    } else {
        cab_texto(&h, x->p->institucion, 80);
    }
    sb_append(&h, "&C&9&B");
    cab_texto(&h, informe, 50);
    sb_append(&h, "&R&9");
    char pc[160], fc[16];
    xw_periodo_corte(x, pc, sizeof pc);
    fecha_corte(x, fc, sizeof fc);
    char *der = strcmp(periodo, pc) == 0 ? xasprintf("%s · Fecha de corte: %s", periodo, fc)
                                         : xstrdup(periodo);
    cab_texto(&h, der, 90);
    free(der);
    xw_chk(x, worksheet_set_header(ws, sb_str(&h)));
    sb_free(&h);
    /* the date written out: &D would print in the reader's locale */
    char hoy[16], pie[80];
    xw_fecha_exportacion(hoy, sizeof hoy);
    snprintf(pie, sizeof pie, "&C&9Página &P de &N&R&8Exportado el %s", hoy);
    xw_chk(x, worksheet_set_footer(ws, pie));
    xw_pagina_cerrar(x, ws, fila_cab1, fila_cab2);
}

/* Semáforo on a column: formula rules so text cells ("no vencida") stay
 * uncolored, the config thresholds written in, rounded like calc does. */
void xw_semaforo_cf(Xw *x, lxw_worksheet *ws, int col, int r1, int r2)
{
    if (r2 < r1)
        return;
    char ref[16], v[32], a[32], buf[3][160];
    lxw_rowcol_to_cell(ref, (lxw_row_t)r1, (lxw_col_t)col);
    num_format(x->o->umbrales.verde, v, sizeof v);
    num_format(x->o->umbrales.amarillo, a, sizeof a);
    snprintf(buf[0], sizeof buf[0], "=AND(ISNUMBER(%s),ROUND(%s,9)>=%s)", ref, ref, v);
    snprintf(buf[1], sizeof buf[1], "=AND(ISNUMBER(%s),ROUND(%s,9)>=%s,ROUND(%s,9)<%s)", ref,
             ref, a, ref, v);
    snprintf(buf[2], sizeof buf[2], "=AND(ISNUMBER(%s),ROUND(%s,9)<%s)", ref, ref, a);
    const Semaforo sem[3] = {SEM_VERDE, SEM_AMARILLO, SEM_ROJO};
    for (int i = 0; i < 3; i++) {
        lxw_conditional_format cf = {0};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.value_string = buf[i];
        cf.format = x->f.cf[sem[i]];
        xw_chk(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, (lxw_col_t)col,
                                                     (lxw_row_t)r2, (lxw_col_t)col, &cf));
    }
}

/* The semáforo as a formula on a % cell, for the tablero's "Semáforo" column. */
void xw_semaforo_formula(Xw *x, lxw_worksheet *ws, int r, int c, int col_pct, Semaforo s,
                         lxw_format *f)
{
    char ref[16], v[32], a[32], buf[256];
    lxw_rowcol_to_cell(ref, (lxw_row_t)r, (lxw_col_t)col_pct);
    num_format(x->o->umbrales.verde, v, sizeof v);
    num_format(x->o->umbrales.amarillo, a, sizeof a);
    snprintf(buf, sizeof buf,
             "=IF(ISNUMBER(%s),IF(ROUND(%s,9)>=%s,\"verde\",IF(ROUND(%s,9)>=%s,\"amarillo\","
             "\"rojo\")),\"gris\")",
             ref, ref, v, ref, a);
    xw_chk(x, worksheet_write_formula_str(ws, (lxw_row_t)r, (lxw_col_t)c, buf, f,
                                          semaforo_name(s)));
}

/* The legend of the semáforo, one colored cell and its meaning per row;
 * returns the next free row. */
int xw_leyenda(Xw *x, lxw_worksheet *ws, int r, int c_color, int c_texto, int c_fin)
{
    char v[40], a[40];
    num_format(x->o->umbrales.verde * 100.0, v, sizeof v);
    num_format(x->o->umbrales.amarillo * 100.0, a, sizeof a);
    xw_merge(x, ws, r, c_color, r, c_fin, "Semáforo del % de ejecución al corte", x->f.nota_b);
    r++;
    char t[160];
    snprintf(t, sizeof t, "%s %% o más", v);
    xw_str(x, ws, r, c_color, "verde", x->f.ley[SEM_VERDE]);
    xw_merge(x, ws, r, c_texto, r, c_fin, t, x->f.nota);
    r++;
    snprintf(t, sizeof t, "desde %s %% hasta menos de %s %%", a, v);
    xw_str(x, ws, r, c_color, "amarillo", x->f.ley[SEM_AMARILLO]);
    xw_merge(x, ws, r, c_texto, r, c_fin, t, x->f.nota);
    r++;
    snprintf(t, sizeof t, "menos de %s %% (una actividad vencida sin reporte cuenta 0 %%)", a);
    xw_str(x, ws, r, c_color, "rojo", x->f.ley[SEM_ROJO]);
    xw_merge(x, ws, r, c_texto, r, c_fin, t, x->f.nota);
    r++;
    xw_str(x, ws, r, c_color, "gris", x->f.ley[SEM_GRIS]);
    xw_merge(x, ws, r, c_texto, r, c_fin,
             "sin % todavía: nada programado hasta el corte, o sin meta", x->f.nota);
    return r + 1;
}
