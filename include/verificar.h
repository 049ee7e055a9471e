/* verificar.h — the plan checks of `poa verificar` and the interface: each
 * finding has a severity (error: it would put a wrong number in front of the
 * board; aviso: everything else), the unit, code, field and value it is
 * about, a Spanish message and, for spelling duplicates, the `poa unificar`
 * command that merges them. Linear in the plan. See docs/verificar.md. */
#ifndef POA_VERIFICAR_H
#define POA_VERIFICAR_H

#include <stdbool.h>
#include <stddef.h>

#include "calc.h"
#include "model.h"
#include "util.h"

typedef enum { SEV_ERROR = 0, SEV_AVISO } Severidad;

typedef struct {
    Severidad sev;
    const char *regla;  /* stable id: "pct_publicado", "real_unidad", "metas_suma", … */
    int unidad;         /* index in Plan.unidades, -1 for the whole plan */
    int node;           /* the actividad, eje or objetivo */
    char *codigo;       /* actividad (or objetivo) code, "" if none */
    char *campo;        /* "pct_publicado", "real", "meta_anual", "responsables", "eje"… */
    char *valor;        /* the value as written */
    char *mensaje;      /* Spanish, self-contained */
    char *sugerencia;   /* a command to run, or "" */
} Hallazgo;

typedef struct {
    Hallazgo *v;
    int n, cap;
    int errores, avisos;
    int corte;          /* the corte checked (0: no seguimiento data) */
    /* The consolidated figures at that corte (NULL without seguimiento):
     * the same roll-up the board and the reports read (calc_rollup). */
    Rollup *rollup;
} Hallazgos;

typedef struct {
    int corte;              /* 1..4; 0 = the latest corte with seguimiento data */
    Umbrales umbrales;
    ReglaConsolidacion regla;   /* zeroed = the default rule */
    const char *archivo;    /* the file name used in suggested commands */
} VerificarOpts;

/* Runs every check; findings are ordered by unit (plan order, whole-plan
 * findings last), then tree order. */
void verificar_plan(Plan *p, const VerificarOpts *o, Hallazgos *out);
void hallazgos_free(Hallazgos *h);   /* accepts NULL; leaves it empty */

/* The unit check on one real against its activity's targets: a
 * percentage target with a real written without % above 1.5 ("75" meaning
 * 75 %), or a count target with a real written with %. Writes the message
 * and returns true when they do not match. */
bool verificar_real_desajuste(const Actividad *a, const Valor *real, char *msg, size_t n);

/* Output. The human text groups by unit, then gives the consolidated
 * figures (institution, units, ejes, objetivos) and ends with the totals;
 * the JSON is one object {"archivo", "institucion", "anio", "corte",
 * "errores", "avisos", "hallazgos": [{"severidad", "regla", "unidad",
 * "codigo", "campo", "valor", "mensaje", "sugerencia", "nodo"}],
 * "consolidado": null | {"institucion": F, "unidades": [F…], "ejes": [F…],
 * "objetivos": [F…]}} where F = {"nombre", "pct" (a fraction, or null when
 * nothing was due), "semaforo", "actividades", "vencidas"}. */
void verificar_texto(const Plan *p, const Hallazgos *h, const char *archivo, StrBuf *out);
void verificar_json(const Plan *p, const Hallazgos *h, const char *archivo, StrBuf *out);

const char *severidad_name(Severidad s);   /* "error", "aviso" */

#endif
