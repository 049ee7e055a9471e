/* formato_informe.c — poa's own XLSX reports read back: the POA and
 * seguimiento sheets by their hidden columns and printed cells, the tablero skipped. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formatos.h"
#include "model.h"
#include "strmap.h"

#define MARCA_POA "poa:POA"
#define MARCA_SEG "poa:seguimiento"
#define MARCA_TABLERO "poa:tablero"
/* the marker is on the header row, which is among the first rows */
#define FILAS_CABECERA 12

typedef struct {
    int fila;                 /* the header row's number */
    int oculta[PLANO_NCOLS];  /* 0-based column of each hidden value, -1 none */
    /* printed columns read back (-1 none) */
    int act, resp, pres, lider, real, mes[POA_MESES];
} Cabecera;

static bool celda_es(const Celda *c, const char *s)
{
    return c->tipo == CELDA_TEXTO && strcmp(c->texto, s) == 0;
}

/* "poa:columnas act=2 resp=15 pres=16" (xw_clave_columnas): where the
 * printed columns are when their titles are the institution's own. It
 * overrides what the titles said; a report without it (older poa, or
 * default titles) is read by its titles. */
#define COLUMNAS_MARCA "poa:columnas "
static void columnas_leer(const char *s, Cabecera *cb)
{
    static const struct {
        const char *clave;
        size_t off;
    } CLAVES[] = {{"act", offsetof(Cabecera, act)},     {"resp", offsetof(Cabecera, resp)},
                  {"pres", offsetof(Cabecera, pres)},   {"lider", offsetof(Cabecera, lider)},
                  {"real", offsetof(Cabecera, real)}};
    for (s += strlen(COLUMNAS_MARCA); *s;) {
        while (*s == ' ')
            s++;
        const char *eq = strchr(s, '=');
        if (!eq)
            break;
        char *fin;
        long v = strtol(eq + 1, &fin, 10);
        for (size_t k = 0; k < POA_ARRAY_LEN(CLAVES) && fin > eq + 1 && v >= 0 && v < 16384; k++)
            if ((size_t)(eq - s) == strlen(CLAVES[k].clave) &&
                strncmp(s, CLAVES[k].clave, (size_t)(eq - s)) == 0)
                *(int *)((char *)cb + CLAVES[k].off) = (int)v;
        s = fin > eq + 1 ? fin : eq + 1;
        while (*s && *s != ' ')
            s++;
    }
}

/* Finds marca in the first rows of the sheet and maps the columns. The
 * months' names are on the rows just under the POA's header. */
static int cabecera_leer(Libro *l, int hoja, const char *marca, Cabecera *cb, PoaErr *err)
{
    memset(cb, 0, sizeof *cb);
    cb->act = cb->resp = cb->pres = cb->lider = cb->real = -1;
    for (int i = 0; i < PLANO_NCOLS; i++)
        cb->oculta[i] = -1;
    for (int m = 0; m < POA_MESES; m++)
        cb->mes[m] = -1;
    if (!libro_hoja(l, hoja, err))
        return -1;
    Fila f;
    int r;
    while ((r = libro_fila(l, &f, err)) == 1 && f.numero <= FILAS_CABECERA + 3) {
        int marca_en = -1;
        for (int i = 0; i < f.nceldas && marca_en < 0; i++)
            if (celda_es(&f.celdas[i], marca))
                marca_en = i;
        if (marca_en >= 0 && !cb->fila) {
            cb->fila = f.numero;
            for (int i = marca_en + 1; i < f.nceldas; i++) {
                for (int k = 0; k < PLANO_NCOLS; k++)
                    if (celda_es(&f.celdas[i], PLANO_COLS[k]))
                        cb->oculta[k] = i;
            }
            for (int i = 0; i < marca_en; i++) {
                const Celda *c = &f.celdas[i];
                if (celda_es(c, "Actividades") || celda_es(c, "ACCIÓN OPERATIVA"))
                    cb->act = i;
                else if (celda_es(c, "Responsables") || celda_es(c, "UNIDAD-ÁREA RESPONSABLE"))
                    cb->resp = i;
                else if (celda_es(c, "Presupuesto"))
                    cb->pres = i;
                else if (celda_es(c, "UNIDAD LÍDER"))
                    cb->lider = i;
                else if (c->tipo == CELDA_TEXTO && strncmp(c->texto, "REAL ", 5) == 0)
                    cb->real = i;
            }
            for (int i = marca_en + 1; i < f.nceldas; i++)
                if (f.celdas[i].tipo == CELDA_TEXTO &&
                    strncmp(f.celdas[i].texto, COLUMNAS_MARCA, strlen(COLUMNAS_MARCA)) == 0)
                    columnas_leer(f.celdas[i].texto, cb);
            if (strcmp(marca, MARCA_POA) != 0)
                return 1;
            continue;
        }
        if (cb->fila && f.numero <= cb->fila + 2)
            for (int i = 0; i < f.nceldas; i++)
                for (int m = 0; m < POA_MESES; m++)
                    if (celda_es(&f.celdas[i], POA_MES_CORTO[m]))
                        cb->mes[m] = i;
        if (cb->fila && f.numero >= cb->fila + 2)
            return 1;
    }
    return r < 0 ? -1 : cb->fila ? 1 : 0;
}

