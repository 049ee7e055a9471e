/* formato_presupuesto.c — a budget cell as the flat template writes it:
 * amounts in any of the offices' spellings, their currency and notes. */
#include "formatos.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

/* An amount as written ("$1.500.000,00", "RD$1,500.000.00", "30,000,000.00",
 * "$9,450.00 (viaticos)"): the number, its currency and what follows it.
 * The last separator followed by exactly two digits is the decimal one. */
bool formato_monto_leer(const char *s, double *v, char *moneda, size_t nm, const char **resto,
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
bool formato_es_presupuesto(const Celda *c)
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
        si = formato_monto_leer(c->texto, &v, m, sizeof m, &r, &mez) && *r == '\0';
    }
    free(t);
    return si;
}

void formato_presupuesto_poner(RegPlano *r, const Celda *c, const Libro *l, int hoja,
                               PlanoAvisos *av)
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
    if (formato_monto_leer(c->texto, &v, moneda, sizeof moneda, &resto, &mezclado)) {
        snprintf(buf, sizeof buf, "%.2f", v);
        reg_poner(r, PLANO_PRESUPUESTO, buf, c);
        if (mezclado)
            formato_aviso(av, l, hoja, c, "presupuesto «%s» con separadores mezclados; "
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
