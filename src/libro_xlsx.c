/* libro_xlsx.c — the .xlsx backend of libro.h: sheet names and order, shared
 * strings and number formats read at open; each sheet streamed row by row. */
#define POA_LIBRO_ZIP
#include "libro_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Inflated sizes we accept: the small parts are read whole, a sheet is
 * streamed (the cap only bounds the time a zip bomb could take). */
#define LIMITE_PARTE   (16ull << 20)
#define LIMITE_TEXTOS  (256ull << 20)
#define LIMITE_HOJA    (1ull << 30)
/* Bytes kept of one text: enough for 32,767 characters of 4 bytes, so a
 * longer text is known to be too long without holding all of it. */
#define MAX_BYTES_TEXTO ((size_t)LIBRO_MAX_CARACTERES * 4 + 4)

typedef struct {
    char *nombre;
    char *rid;
    char *entrada;   /* the part's name in the zip: "xl/worksheets/sheet1.xml" */
} HojaX;

typedef struct Xlsx Xlsx;

/* The state of streaming one sheet (the handlers' user data). */
typedef struct {
    XmlFlujo *x;
    Xlsx *b;
    bool en_fila, fila_lista;
    int fila_num, col_sig;
    bool en_c, en_v, en_is, en_t, en_rph;
    int c_col, c_estilo;
    char c_tipo[12];
    StrBuf val;
    bool val_largo;
} HojaCtx;

struct Xlsx {
    Libro base;
    zip_t *zip;
    HojaX *hojas;
    int nhojas;
    char **textos;      /* shared strings; NULL = longer than a cell holds */
    size_t ntextos;
    unsigned char *xf;  /* NumFormato of each cellXfs entry */
    int nxf;
    bool fecha1904;
    XmlFlujo flujo;
    HojaCtx ctx;
    FilaBuf fb;
};

/* Appends to a bounded text buffer: past MAX_BYTES_TEXTO only the fact
 * that it was too long is kept. */
static void texto_agregar(StrBuf *b, bool *largo, const char *s, int len)
{
    if (b->len + (size_t)len > MAX_BYTES_TEXTO) {
        *largo = true;
        return;
    }
    sb_appendn(b, s, (size_t)len);
}

static bool texto_largo(const StrBuf *b, bool largo)
{
    return largo || libro_u8_len(sb_str(b), b->len) > LIBRO_MAX_CARACTERES;
}

/* ---- workbook.xml and its relationships ---- */

typedef struct {
    XmlFlujo *x;
    Xlsx *b;
    int cap;
} LibroCtx;

static void XMLCALL wb_ini(void *ud, const XML_Char *name, const XML_Char **a)
{
    LibroCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "workbookPr") == 0) {
        const char *v = libro_xml_attr(a, "date1904");
        c->b->fecha1904 = v && (strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0);
    } else if (strcmp(n, "sheet") == 0) {
        const char *nombre = libro_xml_attr(a, "name"), *rid = NULL;
        /* r:id is in the relationships namespace; sheetId is not. */
        for (int i = 0; a[i]; i += 2)
            if (strstr(a[i], "relationships|id"))
                rid = a[i + 1];
        if (!nombre || !rid) {
            xmlflujo_fallar(c->x, "%s: xl/workbook.xml: una hoja sin nombre o sin relación",
                            c->b->base.ruta);
            return;
        }
        if (c->b->nhojas >= 4096) {
            xmlflujo_fallar(c->x, "%s: el libro declara más de 4096 hojas", c->b->base.ruta);
            return;
        }
        if (c->b->nhojas == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 16;
            c->b->hojas = xrealloc(c->b->hojas, (size_t)c->cap * sizeof *c->b->hojas);
        }
        HojaX *h = &c->b->hojas[c->b->nhojas++];
        h->nombre = xstrdup(nombre);
        h->rid = xstrdup(rid);
        h->entrada = NULL;
    }
}

static void XMLCALL nada_fin(void *ud, const XML_Char *name) { (void)ud, (void)name; }
static void XMLCALL nada_texto(void *ud, const XML_Char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

/* A relationship target relative to xl/ (or absolute from the package
 * root) as the zip names it, with "." and ".." resolved. */
static char *ruta_parte(const char *target)
{
    StrBuf b = {0};
    if (target[0] == '/')
        target++;
    else
        sb_append(&b, "xl/");
    sb_append(&b, target);
    char *s = sb_take(&b);
    char *out = xmalloc(strlen(s) + 1);
    size_t o = 0;
    for (char *seg = s; *seg;) {
        char *fin = strchr(seg, '/');
        size_t len = fin ? (size_t)(fin - seg) : strlen(seg);
        if (len == 1 && seg[0] == '.') {
        } else if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            while (o > 0 && out[o - 1] != '/')
                o--;
        } else if (len > 0) {
            memcpy(out + o, seg, len);
            o += len;
            if (fin)
                out[o++] = '/';
        }
        seg = fin ? fin + 1 : seg + len;
    }
    out[o] = '\0';
    free(s);
    return out;
}

