/* formato_comun.c — what the layout recognisers share: a cell written as
 * the flat template writes it, records assembled with copies of their
 * cells, warnings naming the cell, codes split from their text. */
#include "formatos.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

char *formato_celda_texto(const Celda *c)
{
    char buf[48];
    if (!c || c->tipo == CELDA_VACIA)
        return xstrdup("");
    if (c->tipo == CELDA_NUMERO && c->formato == NUMFMT_PORCENTAJE)
        return xstrdup(num_format_pct(c->num, buf, sizeof buf));
    if (c->tipo == CELDA_NUMERO && c->formato == NUMFMT_GENERAL)
        return xstrdup(num_format(c->num, buf, sizeof buf));
    char *s = xstrdup(c->texto);
    str_trim(s);
    return s;
}

char *formato_celda_pct(const Celda *c)
{
    char buf[48];
    if (c && c->tipo == CELDA_NUMERO && c->formato != NUMFMT_FECHA)
        return xstrdup(num_format_pct(c->num, buf, sizeof buf));
    return formato_celda_texto(c);
}

void reg_tomar(RegPlano *r, PlanoCol col, char *texto, const Celda *c)
{
    free(r->v[col]);
    r->v[col] = texto;
    r->tiene_celda[col] = c != NULL;
    if (c) {
        r->cel[col] = *c;
        r->cel[col].texto = "";   /* the Libro's text dies; only the place is kept */
    }
}

void reg_poner(RegPlano *r, PlanoCol col, const char *texto, const Celda *c)
{
    reg_tomar(r, col, xstrdup(texto), c);
}

void reg_copiar(RegPlano *dst, const RegPlano *src)
{
    reg_free(dst);
    for (int i = 0; i < PLANO_NCOLS; i++) {
        dst->v[i] = src->v[i] ? xstrdup(src->v[i]) : NULL;
        dst->cel[i] = src->cel[i];
        dst->tiene_celda[i] = src->tiene_celda[i];
    }
    dst->fila = src->fila;
}

bool reg_emitir(const RegPlano *r, PlanoEmit emit, void *ctx, PoaErr *err)
{
    PlanoRegistro pr = {.fila = r->fila};
    for (int i = 0; i < PLANO_NCOLS; i++) {
        pr.v[i] = r->v[i];
        pr.c[i] = r->tiene_celda[i] ? &r->cel[i] : NULL;
    }
    return emit(ctx, &pr, err);
}

void reg_free(RegPlano *r)
{
    for (int i = 0; i < PLANO_NCOLS; i++)
        free(r->v[i]);
    memset(r, 0, sizeof *r);
}

void formato_aviso(PlanoAvisos *a, const Libro *l, int hoja, const Celda *c, const char *fmt,
                   ...)
{
    char lugar[512];
    libro_lugar(l, hoja, c, lugar, sizeof lugar);
    va_list ap;
    va_start(ap, fmt);
    StrBuf b = {0};
    sb_appendf(&b, "%s: ", lugar);
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sb_append(&b, msg);
    plano_avisos_add(a, sb_take(&b));
}

const Celda *formato_primera(const Fila *f, int desde)
{
    for (int i = desde < 0 ? 0 : desde; i < f->nceldas; i++)
        if (f->celdas[i].tipo != CELDA_VACIA)
            return &f->celdas[i];
    return NULL;
}

int formato_nllenas(const Fila *f)
{
    int n = 0;
    for (int i = 0; i < f->nceldas; i++)
        n += f->celdas[i].tipo != CELDA_VACIA;
    return n;
}

bool formato_codigo(const char *texto, char **cod, const char **resto)
{
    *cod = NULL;
    const char *p = texto;
    while (*p == ' ')
        p++;
    const char *ini = p;
    /* Letters only as a prefix ("AO.", "O.E."), then digits and dots. */
    while (isalpha((unsigned char)*p) || *p == '.')
        p++;
    const char *dig = p;
    while (isdigit((unsigned char)*p) || *p == '.' || (*p == ',' && isdigit((unsigned char)p[1])))
        p++;
    if (p == dig || !isdigit((unsigned char)*dig))
        return false;
    if (*p == ',')   /* "1, Realizada…" */
        p++;
    if (*p && *p != ' ' && *p != '\t' && *p != '\n')
        return false;
    const char *e = p;
    while (e > ini && (e[-1] == '.' || e[-1] == ','))
        e--;
    *cod = xstrndup(ini, (size_t)(e - ini));
    /* «2.1 . Mejorar…»: a stray dot between the code and its text. */
    while (*p == ' ' || *p == '\t' || *p == '\n' || (*p == '.' && (p[1] == ' ' || !p[1])))
        p++;
    *resto = p;
    return true;
}

char *formato_titulo(const char *s)
{
    static const char *const PARTICULAS[] = {"de", "del", "la", "las", "los", "el", "y", "e",
                                             "en", "para", "a"};
    StrBuf b = {0};
    const char *p = s;
    bool primera = true;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        char *word = xstrndup(w, (size_t)(p - w));
        /* Lowercase ASCII and the Latin-1 capitals (UTF-8 C3 80..9E). */
        for (size_t i = 0; word[i]; i++) {
            unsigned char c = (unsigned char)word[i];
            if (c >= 'A' && c <= 'Z')
                word[i] = (char)(c + 32);
            else if (c == 0xC3 && word[i + 1] && (unsigned char)word[i + 1] >= 0x80 &&
                     (unsigned char)word[i + 1] <= 0x9E && (unsigned char)word[i + 1] != 0x97)
            {
                i++;
                word[i] = (char)((unsigned char)word[i] + 0x20);
            }
        }
        bool particula = false;
        for (size_t k = 0; k < POA_ARRAY_LEN(PARTICULAS); k++)
            if (strcmp(word, PARTICULAS[k]) == 0)
                particula = true;
        if (!particula || primera) {
            if (word[0] >= 'a' && word[0] <= 'z')
                word[0] = (char)(word[0] - 32);
            else if ((unsigned char)word[0] == 0xC3 && (unsigned char)word[1] >= 0xA0 &&
                     (unsigned char)word[1] <= 0xBE && (unsigned char)word[1] != 0xB7)
                word[1] = (char)((unsigned char)word[1] - 0x20);
        }
        if (b.len)
            sb_putc(&b, ' ');
        sb_append(&b, word);
        free(word);
        primera = false;
    }
    return sb_take(&b);
}

RegPlano *reg_nuevo(RegPlano **v, int *n, int *cap, int fila, const char *institucion,
                    const char *anio)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *v = xrealloc(*v, (size_t)*cap * sizeof **v);
    }
    RegPlano *r = &(*v)[(*n)++];
    memset(r, 0, sizeof *r);
    r->fila = fila;
    reg_poner(r, PLANO_INSTITUCION, institucion, NULL);
    reg_poner(r, PLANO_ANIO, anio, NULL);
    return r;
}
