/* plano.c — the one builder of flat-template records (plano.h): every value
 * validated with its cell named, every error of a file kept, and the plan
 * tree built by natural keys in the order of the document. */
#include "plano_build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "strmap.h"

const char *const PLANO_COLS[PLANO_NCOLS] = {
    "institucion", "anio", "unidad", "mision", "eje", "objetivo_codigo", "objetivo",
    "meta_operativa", "entregable_codigo", "entregable", "indicador", "actividad_codigo",
    "actividad", "unidad_lider", "responsables", "presupuesto", "presupuesto_nota",
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic",
    "meta_anual", "t1", "t2", "t3", "t4", "corte", "real", "pct_publicado", "observaciones",
    "nota_unidad", "riesgos", "tipo_meta", "sentido", "peso", "evidencia",
};

struct PlanoBuilder {
    PlanoOpciones op;
    Libro *libro;
    int hoja, nhoja;      /* nhoja counts the sheets given, for hoja_de_nodo */
    bool coma_decimal;    /* text numbers use 1.500,50 (a ';' CSV) */
    Plan *p;
    StrMap keys;
    IntVec hoja_de_nodo;
    PlanoAvisos errores, avisos;
    int nerrores, nregistros;
    char *text[PLANO_NCOLS];   /* the record's values, pointing into arena */
    char *arena;               /* reused from record to record: no malloc per value */
    StrBuf key;                /* the same for the keys of the tree's levels */
    int last[NODE_ACTIVIDAD];  /* per level, the node the previous record used (0: none) */
    int last_unidad;           /* -1: none */
    size_t arena_cap;
    bool fila_mala;       /* the record being read has an error */
};

PlanoBuilder *plano_builder_new(const PlanoOpciones *op)
{
    PlanoBuilder *b = xcalloc(1, sizeof *b);
    if (op)
        b->op = *op;
    b->nhoja = -1;
    b->last_unidad = -1;
    return b;
}

void plano_builder_free(PlanoBuilder *b)
{
    if (!b)
        return;
    plan_free(b->p);
    strmap_free(&b->keys);
    iv_free(&b->hoja_de_nodo);
    plano_avisos_free(&b->errores);
    plano_avisos_free(&b->avisos);
    free(b->arena);
    sb_free(&b->key);
    free(b);
}

void plano_builder_hoja(PlanoBuilder *b, Libro *l, int hoja)
{
    b->libro = l;
    b->hoja = hoja;
    b->nhoja++;
    b->coma_decimal = libro_formato(l) == LIBRO_CSV && libro_csv_separador(l) == ';';
}

void plano_builder_error(PlanoBuilder *b, char *msg)
{
    b->nerrores++;
    if (b->errores.n < PLANO_MAX_ERRORES)
        plano_avisos_add(&b->errores, msg);
    else
        free(msg);
}

int plano_builder_nerrores(const PlanoBuilder *b) { return b->nerrores; }
const PlanoAvisos *plano_builder_errores(const PlanoBuilder *b) { return &b->errores; }
PlanoAvisos *plano_builder_avisos(PlanoBuilder *b) { return &b->avisos; }
int plano_builder_nregistros(const PlanoBuilder *b) { return b->nregistros; }

static const char *const MONEDAS[] = {"RD$", "US$", "USD", "DOP", "$"};

void presupuesto_nota_split(const char *s, char **moneda, char **nota)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(MONEDAS); i++) {
        size_t n = strlen(MONEDAS[i]);
        if (strncmp(s, MONEDAS[i], n) == 0 && (s[n] == '\0' || s[n] == ';')) {
            *moneda = xstrdup(MONEDAS[i]);
            const char *rest = s + n;
            if (*rest == ';')
                rest++;
            while (*rest == ' ')
                rest++;
            *nota = xstrdup(rest);
            return;
        }
    }
    *moneda = xstrdup("");
    *nota = xstrdup(s);
}

