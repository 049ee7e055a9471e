/* cmd_unidades.c — managing the plan's units (cmd_unidades.h): the checks,
 * the transaction and its log row; the SQL is store_plan.c's. */
#include "cmd_unidades.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_int.h"
#include "store_plan.h"
#include "u8.h"

static void contar_rec(const Plan *p, int node, int u, CmdUnidadCuenta *c)
{
    const IntVec *k = &p->nodes[node].kids;
    for (int i = 0; i < k->n; i++) {
        const Node *n = &p->nodes[k->v[i]];
        if (n->kind == NODE_META && n->unidad == u) {
            c->metas++;
            c->actividades += plan_count_actividades(p, k->v[i]);
        } else if (n->kind < NODE_META) {
            contar_rec(p, k->v[i], u, c);
        }
    }
}

void cmd_unidad_contar(const Plan *p, int u, CmdUnidadCuenta *c)
{
    memset(c, 0, sizeof *c);
    contar_rec(p, 0, u, c);
}

static char *nombre_valido(const Plan *p, int u, const char *nombre, PoaErr *err)
{
    char *t = str_trim(xstrdup(nombre ? nombre : ""));
    int otra = *t ? plan_find_unidad(p, t) : -1;
    if (!*t)
        err_set(err, "El nombre de la unidad no puede quedar vacío");
    else if (!u8_valid(t, strlen(t), NULL))
        err_set(err, "El nombre de la unidad no es UTF-8 válido");
    else if (otra >= 0 && otra != u)
        err_set(err, "Ya hay una unidad «%s» en este plan", t);
    else
        return t;
    free(t);
    return NULL;
}

bool cmd_unidad_add(Db *db, Plan *p, const char *nombre, int *out, PoaErr *err)
{
    char *t = nombre_valido(p, -1, nombre, err);
    if (!t)
        return false;
    int u = plan_add_unidad(p, 0, t, "", "");
    int64_t accion;
    char *desc = xasprintf("Nueva unidad «%s»", t);
    bool begun = cmd_lote_tx_begin(db, p->id, desc, &accion, err);
    bool ok = begun && store_unidad_insert(db, p, u, err) &&
              store_log(db, accion, p->id, CAMBIO_PLAN, "unidad", p->unidades[u].id, "alta",
                        NULL, t, desc, err);
    ok = begun && cmd_lote_tx_end(db, accion, ok, err);
    free(desc);
    free(t);
    if (!ok) {   /* the unit added last goes again */
        Unidad *x = &p->unidades[--p->nunidades];
        free(x->nombre);
        free(x->mision);
        free(x->nota);
        return false;
    }
    if (out)
        *out = u;
    return true;
}

const char *cmd_unidad_campo_nombre(CmdUnidadCampo c)
{
    static const char *const N[] = {"Nombre", "Misión", "Nota"};
    return N[c];
}

static char **slot(Plan *p, int u, CmdUnidadCampo c)
{
    Unidad *x = &p->unidades[u];
    return c == UNIDAD_NOMBRE ? &x->nombre : c == UNIDAD_MISION ? &x->mision : &x->nota;
}

const char *cmd_unidad_valor(const Plan *p, int u, CmdUnidadCampo c)
{
    return *slot((Plan *)p, u, c);
}

