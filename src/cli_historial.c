/* cli_historial.c — `poa historial`: the change log for auditing (who changed
 * what, when, before and after), newest first, as text or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "json.h"

#define HISTORIAL_LIMITE 100

/* «valor», or — when the log has no value (an element added or deleted). */
static void valor(StrBuf *b, const char *s)
{
    if (s)
        sb_appendf(b, "«%s»", s);
    else
        sb_append(b, "—");
}

static void texto(const CambioFila *f, int n, StrBuf *b)
{
    for (int i = 0; i < n; i++) {
        const CambioFila *c = &f[i];
        /* one heading per action (and per description inside it: renumbering
         * names each element), then its fields */
        if (i == 0 || c->accion != f[i - 1].accion ||
            strcmp(c->descripcion, f[i - 1].descripcion) != 0)
            sb_appendf(b, "%s  %s  %s%s\n", c->momento, c->usuario, c->descripcion,
                       c->deshecho ? "  (deshecho)" : "");
        /* a bulk action's summary (and its undo or redo) has no field: its
         * heading already says what and how many rows */
        if (strcmp(c->tabla, "lote") == 0 && strcmp(c->campo, "lote") == 0)
            continue;
        sb_appendf(b, "    %s.%s: ", c->tabla, c->campo);
        valor(b, c->antes);
        sb_append(b, " → ");
        valor(b, c->despues);
        sb_putc(b, '\n');
    }
}

static void json(const CambioFila *f, int n, StrBuf *b)
{
    sb_append(b, "[");
    for (int i = 0; i < n; i++) {
        const CambioFila *c = &f[i];
        sb_appendf(b, "%s\n  {\"id\": %lld, \"accion\": %lld, \"momento\": ", i ? "," : "",
                   (long long)c->id, (long long)c->accion);
        json_string(b, c->momento);
        json_field(b, "usuario", c->usuario);
        json_field(b, "descripcion", c->descripcion);
        json_field(b, "tabla", c->tabla);
        sb_appendf(b, ", \"fila\": %lld, \"campo\": ", (long long)c->fila);
        json_string(b, c->campo);
        json_field(b, "antes", c->antes);
        json_field(b, "despues", c->despues);
        sb_appendf(b, ", \"deshecho\": %s}", c->deshecho ? "true" : "false");
    }
    sb_append(b, n ? "\n]\n" : "]\n");
}

int cli_historial(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("historial espera ARCHIVO.db [--limite N] [--json]%s", "");
    int limite = HISTORIAL_LIMITE;
    if (a->limite) {
        char *end;
        long v = strtol(a->limite, &end, 10);
        if (!*a->limite || *end || v < 0 || v > 100000000)
            return cli_usage_error("--limite espera un número de filas (0 = todas), no «%s»",
                                   a->limite);
        limite = (int)v;
    }
    int code = EXIT_OK;
    Db *db = cli_open_db(a->pos[0], DB_READONLY, cfg, &code);
    if (!db)
        return code;
    PoaErr err = {{0}};
    int64_t plan_id = 0;   /* every plan of the file, unless one is asked for */
    if ((a->institucion || a->anio) &&
        !store_find_plan(db, a->institucion, a->anio, &plan_id, &err)) {
        fprintf(stderr, "poa: %s\n", err.msg);
        db_close(db);
        return EXIT_USO;
    }
    CambioFila *f;
    int n;
    if (!store_list_cambios(db, plan_id, limite, &f, &n, &err)) {
        fprintf(stderr, "poa: %s\n", err.msg);
        db_close(db);
        return EXIT_FALLO;
    }
    StrBuf b = {0};
    if (a->json)
        json(f, n, &b);
    else if (n == 0)
        sb_append(&b, "El registro de cambios está vacío.\n");
    else
        texto(f, n, &b);
    fputs(sb_str(&b), stdout);
    sb_free(&b);
    store_cambios_free(f, n);
    db_close(db);
    return EXIT_OK;
}
