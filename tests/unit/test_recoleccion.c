/* test_recoleccion.c — «¿Quién falta?» over the Caja fixture at corte 3, with
 * rows written into captura and seguimiento by SQL as the capture import
 * would: sent / returned / late / not sent, the newest capture counting,
 * sin reporte without the not-due rows, sin causa only for amarillo and rojo,
 * the % equal to the board's roll-up for every unit, orders, the default
 * corte, dates and the [captura] keys of config.ini. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "config.h"
#include "fecha.h"
#include "recoleccion.h"
#include "testlib.h"

#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

static void sql(TFx *f, const char *q)
{
    PoaErr err = {{0}};
    bool ok = db_exec(f->db, q, &err);
    t_report(ok, __FILE__, __LINE__, q, err.msg);
}

static RecolOpts opts(int corte, const char *limite, const char *hoy)
{
    return (RecolOpts){.corte = corte, .umbrales = calc_umbrales_default(),
                       .regla = calc_regla_default(), .fecha_limite = limite, .hoy = hoy};
}

static const RecolFila *fila(const Recoleccion *r, const char *nombre)
{
    for (int i = 0; i < r->nfilas; i++)
        if (strcmp(r->filas[i].nombre, nombre) == 0)
            return &r->filas[i];
    t_report(false, __FILE__, __LINE__, "fila", nombre);
    return &r->filas[0];
}

static Recoleccion *nueva(TFx *f, const RecolOpts *o)
{
    PoaErr err = {{0}};
    Recoleccion *r = recoleccion_new(f->db, f->p, o, &err);
    t_report(r != NULL, __FILE__, __LINE__, "recoleccion_new", err.msg);
    if (!r)
        exit(t_finish());
    return r;
}

/* The four states, the newest capture counting, a late unit never sent. */
static const char CAPTURAS[] =
    /* Comercialización: sent and returned */
    "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella, recibida_en,"
    " recibida_de) VALUES (1, 3, 3, '2024-10-01 09:00:00', 'captura-comercializacion-3.xlsx',"
    " 'h1', '2024-10-09 16:30:00', 'devuelto/comercializacion.xlsx');"
    /* Logística y Activos: sent, not returned */
    "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)"
    " VALUES (1, 1, 3, '2024-10-01 09:00:00', 'captura-logistica-3.xlsx', 'h2');"
    /* Operaciones: the first one came back, then it was sent again: pending */
    "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella, recibida_en,"
    " recibida_de) VALUES (1, 6, 3, '2024-10-01 09:00:00', 'captura-operaciones-3.xlsx',"
    " 'h3', '2024-10-05 10:00:00', 'vuelta1.xlsx');"
    "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)"
    " VALUES (1, 6, 3, '2024-10-07 11:15:00', 'captura-operaciones-3-b.xlsx', 'h4');"
    /* UAIP: returned at corte 2 only — nothing at corte 3 */
    "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella, recibida_en,"
    " recibida_de) VALUES (1, 8, 2, '2024-07-01 09:00:00', 'captura-uaip-2.xlsx', 'h5',"
    " '2024-07-03 09:00:00', 'uaip.xlsx');";

