/* test_calc.c — the calculation rules of docs/calculos.md, checked against the
 * figures the Caja Mutual published in its third seguimiento 2024 (corte 3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "model.h"
#include "testlib.h"

#define NO -1.0   /* "—": cell not given (every real target here is >= 0) */

static Valor val(double v)
{
    Valor x = {0};
    if (v != NO) {
        x.has = true;
        x.valor = v;
    }
    return x;
}

static Valor pct(double v)
{
    Valor x = {true, true, v};
    return x;
}

/* A Caja-style activity: meta anual, four quarterly targets, real at corte. */
static Actividad caja(double meta, double t1, double t2, double t3, double t4, int corte,
                      double real)
{
    Actividad a;
    memset(&a, 0, sizeof a);
    a.peso = 1;
    a.meta_anual = val(meta);
    a.trim[0] = val(t1);
    a.trim[1] = val(t2);
    a.trim[2] = val(t3);
    a.trim[3] = val(t4);
    a.seg[corte - 1].real = val(real);
    return a;
}

/* ARS-style months from a string of 12 chars: ' ' empty, 'x', or a digit. */
static Actividad meses(const char *cells)
{
    Actividad a;
    memset(&a, 0, sizeof a);
    a.peso = 1;
    for (int m = 0; m < POA_MESES; m++) {
        char c = cells[m];
        if (c == 'x')
            a.mes[m] = (MesCell){CELL_X, 1};
        else if (c >= '0' && c <= '9')
            a.mes[m] = (MesCell){CELL_NUM, c - '0'};
    }
    return a;
}

static const Umbrales U = {0.80, 0.60};

static ResultadoAct at(const Actividad *a, int corte)
{
    ResultadoAct r;
    calc_actividad(a, corte, &U, &r);
    return r;
}

/* ---- fuente and quarterly targets ---- */

TEST(fuente_orden)
{
    Actividad a;
    memset(&a, 0, sizeof a);
    CHECK_INT(calc_fuente(&a), FUENTE_NINGUNA);
    CHECK_INT(calc_fuente(NULL), FUENTE_NINGUNA);
    a.meta_anual = val(4);
    CHECK_INT(calc_fuente(&a), FUENTE_ANUAL);
    a.trim[2] = val(1);
    CHECK_INT(calc_fuente(&a), FUENTE_TRIMESTRES);
    a.mes[11] = (MesCell){CELL_X, 1};
    CHECK_INT(calc_fuente(&a), FUENTE_MESES);
}

TEST(cero_no_programa)
{
    /* "0" in every quarter, meta 4: the quarters program nothing, the year does */
    Actividad a = caja(4, 0, 0, 0, 0, 3, NO);
    CHECK_INT(calc_fuente(&a), FUENTE_ANUAL);
    CHECK_DBL(calc_meta_trimestre(&a, 4), 4, 1e-12);
    /* a lone "0" month cell does not make the cronograma the source */
    a.mes[0] = (MesCell){CELL_NUM, 0};
    CHECK_INT(calc_fuente(&a), FUENTE_ANUAL);
    CHECK(!calc_mes_planificado(&a, 1));
    /* and a meta anual of 0 is no target */
    Actividad b = caja(0, NO, NO, NO, NO, 3, 5);
    CHECK_INT(calc_fuente(&b), FUENTE_NINGUNA);
    ResultadoAct r = at(&b, 3);
    CHECK_INT(r.estado, ESTADO_SIN_META);
    /* a zero quarter among others is just a quarter without target */
    Actividad c = caja(1, 0, 0, 1, 0, 3, 1);
    CHECK_INT(calc_fuente(&c), FUENTE_TRIMESTRES);
    CHECK_INT(calc_primer_trimestre(&c), 3);
}

TEST(meses_ars)
{
    /* x,_,x | x,x,_ | x,_,x | x,x,x */
    Actividad a = meses("x xxx x xxxx");
    CHECK_INT(calc_fuente(&a), FUENTE_MESES);
    CHECK_DBL(calc_meta_trimestre(&a, 1), 2, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 2), 2, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 3), 2, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 4), 3, 0);
    CHECK_DBL(calc_programado_acum(&a, 3), 6, 0);
    bool has = false;
    CHECK_DBL(calc_meta_anual(&a, &has), 9, 0);
    CHECK(has);
    CHECK(calc_mes_planificado(&a, 1));
    CHECK(!calc_mes_planificado(&a, 2));
    CHECK(calc_mes_planificado(&a, 3));
    CHECK(!calc_mes_planificado(&a, 6));
    CHECK(calc_mes_planificado(&a, 12));
    CHECK(!calc_mes_planificado(&a, 0));
    CHECK(!calc_mes_planificado(&a, 13));

    /* Jornadas de servicios: 1 5 3 | 4 3 2 | 1 1 1 | 4 5 2 */
    Actividad j = meses("153432111452");
    CHECK_DBL(calc_meta_trimestre(&j, 1), 9, 0);
    CHECK_DBL(calc_meta_trimestre(&j, 2), 9, 0);
    CHECK_DBL(calc_meta_trimestre(&j, 3), 3, 0);
    CHECK_DBL(calc_meta_trimestre(&j, 4), 11, 0);
    CHECK_DBL(calc_meta_anual(&j, NULL), 32, 0);
    CHECK_DBL(calc_programado_acum(&j, 2), 18, 0);

    /* months win over quarterly targets and meta anual written beside them */
    j.trim[0] = val(100);
    j.meta_anual = val(7);
    CHECK_DBL(calc_meta_trimestre(&j, 1), 9, 0);
    CHECK_DBL(calc_meta_anual(&j, NULL), 7, 0);   /* as entered */

    /* a real against a monthly plan */
    j.seg[1].real = val(18);
    ResultadoAct r = at(&j, 2);
    CHECK_INT(r.estado, ESTADO_REPORTADA);
    CHECK_INT(calc_pct_entero(r.pct), 100);
}

