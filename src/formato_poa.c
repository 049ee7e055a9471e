/* formato_poa.c — ARS SEMMA's POA in blocks: per unit and objective the
 * Generales lines and a table Entregables · Indicadores · Actividades · 12
 * months · Responsables · Presupuesto, read into flat-template records. */
#include "formatos.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

#define FILAS_DETECCION 80
#define COMPARTIDO "monto compartido con las actividades siguientes del entregable"

typedef struct {
    int ent, ind, act, resp, pres, crono;
    int mes[12];
    bool valido;
} Columnas;

typedef struct {
    char *v;
    Celda c;
    bool hay;
} Valor;

typedef struct {
    Libro *l;
    int hoja;
    PlanoAvisos *av;
    char *institucion, *anio;
    Valor unidad, eje, obj, meta;
    bool eje_en_bloque, hubo_bloque, en_tabla, pend_encabezado;
    Columnas col, col_prev, col_nueva;
    const Celda *cab;   /* not kept past the row */
    Celda c_cab;
    Valor ent_cod, ent, ind;
    /* The sheet's activities wait for its end: an entregable may come after
     * its first activities, a note under a table may be its budget. */
    RegPlano *regs;
    int nregs, cap;
    int ent_ini, bloque_ini;   /* first record of the entregable, of the block */
    /* Generales labels with no value yet (the value may come on a later
     * line of its own). */
    Etiqueta pendientes[8];
    int npend;
} Poa;

static void valor_poner(Valor *x, const char *v, const Celda *c)
{
    free(x->v);
    x->v = xstrdup(v);
    str_trim(x->v);
    x->hay = c != NULL;
    if (c) {
        x->c = *c;
        x->c.texto = "";
    }
}

static void valor_free(Valor *x)
{
    free(x->v);
    memset(x, 0, sizeof *x);
}

static const Celda *celda_en(const Fila *f, int col)
{
    if (col < 0 || col >= f->nceldas || f->celdas[col].tipo == CELDA_VACIA)
        return NULL;
    return &f->celdas[col];
}

static void columnas_ninguna(Columnas *c)
{
    c->ent = c->ind = c->act = c->resp = c->pres = c->crono = -1;
    for (int k = 0; k < 12; k++)
        c->mes[k] = -1;
    c->valido = false;
}

/* A table header: three or more of its labels, each alone in its cell. */
static int encabezado_leer(const Fila *f, Columnas *c)
{
    int n = 0;
    columnas_ninguna(c);
    for (int i = 0; i < f->nceldas; i++) {
        if (f->celdas[i].tipo != CELDA_TEXTO)
            continue;
        Etiqueta e = sinonimo_exacto(f->celdas[i].texto, ETQ_ENTREGABLES, ETQ_PRESUPUESTO);
        int *dst = e == ETQ_ENTREGABLES    ? &c->ent
                   : e == ETQ_INDICADORES  ? &c->ind
                   : e == ETQ_ACTIVIDADES  ? &c->act
                   : e == ETQ_CRONOGRAMA   ? &c->crono
                   : e == ETQ_RESPONSABLES ? &c->resp
                   : e == ETQ_PRESUPUESTO  ? &c->pres
                                           : NULL;
        if (dst && *dst < 0) {
            *dst = i;
            n++;
        }
    }
    return n;
}

/* The month-number row under the quarters: 1..12 in increasing columns. */
static bool meses_leer(const Fila *f, int mes[12])
{
    int k = 0;
    for (int i = 0; i < f->nceldas; i++) {
        const Celda *c = &f->celdas[i];
        if (c->tipo == CELDA_VACIA)
            continue;
        if (c->tipo != CELDA_NUMERO || c->num != k + 1 || k >= 12)
            return false;
        mes[k++] = i;
    }
    return k == 12;
}

