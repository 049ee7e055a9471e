/* test_verificar.c — the plan checks: the Caja acceptance test (every row of
 * the export at corte 3 gives the published %, except the rows not due yet
 * and exactly the rows verificar reports as errors), the DOMAIN.md edge
 * cases, each aviso, the spelling suggestions on the ARS plan, and JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "db.h"
#include "plancsv.h"
#include "store.h"
#include "testlib.h"
#include "unificar.h"
#include "json.h"
#include "verificar.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"
#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

/* ---- helpers ---- */

/* Copies the fixture replacing, in the row of (unidad, codigo), the given
 * column with a new value: the source "typing errors" of the tests. */
typedef struct {
    const char *unidad, *codigo, *columna, *valor;
} Cambio;

static char *fixture_with(const Cambio *c, int n, const char *name)
{
    char *out = t_tmp(name);
    PoaErr err = {{0}};
    CsvReader *r = csv_open(CAJA, &err);
    FILE *f = fopen(out, "w");
    CHECK(r && f);
    CsvRow row;
    int iu = -1, ic = -1, cols[8], line = 0;
    while (csv_next(r, &row, &err) == 1) {
        if (line++ == 0) {
            for (int i = 0; i < row.nfields; i++) {
                if (!strcmp(row.fields[i], "unidad"))
                    iu = i;
                if (!strcmp(row.fields[i], "actividad_codigo"))
                    ic = i;
                for (int k = 0; k < n; k++)
                    if (!strcmp(row.fields[i], c[k].columna))
                        cols[k] = i;
            }
        }
        for (int i = 0; i < row.nfields; i++) {
            const char *v = row.fields[i];
            for (int k = 0; k < n && line > 1; k++)
                if (i == cols[k] && !strcmp(row.fields[iu], c[k].unidad) &&
                    !strcmp(row.fields[ic], c[k].codigo))
                    v = c[k].valor;
            if (i)
                fputc(',', f);
            csv_write_field(f, v, false);
        }
        fputc('\n', f);
    }
    csv_close(r);
    fclose(f);
    return out;
}

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (!strcmp(*list, s))
            return true;
    return false;
}

static int list_len(const char *const *list)
{
    int n = 0;
    while (list[n])
        n++;
    return n;
}

static long whole(const char *s)
{
    double v;
    bool pct;
    if (!num_parse_pct(s, &v, &pct))
        return -999999;
    return calc_pct_entero(v);
}

/* The acceptance test: import csv, export --corte 3 with computed columns,
 * and compare every row's pct_ejecucion with pct_publicado. */