TEST(trimestres_y_gantt)
{
    Actividad a = caja(1, 0.5, NO, 0.5, NO, 3, 0.8);
    CHECK_INT(calc_fuente(&a), FUENTE_TRIMESTRES);
    CHECK_DBL(calc_meta_trimestre(&a, 2), 0, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 0), 0, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 5), 0, 0);
    /* the Gantt shows quarters 1 and 3 planned, every month in them */
    for (int m = 1; m <= 12; m++) {
        bool want = (m <= 3) || (m >= 7 && m <= 9);
        CHECK_INT(calc_mes_planificado(&a, m), want);
    }
    CHECK_DBL(calc_programado_acum(&a, 0), 0, 0);
    CHECK_DBL(calc_programado_acum(&a, 1), 0.5, 1e-12);
    CHECK_DBL(calc_programado_acum(&a, 9), 1.0, 1e-12);   /* clamped to 4 */
}

TEST(anual_vence_en_t4)
{
    Actividad a = caja(12, NO, NO, NO, NO, 3, 5);
    CHECK_INT(calc_fuente(&a), FUENTE_ANUAL);
    for (int q = 1; q <= 3; q++)
        CHECK_DBL(calc_meta_trimestre(&a, q), 0, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 4), 12, 0);
    for (int m = 1; m <= 12; m++)
        CHECK(!calc_mes_planificado(&a, m));
    ResultadoAct r = at(&a, 3);
    CHECK_INT(r.estado, ESTADO_NO_VENCIDA);
    CHECK(!r.has_pct);
    CHECK_INT(r.semaforo, SEM_GRIS);
    CHECK_DBL(r.real, 5, 0);   /* an early report is kept, not judged */
    a.seg[3].real = val(9);
    r = at(&a, 4);
    CHECK_INT(r.estado, ESTADO_REPORTADA);
    CHECK_INT(calc_pct_entero(r.pct), 75);
    CHECK_INT(r.semaforo, SEM_AMARILLO);
}

TEST(meta_anual)
{
    bool has = true;
    Actividad a = caja(NO, NO, NO, NO, NO, 1, NO);
    CHECK_DBL(calc_meta_anual(&a, &has), 0, 0);
    CHECK(!has);
    /* quarters that do not add up to the meta: the meta as entered wins */
    Actividad b = caja(1, NO, NO, 1, 1, 3, 1);
    CHECK_DBL(calc_meta_anual(&b, &has), 1, 0);
    CHECK(has);
    /* no meta anual: the sum of the quarters */
    Actividad c = caja(NO, 1, 2, 3, 4, 3, 1);
    CHECK_DBL(calc_meta_anual(&c, &has), 10, 0);
    CHECK(has);
    CHECK_DBL(calc_meta_anual(NULL, &has), 0, 0);
    CHECK(!has);
}

/* ---- the published Caja figures (corte 3) ---- */

typedef struct {
    double meta, t1, t2, t3, t4, real;
    bool real_pct;
    long pub;
    EstadoSeg estado;
} CasoCaja;

TEST(caja_publicados)
{
    const CasoCaja casos[] = {
        {4, 1, 1, 1, 1, 3, false, 100, ESTADO_REPORTADA},
        {2037, 552, 505, 508, 472, 479, false, 31, ESTADO_REPORTADA},
        {2181, 596, 540, 534, 511, 1919, false, 115, ESTADO_REPORTADA},
        {2349, 643, 570, 589, 547, 1139, false, 63, ESTADO_REPORTADA},
        {1068, 289, 263, 250, 266, 139, false, 17, ESTADO_REPORTADA},
        {8, 2, 2, 2, 2, 30, false, 500, ESTADO_REPORTADA},
        {4, 1, 1, 1, 1, 4, false, 133, ESTADO_REPORTADA},
        {24, 6, 6, 6, 6, 9, false, 50, ESTADO_REPORTADA},
        {18000, 4500, 4500, 4500, 4500, 18207, false, 135, ESTADO_REPORTADA},
        {2800, 700, 700, 700, 700, 2086, false, 99, ESTADO_REPORTADA},
        {600, 150, 150, 150, 150, 396, false, 88, ESTADO_REPORTADA},
        {2000, 500, 500, 500, 500, 1333, false, 89, ESTADO_REPORTADA},
        {4, 1, 1, 1, 1, 1, false, 33, ESTADO_REPORTADA},
        {120, 30, 30, 30, 30, 132, false, 147, ESTADO_REPORTADA},
        {8, 2, 2, 2, 2, 1, false, 17, ESTADO_REPORTADA},
        {1, 0.2, 0.2, 0.3, 0.3, 0.7, false, 100, ESTADO_REPORTADA},
        {1, NO, 0.3, 0.3, 0.4, 0.6, false, 100, ESTADO_REPORTADA},
        {1, 0.5, NO, 0.5, NO, 0.8, false, 80, ESTADO_REPORTADA},
        {1, NO, NO, 1, NO, 0.95, false, 95, ESTADO_REPORTADA},
        {1, NO, NO, NO, 1, NO, false, 0, ESTADO_NO_VENCIDA},
        {1, NO, NO, 1, NO, NO, false, 0, ESTADO_SIN_REPORTE},
        {3, NO, 1, 1, 1, 2, false, 100, ESTADO_REPORTADA},
        {2, NO, 1, NO, 1, 1, false, 100, ESTADO_REPORTADA},
        {2, NO, 1, 1, NO, 1, false, 50, ESTADO_REPORTADA},
        {12, 3, 3, 3, 3, 10, false, 111, ESTADO_REPORTADA},
    };
    for (size_t i = 0; i < POA_ARRAY_LEN(casos); i++) {
        const CasoCaja *c = &casos[i];
        Actividad a = caja(c->meta, c->t1, c->t2, c->t3, c->t4, 3, c->real);
        a.seg[2].real.pct = c->real_pct;
        ResultadoAct r = at(&a, 3);
        char what[80];
        snprintf(what, sizeof what, "caso %zu (meta %g, real %g)", i, c->meta, c->real);
        t_current = what;
        CHECK_INT(r.estado, c->estado);
        long got = r.has_pct ? calc_pct_entero(r.pct) : 0;   /* published "0%" */
        CHECK_INT(got, c->pub);
    }
    t_current = "caja_publicados";
}

