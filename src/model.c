/* model.c — the plan tree in memory: creation, insertion, removal and moves
 * of nodes, and the small formatting rules for month cells and values. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

const char *const POA_MES_CORTO[POA_MESES] = {"Ene", "Feb", "Mar", "Abr", "May", "Jun",
                                              "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"};
const char *const POA_MES_CSV[POA_MESES] = {"ene", "feb", "mar", "abr", "may", "jun",
                                            "jul", "ago", "sep", "oct", "nov", "dic"};
const char *const POA_TRIM_NOMBRE[POA_TRIMESTRES] = {"1er. Trim.", "2do. Trim.", "3er. Trim.",
                                                     "4to. Trim."};
const char *const POA_TRIM_RANGO[POA_TRIMESTRES] = {"EN-MAR", "ABR-JUN", "JUL-SEP", "OCT-DIC"};

Plan *plan_new(const char *institucion, int anio)
{
    Plan *p = xcalloc(1, sizeof *p);
    p->institucion = xstrdup(institucion);
    p->anio = anio;
    p->capnodes = 64;
    p->nodes = xcalloc((size_t)p->capnodes, sizeof *p->nodes);
    p->nnodes = 1;
    Node *root = &p->nodes[0];
    root->kind = NODE_RAIZ;
    root->parent = -1;
    root->unidad = -1;
    root->act = -1;
    root->codigo = xstrdup("");
    root->texto = xstrdup(institucion);
    root->indicador = xstrdup("");
    for (int i = 0; i < POA_TRIMESTRES; i++) {
        p->cortes[i].cerrado_por = xstrdup("");
        p->cortes[i].cerrado_en = xstrdup("");
        p->cortes[i].motivo = xstrdup("");
    }
    return p;
}

void actividad_free_textos(Actividad *a)
{
    str_free(a->unidad_lider);
    str_free(a->responsables);
    str_free(a->moneda);
    str_free(a->presupuesto_nota);
    str_free(a->riesgos);
    for (int c = 0; c < POA_TRIMESTRES; c++) {
        str_free(a->seg[c].observaciones);
        str_free(a->seg[c].evidencia);
        str_free(a->seg[c].pct_publicado);
        str_free(a->seg[c].causa);
    }
}

void plan_free(Plan *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nnodes; i++) {
        Node *n = &p->nodes[i];
        iv_free(&n->kids);
        str_free(n->codigo);
        str_free(n->texto);
        str_free(n->indicador);
    }
    free(p->nodes);
    for (int i = 0; i < p->nacts; i++)
        actividad_free_textos(&p->acts[i]);
    free(p->acts);
    for (int i = 0; i < p->nunidades; i++) {
        free(p->unidades[i].nombre);
        free(p->unidades[i].mision);
        free(p->unidades[i].nota);
    }
    free(p->unidades);
    for (int i = 0; i < POA_TRIMESTRES; i++) {
        free(p->cortes[i].cerrado_por);
        free(p->cortes[i].cerrado_en);
        free(p->cortes[i].motivo);
    }
    free(p->institucion);
    free(p);
}

int plan_add_unidad(Plan *p, int64_t id, const char *nombre, const char *mision,
                    const char *nota)
{
    p->unidades = xrealloc(p->unidades, sizeof *p->unidades * (size_t)(p->nunidades + 1));
    Unidad *u = &p->unidades[p->nunidades];
    u->id = id;
    u->nombre = xstrdup(nombre);
    u->mision = xstrdup(mision);
    u->nota = xstrdup(nota);
    return p->nunidades++;
}

int plan_find_unidad(const Plan *p, const char *nombre)
{
    for (int i = 0; i < p->nunidades; i++)
        if (strcmp(p->unidades[i].nombre, nombre) == 0)
            return i;
    return -1;
}

int plan_find_unidad_id(const Plan *p, int64_t id)
{
    for (int i = 0; i < p->nunidades; i++)
        if (p->unidades[i].id == id)
            return i;
    return -1;
}

int plan_add_node(Plan *p, NodeKind kind, int64_t id, int parent, int pos, int unidad,
                  const char *codigo, const char *texto)
{
    if (p->nnodes == p->capnodes) {
        p->capnodes *= 2;
        p->nodes = xrealloc(p->nodes, sizeof *p->nodes * (size_t)p->capnodes);
    }
    int ix = p->nnodes++;
    Node *n = &p->nodes[ix];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->id = id;
    n->parent = parent;
    n->unidad = unidad;
    /* empty texts share str_vacio (util.h): most codes of metas, every
     * indicador but the entregables', most of an actividad's fields */
    n->codigo = codigo && *codigo ? xstrdup(codigo) : str_vacio;
    n->texto = texto && *texto ? xstrdup(texto) : str_vacio;
    n->indicador = str_vacio;
    n->act = -1;
    if (kind == NODE_ACTIVIDAD) {
        if (p->nacts == p->capacts) {
            p->capacts = p->capacts ? p->capacts * 2 : 64;
            p->acts = xrealloc(p->acts, sizeof *p->acts * (size_t)p->capacts);
        }
        Actividad *a = &p->acts[p->nacts];
        memset(a, 0, sizeof *a);
        a->node = ix;
        a->unidad_lider = str_vacio;
        a->responsables = str_vacio;
        a->moneda = str_vacio;
        a->presupuesto_nota = str_vacio;
        a->riesgos = str_vacio;
        a->peso = 1;
        for (int c = 0; c < POA_TRIMESTRES; c++) {
            a->seg[c].observaciones = str_vacio;   /* mostly empty: shared */
            a->seg[c].evidencia = str_vacio;
            a->seg[c].pct_publicado = str_vacio;
            a->seg[c].causa = str_vacio;
        }
        n->act = p->nacts++;
    }
    if (parent >= 0)
        iv_insert(&p->nodes[parent].kids, pos, ix);
    return ix;
}

