/* fecha.c — calendar dates: dd/mm/aaaa as config.ini writes them, checked
 * and turned into AAAA-MM-DD, which compares as text. */
#include "fecha.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static bool bisiesto(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool valida(int y, int m, int d)
{
    static const int DIAS[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= DIAS[m - 1] + (m == 2 && bisiesto(y));
}

/* Up to max digits at *s (at least one); advances *s. */
static bool digitos(const char **s, int max, int exact, int *out)
{
    int n = 0, v = 0;
    while (n < max && isdigit((unsigned char)**s)) {
        v = v * 10 + (**s - '0');
        (*s)++;
        n++;
    }
    *out = v;
    return n > 0 && (!exact || n == exact);
}

bool fecha_dma_iso(const char *s, char iso[11])
{
    int d, m, y;
    if (!s)
        return false;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!digitos(&s, 2, 0, &d) || *s++ != '/' || !digitos(&s, 2, 0, &m) || *s++ != '/' ||
        !digitos(&s, 4, 4, &y))
        return false;
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    if (*s || !valida(y, m, d))
        return false;
    /* the ranges valida checked, so the compiler sees the text fits */
    snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return true;
}

bool fecha_iso_valida(const char *s)
{
    int d, m, y;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    const char *p = s;
    if (!digitos(&p, 4, 4, &y) || *p++ != '-' || !digitos(&p, 2, 2, &m) || *p++ != '-' ||
        !digitos(&p, 2, 2, &d))
        return false;
    return valida(y, m, d);
}