static void check_caja(const char *csv, const char *const *no_vencidas,
                       const char *const *errores_fuente)
{
    Plan *p = t_import_tmp("acept.db", csv);
    if (!p)
        return;
    char *out = t_tmp("acept.csv");
    CsvExportOpts o = {.corte = 3, .calculadas = true, .umbrales = calc_umbrales_default()};
    PoaErr err = {{0}};
    int rows = 0;
    CHECK(plancsv_export(p, out, &o, &rows, &err));
    CHECK_INT(rows, 89);

    Hallazgos h;
    VerificarOpts vo = {.corte = 3, .umbrales = calc_umbrales_default()};
    verificar_plan(p, &vo, &h);
    /* "unidad|código" of every error finding */
    char **err_rows = calloc((size_t)h.n + 1, sizeof *err_rows);
    int nerr = 0;
    for (int i = 0; i < h.n; i++) {
        if (h.v[i].sev != SEV_ERROR)
            continue;
        char *k = xasprintf("%s|%s", p->unidades[h.v[i].unidad].nombre, h.v[i].codigo);
        bool dup = false;
        for (int j = 0; j < nerr; j++)
            dup |= !strcmp(err_rows[j], k);
        if (dup)
            free(k);
        else
            err_rows[nerr++] = k;
    }

    CsvReader *r = csv_open(out, &err);
    CHECK(r != NULL);
    CsvRow row;
    int iu = -1, ic = -1, ip = -1, ie = -1, is = -1, line = 0, na = 0, nb = 0;
    while (r && csv_next(r, &row, &err) == 1) {
        if (line++ == 0) {
            for (int i = 0; i < row.nfields; i++) {
                const char *f = row.fields[i];
                if (!strcmp(f, "unidad")) iu = i;
                if (!strcmp(f, "actividad_codigo")) ic = i;
                if (!strcmp(f, "pct_publicado")) ip = i;
                if (!strcmp(f, "pct_ejecucion")) ie = i;
                if (!strcmp(f, "estado")) is = i;
            }
            CHECK(iu >= 0 && ic >= 0 && ip >= 0 && ie >= 0 && is >= 0);
            continue;
        }
        char key[512];
        snprintf(key, sizeof key, "%s|%s", row.fields[iu], row.fields[ic]);
        bool igual = *row.fields[ie] && whole(row.fields[ie]) == whole(row.fields[ip]);
        if (igual) {
            /* a row that matches is neither kind of exception */
            if (in_list(no_vencidas, key) || in_list(errores_fuente, key))
                t_report(false, __FILE__, __LINE__, "expected an exception", key);
            continue;
        }
        if (!strcmp(row.fields[is], "no vencida") && whole(row.fields[ip]) == 0) {
            /* (a) nothing programmed up to the corte, published as 0 % */
            na++;
            if (!in_list(no_vencidas, key))
                t_report(false, __FILE__, __LINE__, "unexpected no vencida", key);
        } else {
            /* (b) the source is wrong: verificar must report it as an error */
            nb++;
            if (!in_list(errores_fuente, key))
                t_report(false, __FILE__, __LINE__, "unexpected mismatch", key);
            bool reported = false;
            for (int j = 0; j < nerr; j++)
                reported |= !strcmp(err_rows[j], key);
            if (!reported)
                t_report(false, __FILE__, __LINE__, "mismatch not reported by verificar", key);
        }
    }
    csv_close(r);
    CHECK_INT(na, list_len(no_vencidas));
    CHECK_INT(nb, list_len(errores_fuente));
    /* and verificar reports nothing else as an error */
    CHECK_INT(nerr, list_len(errores_fuente));
    for (int j = 0; j < nerr; j++) {
        if (!in_list(errores_fuente, err_rows[j]))
            t_report(false, __FILE__, __LINE__, "error without a mismatch", err_rows[j]);
        free(err_rows[j]);
    }
    free(err_rows);
    hallazgos_free(&h);
    plan_free(p);
    free(out);
}

/* ---- the acceptance test ---- */

TEST(caja_corte3_as_published)
{
    /* The fixture itself: one row is not due at corte 3 (target only in
     * OCT-DIC, published "0%" with "Auditoría programada para el cuarto
     * trimestre"); no row has a wrong source figure. */
    static const char *const no_vencidas[] = {"Auditoría Interna|AO.3.2", NULL};
    static const char *const ninguno[] = {NULL};
    check_caja(CAJA, no_vencidas, ninguno);
}

TEST(caja_with_typing_errors)
{
    /* The kinds of mistakes DOMAIN.md describes, typed into real rows. */
    static const Cambio c[] = {
        {"Comercialización", "AO.6.1", "pct_publicado", "45%"},     /* 479 ÷ 1565 is 31 % */
        {"Operaciones", "AO.6.4", "real", "18207%"},                /* a count written as % */
        {"Logística y Activos", "AO.3.5", "real", "75"},            /* 75 without % vs 25 %/trim */
        {"UAIP", "AO.6.3", "pct_publicado", "100%"},               /* 1 ÷ 6 is 17 % */
    };
    char *csv = fixture_with(c, 4, "caja_errores.csv");
    static const char *const no_vencidas[] = {"Auditoría Interna|AO.3.2", NULL};
    static const char *const errores[] = {
        "Comercialización|AO.6.1", "Operaciones|AO.6.4", "Logística y Activos|AO.3.5",
        "UAIP|AO.6.3", NULL};
    check_caja(csv, no_vencidas, errores);
    free(csv);
}