char *presupuesto_nota_join(const char *moneda, const char *nota)
{
    if (*moneda && *nota)
        return xasprintf("%s; %s", moneda, nota);
    return xstrdup(*moneda ? moneda : nota);
}

/* ---- places and errors ---- */

/* Where the record is, when no cell says it better. */
static const char *lugar_fila(const PlanoBuilder *b, const PlanoRegistro *r, char *buf, size_t n)
{
    if (libro_formato(b->libro) == LIBRO_CSV)
        snprintf(buf, n, "%s:%d", libro_ruta(b->libro), r->fila);
    else
        snprintf(buf, n, "%s:%s, fila %d", libro_ruta(b->libro),
                 libro_hoja_nombre(b->libro, b->hoja), r->fila);
    return buf;
}

static const char *lugar(const PlanoBuilder *b, const PlanoRegistro *r, int col, char *buf,
                         size_t n)
{
    if (r->c[col])
        return libro_lugar(b->libro, b->hoja, r->c[col], buf, n);
    return lugar_fila(b, r, buf, n);
}

/* fmt has one %s for the value (as written in the document). */
static void bad(PlanoBuilder *b, const PlanoRegistro *r, int col, const char *fmt,
                const char *value)
{
    char where[512], what[700];
    snprintf(what, sizeof what, fmt, value);
    lugar(b, r, col, where, sizeof where);
    plano_builder_error(b, xasprintf("%s: columna «%s»: %s", where, PLANO_COLS[col], what));
    b->fila_mala = true;
}

/* ---- numbers: one rule per file ---- */

/* The text the parsers of util.c/model.c (',' thousands, '.' decimal) read
 * for the value of col: a ';' CSV writes 1.500,50, so its '.' and ',' swap.
 * Numeric workbook cells already come as C writes them. */
static const char *as_c_number(const PlanoBuilder *b, const PlanoRegistro *r, int col,
                               char *buf, size_t n)
{
    const char *s = b->text[col];
    bool numeric_cell = r->c[col] && r->c[col]->tipo == CELDA_NUMERO;
    if (!b->coma_decimal || numeric_cell || !r->c[col])
        return s;
    size_t i = 0;
    for (; s[i] && i + 1 < n; i++)
        buf[i] = s[i] == '.' ? ',' : s[i] == ',' ? '.' : s[i];
    buf[i] = '\0';
    return buf;
}

static const char *regla(const PlanoBuilder *b)
{
    return b->coma_decimal ? "en un archivo separado por «;» la coma es el decimal y el punto "
                             "separa los miles: 1.500,50"
                           : "el punto es el decimal y la coma separa los miles: 1,500.50";
}

static bool parse_num(PlanoBuilder *b, const PlanoRegistro *r, int col, double *out)
{
    char buf[128];
    return num_parse(as_c_number(b, r, col, buf, sizeof buf), out);
}

static bool parse_valor(PlanoBuilder *b, const PlanoRegistro *r, int col, Valor *v)
{
    char buf[128], fmt[300];
    if (!valor_parse(as_c_number(b, r, col, buf, sizeof buf), v)) {
        snprintf(fmt, sizeof fmt, "«%%s» no es un número ni un porcentaje (ej.: 4, %s, 25%%%%; "
                 "%s)", b->coma_decimal ? "0,25" : "0.25", regla(b));
        bad(b, r, col, fmt, b->text[col]);
        return false;
    }
    if (v->has && v->valor < 0) {
        bad(b, r, col, "«%s» es negativo", b->text[col]);
        return false;
    }
    return true;
}

/* ---- building ---- */

/* The key of a child in b->key: kind, parent, unit, code and text joined by
 * 0x1f, which no cell holds. Written by hand: this runs four times a row. */