/* «1er. Trim.» … «4to. Trim.»: a row of quarter labels only. */
static bool trimestres_es(const Fila *f)
{
    int n = 0;
    for (int i = 0; i < f->nceldas; i++) {
        const Celda *c = &f->celdas[i];
        if (c->tipo == CELDA_VACIA)
            continue;
        char *t = u8_fold(c->texto);
        bool ok = c->tipo == CELDA_TEXTO && (strstr(t, "trim") || strcmp(t, "1er.") == 0 ||
                                             strcmp(t, "2do.") == 0 || strcmp(t, "3er.") == 0 ||
                                             strcmp(t, "4to.") == 0);
        free(t);
        if (!ok)
            return false;
        n++;
    }
    return n >= 2;
}

/* ---- budget ---- */

/* An amount as written ("$1.500.000,00", "RD$1,500.000.00", "30,000,000.00",
 * "$9,450.00 (viaticos)"): the number, its currency and what follows it.
 * The last separator followed by exactly two digits is the decimal one. */
static bool monto_leer(const char *s, double *v, char *moneda, size_t nm, const char **resto,
                       bool *mezclado)
{
    const char *p = s;
    while (*p == ' ')
        p++;
    moneda[0] = '\0';
    static const char *const MONEDAS[] = {"RD$", "US$", "USD", "DOP", "$"};
    for (size_t i = 0; i < POA_ARRAY_LEN(MONEDAS); i++)
        if (strncmp(p, MONEDAS[i], strlen(MONEDAS[i])) == 0) {
            snprintf(moneda, nm, "%s", MONEDAS[i]);
            p += strlen(MONEDAS[i]);
            break;
        }
    while (*p == ' ')
        p++;
    const char *ini = p;
    while (isdigit((unsigned char)*p) || *p == ',' || *p == '.')
        p++;
    const char *fin = p;
    while (fin > ini && (fin[-1] == ',' || fin[-1] == '.'))
        fin--;
    if (fin == ini || !isdigit((unsigned char)*ini))
        return false;
    int dec = -1;
    if (fin - ini >= 3 && (fin[-3] == ',' || fin[-3] == '.'))
        dec = (int)(fin - 3 - ini);
    char buf[64];
    size_t o = 0;
    int seps = 0;
    char sep1 = 0;
    *mezclado = false;
    for (const char *q = ini; q < fin && o + 2 < sizeof buf; q++) {
        if (q - ini == dec) {
            buf[o++] = '.';
        } else if (*q == ',' || *q == '.') {
            if (sep1 && *q != sep1)
                *mezclado = true;
            sep1 = *q;
            seps++;
        } else {
            buf[o++] = *q;
        }
    }
    buf[o] = '\0';
    if (dec >= 0 && sep1 == ini[dec])
        *mezclado = true;   /* "1,500.000.00": the same mark as thousands and decimals */
    char *e;
    *v = strtod(buf, &e);
    if (*e)
        return false;
    while (*p == ' ')
        p++;
    *resto = p;
    return true;
}

/* Budget-like: an amount, N/A, a note about the PAC. */
static bool es_presupuesto(const Celda *c)
{
    if (c->tipo == CELDA_NUMERO)
        return true;
    if (c->tipo != CELDA_TEXTO)
        return false;
    char *t = u8_fold(c->texto);
    str_trim(t);
    bool si = strcmp(t, "n/a") == 0 || strcmp(t, "na") == 0 || strstr(t, "pac") != NULL ||
              strstr(t, "presupuesto") != NULL || t[0] == '$' || strncmp(t, "rd$", 3) == 0 ||
              strncmp(t, "us$", 3) == 0;
    if (!si) {
        double v;
        char m[8];
        const char *r;
        bool mez;
        si = monto_leer(c->texto, &v, m, sizeof m, &r, &mez) && *r == '\0';
    }
    free(t);
    return si;
}