TEST(caja_findings)
{
    Plan *p = t_import_tmp("hallazgos.db", CAJA);
    Hallazgos h;
    VerificarOpts vo = {.corte = 0, .umbrales = calc_umbrales_default(), .archivo = "caja.db"};
    verificar_plan(p, &vo, &h);
    CHECK_INT(h.corte, 3);   /* the latest corte with data */
    CHECK_INT(h.errores, 0);
    /* due and not reported: named */
    const char *sin[] = {"Auditoría Interna|AO.4.1", "Planificación y Desarrollo Institucional|AO.6.11",
                         "Planificación y Desarrollo Institucional|AO.6.12",
                         "Planificación y Desarrollo Institucional|AO.6.13", NULL};
    int n = 0;
    for (int i = 0; i < h.n; i++) {
        if (strcmp(h.v[i].regla, "sin_reporte") != 0)
            continue;
        char k[300];
        snprintf(k, sizeof k, "%s|%s", p->unidades[h.v[i].unidad].nombre, h.v[i].codigo);
        CHECK(in_list(sin, k));
        CHECK_STR(h.v[i].campo, "real");
        n++;
    }
    CHECK_INT(n, 4);
    CHECK_INT(h.avisos, 4);
    hallazgos_free(&h);
    plan_free(p);
}

/* ---- edge cases on a plan built in memory ---- */

static Plan *plan_uno(int *node)
{
    Plan *p = plan_new("Prueba", 2024);
    int u = plan_add_unidad(p, 0, "Unidad A", "", "");
    int e = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "");
    int o = plan_add_node(p, NODE_OBJETIVO, 0, e, -1, -1, "O.E.1", "Objetivo");
    int m = plan_add_node(p, NODE_META, 0, o, -1, u, "", "");
    int en = plan_add_node(p, NODE_ENTREGABLE, 0, m, -1, u, "", "");
    *node = plan_add_node(p, NODE_ACTIVIDAD, 0, en, -1, u, "A.1", "Actividad");
    str_replace(&plan_act(p, *node)->responsables, "Unidad A");
    return p;
}

static void set_targets(Actividad *a, const char *anual, const char *t1, const char *t2,
                        const char *t3, const char *t4)
{
    CHECK(valor_parse(anual, &a->meta_anual));
    CHECK(valor_parse(t1, &a->trim[0]));
    CHECK(valor_parse(t2, &a->trim[1]));
    CHECK(valor_parse(t3, &a->trim[2]));
    CHECK(valor_parse(t4, &a->trim[3]));
}

static void set_seg(Actividad *a, const char *real, const char *pub)
{
    CHECK(valor_parse(real, &a->seg[2].real));
    str_replace(&a->seg[2].pct_publicado, pub);
}

static int count_regla(const Hallazgos *h, const char *regla, Severidad sev)
{
    int n = 0;
    for (int i = 0; i < h->n; i++)
        if (!strcmp(h->v[i].regla, regla) && h->v[i].sev == sev)
            n++;
    return n;
}

static void run(Plan *p, Hallazgos *h)
{
    VerificarOpts vo = {.corte = 3, .umbrales = calc_umbrales_default()};
    verificar_plan(p, &vo, h);
}

TEST(edge_500_not_capped)
{
    int n;
    Plan *p = plan_uno(&n);
    Actividad *a = plan_act(p, n);
    set_targets(a, "8", "2", "2", "2", "2");
    set_seg(a, "30", "500%");
    Hallazgos h;
    run(p, &h);
    CHECK_INT(h.errores, 0);
    CHECK_INT(h.avisos, 0);
    hallazgos_free(&h);
    /* publishing the capped figure would be the wrong number */
    set_seg(a, "30", "100%");
    run(p, &h);
    CHECK_INT(count_regla(&h, "pct_publicado", SEV_ERROR), 1);
    CHECK_CONTAINS(h.v[0].mensaje, "(100 %) no coincide con el calculado (500 % = 30 ÷ 6)");
    CHECK_STR(h.v[0].campo, "pct_publicado");
    CHECK_STR(h.v[0].valor, "100%");
    CHECK_STR(h.v[0].codigo, "A.1");
    CHECK_INT(h.v[0].unidad, 0);
    CHECK_INT(h.v[0].node, n);
    hallazgos_free(&h);
    plan_free(p);
}