static const char *child_key(PlanoBuilder *b, int kind, int parent, int unidad,
                             const char *codigo, const char *texto)
{
    char num[40];
    sb_clear(&b->key);
    int n = snprintf(num, sizeof num, "%d\x1f%d\x1f%d\x1f", kind, parent, unidad);
    sb_appendn(&b->key, num, (size_t)n);
    sb_append(&b->key, codigo);
    sb_putc(&b->key, '\x1f');
    sb_append(&b->key, texto);
    return sb_str(&b->key);
}

/* Finds the child of parent with the given key fields, or adds it. Rows
 * come grouped by their tree, so the previous record's node is tried first:
 * a comparison instead of a key built and hashed. */
static int child(PlanoBuilder *b, NodeKind kind, int parent, int unidad, const char *codigo,
                 const char *texto, bool *created)
{
    const Node *prev = b->last[kind] ? &b->p->nodes[b->last[kind]] : NULL;
    if (prev && prev->parent == parent && prev->unidad == unidad &&
        strcmp(prev->texto, texto) == 0 && strcmp(prev->codigo, codigo) == 0) {
        *created = false;
        return b->last[kind];
    }
    int *slot = strmap_put(&b->keys, child_key(b, (int)kind, parent, unidad, codigo, texto), -1,
                           created);
    if (*created) {
        *slot = plan_add_node(b->p, kind, 0, parent, -1, unidad, codigo, texto);
        while (b->hoja_de_nodo.n <= *slot)
            iv_push(&b->hoja_de_nodo, b->nhoja);
    }
    return b->last[kind] = *slot;
}

static bool is_text_col(int c)
{
    return c != PLANO_ANIO && c != PLANO_PRESUPUESTO && !(c >= PLANO_ENE && c <= PLANO_T4) &&
           c != PLANO_CORTE && c != PLANO_REAL && c != PLANO_PESO;
}

static size_t u8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Values of the record into b->text (trimmed, the CSV writer's apostrophe
 * undone), with the defaults of the command line and the length limit. */
static void take_values(PlanoBuilder *b, const PlanoRegistro *r)
{
    static char empty[1];
    size_t len[PLANO_NCOLS], total = 0;
    for (int c = 0; c < PLANO_NCOLS; c++)
        total += (len[c] = r->v[c] ? strlen(r->v[c]) : 0) + 1;
    /* room for the longest default of the command line too */
    total += (b->op.institucion ? strlen(b->op.institucion) : 0) + 32;
    if (total > b->arena_cap) {
        b->arena_cap = total * 2;
        b->arena = xrealloc(b->arena, b->arena_cap);
    }
    char *w = b->arena;
    for (int c = 0; c < PLANO_NCOLS; c++) {
        if (!len[c]) {
            b->text[c] = empty;
            continue;
        }
        memcpy(w, r->v[c], len[c] + 1);
        b->text[c] = w;
        w += len[c] + 1;
        str_trim(b->text[c]);
        if (is_text_col(c))
            csv_unescape_text(b->text[c]);
        size_t n = strlen(b->text[c]);
        if (n > PLANO_MAX_TEXTO && u8_chars(b->text[c]) > PLANO_MAX_TEXTO) {
            char what[200];
            snprintf(what, sizeof what, "el texto tiene %zu caracteres y una celda de Excel "
                     "admite %d%%s: acórtelo o repártalo", u8_chars(b->text[c]), PLANO_MAX_TEXTO);
            bad(b, r, c, what, "");
        }
    }
    if (!*b->text[PLANO_INSTITUCION] && b->op.institucion) {
        strcpy(w, b->op.institucion);
        b->text[PLANO_INSTITUCION] = w;
        w += strlen(w) + 1;
    }
    if (!*b->text[PLANO_ANIO] && b->op.anio) {
        snprintf(w, 16, "%d", b->op.anio);
        b->text[PLANO_ANIO] = w;
    }
}