TEST(estados)
{
    TFx f;
    t_fx_open(&f, CAJA, "estados.db");
    sql(&f, CAPTURAS);
    /* the deadline day itself is not late */
    RecolOpts o = opts(3, "15/10/2024", "2024-10-15");
    Recoleccion *r = nueva(&f, &o);
    CHECK_INT(r->nfilas, 8);
    const RecolFila *c = fila(r, "Comercialización");
    CHECK_INT(c->estado, RECOL_DEVUELTA);
    CHECK_STR(recol_estado_name(c->estado), "devuelta");
    CHECK_STR(c->enviada_en, "2024-10-01 09:00:00");
    CHECK_STR(c->archivo, "captura-comercializacion-3.xlsx");
    CHECK_STR(c->recibida_en, "2024-10-09 16:30:00");
    CHECK_STR(c->recibida_de, "devuelto/comercializacion.xlsx");
    CHECK(!c->vencida);
    const RecolFila *l = fila(r, "Logística y Activos");
    CHECK_INT(l->estado, RECOL_PENDIENTE);
    CHECK_STR(l->recibida_en, "");
    const RecolFila *op = fila(r, "Operaciones");
    CHECK_INT(op->estado, RECOL_PENDIENTE);
    CHECK_INT(op->envios, 2);
    CHECK_STR(op->archivo, "captura-operaciones-3-b.xlsx");
    CHECK_STR(op->recibida_en, "");
    const RecolFila *u = fila(r, "UAIP");
    CHECK_INT(u->estado, RECOL_NO_ENVIADA);
    CHECK_STR(recol_estado_name(u->estado), "no enviada");
    CHECK_INT(u->envios, 0);
    CHECK(!u->vencida);
    CHECK_INT(r->n_estado[RECOL_DEVUELTA], 1);
    CHECK_INT(r->n_estado[RECOL_PENDIENTE], 2);
    CHECK_INT(r->n_estado[RECOL_NO_ENVIADA], 5);
    CHECK_STR(r->limite, "15/10/2024");
    recoleccion_free(r);

    /* the day after: what was sent and not returned is late; the units
     * never sent are late too, but stay «no enviada» */
    o = opts(3, "15/10/2024", "2024-10-16");
    r = nueva(&f, &o);
    CHECK_INT(fila(r, "Logística y Activos")->estado, RECOL_VENCIDA);
    CHECK_STR(recol_estado_name(fila(r, "Logística y Activos")->estado), "vencida");
    CHECK_INT(fila(r, "Operaciones")->estado, RECOL_VENCIDA);
    CHECK_INT(fila(r, "Comercialización")->estado, RECOL_DEVUELTA);
    CHECK(!fila(r, "Comercialización")->vencida);
    CHECK_INT(fila(r, "UAIP")->estado, RECOL_NO_ENVIADA);
    CHECK(fila(r, "UAIP")->vencida);
    CHECK_INT(r->n_estado[RECOL_VENCIDA], 2);
    CHECK_INT(r->n_vencidas_plazo, 7);
    recoleccion_free(r);

    /* no deadline: nothing is late */
    o = opts(3, "", "2030-01-01");
    r = nueva(&f, &o);
    CHECK_INT(r->n_estado[RECOL_VENCIDA], 0);
    CHECK_INT(r->n_vencidas_plazo, 0);
    recoleccion_free(r);

    /* at corte 2 only UAIP's capture exists */
    o = opts(2, NULL, "2024-10-16");
    r = nueva(&f, &o);
    CHECK_INT(fila(r, "UAIP")->estado, RECOL_DEVUELTA);
    CHECK_INT(r->n_estado[RECOL_DEVUELTA], 1);
    CHECK_INT(r->n_estado[RECOL_NO_ENVIADA], 7);
    recoleccion_free(r);
    t_fx_close(&f);
}

/* Auditoría Interna: AO.3.2 has no real but is due only in Q4; AO.4.1 has
 * none and is due. Planificación: three due rows without a real. */
TEST(sin_reporte)
{
    TFx f;
    t_fx_open(&f, CAJA, "sinrep.db");
    RecolOpts o = opts(3, NULL, "2024-10-01");
    Recoleccion *r = nueva(&f, &o);
    const RecolFila *a = fila(r, "Auditoría Interna");
    CHECK_INT(a->actividades, 7);
    CHECK_INT(a->vencidas, 6);
    CHECK_INT(a->sin_reporte, 1);
    CHECK_INT(fila(r, "Planificación y Desarrollo Institucional")->sin_reporte, 3);
    CHECK_INT(fila(r, "Comercialización")->sin_reporte, 0);
    CHECK_INT(r->sin_reporte, 4);
    CHECK_INT(r->actividades, 89);
    CHECK_INT(r->vencidas, 88);
    recoleccion_free(r);
    /* a not-due row losing its real changes nothing; a due one does */
    sql(&f, "UPDATE seguimiento SET real = NULL WHERE corte = 3 AND actividad_id IN "
            "(SELECT a.id FROM actividad a JOIN entregable e ON e.id = a.entregable_id "
            " JOIN meta m ON m.id = e.meta_id WHERE m.unidad_id = 3 AND a.codigo = 'AO.6.1')");
    Plan *q = t_fx_reopen(&f);
    plan_free(f.p);
    f.p = q;
    r = nueva(&f, &o);
    CHECK_INT(fila(r, "Comercialización")->sin_reporte, 1);
    CHECK_INT(fila(r, "Auditoría Interna")->sin_reporte, 1);
    recoleccion_free(r);
    t_fx_close(&f);
}