TEST(caja_detalles)
{
    /* 479 ÷ 1565 = 30.6 % exactly as computed, not capped */
    Actividad a = caja(2037, 552, 505, 508, 472, 3, 479);
    ResultadoAct r = at(&a, 3);
    CHECK_DBL(r.programado, 1565, 0);
    CHECK_DBL(r.real, 479, 0);
    CHECK(r.has_pct);
    CHECK_DBL(r.pct, 479.0 / 1565.0, 1e-15);
    CHECK_INT(r.semaforo, SEM_ROJO);

    Actividad b = caja(8, 2, 2, 2, 2, 3, 30);
    r = at(&b, 3);
    CHECK_DBL(r.pct, 5.0, 1e-12);
    CHECK_INT(r.semaforo, SEM_VERDE);

    /* not due: "programada para el cuarto trimestre", gris, no figure */
    Actividad c = caja(1, NO, NO, NO, 1, 3, NO);
    r = at(&c, 3);
    CHECK_INT(r.estado, ESTADO_NO_VENCIDA);
    CHECK(!r.has_pct);
    CHECK_INT(r.semaforo, SEM_GRIS);
    CHECK_DBL(r.programado, 0, 0);
    char buf[80];
    CHECK_STR(calc_nota_estado(&c, &r, buf, sizeof buf), "Programada para el cuarto trimestre");

    /* due and not reported: 0 %, rojo */
    Actividad d = caja(1, NO, NO, 1, NO, 3, NO);
    r = at(&d, 3);
    CHECK_INT(r.estado, ESTADO_SIN_REPORTE);
    CHECK(r.has_pct);
    CHECK_DBL(r.pct, 0, 0);
    CHECK_INT(r.semaforo, SEM_ROJO);
    CHECK_STR(calc_nota_estado(&d, &r, buf, sizeof buf), "Sin reporte al corte");

    /* a real of 0 is a report, not a missing one */
    Actividad e = caja(4, 1, 1, 1, 1, 3, 0);
    r = at(&e, 3);
    CHECK_INT(r.estado, ESTADO_REPORTADA);
    CHECK_DBL(r.pct, 0, 0);
    CHECK_STR(calc_nota_estado(&e, &r, buf, sizeof buf), "");
}

TEST(porcentajes)
{
    /* 100 % / 25 % × 4, real "75%" */
    Actividad a = caja(NO, NO, NO, NO, NO, 3, NO);
    a.meta_anual = pct(1.0);
    for (int q = 0; q < 4; q++)
        a.trim[q] = pct(0.25);
    a.seg[2].real = pct(0.75);
    ResultadoAct r = at(&a, 3);
    CHECK_DBL(r.programado, 0.75, 1e-12);
    CHECK_INT(calc_pct_entero(r.pct), 100);
    CHECK_INT(r.semaforo, SEM_VERDE);
    /* the same real written as the fraction 0.75, no % */
    a.seg[2].real = val(0.75);
    r = at(&a, 3);
    CHECK_INT(calc_pct_entero(r.pct), 100);
    /* TIPO_PORCENTAJE changes nothing in the arithmetic */
    a.tipo = TIPO_PORCENTAJE;
    r = at(&a, 3);
    CHECK_INT(calc_pct_entero(r.pct), 100);
    /* literal: "75" without % against a 75 % target is 100 times it (verificar
     * reports the mismatch; calc does not guess) */
    a.seg[2].real = val(75);
    r = at(&a, 3);
    CHECK_INT(calc_pct_entero(r.pct), 10000);
    /* 1 / 0.25 × 4 (fractions without %) real 0.75 */
    Actividad b = caja(1, 0.25, 0.25, 0.25, 0.25, 3, 0.75);
    r = at(&b, 3);
    CHECK_INT(calc_pct_entero(r.pct), 100);
}

