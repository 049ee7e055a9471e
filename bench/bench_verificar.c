/* bench_verificar.c — times verificar (every check, spelling suggestions
 * included) on a plan of 80,000 actividades built in memory: 200 units,
 * 6 ejes (three spellings of one), 40 objetivos, quarterly targets, reals
 * and published percentages. Usage: bench_verificar [actividades]. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "unificar.h"
#include "verificar.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int nacts = argc > 1 ? atoi(argv[1]) : 80000;
    const char *ejes[] = {"Financiero", "Finanzas", "Financiera", "Clientes", "Procesos Internos",
                          "Aprendizaje"};
    double t0 = now();
    Plan *p = plan_new("Banco de prueba", 2024);
    int nu = 200;
    for (int u = 0; u < nu; u++) {
        char name[64];
        snprintf(name, sizeof name, "Unidad %03d", u);
        plan_add_unidad(p, 0, name, "", "");
    }
    int eje[6], obj[40];
    for (int e = 0; e < 6; e++)
        eje[e] = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", ejes[e]);
    for (int o = 0; o < 40; o++) {
        char code[16], text[160];
        snprintf(code, sizeof code, "O.E.%d", o + 1);
        snprintf(text, sizeof text, "Objetivo estratégico número %d de la institución, con un "
                 "texto largo como los reales%s", o % 20, o % 20 == 3 ? "." : "");
        obj[o] = plan_add_node(p, NODE_OBJETIVO, 0, eje[o % 6], -1, -1, o < 20 ? "" : code, text);
    }
    int per_unit = nacts / nu, made = 0;
    for (int u = 0; u < nu && made < nacts; u++) {
        for (int m = 0; m < 4 && made < nacts; m++) {
            int meta = plan_add_node(p, NODE_META, 0, obj[(u + m * 7) % 40], -1, u, "", "Meta");
            for (int e = 0; e < 5 && made < nacts; e++) {
                int ent = plan_add_node(p, NODE_ENTREGABLE, 0, meta, -1, u, "", "Entregable");
                for (int k = 0; k < per_unit / 20 && made < nacts; k++, made++) {
                    char code[32];
                    /* one duplicate code per entregable */
                    snprintf(code, sizeof code, "AO.%d.%d.%d", m, e, k == 3 ? 2 : k);
                    int n = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, u, code, "Actividad");
                    Actividad *a = plan_act(p, n);
                    str_replace(&a->responsables, k % 50 ? "Unidad" : "");
                    a->meta_anual = (Valor){true, false, 12 + (k % 7 == 0)};
                    for (int q = 0; q < 4; q++)
                        a->trim[q] = (Valor){true, false, 3};
                    a->seg[2].real = (Valor){true, k % 11 == 0, 7 + k % 5};
                    char pub[16];
                    snprintf(pub, sizeof pub, "%d%%", (int)((7 + k % 5) * 100.0 / 9 + 0.5) +
                             (k % 97 == 0));
                    str_replace(&a->seg[2].pct_publicado, pub);
                }
            }
        }
    }
    double t1 = now();
    VerificarOpts o = {.corte = 3, .umbrales = calc_umbrales_default(), .archivo = "x.db"};
    Hallazgos h;
    int reps = 5;
    double best = 1e9;
    for (int r = 0; r < reps; r++) {
        double a = now();
        verificar_plan(p, &o, &h);
        double b = now();
        if (b - a < best)
            best = b - a;
        if (r < reps - 1)
            hallazgos_free(&h);
    }
    StrBuf out = {0};
    double a = now();
    verificar_json(p, &h, "x.db", &out);
    double jt = now() - a;
    UnificarSugerencia *s;
    a = now();
    int ns = unificar_sugerencias(p, NODE_OBJETIVO, &s);
    double st = now() - a;
    free(s);
    printf("plan: %d actividades, %d nodos, %d unidades (construido en %.1f ms)\n", p->nacts,
           p->nnodes, p->nunidades, (t1 - t0) * 1e3);
    printf("verificar_plan: %.1f ms (mejor de %d), %d errores, %d avisos\n", best * 1e3, reps,
           h.errores, h.avisos);
    printf("verificar_json: %.1f ms, %zu bytes\n", jt * 1e3, out.len);
    printf("unificar_sugerencias(objetivos): %.2f ms, %d sugerencias\n", st * 1e3, ns);
    sb_free(&out);
    hallazgos_free(&h);
    plan_free(p);
    return 0;
}
