/* formato_plano.c — the flat template as a layout: a header row (found in
 * the first rows of a sheet, below any title rows) naming the columns of
 * FORMAT.md in any order and spelling, then one actividad per row. */
#include <stdlib.h>
#include <string.h>

#include "plano_build.h"
#include "u8.h"

/* Header rows are looked for this far down: title rows above a pasted
 * template are a handful; a data row never has the column names. */
enum { HEADER_SEARCH_ROWS = 30 };

static const char *const COLS_CALC[] = {"programado_acumulado", "pct_ejecucion", "semaforo",
                                        "estado"};
/* Spellings people write for a column, already folded. */
static const struct {
    const char *alias;
    PlanoCol col;
} ALIASES[] = {
    {"ano", PLANO_ANIO},
    {"codigo_objetivo", PLANO_OBJ_COD},
    {"codigo_entregable", PLANO_ENT_COD},
    {"codigo_actividad", PLANO_ACT_COD},
    {"meta", PLANO_META_OP},
};

int plano_col_buscar(const char *header)
{
    char *h = u8_fold(header);
    str_trim(h);
    /* "Meta operativa", "meta-operativa" -> meta_operativa */
    for (char *q = h; *q; q++)
        if (*q == ' ' || *q == '-')
            *q = '_';
    int found = -1;
    for (int c = 0; c < PLANO_NCOLS && found < 0; c++)
        if (strcmp(h, PLANO_COLS[c]) == 0)
            found = c;
    for (size_t i = 0; i < POA_ARRAY_LEN(ALIASES) && found < 0; i++)
        if (strcmp(h, ALIASES[i].alias) == 0)
            found = (int)ALIASES[i].col;
    for (size_t i = 0; i < POA_ARRAY_LEN(COLS_CALC) && found < 0; i++)
        if (strcmp(h, COLS_CALC[i]) == 0)
            found = -2;
    free(h);
    return found;
}

/* Whether row f is a header of the template: it names unidad and
 * actividad and at least two more of the columns. */
static bool is_header(const Fila *f)
{
    bool unidad = false, actividad = false;
    int known = 0;
    for (int i = 0; i < f->nceldas; i++) {
        if (f->celdas[i].tipo != CELDA_TEXTO)
            continue;
        int c = plano_col_buscar(f->celdas[i].texto);
        unidad |= c == PLANO_UNIDAD;
        actividad |= c == PLANO_ACTIVIDAD;
        known += c >= 0;
    }
    return unidad && actividad && known >= 4;
}

/* Reads from the start of the sheet up to its header row; 1 found (f is
 * the header), 0 none, -1 error. */
static int find_header(Libro *l, int hoja, Fila *f, PoaErr *err)
{
    if (!libro_hoja(l, hoja, err))
        return -1;
    for (int i = 0; i < HEADER_SEARCH_ROWS; i++) {
        int rc = libro_fila(l, f, err);
        if (rc <= 0)
            return rc;
        if (is_header(f))
            return 1;
    }
    return 0;
}

static bool plano_detect(Libro *l, int hoja, PoaErr *err)
{
    Fila f;
    return find_header(l, hoja, &f, err) == 1;
}

static bool plano_read(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit, void *ctx,
                       PlanoAvisos *avisos, PoaErr *err)
{
    Fila f;
    int rc = find_header(l, hoja, &f, err);
    if (rc < 0)
        return false;
    if (rc == 0 && libro_formato(l) == LIBRO_CSV) {
        /* A CSV has no title rows: its first row is the header, and saying
         * which required column it lacks helps more than "not recognised". */
        if (!libro_hoja(l, hoja, err) || (rc = libro_fila(l, &f, err)) < 0)
            return false;
        if (rc == 0) {
            err_set(err, "%s: el archivo está vacío (falta la fila de encabezados)",
                    libro_ruta(l));
            return false;
        }
    } else if (rc == 0) {
        err_set(err, "%s: hoja «%s»: no tiene el encabezado de la plantilla plana",
                libro_ruta(l), libro_hoja_nombre(l, hoja));
        return false;
    }
    char where[512];
    int colmap[PLANO_NCOLS];
    for (int c = 0; c < PLANO_NCOLS; c++)
        colmap[c] = -1;
    int nheader = f.nceldas, header_line = f.numero;
    for (int i = 0; i < f.nceldas; i++) {
        const Celda *cell = &f.celdas[i];
        if (cell->tipo == CELDA_VACIA)
            continue;
        int c = plano_col_buscar(cell->texto);
        libro_lugar(l, hoja, cell, where, sizeof where);
        if (c >= 0 && colmap[c] >= 0) {
            err_set(err, "%s: la columna «%s» aparece dos veces", where, PLANO_COLS[c]);
            return false;
        }
        if (c >= 0)
            colmap[c] = i;
        else if (c == -1)
            plano_avisos_add(avisos, xasprintf("%s: columna desconocida «%s»: se ignora", where,
                                               cell->texto));
    }
    static const PlanoCol required[] = {PLANO_INSTITUCION, PLANO_ANIO, PLANO_UNIDAD,
                                        PLANO_ACTIVIDAD};
    for (size_t i = 0; i < POA_ARRAY_LEN(required); i++) {
        PlanoCol c = required[i];
        bool given = (c == PLANO_INSTITUCION && op && op->institucion) ||
                     (c == PLANO_ANIO && op && op->anio);
        if (colmap[c] < 0 && !given) {
            if (libro_formato(l) == LIBRO_CSV)
                err_set(err, "%s:%d: falta la columna obligatoria «%s» en el encabezado",
                        libro_ruta(l), header_line, PLANO_COLS[c]);
            else
                err_set(err, "%s:%s, fila %d: falta la columna obligatoria «%s» en el "
                        "encabezado", libro_ruta(l), libro_hoja_nombre(l, hoja), header_line,
                        PLANO_COLS[c]);
            return false;
        }
    }
    bool csv = libro_formato(l) == LIBRO_CSV;
    while ((rc = libro_fila(l, &f, err)) == 1) {
        /* In a CSV every record has as many fields as the header: one more
         * or fewer means a separator was lost or added, and every value
         * after it would land in the wrong column. */
        if (csv && f.nceldas != nheader) {
            char *msg = xasprintf("%s:%d: la fila tiene %d %s y el encabezado %d (falta o "
                                  "sobra un separador «%c»)",
                                  libro_ruta(l), f.numero, f.nceldas,
                                  num_plural(f.nceldas, "campo", "campos"), nheader,
                                  libro_csv_separador(l));
            if (emit != plano_builder_emit) {
                err_set(err, "%s", msg);
                free(msg);
                return false;
            }
            plano_builder_error(ctx, msg);
            continue;
        }
        PlanoRegistro r = {.fila = f.numero};
        for (int c = 0; c < PLANO_NCOLS; c++) {
            int i = colmap[c];
            if (i >= 0 && i < f.nceldas) {
                r.v[c] = f.celdas[i].texto;
                r.c[c] = &f.celdas[i];
            }
        }
        if (!emit(ctx, &r, err))
            return false;
    }
    return rc == 0;
}

const PlanoFormato FORMATO_PLANO = {
    .nombre = "plantilla plana",
    .detect = plano_detect,
    .read = plano_read,
};