TEST(descendente)
{
    /* fewer is better: programado ÷ real */
    Actividad a = caja(40, 10, 10, 10, 10, 3, 20);
    a.sentido = SENTIDO_DESCENDENTE;
    ResultadoAct r = at(&a, 3);
    CHECK_DBL(r.pct, 1.5, 1e-12);
    CHECK_INT(r.semaforo, SEM_VERDE);
    a.seg[2].real = val(60);
    r = at(&a, 3);
    CHECK_DBL(r.pct, 0.5, 1e-12);
    CHECK_INT(r.semaforo, SEM_ROJO);
    /* a real of 0 is full compliance, not a division by zero */
    a.seg[2].real = val(0);
    r = at(&a, 3);
    CHECK_DBL(r.pct, 1.0, 0);
    CHECK_INT(r.estado, ESTADO_REPORTADA);
    /* no report is still sin reporte, 0 % */
    a.seg[2].real = val(NO);
    r = at(&a, 3);
    CHECK_INT(r.estado, ESTADO_SIN_REPORTE);
    CHECK_DBL(r.pct, 0, 0);
}

TEST(hito)
{
    /* due in the quarter its plan marks */
    Actividad a = caja(1, NO, NO, 1, NO, 3, 1);
    a.tipo = TIPO_HITO;
    CHECK_DBL(calc_meta_trimestre(&a, 3), 1, 0);
    CHECK_DBL(calc_meta_trimestre(&a, 2), 0, 0);
    ResultadoAct r = at(&a, 3);
    CHECK_DBL(r.programado, 1, 0);
    CHECK_DBL(r.pct, 1.0, 0);
    /* done more than once is still done: 100 %, not 200 % */
    a.seg[2].real = val(2);
    r = at(&a, 3);
    CHECK_DBL(r.pct, 1.0, 0);
    /* partial progress reads as such */
    a.seg[2].real = val(0.5);
    r = at(&a, 3);
    CHECK_DBL(r.pct, 0.5, 1e-12);
    CHECK_INT(r.semaforo, SEM_ROJO);
    a.seg[2].real = pct(1.0);
    r = at(&a, 3);
    CHECK_DBL(r.pct, 1.0, 0);
    /* before its quarter it is not due */
    a.seg[1].real = val(1);
    r = at(&a, 2);
    CHECK_INT(r.estado, ESTADO_NO_VENCIDA);

    /* planned over several months: due in the last one, target 1 there only */
    Actividad m = meses("xxx  x      ");
    m.tipo = TIPO_HITO;
    CHECK_DBL(calc_meta_trimestre(&m, 1), 0, 0);
    CHECK_DBL(calc_meta_trimestre(&m, 2), 1, 0);
    CHECK_DBL(calc_meta_anual(&m, NULL), 1, 0);
    CHECK_INT(calc_primer_trimestre(&m), 2);
    CHECK(calc_mes_planificado(&m, 1));   /* the Gantt still shows the work */
    r = at(&m, 1);
    CHECK_INT(r.estado, ESTADO_NO_VENCIDA);
    char buf[64];
    CHECK_STR(calc_nota_estado(&m, &r, buf, sizeof buf), "Programada para el segundo trimestre");
    r = at(&m, 2);
    CHECK_INT(r.estado, ESTADO_SIN_REPORTE);

    /* a descendente hito is still done-or-not */
    Actividad d = caja(1, NO, 1, NO, NO, 2, 1);
    d.tipo = TIPO_HITO;
    d.sentido = SENTIDO_DESCENDENTE;
    r = at(&d, 2);
    CHECK_DBL(r.pct, 1.0, 0);
    /* only a meta anual: due in Q4 */
    Actividad y = caja(1, NO, NO, NO, NO, 4, 1);
    y.tipo = TIPO_HITO;
    CHECK_INT(at(&y, 3).estado, ESTADO_NO_VENCIDA);
    CHECK_DBL(at(&y, 4).pct, 1.0, 0);
}

TEST(sin_meta)
{
    Actividad a = caja(NO, NO, NO, NO, NO, 3, 5);
    ResultadoAct r = at(&a, 3);
    CHECK_INT(r.estado, ESTADO_SIN_META);
    CHECK(!r.has_pct);
    CHECK_INT(r.semaforo, SEM_GRIS);
    char buf[64];
    CHECK_STR(calc_nota_estado(&a, &r, buf, sizeof buf), "Sin meta programada");
    calc_actividad(NULL, 3, &U, &r);
    CHECK_INT(r.estado, ESTADO_SIN_META);
}

TEST(corte_fuera_de_rango)
{
    Actividad a = caja(4, 1, 1, 1, 1, 1, 1);
    ResultadoAct r;
    calc_actividad(&a, 0, &U, &r);    /* clamped to 1 */
    CHECK_INT(r.estado, ESTADO_REPORTADA);
    CHECK_DBL(r.programado, 1, 0);
    calc_actividad(&a, 7, NULL, &r);  /* clamped to 4; default thresholds */
    CHECK_DBL(r.programado, 4, 0);
    CHECK_INT(r.estado, ESTADO_SIN_REPORTE);
}

/* ---- semáforo and rounding ---- */

