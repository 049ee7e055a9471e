/* numero.c — numbers as a person types them in the editor (presupuesto,
 * meta anual, quarterly targets): both thousand/decimal conventions and a
 * currency symbol, turned into the canonical text the field parsers read. */
#include "numero.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Longest first, so "RD$" is not read as "$" with "RD" left over. */
static const char *const MONEDAS[] = {"RD$", "US$", "$", "€"};

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static size_t trim_len(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

const char *numero_quitar_moneda(const char *s, char *buf, size_t n, char *moneda,
                                 size_t moneda_n)
{
    if (moneda_n)
        moneda[0] = '\0';
    s = skip_spaces(s);
    size_t len = trim_len(s, strlen(s));
    const char *ini = s;
    for (size_t i = 0; i < POA_ARRAY_LEN(MONEDAS); i++) {
        size_t m = strlen(MONEDAS[i]);
        if (len >= m && strncmp(s, MONEDAS[i], m) == 0) {
            if (moneda_n)
                snprintf(moneda, moneda_n, "%s", MONEDAS[i]);
            ini = skip_spaces(s + m);
            len -= (size_t)(ini - s);
            break;
        }
        if (len >= m && strncmp(s + len - m, MONEDAS[i], m) == 0) {
            if (moneda_n)
                snprintf(moneda, moneda_n, "%s", MONEDAS[i]);
            len = trim_len(s, len - m);
            break;
        }
    }
    if (len >= n)
        len = n - 1;
    memcpy(buf, ini, len);
    buf[len] = '\0';
    return buf;
}

/* The digits of [p, e) between separators, checked as groups of three
 * after the first (which has 1 to 3 digits). */
static bool thousands_ok(const char *p, const char *e, char sep)
{
    int run = 0, groups = 0;
    for (; p < e; p++) {
        if (*p == sep) {
            if (run == 0 || (groups == 0 && run > 3) || (groups > 0 && run != 3))
                return false;
            groups++;
            run = 0;
        } else {
            run++;
        }
    }
    return groups == 0 || run == 3;
}

bool numero_leer(const char *s, double *out)
{
    if (!s)
        return false;
    s = skip_spaces(s);
    size_t len = trim_len(s, strlen(s));
    const char *p = s, *e = s + len;
    char clean[80];
    size_t o = 0;
    if (p < e && (*p == '-' || *p == '+'))
        clean[o++] = *p++;
    int ndot = 0, ncomma = 0, ndigits = 0;
    const char *last_dot = NULL, *last_comma = NULL;
    for (const char *q = p; q < e; q++) {
        if (*q == '.') {
            ndot++;
            last_dot = q;
        } else if (*q == ',') {
            ncomma++;
            last_comma = q;
        } else if (isdigit((unsigned char)*q)) {
            ndigits++;
        } else {
            return false;
        }
    }
    if (ndigits == 0 || (size_t)(e - p) + 2 >= sizeof clean)
        return false;
    /* the decimal mark, if any; the other mark separates thousands */
    const char *dec = NULL;
    char miles = 0;
    if (ndot && ncomma) {
        dec = last_dot > last_comma ? last_dot : last_comma;
        miles = *dec == '.' ? ',' : '.';
        if ((*dec == '.' ? ndot : ncomma) != 1)
            return false;
    } else if (ndot + ncomma > 1) {
        miles = ndot ? '.' : ',';
    } else if (ndot + ncomma == 1) {
        const char *m = ndot ? last_dot : last_comma;
        bool three_after = e - m == 4;
        bool lead_nonzero = m > p && !(m - p == 1 && *p == '0');
        if (three_after && lead_nonzero && m - p <= 3)
            miles = *m;
        else
            dec = m;
    }
    const char *int_end = dec ? dec : e;
    if (int_end == p || (dec && dec + 1 == e))
        return false;   /* «,5» or «5,»: a mark with no digits on one side */
    if (miles && !thousands_ok(p, int_end, miles))
        return false;
    for (const char *q = p; q < e; q++) {
        if (q == dec)
            clean[o++] = '.';
        else if (isdigit((unsigned char)*q))
            clean[o++] = *q;
        else if (*q != miles)
            return false;   /* the thousands mark after the decimal one */
    }
    clean[o] = '\0';
    char *end;
    errno = 0;
    double v = strtod(clean, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool numero_normalizar(const char *s, bool pct_ok, char *out, size_t n, char *moneda,
                       size_t moneda_n)
{
    char sin[128], sym[8];
    numero_quitar_moneda(s, sin, sizeof sin, sym, sizeof sym);
    if (moneda_n)
        moneda[0] = '\0';
    if (!sin[0]) {
        if (sym[0])
            return false;   /* a symbol alone is not an amount */
        snprintf(out, n, "%s", "");
        return true;
    }
    if (sym[0] && !moneda_n)
        return false;
    size_t len = strlen(sin);
    bool pct = false;
    if (pct_ok && sin[len - 1] == '%') {
        if (sym[0])
            return false;
        sin[len - 1] = '\0';
        pct = true;
    }
    double v;
    if (!numero_leer(sin, &v))
        return false;
    char num[64];
    /* a percentage keeps its own number: 7,5% is 7.5% */
    snprintf(out, n, "%s%s", num_format(v, num, sizeof num), pct ? "%" : "");
    if (moneda_n)
        snprintf(moneda, moneda_n, "%s", sym);
    return true;
}