TEST(edge_fraction_vs_percent)
{
    int n;
    Plan *p = plan_uno(&n);
    Actividad *a = plan_act(p, n);
    set_targets(a, "100%", "25%", "25%", "25%", "25%");
    Hallazgos h;
    set_seg(a, "0.75", "100%");   /* the fraction means 75 % */
    run(p, &h);
    CHECK_INT(h.errores + h.avisos, 0);
    hallazgos_free(&h);
    set_seg(a, "75%", "100%");
    run(p, &h);
    CHECK_INT(h.errores + h.avisos, 0);
    hallazgos_free(&h);
    set_seg(a, "75", "100%");     /* 75 without %: 7500 % */
    run(p, &h);
    CHECK_INT(count_regla(&h, "real_unidad", SEV_ERROR), 1);
    CHECK_INT(count_regla(&h, "pct_publicado", SEV_ERROR), 1);
    CHECK_CONTAINS(h.v[0].mensaje, "«75» no lleva %");
    CHECK_STR(h.v[0].valor, "75");
    hallazgos_free(&h);
    set_seg(a, "1.2", "160%");    /* a fraction above 1: over-achievement, not a unit error */
    run(p, &h);
    CHECK_INT(h.errores, 0);
    hallazgos_free(&h);
    /* a count target with a real written as a percentage ("900.0%" for 9) */
    set_targets(a, "12", "3", "3", "3", "3");
    set_seg(a, "900.0%", "100%");
    run(p, &h);
    CHECK_INT(count_regla(&h, "real_unidad", SEV_ERROR), 1);
    CHECK_CONTAINS(h.v[0].mensaje, "la meta es una cantidad (12)");
    hallazgos_free(&h);
    /* targets of one deliverable in fractions read a % real as a fraction */
    set_targets(a, "1", "0.2", "0.2", "0.3", "0.3");
    set_seg(a, "70%", "100%");
    run(p, &h);
    CHECK_INT(h.errores, 0);
    hallazgos_free(&h);
    plan_free(p);
}

TEST(edge_only_q4)
{
    int n;
    Plan *p = plan_uno(&n);
    Actividad *a = plan_act(p, n);
    set_targets(a, "1", "", "", "", "1");
    set_seg(a, "", "0%");
    Hallazgos h;
    run(p, &h);
    CHECK_INT(h.errores + h.avisos, 0);   /* not due: "0%" is how it is published */
    hallazgos_free(&h);
    set_seg(a, "", "100%");
    run(p, &h);
    CHECK_INT(count_regla(&h, "pct_publicado", SEV_ERROR), 1);
    CHECK_CONTAINS(h.v[0].mensaje, "no había nada programado");
    hallazgos_free(&h);
    set_seg(a, "1", "0%");        /* reported early */
    run(p, &h);
    CHECK_INT(h.errores, 0);
    CHECK_INT(count_regla(&h, "real_sin_programar", SEV_AVISO), 1);
    CHECK_CONTAINS(h.v[0].mensaje, "cuarto trimestre");
    hallazgos_free(&h);
    /* due in Q3 and not reported */
    set_targets(a, "1", "", "", "1", "");
    set_seg(a, "", "0%");
    run(p, &h);
    CHECK_INT(h.errores, 0);
    CHECK_INT(count_regla(&h, "sin_reporte", SEV_AVISO), 1);
    hallazgos_free(&h);
    plan_free(p);
}