bool cmd_unidad_set(Db *db, Plan *p, int u, CmdUnidadCampo c, const char *valor, PoaErr *err)
{
    char *v;
    if (c == UNIDAD_NOMBRE) {
        if (!(v = nombre_valido(p, u, valor, err)))
            return false;
    } else {
        v = str_trim(xstrdup(valor ? valor : ""));
        if (!u8_valid(v, strlen(v), NULL)) {
            err_set(err, "%s: el texto no es UTF-8 válido", cmd_unidad_campo_nombre(c));
            free(v);
            return false;
        }
    }
    char **s = slot(p, u, c);
    if (strcmp(*s, v) == 0) {
        free(v);
        return true;   /* nothing changed: no transaction */
    }
    char *antes = *s;
    *s = v;
    static const char *const COL[] = {"nombre", "mision", "nota"};
    char *desc = xasprintf("%s de la unidad «%s»", cmd_unidad_campo_nombre(c),
                           p->unidades[u].nombre);
    int64_t accion;
    bool begun = cmd_lote_tx_begin(db, p->id, desc, &accion, err);
    bool ok = begun && store_save_unidad(db, p, u, err) &&
              store_log(db, accion, p->id, CAMBIO_PLAN, "unidad", p->unidades[u].id, COL[c],
                        antes, v, desc, err);
    ok = begun && cmd_lote_tx_end(db, accion, ok, err);
    free(desc);
    if (!ok) {
        *s = antes;
        free(v);
        if (c == UNIDAD_NOMBRE && strstr(err->msg, "UNIQUE"))
            err_set(err, "Ya hay una unidad «%s» en este plan", valor);
        return false;
    }
    free(antes);
    return true;
}

bool cmd_unidad_delete(Db *db, Plan *p, int u, PoaErr *err)
{
    CmdUnidadCuenta c;
    cmd_unidad_contar(p, u, &c);
    const char *nombre = p->unidades[u].nombre;
    if (c.metas) {
        err_set(err, "la unidad «%s» tiene %d meta%s operativa%s y %d actividad%s: "
                "muévalas o bórrelas antes", nombre, c.metas,
                c.metas == 1 ? "" : "s", c.metas == 1 ? "" : "s", c.actividades,
                c.actividades == 1 ? "" : "es");
        return false;
    }
    int64_t accion;
    int metas = 0;
    char *desc = xasprintf("Borrar la unidad «%s»", nombre);
    bool begun = cmd_lote_tx_begin(db, p->id, desc, &accion, err);
    bool ok = begun && store_unidad_count_metas(db, p->unidades[u].id, &metas, err);
    if (ok && metas) {   /* another program gave it metas meanwhile */
        err_set(err, "La unidad «%s» tiene metas en el archivo que esta pantalla no muestra "
                "(otro programa las agregó): vuelva a abrir el plan", nombre);
        ok = false;
    }
    ok = ok && store_unidad_delete(db, p->unidades[u].id, err) &&
         store_log(db, accion, p->id, CAMBIO_PLAN, "unidad", p->unidades[u].id, "baja", nombre,
                   NULL, desc, err);
    free(desc);
    if (!begun)
        return false;
    return cmd_lote_tx_end(db, accion, ok, err);
}

bool cmd_unidad_move(Db *db, Plan *p, int u, int delta, PoaErr *err)
{
    int v = u + delta;
    if (v < 0 || v >= p->nunidades) {
        err_set(err, "La unidad ya es la %s", delta < 0 ? "primera" : "última");
        return false;
    }
    Unidad t = p->unidades[u];   /* the order written is the model's, swapped */
    p->unidades[u] = p->unidades[v];
    p->unidades[v] = t;
    char *desc = xasprintf("Mover la unidad «%s»", t.nombre);
    char a0[16], a1[16];
    snprintf(a0, sizeof a0, "%d", u);
    snprintf(a1, sizeof a1, "%d", v);
    int64_t accion;
    bool begun = cmd_lote_tx_begin(db, p->id, desc, &accion, err);
    bool ok = begun && store_unidades_save_orden(db, p, err) &&
              store_log(db, accion, p->id, CAMBIO_PLAN, "unidad", t.id, "orden", a0, a1, desc,
                        err);
    free(desc);
    ok = begun && cmd_lote_tx_end(db, accion, ok, err);
    /* the model goes back either way: the caller reads the plan again, with
     * every node's unit index as the file now has it */
    p->unidades[v] = p->unidades[u];
    p->unidades[u] = t;
    return ok;
}
