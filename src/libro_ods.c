/* libro_ods.c — the .ods (OpenDocument) backend of libro.h: content.xml
 * streamed once at open for the sheet names, then once per sheet read,
 * row by row, without expanding repeated empty rows or cells. */
#define POA_LIBRO_ZIP
#include "libro_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* content.xml holds every sheet; it is streamed, so the cap only bounds
 * the time a zip bomb could take. */
#define LIMITE_CONTENIDO (1ull << 30)
#define MAX_BYTES_TEXTO ((size_t)LIBRO_MAX_CARACTERES * 4 + 4)

typedef struct Ods Ods;

typedef struct {
    XmlFlujo *x;
    Ods *b;
    int hoja;           /* the sheet to read (-1: just collect names) */
    int tabla;          /* index of the sheet being parsed, -1 before the first */
    int prof_tabla;     /* nesting of table:table (subtables are not sheets) */
    bool activa, terminada;
    bool en_fila, fila_lista;
    long fila_num;      /* last row number used (rows before this one) */
    long rep_filas;
    long col;
    bool en_celda, cubierta;
    long rep_cols;
    char tipo[16];
    char *valor, *fecha, *booleano, *texto_attr;
    int prof_p, parrafos, prof_nota;
    StrBuf t;
    bool largo;
} OdsCtx;

struct Ods {
    Libro base;
    zip_t *zip;
    char **nombres;
    int nhojas, cap;
    XmlFlujo flujo;
    OdsCtx ctx;
    FilaBuf fb;
    long repetir;       /* copies of the last row still to give */
    int ultima_num;
};

static long repeticiones(const char *v)
{
    if (!v)
        return 1;
    long n = strtol(v, NULL, 10);
    return n < 1 ? 1 : n > LIBRO_MAX_FILAS ? LIBRO_MAX_FILAS : n;
}

static void agregar(OdsCtx *c, const char *s, size_t len)
{
    if (c->t.len + len > MAX_BYTES_TEXTO) {
        c->largo = true;
        return;
    }
    sb_appendn(&c->t, s, len);
}

static void limpiar_celda(OdsCtx *c)
{
    free(c->valor);
    free(c->fecha);
    free(c->booleano);
    free(c->texto_attr);
    c->valor = c->fecha = c->booleano = c->texto_attr = NULL;
}

static void celda_ini(OdsCtx *c, const XML_Char **a, bool cubierta)
{
    c->en_celda = true;
    c->cubierta = cubierta;
    c->rep_cols = repeticiones(libro_xml_attr(a, "number-columns-repeated"));
    const char *t = libro_xml_attr(a, "value-type");
    snprintf(c->tipo, sizeof c->tipo, "%s", t ? t : "");
    limpiar_celda(c);
    const char *v;
    if ((v = libro_xml_attr(a, "value")))
        c->valor = xstrdup(v);
    if ((v = libro_xml_attr(a, "date-value")))
        c->fecha = xstrdup(v);
    if ((v = libro_xml_attr(a, "boolean-value")))
        c->booleano = xstrdup(v);
    if ((v = libro_xml_attr(a, "string-value")))
        c->texto_attr = xstrdup(v);
    sb_clear(&c->t);
    c->largo = false;
    c->parrafos = 0;
    c->prof_p = 0;
    c->prof_nota = 0;
}

static void XMLCALL ods_ini(void *ud, const XML_Char *name, const XML_Char **a)
{
    OdsCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "table") == 0) {
        if (c->prof_tabla++ > 0)
            return;
        c->tabla++;
        if (c->hoja < 0) {
            Ods *b = c->b;
            if (b->nhojas >= 4096) {
                xmlflujo_fallar(c->x, "%s: el libro declara más de 4096 hojas", b->base.ruta);
                return;
            }
            if (b->nhojas == b->cap) {
                b->cap = b->cap ? b->cap * 2 : 16;
                b->nombres = xrealloc(b->nombres, (size_t)b->cap * sizeof *b->nombres);
            }
            const char *nom = libro_xml_attr(a, "name");
            b->nombres[b->nhojas++] = xstrdup(nom ? nom : "");
        }
        c->activa = c->tabla == c->hoja;
        return;
    }
    if (!c->activa || c->prof_tabla != 1)
        return;
    if (strcmp(n, "table-row") == 0) {
        c->en_fila = true;
        c->rep_filas = repeticiones(libro_xml_attr(a, "number-rows-repeated"));
        c->col = 0;
        filabuf_reset(&c->b->fb);
    } else if (c->en_fila && !c->en_celda &&
               (strcmp(n, "table-cell") == 0 || strcmp(n, "covered-table-cell") == 0)) {
        celda_ini(c, a, n[0] == 'c');
    } else if (c->en_celda) {
        if (strcmp(n, "annotation") == 0) {
            c->prof_nota++;
        } else if (c->prof_nota > 0) {
        } else if (strcmp(n, "p") == 0 || strcmp(n, "h") == 0) {
            if (c->parrafos++ > 0)
                agregar(c, "\n", 1);
            c->prof_p++;
        } else if (c->prof_p > 0 && strcmp(n, "s") == 0) {
            long k = repeticiones(libro_xml_attr(a, "c"));
            for (long i = 0; i < k && !c->largo; i++)
                agregar(c, " ", 1);
        } else if (c->prof_p > 0 && strcmp(n, "tab") == 0) {
            agregar(c, "\t", 1);
        } else if (c->prof_p > 0 && strcmp(n, "line-break") == 0) {
            agregar(c, "\n", 1);
        }
    }
}