TEST(edge_targets_not_adding_up)
{
    int n;
    Plan *p = plan_uno(&n);
    Actividad *a = plan_act(p, n);
    set_targets(a, "1", "", "1", "1", "");
    set_seg(a, "2", "100%");
    Hallazgos h;
    run(p, &h);
    CHECK_INT(h.errores, 0);
    CHECK_INT(count_regla(&h, "metas_suma", SEV_AVISO), 1);
    CHECK_STR(h.v[0].campo, "meta_anual");
    CHECK_STR(h.v[0].valor, "1");
    CHECK_CONTAINS(h.v[0].mensaje, "suman 2 (— + 1 + 1 + —), pero la meta anual es 1");
    hallazgos_free(&h);
    /* 25 % × 4 = 100 %: adds up */
    set_targets(a, "100%", "25%", "25%", "25%", "25%");
    set_seg(a, "0.75", "100%");
    run(p, &h);
    CHECK_INT(h.errores + h.avisos, 0);
    hallazgos_free(&h);
    /* monthly cronograma against a written meta anual */
    set_targets(a, "10", "", "", "", "");
    for (int m = 0; m < 12; m++)
        a->mes[m] = (MesCell){CELL_X, 1};
    set_seg(a, "", "");
    run(p, &h);
    CHECK_INT(count_regla(&h, "metas_suma", SEV_AVISO), 1);
    CHECK_CONTAINS(h.v[0].mensaje, "del cronograma por trimestre suman 12");
    hallazgos_free(&h);
    plan_free(p);
}

TEST(avisos_structure)
{
    int n;
    Plan *p = plan_uno(&n);
    Actividad *a = plan_act(p, n);
    str_replace(&a->responsables, " ");   /* empty */
    int n2 = plan_add_node(p, NODE_ACTIVIDAD, 0, p->nodes[n].parent, -1, 0, "A.1", "Otra");
    str_replace(&plan_act(p, n2)->responsables, "X");
    set_targets(plan_act(p, n2), "4", "1", "1", "1", "1");
    Hallazgos h;
    run(p, &h);
    CHECK_INT(h.errores, 0);
    CHECK_INT(count_regla(&h, "sin_meta", SEV_AVISO), 1);
    CHECK_INT(count_regla(&h, "responsables_vacio", SEV_AVISO), 1);
    CHECK_INT(count_regla(&h, "codigo_duplicado", SEV_AVISO), 1);
    CHECK_INT(count_regla(&h, "sin_reporte", SEV_AVISO), 1);
    for (int i = 0; i < h.n; i++)
        if (!strcmp(h.v[i].regla, "codigo_duplicado")) {
            CHECK_INT(h.v[i].node, n2);
            CHECK_STR(h.v[i].campo, "actividad_codigo");
            CHECK_STR(h.v[i].valor, "A.1");
        }
    hallazgos_free(&h);
    plan_free(p);
}

/* ---- spelling ---- */

