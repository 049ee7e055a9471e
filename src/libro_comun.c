/* libro_comun.c — what the workbook backends of libro.h share: assembling
 * a row, dates, column names, and hardened XML streaming from a zip entry. */
#define POA_LIBRO_ZIP
#include "libro_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

zip_t *libro_zip_abrir(const char *path, PoaErr *err)
{
    int code = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &code);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
            err_set(err, "%s: no se pudo abrir: %s", path, err_sistema(errno));
        else
            err_set(err, "%s: no es un libro de cálculo legible: el archivo comprimido está "
                    "dañado o incompleto (%s)", path, zip_error_strerror(&ze));
        zip_error_fini(&ze);
    }
    return z;
}

const char *libro_columna_nombre(int columna, char *buf, size_t n)
{
    char tmp[16];
    int k = 0;
    /* Bijective base 26: A..Z, AA.. (there is no zero digit). */
    for (int c = columna; c > 0 && k < (int)sizeof tmp; c = (c - 1) / 26)
        tmp[k++] = (char)('A' + (c - 1) % 26);
    size_t i = 0;
    while (k > 0 && i + 1 < n)
        buf[i++] = tmp[--k];
    if (n)
        buf[i] = '\0';
    return buf;
}

/* ---- row assembly ---- */

void filabuf_reset(FilaBuf *fb)
{
    fb->n = 0;
    sb_clear(&fb->txt);
}

static void filabuf_crecer(FilaBuf *fb, int need)
{
    if (need <= fb->cap)
        return;
    int cap = fb->cap ? fb->cap : 32;
    while (cap < need)
        cap *= 2;
    fb->celdas = xrealloc(fb->celdas, (size_t)cap * sizeof *fb->celdas);
    fb->off = xrealloc(fb->off, (size_t)cap * sizeof *fb->off);
    fb->cap = cap;
}

void filabuf_poner(FilaBuf *fb, int col, CeldaTipo tipo, NumFormato fmt, double num,
                   const char *texto, size_t len)
{
    if (col < 0 || col >= LIBRO_MAX_COLUMNAS)
        return;
    if (tipo == CELDA_TEXTO && len == 0)
        tipo = CELDA_VACIA;
    filabuf_crecer(fb, col + 1);
    while (fb->n <= col) {
        Celda *e = &fb->celdas[fb->n];
        memset(e, 0, sizeof *e);
        fb->off[fb->n] = (size_t)-1;
        fb->n++;
    }
    Celda *c = &fb->celdas[col];
    c->tipo = tipo;
    c->formato = tipo == CELDA_NUMERO ? fmt : NUMFMT_GENERAL;
    c->num = num;
    if (tipo == CELDA_VACIA) {
        fb->off[col] = (size_t)-1;
        return;
    }
    fb->off[col] = fb->txt.len;
    sb_appendn(&fb->txt, texto ? texto : "", len);
    sb_putc(&fb->txt, '\0');
}

int filabuf_cerrar(FilaBuf *fb, int numero, Fila *f)
{
    while (fb->n > 0 && fb->celdas[fb->n - 1].tipo == CELDA_VACIA)
        fb->n--;
    for (int i = 0; i < fb->n; i++) {
        Celda *c = &fb->celdas[i];
        c->texto = fb->off[i] == (size_t)-1 ? "" : fb->txt.s + fb->off[i];
        c->linea = numero;
        c->columna = i + 1;
    }
    f->numero = numero;
    f->nceldas = fb->n;
    f->celdas = fb->celdas;
    return fb->n;
}

void filabuf_free(FilaBuf *fb)
{
    free(fb->celdas);
    free(fb->off);
    sb_free(&fb->txt);
    memset(fb, 0, sizeof *fb);
}

