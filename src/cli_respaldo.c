/* cli_respaldo.c — poa respaldo: a backup of the plan on demand (into the
 * [respaldos] folder, a folder, or a new file) and putting one back. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli.h"
#include "db.h"
#include "respaldo.h"
#include "util.h"

static int restaurar(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("respaldo --restaurar espera ARCHIVO.db --restaurar RESPALDO%s",
                               "");
    const char *plan = a->pos[0];
    DbRespaldos r = {.carpeta = cfg->carpeta_respaldos, .conservar = cfg->conservar_respaldos};
    PoaErr err = {{0}};
    char *previo = NULL;
    if (!db_restaurar(plan, a->restaurar, &r, &previo, &err)) {
        fprintf(stderr, "poa: %s\n", err.msg);
        return EXIT_FALLO;
    }
    printf("Restaurado «%s» desde «%s».\n", plan, a->restaurar);
    if (previo)
        printf("El plan que había quedó guardado en «%s».\n", previo);
    free(previo);
    return EXIT_OK;
}

int cli_respaldo(const Args *a, const Config *cfg)
{
    if (a->restaurar)
        return restaurar(a, cfg);
    if (a->npos < 1 || a->npos > 2)
        return cli_usage_error("respaldo espera ARCHIVO.db [DESTINO], o ARCHIVO.db --restaurar "
                               "RESPALDO%s", "");
    const char *plan = a->pos[0], *destino = a->npos == 2 ? a->pos[1] : NULL;
    int code = EXIT_OK;
    /* reading is enough: SQLite's backup API copies a consistent state */
    Db *db = cli_open_db(plan, DB_READONLY, cfg, &code);
    if (!db)
        return code;
    PoaErr err = {{0}};
    bool ok;
    char *hecho = NULL;
    struct stat st;
    if (!destino) {
        ok = db_respaldo(db, "manual", &err);
        if (ok)
            hecho = xstrdup(db_respaldo_path(db));
    } else if (stat(destino, &st) == 0 && S_ISDIR(st.st_mode)) {
        hecho = respaldo_nuevo_nombre(plan, destino, "manual");
        ok = db_respaldo_a(db, hecho, &err);
    } else {
        hecho = xstrdup(destino);
        ok = db_respaldo_a(db, hecho, &err);
    }
    db_close(db);
    if (!ok) {
        fprintf(stderr, "poa: %s\n", err.msg);
        free(hecho);
        return EXIT_FALLO;
    }
    printf("Copia de respaldo de «%s»: %s\n", plan, hecho);
    free(hecho);
    return EXIT_OK;
}