TEST(similar_names)
{
    CHECK(unificar_nombres_similares("Financiero", "Finanzas"));
    CHECK(unificar_nombres_similares("Financiero", "Financiera"));
    CHECK(unificar_nombres_similares("Finanzas", "Financiera"));
    CHECK(unificar_nombres_similares("Financieros", "Financiero"));
    CHECK(unificar_nombres_similares("Cliente", "Clientes"));
    CHECK(unificar_nombres_similares("Procesos internos", "Procesos Internos"));
    CHECK(unificar_nombres_similares("Proceso internos", "Procesos Internos"));
    CHECK(unificar_nombres_similares("Gestión", "GESTION"));
    CHECK(unificar_nombres_similares("Aprendizaje", "Aprendisaje"));
    CHECK(!unificar_nombres_similares("Aprendizaje", "Clientes"));
    CHECK(!unificar_nombres_similares("Financiero", "Clientes"));
    CHECK(!unificar_nombres_similares("Procesos Internos", "Aprendizaje"));
    CHECK(!unificar_nombres_similares("Clientes", "Procesos"));
    CHECK(!unificar_nombres_similares("Clientes", "Clientes/ Afiliados"));
    CHECK(!unificar_nombres_similares("", ""));
    /* numbers must agree: a different objetivo or year, not a typo */
    CHECK(!unificar_nombres_similares("Plan 2023", "Plan 2024"));
    CHECK(!unificar_nombres_similares(
        "Objetivo estratégico número 1 de la institución, con un texto largo",
        "Objetivo estratégico número 2 de la institución, con un texto largo"));
    CHECK(unificar_nombres_similares("Objetivo 1 de la institución con texto largo",
                                     "Objetivo 1 de la institucion, con texto largo."));
    CHECK(unificar_nombres_similares(
        "Alcanzar un balance financiero favorable a la institución mediante el fortalecimiento "
        "de los controles, la capacitación y fidelización",
        "Alcanzar un balance financiero favorable a la institución, mediante el "
        "fortalecimiento de los controles, la captación y fidelización."));
    CHECK(!unificar_nombres_similares(
        "Mejorar continuamente los servicios, prestaciones y beneficios para la población",
        "Modernizar y simplificar los servicios brindados a la población asegurada"));
}

/* The cluster (set of names) each eje name was grouped with. */
static const char *destino_de(const Plan *p, const UnificarSugerencia *s, int n, const char *eje)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(unificar_nombre(p, s[i].origen), eje))
            return unificar_nombre(p, s[i].destino);
    return NULL;
}

TEST(ars_suggestions)
{
    Plan *p = t_import_tmp("ars.db", ARS);
    if (!p)
        return;
    UnificarSugerencia *s;
    int n = unificar_sugerencias(p, NODE_EJE, &s);
    /* each group goes to its eje with most actividades */
    CHECK_INT(n, 5);
    CHECK_STR(destino_de(p, s, n, "Financiero"), "Finanzas");
    CHECK_STR(destino_de(p, s, n, "Financiera"), "Finanzas");
    CHECK_STR(destino_de(p, s, n, "Clientes"), "Cliente");
    CHECK_STR(destino_de(p, s, n, "Procesos internos"), "Procesos Internos");
    CHECK_STR(destino_de(p, s, n, "Proceso internos"), "Procesos Internos");
    CHECK(destino_de(p, s, n, "Aprendizaje") == NULL);
    for (int i = 0; i < n; i++) {
        CHECK(strcmp(unificar_nombre(p, s[i].destino), "Aprendizaje") != 0);
        CHECK(strcmp(unificar_nombre(p, s[i].destino), "Clientes/ Afiliados") != 0);
    }
    free(s);

    Hallazgos h;
    VerificarOpts vo = {.umbrales = calc_umbrales_default(), .archivo = "poa 2024.db"};
    verificar_plan(p, &vo, &h);
    CHECK_INT(h.corte, 0);
    CHECK_INT(h.errores, 0);
    bool found = false;
    for (int i = 0; i < h.n; i++)
        if (!strcmp(h.v[i].regla, "nombre_similar") && !strcmp(h.v[i].valor, "Financiero")) {
            found = true;
            CHECK_STR(h.v[i].sugerencia,
                      "poa unificar \"poa 2024.db\" --eje \"Financiero\" --en \"Finanzas\"");
            CHECK_STR(h.v[i].campo, "eje");
            CHECK_INT(h.v[i].unidad, -1);
            CHECK(h.v == &h.v[i] || h.v[h.n - 1].unidad == -1);   /* plan-wide ones last */
        }
    CHECK(found);
    hallazgos_free(&h);

    n = unificar_sugerencias(p, NODE_OBJETIVO, &s);
    CHECK_INT(n, 4);   /* trailing period ×2, comma + "capacitación", "y"/"a" */
    free(s);
    plan_free(p);
}

/* An eje without a name among named ones, and an objetivo without code
 * or text: one nombre_vacio each; a plan with no named eje has none. */