static void XMLCALL rel_ini(void *ud, const XML_Char *name, const XML_Char **a)
{
    LibroCtx *c = ud;
    if (strcmp(libro_xml_local(name), "Relationship") != 0)
        return;
    const char *id = libro_xml_attr(a, "Id"), *target = libro_xml_attr(a, "Target");
    if (!id || !target)
        return;
    for (int i = 0; i < c->b->nhojas; i++)
        if (!c->b->hojas[i].entrada && strcmp(c->b->hojas[i].rid, id) == 0)
            c->b->hojas[i].entrada = ruta_parte(target);
}

/* ---- styles.xml: the number format of each cell style ---- */

typedef struct {
    int id;
    unsigned char fmt;
} FmtPropio;

typedef struct {
    XmlFlujo *x;
    Xlsx *b;
    bool en_xfs;
    FmtPropio *propios;
    int npropios, cap_propios;
    int *xf_ids;
    int cap_xf;
} EstilosCtx;

/* What a format code shows: a '%' outside quotes makes a percentage;
 * d, m or y tokens a date. Quoted text, \-escapes and [..] are skipped. */
static NumFormato fmt_de_codigo(const char *code)
{
    bool pct = false, fecha = false;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (p[1])
                p++;
        } else if (*p == '[') {
            while (p[1] && p[1] != ']')
                p++;
        } else if (*p == '%') {
            pct = true;
        } else {
            char ch = (char)tolower((unsigned char)*p);
            if (ch == 'd' || ch == 'm' || ch == 'y')
                fecha = true;
        }
    }
    if (pct)
        return NUMFMT_PORCENTAJE;
    return fecha ? NUMFMT_FECHA : NUMFMT_GENERAL;
}

static NumFormato fmt_interno(int id)
{
    if (id == 9 || id == 10)
        return NUMFMT_PORCENTAJE;
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
        return NUMFMT_FECHA;
    return NUMFMT_GENERAL;
}

static void XMLCALL est_ini(void *ud, const XML_Char *name, const XML_Char **a)
{
    EstilosCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "numFmt") == 0) {
        const char *id = libro_xml_attr(a, "numFmtId"), *code = libro_xml_attr(a, "formatCode");
        if (!id || !code)
            return;
        if (c->npropios == c->cap_propios) {
            c->cap_propios = c->cap_propios ? c->cap_propios * 2 : 16;
            c->propios = xrealloc(c->propios, (size_t)c->cap_propios * sizeof *c->propios);
        }
        c->propios[c->npropios].id = atoi(id);
        c->propios[c->npropios].fmt = (unsigned char)fmt_de_codigo(code);
        c->npropios++;
    } else if (strcmp(n, "cellXfs") == 0) {
        c->en_xfs = true;
    } else if (c->en_xfs && strcmp(n, "xf") == 0) {
        if (c->b->nxf >= 1 << 20) {
            xmlflujo_fallar(c->x, "%s: xl/styles.xml declara demasiados estilos",
                            c->b->base.ruta);
            return;
        }
        if (c->b->nxf == c->cap_xf) {
            c->cap_xf = c->cap_xf ? c->cap_xf * 2 : 64;
            c->xf_ids = xrealloc(c->xf_ids, (size_t)c->cap_xf * sizeof *c->xf_ids);
        }
        const char *id = libro_xml_attr(a, "numFmtId");
        c->xf_ids[c->b->nxf++] = id ? atoi(id) : 0;
    }
}

static void XMLCALL est_fin(void *ud, const XML_Char *name)
{
    EstilosCtx *c = ud;
    if (strcmp(libro_xml_local(name), "cellXfs") == 0)
        c->en_xfs = false;
}

