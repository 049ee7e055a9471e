/* cmd_campos.c — the editable fields, as one table: each row says the label,
 * the change-log column, which levels have the field, and how to reach,
 * format, parse and exchange its value. cmd.c edits, deshacer.c undoes and
 * the interface lists fields through it; a new field is one row here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "numero.h"
#include "u8.h"

/* ---- text fields: where the model keeps them ---- */

static char **slot_texto(Node *n, Actividad *a) { (void)a; return &n->texto; }
static char **slot_codigo(Node *n, Actividad *a) { (void)a; return &n->codigo; }
static char **slot_indicador(Node *n, Actividad *a) { (void)a; return &n->indicador; }
static char **slot_responsables(Node *n, Actividad *a) { (void)n; return &a->responsables; }
static char **slot_unidad_lider(Node *n, Actividad *a) { (void)n; return &a->unidad_lider; }
static char **slot_moneda(Node *n, Actividad *a) { (void)n; return &a->moneda; }
static char **slot_nota(Node *n, Actividad *a) { (void)n; return &a->presupuesto_nota; }
static char **slot_riesgos(Node *n, Actividad *a) { (void)n; return &a->riesgos; }

/* ---- number fields: format, parse, exchange (arg = the quarter) ---- */

static void fmt_presupuesto(const Actividad *a, int q, char *buf, size_t n)
{
    (void)q;
    if (a->has_presupuesto)
        num_format(a->presupuesto, buf, n);
}

static bool parse_presupuesto(Actividad *a, int q, const char *v, const char *nombre,
                              PoaErr *err)
{
    (void)q;
    double d;
    if (!*v) {
        a->has_presupuesto = false;
        a->presupuesto = 0;
        return true;
    }
    if (!num_parse(v, &d) || d < 0) {
        err_set(err, "%s: «%s» no es un importe (ejemplos: 1500000.50, 1,500,000.50, "
                "1.500.000,50, RD$ 150,000)", nombre, v);
        return false;
    }
    a->has_presupuesto = true;
    a->presupuesto = d;
    return true;
}

static void swap_presupuesto(Actividad *a, Actividad *b, int q)
{
    (void)q;
    Actividad t = *a;
    a->has_presupuesto = b->has_presupuesto;
    a->presupuesto = b->presupuesto;
    b->has_presupuesto = t.has_presupuesto;
    b->presupuesto = t.presupuesto;
}

/* The meta anual is q = -1, the quarterly targets q = 0..3. */
static Valor *meta_de(Actividad *a, int q) { return q < 0 ? &a->meta_anual : &a->trim[q]; }

static void fmt_meta(const Actividad *a, int q, char *buf, size_t n)
{
    valor_format(meta_de((Actividad *)a, q), buf, n);
}

static bool parse_meta(Actividad *a, int q, const char *v, const char *nombre, PoaErr *err)
{
    Valor x;
    if (!valor_parse(v, &x) || (x.has && x.valor < 0)) {
        err_set(err, "%s: «%s» no es un número ni un porcentaje (ejemplos: 4, 25%%)", nombre,
                v);
        return false;
    }
    *meta_de(a, q) = x;
    return true;
}

static void swap_meta(Actividad *a, Actividad *b, int q)
{
    Valor t = *meta_de(a, q);
    *meta_de(a, q) = *meta_de(b, q);
    *meta_de(b, q) = t;
}

static void fmt_tipo(const Actividad *a, int q, char *buf, size_t n)
{
    (void)q;
    snprintf(buf, n, "%s", tipo_meta_name(a->tipo));
}

static bool parse_tipo(Actividad *a, int q, const char *v, const char *nombre, PoaErr *err)
{
    (void)q;
    char *f = u8_fold(v);
    bool ok = tipo_meta_parse(f, &a->tipo);
    free(f);
    if (!ok)
        err_set(err, "%s: «%s» no es válido; use acumulable, porcentaje o hito", nombre, v);
    return ok;
}

static void swap_tipo(Actividad *a, Actividad *b, int q)
{
    (void)q;
    TipoMeta t = a->tipo;
    a->tipo = b->tipo;
    b->tipo = t;
}

static void fmt_sentido(const Actividad *a, int q, char *buf, size_t n)
{
    (void)q;
    snprintf(buf, n, "%s", sentido_name(a->sentido));
}

static bool parse_sentido(Actividad *a, int q, const char *v, const char *nombre, PoaErr *err)
{
    (void)q;
    char *f = u8_fold(v);
    bool ok = sentido_parse(f, &a->sentido);
    free(f);
    if (!ok)
        err_set(err, "%s: «%s» no es válido; use ascendente o descendente", nombre, v);
    return ok;
}