static int cuenta_vacios(Plan *p, const char **campos, int max)
{
    Hallazgos h;
    VerificarOpts vo = {.umbrales = calc_umbrales_default()};
    verificar_plan(p, &vo, &h);
    int k = 0;
    for (int i = 0; i < h.n; i++)
        if (!strcmp(h.v[i].regla, "nombre_vacio")) {
            if (k < max)
                campos[k] = !strcmp(h.v[i].campo, "eje") ? "eje" : "objetivo";
            k++;
            CHECK_INT(h.v[i].unidad, -1);
            CHECK(h.v[i].sev == SEV_AVISO);
        }
    hallazgos_free(&h);
    return k;
}

TEST(empty_names)
{
    int node;
    Plan *p = plan_uno(&node);   /* its only eje has no name: the Caja's shape */
    const char *c[4] = {0};
    CHECK_INT(cuenta_vacios(p, c, 4), 0);
    int u = p->nodes[node].unidad;
    int e = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "Financiero");
    int o = plan_add_node(p, NODE_OBJETIVO, 0, e, -1, -1, "", "");
    int m = plan_add_node(p, NODE_META, 0, o, -1, u, "", "");
    int en = plan_add_node(p, NODE_ENTREGABLE, 0, m, -1, u, "", "");
    plan_add_node(p, NODE_ACTIVIDAD, 0, en, -1, u, "B.1", "Otra");
    CHECK_INT(cuenta_vacios(p, c, 4), 2);
    CHECK_STR(c[0], "eje");        /* the first eje, now among a named one */
    CHECK_STR(c[1], "objetivo");   /* «Financiero»'s objetivo without text */
    plan_free(p);
}

/* ---- output ---- */

TEST(json_escaping)
{
    StrBuf b = {0};
    json_string(&b, "a\"b\\c\n\t\x01ü€\xff\xe2\x80\xa8/");
    CHECK_STR(sb_str(&b), "\"a\\\"b\\\\c\\n\\t\\u0001ü€\\ufffd\\u2028/\"");
    sb_free(&b);

    int n;
    Plan *p = plan_uno(&n);
    str_replace(&p->unidades[0].nombre, "Unidad \"A\"\n");
    Actividad *a = plan_act(p, n);
    set_targets(a, "4", "1", "1", "1", "1");
    set_seg(a, "3", "99%");
    Hallazgos h;
    run(p, &h);
    verificar_json(p, &h, "c:\\datos\\poa.db", &b);
    const char *j = sb_str(&b);
    CHECK_CONTAINS(j, "\"archivo\": \"c:\\\\datos\\\\poa.db\"");
    CHECK_CONTAINS(j, "\"corte\": 3");
    CHECK_CONTAINS(j, "\"errores\": 1");
    CHECK_CONTAINS(j, "\"severidad\": \"error\", \"regla\": \"pct_publicado\", "
                      "\"unidad\": \"Unidad \\\"A\\\"\\n\", \"codigo\": \"A.1\", "
                      "\"campo\": \"pct_publicado\", \"valor\": \"99%\"");
    sb_free(&b);
    verificar_texto(p, &h, "x.db", &b);
    CHECK_CONTAINS(sb_str(&b), "  error  A.1  pct_publicado «99%»: El % publicado (99 %) no "
                               "coincide con el calculado (100 % = 3 ÷ 3).");
    CHECK_CONTAINS(sb_str(&b), "1 error, 0 avisos.");
    sb_free(&b);
    hallazgos_free(&h);
    plan_free(p);
}

int main(void)
{
    RUN(caja_corte3_as_published);
    RUN(caja_with_typing_errors);
    RUN(caja_findings);
    RUN(edge_500_not_capped);
    RUN(edge_fraction_vs_percent);
    RUN(edge_only_q4);
    RUN(edge_targets_not_adding_up);
    RUN(avisos_structure);
    RUN(similar_names);
    RUN(ars_suggestions);
    RUN(empty_names);
    RUN(json_escaping);
    return t_finish();
}