void plan_shrink(Plan *p)
{
    p->capnodes = p->nnodes;
    p->nodes = xrealloc(p->nodes, sizeof *p->nodes * (size_t)p->capnodes);
    if (p->nacts) {
        p->capacts = p->nacts;
        p->acts = xrealloc(p->acts, sizeof *p->acts * (size_t)p->capacts);
    }
}

static void mark_deleted(Plan *p, int node)
{
    p->nodes[node].deleted = true;
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++)
        mark_deleted(p, k->v[i]);
}

void plan_remove_node(Plan *p, int node)
{
    int parent = p->nodes[node].parent;
    if (parent >= 0) {
        IntVec *k = &p->nodes[parent].kids;
        iv_remove_at(k, iv_find(k, node));
    }
    mark_deleted(p, node);
}

void plan_move_node(Plan *p, int node, int new_parent, int pos)
{
    int parent = p->nodes[node].parent;
    if (parent >= 0) {
        IntVec *k = &p->nodes[parent].kids;
        iv_remove_at(k, iv_find(k, node));
    }
    p->nodes[node].parent = new_parent;
    iv_insert(&p->nodes[new_parent].kids, pos, node);
}

bool plan_node_implicit(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    switch (n->kind) {
    case NODE_EJE:
        return n->texto[0] == '\0';
    case NODE_ENTREGABLE:
        return n->texto[0] == '\0' && n->codigo[0] == '\0' && n->indicador[0] == '\0';
    default:
        return false;
    }
}

int plan_count_actividades(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    if (n->kind == NODE_ACTIVIDAD)
        return 1;
    int c = 0;
    for (int i = 0; i < n->kids.n; i++)
        c += plan_count_actividades(p, n->kids.v[i]);
    return c;
}

int plan_count_descendants(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    int c = n->kids.n;
    for (int i = 0; i < n->kids.n; i++)
        c += plan_count_descendants(p, n->kids.v[i]);
    return c;
}

