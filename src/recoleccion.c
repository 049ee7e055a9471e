/* recoleccion.c — «¿Quién falta?»: the capture workbooks sent and returned
 * per unit at a corte (table captura), the causes (seguimiento.causa), and
 * what each unit still owes, with the figures of calc_rollup. */
#include "recoleccion.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fecha.h"
#include "plancsv.h"
#include "u8.h"

/* Reading captura and causa here rather than through store.c: the model
 * does not hold them on this branch (the capture engineer adds causa to the
 * model; the lead reconciles). Every value is bound. */
static const char SQL_CAPTURAS[] =
    "SELECT unidad_id, enviada_en, archivo, recibida_en, recibida_de FROM captura "
    "WHERE plan_id = ?1 AND corte = ?2 ORDER BY unidad_id, enviada_en, id";
static const char SQL_CAUSAS[] =
    "SELECT s.actividad_id FROM seguimiento s "
    "JOIN actividad a ON a.id = s.actividad_id "
    "JOIN entregable e ON e.id = a.entregable_id "
    "JOIN meta m ON m.id = e.meta_id "
    "JOIN unidad u ON u.id = m.unidad_id "
    "WHERE u.plan_id = ?1 AND s.corte = ?2 AND trim(s.causa, ' ' || char(9, 10, 13)) <> ''";
static const char SQL_ULTIMA_CAPTURA[] = "SELECT max(corte) FROM captura WHERE plan_id = ?1";

static bool sql_falla(Db *db, PoaErr *err, const char *what)
{
    err_set(err, "%s: %s", what, db_error_text(db));
    return false;
}

static char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return xstrdup(t ? (const char *)t : "");
}

/* ---- dates ---- */

