/* formato_poa_generales.c — the Generales of ARS SEMMA's POA blocks: labels
 * inline, in their own cell, flattened into one cell or above their value. */
#include "formato_poa.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"


void poa_etiqueta_poner(Poa *x, Etiqueta e, const char *v, const Celda *c)
{
    char *t = xstrdup(v);
    str_trim(t);
    size_t n = strlen(t);
    if (e == ETQ_AREA && n > 0 && t[n - 1] == '.')
        t[n - 1] = '\0';
    Valor *dst = e == ETQ_EJE ? &x->eje : e == ETQ_OBJETIVO ? &x->obj
                 : e == ETQ_META_OP ? &x->meta : NULL;
    int bit = e == ETQ_EJE ? 1 : e == ETQ_OBJETIVO ? 2 : 4;
    if (*t && e == ETQ_AREA && !x->unidad.v) {
        poa_valor_poner(&x->unidad, t, c);
    } else if (*t && dst) {
        /* Two values for one block: the later one is kept, and said. */
        if ((x->en_bloque & bit) && dst->v && strcmp(dst->v, t) != 0) {
            formato_aviso(x->av, x->l, x->hoja, c, "el bloque ya tenía %s «%.60s»; se toma «%.60s»",
                          sinonimo_nombre(e), dst->v, t);
            x->segundo_juego = true;
        } else if (x->segundo_juego && !(x->en_bloque & bit)) {
            /* A second set of Generales above one header: what it adds that
             * the first set lacked may as well belong to the next block
             * (the office copied the next block's Generales too early). */
            formato_aviso(x->av, x->l, x->hoja, c, "%s llega en un segundo juego de Generales "
                          "sobre la misma tabla; se toma «%.60s», pero quizá sea del bloque "
                          "siguiente (el primer juego no la daba)", sinonimo_nombre(e), t);
        }
        poa_valor_poner(dst, t, c);
        x->en_bloque |= bit;
        if (e == ETQ_EJE)
            x->eje_en_bloque = true;
    }
    free(t);
}

/* A cell holding several labels ("Generales Nombre … Fecha … Area … Eje o
 * perspectiva …"): each label's text runs to the next label. */
static int generales_aplanados(Poa *x, const Celda *c, bool cualquiera)
{
    const char *s = c->texto;
    size_t ini = 0, fin = 0, pos = 0, desde = 0;
    int n = 0;
    Etiqueta prev = ETQ_NINGUNA;
    for (ini = pos; sinonimo_buscar(s, ETQ_NOMBRE, ETQ_META_OP, &ini, &fin); ini = pos) {
        /* Inside a value only «Label:» starts another one ("…el área de…"
         * does not), unless the whole cell is a Generales block. */
        if (!cualquiera && ini > 0 && !memchr(s + ini, ':', fin - ini)) {
            pos = ini + 1;
            continue;
        }
        if (prev != ETQ_NINGUNA) {
            char *v = xstrndup(s + desde, ini - desde);
            poa_etiqueta_poner(x, prev, v, c);
            free(v);
        }
        prev = sinonimo_prefijo(s + ini, ETQ_NOMBRE, ETQ_META_OP, NULL);
        desde = pos = fin;
        n++;
    }
    if (prev != ETQ_NINGUNA)
        poa_etiqueta_poner(x, prev, s + desde, c);
    return n;
}

/* Does s hold another «Label:» (with its colon) after its start? */
static bool otra_etiqueta(const char *s)
{
    size_t ini = 0, fin = 0;
    while (sinonimo_buscar(s, ETQ_NOMBRE, ETQ_META_OP, &ini, &fin)) {
        if (ini == 0 || memchr(s + ini, ':', fin - ini))
            return true;
        ini++;
    }
    return false;
}

/* The Generales labels of a row, inline («Área: X») or with the value in
 * the next cell. Returns how many labels the row had. */
int poa_generales_leer(Poa *x, const Fila *f)
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
        if (e == ETQ_GENERALES && sinonimo_buscar(resto, ETQ_NOMBRE, ETQ_META_OP, &a, &b)) {
            n += generales_aplanados(x, c, true);
            continue;
        }
        if (e != ETQ_GENERALES && otra_etiqueta(resto)) {
            n += generales_aplanados(x, c, false);
            continue;
        }
        n++;
        if (e == ETQ_GENERALES)
            continue;
        if (*resto) {
            poa_etiqueta_poner(x, e, resto, c);
            continue;
        }
        /* The value in the next non-empty cell, unless that is a label. */
        const Celda *v = formato_primera(f, i + 1);
        if (v && v->tipo == CELDA_TEXTO &&
            sinonimo_prefijo(v->texto, ETQ_GENERALES, ETQ_PRESUPUESTO, NULL) == ETQ_NINGUNA) {
            poa_etiqueta_poner(x, e, v->texto, v);
            i = (int)(v - f->celdas);
        } else if (x->npend < (int)POA_ARRAY_LEN(x->pendientes)) {
            x->pendientes[x->npend++] = e;
        }
    }
    return n;
}

bool poa_titulo_es(Poa *x, const Fila *f)
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
