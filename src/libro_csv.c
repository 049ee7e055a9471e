/* libro_csv.c — the CSV backend of libro.h: one sheet named after the file,
 * each record a row of text cells with the line:column of each field. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "libro_csv.h"
#include "libro_int.h"

typedef struct {
    Libro base;
    char *codificacion;   /* as asked (NULL = detect), for reading again */
    char *nombre;         /* the file's base name: the sheet's name */
    char *nota;
    CsvReader *r;
    bool fresh;           /* r is at the start: libro_hoja need not reopen */
    Celda *celdas;
    int cap;
} LibroCsv;

static int csv_nhojas(const Libro *l)
{
    (void)l;
    return 1;
}

static const char *csv_hoja_nombre(const Libro *l, int hoja)
{
    (void)hoja;
    return ((const LibroCsv *)l)->nombre;
}

/* The reader cuts fields in place, so a second pass reads the file again. */
static bool csv_hoja(Libro *l, int hoja, PoaErr *err)
{
    LibroCsv *c = (LibroCsv *)l;
    if (hoja != 0) {
        err_set(err, "%s: un CSV tiene una sola hoja", l->ruta);
        return false;
    }
    l->hoja_actual = 0;
    if (c->fresh || csv_rewind(c->r)) {
        c->fresh = false;
        return true;
    }
    CsvReader *r = csv_open_enc(l->ruta, c->codificacion, err);
    if (!r)
        return false;
    csv_close(c->r);
    c->r = r;
    return true;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return false;
    return true;
}

/* Rows keep every field, trailing empty ones too: the flat layout compares
 * a row's field count with its header's (a short row is an error there).
 * Records whose fields are all blank (Excel's trailing ";;;;") are skipped. */
static int csv_fila(Libro *l, Fila *f, PoaErr *err)
{
    LibroCsv *c = (LibroCsv *)l;
    c->fresh = false;
    CsvRow row;
    for (;;) {
        int rc = csv_next(c->r, &row, err);
        if (rc <= 0)
            return rc;
        bool all_blank = true;
        for (int i = 0; i < row.nfields && all_blank; i++)
            all_blank = blank(row.fields[i]);
        if (!all_blank)
            break;
    }
    if (row.nfields > c->cap) {
        c->cap = row.nfields * 2;
        c->celdas = xrealloc(c->celdas, (size_t)c->cap * sizeof *c->celdas);
    }
    for (int i = 0; i < row.nfields; i++) {
        Celda *d = &c->celdas[i];
        d->tipo = row.fields[i][0] ? CELDA_TEXTO : CELDA_VACIA;
        d->formato = NUMFMT_GENERAL;
        d->num = 0;
        d->texto = row.fields[i];
        d->linea = row.lines[i];
        d->columna = row.cols[i];
    }
    f->numero = row.line;
    f->nceldas = row.nfields;
    f->celdas = c->celdas;
    return 1;
}

static void csv_cerrar(Libro *l)
{
    LibroCsv *c = (LibroCsv *)l;
    csv_close(c->r);
    free(c->celdas);
    free(c->codificacion);
    free(c->nombre);
    free(c->nota);
    free(l->ruta);
    free(c);
}

static const LibroOps CSV_OPS = {
    .nhojas = csv_nhojas,
    .hoja_nombre = csv_hoja_nombre,
    .hoja = csv_hoja,
    .fila = csv_fila,
    .cerrar = csv_cerrar,
};

Libro *libro_csv_abrir(const char *path, const LibroOpciones *op, PoaErr *err)
{
    const char *enc = op ? op->codificacion : NULL;
    CsvReader *r = csv_open_enc(path, enc, err);
    if (!r)
        return NULL;
    LibroCsv *c = xcalloc(1, sizeof *c);
    c->base.ops = &CSV_OPS;
    c->base.formato = LIBRO_CSV;
    c->base.ruta = xstrdup(path);
    c->base.sep = csv_separator(r);
    c->codificacion = enc ? xstrdup(enc) : NULL;
    const char *slash = strrchr(path, '/');
    c->nombre = xstrdup(slash ? slash + 1 : path);
    c->nota = csv_nota(r) ? xstrdup(csv_nota(r)) : NULL;
    c->r = r;
    c->fresh = true;
    return &c->base;
}

const char *libro_csv_nota(const Libro *l)
{
    return l && l->formato == LIBRO_CSV ? ((const LibroCsv *)l)->nota : NULL;
}