int plan_ancestor(const Plan *p, int node, NodeKind kind)
{
    while (node >= 0 && p->nodes[node].kind != kind)
        node = p->nodes[node].parent;
    return node;
}

void plan_each_actividad(Plan *p, int node, PlanActVisit fn, void *ctx)
{
    const Node *n = &p->nodes[node];
    if (n->deleted)
        return;
    if (n->kind == NODE_ACTIVIDAD) {
        fn(p, node, ctx);
        return;
    }
    /* kids may not change during the visit */
    for (int i = 0; i < p->nodes[node].kids.n; i++)
        plan_each_actividad(p, p->nodes[node].kids.v[i], fn, ctx);
}

const char *node_kind_name(NodeKind k)
{
    switch (k) {
    case NODE_RAIZ: return "plan";
    case NODE_EJE: return "eje";
    case NODE_OBJETIVO: return "objetivo";
    case NODE_META: return "meta operativa";
    case NODE_ENTREGABLE: return "entregable";
    case NODE_ACTIVIDAD: return "actividad";
    }
    return "";
}

const char *node_texto_mostrado(const Node *n)
{
    if (n->texto[0])
        return n->texto;
    switch (n->kind) {
    case NODE_EJE: return "(sin eje)";
    case NODE_OBJETIVO: return "(sin objetivo estratégico)";
    case NODE_META: return "(sin meta operativa)";
    default: return "(sin texto)";
    }
}

static const char *const TIPO_NOMBRE[] = {"acumulable", "porcentaje", "hito"};
static const char *const SENTIDO_NOMBRE[] = {"ascendente", "descendente"};

const char *tipo_meta_name(TipoMeta t) { return TIPO_NOMBRE[t]; }
const char *sentido_name(Sentido s) { return SENTIDO_NOMBRE[s]; }

bool tipo_meta_parse(const char *s, TipoMeta *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(s, TIPO_NOMBRE[i]) == 0) {
            *out = (TipoMeta)i;
            return true;
        }
    return false;
}

bool sentido_parse(const char *s, Sentido *out)
{
    for (int i = 0; i < 2; i++)
        if (strcmp(s, SENTIDO_NOMBRE[i]) == 0) {
            *out = (Sentido)i;
            return true;
        }
    return false;
}

const char *mes_cell_format(const MesCell *c, char *buf, size_t n)
{
    switch (c->kind) {
    case CELL_VACIA: snprintf(buf, n, "%s", ""); break;
    case CELL_X: snprintf(buf, n, "%s", "x"); break;
    case CELL_NUM: num_format(c->valor, buf, n); break;
    }
    return buf;
}

bool mes_cell_parse(const char *s, MesCell *out)
{
    while (*s == ' ')
        s++;
    if (!*s) {
        *out = (MesCell){CELL_VACIA, 0};
        return true;
    }
    if ((s[0] == 'x' || s[0] == 'X') && (s[1] == '\0' || s[1] == ' ')) {
        const char *t = s + 1;
        while (*t == ' ')
            t++;
        if (*t)
            return false;
        *out = (MesCell){CELL_X, 1};
        return true;
    }
    double v;
    if (!num_parse(s, &v) || v < 0)
        return false;
    *out = (MesCell){CELL_NUM, v};
    return true;
}

const char *valor_format(const Valor *v, char *buf, size_t n)
{
    if (!v->has)
        snprintf(buf, n, "%s", "");
    else if (v->pct)
        num_format_pct(v->valor, buf, n);
    else
        num_format(v->valor, buf, n);
    return buf;
}

bool valor_parse(const char *s, Valor *out)
{
    while (*s == ' ')
        s++;
    if (!*s) {
        *out = (Valor){0};
        return true;
    }
    double v;
    bool pct;
    if (!num_parse_pct(s, &v, &pct))
        return false;
    *out = (Valor){true, pct, v};
    return true;
}
