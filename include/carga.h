/* carga.h — the second step of opening a large plan (issue 14): a loader
 * thread with its own read-only connection checks the file (quick_check)
 * and reads the whole plan, while the interface shows the first page. The
 * thread touches nothing of the caller's: it hands over one finished Plan. */
#ifndef POA_CARGA_H
#define POA_CARGA_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "util.h"

typedef struct Carga Carga;

/* Starts the thread on path's plan plan_id. NULL (err written) when no
 * thread could be started: the caller then loads in its own thread. */
Carga *carga_new(const char *path, int64_t plan_id, PoaErr *err);
/* The thread has finished (carga_esperar will not wait). */
bool carga_lista(Carga *c);
/* Actividades read so far. */
int carga_leidas(const Carga *c);
/* Waits for the thread; returns the whole plan (the caller owns it) or
 * NULL with err. *aviso (the caller frees; NULL when nothing): the open's
 * notice, e.g. a damaged file, which must then be read only. Once. */
Plan *carga_esperar(Carga *c, char **aviso, PoaErr *err);
/* Stops the thread if it still runs (its reads are interrupted), waits for
 * it and frees what it left. Accepts NULL. */
void carga_free(Carga *c);

#endif