static void swap_sentido(Actividad *a, Actividad *b, int q)
{
    (void)q;
    Sentido t = a->sentido;
    a->sentido = b->sentido;
    b->sentido = t;
}

static void fmt_peso(const Actividad *a, int q, char *buf, size_t n)
{
    (void)q;
    num_format(a->peso, buf, n);
}

static bool parse_peso(Actividad *a, int q, const char *v, const char *nombre, PoaErr *err)
{
    (void)q;
    double d;
    if (!num_parse(v, &d) || d < 0) {
        err_set(err, "%s: «%s» no es un número mayor o igual que 0", nombre, v);
        return false;
    }
    a->peso = d;
    return true;
}

static void swap_peso(Actividad *a, Actividad *b, int q)
{
    (void)q;
    double t = a->peso;
    a->peso = b->peso;
    b->peso = t;
}

/* ---- the table ---- */

#define NIVEL(k) (1u << (k))
#define TODOS (NIVEL(NODE_EJE) | NIVEL(NODE_OBJETIVO) | NIVEL(NODE_META) | \
               NIVEL(NODE_ENTREGABLE) | NIVEL(NODE_ACTIVIDAD))
#define ACT NIVEL(NODE_ACTIVIDAD)
#define NUMERO(f) .format = fmt_##f, .parse = parse_##f, .swap = swap_##f

/* What a typed number may carry besides digits. */
typedef enum { TECLEO_TEXTO = 0, TECLEO_NUMERO, TECLEO_META, TECLEO_IMPORTE } Tecleo;

typedef struct {
    const char *nombre;    /* for the user */
    const char *columna;   /* cambio.campo */
    unsigned niveles;      /* NIVEL() of each node kind that has it */
    /* a text field: its slot (a is NULL above the actividad level) */
    char **(*slot)(Node *n, Actividad *a);
    /* a number field of the actividad: q is .arg */
    void (*format)(const Actividad *a, int q, char *buf, size_t n);
    bool (*parse)(Actividad *a, int q, const char *v, const char *nombre, PoaErr *err);
    void (*swap)(Actividad *a, Actividad *b, int q);
    int arg;
    Tecleo tecleo;         /* how a typed value is read (numero.h) */
    /* a field chosen from a list: its values, NULL-terminated */
    const char *const *opciones;
} CampoDesc;

static const char *const OPCIONES_TIPO[] = {"acumulable", "porcentaje", "hito", NULL};
static const char *const OPCIONES_SENTIDO[] = {"ascendente", "descendente", NULL};

static const CampoDesc CAMPOS[CAMPO_N] = {
    [CAMPO_TEXTO] = {.nombre = "Texto", .columna = "texto", .niveles = TODOS,
                     .slot = slot_texto},
    [CAMPO_CODIGO] = {.nombre = "Código", .columna = "codigo",
                      .niveles = NIVEL(NODE_OBJETIVO) | NIVEL(NODE_ENTREGABLE) | ACT,
                      .slot = slot_codigo},
    [CAMPO_INDICADOR] = {.nombre = "Indicador", .columna = "indicador",
                         .niveles = NIVEL(NODE_ENTREGABLE), .slot = slot_indicador},
    [CAMPO_RESPONSABLES] = {.nombre = "Responsables", .columna = "responsables",
                            .niveles = ACT, .slot = slot_responsables},
    [CAMPO_UNIDAD_LIDER] = {.nombre = "Unidad líder", .columna = "unidad_lider",
                            .niveles = ACT, .slot = slot_unidad_lider},
    [CAMPO_PRESUPUESTO] = {.nombre = "Presupuesto", .columna = "presupuesto", .niveles = ACT,
                           NUMERO(presupuesto), .tecleo = TECLEO_IMPORTE},
    [CAMPO_MONEDA] = {.nombre = "Moneda", .columna = "moneda", .niveles = ACT,
                      .slot = slot_moneda},
    [CAMPO_PRESUPUESTO_NOTA] = {.nombre = "Nota de presupuesto", .columna = "presupuesto_nota",
                                .niveles = ACT, .slot = slot_nota},
    [CAMPO_RIESGOS] = {.nombre = "Riesgos", .columna = "riesgos", .niveles = ACT,
                       .slot = slot_riesgos},
    [CAMPO_META_ANUAL] = {.nombre = "Meta anual", .columna = "meta_anual", .niveles = ACT,
                          NUMERO(meta), .arg = -1, .tecleo = TECLEO_META},
    [CAMPO_T1] = {.nombre = "Meta 1er. Trim.", .columna = "t1", .niveles = ACT, NUMERO(meta),
                  .arg = 0, .tecleo = TECLEO_META},
    [CAMPO_T2] = {.nombre = "Meta 2do. Trim.", .columna = "t2", .niveles = ACT, NUMERO(meta),
                  .arg = 1, .tecleo = TECLEO_META},
    [CAMPO_T3] = {.nombre = "Meta 3er. Trim.", .columna = "t3", .niveles = ACT, NUMERO(meta),
                  .arg = 2, .tecleo = TECLEO_META},
    [CAMPO_T4] = {.nombre = "Meta 4to. Trim.", .columna = "t4", .niveles = ACT, NUMERO(meta),
                  .arg = 3, .tecleo = TECLEO_META},
    [CAMPO_TIPO] = {.nombre = "Tipo de meta", .columna = "tipo_meta", .niveles = ACT,
                    NUMERO(tipo), .opciones = OPCIONES_TIPO},
    [CAMPO_SENTIDO] = {.nombre = "Sentido", .columna = "sentido", .niveles = ACT,
                       NUMERO(sentido), .opciones = OPCIONES_SENTIDO},
    [CAMPO_PESO] = {.nombre = "Peso", .columna = "peso", .niveles = ACT, NUMERO(peso),
                 .tecleo = TECLEO_NUMERO},
};