static void presupuesto_poner(Poa *x, RegPlano *r, const Celda *c)
{
    char buf[64];
    if (c->tipo == CELDA_NUMERO) {
        snprintf(buf, sizeof buf, "%.2f", c->num);
        reg_poner(r, PLANO_PRESUPUESTO, buf, c);
        return;
    }
    double v;
    char moneda[8];
    const char *resto;
    bool mezclado;
    if (monto_leer(c->texto, &v, moneda, sizeof moneda, &resto, &mezclado)) {
        snprintf(buf, sizeof buf, "%.2f", v);
        reg_poner(r, PLANO_PRESUPUESTO, buf, c);
        if (mezclado)
            formato_aviso(x->av, x->l, x->hoja, c, "presupuesto «%s» con separadores mezclados; "
                          "se leyó %s", c->texto, buf);
        char *nota = moneda[0] && *resto ? xasprintf("%s; %s", moneda, resto)
                     : moneda[0]          ? xstrdup(moneda)
                                          : xstrdup(resto);
        str_trim(nota);
        if (*nota)
            reg_tomar(r, PLANO_PRESUPUESTO_NOTA, nota, c);
        else
            free(nota);
        return;
    }
    char *t = formato_celda_texto(c);
    reg_tomar(r, PLANO_PRESUPUESTO_NOTA, t, c);
}

/* ---- records ---- */

/* An amount on the entregable's first activity and none on the others is
 * one amount shared by all. */
static void entregable_cerrar(Poa *x)
{
    int n = x->nregs - x->ent_ini;
    RegPlano *regs = x->regs + x->ent_ini;
    x->ent_ini = x->nregs;
    if (n > 1 && !str_empty(regs[0].v[PLANO_PRESUPUESTO])) {
        bool otros = false;
        for (int i = 1; i < n; i++)
            otros |= !str_empty(regs[i].v[PLANO_PRESUPUESTO]) ||
                     !str_empty(regs[i].v[PLANO_PRESUPUESTO_NOTA]);
        if (!otros) {
            RegPlano *r = &regs[0];
            const char *previa = r->v[PLANO_PRESUPUESTO_NOTA];
            char *nota = str_empty(previa) ? xstrdup(COMPARTIDO)
                                         : xasprintf("%s; %s", previa, COMPARTIDO);
            reg_tomar(r, PLANO_PRESUPUESTO_NOTA, nota,
                      r->tiene_celda[PLANO_PRESUPUESTO] ? &r->cel[PLANO_PRESUPUESTO] : NULL);
        }
    }
}

static bool hoja_emitir(Poa *x, PlanoEmit emit, void *ctx, PoaErr *err)
{
    entregable_cerrar(x);
    bool ok = true;
    for (int i = 0; i < x->nregs && ok; i++)
        ok = reg_emitir(&x->regs[i], emit, ctx, err);
    return ok;
}

/* "2.1" -> "2", "1.1.2" -> "1.1": the entregable an activity code names. */
static bool codigo_padre_es(const char *act, const char *ent)
{
    const char *dot = act ? strrchr(act, '.') : NULL;
    return dot && ent && strlen(ent) == (size_t)(dot - act) && strncmp(act, ent, strlen(ent)) == 0;
}

static void poner_valor(RegPlano *r, PlanoCol col, const Valor *v)
{
    if (v->v)
        reg_poner(r, col, v->v, v->hay ? &v->c : NULL);
}