/* The reported rows in amarillo or rojo of unit u, counted from calc.c. */
static int amarillo_rojo(const Plan *p, int u, int corte)
{
    Umbrales um = calc_umbrales_default();
    int n = 0;
    for (int i = 0; i < p->nacts; i++) {
        const Node *nd = &p->nodes[p->acts[i].node];
        if (nd->deleted || nd->unidad != u)
            continue;
        ResultadoAct res;
        calc_actividad(&p->acts[i], corte, &um, &res);
        n += res.estado == ESTADO_REPORTADA &&
             (res.semaforo == SEM_AMARILLO || res.semaforo == SEM_ROJO);
    }
    return n;
}

/* The actividad id of (unit index, code), and its semáforo at corte 3. */
static int64_t act_id(const Plan *p, int u, const char *codigo, Semaforo *sem)
{
    Umbrales um = calc_umbrales_default();
    for (int i = 0; i < p->nacts; i++) {
        const Node *nd = &p->nodes[p->acts[i].node];
        if (!nd->deleted && nd->unidad == u && strcmp(nd->codigo, codigo) == 0) {
            ResultadoAct res;
            calc_actividad(&p->acts[i], 3, &um, &res);
            *sem = res.semaforo;
            return nd->id;
        }
    }
    return 0;
}

TEST(sin_causa)
{
    TFx f;
    t_fx_open(&f, CAJA, "causa.db");
    RecolOpts o = opts(3, NULL, "2024-10-01");
    Recoleccion *r = nueva(&f, &o);
    int com = plan_find_unidad(f.p, "Comercialización");
    int plan_u = plan_find_unidad(f.p, "Planificación y Desarrollo Institucional");
    int total = 0;
    for (int u = 0; u < f.p->nunidades; u++) {
        int esperado = amarillo_rojo(f.p, u, 3);
        total += esperado;
        CHECK_INT(fila(r, f.p->unidades[u].nombre)->sin_causa, esperado);
    }
    CHECK_INT(r->sin_causa, total);
    int base = fila(r, "Comercialización")->sin_causa;
    CHECK(base >= 2);
    /* Planificación's three rows without a real are rojo, but not «sin causa» */
    CHECK_INT(fila(r, "Planificación y Desarrollo Institucional")->sin_causa,
              amarillo_rojo(f.p, plan_u, 3));
    recoleccion_free(r);

    /* AO.6.1 (31 %, rojo) gets its cause; a verde row's cause counts nothing;
     * a cause of spaces is no cause; another corte's cause does not count */
    Semaforo s1 = SEM_NINGUNO, s2 = SEM_NINGUNO;
    int64_t rojo = act_id(f.p, com, "AO.6.1", &s1);
    CHECK_INT(s1, SEM_ROJO);
    int64_t verde = 0;
    for (int i = 0; i < f.p->nacts && !verde; i++) {
        const Node *nd = &f.p->nodes[f.p->acts[i].node];
        if (nd->unidad == com && act_id(f.p, com, nd->codigo, &s2) && s2 == SEM_VERDE)
            verde = nd->id;
    }
    CHECK(verde > 0);
    char q[512];
    snprintf(q, sizeof q,
             "UPDATE seguimiento SET causa = 'Retraso en la contratación; se reprograma' "
             "WHERE corte = 3 AND actividad_id = %lld;"
             "UPDATE seguimiento SET causa = 'n/a' WHERE corte = 3 AND actividad_id = %lld;",
             (long long)rojo, (long long)verde);
    sql(&f, q);
    r = nueva(&f, &o);
    CHECK_INT(fila(r, "Comercialización")->sin_causa, base - 1);
    recoleccion_free(r);
    snprintf(q, sizeof q,
             "UPDATE seguimiento SET causa = '  ' WHERE corte = 3 AND actividad_id = %lld;"
             "INSERT OR REPLACE INTO seguimiento (actividad_id, corte, causa) VALUES (%lld, 2, 'x');",
             (long long)rojo, (long long)rojo);
    sql(&f, q);
    r = nueva(&f, &o);
    CHECK_INT(fila(r, "Comercialización")->sin_causa, base);
    recoleccion_free(r);
    t_fx_close(&f);
}

