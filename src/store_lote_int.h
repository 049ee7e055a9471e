/* store_lote_int.h — private to store_lote*.c and deshacer*.c: the plan
 * tables as the images see them, recording, and putting images back. */
#ifndef POA_STORE_LOTE_INT_H
#define POA_STORE_LOTE_INT_H

#include "store_sql.h"
#include "util.h"

/* One plan table: its columns (schema order) and primary key (indices). */
typedef struct {
    char *nombre;
    char **cols;
    int ncols;
    int *pk;
    int npk;
} LoteTabla;

typedef struct {
    LoteTabla *v;
    int n;
} LoteTablas;

/* Every table of the file but cambio and imagen, read from the schema
 * itself: a table or column added later is captured without a change here. */
bool lote_tablas_leer(Db *db, LoteTablas *out, PoaErr *err);
void lote_tablas_free(LoteTablas *t);   /* accepts NULL */
const LoteTabla *lote_tabla(const LoteTablas *t, const char *nombre);

/* Starts recording the rows written on this connection under accion
 * (installs the TEMP triggers the first time); lote_parar stops it and
 * joins several images of one row into one. */
bool lote_grabar(Db *db, int64_t accion, PoaErr *err);
bool lote_parar(Db *db, int64_t accion, PoaErr *err);
/* Puts the images of accion back: antes (hacia_antes, an undo) or despues
 * (a redo). Every row must first be what the other side says, else
 * refused naming the row and the later change; what it writes is recorded
 * under registro, and a row it touched that accion did not (a cascade)
 * refuses too. verbo "deshacer"/"rehacer", desc the action, for messages.
 * Inside the caller's transaction; on false the caller rolls back. */
bool lote_aplicar(Db *db, int64_t accion, bool hacia_antes, int64_t registro,
                  const char *verbo, const char *desc, PoaErr *err);
/* Drops the images recorded under registro. */
bool lote_olvidar(Db *db, int64_t registro, PoaErr *err);

/* Messages (store_lote_texto.c). */
void lote_conflicto(Db *db, int64_t accion, const char *tabla, const char *clave,
                    const char *imagen, const char *verbo, const char *desc, PoaErr *err);
void lote_ajena(Db *db, int64_t accion, const char *tabla, const char *clave,
                const char *verbo, const char *desc, PoaErr *err);
/* The newest still-applied action after accion that wrote the row tabla
 * clave ("Editar texto, 14:02" into buf), "" when the log has none. */
void lote_posterior(Db *db, int64_t accion, const char *tabla, const char *clave, char *buf,
                    size_t n);
/* "1 eje, 3 objetivos, 40 actividades, 212 meses restaurados" for the
 * images of accion (hacia_antes: as an undo tells them, else a redo). */
bool lote_cuentas(Db *db, int64_t accion, bool hacia_antes, StrBuf *out, PoaErr *err);

#endif