bool recoleccion_hoy(char out[11], PoaErr *err)
{
    const char *env = getenv("POA_HOY");
    if (!str_empty(env)) {
        if (!fecha_iso_valida(env)) {
            err_set(err, "POA_HOY = «%s»: se esperaba una fecha AAAA-MM-DD", env);
            return false;
        }
        snprintf(out, 11, "%s", env);
        return true;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
    return true;
}

/* ---- rows ---- */

static RecolFila *fila_de(Recoleccion *r, int *fila_de_unidad, const Plan *p, int u)
{
    if (fila_de_unidad[u] < 0) {
        RecolFila *f = &r->filas[r->nfilas];
        memset(f, 0, sizeof *f);
        f->unidad = u;
        f->nombre = xstrdup(p->unidades[u].nombre);
        f->enviada_en = xstrdup("");
        f->archivo = xstrdup("");
        f->recibida_en = xstrdup("");
        f->recibida_de = xstrdup("");
        fila_de_unidad[u] = r->nfilas++;
    }
    return &r->filas[fila_de_unidad[u]];
}

/* The newest capture row of each unit (rows come oldest first per unit). */
static bool leer_capturas(Db *db, const Plan *p, Recoleccion *r, int *fila_de_unidad, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_CAPTURAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int(st, 2, r->corte);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int u = plan_find_unidad_id(p, sqlite3_column_int64(st, 0));
        if (u < 0)
            continue;
        RecolFila *f = fila_de(r, fila_de_unidad, p, u);
        f->envios++;
        char **dst[4] = {&f->enviada_en, &f->archivo, &f->recibida_en, &f->recibida_de};
        for (int i = 0; i < 4; i++) {
            free(*dst[i]);
            *dst[i] = col_text(st, i + 1);
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sql_falla(db, err, "No se pudieron leer los libros de captura enviados");
    return true;
}

static int cmp_id(const void *x, const void *y)
{
    int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
    return a < b ? -1 : a > b;
}

/* The ids of the plan's actividades with a cause at the corte, sorted. */
static bool leer_causas(Db *db, const Plan *p, int corte, int64_t **ids, int *n, PoaErr *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *st = db_stmt(db, SQL_CAUSAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_int(st, 2, corte);
    int rc, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            *ids = xrealloc(*ids, sizeof **ids * (size_t)cap);
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        *n = 0;
        return sql_falla(db, err, "No se pudieron leer las causas del seguimiento");
    }
    if (*n)
        qsort(*ids, (size_t)*n, sizeof **ids, cmp_id);
    return true;
}

static void estado_de(RecolFila *f, const char *limite_iso, const char *hoy)
{
    bool devuelta = f->envios > 0 && f->recibida_en[0];
    f->vencida = !devuelta && limite_iso[0] && strcmp(hoy, limite_iso) > 0;
    if (f->envios == 0)
        f->estado = RECOL_NO_ENVIADA;
    else if (devuelta)
        f->estado = RECOL_DEVUELTA;
    else
        f->estado = f->vencida ? RECOL_VENCIDA : RECOL_PENDIENTE;
}

Recoleccion *recoleccion_new(Db *db, const Plan *p, const RecolOpts *o, PoaErr *err)
{
    if (o->corte < 1 || o->corte > POA_TRIMESTRES) {
        err_set(err, "corte %d: se esperaba un trimestre de 1 a 4", o->corte);
        return NULL;
    }
    char hoy[11], limite_iso[11] = "";
    if (o->hoy) {
        if (!fecha_iso_valida(o->hoy)) {
            err_set(err, "fecha de hoy «%s»: se esperaba AAAA-MM-DD", o->hoy);
            return NULL;
        }
        snprintf(hoy, sizeof hoy, "%s", o->hoy);
    } else if (!recoleccion_hoy(hoy, err)) {
        return NULL;
    }
    if (!str_empty(o->fecha_limite) && !fecha_dma_iso(o->fecha_limite, limite_iso)) {
        err_set(err, "[captura] fecha_limite_%d = «%s»: se esperaba una fecha dd/mm/aaaa",
                o->corte, o->fecha_limite);
        return NULL;
    }
    Recoleccion *r = xcalloc(1, sizeof *r);
    r->corte = o->corte;
    snprintf(r->hoy, sizeof r->hoy, "%s", hoy);
    if (limite_iso[0])
        snprintf(r->limite, sizeof r->limite, "%.2s/%.2s/%.4s", limite_iso + 8, limite_iso + 5,
                 limite_iso);
    r->filas = xcalloc((size_t)(p->nunidades ? p->nunidades : 1), sizeof *r->filas);
    int *fila_de_unidad = xmalloc(sizeof(int) * (size_t)(p->nunidades ? p->nunidades : 1));
    for (int u = 0; u < p->nunidades; u++)
        fila_de_unidad[u] = -1;
    int64_t *causas = NULL;
    int ncausas = 0;
    Rollup *roll = NULL;
    if (!leer_capturas(db, p, r, fila_de_unidad, err) ||
        !leer_causas(db, p, r->corte, &causas, &ncausas, err))
        goto fail;
    /* the figures from the one roll-up the board, reports and verificar read */
    roll = calc_rollup_new(p, r->corte, -1, &o->umbrales, &o->regla);
    for (int i = 0; i < p->nacts; i++) {
        const Node *n = &p->nodes[p->acts[i].node];
        if (!roll->contada[i] || n->unidad < 0)
            continue;
        RecolFila *f = fila_de(r, fila_de_unidad, p, n->unidad);
        const ResultadoAct *res = &roll->act[i];
        f->actividades++;
        if (res->estado == ESTADO_REPORTADA &&
            (res->semaforo == SEM_ROJO || res->semaforo == SEM_AMARILLO) &&
            !(ncausas && bsearch(&n->id, causas, (size_t)ncausas, sizeof *causas, cmp_id)))
            f->sin_causa++;
    }
    for (int i = 0; i < r->nfilas; i++) {
        RecolFila *f = &r->filas[i];
        const Consolidado *c = &roll->unid[f->unidad];
        f->sin_reporte = c->n_estado[ESTADO_SIN_REPORTE];
        f->vencidas = c->n_estado[ESTADO_REPORTADA] + f->sin_reporte;
        f->has_pct = calc_rollup_figura(roll, c, &f->pct, &f->sem);
        estado_de(f, limite_iso, hoy);
        r->n_estado[f->estado]++;
        r->n_vencidas_plazo += f->vencida;
        r->actividades += f->actividades;
        r->vencidas += f->vencidas;
        r->sin_reporte += f->sin_reporte;
        r->sin_causa += f->sin_causa;
    }
    r->has_pct = calc_rollup_figura(roll, &roll->total, &r->pct, &r->sem);
    calc_rollup_free(roll);
    free(causas);
    free(fila_de_unidad);
    r->orden = RECOL_NORDENES;
    recoleccion_ordenar(r, RECOL_ORDEN_NOMBRE);
    return r;
fail:
    calc_rollup_free(roll);
    free(causas);
    free(fila_de_unidad);
    recoleccion_free(r);
    return NULL;
}

void recoleccion_free(Recoleccion *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->nfilas; i++) {
        RecolFila *f = &r->filas[i];
        free(f->nombre);
        free(f->enviada_en);
        free(f->archivo);
        free(f->recibida_en);
        free(f->recibida_de);
    }
    free(r->filas);
    free(r);
}

/* ---- order ---- */

typedef struct {
    RecolFila f;
    char *clave;
} Ordenable;

static RecolOrden orden_actual;

/* Who is missing first: late, never sent, waiting, back. */
static int rango_estado(RecolEstado e)
{
    static const int RANGO[RECOL_NESTADOS] = {
        [RECOL_VENCIDA] = 0, [RECOL_NO_ENVIADA] = 1, [RECOL_PENDIENTE] = 2, [RECOL_DEVUELTA] = 3};
    return RANGO[e];
}

static int cmp_fila(const void *x, const void *y)
{
    const Ordenable *a = x, *b = y;
    int c = 0;
    switch (orden_actual) {
    case RECOL_ORDEN_ESTADO: c = rango_estado(a->f.estado) - rango_estado(b->f.estado); break;
    case RECOL_ORDEN_PCT:
        if (a->f.has_pct != b->f.has_pct)
            c = a->f.has_pct ? -1 : 1;
        else if (a->f.has_pct && a->f.pct + CALC_EPS < b->f.pct)
            c = -1;
        else if (a->f.has_pct && b->f.pct + CALC_EPS < a->f.pct)
            c = 1;
        break;
    case RECOL_ORDEN_FALTAN: c = b->f.sin_reporte - a->f.sin_reporte; break;
    default: break;
    }
    if (!c)
        c = strcmp(a->clave, b->clave);
    return c ? c : a->f.unidad - b->f.unidad;
}

void recoleccion_ordenar(Recoleccion *r, RecolOrden orden)
{
    if (orden == r->orden)
        return;
    Ordenable *v = xmalloc(sizeof *v * (size_t)(r->nfilas ? r->nfilas : 1));
    for (int i = 0; i < r->nfilas; i++) {
        v[i].f = r->filas[i];
        v[i].clave = u8_fold(r->filas[i].nombre);
    }
    orden_actual = orden;
    qsort(v, (size_t)r->nfilas, sizeof *v, cmp_fila);
    for (int i = 0; i < r->nfilas; i++) {
        r->filas[i] = v[i].f;
        free(v[i].clave);
    }
    free(v);
    r->orden = orden;
}

int recoleccion_corte_defecto(Db *db, const Plan *p, PoaErr *err)
{
    sqlite3_stmt *st = db_stmt(db, SQL_ULTIMA_CAPTURA, err);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->id);
    int rc = sqlite3_step(st);
    int corte = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sql_falla(db, err, "No se pudieron leer los libros de captura enviados");
        return -1;
    }
    return corte >= 1 && corte <= POA_TRIMESTRES ? corte : calc_ultimo_corte_con_datos(p);
}

