/* store_captura.h — table captura: the capture workbooks sent to the units
 * and their return (store_captura.c). Inside the caller's transaction. */
#ifndef POA_STORE_CAPTURA_H
#define POA_STORE_CAPTURA_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "util.h"

typedef struct {
    int64_t id, plan_id, unidad_id;
    int corte;
    char enviada_en[32];
    char recibida_en[32];
} CapturaFila;

/* One workbook written: enviada_en is local time "AAAA-MM-DD HH:MM:SS". */
bool store_captura_insert(Db *db, int64_t plan_id, int64_t unidad_id, int corte,
                          const char *enviada_en, const char *archivo, const char *huella,
                          PoaErr *err);
/* The row of huella; *found false when the file has none. */
bool store_captura_buscar(Db *db, const char *huella, CapturaFila *out, bool *found,
                          PoaErr *err);
/* The workbook came back: recibida_en = now, recibida_de = the file read. */
bool store_captura_recibir(Db *db, int64_t id, const char *recibida_en,
                           const char *recibida_de, PoaErr *err);

#endif