TEST(semaforo_bordes)
{
    CHECK_INT(calc_semaforo(0.80, &U), SEM_VERDE);
    CHECK_INT(calc_semaforo(0.7999999999, &U), SEM_VERDE);   /* binary noise */
    CHECK_INT(calc_semaforo(0.1 * 8, &U), SEM_VERDE);
    CHECK_INT(calc_semaforo(0.7999, &U), SEM_AMARILLO);
    CHECK_INT(calc_semaforo(0.60, &U), SEM_AMARILLO);
    CHECK_INT(calc_semaforo(0.5999999999, &U), SEM_AMARILLO);
    CHECK_INT(calc_semaforo(0.5999, &U), SEM_ROJO);
    CHECK_INT(calc_semaforo(0, &U), SEM_ROJO);
    CHECK_INT(calc_semaforo(5.0, &U), SEM_VERDE);
    CHECK_INT(calc_semaforo(-0.5, &U), SEM_ROJO);
    CHECK_INT(calc_semaforo(0.7, NULL), SEM_AMARILLO);       /* defaults */
    Umbrales u = {0.9, 0.7};
    CHECK_INT(calc_semaforo(0.85, &u), SEM_AMARILLO);
    /* an activity exactly at 80 % by division */
    Actividad a = caja(1, 0.5, NO, 0.5, NO, 3, 0.8);
    CHECK_INT(at(&a, 3).semaforo, SEM_VERDE);
    /* 0.6 ÷ 1.0 at the yellow border: 3 × 0.2 = 0.6000000000000001 */
    Actividad b = caja(NO, 0.1, 0.1, 0.1, 0.1, 3, 0.18);
    CHECK_INT(at(&b, 3).semaforo, SEM_AMARILLO);

    Umbrales d = calc_umbrales_default();
    CHECK_DBL(d.verde, 0.80, 0);
    CHECK_DBL(d.amarillo, 0.60, 0);
}

TEST(nombres)
{
    CHECK_STR(semaforo_name(SEM_VERDE), "verde");
    CHECK_STR(semaforo_name(SEM_AMARILLO), "amarillo");
    CHECK_STR(semaforo_name(SEM_ROJO), "rojo");
    CHECK_STR(semaforo_name(SEM_GRIS), "gris");
    CHECK_STR(semaforo_name(SEM_NINGUNO), "");
    CHECK_STR(estado_name(ESTADO_SIN_META), "sin meta");
    CHECK_STR(estado_name(ESTADO_NO_VENCIDA), "no vencida");
    CHECK_STR(estado_name(ESTADO_SIN_REPORTE), "sin reporte");
    CHECK_STR(estado_name(ESTADO_REPORTADA), "reportada");
}

TEST(pct_entero)
{
    CHECK_INT(calc_pct_entero(0.305), 31);
    CHECK_INT(calc_pct_entero(5.0), 500);
    CHECK_INT(calc_pct_entero(0.99333), 99);
    CHECK_INT(calc_pct_entero(0.125), 13);
    CHECK_INT(calc_pct_entero(0.145), 15);    /* 14.499999999999998 in binary */
    CHECK_INT(calc_pct_entero(0.565), 57);
    CHECK_INT(calc_pct_entero(0.994), 99);
    CHECK_INT(calc_pct_entero(0.995), 100);
    CHECK_INT(calc_pct_entero(2.0 / 3.0), 67);
    CHECK_INT(calc_pct_entero(1.0 / 3.0), 33);
    CHECK_INT(calc_pct_entero(18207.0 / 13500.0), 135);
    CHECK_INT(calc_pct_entero(0), 0);
    CHECK_INT(calc_pct_entero(0.004), 0);
    CHECK_INT(calc_pct_entero(0.005), 1);
    CHECK_INT(calc_pct_entero(-0.305), -31);  /* away from zero both ways */
    CHECK_INT(calc_pct_entero(-0.004), 0);
    CHECK_INT(calc_pct_entero(NAN), 0);
    CHECK_INT(calc_pct_entero(INFINITY), 0);
    CHECK(calc_pct_entero(1e300) > 0);       /* no overflow in the cast */
}

/* ---- roll-ups ---- */

static ResultadoAct res(EstadoSeg e, double p)
{
    ResultadoAct r;
    memset(&r, 0, sizeof r);
    r.estado = e;
    r.has_pct = e == ESTADO_SIN_REPORTE || e == ESTADO_REPORTADA;
    r.pct = p;
    r.semaforo = r.has_pct ? calc_semaforo(p, &U) : SEM_GRIS;
    return r;
}