/* ---- what cmd.h offers over the table ---- */

const char *cmd_campo_nombre(CmdCampo c) { return c < CAMPO_N ? CAMPOS[c].nombre : ""; }

const char *cmd_campo_columna(CmdCampo c) { return c < CAMPO_N ? CAMPOS[c].columna : ""; }

bool cmd_campo_aplica(NodeKind k, CmdCampo c)
{
    return c < CAMPO_N && k >= NODE_EJE && k <= NODE_ACTIVIDAD &&
           (CAMPOS[c].niveles & NIVEL(k)) != 0;
}

CmdCampo cmd_campo_de_columna(const char *columna)
{
    for (int c = 0; c < CAMPO_N; c++)
        if (strcmp(CAMPOS[c].columna, columna) == 0)
            return (CmdCampo)c;
    return CAMPO_N;
}

char **cmd_campo_texto(Plan *p, int node, CmdCampo c)
{
    Actividad *a = plan_act(p, node);
    if (c >= CAMPO_N || !CAMPOS[c].slot || (!a && !(CAMPOS[c].niveles & ~ACT)))
        return NULL;
    return CAMPOS[c].slot(&p->nodes[node], a);
}

char *cmd_campo_valor(const Plan *p, int node, CmdCampo c)
{
    char **s = cmd_campo_texto((Plan *)p, node, c);
    if (s)
        return xstrdup(*s);
    const Actividad *a = plan_act((Plan *)p, node);
    char buf[64] = "";
    if (a && c < CAMPO_N && CAMPOS[c].format)
        CAMPOS[c].format(a, CAMPOS[c].arg, buf, sizeof buf);
    return xstrdup(buf);
}

bool cmd_campo_parse(Actividad *a, CmdCampo c, const char *v, PoaErr *err)
{
    if (c >= CAMPO_N || !CAMPOS[c].parse) {
        err_set(err, "Error interno: campo %d", (int)c);
        return false;
    }
    return CAMPOS[c].parse(a, CAMPOS[c].arg, v, CAMPOS[c].nombre, err);
}

void cmd_campo_swap(Actividad *a, Actividad *b, CmdCampo c)
{
    if (c < CAMPO_N && CAMPOS[c].swap)
        CAMPOS[c].swap(a, b, CAMPOS[c].arg);
}

bool cmd_campo_tecleado(CmdCampo c, char **v, char *moneda, size_t moneda_n)
{
    if (moneda_n)
        moneda[0] = '\0';
    if (c >= CAMPO_N || CAMPOS[c].tecleo == TECLEO_TEXTO)
        return true;
    Tecleo t = CAMPOS[c].tecleo;
    char out[96];
    if (!numero_normalizar(*v, t == TECLEO_META, out, sizeof out, moneda,
                           t == TECLEO_IMPORTE ? moneda_n : 0))
        return false;
    free(*v);
    *v = xstrdup(out);
    return true;
}

const char *const *cmd_campo_opciones(CmdCampo c)
{
    return c < CAMPO_N ? CAMPOS[c].opciones : NULL;
}