/* The unit's % is the board's: the same calc_rollup figure, bit for bit. */
TEST(pct_del_tablero)
{
    TFx f;
    t_fx_open(&f, CAJA, "pct.db");
    Umbrales um = calc_umbrales_default();
    ReglaConsolidacion rg = calc_regla_default();
    for (int corte = 1; corte <= 4; corte++) {
        RecolOpts o = opts(corte, NULL, "2024-10-01");
        Recoleccion *r = nueva(&f, &o);
        Rollup *roll = calc_rollup_new(f.p, corte, -1, &um, &rg);
        for (int u = 0; u < f.p->nunidades; u++) {
            double pct = 0;
            Semaforo sem = SEM_NINGUNO;
            bool has = calc_rollup_figura(roll, &roll->unid[u], &pct, &sem);
            const RecolFila *x = fila(r, f.p->unidades[u].nombre);
            CHECK_INT(x->has_pct, has);
            if (has) {
                CHECK(x->pct == pct);
                CHECK_INT(x->sem, sem);
            }
            CHECK_INT(x->sin_reporte, roll->unid[u].n_estado[ESTADO_SIN_REPORTE]);
        }
        double tp = 0;
        CHECK_INT(r->has_pct, calc_rollup_figura(roll, &roll->total, &tp, NULL));
        if (r->has_pct)
            CHECK(r->pct == tp);
        calc_rollup_free(roll);
        recoleccion_free(r);
    }
    /* the published figure of the Caja at corte 3 */
    RecolOpts o = opts(3, NULL, "2024-10-01");
    Recoleccion *r = nueva(&f, &o);
    CHECK_INT(calc_pct_entero(fila(r, "Auditoría Interna")->pct), 83);
    CHECK_INT(calc_pct_entero(r->pct), 90);
    recoleccion_free(r);
    t_fx_close(&f);
}

static bool antes(const Recoleccion *r, const char *a, const char *b)
{
    int ia = -1, ib = -1;
    for (int i = 0; i < r->nfilas; i++) {
        if (strcmp(r->filas[i].nombre, a) == 0)
            ia = i;
        if (strcmp(r->filas[i].nombre, b) == 0)
            ib = i;
    }
    return ia >= 0 && ib >= 0 && ia < ib;
}

TEST(ordenes)
{
    TFx f;
    t_fx_open(&f, CAJA, "orden.db");
    sql(&f, CAPTURAS);
    RecolOpts o = opts(3, "15/10/2024", "2024-10-16");
    Recoleccion *r = nueva(&f, &o);
    /* by name, accents folded: Auditoría before Comercialización … UAIP last */
    CHECK_STR(r->filas[0].nombre, "Auditoría Interna");
    CHECK_STR(r->filas[r->nfilas - 1].nombre, "UAIP");
    /* by state: vencidas, no enviadas, pendientes, devueltas */
    recoleccion_ordenar(r, RECOL_ORDEN_ESTADO);
    CHECK_STR(r->filas[0].nombre, "Logística y Activos");
    CHECK_STR(r->filas[1].nombre, "Operaciones");
    CHECK_STR(r->filas[r->nfilas - 1].nombre, "Comercialización");
    CHECK(antes(r, "UAIP", "Comercialización"));
    /* by %: lowest first (Planificación 80 %), 100 % units last */
    recoleccion_ordenar(r, RECOL_ORDEN_PCT);
    CHECK_STR(r->filas[0].nombre, "Planificación y Desarrollo Institucional");
    for (int i = 1; i < r->nfilas; i++)
        CHECK(r->filas[i - 1].pct <= r->filas[i].pct + CALC_EPS);
    /* by sin reporte: Planificación (3), Auditoría (1), then the rest by name */
    recoleccion_ordenar(r, RECOL_ORDEN_FALTAN);
    CHECK_STR(r->filas[0].nombre, "Planificación y Desarrollo Institucional");
    CHECK_STR(r->filas[1].nombre, "Auditoría Interna");
    CHECK_STR(r->filas[2].nombre, "Comercialización");
    recoleccion_ordenar(r, RECOL_ORDEN_NOMBRE);
    CHECK_STR(r->filas[0].nombre, "Auditoría Interna");
    RecolOrden x;
    CHECK(recol_orden_parse("faltan", &x) && x == RECOL_ORDEN_FALTAN);
    CHECK(recol_orden_parse("pct", &x) && x == RECOL_ORDEN_PCT);
    CHECK(!recol_orden_parse("porcentaje", &x));
    CHECK_STR(recol_orden_name(RECOL_ORDEN_ESTADO), "estado");
    recoleccion_free(r);
    t_fx_close(&f);
}