static bool hoja_tiene(Libro *l, int hoja, const char *marca)
{
    Cabecera cb;
    PoaErr e = {{0}};
    return cabecera_leer(l, hoja, marca, &cb, &e) == 1 && (strcmp(marca, MARCA_TABLERO) == 0 ||
                                                           cb.oculta[PLANO_ACTIVIDAD] >= 0);
}

bool formato_informe_es(Libro *l, int hoja)
{
    return hoja_tiene(l, hoja, MARCA_POA) || hoja_tiene(l, hoja, MARCA_SEG) ||
           hoja_tiene(l, hoja, MARCA_TABLERO);
}

static bool detect_poa(Libro *l, int hoja, PoaErr *err)
{
    (void)err;
    return hoja_tiene(l, hoja, MARCA_POA);
}

static bool detect_seg(Libro *l, int hoja, PoaErr *err)
{
    (void)err;
    return hoja_tiene(l, hoja, MARCA_SEG);
}

static bool detect_tablero(Libro *l, int hoja, PoaErr *err)
{
    (void)err;
    return hoja_tiene(l, hoja, MARCA_TABLERO);
}

static const Celda *celda_en(const Fila *f, int col)
{
    return col >= 0 && col < f->nceldas && f->celdas[col].tipo != CELDA_VACIA ? &f->celdas[col]
                                                                              : NULL;
}

/* The value printed at col replaces the hidden one: a person may have
 * corrected it in the report. */
static void impreso_tomar(RegPlano *r, PlanoCol col, const Fila *f, int c)
{
    if (c < 0)
        return;
    const Celda *x = celda_en(f, c);
    reg_tomar(r, col, formato_celda_texto(x), x);
}

static bool vacio(const RegPlano *r, PlanoCol c)
{
    return !r->v[c] || !r->v[c][0];
}

/* The printed real is the hidden one's value (0.75 printed as 75 %): the
 * hidden record keeps how it was written, unless someone changed it. */
static bool real_igual(const RegPlano *r, const Fila *f, int c)
{
    const Celda *x = celda_en(f, c);
    Valor v;
    return !vacio(r, PLANO_REAL) && x && x->tipo == CELDA_NUMERO &&
           valor_parse(r->v[PLANO_REAL], &v) && v.has && fabs(v.valor - x->num) < 1e-12;
}