/* The plan of the record (created by the first one), or -1 after an error. */
static bool check_plan(PlanoBuilder *b, const PlanoRegistro *r)
{
    char **text = b->text;
    const char *inst = text[PLANO_INSTITUCION];
    bool ok = true;
    if (!*inst) {
        bad(b, r, PLANO_INSTITUCION, "está vacía%s", "");
        ok = false;
    }
    double anio_d;
    if (!parse_num(b, r, PLANO_ANIO, &anio_d) || anio_d != (int)anio_d || anio_d < 1900 ||
        anio_d > 2200) {
        bad(b, r, PLANO_ANIO, "«%s» no es un año válido (1900–2200)", text[PLANO_ANIO]);
        ok = false;
    }
    if (!ok)
        return false;
    if (!b->p) {
        b->p = plan_new(inst, (int)anio_d);
        iv_push(&b->hoja_de_nodo, b->nhoja);   /* the root */
    } else if (strcmp(b->p->institucion, inst) != 0) {
        char msg[600];
        snprintf(msg, sizeof msg, "«%%s» no coincide con «%.200s» de las filas anteriores "
                 "(un archivo trae un solo plan)", b->p->institucion);
        bad(b, r, PLANO_INSTITUCION, msg, inst);
        return false;
    } else if (b->p->anio != (int)anio_d) {
        char msg[200];
        snprintf(msg, sizeof msg, "«%%s» no coincide con el año %d de las filas anteriores "
                 "(un archivo trae un solo plan)", b->p->anio);
        bad(b, r, PLANO_ANIO, msg, text[PLANO_ANIO]);
        return false;
    }
    return true;
}

static int unidad_of(PlanoBuilder *b, const PlanoRegistro *r)
{
    char **text = b->text;
    Plan *p = b->p;
    if (b->last_unidad >= 0 &&
        strcmp(p->unidades[b->last_unidad].nombre, text[PLANO_UNIDAD]) == 0 &&
        strcmp(p->unidades[b->last_unidad].mision, text[PLANO_MISION]) == 0 &&
        strcmp(p->unidades[b->last_unidad].nota, text[PLANO_NOTA_UNIDAD]) == 0)
        return b->last_unidad;   /* the same unit as the previous row, nothing to check */
    /* units by name through the map: a linear search per row would be
     * quadratic in plans with thousands of units */
    bool nueva;
    int *uslot = strmap_put(&b->keys, child_key(b, -1, -1, -1, "", text[PLANO_UNIDAD]), -1,
                            &nueva);
    if (nueva)
        return b->last_unidad = *uslot = plan_add_unidad(p, 0, text[PLANO_UNIDAD],
                                                         text[PLANO_MISION],
                                                         text[PLANO_NOTA_UNIDAD]);
    int uni = b->last_unidad = *uslot;
    Unidad *u = &p->unidades[uni];
    char where[512];
    if (!*u->mision && *text[PLANO_MISION])
        str_replace(&u->mision, text[PLANO_MISION]);
    else if (*text[PLANO_MISION] && strcmp(u->mision, text[PLANO_MISION]) != 0)
        plano_avisos_add(&b->avisos,
                         xasprintf("%s: la misión de «%s» difiere de la de una fila anterior: "
                                   "se conserva la primera",
                                   lugar_fila(b, r, where, sizeof where), u->nombre));
    if (!*u->nota && *text[PLANO_NOTA_UNIDAD])
        str_replace(&u->nota, text[PLANO_NOTA_UNIDAD]);
    else if (*text[PLANO_NOTA_UNIDAD] && strcmp(u->nota, text[PLANO_NOTA_UNIDAD]) != 0)
        plano_avisos_add(&b->avisos,
                         xasprintf("%s: la nota de «%s» difiere de la de una fila anterior: "
                                   "se conserva la primera",
                                   lugar_fila(b, r, where, sizeof where), u->nombre));
    return uni;
}

