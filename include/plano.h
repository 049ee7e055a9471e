/* plano.h — one record of the flat template (tests/fixtures/FORMAT.md): the
 * text of each of its columns and the cell it came from. Every importer (the
 * flat CSV, or a workbook in an institution's own layout) turns its rows into
 * these records; one builder (plancsv.c) validates them and builds the plan,
 * so the rules of a value are written once and every message names the cell
 * the value came from. */
#ifndef POA_PLANO_H
#define POA_PLANO_H

#include <stdbool.h>

#include "libro.h"
#include "util.h"

typedef enum {
    PLANO_INSTITUCION, PLANO_ANIO, PLANO_UNIDAD, PLANO_MISION, PLANO_EJE, PLANO_OBJ_COD,
    PLANO_OBJETIVO, PLANO_META_OP, PLANO_ENT_COD, PLANO_ENTREGABLE, PLANO_INDICADOR,
    PLANO_ACT_COD, PLANO_ACTIVIDAD, PLANO_UNIDAD_LIDER, PLANO_RESPONSABLES,
    PLANO_PRESUPUESTO, PLANO_PRESUPUESTO_NOTA,
    PLANO_ENE, PLANO_FEB, PLANO_MAR, PLANO_ABR, PLANO_MAY, PLANO_JUN, PLANO_JUL,
    PLANO_AGO, PLANO_SEP, PLANO_OCT, PLANO_NOV, PLANO_DIC,
    PLANO_META_ANUAL, PLANO_T1, PLANO_T2, PLANO_T3, PLANO_T4, PLANO_CORTE, PLANO_REAL,
    PLANO_PCT_PUBLICADO, PLANO_OBSERVACIONES, PLANO_NOTA_UNIDAD,
    /* beyond FORMAT.md: what the database holds and the format did not carry */
    PLANO_RIESGOS, PLANO_TIPO_META, PLANO_SENTIDO, PLANO_PESO, PLANO_EVIDENCIA,
    PLANO_NCOLS
} PlanoCol;

/* The header names, as FORMAT.md writes them ("institucion", "ene", …). */
extern const char *const PLANO_COLS[PLANO_NCOLS];

typedef struct {
    /* The value of each column as the flat template would write it: text as
     * written, numbers with '.' decimal ("1500000.5"), percentages "25%",
     * month cells "x" or a quantity. NULL or "" = not given. */
    const char *v[PLANO_NCOLS];
    /* The cell each value came from, for messages (NULL = none: the value
     * was inherited or deduced; the message then names the row). */
    const Celda *c[PLANO_NCOLS];
    int fila;     /* the source row, for messages about the whole record */
} PlanoRegistro;

/* Warnings and errors, each already prefixed with its place
 * ("ars.xlsx:Afiliación!P17: …", "plan.csv:12:18: …"). */
typedef Lineas PlanoAvisos;
static inline void plano_avisos_add(PlanoAvisos *a, char *line) { lineas_add(a, line); }
static inline void plano_avisos_free(PlanoAvisos *a) { lineas_free(a); }

/* A layout a sheet may be in. detect looks at the sheet (it may read it from
 * the start with libro_hoja) and says whether it is this layout; read turns
 * it into records, calling emit once per actividad in the order of the
 * document; it adds what it could not place, or read doubtfully, to avisos
 * (with the cell and a hint), and returns false with err only when the
 * sheet cannot be read at all. */
typedef bool (*PlanoEmit)(void *ctx, const PlanoRegistro *r, PoaErr *err);
/* What the command line says when the document does not (--institucion,
 * --anio; NULL/0 = not given). A layout that finds neither in the document
 * nor here says so as an error naming what is missing. */
typedef struct {
    const char *institucion;
    int anio;
} PlanoOpciones;
typedef struct {
    const char *nombre;   /* "plantilla plana", "POA por bloques (ARS SEMMA)", … */
    bool (*detect)(Libro *l, int hoja, PoaErr *err);
    bool (*read)(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit, void *ctx,
                 PlanoAvisos *avisos, PoaErr *err);
} PlanoFormato;

#endif