TEST(rollup_media_con_tope)
{
    ReglaConsolidacion media = calc_regla_default();
    CHECK_INT(media.regla, ROLLUP_MEDIA);
    CHECK_DBL(media.tope, 1.0, 0);
    Consolidado c;
    calc_consolidado_init(&c);
    double v = -1;
    CHECK(!calc_consolidado_pct(&c, &v));   /* nothing due: no figure */
    Actividad a;
    memset(&a, 0, sizeof a);
    a.peso = 1;
    ResultadoAct r1 = res(ESTADO_REPORTADA, 5.0);        /* 500 % → 100 % */
    ResultadoAct r2 = res(ESTADO_REPORTADA, 479.0 / 1565.0);
    ResultadoAct r3 = res(ESTADO_SIN_REPORTE, 0);        /* counts as 0 */
    ResultadoAct r4 = res(ESTADO_NO_VENCIDA, 0);         /* does not count */
    ResultadoAct r5 = res(ESTADO_SIN_META, 0);           /* does not count */
    calc_consolidado_add(&c, &a, &r1, &media);
    calc_consolidado_add(&c, &a, &r2, &media);
    calc_consolidado_add(&c, &a, &r3, &media);
    calc_consolidado_add(&c, &a, &r4, &media);
    calc_consolidado_add(&c, &a, &r5, &media);
    CHECK(calc_consolidado_pct(&c, &v));
    CHECK_DBL(v, (1.0 + 479.0 / 1565.0 + 0) / 3, 1e-12);
    CHECK_INT(calc_pct_entero(v), 44);
    CHECK_INT(c.n_total, 5);
    CHECK_INT(c.n_estado[ESTADO_REPORTADA], 2);
    CHECK_INT(c.n_estado[ESTADO_SIN_REPORTE], 1);
    CHECK_INT(c.n_estado[ESTADO_NO_VENCIDA], 1);
    CHECK_INT(c.n_estado[ESTADO_SIN_META], 1);
    CHECK_INT(c.n_semaforo[SEM_VERDE], 1);
    CHECK_INT(c.n_semaforo[SEM_ROJO], 2);
    CHECK_INT(c.n_semaforo[SEM_GRIS], 2);

    /* without the cap the 500 % would dominate: tope 1.5 lets 150 % through */
    ReglaConsolidacion t15 = {ROLLUP_MEDIA, 1.5};
    Consolidado d;
    calc_consolidado_init(&d);
    calc_consolidado_add(&d, &a, &r1, &t15);
    calc_consolidado_add(&d, &a, &r3, &t15);
    CHECK(calc_consolidado_pct(&d, &v));
    CHECK_DBL(v, 0.75, 1e-12);
    /* sin tope (INFINITY) is the raw mean */
    ReglaConsolidacion libre = {ROLLUP_MEDIA, INFINITY};
    calc_consolidado_init(&d);
    calc_consolidado_add(&d, &a, &r1, &libre);
    calc_consolidado_add(&d, &a, &r3, &libre);
    calc_consolidado_pct(&d, &v);
    CHECK_DBL(v, 2.5, 1e-12);
    /* a zeroed rule (not configured) is the default, not "cap at 0 %" */
    ReglaConsolidacion cero = {ROLLUP_MEDIA, 0};
    calc_consolidado_init(&d);
    calc_consolidado_add(&d, &a, &r1, &cero);
    calc_consolidado_pct(&d, &v);
    CHECK_DBL(v, 1.0, 0);
    calc_consolidado_init(&d);
    calc_consolidado_add(&d, NULL, &r2, NULL);   /* NULL rule: default */
    calc_consolidado_pct(&d, &v);
    CHECK_DBL(v, 479.0 / 1565.0, 1e-12);
}

TEST(rollup_ponderada)
{
    ReglaConsolidacion pond = {ROLLUP_PONDERADA, 1.0};
    ReglaConsolidacion media = {ROLLUP_MEDIA, 1.0};
    Actividad a, b, z;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&z, 0, sizeof z);
    a.peso = 3;
    b.peso = 1;
    z.peso = 0;
    ResultadoAct ra = res(ESTADO_REPORTADA, 0.5);
    ResultadoAct rb = res(ESTADO_REPORTADA, 2.0);   /* capped to 1.0 */
    ResultadoAct rz = res(ESTADO_REPORTADA, 0.0);   /* weight 0: excluded */
    Consolidado cp, cm;
    calc_consolidado_init(&cp);
    calc_consolidado_init(&cm);
    calc_consolidado_add(&cp, &a, &ra, &pond);
    calc_consolidado_add(&cp, &b, &rb, &pond);
    calc_consolidado_add(&cp, &z, &rz, &pond);
    calc_consolidado_add(&cm, &a, &ra, &media);
    calc_consolidado_add(&cm, &b, &rb, &media);
    calc_consolidado_add(&cm, &z, &rz, &media);
    double vp, vm;
    CHECK(calc_consolidado_pct(&cp, &vp));
    CHECK(calc_consolidado_pct(&cm, &vm));
    CHECK_DBL(vp, (3 * 0.5 + 1 * 1.0) / 4, 1e-12);     /* 62.5 % */
    CHECK_DBL(vm, (0.5 + 1.0 + 0.0) / 3, 1e-12);       /* 50 % */
    CHECK_DBL(cp.pesos, 4, 0);
    CHECK_INT(cp.n_total, 3);                         /* still counted */
    CHECK_INT(cp.n_estado[ESTADO_REPORTADA], 3);

    /* all weights 0: no figure */
    Consolidado c0;
    calc_consolidado_init(&c0);
    calc_consolidado_add(&c0, &z, &rz, &pond);
    double v = -1;
    CHECK(!calc_consolidado_pct(&c0, &v));
    CHECK_INT(c0.n_total, 1);
    /* negative weight: treated as 0 */
    z.peso = -2;
    calc_consolidado_add(&c0, &z, &ra, &pond);
    CHECK(!calc_consolidado_pct(&c0, &v));
}