/* corr: the row's columns from Indicadores on slid that many to the right. */
static void actividad_leer(Poa *x, const Fila *f, const Celda *act, int corr)
{
    if (x->nregs == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 16;
        x->regs = xrealloc(x->regs, (size_t)x->cap * sizeof *x->regs);
    }
    RegPlano *r = &x->regs[x->nregs++];
    memset(r, 0, sizeof *r);
    r->fila = f->numero;
    reg_poner(r, PLANO_INSTITUCION, x->institucion, NULL);
    reg_poner(r, PLANO_ANIO, x->anio, NULL);
    poner_valor(r, PLANO_UNIDAD, &x->unidad);
    poner_valor(r, PLANO_EJE, &x->eje);
    poner_valor(r, PLANO_OBJETIVO, &x->obj);
    poner_valor(r, PLANO_META_OP, &x->meta);
    poner_valor(r, PLANO_ENT_COD, &x->ent_cod);
    poner_valor(r, PLANO_ENTREGABLE, &x->ent);
    poner_valor(r, PLANO_INDICADOR, &x->ind);
    char *cod;
    const char *txt;
    if (formato_codigo(act->texto, &cod, &txt)) {
        reg_tomar(r, PLANO_ACT_COD, cod, act);
        reg_tomar(r, PLANO_ACTIVIDAD, str_trim(xstrdup(txt)), act);
    } else {
        reg_tomar(r, PLANO_ACTIVIDAD, formato_celda_texto(act), act);
    }
    const Columnas *c = &x->col;
    const Celda *resp = NULL, *pres = NULL;
    for (int k = 0; k < 12; k++) {
        const Celda *m = celda_en(f, c->mes[k] + corr);
        if (!m)
            continue;
        char *t = formato_celda_texto(m);
        if (strcmp(t, "x") == 0 || strcmp(t, "X") == 0 || m->tipo == CELDA_NUMERO) {
            if (t[0] == 'X')
                t[0] = 'x';
            reg_tomar(r, (PlanoCol)(PLANO_ENE + k), t, m);
            continue;
        }
        if (k == 11 && !es_presupuesto(m)) {
            formato_aviso(x->av, x->l, x->hoja, m, "texto en la columna de meses; se tomó como "
                          "responsables");
            resp = m;
        } else if (k == 11) {
            pres = m;
            formato_aviso(x->av, x->l, x->hoja, m, "presupuesto en la columna de meses; se tomó "
                          "como presupuesto");
        } else {
            formato_aviso(x->av, x->l, x->hoja, m, "«%s» no es una marca de mes (x o una "
                          "cantidad); se ignora", t);
        }
        free(t);
    }
    /* After the months: the responsables (text) and the budget (an amount
     * or a note), wherever the row put them. */
    for (int i = c->mes[11] + 1 + corr; i < f->nceldas; i++) {
        const Celda *e = &f->celdas[i];
        if (e->tipo == CELDA_VACIA)
            continue;
        char *t = formato_celda_texto(e);
        bool marca = strcmp(t, "x") == 0 || strcmp(t, "X") == 0;
        free(t);
        if (marca && str_empty(r->v[PLANO_DIC])) {
            /* The row slid one column at its end: the mark is December's. */
            formato_aviso(x->av, x->l, x->hoja, e, "marca de mes después de diciembre, con "
                          "diciembre vacío; se tomó como diciembre");
            reg_poner(r, PLANO_DIC, "x", e);
        } else if (marca) {
            formato_aviso(x->av, x->l, x->hoja, e, "marca de mes después de diciembre; se "
                          "ignora");
        } else if (!pres && es_presupuesto(e) && (resp || i != c->resp + corr)) {
            pres = e;
        } else if (!resp && e->tipo == CELDA_TEXTO) {
            resp = e;
        } else {
            formato_aviso(x->av, x->l, x->hoja, e, "celda de más después de responsables y "
                          "presupuesto; se ignora");
        }
    }
    if (resp)
        reg_tomar(r, PLANO_RESPONSABLES, formato_celda_texto(resp), resp);
    if (pres)
        presupuesto_poner(x, r, pres);
}

/* ---- Generales ---- */

static void etiqueta_poner(Poa *x, Etiqueta e, const char *v, const Celda *c)
{
    char *t = xstrdup(v);
    str_trim(t);
    size_t n = strlen(t);
    if (e == ETQ_AREA && n > 0 && t[n - 1] == '.')
        t[n - 1] = '\0';
    if (*t) {
        if (e == ETQ_AREA && !x->unidad.v)
            valor_poner(&x->unidad, t, c);
        else if (e == ETQ_EJE) {
            valor_poner(&x->eje, t, c);
            x->eje_en_bloque = true;
        } else if (e == ETQ_OBJETIVO)
            valor_poner(&x->obj, t, c);
        else if (e == ETQ_META_OP)
            valor_poner(&x->meta, t, c);
    }
    free(t);
}

