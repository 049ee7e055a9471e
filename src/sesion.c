/* sesion.c — opening a plan for a session (sesion.h): lock, file, choice of
 * plan and load, in that order, for both the command line and the interface. */
#include "sesion.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"

/* The interface waits this long (tenths of a second) for a command that holds
 * the lock: an import takes seconds, not minutes. */
#define SESION_ESPERA_DECIMAS 300

/* Takes the lock; false with err when another program writes (and this
 * session may not yield to it). */
static bool tomar_cerrojo(const SesionPedido *q, Sesion *s, PoaErr *err)
{
    CerrojoDueno d;
    PoaErr e = {{0}};
    CerrojoEstado st = cerrojo_proceso(q->path, q->programa, &d, &e);
    if (!q->ceder) {
        if (st != CERROJO_AJENO)
            return true;
        err_set(err, "«%s» está en %s (pid %ld): no se puede escribir; cierre esa sesión de "
                "poa y repita la orden", q->path, e.msg, d.pid);
        return false;
    }
    /* a command of poa (an import, say) is waited for; another interface is not */
    for (int i = 0; st == CERROJO_AJENO && strcmp(d.programa, "interfaz") != 0 &&
                    i < SESION_ESPERA_DECIMAS; i++) {
        if (i == 0 && q->esperando) {
            char *msg = xasprintf("esperando a que termine la orden de poa que escribe «%s» "
                                  "(pid %ld)…", q->path, d.pid);
            q->esperando(msg, q->ctx);
            free(msg);
        }
        nanosleep(&(struct timespec){0, 100000000L}, NULL);
        st = cerrojo_proceso(q->path, q->programa, &d, &e);
    }
    if (st == CERROJO_AJENO)
        cerrojo_motivo(&d, s->solo_lectura, sizeof s->solo_lectura);
    return true;
}

bool sesion_open(const SesionPedido *q, Sesion *s, SesionFallo *fallo, PoaErr *err)
{
    *s = (Sesion){0};
    *fallo = SESION_OK;
    DbMode modo = q->modo;
    if (modo != DB_READONLY && !tomar_cerrojo(q, s, err)) {
        *fallo = SESION_CERROJO;
        return false;
    }
    if (s->solo_lectura[0])
        modo = DB_READONLY;
    DbRespaldos r = {.carpeta = q->cfg->carpeta_respaldos,
                     .conservar = q->cfg->conservar_respaldos,
                     .revision_aparte = q->primera_pagina > 0};
    s->db = db_open_respaldos(q->path, modo, &r, err);
    if (!s->db) {
        *fallo = SESION_ARCHIVO;
        return false;
    }
    if (db_aviso(s->db))
        s->aviso = xstrdup(db_aviso(s->db));
    /* with primera_pagina, db_open left quick_check to us (below) */
    if (db_backup_path(s->db))
        s->migracion = xasprintf("«%s» se actualizó al formato nuevo; copia de respaldo: %s",
                                 q->path, db_backup_path(s->db));
    if (q->sin_plan)
        return true;
    int64_t id;
    if (!store_pick_plan(s->db, q->institucion, q->anio, q->cfg->institucion, q->cfg->anio,
                         &id, err)) {
        *fallo = SESION_ELEGIR;
    } else if (q->primera_pagina > 0 && store_count_actividades(s->db) >= q->desde) {
        s->pagina = true;
        if (!(s->plan = store_load_primeros(s->db, id, q->primera_pagina, &s->completo, err)))
            *fallo = SESION_CARGA;
    } else if (q->primera_pagina > 0 && !db_revisar(s->db, err)) {
        *fallo = SESION_ARCHIVO;   /* the check db_open left to us: a small plan runs it here */
    } else if (!(s->plan = store_load(s->db, id, err))) {
        *fallo = SESION_CARGA;
    }
    if (*fallo != SESION_OK) {
        plan_free(s->plan);
        db_close(s->db);
        s->plan = NULL;
        s->db = NULL;
        return false;
    }
    return true;
}

void sesion_close(Sesion *s)
{
    if (!s)
        return;
    plan_free(s->plan);
    db_close(s->db);
    free(s->aviso);
    free(s->migracion);
    memset(s, 0, sizeof *s);
}