static bool leer_estilos(Xlsx *b, PoaErr *err)
{
    XmlFlujo x;
    EstilosCtx c = {.x = &x, .b = b};
    bool ok = xmlflujo_leer_todo(&x, b->zip, b->base.ruta, "xl/styles.xml", LIMITE_PARTE,
                                 true, NULL, &c, est_ini, est_fin, nada_texto, err);
    if (ok && b->nxf > 0) {
        b->xf = xmalloc((size_t)b->nxf);
        for (int i = 0; i < b->nxf; i++) {
            NumFormato f = fmt_interno(c.xf_ids[i]);
            /* A custom format may reuse an id: the workbook's own wins. */
            for (int k = 0; k < c.npropios; k++)
                if (c.propios[k].id == c.xf_ids[i])
                    f = (NumFormato)c.propios[k].fmt;
            b->xf[i] = (unsigned char)f;
        }
    }
    free(c.propios);
    free(c.xf_ids);
    return ok;
}

/* ---- sharedStrings.xml ---- */

typedef struct {
    XmlFlujo *x;
    Xlsx *b;
    size_t cap;
    bool en_si, en_t, en_rph;
    StrBuf t;
    bool largo;
} TextosCtx;

static void XMLCALL sst_ini(void *ud, const XML_Char *name, const XML_Char **a)
{
    (void)a;
    TextosCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "si") == 0) {
        c->en_si = true;
        sb_clear(&c->t);
        c->largo = false;
    } else if (strcmp(n, "t") == 0) {
        c->en_t = true;
    } else if (strcmp(n, "rPh") == 0) {
        c->en_rph = true;   /* phonetic guide: not part of the text */
    }
}

static void XMLCALL sst_fin(void *ud, const XML_Char *name)
{
    TextosCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "t") == 0) {
        c->en_t = false;
    } else if (strcmp(n, "rPh") == 0) {
        c->en_rph = false;
    } else if (strcmp(n, "si") == 0 && c->en_si) {
        c->en_si = false;
        if (c->b->ntextos == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 256;
            c->b->textos = xrealloc(c->b->textos, c->cap * sizeof *c->b->textos);
        }
        c->b->textos[c->b->ntextos++] =
            texto_largo(&c->t, c->largo) ? NULL : xstrndup(sb_str(&c->t), c->t.len);
    }
}

static void XMLCALL sst_texto(void *ud, const XML_Char *s, int len)
{
    TextosCtx *c = ud;
    if (c->en_si && c->en_t && !c->en_rph)
        texto_agregar(&c->t, &c->largo, s, len);
}

/* ---- streaming a sheet ---- */

static void XMLCALL hoja_ini(void *ud, const XML_Char *name, const XML_Char **a)
{
    HojaCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "row") == 0) {
        const char *r = libro_xml_attr(a, "r");
        int num = r ? atoi(r) : c->fila_num + 1;
        if (num < 1 || num > LIBRO_MAX_FILAS) {
            xmlflujo_fallar(c->x, "%s:%s: fila con número no válido «%s»", c->b->base.ruta,
                            c->b->hojas[c->b->base.hoja_actual].nombre, r ? r : "");
            return;
        }
        c->fila_num = num;
        c->en_fila = true;
        c->col_sig = 0;
        filabuf_reset(&c->b->fb);
    } else if (strcmp(n, "c") == 0 && c->en_fila) {
        const char *r = libro_xml_attr(a, "r"), *t = libro_xml_attr(a, "t"), *s = libro_xml_attr(a, "s");
        int col = c->col_sig;
        if (r) {
            col = 0;
            const char *p = r;
            while (isalpha((unsigned char)*p) && col <= LIBRO_MAX_COLUMNAS)
                col = col * 26 + (toupper((unsigned char)*p++) - 'A' + 1);
            if (p == r || col > LIBRO_MAX_COLUMNAS) {
                xmlflujo_fallar(c->x, "%s:%s: fila %d: referencia de celda no válida «%s»",
                                c->b->base.ruta, c->b->hojas[c->b->base.hoja_actual].nombre,
                                c->fila_num, r);
                return;
            }
            col--;
        }
        if (col >= LIBRO_MAX_COLUMNAS) {
            xmlflujo_fallar(c->x, "%s:%s: fila %d: más de %d columnas", c->b->base.ruta,
                            c->b->hojas[c->b->base.hoja_actual].nombre, c->fila_num,
                            LIBRO_MAX_COLUMNAS);
            return;
        }
        c->en_c = true;
        c->c_col = col;
        c->c_estilo = s ? atoi(s) : 0;
        snprintf(c->c_tipo, sizeof c->c_tipo, "%s", t ? t : "n");
        sb_clear(&c->val);
        c->val_largo = false;
    } else if (c->en_c) {
        if (strcmp(n, "v") == 0)
            c->en_v = true;
        else if (strcmp(n, "is") == 0)
            c->en_is = true;
        else if (strcmp(n, "t") == 0)
            c->en_t = true;
        else if (strcmp(n, "rPh") == 0)
            c->en_rph = true;
    }
}

