/* model.h — the plan in memory: one institution and year, its units and the
 * tree eje → objetivo → meta operativa (per unit) → entregable → actividad.
 * Plain structs addressed by index; the model owns every string in it.
 * Levels a plan does not use exist as "implicit" nodes with empty text
 * (the Caja's plan has no ejes and no entregables); views skip them. */
#ifndef POA_MODEL_H
#define POA_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

#define POA_MESES 12
#define POA_TRIMESTRES 4

typedef enum {
    NODE_RAIZ = 0,      /* the plan itself: index 0, parent -1 */
    NODE_EJE,
    NODE_OBJETIVO,
    NODE_META,          /* meta operativa: one unit's goal under an objetivo */
    NODE_ENTREGABLE,
    NODE_ACTIVIDAD,
} NodeKind;

typedef enum { CELL_VACIA = 0, CELL_X, CELL_NUM } CellKind;

typedef struct {
    CellKind kind;
    double valor;       /* 1 for CELL_X, the quantity for CELL_NUM, 0 if empty */
} MesCell;

/* A target or a real as written: a number, or a percentage stored as a
 * fraction (25 % -> 0.25, pct = true). */
typedef struct {
    bool has;
    bool pct;
    double valor;
} Valor;

typedef enum { TIPO_ACUMULABLE = 0, TIPO_PORCENTAJE, TIPO_HITO } TipoMeta;
typedef enum { SENTIDO_ASCENDENTE = 0, SENTIDO_DESCENDENTE } Sentido;

typedef struct {
    Valor real;             /* accumulated up to the corte */
    char *observaciones;    /* "" if none */
    char *evidencia;        /* "" if none */
    char *pct_publicado;    /* as the institution published it; "" if none */
    char *causa;            /* the unit's cause and corrective measure; "" if none */
} Seguimiento;

typedef struct {
    int node;               /* back to the tree */
    char *unidad_lider;
    char *responsables;     /* as written, "/"-separated */
    bool has_presupuesto;
    double presupuesto;
    char *moneda;           /* "RD$", "$", or "" */
    char *presupuesto_nota; /* "N/A", "(viaticos)", or "" */
    char *riesgos;          /* "R33, R44" or "" */
    MesCell mes[POA_MESES];
    Valor trim[POA_TRIMESTRES];  /* quarterly targets as entered */
    Valor meta_anual;
    TipoMeta tipo;
    Sentido sentido;
    double peso;            /* weight in weighted roll-ups, default 1 */
    Seguimiento seg[POA_TRIMESTRES];  /* index corte-1 */
} Actividad;

typedef struct {
    NodeKind kind;
    int64_t id;             /* row id in the node's table; 0 for the root */
    int parent;             /* node index; -1 for the root */
    IntVec kids;            /* node indices in display order */
    int unidad;             /* index in Plan.unidades for META and below, else -1 */
    char *codigo;           /* "" if none */
    char *texto;            /* "" for an implicit level */
    char *indicador;        /* ENTREGABLE only, else "" */
    int act;                /* index in Plan.acts for ACTIVIDAD, else -1 */
    bool deleted;           /* removed from the tree; index stays valid */
    bool pendiente;         /* a first page (store_load_primeros): part of its subtree is
                               still loading, so its totals are not shown (issue 14) */
    bool recortado;         /* ... and children after its last one are still to come */
} Node;

typedef struct {
    int64_t id;
    char *nombre;
    char *mision;
    char *nota;
} Unidad;

typedef struct {
    bool cerrado;
    char *cerrado_por;
    char *cerrado_en;
    char *motivo;           /* the last reopening's reason, if any */
} CorteEstado;

typedef struct {
    int64_t id;             /* plan row id */
    char *institucion;
    int anio;
    Unidad *unidades;
    int nunidades;
    Node *nodes;            /* nodes[0] is the root */
    int nnodes, capnodes;
    Actividad *acts;
    int nacts, capacts;
    CorteEstado cortes[POA_TRIMESTRES];
} Plan;

Plan *plan_new(const char *institucion, int anio);
void plan_free(Plan *p);  /* accepts NULL */

/* Appends a unit; returns its index. */
int plan_add_unidad(Plan *p, int64_t id, const char *nombre, const char *mision,
                    const char *nota);
int plan_find_unidad(const Plan *p, const char *nombre);   /* -1 if none */
int plan_find_unidad_id(const Plan *p, int64_t id);

/* Appends a node as the last child of parent (or at position pos >= 0);
 * returns its index. For NODE_ACTIVIDAD an Actividad is created too
 * (peso 1, everything else empty). */
int plan_add_node(Plan *p, NodeKind kind, int64_t id, int parent, int pos,
                  int unidad, const char *codigo, const char *texto);
/* Gives back the arrays' unused capacity (their doubling leaves up to half
 * unused): a loaded plan, which mostly grows by one node at a time later. */
void plan_shrink(Plan *p);
/* Marks node and its subtree deleted and unlinks it from its parent. */
void plan_remove_node(Plan *p, int node);
/* Moves node to new_parent at position pos (-1: last). */
void plan_move_node(Plan *p, int node, int new_parent, int pos);

/* Frees the strings an Actividad owns (not the Actividad): for a copy read
 * outside a plan. */
void actividad_free_textos(Actividad *a);

static inline Actividad *plan_act(Plan *p, int node)
{
    return p->nodes[node].act >= 0 ? &p->acts[p->nodes[node].act] : 0;
}

/* A node is implicit when it stands for a level the plan does not use. */
bool plan_node_implicit(const Plan *p, int node);
/* Counts the actividades in node's subtree (the node itself included). */
int plan_count_actividades(const Plan *p, int node);
/* Counts all nodes under node (not the node itself). */
int plan_count_descendants(const Plan *p, int node);
/* Nearest ancestor (or self) of the given kind, or -1. */
int plan_ancestor(const Plan *p, int node, NodeKind kind);
/* Visits every live actividad node under node in tree order. */
typedef void (*PlanActVisit)(Plan *p, int node, void *ctx);
void plan_each_actividad(Plan *p, int node, PlanActVisit fn, void *ctx);

/* Spanish names for the levels: "eje", "objetivo", "meta operativa"… */
const char *node_kind_name(NodeKind k);
/* The node's text as views and reports show it: an empty one reads
 * "(sin objetivo estratégico)", "(sin eje)", … rather than a blank label. */
const char *node_texto_mostrado(const Node *n);
const char *tipo_meta_name(TipoMeta t);      /* "acumulable", "porcentaje", "hito" */
bool tipo_meta_parse(const char *s, TipoMeta *out);
const char *sentido_name(Sentido s);         /* "ascendente", "descendente" */
bool sentido_parse(const char *s, Sentido *out);

/* Month cells and values as the flat CSV writes them ("x", "5", "", "25%"). */
const char *mes_cell_format(const MesCell *c, char *buf, size_t n);
bool mes_cell_parse(const char *s, MesCell *out);  /* "" -> empty; "x"/"X"; number >= 0 */
const char *valor_format(const Valor *v, char *buf, size_t n);
bool valor_parse(const char *s, Valor *out);       /* "" -> !has */

/* Month and quarter labels: "Ene", "1er. Trim.", "EN-MAR". */
extern const char *const POA_MES_CORTO[POA_MESES];
extern const char *const POA_MES_CSV[POA_MESES];   /* "ene" … "dic" */
extern const char *const POA_TRIM_NOMBRE[POA_TRIMESTRES];
extern const char *const POA_TRIM_RANGO[POA_TRIMESTRES];

#endif