/* One record from a row with a hidden actividad; false for other rows. */
static bool registro_leer(Libro *l, int hoja, const Cabecera *cb, const Fila *f, bool es_poa,
                          RegPlano *r, PlanoAvisos *av)
{
    if (f->numero <= cb->fila || !celda_en(f, cb->oculta[PLANO_ACTIVIDAD]))
        return false;
    memset(r, 0, sizeof *r);
    r->fila = f->numero;
    for (int k = 0; k < PLANO_NCOLS; k++) {
        const Celda *c = celda_en(f, cb->oculta[k]);
        reg_tomar(r, (PlanoCol)k, c ? formato_celda_texto(c) : xstrdup(""), c);
    }
    if (es_poa) {
        /* The printed months are the cronograma, unless the activity has
         * quarter targets (shown centred on each quarter's first month) or
         * only an annual one (one text over the twelve). */
        bool trim = !vacio(r, PLANO_T1) || !vacio(r, PLANO_T2) || !vacio(r, PLANO_T3) ||
                    !vacio(r, PLANO_T4);
        const Celda *m1 = celda_en(f, cb->mes[0]);
        bool anual = m1 && m1->tipo == CELDA_TEXTO && strncmp(m1->texto, "Meta anual", 10) == 0;
        if (!trim && !anual)
            for (int m = 0; m < POA_MESES; m++)
                impreso_tomar(r, (PlanoCol)(PLANO_ENE + m), f, cb->mes[m]);
        impreso_tomar(r, PLANO_RESPONSABLES, f, cb->resp);
        const Celda *p = celda_en(f, cb->pres);
        if (p && p->tipo == CELDA_NUMERO) {
            char b[64];
            snprintf(b, sizeof b, "%.2f", p->num);
            reg_poner(r, PLANO_PRESUPUESTO, b, p);
        } else if (cb->pres >= 0) {
            reg_poner(r, PLANO_PRESUPUESTO, "", p);
        }
    } else {
        impreso_tomar(r, PLANO_UNIDAD_LIDER, f, cb->lider);
        impreso_tomar(r, PLANO_RESPONSABLES, f, cb->resp);
        if (!real_igual(r, f, cb->real))
            impreso_tomar(r, PLANO_REAL, f, cb->real);
    }
    /* The printed activity should be the hidden one; if someone rewrote
     * it, the hidden key still decides which activity this is: say so. */
    const Celda *a = celda_en(f, cb->act);
    if (a && a->tipo == CELDA_TEXTO) {
        /* the POA prints «code text», the seguimiento the text alone */
        char *esperado = es_poa && !vacio(r, PLANO_ACT_COD)
                             ? xasprintf("%s %s", r->v[PLANO_ACT_COD], r->v[PLANO_ACTIVIDAD])
                             : xstrdup(r->v[PLANO_ACTIVIDAD]);
        char *visto = formato_celda_texto(a);
        if (strcmp(esperado, visto) != 0)
            formato_aviso(av, l, hoja, a, "la actividad impresa «%.60s» no es la de la clave "
                          "oculta del informe «%.60s»; se toma la de la clave", visto, esperado);
        free(visto);
        free(esperado);
    }
    return true;
}

/* unit, code and text, and which occurrence of them: the natural key */
static char *clave_de(const RegPlano *r, StrMap *vistos)
{
    char *base = xasprintf("%s\x1f%s\x1f%s", r->v[PLANO_UNIDAD], r->v[PLANO_ACT_COD],
                           r->v[PLANO_ACTIVIDAD]);
    bool nuevo;
    int *n = strmap_put(vistos, base, 0, &nuevo);
    char *k = xasprintf("%s\x1f%d", base, (*n)++);
    free(base);
    return k;
}

static const PlanoCol COLS_SEG[] = {PLANO_CORTE, PLANO_REAL, PLANO_PCT_PUBLICADO,
                                    PLANO_OBSERVACIONES, PLANO_EVIDENCIA};

typedef struct {
    RegPlano *r;
    int n, cap;
    StrMap por_clave, vistos;
    char *hoja;
} Seg;

static void seg_free(Seg *s)
{
    for (int i = 0; i < s->n; i++)
        reg_free(&s->r[i]);
    free(s->r);
    strmap_free(&s->por_clave);
    strmap_free(&s->vistos);
    free(s->hoja);
}

/* The other sheet of the workbook with marca, or -1. */
static int hoja_otra(Libro *l, int hoja, const char *marca)
{
    for (int h = 0; h < libro_nhojas(l); h++)
        if (h != hoja && hoja_tiene(l, h, marca))
            return h;
    return -1;
}

static bool seg_cargar(Libro *l, int hoja, Seg *s, PlanoAvisos *av, PoaErr *err)
{
    Cabecera cb;
    if (cabecera_leer(l, hoja, MARCA_SEG, &cb, err) != 1)
        return false;
    s->hoja = xstrdup(libro_hoja_nombre(l, hoja));
    Fila f;
    int r;
    RegPlano x;
    while ((r = libro_fila(l, &f, err)) == 1) {
        if (!registro_leer(l, hoja, &cb, &f, false, &x, av))
            continue;
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 64;
            s->r = xrealloc(s->r, (size_t)s->cap * sizeof *s->r);
        }
        s->r[s->n] = x;
        char *k = clave_de(&x, &s->vistos);
        strmap_put(&s->por_clave, k, s->n, NULL);
        free(k);
        s->n++;
    }
    return r == 0;
}