TEST(corte_defecto)
{
    TFx f;
    t_fx_open(&f, CAJA, "cortedef.db");
    PoaErr err = {{0}};
    /* no capture sent: the last corte with data */
    CHECK_INT(recoleccion_corte_defecto(f.db, f.p, &err), 3);
    /* a capture sent at corte 4 wins over the data */
    sql(&f, "INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)"
            " VALUES (1, 1, 4, '2024-12-20 09:00:00', 'c4.xlsx', 'h');");
    CHECK_INT(recoleccion_corte_defecto(f.db, f.p, &err), 4);
    t_fx_close(&f);
}

TEST(fechas)
{
    char iso[11];
    CHECK(fecha_dma_iso("15/10/2024", iso));
    CHECK_STR(iso, "2024-10-15");
    CHECK(fecha_dma_iso(" 5/1/2024 ", iso));
    CHECK_STR(iso, "2024-01-05");
    CHECK(fecha_dma_iso("29/02/2024", iso));
    CHECK(!fecha_dma_iso("29/02/2023", iso));
    CHECK(!fecha_dma_iso("31/04/2024", iso));
    CHECK(!fecha_dma_iso("2024-10-15", iso));
    CHECK(!fecha_dma_iso("15/10/24", iso));
    CHECK(!fecha_dma_iso("15/10/2024x", iso));
    CHECK(fecha_iso_valida("2024-10-15"));
    CHECK(!fecha_iso_valida("2024-13-01"));
    CHECK(!fecha_iso_valida("2024-1-01"));

    /* POA_HOY is today for the lateness; a bad one is refused and named */
    char hoy[11];
    PoaErr err = {{0}};
    setenv("POA_HOY", "2024-10-16", 1);
    CHECK(recoleccion_hoy(hoy, &err));
    CHECK_STR(hoy, "2024-10-16");
    setenv("POA_HOY", "16/10/2024", 1);
    CHECK(!recoleccion_hoy(hoy, &err));
    CHECK_STR(err.msg, "POA_HOY = «16/10/2024»: se esperaba una fecha AAAA-MM-DD");
    unsetenv("POA_HOY");
    CHECK(recoleccion_hoy(hoy, &err));
    CHECK(fecha_iso_valida(hoy));

    /* a bad deadline given directly is refused with its key */
    TFx f;
    t_fx_open(&f, CAJA, "fechas.db");
    RecolOpts o = opts(3, "31/09/2024", "2024-10-01");
    CHECK(recoleccion_new(f.db, f.p, &o, &err) == NULL);
    CHECK_STR(err.msg, "[captura] fecha_limite_3 = «31/09/2024»: se esperaba una fecha dd/mm/aaaa");
    t_fx_close(&f);
}

/* [captura] fecha_limite_N in config.ini: read, normalised, a bad one warned
 * with its line and left empty. */
TEST(config_fechas)
{
    char *ini = t_write_text("captura.ini", "[captura]\nfecha_limite_1 = 5/4/2024\n"
                                            "fecha_limite_2 = 31/06/2024\n"
                                            "fecha_limite_3 = 15/10/2024\n");
    Config c;
    ConfigAvisos av = {0};
    PoaErr err = {{0}};
    CHECK(config_load(ini, &c, &av, &err));
    CHECK_STR(c.fecha_limite[0], "05/04/2024");
    CHECK_STR(c.fecha_limite[1], "");
    CHECK_STR(c.fecha_limite[2], "15/10/2024");
    CHECK_STR(c.fecha_limite[3], "");
    CHECK_INT(av.n, 1);
    if (av.n) {
        CHECK_CONTAINS(av.lineas[0], ":3: [captura] fecha_limite_2 = «31/06/2024»: se esperaba "
                                     "una fecha dd/mm/aaaa (día/mes/año), o vacío");
    }
    config_avisos_free(&av);
    free(ini);
}

int main(void)
{
    RUN(estados);
    RUN(sin_reporte);
    RUN(sin_causa);
    RUN(pct_del_tablero);
    RUN(ordenes);
    RUN(corte_defecto);
    RUN(fechas);
    RUN(config_fechas);
    return t_finish();
}