size_t libro_u8_len(const char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a civil date, and back (Howard Hinnant's
 * algorithms): exact for the whole proleptic Gregorian calendar. */
static long dias_desde_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_desde_dias(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

bool libro_serial_fecha(double serial, bool sistema1904, char *buf, size_t n)
{
    if (!isfinite(serial) || serial < 0 || serial > 2958465.0)   /* 9999-12-31 */
        return false;
    long dia = (long)floor(serial);
    long base;
    if (sistema1904) {
        base = dias_desde_civil(1904, 1, 1);
    } else if (dia == 60) {
        /* Excel counts 1900-02-29, a day that never was (Lotus's bug). */
        snprintf(buf, n, "1900-02-29");
        return true;
    } else {
        base = dia < 60 ? dias_desde_civil(1899, 12, 31) : dias_desde_civil(1899, 12, 30);
    }
    long y;
    int m, d;
    civil_desde_dias(base + dia, &y, &m, &d);
    snprintf(buf, n, "%04ld-%02d-%02d", y, m, d);
    return true;
}

bool libro_fecha_serial(const char *iso, double *serial)
{
    int y, m, d;
    if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > 31)
        return false;
    long dias = dias_desde_civil(y, m, d) - dias_desde_civil(1899, 12, 30);
    if (dias < 61)
        dias--;   /* before Excel's phantom 1900-02-29 */
    *serial = (double)dias;
    return true;
}

void libro_num_texto(double v, char *buf, size_t n)
{
    snprintf(buf, n, "%.15g", v);
}

const char *libro_xml_local(const char *name)
{
    const char *bar = strrchr(name, '|');
    return bar ? bar + 1 : name;
}

const char *libro_xml_attr(const XML_Char **a, const char *local)
{
    for (int i = 0; a[i]; i += 2)
        if (strcmp(libro_xml_local(a[i]), local) == 0)
            return a[i + 1];
    return NULL;
}

/* ---- hardened XML streaming from a zip entry ---- */

enum { XML_TROZO = 64 * 1024 };

static void XMLCALL sin_dtd(void *ud, const XML_Char *name, const XML_Char *sysid,
                            const XML_Char *pubid, int has_internal_subset)
{
    (void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
    XmlFlujo *x = *(XmlFlujo **)ud;
    xmlflujo_fallar(x, "%s: %s: el XML declara un DOCTYPE, que un libro de cálculo no usa; "
                    "no se lee", x->ruta, x->entrada);
}

void xmlflujo_fallar(XmlFlujo *x, const char *fmt, ...)
{
    if (x->fallo)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->err_handler.msg, sizeof x->err_handler.msg, fmt, ap);
    va_end(ap);
    x->fallo = true;
    XML_StopParser(x->p, XML_FALSE);
}

bool xmlflujo_abrir(XmlFlujo *x, zip_t *z, const char *ruta, const char *entrada,
                    uint64_t limite, void *ud, XML_StartElementHandler ini,
                    XML_EndElementHandler fin, XML_CharacterDataHandler texto, PoaErr *err)
{
    memset(x, 0, sizeof *x);
    x->ruta = ruta;
    x->entrada = entrada;
    x->limite = limite;
    x->zf = zip_fopen(z, entrada, 0);
    if (!x->zf) {
        err_set(err, "%s: no se pudo leer %s del libro: %s", ruta, entrada,
                zip_error_strerror(zip_get_error(z)));
        return false;
    }
    x->p = XML_ParserCreateNS(NULL, '|');
    if (!x->p) {
        zip_fclose(x->zf);
        x->zf = NULL;
        err_set(err, "%s: sin memoria para leer %s", ruta, entrada);
        return false;
    }
    /* The handlers' user data starts with a pointer to this XmlFlujo, so
     * sin_dtd can reach it whatever the backend's struct is. */
    XML_SetUserData(x->p, ud);
    XML_SetElementHandler(x->p, ini, fin);
    XML_SetCharacterDataHandler(x->p, texto);
    XML_SetStartDoctypeDeclHandler(x->p, sin_dtd);
    XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(x->p, 50.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(x->p, 4u << 20);
#endif
    x->buf = xmalloc(XML_TROZO);
    return true;
}

int xmlflujo_avanzar(XmlFlujo *x, PoaErr *err)
{
    for (;;) {
        enum XML_Status st;
        if (x->suspendido) {
            x->suspendido = false;
            st = XML_ResumeParser(x->p);
        } else if (x->fin) {
            return 0;
        } else {
            zip_int64_t n = zip_fread(x->zf, x->buf, XML_TROZO);
            if (n < 0) {
                err_set(err, "%s: %s está dañado en el libro: %s", x->ruta, x->entrada,
                        zip_error_strerror(zip_file_get_error(x->zf)));
                return -1;
            }
            x->leidos += (uint64_t)n;
            if (x->leidos > x->limite) {
                err_set(err, "%s: %s descomprime a más de %llu MiB; no se lee (¿un archivo "
                        "hostil?)", x->ruta, x->entrada,
                        (unsigned long long)(x->limite >> 20));
                return -1;
            }
            x->fin = n == 0;
            st = XML_Parse(x->p, x->buf, (int)n, x->fin);
        }
        if (st == XML_STATUS_SUSPENDED) {
            x->suspendido = true;
            return 1;
        }
        if (st == XML_STATUS_ERROR) {
            if (x->fallo)
                *err = x->err_handler;
            else
                err_set(err, "%s: %s no es XML válido (línea %lu, columna %lu: %s)", x->ruta,
                        x->entrada, (unsigned long)XML_GetCurrentLineNumber(x->p),
                        (unsigned long)XML_GetCurrentColumnNumber(x->p),
                        XML_ErrorString(XML_GetErrorCode(x->p)));
            return -1;
        }
        if (x->fin)
            return 0;
    }
}

void xmlflujo_cerrar(XmlFlujo *x)
{
    if (x->p)
        XML_ParserFree(x->p);
    if (x->zf)
        zip_fclose(x->zf);
    free(x->buf);
    x->p = NULL;
    x->zf = NULL;
    x->buf = NULL;
}

bool xmlflujo_leer_todo(XmlFlujo *x, zip_t *z, const char *ruta, const char *entrada,
                        uint64_t limite, bool opcional, bool *existe, void *ud,
                        XML_StartElementHandler ini, XML_EndElementHandler fin,
                        XML_CharacterDataHandler texto, PoaErr *err)
{
    if (existe)
        *existe = false;
    if (zip_name_locate(z, entrada, 0) < 0) {
        if (opcional)
            return true;
        err_set(err, "%s: no es un libro de cálculo legible: le falta %s", ruta, entrada);
        return false;
    }
    if (!xmlflujo_abrir(x, z, ruta, entrada, limite, ud, ini, fin, texto, err))
        return false;
    if (existe)
        *existe = true;
    int r;
    /* Handlers of whole-entry reads never suspend; loop in case. */
    while ((r = xmlflujo_avanzar(x, err)) == 1)
        ;
    xmlflujo_cerrar(x);
    return r == 0;
}