/* Every value of the activity into a (validated; errors listed). */
static void fill_actividad(PlanoBuilder *b, const PlanoRegistro *r, Actividad *a)
{
    char **text = b->text;
    /* a new activity's texts are already "": most cells are empty, and
     * replacing each would be two allocations per cell */
    if (*text[PLANO_UNIDAD_LIDER])
        str_set_compartido(&a->unidad_lider, text[PLANO_UNIDAD_LIDER]);
    if (*text[PLANO_RESPONSABLES])
        str_set_compartido(&a->responsables, text[PLANO_RESPONSABLES]);
    if (*text[PLANO_RIESGOS])
        str_set_compartido(&a->riesgos, text[PLANO_RIESGOS]);
    char fmt[300];
    if (*text[PLANO_PRESUPUESTO]) {
        if (!parse_num(b, r, PLANO_PRESUPUESTO, &a->presupuesto) || a->presupuesto < 0) {
            snprintf(fmt, sizeof fmt, "«%%s» no es un monto válido (ej.: %s; %s)",
                     b->coma_decimal ? "1500000,00" : "1500000.00", regla(b));
            bad(b, r, PLANO_PRESUPUESTO, fmt, text[PLANO_PRESUPUESTO]);
        }
        a->has_presupuesto = true;
    }
    if (*text[PLANO_PRESUPUESTO_NOTA]) {
        str_free(a->moneda);
        str_free(a->presupuesto_nota);
        presupuesto_nota_split(text[PLANO_PRESUPUESTO_NOTA], &a->moneda, &a->presupuesto_nota);
    }
    for (int m = 0; m < POA_MESES; m++) {
        char buf[128];
        if (!mes_cell_parse(as_c_number(b, r, PLANO_ENE + m, buf, sizeof buf), &a->mes[m])) {
            snprintf(fmt, sizeof fmt, "«%%s» no es una marca de mes válida (vacío, x o una "
                     "cantidad; %s)", regla(b));
            bad(b, r, PLANO_ENE + m, b->coma_decimal ? fmt :
                "«%s» no es una marca de mes válida (vacío, x o una cantidad)", text[PLANO_ENE + m]);
        }
    }
    parse_valor(b, r, PLANO_META_ANUAL, &a->meta_anual);
    bool any_pct = a->meta_anual.has && a->meta_anual.pct;
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        parse_valor(b, r, PLANO_T1 + q, &a->trim[q]);
        any_pct |= a->trim[q].has && a->trim[q].pct;
    }
    a->tipo = any_pct ? TIPO_PORCENTAJE : TIPO_ACUMULABLE;
    if (*text[PLANO_TIPO_META] && !tipo_meta_parse(text[PLANO_TIPO_META], &a->tipo))
        bad(b, r, PLANO_TIPO_META, "«%s» no es un tipo válido (acumulable, porcentaje, hito)",
            text[PLANO_TIPO_META]);
    if (*text[PLANO_SENTIDO] && !sentido_parse(text[PLANO_SENTIDO], &a->sentido))
        bad(b, r, PLANO_SENTIDO, "«%s» no es un sentido válido (ascendente, descendente)",
            text[PLANO_SENTIDO]);
    if (*text[PLANO_PESO] && (!parse_num(b, r, PLANO_PESO, &a->peso) || a->peso < 0))
        bad(b, r, PLANO_PESO, "«%s» no es un peso válido (un número mayor o igual a 0)",
            text[PLANO_PESO]);
    Valor real = {0};
    bool real_ok = parse_valor(b, r, PLANO_REAL, &real);
    bool has_seg = real.has || *text[PLANO_PCT_PUBLICADO] || *text[PLANO_OBSERVACIONES] ||
                   *text[PLANO_EVIDENCIA];
    int corte = 0;
    if (*text[PLANO_CORTE]) {
        double cd;
        if (!parse_num(b, r, PLANO_CORTE, &cd) || cd != (int)cd || cd < 1 || cd > 4)
            bad(b, r, PLANO_CORTE, "«%s» no es un corte válido (1 a 4)", text[PLANO_CORTE]);
        else
            corte = (int)cd;
    } else if (has_seg) {
        bad(b, r, PLANO_CORTE,
            "está vacía, pero la fila trae seguimiento (real, %% publicado u "
            "observaciones): indique el trimestre del corte (1 a 4)%s", "");
    }
    if (corte && has_seg && real_ok) {
        Seguimiento *s = &a->seg[corte - 1];
        s->real = real;
        str_set_compartido(&s->observaciones, text[PLANO_OBSERVACIONES]);
        str_set_compartido(&s->evidencia, text[PLANO_EVIDENCIA]);
        str_set_compartido(&s->pct_publicado, text[PLANO_PCT_PUBLICADO]);
    }
}