/* A cell holding several labels ("Generales Nombre … Fecha … Area … Eje o
 * perspectiva …"): each label's text runs to the next label. */
static int generales_aplanados(Poa *x, const Celda *c)
{
    const char *s = c->texto;
    size_t ini = 0, fin = 0;
    int n = 0;
    Etiqueta prev = ETQ_NINGUNA;
    size_t desde = 0;
    while (sinonimo_buscar(s, ETQ_NOMBRE, ETQ_META_OP, &ini, &fin)) {
        if (prev != ETQ_NINGUNA) {
            char *v = xstrndup(s + desde, ini - desde);
            etiqueta_poner(x, prev, v, c);
            free(v);
        }
        prev = sinonimo_prefijo(s + ini, ETQ_NOMBRE, ETQ_META_OP, NULL);
        desde = fin;
        ini = fin;
        n++;
    }
    if (prev != ETQ_NINGUNA)
        etiqueta_poner(x, prev, s + desde, c);
    return n;
}

/* The Generales labels of a row, inline («Área: X») or with the value in
 * the next cell. Returns how many labels the row had. */
static int generales_leer(Poa *x, const Fila *f)
{
    int n = 0;
    for (int i = 0; i < f->nceldas; i++) {
        const Celda *c = &f->celdas[i];
        if (c->tipo != CELDA_TEXTO)
            continue;
        const char *resto;
        Etiqueta e = sinonimo_prefijo(c->texto, ETQ_GENERALES, ETQ_META_OP, &resto);
        if (e == ETQ_NINGUNA)
            continue;
        size_t a = 0, b = 0;
        if (sinonimo_buscar(resto, ETQ_NOMBRE, ETQ_META_OP, &a, &b) &&
            (e == ETQ_GENERALES || a > 0)) {
            n += generales_aplanados(x, c);
            continue;
        }
        n++;
        if (e == ETQ_GENERALES)
            continue;
        if (*resto) {
            etiqueta_poner(x, e, resto, c);
            continue;
        }
        /* The value in the next non-empty cell, unless that is a label. */
        const Celda *v = formato_primera(f, i + 1);
        if (v && v->tipo == CELDA_TEXTO &&
            sinonimo_prefijo(v->texto, ETQ_GENERALES, ETQ_PRESUPUESTO, NULL) == ETQ_NINGUNA) {
            etiqueta_poner(x, e, v->texto, v);
            i = (int)(v - f->celdas);
        } else if (x->npend < (int)POA_ARRAY_LEN(x->pendientes)) {
            x->pendientes[x->npend++] = e;
        }
    }
    return n;
}

static bool titulo_es(Poa *x, const Fila *f)
{
    const Celda *p = formato_primera(f, 0);
    if (!p || p->tipo != CELDA_TEXTO || formato_nllenas(f) != 1)
        return false;
    char *t = u8_fold(p->texto);
    bool si = strncmp(t, "plan operativo anual", 20) == 0;
    if (si) {
        for (const char *q = t; *q; q++)
            if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) &&
                isdigit((unsigned char)q[2]) && isdigit((unsigned char)q[3]) && !x->anio) {
                x->anio = xstrndup(q, 4);
                break;
            }
    }
    free(t);
    return si;
}

static bool poa_detect(Libro *l, int hoja, PoaErr *err)
{
    if (!libro_hoja(l, hoja, err))
        return false;
    Fila f;
    Columnas c;
    for (int n = 0; n < FILAS_DETECCION && libro_fila(l, &f, err) == 1; n++)
        if (encabezado_leer(&f, &c) >= 3 && c.crono >= 0)
            return true;
    return false;
}