TEST(regla_texto)
{
    char buf[400];
    ReglaConsolidacion media = calc_regla_default();
    CHECK_STR(calc_regla_texto(&media, buf, sizeof buf),
              "Promedio simple del % de ejecución de las actividades vencidas, cada una "
              "limitada a 100 %; las vencidas sin reporte cuentan como 0 % y las no "
              "vencidas no cuentan.");
    ReglaConsolidacion pond = {ROLLUP_PONDERADA, 1.2};
    calc_regla_texto(&pond, buf, sizeof buf);
    CHECK_CONTAINS(buf, "Promedio ponderado por el peso de cada actividad");
    CHECK_CONTAINS(buf, "limitada a 120 %");
    CHECK_CONTAINS(buf, "las no vencidas o de peso 0 no cuentan");
    ReglaConsolidacion libre = {ROLLUP_MEDIA, INFINITY};
    CHECK_CONTAINS(calc_regla_texto(&libre, buf, sizeof buf), "sin límite por actividad");
    ReglaConsolidacion raro = {ROLLUP_MEDIA, 1.255};
    CHECK_CONTAINS(calc_regla_texto(&raro, buf, sizeof buf), "limitada a 125.5 %");
    CHECK_CONTAINS(calc_regla_texto(NULL, buf, sizeof buf), "limitada a 100 %");
    /* cut in the middle of "ejecución": no half character left behind */
    char corto[33];
    calc_regla_texto(&media, corto, sizeof corto);
    CHECK_STR(corto, "Promedio simple del % de ejecuci");
    char c2[34];
    calc_regla_texto(&media, c2, sizeof c2);
    CHECK_STR(c2, "Promedio simple del % de ejecuci");
    char c3[35];
    calc_regla_texto(&media, c3, sizeof c3);
    CHECK_STR(c3, "Promedio simple del % de ejecució");
}

/* ---- consolidation over a real tree ---- */

static int act_nodo(Plan *p, int parent, const char *cod, double t1, double t2, double t3,
                    double t4, double real, double peso)
{
    int n = plan_add_node(p, NODE_ACTIVIDAD, 0, parent, -1, 0, cod, cod);
    Actividad *a = plan_act(p, n);
    a->trim[0] = val(t1);
    a->trim[1] = val(t2);
    a->trim[2] = val(t3);
    a->trim[3] = val(t4);
    a->seg[2].real = val(real);
    a->peso = peso;
    return n;
}

TEST(consolidar_nodo)
{
    Plan *p = plan_new("Caja Mutual de los Empleados del Ministerio de Educación", 2024);
    int u = plan_add_unidad(p, 1, "Comercialización", "", "");
    int eje = plan_add_node(p, NODE_EJE, 0, 0, -1, -1, "", "");
    int o3 = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "O.E.3", "Administrar los activos");
    int o6 = plan_add_node(p, NODE_OBJETIVO, 0, eje, -1, -1, "O.E.6", "Comercializar");
    int m3 = plan_add_node(p, NODE_META, 0, o3, -1, u, "", "");
    int m6 = plan_add_node(p, NODE_META, 0, o6, -1, u, "", "");
    act_nodo(p, m3, "AO.3.1", 1, 1, 1, 1, 3, 1);         /* 100 % */
    act_nodo(p, m3, "AO.3.2", 2, 2, 2, 2, 30, 1);        /* 500 % → 100 % */
    act_nodo(p, m6, "AO.6.1", 552, 505, 508, 472, 479, 2); /* 30.6 % */
    act_nodo(p, m6, "AO.6.2", NO, NO, NO, 1, NO, 1);     /* no vencida */
    act_nodo(p, m6, "AO.6.3", NO, NO, 1, NO, NO, 1);     /* sin reporte: 0 % */
    int borrada = act_nodo(p, m6, "AO.6.9", 1, 1, 1, 1, 0, 1);
    plan_remove_node(p, borrada);                        /* deleted: ignored */

    ReglaConsolidacion media = calc_regla_default();
    ReglaConsolidacion pond = {ROLLUP_PONDERADA, 1.0};
    Consolidado c;
    double v;

    calc_consolidar_nodo(p, o3, 3, &media, &U, &c);
    CHECK_INT(c.n_total, 2);
    CHECK(calc_consolidado_pct(&c, &v));
    CHECK_DBL(v, 1.0, 0);
    CHECK_INT(c.n_semaforo[SEM_VERDE], 2);

    calc_consolidar_nodo(p, o6, 3, &media, &U, &c);
    CHECK_INT(c.n_total, 3);
    CHECK_INT(c.n_estado[ESTADO_NO_VENCIDA], 1);
    CHECK_INT(c.n_estado[ESTADO_SIN_REPORTE], 1);
    CHECK(calc_consolidado_pct(&c, &v));
    CHECK_DBL(v, (479.0 / 1565.0) / 2, 1e-12);

    /* the whole institution; calc_consolidar_nodo starts from zero each time */
    calc_consolidar_nodo(p, 0, 3, &media, &U, &c);
    CHECK_INT(c.n_total, 5);
    CHECK(calc_consolidado_pct(&c, &v));
    CHECK_DBL(v, (1 + 1 + 479.0 / 1565.0 + 0) / 4, 1e-12);
    CHECK_INT(calc_pct_entero(v), 58);

    calc_consolidar_nodo(p, 0, 3, &pond, &U, &c);
    CHECK(calc_consolidado_pct(&c, &v));
    CHECK_DBL(v, (1 + 1 + 2 * 479.0 / 1565.0 + 0) / 5, 1e-12);

    /* at corte 1 only Q1 targets are due */
    calc_consolidar_nodo(p, m6, 1, &media, &U, &c);
    CHECK_INT(c.n_estado[ESTADO_SIN_REPORTE], 1);   /* AO.6.1: no real at corte 1 */
    CHECK_INT(c.n_estado[ESTADO_NO_VENCIDA], 2);

    /* a single activity node is its own subtree; bad node: empty */
    int solo = p->nodes[m3].kids.v[0];
    calc_consolidar_nodo(p, solo, 3, &media, &U, &c);
    CHECK_INT(c.n_total, 1);
    calc_consolidar_nodo(p, 9999, 3, &media, &U, &c);
    CHECK_INT(c.n_total, 0);
    CHECK(!calc_consolidado_pct(&c, &v));
    plan_free(p);
}

