/* base_xlsx.c — the bare libxlsxwriter limit: the table tests/tools/xlsx-tabla
 * read from a poa report (cells, formats, merges, widths) written straight. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "rendimiento.h"

enum { R_HOJA, R_FORMATO, R_COLUMNA, R_FILA, R_CONGELAR, R_TEXTO, R_NUMERO, R_FORMULA,
       R_BLANCO, R_COMBINAR };

typedef struct {
    int tipo;
    int a, b, c, d, f;      /* row/col (or first row/col, last row/col), format */
    double x;
    char *s;
    char **campos;          /* a format's fields */
} Registro;

typedef struct {
    Registro *r;
    size_t n, cap;
} Tabla;

/* In place: \t, \n and \\ back to their bytes. */
static void desescapar(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            *o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

static int partir(char *linea, char **campos, int max)
{
    int n = 0;
    char *p = linea;
    while (n < max) {
        campos[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    for (int i = 0; i < n; i++)
        desescapar(campos[i]);
    return n;
}

static bool tabla_leer(const char *ruta, Tabla *t, char *error, size_t nerror)
{
    FILE *f = fopen(ruta, "r");
    if (!f) {
        snprintf(error, nerror, "no se pudo abrir %s", ruta);
        return false;
    }
    char *linea = NULL;
    size_t cap = 0;
    long num = 0;
    while (getline(&linea, &cap, f) > 0) {
        num++;
        linea[strcspn(linea, "\n")] = '\0';
        char *c[20];
        int n = partir(linea, c, 20);
        Registro r = {0};
        const char *k = c[0];
        bool ok = true;
        if (strcmp(k, "hoja") == 0 && n == 3) {
            r = (Registro){.tipo = R_HOJA, .s = strdup(c[1]), .a = atoi(c[2])};
        } else if (strcmp(k, "formato") == 0 && n == 17) {
            r.tipo = R_FORMATO;
            r.campos = malloc(sizeof *r.campos * 17);
            for (int i = 0; i < 17; i++)
                r.campos[i] = strdup(c[i]);
        } else if (strcmp(k, "columna") == 0 && n == 4) {
            r = (Registro){.tipo = R_COLUMNA, .a = atoi(c[1]), .x = atof(c[2]), .b = atoi(c[3])};
        } else if (strcmp(k, "fila") == 0 && n == 3) {
            r = (Registro){.tipo = R_FILA, .a = atoi(c[1]), .x = atof(c[2])};
        } else if (strcmp(k, "congelar") == 0 && n == 3) {
            r = (Registro){.tipo = R_CONGELAR, .a = atoi(c[1]), .b = atoi(c[2])};
        } else if ((strcmp(k, "s") == 0 || strcmp(k, "n") == 0 || strcmp(k, "f") == 0) && n == 5) {
            r = (Registro){.tipo = k[0] == 's' ? R_TEXTO : k[0] == 'n' ? R_NUMERO : R_FORMULA,
                           .a = atoi(c[1]), .b = atoi(c[2]), .f = atoi(c[3])};
            if (r.tipo == R_NUMERO)
                r.x = atof(c[4]);
            else
                r.s = strdup(c[4]);
        } else if (strcmp(k, "b") == 0 && n == 4) {
            r = (Registro){.tipo = R_BLANCO, .a = atoi(c[1]), .b = atoi(c[2]), .f = atoi(c[3])};
        } else if (strcmp(k, "combinar") == 0 && n == 7) {
            r = (Registro){.tipo = R_COMBINAR, .a = atoi(c[1]), .b = atoi(c[2]), .c = atoi(c[3]),
                           .d = atoi(c[4]), .f = atoi(c[5]), .s = strdup(c[6])};
        } else {
            ok = false;
        }
        if (!ok) {
            snprintf(error, nerror, "%s:%ld: línea desconocida «%s»", ruta, num, k);
            free(linea);
            fclose(f);
            return false;
        }
        if (t->n == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 1024;
            t->r = realloc(t->r, sizeof *t->r * t->cap);
            if (!t->r)
                morir("sin memoria");
        }
        t->r[t->n++] = r;
    }
    free(linea);
    fclose(f);
    return true;
}

static void tabla_free(Tabla *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->r[i].s);
        if (t->r[i].campos)
            for (int k = 0; k < 17; k++)
                free(t->r[i].campos[k]);
        free(t->r[i].campos);
    }
    free(t->r);
}

static uint8_t borde(const char *s)
{
    static const struct { const char *n; uint8_t v; } B[] = {
        {"thin", LXW_BORDER_THIN}, {"medium", LXW_BORDER_MEDIUM}, {"dashed", LXW_BORDER_DASHED},
        {"dotted", LXW_BORDER_DOTTED}, {"thick", LXW_BORDER_THICK}, {"double", LXW_BORDER_DOUBLE},
        {"hair", LXW_BORDER_HAIR}};
    for (size_t i = 0; i < sizeof B / sizeof *B; i++)
        if (strcmp(s, B[i].n) == 0)
            return B[i].v;
    return s[0] ? LXW_BORDER_THIN : LXW_BORDER_NONE;
}

static lxw_color_t color(const char *s) { return (lxw_color_t)strtol(s, NULL, 16); }

static lxw_format *formato_new(lxw_workbook *wb, char **c)
{
    lxw_format *f = workbook_add_format(wb);
    if (c[2][0] == '1')
        format_set_bold(f);
    if (c[3][0] == '1')
        format_set_italic(f);
    format_set_font_size(f, atof(c[4]));
    if (c[5][0])
        format_set_font_name(f, c[5]);
    if (c[6][0])
        format_set_font_color(f, color(c[6]));
    if (c[7][0]) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, color(c[7]));
    }
    format_set_top(f, borde(c[8]));
    format_set_bottom(f, borde(c[9]));
    format_set_left(f, borde(c[10]));
    format_set_right(f, borde(c[11]));
    if (c[12][0])
        format_set_border_color(f, color(c[12]));
    if (strcmp(c[13], "General") != 0)
        format_set_num_format(f, c[13]);
    static const struct { const char *n; uint8_t v; } A[] = {
        {"left", LXW_ALIGN_LEFT}, {"center", LXW_ALIGN_CENTER}, {"right", LXW_ALIGN_RIGHT},
        {"fill", LXW_ALIGN_FILL}, {"justify", LXW_ALIGN_JUSTIFY},
        {"centerContinuous", LXW_ALIGN_CENTER_ACROSS}, {"distributed", LXW_ALIGN_DISTRIBUTED}};
    for (size_t i = 0; i < sizeof A / sizeof *A; i++)
        if (strcmp(c[14], A[i].n) == 0)
            format_set_align(f, A[i].v);
    static const struct { const char *n; uint8_t v; } V[] = {
        {"top", LXW_ALIGN_VERTICAL_TOP}, {"center", LXW_ALIGN_VERTICAL_CENTER},
        {"bottom", LXW_ALIGN_VERTICAL_BOTTOM}, {"justify", LXW_ALIGN_VERTICAL_JUSTIFY}};
    for (size_t i = 0; i < sizeof V / sizeof *V; i++)
        if (strcmp(c[15], V[i].n) == 0)
            format_set_align(f, V[i].v);
    if (c[16][0] == '1')
        format_set_text_wrap(f);
    return f;
}