/* The unit of the sheet: its Área, else the sheet's name (said once). */
static void unidad_resolver(Poa *x, bool *avisada)
{
    if (x->unidad.v)
        return;
    if (!*avisada)
        formato_aviso(x->av, x->l, x->hoja, NULL, "la hoja no dice su Área; se toma como unidad "
                      "el nombre de la hoja");
    *avisada = true;
    valor_poner(&x->unidad, libro_hoja_nombre(x->l, x->hoja), NULL);
}

static void entregable_nuevo(Poa *x, const Celda *ent, const Celda *ind)
{
    /* Activities written before their entregable («2.1» above «2. …»)
     * belong to it, not to the one above them. */
    int mover = 0;
    char *nuevo = NULL;
    const char *ntxt;
    if (formato_codigo(ent->texto, &nuevo, &ntxt) &&
        !(x->ent_cod.v && strcmp(x->ent_cod.v, nuevo) == 0))
        for (int i = x->nregs - 1; i >= x->ent_ini; i--) {
            if (!codigo_padre_es(x->regs[i].v[PLANO_ACT_COD], nuevo))
                break;
            mover++;
        }
    x->nregs -= mover;
    entregable_cerrar(x);
    x->nregs += mover;
    char *cod = NULL;
    const char *txt = ent->texto;
    valor_free(&x->ent_cod);
    if (formato_codigo(ent->texto, &cod, &txt)) {
        /* «1. 1. Planes de Mejoras»: the number written twice. */
        char *cod2;
        const char *txt2;
        if (formato_codigo(txt, &cod2, &txt2)) {
            if (strcmp(cod, cod2) == 0)
                txt = txt2;
            free(cod2);
        }
        valor_poner(&x->ent_cod, cod, ent);
        free(cod);
    }
    valor_poner(&x->ent, txt, ent);
    valor_free(&x->ind);
    if (ind && ind->tipo == CELDA_TEXTO)
        valor_poner(&x->ind, ind->texto, ind);
    for (int i = x->nregs - mover; i < x->nregs; i++) {
        RegPlano *r = &x->regs[i];
        formato_aviso(x->av, x->l, x->hoja, r->tiene_celda[PLANO_ACT_COD] ? &r->cel[PLANO_ACT_COD]
                      : NULL, "la actividad %s está antes de su entregable %s (fila %d); se "
                      "asignó a él", r->v[PLANO_ACT_COD], nuevo, ent->linea);
        free(r->v[PLANO_ENT_COD]), free(r->v[PLANO_ENTREGABLE]), free(r->v[PLANO_INDICADOR]);
        r->v[PLANO_ENT_COD] = r->v[PLANO_ENTREGABLE] = r->v[PLANO_INDICADOR] = NULL;
        poner_valor(r, PLANO_ENT_COD, &x->ent_cod);
        poner_valor(r, PLANO_ENTREGABLE, &x->ent);
        poner_valor(r, PLANO_INDICADOR, &x->ind);
    }
    free(nuevo);
}

/* Does the row open the Generales of another block? */
static bool bloque_nuevo_es(const Fila *f)
{
    for (int i = 0; i < f->nceldas; i++) {
        const Celda *c = &f->celdas[i];
        Etiqueta e = c->tipo == CELDA_TEXTO
                         ? sinonimo_prefijo(c->texto, ETQ_GENERALES, ETQ_META_OP, NULL)
                         : ETQ_NINGUNA;
        if (e == ETQ_GENERALES || e == ETQ_EJE || e == ETQ_OBJETIVO || e == ETQ_META_OP ||
            e == ETQ_AREA)
            return true;
    }
    return false;
}

static void columnas_fijar(Poa *x, const Columnas *nc, const int mes[12])
{
    x->col = *nc;
    for (int k = 0; k < 12; k++)
        x->col.mes[k] = mes[k];
    x->col.valido = true;
}