/* ---- names ---- */

const char *recol_estado_name(RecolEstado e)
{
    static const char *const N[RECOL_NESTADOS] = {
        [RECOL_NO_ENVIADA] = "no enviada", [RECOL_PENDIENTE] = "pendiente",
        [RECOL_VENCIDA] = "vencida", [RECOL_DEVUELTA] = "devuelta"};
    return e >= 0 && e < RECOL_NESTADOS ? N[e] : "";
}

static const char *const ORDEN_NOMBRE[RECOL_NORDENES] = {"nombre", "estado", "pct", "faltan"};

const char *recol_orden_name(RecolOrden o)
{
    return o >= 0 && o < RECOL_NORDENES ? ORDEN_NOMBRE[o] : "";
}

bool recol_orden_parse(const char *s, RecolOrden *out)
{
    for (int i = 0; i < RECOL_NORDENES; i++)
        if (s && strcmp(s, ORDEN_NOMBRE[i]) == 0) {
            *out = (RecolOrden)i;
            return true;
        }
    return false;
}

const char *recol_orden_texto(RecolOrden o)
{
    static const char *const T[RECOL_NORDENES] = {
        "nombre", "estado (vencidas primero)", "% de ejecución (menor primero)",
        "sin reporte (más primero)"};
    return o >= 0 && o < RECOL_NORDENES ? T[o] : "";
}

const char *recol_momento_corto(const char *momento, char *buf, size_t n)
{
    char fecha[11];
    if (strlen(momento) >= 16 && momento[10] == ' ' && momento[13] == ':' &&
        (snprintf(fecha, sizeof fecha, "%.10s", momento), fecha_iso_valida(fecha)))
        snprintf(buf, n, "%.2s/%.2s/%.4s %.5s", momento + 8, momento + 5, momento, momento + 11);
    else
        snprintf(buf, n, "%s", momento);
    return buf;
}