static void celda_fallar(OdsCtx *c, const char *que)
{
    char col[16];
    xmlflujo_fallar(c->x, "%s:%s!%s%ld: %s", c->b->base.ruta, c->b->nombres[c->hoja],
                    libro_columna_nombre((int)c->col + 1, col, sizeof col), c->fila_num + 1,
                    que);
}

static void celda_terminar(OdsCtx *c)
{
    FilaBuf *fb = &c->b->fb;
    CeldaTipo tipo = CELDA_VACIA;
    NumFormato fmt = NUMFMT_GENERAL;
    double num = 0;
    char buf[40];
    const char *txt = "";
    size_t len = 0;
    const char *t = c->tipo;
    if (c->largo || libro_u8_len(sb_str(&c->t), c->t.len) > LIBRO_MAX_CARACTERES) {
        celda_fallar(c, "la celda tiene más de 32.767 caracteres; no se lee");
        return;
    }
    if (c->cubierta) {
        /* Covered by a merge: the first cell has the value. */
    } else if (strcmp(t, "float") == 0 || strcmp(t, "percentage") == 0 ||
               strcmp(t, "currency") == 0) {
        char *fin;
        num = c->valor ? strtod(c->valor, &fin) : 0;
        if (!c->valor || fin == c->valor || *fin) {
            celda_fallar(c, "valor numérico no válido");
            return;
        }
        tipo = CELDA_NUMERO;
        fmt = t[0] == 'p' ? NUMFMT_PORCENTAJE : NUMFMT_GENERAL;
        libro_num_texto(num, buf, sizeof buf);
        txt = buf;
        len = strlen(buf);
    } else if (strcmp(t, "date") == 0) {
        if (!c->fecha || !libro_fecha_serial(c->fecha, &num)) {
            celda_fallar(c, "fecha no válida");
            return;
        }
        tipo = CELDA_NUMERO;
        fmt = NUMFMT_FECHA;
        snprintf(buf, sizeof buf, "%.10s", c->fecha);
        txt = buf;
        len = strlen(buf);
    } else if (strcmp(t, "boolean") == 0) {
        tipo = CELDA_BOOLEANO;
        num = c->booleano && strcasecmp(c->booleano, "true") == 0;
        txt = num ? "VERDADERO" : "FALSO";
        len = strlen(txt);
    } else if (c->texto_attr && c->t.len == 0) {
        tipo = CELDA_TEXTO;
        txt = c->texto_attr;
        len = strlen(txt);
        if (libro_u8_len(txt, len) > LIBRO_MAX_CARACTERES) {
            celda_fallar(c, "la celda tiene más de 32.767 caracteres; no se lee");
            return;
        }
    } else {
        tipo = CELDA_TEXTO;
        txt = sb_str(&c->t);
        len = c->t.len;
    }
    if (tipo == CELDA_TEXTO && len == 0)
        tipo = CELDA_VACIA;
    if (tipo == CELDA_VACIA) {
        c->col += c->rep_cols;
        if (c->col > LIBRO_MAX_COLUMNAS)
            c->col = LIBRO_MAX_COLUMNAS;
        return;
    }
    /* A value repeated across columns is real content ("x" in three
     * months); it is expanded, but never beyond the last column. */
    for (long i = 0; i < c->rep_cols && c->col < LIBRO_MAX_COLUMNAS; i++)
        filabuf_poner(fb, (int)c->col++, tipo, fmt, num, txt, len);
}