double base_xlsx_write(const char *ruta, const char *salida, char *error, size_t nerror)
{
    Tabla t = {0};
    if (!tabla_leer(ruta, &t, error, nerror)) {
        tabla_free(&t);
        return -1;
    }
    size_t nf = 0;
    for (size_t i = 0; i < t.n; i++)
        nf += t.r[i].tipo == R_FORMATO;
    lxw_format **fmt = calloc(nf + 1, sizeof *fmt);
    double t0 = ahora();
    lxw_workbook_options wo = {.constant_memory = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(salida, &wo);
    if (!wb) {
        snprintf(error, nerror, "libxlsxwriter no pudo crear %s", salida);
        tabla_free(&t);
        free(fmt);
        return -1;
    }
    lxw_worksheet *ws = NULL;
    size_t kf = 0;
    for (size_t i = 0; i < t.n; i++) {
        const Registro *r = &t.r[i];
        lxw_format *f = r->f >= 0 && (size_t)r->f < nf ? fmt[r->f] : NULL;
        switch (r->tipo) {
        case R_FORMATO: fmt[kf++] = formato_new(wb, r->campos); break;
        case R_HOJA:
            ws = workbook_add_worksheet(wb, r->s);
            if (r->a)
                worksheet_hide(ws);
            break;
        case R_COLUMNA: {
            lxw_row_col_options o = {.hidden = (uint8_t)r->b};
            worksheet_set_column_opt(ws, (lxw_col_t)r->a, (lxw_col_t)r->a, r->x, NULL, &o);
            break;
        }
        case R_FILA: worksheet_set_row(ws, (lxw_row_t)r->a, r->x, NULL); break;
        case R_CONGELAR: worksheet_freeze_panes(ws, (lxw_row_t)r->a, (lxw_col_t)r->b); break;
        case R_TEXTO: worksheet_write_string(ws, (lxw_row_t)r->a, (lxw_col_t)r->b, r->s, f); break;
        case R_NUMERO: worksheet_write_number(ws, (lxw_row_t)r->a, (lxw_col_t)r->b, r->x, f); break;
        case R_FORMULA:
            worksheet_write_formula_num(ws, (lxw_row_t)r->a, (lxw_col_t)r->b, r->s, f, 0);
            break;
        case R_BLANCO: worksheet_write_blank(ws, (lxw_row_t)r->a, (lxw_col_t)r->b, f); break;
        case R_COMBINAR:
            worksheet_merge_range(ws, (lxw_row_t)r->a, (lxw_col_t)r->b, (lxw_row_t)r->c,
                                  (lxw_col_t)r->d, r->s, f);
            break;
        }
    }
    lxw_error e = workbook_close(wb);
    double s = ahora() - t0;
    tabla_free(&t);
    free(fmt);
    if (e != LXW_NO_ERROR) {
        snprintf(error, nerror, "libxlsxwriter: %s", lxw_strerror(e));
        return -1;
    }
    return s;
}