/* ---- every row of the Caja fixture against its published % ---- */

/* One RFC 4180 record; fields point into *buf, owned by the caller. */
static int csv_record(FILE *f, char **buf, size_t *cap, char **fld, int maxf)
{
    size_t len = 0, off[64];
    int n = 0, ch = EOF;
    bool q = false, any = false;
    if (maxf > 64)
        maxf = 64;
    off[n++] = 0;
    while ((ch = fgetc(f)) != EOF) {
        any = true;
        if (len + 2 >= *cap) {
            *cap = *cap ? *cap * 2 : 4096;
            *buf = realloc(*buf, *cap);
        }
        if (q && ch == '"') {
            int nx = fgetc(f);
            if (nx == '"') {
                (*buf)[len++] = '"';
                continue;
            }
            q = false;
            if (nx == EOF)
                break;
            ch = nx;   /* fall through with the character after the quote */
        } else if (q) {
            (*buf)[len++] = (char)ch;
            continue;
        }
        if (ch == '"') {
            q = true;
        } else if (ch == ',' || ch == '\n') {
            (*buf)[len++] = '\0';
            if (ch == '\n')
                break;
            if (n < maxf)
                off[n++] = len;
        } else {
            (*buf)[len++] = (char)ch;
        }
    }
    if (!any)
        return -1;
    if (!*buf) {
        *cap = 16;
        *buf = malloc(*cap);
    }
    (*buf)[len] = '\0';
    for (int i = 0; i < n; i++)   /* offsets become pointers once buf is final */
        fld[i] = *buf + off[i];
    return n;
}

static int col(char **hdr, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(hdr[i], name) == 0)
            return i;
    return -1;
}

TEST(fixture_caja)
{
    FILE *f = fopen(POA_FIXTURES "/seguimiento2024_t3_caja.csv", "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char *hb = NULL, *rb = NULL;
    size_t hc = 0, rc = 0;
    char *hdr[64], *row[64];
    int nh = csv_record(f, &hb, &hc, hdr, 64);
    int ci[9];
    const char *names[9] = {"meta_anual", "t1", "t2", "t3", "t4", "corte", "real",
                            "pct_publicado", "actividad_codigo"};
    for (int i = 0; i < 9; i++) {
        ci[i] = col(hdr, nh, names[i]);
        CHECK(ci[i] >= 0);
        if (ci[i] < 0)
            goto out;
    }
    int filas = 0, iguales = 0, no_vencidas = 0, sin_reporte = 0;
    int nr;
    while ((nr = csv_record(f, &rb, &rc, row, 64)) > 0) {
        if (nr != nh)
            continue;
        filas++;
        Actividad a;
        memset(&a, 0, sizeof a);
        a.peso = 1;
        bool ok = valor_parse(row[ci[0]], &a.meta_anual);
        for (int q = 0; q < 4; q++)
            ok = ok && valor_parse(row[ci[1 + q]], &a.trim[q]);
        int corte = atoi(row[ci[5]]);
        ok = ok && corte >= 1 && corte <= 4;
        ok = ok && valor_parse(row[ci[6]], &a.seg[corte - 1].real);
        t_current = row[ci[8]];
        CHECK(ok);
        if (!ok)
            continue;
        ResultadoAct r;
        calc_actividad(&a, corte, &U, &r);
        long got = r.has_pct ? calc_pct_entero(r.pct) : 0;
        char txt[32];
        snprintf(txt, sizeof txt, "%ld%%", got);
        CHECK_STR(txt, row[ci[7]]);
        iguales += strcmp(txt, row[ci[7]]) == 0;
        no_vencidas += r.estado == ESTADO_NO_VENCIDA;
        sin_reporte += r.estado == ESTADO_SIN_REPORTE;
    }
    t_current = "fixture_caja";
    CHECK_INT(filas, 89);
    CHECK_INT(iguales, 89);
    CHECK_INT(no_vencidas, 1);
    CHECK_INT(sin_reporte, 4);
out:
    free(hb);
    free(rb);
    fclose(f);
}

int main(void)
{
    RUN(fuente_orden);
    RUN(cero_no_programa);
    RUN(meses_ars);
    RUN(trimestres_y_gantt);
    RUN(anual_vence_en_t4);
    RUN(meta_anual);
    RUN(caja_publicados);
    RUN(caja_detalles);
    RUN(porcentajes);
    RUN(descendente);
    RUN(hito);
    RUN(sin_meta);
    RUN(corte_fuera_de_rango);
    RUN(semaforo_bordes);
    RUN(nombres);
    RUN(pct_entero);
    RUN(rollup_media_con_tope);
    RUN(rollup_ponderada);
    RUN(regla_texto);
    RUN(consolidar_nodo);
    RUN(fixture_caja);
    return t_finish();
}
