/* recoleccion.h — «¿Quién falta?»: for a plan and a corte, per unit, the
 * capture workbook sent and returned, late or not, what it still owes and its
 * % so far (calc_rollup), with totals and orders. No curses; the CLI
 * (poa recoleccion) and the collection screen both read it. */
#ifndef POA_RECOLECCION_H
#define POA_RECOLECCION_H

#include <stdbool.h>

#include "calc.h"
#include "db.h"
#include "model.h"
#include "util.h"

/* The unit's capture at the corte, from the newest row of table captura. */
typedef enum {
    RECOL_NO_ENVIADA = 0,  /* no capture workbook written for this unit and corte */
    RECOL_PENDIENTE,       /* sent, not returned, the deadline not passed (or none) */
    RECOL_VENCIDA,         /* sent, not returned, today is past the deadline */
    RECOL_DEVUELTA,        /* the newest workbook sent came back */
    RECOL_NESTADOS
} RecolEstado;

typedef enum {
    RECOL_ORDEN_NOMBRE = 0,  /* unit name, ignoring accents and case */
    RECOL_ORDEN_ESTADO,      /* vencida, no enviada, pendiente, devuelta */
    RECOL_ORDEN_PCT,         /* lowest % first; units with nothing due last */
    RECOL_ORDEN_FALTAN,      /* most actividades sin reporte first */
    RECOL_NORDENES
} RecolOrden;

typedef struct {
    int unidad;            /* index in Plan.unidades */
    char *nombre;
    RecolEstado estado;
    bool vencida;          /* not returned and today past the deadline (sent or not) */
    int envios;            /* capture workbooks written for it at this corte */
    char *enviada_en;      /* the newest one: 'AAAA-MM-DD HH:MM:SS', "" when none */
    char *archivo;
    char *recibida_en;     /* "" when not returned */
    char *recibida_de;
    int actividades;       /* its live actividades */
    int vencidas;          /* due up to the corte (reportadas + sin reporte) */
    int sin_reporte;       /* due and no real at the corte */
    int sin_causa;         /* reportadas in amarillo or rojo without a cause */
    bool has_pct;          /* false when nothing was due */
    double pct;            /* the unit's roll-up, as the board shows it */
    Semaforo sem;
} RecolFila;

typedef struct {
    int corte;
    char hoy[11];          /* AAAA-MM-DD the lateness was judged on */
    char limite[11];       /* the corte's deadline dd/mm/aaaa, "" when none */
    RecolFila *filas;      /* one per unit with actividades or a capture */
    int nfilas;
    RecolOrden orden;
    /* totals */
    int n_estado[RECOL_NESTADOS];
    int n_vencidas_plazo;  /* filas with vencida set */
    int actividades, vencidas, sin_reporte, sin_causa;
    bool has_pct;          /* the institution's roll-up */
    double pct;
    Semaforo sem;
} Recoleccion;

typedef struct {
    int corte;                     /* 1..4 */
    Umbrales umbrales;
    ReglaConsolidacion regla;
    const char *fecha_limite;      /* dd/mm/aaaa ([captura] fecha_limite_N); NULL/"" none */
    const char *hoy;               /* AAAA-MM-DD; NULL: recoleccion_hoy() */
} RecolOpts;

/* Reads the captures and the causes of plan p (already loaded from db) at
 * o->corte, with bound SQL, and computes every row. NULL with err set when
 * the file cannot be read or a date is malformed. Rows come sorted by name. */
Recoleccion *recoleccion_new(Db *db, const Plan *p, const RecolOpts *o, PoaErr *err);
void recoleccion_free(Recoleccion *r);   /* accepts NULL */
void recoleccion_ordenar(Recoleccion *r, RecolOrden orden);

/* Today for the lateness: POA_HOY=AAAA-MM-DD when set (tests), else the
 * local date — the one place that reads the clock for it. false with err
 * when POA_HOY is not a date. */
bool recoleccion_hoy(char out[11], PoaErr *err);
/* The corte to show when none is asked: the last with a capture sent, else
 * the last with data (calc_ultimo_corte_con_datos); 0 when neither. */
int recoleccion_corte_defecto(Db *db, const Plan *p, PoaErr *err);

/* "devuelta", "pendiente", "vencida", "no enviada". */
const char *recol_estado_name(RecolEstado e);
/* "nombre", "estado", "pct", "faltan" and back. */
const char *recol_orden_name(RecolOrden o);
bool recol_orden_parse(const char *s, RecolOrden *out);
/* 'AAAA-MM-DD HH:MM:SS' as the analyst reads it: "09/10/2024 16:30"; a
 * text of another shape as it is; "" stays "". */
const char *recol_momento_corto(const char *momento, char *buf, size_t n);
/* How the order reads on screen: "nombre", "estado", "% (menor primero)"… */
const char *recol_orden_texto(RecolOrden o);

#endif
