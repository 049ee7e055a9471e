/* cli_verificar.c — poa verificar: the plan's checks and its consolidated
 * figures, as text or JSON; exit 1 when there are errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "verificar.h"

int cli_verificar(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("verificar espera ARCHIVO.db%s", "");
    Db *db;
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_READONLY, &db, &code);
    if (!p)
        return code;
    VerificarOpts o = {.corte = a->corte, .umbrales = cfg->umbrales, .regla = cfg->regla,
                       .archivo = a->pos[0]};
    Hallazgos h;
    verificar_plan(p, &o, &h);
    StrBuf out = {0};
    if (a->json)
        verificar_json(p, &h, a->pos[0], &out);
    else
        verificar_texto(p, &h, a->pos[0], &out);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
    code = h.errores > 0 ? EXIT_FALLO : EXIT_OK;
    hallazgos_free(&h);
    plan_free(p);
    db_close(db);
    return code;
}
