/* formato_poa.c — ARS SEMMA's POA in blocks: per unit and objective the
 * Generales lines and a table Entregables · Indicadores · Actividades · 12
 * months · Responsables · Presupuesto, read into flat-template records. */
#include "formato_poa.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

#define FILAS_DETECCION 80

static void columnas_ninguna(Columnas *c)
{
    c->ent = c->ind = c->act = c->resp = c->pres = c->crono = -1;
    for (int k = 0; k < 12; k++)
        c->mes[k] = -1;
    c->valido = false;
}

/* A header label: the label, and at most two more words ("Cronograma de
 * ejecución", "Presupuesto (RD$)"); a longer text is content that happens
 * to start with the word. */
static Etiqueta etiqueta_tabla(const char *texto)
{
    const char *resto;
    Etiqueta e = sinonimo_prefijo(texto, ETQ_ENTREGABLES, ETQ_PRESUPUESTO, &resto);
    if (e == ETQ_NINGUNA)
        return e;
    int palabras = 0;
    for (const char *p = resto; *p;) {
        while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
            p++;
        if (!*p)
            break;
        palabras++;
        while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
            p++;
    }
    return palabras <= 2 ? e : ETQ_NINGUNA;
}

/* The table header labels of a row; how many. */
static int encabezado_leer(const Fila *f, Columnas *c)
{
    int n = 0;
    columnas_ninguna(c);
    for (int i = 0; i < f->nceldas; i++) {
        if (f->celdas[i].tipo != CELDA_TEXTO)
            continue;
        Etiqueta e = etiqueta_tabla(f->celdas[i].texto);
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

/* A header split over two lines: b's labels fill what a lacks; how many
 * labels a has then. */
static int encabezado_fusionar(Columnas *a, const Columnas *b)
{
    int *da[] = {&a->ent, &a->ind, &a->act, &a->crono, &a->resp, &a->pres};
    const int sb[] = {b->ent, b->ind, b->act, b->crono, b->resp, b->pres};
    int n = 0;
    for (int i = 0; i < 6; i++) {
        if (*da[i] < 0)
            *da[i] = sb[i];
        n += *da[i] >= 0;
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
        double v = c->num;
        if (c->tipo == CELDA_TEXTO && etiqueta_tabla(c->texto) != ETQ_NINGUNA)
            continue;   /* a header stacked down a column: «Actividades» beside the months */
        if (c->tipo == CELDA_TEXTO && !num_parse(c->texto, &v))
            return false;
        if ((c->tipo != CELDA_NUMERO && c->tipo != CELDA_TEXTO) || v != k + 1 || k >= 12)
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

static bool poa_detect(Libro *l, int hoja, PoaErr *err)
{
    /* poa's own report looks like this layout; its hidden record reads it exactly */
    if (formato_informe_es(l, hoja))
        return false;
    if (!libro_hoja(l, hoja, err))
        return false;
    Fila f;
    Columnas c, prev = {.ent = -1, .ind = -1, .act = -1, .crono = -1, .resp = -1, .pres = -1};
    int nprev = 0;
    for (int n = 0; n < FILAS_DETECCION && libro_fila(l, &f, err) == 1; n++) {
        int k = encabezado_leer(&f, &c);
        if (k >= 3 && c.crono >= 0)
            return true;
        if (k > 0 && nprev > 0 && encabezado_fusionar(&c, &prev) >= 3 && c.crono >= 0)
            return true;
        prev = c;
        nprev = k;
    }
    return false;
}

/* The unit of the sheet: its Área, else the sheet's name (said once). */
static void unidad_resolver(Poa *x, bool *avisada)
{
    if (x->unidad.v)
        return;
    /* Excel cuts sheet names at 31 characters: such a name may be a part. */
    const char *nom = libro_hoja_nombre(x->l, x->hoja);
    int largo = 0;
    for (const char *p = nom; *p; p++)
        largo += ((unsigned char)*p & 0xC0) != 0x80;
    if (!*avisada)
        formato_aviso(x->av, x->l, x->hoja, NULL, "la hoja no dice su Área; se toma como unidad "
                      "el nombre de la hoja%s", largo == 31 ? " (quizá cortado a "
                      "31 caracteres)" : "");
    *avisada = true;
    poa_valor_poner(&x->unidad, libro_hoja_nombre(x->l, x->hoja), NULL);
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
    x->col.apilado = (nc->ent >= 0 && (nc->ent == nc->ind || nc->ent == nc->act)) ||
                     (nc->ind >= 0 && nc->ind == nc->act);
}

/* A stacked header: the first text is the entregable, the first coded text
 * after it the actividad, a text between them the indicador. */
static bool columnas_inferir(Poa *x, const Fila *f)
{
    int ent = -1, ind = -1, act = -1;
    for (int i = 0; i < f->nceldas && act < 0; i++) {
        const Celda *c = &f->celdas[i];
        if (c->tipo != CELDA_TEXTO)
            continue;
        char *cod;
        const char *t;
        bool codigo = formato_codigo(c->texto, &cod, &t);
        free(cod);
        if (ent < 0)
            ent = i;
        else if (codigo)
            act = i;
        else if (ind < 0)
            ind = i;
    }
    if (act < 0)
        return false;
    char a[8], b[8], c[8];
    formato_aviso(x->av, x->l, x->hoja, &x->c_cab, "los títulos de la tabla están apilados en "
                  "una columna; entregable, indicador y actividad se tomaron de las columnas "
                  "%s, %s y %s de la fila %d", libro_columna_nombre(ent + 1, a, sizeof a),
                  ind >= 0 ? libro_columna_nombre(ind + 1, b, sizeof b) : "—",
                  libro_columna_nombre(act + 1, c, sizeof c), f->numero);
    x->col.ent = ent;
    x->col.ind = ind;
    x->col.act = act;
    x->col.apilado = false;
    if (x->col.mes[0] <= act) {
        /* The stacked numbering starts under the text columns: the months
         * are the twelve columns after the actividad. */
        formato_aviso(x->av, x->l, x->hoja, &x->c_cab, "la numeración de los meses empieza antes "
                      "de la columna de actividades; se toman las doce columnas desde %s",
                      libro_columna_nombre(act + 2, a, sizeof a));
        for (int k = 0; k < 12; k++)
            x->col.mes[k] = act + 1 + k;
    }
    return true;
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
    /* The labels of the previous row, for a header split over two rows. */
    Columnas parcial;
    columnas_ninguna(&parcial);
    int parcial_n = 0, parcial_fila = -2, nfila = 0;
    if (op && !str_empty(op->institucion))
        x.institucion = xstrdup(op->institucion);
    while (ok && (r = libro_fila(l, &f, err)) == 1) {
        if (poa_titulo_es(&x, &f))
            continue;
        Columnas nc;
        int nlab = encabezado_leer(&f, &nc);
        bool partido = false;
        if (nlab > 0 && nlab < 3 && parcial_n > 0 && parcial_fila == nfila - 1) {
            Columnas m = nc;
            if (encabezado_fusionar(&m, &parcial) >= 3 && (m.crono >= 0 || m.act >= 0)) {
                nc = m;
                partido = true;
            }
        }
        parcial = nc;
        parcial_n = partido ? 0 : nlab;
        parcial_fila = nfila++;
        if (nlab >= 3 || partido) {
            poa_entregable_cerrar(&x);
            x.bloque_ini = x.nregs;
            x.npend = 0;
            poa_valor_free(&x.ent_cod), poa_valor_free(&x.ent), poa_valor_free(&x.ind);
            const Celda *p = formato_primera(&f, 0);
            if (x.hubo_bloque && !x.eje_en_bloque && x.eje.v)
                formato_aviso(av, l, hoja, p, "el bloque no dice su eje; se toma el del bloque "
                              "anterior «%s»", x.eje.v);
            x.hubo_bloque = true;
            x.eje_en_bloque = false;
            x.en_bloque = 0;
            x.segundo_juego = false;
            x.col_nueva = nc;
            x.c_cab = *p;
            x.pend_encabezado = true;
            x.en_tabla = true;
            continue;
        }
        if (x.pend_encabezado) {
            if (nlab > 0)
                encabezado_fusionar(&x.col_nueva, &nc);
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
            poa_generales_leer(&x, &f);
            continue;
        }
        if (x.en_tabla && bloque_nuevo_es(&f)) {
            poa_entregable_cerrar(&x);
            poa_valor_free(&x.ent_cod), poa_valor_free(&x.ent), poa_valor_free(&x.ind);
            x.en_tabla = false;
        }
        if (!x.en_tabla) {
            if (poa_generales_leer(&x, &f) == 0) {
                const Celda *p = formato_primera(&f, 0);
                if (x.npend > 0 && formato_nllenas(&f) == 1 && p->tipo == CELDA_TEXTO) {
                    /* A label above with no value: this line is its value. */
                    formato_aviso(av, l, hoja, p, "texto sin etiqueta; se tomó como «%s», la "
                                  "etiqueta sin valor de más arriba",
                                  sinonimo_nombre(x.pendientes[0]));
                    poa_etiqueta_poner(&x, x.pendientes[0], p->texto, p);
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
        if (x.col.apilado && !columnas_inferir(&x, &f)) {
            formato_aviso(av, l, hoja, formato_primera(&f, 0), "fila sin actividad; se ignora");
            continue;
        }
        const Celda *ent = poa_celda_en(&f, x.col.ent), *ind = poa_celda_en(&f, x.col.ind),
                    *act = poa_celda_en(&f, x.col.act);
        /* A row slid one column: no code under Actividades, a coded activity
         * in the next column (or in the one before, the indicador's). */
        int corr = 0;
        bool con_codigo = act && act->tipo == CELDA_TEXTO && poa_codigo_es(act->texto);
        const Celda *der = poa_celda_en(&f, x.col.act + 1), *izq = poa_celda_en(&f, x.col.act - 1);
        if (x.col.act >= 0 && !con_codigo && der && der->tipo == CELDA_TEXTO &&
            poa_codigo_es(der->texto)) {
            corr = 1;
            formato_aviso(av, l, hoja, der, "la fila está corrida una columna a la derecha "
                          "desde «Indicadores»; se leyó con sus columnas corridas");
            ind = poa_celda_en(&f, x.col.ind + 1);
            act = der;
        } else if (x.col.act > 0 && !act && izq && izq->tipo == CELDA_TEXTO &&
                   x.col.act - 1 != x.col.ent && poa_codigo_es(izq->texto)) {
            corr = -1;
            formato_aviso(av, l, hoja, izq, "la fila está corrida una columna a la izquierda "
                          "desde «Actividades»; se leyó con sus columnas corridas");
            ind = NULL;
            act = izq;
        }
        if (ent && ent->tipo == CELDA_TEXTO && poa_entregable_sigue(&x, ent)) {
            /* «Adecuaciones al» / «módulo de reembolsos»: one text over two rows. */
            char *junto = xasprintf("%s %s", x.ent.v, ent->texto);
            formato_aviso(av, l, hoja, ent, "el texto del entregable sigue en esta fila; se unió: "
                          "«%s»", junto);
            poa_valor_poner(&x.ent, junto, x.ent.hay ? &x.ent.c : ent);
            for (int i = x.ent_ini; i < x.nregs; i++)
                reg_poner(&x.regs[i], PLANO_ENTREGABLE, junto, ent);
            free(junto);
        } else if (ent && ent->tipo == CELDA_TEXTO &&
                   !(formato_nllenas(&f) == 1 && formato_es_presupuesto(ent))) {
            poa_entregable_nuevo(&x, ent, ind);
        } else if (ind && ind->tipo == CELDA_TEXTO) {
            if (!x.ind.v)
                poa_valor_poner(&x.ind, ind->texto, ind);
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
            poa_actividad_leer(&x, &f, act, corr);
        } else {
            const Celda *p = formato_primera(&f, 0);
            RegPlano *r1 = x.bloque_ini < x.nregs ? &x.regs[x.bloque_ini] : NULL;
            if (p && formato_nllenas(&f) == 1 && formato_es_presupuesto(p) && r1 &&
                str_empty(r1->v[PLANO_PRESUPUESTO]) && str_empty(r1->v[PLANO_PRESUPUESTO_NOTA])) {
                /* «N/A» under the table: the budget note of the table. */
                formato_aviso(av, l, hoja, p, "«%s» debajo de la tabla; se tomó como presupuesto "
                              "de su primera actividad (%s)", p->texto,
                              str_empty(r1->v[PLANO_ACT_COD]) ? "" : r1->v[PLANO_ACT_COD]);
                formato_presupuesto_poner(r1, p, l, hoja, av);
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
        ok = poa_hoja_emitir(&x, emit, ctx, err);
    for (int i = 0; i < x.nregs; i++)
        reg_free(&x.regs[i]);
    free(x.regs);
    free(x.institucion), free(x.anio);
    poa_valor_free(&x.unidad), poa_valor_free(&x.eje), poa_valor_free(&x.obj), poa_valor_free(&x.meta);
    poa_valor_free(&x.ent_cod), poa_valor_free(&x.ent), poa_valor_free(&x.ind);
    return ok;
}

const PlanoFormato FORMATO_POA_BLOQUES = {
    .nombre = "POA por bloques (ARS SEMMA)",
    .detect = poa_detect,
    .read = poa_read,
};
