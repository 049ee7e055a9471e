/* formato_poa_filas.c — the rows of ARS SEMMA's POA tables as records:
 * entregables and their activities, months, responsables and budget. */
#include "formato_poa.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void poa_valor_poner(Valor *x, const char *v, const Celda *c)
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

void poa_valor_free(Valor *x)
{
    free(x->v);
    memset(x, 0, sizeof *x);
}

const Celda *poa_celda_en(const Fila *f, int col)
{
    if (col < 0 || col >= f->nceldas || f->celdas[col].tipo == CELDA_VACIA)
        return NULL;
    return &f->celdas[col];
}

/* An amount on the entregable's first activity and none on the others is
 * one amount shared by all. */
void poa_entregable_cerrar(Poa *x)
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

bool poa_hoja_emitir(Poa *x, PlanoEmit emit, void *ctx, PoaErr *err)
{
    poa_entregable_cerrar(x);
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

/* «1.2.2 Migración… 1.2.3 Integración…»: two activities of the same
 * entregable in one cell become two records with the row's other values. */
static void actividad_partir(Poa *x, const Celda *act)
{
    RegPlano *r = &x->regs[x->nregs - 1];
    const char *cod1 = r->v[PLANO_ACT_COD], *t = r->v[PLANO_ACTIVIDAD];
    const char *dot = cod1 ? strrchr(cod1, '.') : NULL;
    if (!dot || !t)
        return;
    char *padre = xstrndup(cod1, (size_t)(dot - cod1));
    for (const char *p = t; *p; p++) {
        if (p == t || p[-1] != ' ' || !isdigit((unsigned char)*p))
            continue;
        char *cod2;
        const char *resto;
        if (!formato_codigo(p, &cod2, &resto))
            continue;
        bool otra = *resto && codigo_padre_es(cod2, padre) && strcmp(cod2, cod1) != 0;
        if (otra) {
            formato_aviso(x->av, x->l, x->hoja, act, "dos actividades en una celda (%s y %s); "
                          "se separaron con los mismos meses, responsables y presupuesto", cod1,
                          cod2);
            if (x->nregs == x->cap) {
                x->cap *= 2;
                x->regs = xrealloc(x->regs, (size_t)x->cap * sizeof *x->regs);
                r = &x->regs[x->nregs - 1];
            }
            RegPlano *r2 = &x->regs[x->nregs++];
            memset(r2, 0, sizeof *r2);
            reg_copiar(r2, r);
            reg_tomar(r2, PLANO_ACT_COD, cod2, act);
            reg_tomar(r2, PLANO_ACTIVIDAD, str_trim(xstrdup(resto)), act);
            reg_tomar(r, PLANO_ACTIVIDAD, str_trim(xstrndup(t, (size_t)(p - t))), act);
            break;
        }
        free(cod2);
    }
    free(padre);
}

/* corr: the row's columns from Indicadores on slid that many to the right. */
void poa_actividad_leer(Poa *x, const Fila *f, const Celda *act, int corr)
{
    RegPlano *r = reg_nuevo(&x->regs, &x->nregs, &x->cap, f->numero, x->institucion, x->anio);
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
        int mc = c->mes[k] + corr;
        if (mc == c->ent || mc == c->ind || mc == c->act)
            continue;   /* a stacked header's months overlap the text columns */
        const Celda *m = poa_celda_en(f, mc);
        if (!m)
            continue;
        char *t = formato_celda_texto(m);
        if (strcmp(t, "x") == 0 || strcmp(t, "X") == 0 || m->tipo == CELDA_NUMERO) {
            if (t[0] == 'X')
                t[0] = 'x';
            reg_tomar(r, (PlanoCol)(PLANO_ENE + k), t, m);
            continue;
        }
        if (k == 11 && !formato_es_presupuesto(m)) {
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
        } else if (!pres && formato_es_presupuesto(e) && (resp || i != c->resp + corr)) {
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
        formato_presupuesto_poner(r, pres, x->l, x->hoja, x->av);
    actividad_partir(x, act);
}

/* A text under Entregables that continues the one above: no code, starts
 * in lowercase, and the one above does not end its sentence. */
bool poa_entregable_sigue(const Poa *x, const Celda *ent)
{
    if (!x->ent.v || !*x->ent.v || x->ent.v[strlen(x->ent.v) - 1] == '.')
        return false;
    const unsigned char *t = (const unsigned char *)ent->texto;
    bool minuscula = (t[0] >= 'a' && t[0] <= 'z') || (t[0] == 0xC3 && t[1] >= 0xA0);
    char *cod;
    const char *r;
    if (formato_codigo(ent->texto, &cod, &r)) {
        free(cod);
        return false;
    }
    return minuscula;
}

bool poa_codigo_es(const char *texto)
{
    char *cod;
    const char *t;
    bool si = formato_codigo(texto, &cod, &t);
    free(cod);
    return si;
}

void poa_entregable_nuevo(Poa *x, const Celda *ent, const Celda *ind)
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
    poa_entregable_cerrar(x);
    x->nregs += mover;
    char *cod = NULL;
    const char *txt = ent->texto;
    poa_valor_free(&x->ent_cod);
    if (formato_codigo(ent->texto, &cod, &txt)) {
        /* «1. 1. Planes de Mejoras»: the number written twice. */
        char *cod2;
        const char *txt2;
        if (formato_codigo(txt, &cod2, &txt2)) {
            if (strcmp(cod, cod2) == 0)
                txt = txt2;
            free(cod2);
        }
        poa_valor_poner(&x->ent_cod, cod, ent);
        free(cod);
    }
    poa_valor_poner(&x->ent, txt, ent);
    poa_valor_free(&x->ind);
    if (ind && ind->tipo == CELDA_TEXTO)
        poa_valor_poner(&x->ind, ind->texto, ind);
    for (int i = x->nregs - mover; i < x->nregs; i++) {
        RegPlano *r = &x->regs[i];
        formato_aviso(x->av, x->l, x->hoja, r->tiene_celda[PLANO_ACT_COD] ? &r->cel[PLANO_ACT_COD]
                      : NULL, "la actividad %s está antes de su entregable %s (fila %d); se "
                      "asignó a él", r->v[PLANO_ACT_COD], nuevo, ent->linea);
        free(r->v[PLANO_ENT_COD]), free(r->v[PLANO_ENTREGABLE]), free(r->v[PLANO_INDICADOR]);
        r->v[PLANO_ENT_COD] = r->v[PLANO_ENTREGABLE] = r->v[PLANO_INDICADOR] = NULL;
        /* Deduced, not read on this row: no cell, the warning names the row. */
        if (x->ent_cod.v)
            reg_poner(r, PLANO_ENT_COD, x->ent_cod.v, NULL);
        if (x->ent.v)
            reg_poner(r, PLANO_ENTREGABLE, x->ent.v, NULL);
        if (x->ind.v)
            reg_poner(r, PLANO_INDICADOR, x->ind.v, NULL);
    }
    free(nuevo);
}
