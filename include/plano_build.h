/* plano_build.h — the one builder of plano.h records: validates each
 * record's values (every error of a file is kept, with its cell) and builds
 * the Plan by natural keys; and the flat template as a PlanoFormato. */
#ifndef POA_PLANO_BUILD_H
#define POA_PLANO_BUILD_H

#include <stdbool.h>

#include "libro.h"
#include "model.h"
#include "plano.h"
#include "util.h"

/* Errors kept in full; beyond this, only counted («… y N errores más»). */
#define PLANO_MAX_ERRORES 50
/* Excel's limit for the text of a cell: a longer text would import and
 * then make every XLSX export fail. */
#define PLANO_MAX_TEXTO 32767

typedef struct PlanoBuilder PlanoBuilder;

PlanoBuilder *plano_builder_new(const PlanoOpciones *op);
void plano_builder_free(PlanoBuilder *b);   /* accepts NULL */
/* The sheet the next records come from (for messages and the number rule:
 * text cells of a ';' CSV use the decimal comma). */
void plano_builder_hoja(PlanoBuilder *b, Libro *l, int hoja);
/* The PlanoEmit of the builder: ctx is the PlanoBuilder. Never stops the
 * reading: a record with errors is kept out of the plan and its errors
 * listed. */
bool plano_builder_emit(void *ctx, const PlanoRegistro *r, PoaErr *err);
/* An error the layout found in a row it could not make a record of
 * (takes the string). */
void plano_builder_error(PlanoBuilder *b, char *msg);
int plano_builder_nerrores(const PlanoBuilder *b);
/* The first PLANO_MAX_ERRORES errors, in the order found. */
const PlanoAvisos *plano_builder_errores(const PlanoBuilder *b);
/* Warnings of the records (a unit's misión differs between rows, …). */
PlanoAvisos *plano_builder_avisos(PlanoBuilder *b);
int plano_builder_nregistros(const PlanoBuilder *b);
/* The plan built (ownership passes to the caller), or NULL with err when
 * there were errors or no record at all. hoja_de_nodo (optional) gets, per
 * node index, the sheet the node first came from (caller frees). */
Plan *plano_builder_take(PlanoBuilder *b, int **hoja_de_nodo, PoaErr *err);

/* The header name as the template writes it for a header cell written any
 * way (" AÑO " -> anio, "Institución" -> institucion): -1 when unknown, -2
 * for a computed column of the export (ignored silently). */
int plano_col_buscar(const char *header);

/* "RD$; monto compartido" <-> moneda "RD$" + nota "monto compartido". */
void presupuesto_nota_split(const char *s, char **moneda, char **nota);
char *presupuesto_nota_join(const char *moneda, const char *nota);

/* The flat template, one actividad per row under a header row (which may
 * have title rows above it). */
extern const PlanoFormato FORMATO_PLANO;

#endif