static bool poa_read(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit, void *ctx,
                     PlanoAvisos *av, PoaErr *err)
{
    if (!libro_hoja(l, hoja, err))
        return false;
    Poa x = {.l = l, .hoja = hoja, .av = av};
    columnas_ninguna(&x.col);
    columnas_ninguna(&x.col_nueva);
    bool ok = true, unidad_avisada = false;
    Fila f;
    int r;
    if (op && !str_empty(op->institucion))
        x.institucion = xstrdup(op->institucion);
    while (ok && (r = libro_fila(l, &f, err)) == 1) {
        if (titulo_es(&x, &f))
            continue;
        Columnas nc;
        if (encabezado_leer(&f, &nc) >= 3) {
            entregable_cerrar(&x);
            x.bloque_ini = x.nregs;
            x.npend = 0;
            valor_free(&x.ent_cod), valor_free(&x.ent), valor_free(&x.ind);
            const Celda *p = formato_primera(&f, 0);
            if (x.hubo_bloque && !x.eje_en_bloque && x.eje.v)
                formato_aviso(av, l, hoja, p, "el bloque no dice su eje; se toma el del bloque "
                              "anterior «%s»", x.eje.v);
            x.hubo_bloque = true;
            x.eje_en_bloque = false;
            x.col_nueva = nc;
            x.c_cab = *p;
            x.pend_encabezado = true;
            x.en_tabla = true;
            continue;
        }
        if (x.pend_encabezado) {
            if (trimestres_es(&f))
                continue;
            int mes[12];
            if (meses_leer(&f, mes)) {
                x.pend_encabezado = false;
                bool alineado = x.col_nueva.act < 0 || mes[0] > x.col_nueva.act;
                if (alineado || !x.col.valido) {
                    columnas_fijar(&x, &x.col_nueva, mes);
                } else {
                    char col[8];
                    formato_aviso(av, l, hoja, &x.c_cab, "el encabezado de la tabla está corrido "
                                  "(los meses empiezan en %s, antes de las actividades); se usan "
                                  "las columnas del bloque anterior",
                                  libro_columna_nombre(mes[0] + 1, col, sizeof col));
                }
                continue;
            }
            x.pend_encabezado = false;
            if (x.col_nueva.crono >= 0) {
                for (int k = 0; k < 12; k++)
                    mes[k] = x.col_nueva.crono + k;
                columnas_fijar(&x, &x.col_nueva, mes);
                formato_aviso(av, l, hoja, &x.c_cab, "la tabla no numera los meses; se toman "
                              "las doce columnas desde «Cronograma»");
            }
        }
        /* Generales right under a header, before any activity, are this
         * block's own (a header written above them). */
        if (x.en_tabla && bloque_nuevo_es(&f) && x.nregs == x.bloque_ini) {
            generales_leer(&x, &f);
            continue;
        }
        if (x.en_tabla && bloque_nuevo_es(&f)) {
            entregable_cerrar(&x);
            valor_free(&x.ent_cod), valor_free(&x.ent), valor_free(&x.ind);
            x.en_tabla = false;
        }
        if (!x.en_tabla) {
            if (generales_leer(&x, &f) == 0) {
                const Celda *p = formato_primera(&f, 0);
                if (x.npend > 0 && formato_nllenas(&f) == 1 && p->tipo == CELDA_TEXTO) {
                    /* A label above with no value: this line is its value. */
                    formato_aviso(av, l, hoja, p, "texto sin etiqueta; se tomó como «%s», la "
                                  "etiqueta sin valor de más arriba",
                                  sinonimo_nombre(x.pendientes[0]));
                    etiqueta_poner(&x, x.pendientes[0], p->texto, p);
                    memmove(x.pendientes, x.pendientes + 1,
                            (size_t)(--x.npend) * sizeof *x.pendientes);
                } else {
                    formato_aviso(av, l, hoja, p, "fila fuera de la tabla que no es de los "
                                  "Generales; se ignora");
                }
            }
            continue;
        }
        if (!x.col.valido) {
            formato_aviso(av, l, hoja, formato_primera(&f, 0), "fila de una tabla sin "
                          "encabezado legible; se ignora");
            continue;
        }
        const Celda *ent = celda_en(&f, x.col.ent), *ind = celda_en(&f, x.col.ind),
                    *act = celda_en(&f, x.col.act);
        /* A row slid one column right: no code under Actividades, a coded
         * activity in the next column. */
        int corr = 0;
        const Celda *act2 = celda_en(&f, x.col.act + 1);
        char *c1 = NULL, *c2 = NULL;
        const char *t1;
        if (x.col.act >= 0 && act2 && act2->tipo == CELDA_TEXTO &&
            formato_codigo(act2->texto, &c2, &t1) &&
            !(act && act->tipo == CELDA_TEXTO && formato_codigo(act->texto, &c1, &t1))) {
            corr = 1;
            formato_aviso(av, l, hoja, act2, "la fila está corrida una columna a la derecha "
                          "desde «Indicadores»; se leyó con sus columnas corridas");
            ind = celda_en(&f, x.col.ind + 1);
            act = act2;
        }
        free(c1);
        free(c2);
        if (ent && ent->tipo == CELDA_TEXTO && !(formato_nllenas(&f) == 1 && es_presupuesto(ent))) {
            entregable_nuevo(&x, ent, ind);
        } else if (ind && ind->tipo == CELDA_TEXTO) {
            if (!x.ind.v)
                valor_poner(&x.ind, ind->texto, ind);
            else
                formato_aviso(av, l, hoja, ind, "otro indicador para el mismo entregable; se "
                              "ignora");
        }
        if (act && act->tipo == CELDA_TEXTO) {
            unidad_resolver(&x, &unidad_avisada);
            if (!x.institucion || (!x.anio && !(op && op->anio > 0))) {
                err_set(err, "%s:%s: el documento no dice %s; indíquelo con %s", libro_ruta(l),
                        libro_hoja_nombre(l, hoja), !x.institucion ? "la institución" : "el año",
                        !x.institucion ? "--institucion" : "--anio");
                ok = false;
                break;
            }
            if (!x.anio)
                x.anio = xasprintf("%d", op->anio);
            actividad_leer(&x, &f, act, corr);
        } else {
            const Celda *p = formato_primera(&f, 0);
            RegPlano *r1 = x.bloque_ini < x.nregs ? &x.regs[x.bloque_ini] : NULL;
            if (p && formato_nllenas(&f) == 1 && es_presupuesto(p) && r1 &&
                str_empty(r1->v[PLANO_PRESUPUESTO]) && str_empty(r1->v[PLANO_PRESUPUESTO_NOTA])) {
                /* «N/A» under the table: the budget note of the table. */
                formato_aviso(av, l, hoja, p, "«%s» debajo de la tabla; se tomó como presupuesto "
                              "de su primera actividad (%s)", p->texto,
                              str_empty(r1->v[PLANO_ACT_COD]) ? "" : r1->v[PLANO_ACT_COD]);
                presupuesto_poner(&x, r1, p);
            } else if (!ent || p != ent) {
                formato_aviso(av, l, hoja, p, "fila sin actividad; se ignora");
            } else {
                formato_aviso(av, l, hoja, p, "entregable sin actividad en su fila");
            }
        }
    }
    if (ok && r < 0)
        ok = false;
    if (ok)
        ok = hoja_emitir(&x, emit, ctx, err);
    for (int i = 0; i < x.nregs; i++)
        reg_free(&x.regs[i]);
    free(x.regs);
    free(x.institucion), free(x.anio);
    valor_free(&x.unidad), valor_free(&x.eje), valor_free(&x.obj), valor_free(&x.meta);
    valor_free(&x.ent_cod), valor_free(&x.ent), valor_free(&x.ind);
    return ok;
}

const PlanoFormato FORMATO_POA_BLOQUES = {
    .nombre = "POA por bloques (ARS SEMMA)",
    .detect = poa_detect,
    .read = poa_read,
};