static bool informe_leer(Libro *l, int hoja, const char *marca, PlanoEmit emit, void *ctx,
                         PlanoAvisos *av, const Seg *seg, PoaErr *err)
{
    Cabecera cb;
    int c = cabecera_leer(l, hoja, marca, &cb, err);
    if (c != 1) {
        if (c == 0)
            err_set(err, "%s:%s: no se encontró la fila de títulos del informe", libro_ruta(l),
                    libro_hoja_nombre(l, hoja));
        return false;
    }
    bool es_poa = strcmp(marca, MARCA_POA) == 0;
    StrMap vistos = {0};
    bool *usado = seg ? xcalloc((size_t)seg->n + 1, sizeof *usado) : NULL;
    Fila f;
    int r;
    bool ok = true;
    RegPlano x;
    while (ok && (r = libro_fila(l, &f, err)) == 1) {
        if (!registro_leer(l, hoja, &cb, &f, es_poa, &x, av))
            continue;
        if (seg) {
            char *k = clave_de(&x, &vistos);
            int *i = strmap_get(&seg->por_clave, k);
            free(k);
            if (i) {
                /* the cells are on the other sheet: the values come without one */
                for (size_t j = 0; j < POA_ARRAY_LEN(COLS_SEG); j++)
                    reg_poner(&x, COLS_SEG[j], seg->r[*i].v[COLS_SEG[j]], NULL);
                usado[*i] = true;
            }
        }
        ok = reg_emitir(&x, emit, ctx, err);
        reg_free(&x);
    }
    if (ok && r < 0)
        ok = false;
    for (int i = 0; ok && seg && i < seg->n; i++)
        if (!usado[i])
            formato_aviso(av, l, hoja, NULL, "la actividad «%s %.60s» de %s está en la hoja «%s» "
                          "y no en esta; su seguimiento no se importa", seg->r[i].v[PLANO_ACT_COD],
                          seg->r[i].v[PLANO_ACTIVIDAD], seg->r[i].v[PLANO_UNIDAD], seg->hoja);
    free(usado);
    strmap_free(&vistos);
    return ok;
}

static bool read_poa(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit, void *ctx,
                     PlanoAvisos *av, PoaErr *err)
{
    (void)op;
    int hs = hoja_otra(l, hoja, MARCA_SEG);
    Seg seg = {0};
    if (hs >= 0 && !seg_cargar(l, hs, &seg, av, err)) {
        seg_free(&seg);
        return false;
    }
    bool ok = informe_leer(l, hoja, MARCA_POA, emit, ctx, av, hs >= 0 ? &seg : NULL, err);
    seg_free(&seg);
    return ok;
}

static bool read_seg(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit, void *ctx,
                     PlanoAvisos *av, PoaErr *err)
{
    (void)op;
    int hp = hoja_otra(l, hoja, MARCA_POA);
    if (hp >= 0) {
        /* the same activities: the POA sheet gives them, with this
         * sheet's seguimiento */
        formato_aviso(av, l, hoja, NULL, "sus actividades se leyeron con la hoja «%s» del mismo "
                      "informe (con el seguimiento de esta)", libro_hoja_nombre(l, hp));
        return true;
    }
    return informe_leer(l, hoja, MARCA_SEG, emit, ctx, av, NULL, err);
}

static bool read_tablero(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit,
                         void *ctx, PlanoAvisos *av, PoaErr *err)
{
    (void)op, (void)emit, (void)ctx, (void)err;
    formato_aviso(av, l, hoja, NULL, "hoja de resumen: no trae actividades");
    return true;
}

const PlanoFormato FORMATO_INFORME_POA = {
    .nombre = "informe POA de poa", .detect = detect_poa, .read = read_poa};
const PlanoFormato FORMATO_INFORME_SEGUIMIENTO = {
    .nombre = "informe de seguimiento de poa", .detect = detect_seg, .read = read_seg};
const PlanoFormato FORMATO_INFORME_TABLERO = {
    .nombre = "tablero de poa", .detect = detect_tablero, .read = read_tablero};