static void celda_fallar(HojaCtx *c, const char *que)
{
    char col[16];
    xmlflujo_fallar(c->x, "%s:%s!%s%d: %s", c->b->base.ruta,
                    c->b->hojas[c->b->base.hoja_actual].nombre,
                    libro_columna_nombre(c->c_col + 1, col, sizeof col), c->fila_num, que);
}

static void celda_terminar(HojaCtx *c)
{
    Xlsx *b = c->b;
    const char *v = sb_str(&c->val);
    const char *t = c->c_tipo;
    if (texto_largo(&c->val, c->val_largo)) {
        celda_fallar(c, "la celda tiene más de 32.767 caracteres; no se lee");
        return;
    }
    if (strcmp(t, "s") == 0) {
        char *fin;
        long i = strtol(v, &fin, 10);
        if (fin == v || *fin || i < 0 || (size_t)i >= b->ntextos) {
            celda_fallar(c, "índice de texto compartido no válido");
            return;
        }
        if (!b->textos[i]) {
            celda_fallar(c, "la celda tiene más de 32.767 caracteres; no se lee");
            return;
        }
        filabuf_poner(&b->fb, c->c_col, CELDA_TEXTO, NUMFMT_GENERAL, 0, b->textos[i],
                      strlen(b->textos[i]));
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        filabuf_poner(&b->fb, c->c_col, CELDA_TEXTO, NUMFMT_GENERAL, 0, v, c->val.len);
    } else if (strcmp(t, "b") == 0) {
        bool si = strcmp(v, "1") == 0 || strcasecmp(v, "true") == 0;
        const char *txt = si ? "VERDADERO" : "FALSO";
        if (c->val.len)
            filabuf_poner(&b->fb, c->c_col, CELDA_BOOLEANO, NUMFMT_GENERAL, si, txt,
                          strlen(txt));
    } else if (strcmp(t, "e") == 0) {
        if (c->val.len)
            filabuf_poner(&b->fb, c->c_col, CELDA_ERROR, NUMFMT_GENERAL, 0, v, c->val.len);
    } else if (strcmp(t, "d") == 0) {
        double serial;
        if (!c->val.len)
            return;
        if (!libro_fecha_serial(v, &serial)) {
            celda_fallar(c, "fecha no válida");
            return;
        }
        char buf[16];
        snprintf(buf, sizeof buf, "%.10s", v);
        filabuf_poner(&b->fb, c->c_col, CELDA_NUMERO, NUMFMT_FECHA, serial, buf, strlen(buf));
    } else {
        if (!c->val.len)
            return;
        char *fin;
        double num = strtod(v, &fin);
        if (fin == v || *fin) {
            char msg[96];
            snprintf(msg, sizeof msg, "«%.40s» no es un número", v);
            celda_fallar(c, msg);
            return;
        }
        NumFormato f = c->c_estilo >= 0 && c->c_estilo < b->nxf ? (NumFormato)b->xf[c->c_estilo]
                                                                 : NUMFMT_GENERAL;
        char buf[40];
        if (f == NUMFMT_FECHA && !libro_serial_fecha(num, b->fecha1904, buf, sizeof buf))
            f = NUMFMT_GENERAL;
        if (f != NUMFMT_FECHA)
            libro_num_texto(num, buf, sizeof buf);
        filabuf_poner(&b->fb, c->c_col, CELDA_NUMERO, f, num, buf, strlen(buf));
    }
}

static void XMLCALL hoja_fin(void *ud, const XML_Char *name)
{
    HojaCtx *c = ud;
    const char *n = libro_xml_local(name);
    if (strcmp(n, "c") == 0 && c->en_c) {
        celda_terminar(c);
        c->col_sig = c->c_col + 1;
        c->en_c = c->en_v = c->en_is = c->en_t = c->en_rph = false;
    } else if (strcmp(n, "row") == 0 && c->en_fila) {
        c->en_fila = false;
        c->fila_lista = true;
        XML_StopParser(c->x->p, XML_TRUE);
    } else if (strcmp(n, "v") == 0) {
        c->en_v = false;
    } else if (strcmp(n, "is") == 0) {
        c->en_is = false;
    } else if (strcmp(n, "t") == 0) {
        c->en_t = false;
    } else if (strcmp(n, "rPh") == 0) {
        c->en_rph = false;
    }
}

