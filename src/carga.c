/* carga.c — the loader thread of a large plan (carga.h): its own read-only
 * connection (db_open runs quick_check there), store_load, one Plan handed
 * over when joined. Nothing is shared with the interface thread but the
 * progress counter and the finished flag, both atomic. */
#include "carga.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store.h"

struct Carga {
    pthread_t hilo;
    bool unido;
    char *path;
    int64_t plan_id;
    _Atomic int leidas;
    atomic_bool lista;
    /* carga_free before the end: the thread's connection, under mutex, so
     * that it is interrupted while open and never after it was closed */
    pthread_mutex_t mutex;
    Db *db;
    bool cancelada;
    /* written by the thread, read after the join */
    Plan *plan;
    char *aviso;
    PoaErr err;
};

static void *cargar(void *arg)
{
    Carga *c = arg;
    /* DB_READONLY: a damaged file is read with a notice instead of refused;
     * the interface's connection already rolled back any hot journal */
    pthread_mutex_lock(&c->mutex);
    bool seguir = !c->cancelada;
    pthread_mutex_unlock(&c->mutex);
    /* the check after the connection is published: carga_free can stop it */
    DbRespaldos r = {.revision_aparte = true};
    Db *db = seguir ? db_open_respaldos(c->path, DB_READONLY, &r, &c->err) : NULL;
    if (db) {
        pthread_mutex_lock(&c->mutex);
        c->db = db;
        seguir = !c->cancelada;
        pthread_mutex_unlock(&c->mutex);
        /* read-only: a damaged file gives a notice, not a refusal (db.h) */
        if (seguir)
            seguir = db_revisar(db, &c->err);
        pthread_mutex_lock(&c->mutex);
        seguir = seguir && !c->cancelada;
        pthread_mutex_unlock(&c->mutex);
        if (seguir && db_aviso(db))
            c->aviso = xstrdup(db_aviso(db));
        if (seguir)
            c->plan = store_load_progreso(db, c->plan_id, &c->leidas, &c->err);
        pthread_mutex_lock(&c->mutex);
        c->db = NULL;
        pthread_mutex_unlock(&c->mutex);
        db_close(db);
    }
    atomic_store(&c->lista, true);
    return NULL;
}

Carga *carga_new(const char *path, int64_t plan_id, PoaErr *err)
{
    Carga *c = xcalloc(1, sizeof *c);
    c->path = xstrdup(path);
    c->plan_id = plan_id;
    atomic_init(&c->leidas, 0);
    atomic_init(&c->lista, false);
    pthread_mutex_init(&c->mutex, NULL);
    int rc = pthread_create(&c->hilo, NULL, cargar, c);
    if (rc != 0) {
        pthread_mutex_destroy(&c->mutex);
        err_set(err, "No se pudo leer el plan en segundo plano: %s", strerror(rc));
        free(c->path);
        free(c);
        return NULL;
    }
    return c;
}

bool carga_lista(Carga *c) { return atomic_load(&c->lista); }

int carga_leidas(const Carga *c)
{
    return atomic_load_explicit(&((Carga *)c)->leidas, memory_order_relaxed);
}

static void unir(Carga *c)
{
    if (!c->unido) {
        pthread_join(c->hilo, NULL);
        c->unido = true;
    }
}

Plan *carga_esperar(Carga *c, char **aviso, PoaErr *err)
{
    unir(c);
    *aviso = c->aviso;
    c->aviso = NULL;
    Plan *p = c->plan;
    c->plan = NULL;
    if (!p)
        err_set(err, "%s", c->err.msg[0] ? c->err.msg : "No se pudo leer el plan");
    return p;
}

void carga_free(Carga *c)
{
    if (!c)
        return;
    if (!c->unido) {   /* nobody waits for this plan: stop reading it */
        pthread_mutex_lock(&c->mutex);
        c->cancelada = true;
        if (c->db)
            db_interrumpir(c->db);
        pthread_mutex_unlock(&c->mutex);
    }
    unir(c);
    pthread_mutex_destroy(&c->mutex);
    plan_free(c->plan);
    free(c->aviso);
    free(c->path);
    free(c);
}