static void XMLCALL ods_fin(void *ud, const XML_Char *name)
{
    OdsCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "table") == 0) {
        if (--c->prof_tabla > 0)
            return;
        if (c->activa) {
            c->activa = false;
            c->terminada = true;
            XML_StopParser(c->x->p, XML_TRUE);
        }
        return;
    }
    if (!c->activa || c->prof_tabla != 1)
        return;
    if (c->en_celda && (strcmp(n, "table-cell") == 0 || strcmp(n, "covered-table-cell") == 0)) {
        celda_terminar(c);
        c->en_celda = false;
    } else if (c->en_celda && strcmp(n, "annotation") == 0) {
        c->prof_nota--;
    } else if (c->en_celda && c->prof_nota == 0 && (strcmp(n, "p") == 0 || strcmp(n, "h") == 0)) {
        c->prof_p--;
    } else if (c->en_fila && strcmp(n, "table-row") == 0) {
        c->en_fila = false;
        c->fila_lista = true;
        XML_StopParser(c->x->p, XML_TRUE);
    }
}

static void XMLCALL ods_texto(void *ud, const XML_Char *s, int len)
{
    OdsCtx *c = ud;
    if (c->activa && c->en_celda && c->prof_p > 0 && c->prof_nota == 0)
        agregar(c, s, (size_t)len);
}

static void ctx_reset(Ods *b, int hoja)
{
    limpiar_celda(&b->ctx);
    sb_free(&b->ctx.t);
    memset(&b->ctx, 0, sizeof b->ctx);
    b->ctx.x = &b->flujo;
    b->ctx.b = b;
    b->ctx.hoja = hoja;
    b->ctx.tabla = -1;
    b->repetir = 0;
}

static int o_nhojas(const Libro *l) { return ((const Ods *)l)->nhojas; }
static const char *o_hoja_nombre(const Libro *l, int hoja)
{
    return ((const Ods *)l)->nombres[hoja];
}

static bool o_hoja(Libro *l, int hoja, PoaErr *err)
{
    Ods *b = (Ods *)l;
    xmlflujo_cerrar(&b->flujo);
    ctx_reset(b, hoja);
    return xmlflujo_abrir(&b->flujo, b->zip, l->ruta, "content.xml", LIMITE_CONTENIDO, &b->ctx,
                          ods_ini, ods_fin, ods_texto, err);
}

static int o_fila(Libro *l, Fila *f, PoaErr *err)
{
    Ods *b = (Ods *)l;
    OdsCtx *c = &b->ctx;
    if (!b->flujo.p) {
        err_set(err, "%s: no se eligió hoja antes de leer filas", l->ruta);
        return -1;
    }
    if (b->repetir > 0 && b->ultima_num < LIBRO_MAX_FILAS) {
        b->repetir--;
        filabuf_cerrar(&b->fb, ++b->ultima_num, f);
        return 1;
    }
    for (;;) {
        if (c->terminada)
            return 0;
        c->fila_lista = false;
        int r = xmlflujo_avanzar(&b->flujo, err);
        if (r <= 0)
            return r;
        if (!c->fila_lista)
            continue;
        long num = c->fila_num + 1;
        c->fila_num += c->rep_filas;
        if (num > LIBRO_MAX_FILAS)
            continue;
        if (filabuf_cerrar(&b->fb, (int)num, f) > 0) {
            /* A non-empty row repeated: the same cells on each of its rows. */
            b->ultima_num = (int)num;
            b->repetir = c->rep_filas - 1;
            return 1;
        }
    }
}

static void o_cerrar(Libro *l)
{
    Ods *b = (Ods *)l;
    xmlflujo_cerrar(&b->flujo);
    limpiar_celda(&b->ctx);
    sb_free(&b->ctx.t);
    for (int i = 0; i < b->nhojas; i++)
        free(b->nombres[i]);
    free(b->nombres);
    filabuf_free(&b->fb);
    if (b->zip)
        zip_discard(b->zip);
    free(b->base.ruta);
    free(b);
}

static const LibroOps ODS_OPS = {
    .nhojas = o_nhojas,
    .hoja_nombre = o_hoja_nombre,
    .hoja = o_hoja,
    .fila = o_fila,
    .cerrar = o_cerrar,
};

Libro *libro_ods_abrir(const char *path, PoaErr *err)
{
    Ods *b = xcalloc(1, sizeof *b);
    b->base.ops = &ODS_OPS;
    b->base.formato = LIBRO_ODS;
    b->base.ruta = xstrdup(path);
    b->zip = libro_zip_abrir(path, err);
    if (!b->zip)
        goto fallo;
    /* The names: one pass through content.xml, streaming (hoja = -1 only
     * collects them). */
    ctx_reset(b, -1);
    if (!xmlflujo_leer_todo(&b->flujo, b->zip, path, "content.xml", LIMITE_CONTENIDO, false,
                            NULL, &b->ctx, ods_ini, ods_fin, ods_texto, err))
        goto fallo;
    if (b->nhojas == 0) {
        err_set(err, "%s: el libro no tiene hojas", path);
        goto fallo;
    }
    return &b->base;
fallo:
    o_cerrar(&b->base);
    return NULL;
}