static void XMLCALL hoja_texto(void *ud, const XML_Char *s, int len)
{
    HojaCtx *c = ud;
    if (c->en_c && (c->en_v || (c->en_is && c->en_t && !c->en_rph)))
        texto_agregar(&c->val, &c->val_largo, s, len);
}

/* ---- the backend's operations ---- */

static int x_nhojas(const Libro *l) { return ((const Xlsx *)l)->nhojas; }
static const char *x_hoja_nombre(const Libro *l, int hoja)
{
    return ((const Xlsx *)l)->hojas[hoja].nombre;
}

static bool x_hoja(Libro *l, int hoja, PoaErr *err)
{
    Xlsx *b = (Xlsx *)l;
    xmlflujo_cerrar(&b->flujo);
    HojaX *h = &b->hojas[hoja];
    if (!h->entrada || zip_name_locate(b->zip, h->entrada, 0) < 0) {
        err_set(err, "%s: la hoja «%s» no está en el libro (%s)", l->ruta, h->nombre,
                h->entrada ? h->entrada : "sin destino");
        return false;
    }
    sb_free(&b->ctx.val);
    memset(&b->ctx, 0, sizeof b->ctx);
    b->ctx.x = &b->flujo;
    b->ctx.b = b;
    l->hoja_actual = hoja;   /* the handlers' messages name it */
    return xmlflujo_abrir(&b->flujo, b->zip, l->ruta, h->entrada, LIMITE_HOJA, &b->ctx,
                          hoja_ini, hoja_fin, hoja_texto, err);
}

static int x_fila(Libro *l, Fila *f, PoaErr *err)
{
    Xlsx *b = (Xlsx *)l;
    if (!b->flujo.p) {
        err_set(err, "%s: no se eligió hoja antes de leer filas", l->ruta);
        return -1;
    }
    for (;;) {
        b->ctx.fila_lista = false;
        int r = xmlflujo_avanzar(&b->flujo, err);
        if (r <= 0)
            return r;
        if (b->ctx.fila_lista && filabuf_cerrar(&b->fb, b->ctx.fila_num, f) > 0)
            return 1;
    }
}

static void x_cerrar(Libro *l)
{
    Xlsx *b = (Xlsx *)l;
    xmlflujo_cerrar(&b->flujo);
    for (int i = 0; i < b->nhojas; i++) {
        free(b->hojas[i].nombre);
        free(b->hojas[i].rid);
        free(b->hojas[i].entrada);
    }
    free(b->hojas);
    for (size_t i = 0; i < b->ntextos; i++)
        free(b->textos[i]);
    free(b->textos);
    free(b->xf);
    sb_free(&b->ctx.val);
    filabuf_free(&b->fb);
    if (b->zip)
        zip_discard(b->zip);
    free(b->base.ruta);
    free(b);
}

static const LibroOps XLSX_OPS = {
    .nhojas = x_nhojas,
    .hoja_nombre = x_hoja_nombre,
    .hoja = x_hoja,
    .fila = x_fila,
    .cerrar = x_cerrar,
};

Libro *libro_xlsx_abrir(const char *path, PoaErr *err)
{
    Xlsx *b = xcalloc(1, sizeof *b);
    b->base.ops = &XLSX_OPS;
    b->base.formato = LIBRO_XLSX;
    b->base.ruta = xstrdup(path);
    b->zip = libro_zip_abrir(path, err);
    if (!b->zip)
        goto fallo;
    XmlFlujo x;
    LibroCtx c = {.x = &x, .b = b};
    if (!xmlflujo_leer_todo(&x, b->zip, path, "xl/workbook.xml", LIMITE_PARTE, false, NULL,
                            &c, wb_ini, nada_fin, nada_texto, err))
        goto fallo;
    if (b->nhojas == 0) {
        err_set(err, "%s: el libro no tiene hojas", path);
        goto fallo;
    }
    if (!xmlflujo_leer_todo(&x, b->zip, path, "xl/_rels/workbook.xml.rels", LIMITE_PARTE,
                            false, NULL, &c, rel_ini, nada_fin, nada_texto, err))
        goto fallo;
    if (!leer_estilos(b, err))
        goto fallo;
    TextosCtx t = {.x = &x, .b = b};
    bool ok = xmlflujo_leer_todo(&x, b->zip, path, "xl/sharedStrings.xml", LIMITE_TEXTOS, true,
                                 NULL, &t, sst_ini, sst_fin, sst_texto, err);
    sb_free(&t.t);
    if (!ok)
        goto fallo;
    return &b->base;
fallo:
    x_cerrar(&b->base);
    return NULL;
}
