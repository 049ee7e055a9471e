/* formatos.h — the institutions' own layouts a workbook sheet may be in
 * (plano.h's PlanoFormato), the one table of label synonyms they match
 * against, and the helpers the recognisers share. docs/documentos.md. */
#ifndef POA_FORMATOS_H
#define POA_FORMATOS_H

#include <stdbool.h>

#include "libro.h"
#include "plano.h"

/* ARS SEMMA's POA: per unit and objective a block of Generales and a table
 * with a 12-month cronograma (formato_poa.c). */
extern const PlanoFormato FORMATO_POA_BLOQUES;
/* Caja Mutual's quarterly seguimiento table (formato_seguimiento.c). */
extern const PlanoFormato FORMATO_SEGUIMIENTO_TABLA;

/* poa's own reports (`poa exportar --xlsx`, formato_informe.c): the POA and
 * seguimiento sheets carry each activity's flat record in hidden columns
 * (PLANO_COLS on the header row, after a "poa:POA" or
 * "poa:seguimiento" marker); the printed cells that a person may edit
 * (months, responsables, presupuesto, real) are read from the sheet. The
 * POA sheet takes the seguimiento of a seguimiento sheet in the same
 * workbook (by unit, code and text), and that sheet then gives no records.
 * The tablero is recognised and skipped with a warning. */
extern const PlanoFormato FORMATO_INFORME_POA;
extern const PlanoFormato FORMATO_INFORME_SEGUIMIENTO;
extern const PlanoFormato FORMATO_INFORME_TABLERO;
/* Is the sheet one of poa's reports (POA, seguimiento or tablero)? The
 * institutions' layouts refuse such a sheet, so the order of the layouts
 * does not matter. */
bool formato_informe_es(Libro *l, int hoja);

/* ---- labels (sinonimos.c) ---- */

typedef enum {
    ETQ_NINGUNA = 0,
    /* the POA's Generales */
    ETQ_GENERALES, ETQ_NOMBRE, ETQ_FECHA, ETQ_AREA, ETQ_EJE, ETQ_OBJETIVO, ETQ_META_OP,
    /* the POA's table header */
    ETQ_ENTREGABLES, ETQ_INDICADORES, ETQ_ACTIVIDADES, ETQ_CRONOGRAMA, ETQ_RESPONSABLES,
    ETQ_PRESUPUESTO,
    /* the seguimiento's table header */
    ETQ_CODIGO, ETQ_ACCION, ETQ_LIDER, ETQ_UNIDAD_RESP, ETQ_META_ANUAL, ETQ_METAS_ANIO,
    ETQ_REAL, ETQ_PCT_EJECUCION, ETQ_OBSERVACIONES,
    /* lines of the seguimiento */
    ETQ_MISION, ETQ_NOTA,
    ETQ_N
} Etiqueta;

/* The label text begins with (case, accents, spaces and punctuation aside,
 * known misspellings included), or ETQ_NINGUNA. *resto (if not NULL) points
 * past the label and the ':', '.', '-' or spaces after it. Only labels of
 * the group [desde, hasta] are tried. */
Etiqueta sinonimo_prefijo(const char *texto, Etiqueta desde, Etiqueta hasta, const char **resto);
/* The label of the whole text, or ETQ_NINGUNA if anything but punctuation
 * follows it. */
Etiqueta sinonimo_exacto(const char *texto, Etiqueta desde, Etiqueta hasta);
/* The first label of [desde, hasta] that starts at a word of texto after
 * byte offset from: its offset in *inicio and the end of its words in
 * *fin (past the punctuation after it). false if none. (For a Generales
 * flattened into one cell.) */
bool sinonimo_buscar(const char *texto, Etiqueta desde, Etiqueta hasta, size_t *inicio,
                     size_t *fin);
/* The label's name for messages ("Eje o perspectiva"). */
const char *sinonimo_nombre(Etiqueta e);

/* ---- helpers of the recognisers (formato_comun.c) ---- */

/* A cell as the flat template writes it (caller frees): text trimmed;
 * percentage-format numbers "25%"; other numbers the shortest '.' form;
 * dates "AAAA-MM-DD". "" for an empty cell. */
char *formato_celda_texto(const Celda *c);
/* A fraction as a percentage ("0.31" -> "31%"), for a column that is a
 * percentage whatever its cell's format (% EJECUCIÓN). */
char *formato_celda_pct(const Celda *c);

/* One record being assembled: owned values and copies of their cells (the
 * Libro's cells die at the next row, and records may wait for a note that
 * comes after them). */
typedef struct {
    char *v[PLANO_NCOLS];
    Celda cel[PLANO_NCOLS];
    bool tiene_celda[PLANO_NCOLS];
    int fila;
} RegPlano;

/* Sets column col to a copy of texto; c (may be NULL: inherited or deduced)
 * is copied for messages. */
void reg_poner(RegPlano *r, PlanoCol col, const char *texto, const Celda *c);
/* Sets col to texto, taking the string. */
void reg_tomar(RegPlano *r, PlanoCol col, char *texto, const Celda *c);
/* Copies every value and cell of src into dst (dst freed first). */
void reg_copiar(RegPlano *dst, const RegPlano *src);
bool reg_emitir(const RegPlano *r, PlanoEmit emit, void *ctx, PoaErr *err);
void reg_free(RegPlano *r);
/* Appends an empty record to the array *v (*n used, *cap allocated) for
 * source row fila, with the institution and year every record of a document
 * carries (no source cell). The array may move. */
RegPlano *reg_nuevo(RegPlano **v, int *n, int *cap, int fila, const char *institucion,
                    const char *anio);

/* Adds "lugar: mensaje" (the cell's place, or the sheet's with c NULL). */
void formato_aviso(PlanoAvisos *a, const Libro *l, int hoja, const Celda *c, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));
/* The first non-empty cell of f at or after column desde (0-based), or NULL. */
const Celda *formato_primera(const Fila *f, int desde);
/* Non-empty cells in f. */
int formato_nllenas(const Fila *f);
/* A leading code ("1.1", "1.1.", "AO.3.1.", "O.E.3.", "6") split from its
 * text: the code without its final '.', in *cod (caller frees), and a
 * pointer to the text after it. false (and *cod NULL) when text does not
 * start with a code. */
bool formato_codigo(const char *texto, char **cod, const char **resto);
/* Budgets (formato_presupuesto.c). An amount as written ("$1.500.000,00",
 * "RD$1,500.000.00", "30,000,000.00", "$9,450.00 (viaticos)"): the number,
 * its currency ("" if none) and what follows it; *mezclado when the marks
 * are inconsistent. The last mark followed by exactly two digits is the
 * decimal one. */
bool formato_monto_leer(const char *s, double *v, char *moneda, size_t nm, const char **resto,
                        bool *mezclado);
/* Budget-like: a number, an amount, N/A, a note about the PAC. */
bool formato_es_presupuesto(const Celda *c);
/* Sets presupuesto ("1500000.00") and presupuesto_nota ("RD$", "$; (viaticos)",
 * "N/A") of r from c; warns (l, hoja) on mixed marks. */
void formato_presupuesto_poner(RegPlano *r, const Celda *c, const Libro *l, int hoja,
                               PlanoAvisos *av);
/* "CAJA MUTUAL DE EDUCACIÓN" -> "Caja Mutual de Educación" (Spanish
 * particles in lowercase); caller frees. */
char *formato_titulo(const char *s);

#endif
