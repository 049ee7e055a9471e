/* cli_seguimiento.c — poa seguimiento: the scripted entry of one
 * activity's real, observaciones, evidencia and causa (cause and corrective
 * measure) at a corte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd.h"
#include "seguimiento.h"
#include "verificar.h"

static void mostrar_actividad(const Plan *p, int node, int corte, const Config *cfg)
{
    const Node *n = &p->nodes[node];
    const Actividad *a = &p->acts[n->act];
    ResultadoAct r;
    calc_actividad(a, corte, &cfg->umbrales, &r);
    const Seguimiento *s = &a->seg[corte - 1];
    char b1[64], b2[64], nota[128];
    printf("%s · %s · corte %d (%s)\n", n->codigo, p->unidades[n->unidad].nombre, corte,
           POA_TRIM_RANGO[corte - 1]);
    printf("  real acumulado:      %s\n",
           s->real.has ? valor_format(&s->real, b1, sizeof b1) : "—");
    printf("  programado acumulado: %s\n", num_format(r.programado, b2, sizeof b2));
    if (r.has_pct)
        printf("  %% de ejecución:      %ld %% (%s)\n", calc_pct_entero(r.pct),
               semaforo_name(r.semaforo));
    else
        printf("  %% de ejecución:      — (%s)\n", calc_nota_estado(a, &r, nota, sizeof nota));
    if (*s->observaciones)
        printf("  observaciones:       %s\n", s->observaciones);
    if (*s->evidencia)
        printf("  evidencia:           %s\n", s->evidencia);
    if (*s->causa)
        printf("  causa y medida:      %s\n", s->causa);
}

int cli_seguimiento(const Args *a, const Config *cfg)
{
    if (a->npos != 1 || !a->actividad || a->corte == 0)
        return cli_usage_error("seguimiento espera ARCHIVO.db --corte N --actividad CÓDIGO "
                               "[--unidad NOMBRE] [--real V] [--observaciones T] "
                               "[--evidencia T] [--causa T]%s", "");
    SegCambio c = {.observaciones = a->observaciones, .evidencia = a->evidencia, .causa = a->causa};
    PoaErr err = {{0}};
    if (a->real) {
        c.set_real = true;
        if (!seguimiento_parse_real(a->real, &c.real, &err)) {
            fprintf(stderr, "poa: --real: %s\n", err.msg);
            return EXIT_USO;
        }
    }
    /* Excel's limit for a cell: bad input (exit 2), before the file is opened */
    const struct {
        const char *opt, *text;
    } textos[] = {{"--observaciones", a->observaciones}, {"--evidencia", a->evidencia},
                  {"--causa", a->causa}};
    for (size_t i = 0; i < POA_ARRAY_LEN(textos); i++)
        if (textos[i].text && cmd_texto_largo(textos[i].text) > CMD_TEXTO_MAX) {
            fprintf(stderr, "poa: %s de la actividad «%s», corte %d: el texto tiene %zu caracteres "
                    "y una celda de Excel admite hasta 32.767; acórtelo\n",
                    textos[i].opt, a->actividad, a->corte, cmd_texto_largo(textos[i].text));
            return EXIT_USO;
        }
    Db *db;
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_EXISTING, &db, &code);
    if (!p)
        return code;
    int node = seguimiento_buscar_actividad(p, a->actividad, a->unidad, &err);
    if (node < 0) {
        fprintf(stderr, "poa: %s\n", err.msg);
        code = EXIT_USO;
    } else {
        int n = 0;
        if (!seguimiento_editar(db, p, node, a->corte, &c, &n, &err)) {
            fprintf(stderr, "poa: %s\n", err.msg);
            cli_print_unchanged(db, a->pos[0]);
            code = EXIT_FALLO;
        } else {
            char msg[512];
            const Actividad *act = plan_act(p, node);
            if (verificar_real_desajuste(act, &act->seg[a->corte - 1].real, msg, sizeof msg))
                fprintf(stderr, "poa: aviso: %s (verificar lo informa como error)\n", msg);
            if (n == 0)
                printf("Sin cambios.\n");
            mostrar_actividad(p, node, a->corte, cfg);
        }
    }
    plan_free(p);
    db_close(db);
    return code;
}