bool plano_builder_emit(void *ctx, const PlanoRegistro *r, PoaErr *err)
{
    (void)err;
    PlanoBuilder *b = ctx;
    b->nregistros++;
    b->fila_mala = false;
    take_values(b, r);
    char **text = b->text;
    if (!check_plan(b, r))
        return true;
    if (!*text[PLANO_UNIDAD])
        bad(b, r, PLANO_UNIDAD, "está vacía: cada actividad pertenece a una unidad%s", "");
    if (!*text[PLANO_ACTIVIDAD])
        bad(b, r, PLANO_ACTIVIDAD, "está vacía: cada fila es una actividad%s", "");
    if (b->fila_mala)
        return true;
    Plan *p = b->p;
    int uni = unidad_of(b, r);
    bool created;
    int eje = child(b, NODE_EJE, 0, -1, "", text[PLANO_EJE], &created);
    int obj = child(b, NODE_OBJETIVO, eje, -1, text[PLANO_OBJ_COD], text[PLANO_OBJETIVO],
                    &created);
    int meta = child(b, NODE_META, obj, uni, "", text[PLANO_META_OP], &created);
    int ent = child(b, NODE_ENTREGABLE, meta, uni, text[PLANO_ENT_COD], text[PLANO_ENTREGABLE],
                    &created);
    if (created) {
        str_set_compartido(&p->nodes[ent].indicador, text[PLANO_INDICADOR]);
    } else if (strcmp(p->nodes[ent].indicador, text[PLANO_INDICADOR]) != 0) {
        char where[512];
        plano_avisos_add(&b->avisos,
                         xasprintf("%s: el indicador del entregable «%s» difiere del de una "
                                   "fila anterior: se conserva el primero",
                                   lugar_fila(b, r, where, sizeof where), p->nodes[ent].texto));
    }
    /* Validated into a scratch activity first, so a record with errors
     * leaves no half-filled activity in the plan. */
    int act = plan_add_node(p, NODE_ACTIVIDAD, 0, ent, -1, uni, text[PLANO_ACT_COD],
                            text[PLANO_ACTIVIDAD]);
    while (b->hoja_de_nodo.n <= act)
        iv_push(&b->hoja_de_nodo, b->nhoja);
    fill_actividad(b, r, plan_act(p, act));
    if (b->fila_mala)
        plan_remove_node(p, act);
    return true;
}

Plan *plano_builder_take(PlanoBuilder *b, int **hoja_de_nodo, PoaErr *err)
{
    if (hoja_de_nodo)
        *hoja_de_nodo = NULL;
    if (b->nerrores) {
        err_set(err, "%s", b->errores.lineas[0]);
        return NULL;
    }
    if (!b->p) {
        err_set(err, "%s: el archivo no trae ninguna actividad (solo el encabezado); para "
                "empezar un plan vacío: poa nuevo ARCHIVO.db --institucion NOMBRE --anio AAAA",
                b->libro ? libro_ruta(b->libro) : "");
        return NULL;
    }
    Plan *p = b->p;
    b->p = NULL;
    if (hoja_de_nodo) {
        *hoja_de_nodo = b->hoja_de_nodo.v;
        b->hoja_de_nodo = (IntVec){0};
    }
    return p;
}
