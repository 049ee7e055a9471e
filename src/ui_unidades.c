/* ui_unidades.c — the units screen (U from the plan): the plan's units with
 * what each holds, added, renamed, their misión and nota edited, an empty
 * one deleted, reordered; and the unit picker that can make a unit. The
 * edits are cmd_unidades.c's, one transaction each. */
#include <stdlib.h>
#include <string.h>

#include "cmd_unidades.h"
#include "store.h"
#include "u8.h"
#include "ui_nuevo.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

/* The screen's selection; one interface per process. */
static Lista lista;

/* ---- making a unit from a picker or the screen ---- */

/* Asks nothing more: creates the unit named and says so. -1 when refused. */
static int crear(App *a, const char *nombre)
{
    PoaErr err = {{0}};
    int u = -1;
    if (!cmd_unidad_add(a->db, a->plan, nombre, &u, &err)) {
        ui_status(a, true, "No se creó la unidad: %s", err.msg);
        return -1;
    }
    a->plan_gen++;
    ui_status(a, false, "Guardado: unidad nueva «%s»", a->plan->unidades[u].nombre);
    return u;
}

/* The name in the line editor (proposing typed), then crear. */
static int pedir_y_crear(App *a, const char *typed)
{
    char *nombre;
    if (!ui_edit_line(a, "Nombre de la unidad nueva:", typed ? typed : "", &nombre)) {
        ui_status(a, false, "No se creó ninguna unidad");
        return -1;
    }
    int u = crear(a, nombre);
    free(nombre);
    return u;
}

int ui_pick_unidad_nueva(App *a, const char *title, int initial)
{
    Plan *p = a->plan;
    if (a->solo_lectura[0])   /* no unit can be made: the plain picker */
        return ui_pick_unidad(a, title, initial);
    int n = p->nunidades;
    char **items = xmalloc(sizeof(char *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        items[i] = p->unidades[i].nombre;
    char nueva[] = "+ Nueva unidad…";
    items[n] = nueva;
    char *typed = NULL;
    int pick = ui_pick_texto(a, title, items, n + 1, initial < 0 || initial >= n ? (n ? 0 : n)
                                                                                 : initial,
                             &typed);
    free(items);
    int u = pick;
    if (pick == n) {
        u = pedir_y_crear(a, "");
    } else if (pick == UI_PICK_TECLEADO) {
        char q[400];
        snprintf(q, sizeof q, "No hay ninguna unidad «%s».", typed);
        u = ui_confirm(a, q, "¿Crearla?") ? crear(a, typed) : -1;
        if (u < 0 && !a->status_err)
            ui_status(a, false, "No se creó ninguna unidad");
    }
    free(typed);
    return u;
}

/* ---- the screen ---- */

static void unidades_draw(App *a)
{
    Plan *p = a->plan;
    char s[1200];
    snprintf(s, sizeof s, "%s%s%s Unidades · %s %d", a->solo_lectura[0] ? " " : "",
             a->solo_lectura, a->solo_lectura[0] ? " ·" : "", p->institucion, p->anio);
    ui_put(0, 0, a->W, ui_attr(a, CR_TITLE), s);
    int cnt_w = 22, name_w = a->W - cnt_w - 3;
    if (name_w > 60)
        name_w = 60;
    int mis_x = 2 + name_w + 1 + cnt_w + 1, mis_w = a->W - mis_x - 1;
    ui_put(1, 0, a->W, ui_attr(a, CR_HEADER), "");
    ui_put(1, 2, name_w, ui_attr(a, CR_HEADER), "Unidad");
    ui_put(1, 2 + name_w + 1, cnt_w, ui_attr(a, CR_HEADER), "   Metas  Actividades");
    if (mis_w > 8)
        ui_put(1, mis_x, mis_w, ui_attr(a, CR_HEADER), "Misión");
    int det_h = 5, y0 = 2, h = a->H - 2 - y0 - det_h - 1;
    if (h < 1)
        h = 1;
    lista.n = p->nunidades;
    lista_fit(&lista, h);
    lista.page = h;
    for (int i = 0; i < h; i++) {
        int ix = lista.top + i, y = y0 + i;
        if (ix >= p->nunidades) {
            ui_put(y, 0, a->W, 0, "");
            continue;
        }
        const Unidad *u = &p->unidades[ix];
        CmdUnidadCuenta c;
        cmd_unidad_contar(p, ix, &c);
        int at = ix == lista.sel ? ui_attr(a, CR_SELECTED) : 0;
        ui_put(y, 0, a->W, at, "");
        ui_put(y, 2, name_w, at, u->nombre);
        snprintf(s, sizeof s, "%8d %12d", c.metas, c.actividades);
        ui_put(y, 2 + name_w + 1, cnt_w, at, s);
        if (mis_w > 8)
            ui_put(y, mis_x, mis_w, at, u->mision);
    }
    if (!p->nunidades)
        ui_put(y0, 2, a->W - 2, 0, "El plan no tiene unidades todavía: a agrega la primera.");
    /* detail: the selected unit's misión and nota in full */
    int dy = a->H - 2 - det_h;
    ui_hline(a, dy - 1);
    for (int i = 0; i < det_h; i++)
        ui_put(dy + i, 0, a->W, 0, "");
    if (lista.sel < p->nunidades) {
        const Unidad *u = &p->unidades[lista.sel];
        snprintf(s, sizeof s, "Misión: %s", u->mision[0] ? u->mision : "(sin misión)");
        int l = ui_put_wrapped(dy, 1, a->W - 2, det_h - 1, 0, s);
        snprintf(s, sizeof s, "Nota: %s", u->nota[0] ? u->nota : "(sin nota)");
        ui_put_wrapped(dy + l, 1, a->W - 2, det_h - l, 0, s);
    }
}

static void unidades_position(const App *a, char *buf, size_t n)
{
    snprintf(buf, n, " %d/%d ", a->plan->nunidades ? lista.sel + 1 : 0, a->plan->nunidades);
}

/* The plan read again: a delete or a new order renumbers every unit index
 * the model and the other screens hold. */
static int recargar(App *a, const char *hecho)
{
    PoaErr err = {{0}};
    if (!ui_nuevo_recargar(a, a->plan->id, &err)) {
        ui_status(a, true, "%s; no se pudo leer el plan de nuevo: %s", hecho, err.msg);
        return MOVE;
    }
    ui_status(a, false, "%s", hecho);
    return UI_HANDLED | UI_REDRAW | UI_REBUILD | UI_RELOADED;
}

static int on_add(App *a)
{
    int u = pedir_y_crear(a, "");
    if (u >= 0)
        lista.sel = u;
    return MOVE;
}

static int edit(App *a, CmdUnidadCampo c)
{
    if (lista.sel >= a->plan->nunidades) {
        ui_status(a, true, "No hay una unidad seleccionada");
        return MOVE;
    }
    char prompt[64], *v;
    int r;
    snprintf(prompt, sizeof prompt, "%s de la unidad:", cmd_unidad_campo_nombre(c));
    if (!ui_edit_value(a, prompt, cmd_unidad_valor(a->plan, lista.sel, c), &v, &r))
        return r;
    PoaErr err = {{0}};
    if (cmd_unidad_set(a->db, a->plan, lista.sel, c, v, &err)) {
        a->plan_gen++;
        ui_status(a, false, "Guardado");
    } else {
        ui_status(a, true, "No se guardó: %s", err.msg);
    }
    free(v);
    return MOVE;
}

static int on_fields(App *a)
{
    if (lista.sel >= a->plan->nunidades) {
        ui_status(a, true, "No hay una unidad seleccionada");
        return MOVE;
    }
    char *items[3];
    for (int c = 0; c < 3; c++) {
        char t[64];
        u8_fit_copy(cmd_unidad_valor(a->plan, lista.sel, (CmdUnidadCampo)c), 50, false, t,
                    sizeof t);
        items[c] = xasprintf("%-8s %s", cmd_unidad_campo_nombre((CmdUnidadCampo)c), t);
    }
    int pick = ui_pick(a, "Campo de la unidad", items, 3, 1);
    for (int c = 0; c < 3; c++)
        free(items[c]);
    return pick < 0 ? MOVE : edit(a, (CmdUnidadCampo)pick);
}

static int on_delete(App *a)
{
    Plan *p = a->plan;
    if (lista.sel >= p->nunidades) {
        ui_status(a, true, "No hay una unidad seleccionada");
        return MOVE;
    }
    PoaErr err = {{0}};
    CmdUnidadCuenta c;
    cmd_unidad_contar(p, lista.sel, &c);
    if (c.metas) {   /* refused before asking: the message names what it holds */
        cmd_unidad_delete(a->db, p, lista.sel, &err);
        ui_status(a, true, "No se borró: %s", err.msg);
        return MOVE;
    }
    char q[400], *nombre = xstrdup(p->unidades[lista.sel].nombre);
    snprintf(q, sizeof q, "¿Borrar la unidad «%s»?", nombre);
    if (!ui_confirm(a, q, "No tiene metas ni actividades.")) {
        ui_status(a, false, "No se borró nada");
        free(nombre);
        return MOVE;
    }
    int r = MOVE, sel = lista.sel;
    if (cmd_unidad_delete(a->db, p, lista.sel, &err)) {
        char *hecho = xasprintf("Guardado: se borró la unidad «%s»", nombre);
        r = recargar(a, hecho);
        free(hecho);
        /* the selection stays at the same place: the next unit, or the last */
        lista.sel = sel < a->plan->nunidades ? sel : a->plan->nunidades - 1;
        if (lista.sel < 0)
            lista.sel = 0;
    } else {
        ui_status(a, true, "No se borró: %s", err.msg);
    }
    free(nombre);
    return r;
}

static int on_move(App *a, int delta)
{
    Plan *p = a->plan;
    if (lista.sel >= p->nunidades)
        return MOVE;
    PoaErr err = {{0}};
    char *nombre = xstrdup(p->unidades[lista.sel].nombre);
    int r = MOVE;
    if (cmd_unidad_move(a->db, p, lista.sel, delta, &err)) {
        char *hecho = xasprintf("Guardado: «%s» %s", nombre, delta < 0 ? "subió" : "bajó");
        r = recargar(a, hecho);
        free(hecho);
        int u = plan_find_unidad(a->plan, nombre);
        if (u >= 0)
            lista.sel = u;
    } else {
        ui_status(a, true, "%s", err.msg);
    }
    free(nombre);
    return r;
}

static int unidades_request(App *a, UiReq req, int key)
{
    (void)key;
    switch (req) {
    case REQ_ADD_SIBLING: return on_add(a);
    case REQ_EDIT: return edit(a, UNIDAD_NOMBRE);
    case REQ_FIELDS: return on_fields(a);
    case REQ_DELETE: return on_delete(a);
    case REQ_MOVE_UP: return on_move(a, -1);
    case REQ_MOVE_DOWN: return on_move(a, +1);
    default: return UI_NOT_MINE;
    }
}

static Lista *unidades_list(App *a)
{
    lista.n = a->plan->nunidades;
    return &lista;
}

/* From the plan: on the unit of the selected row, or the filter's. */
static bool unidades_open(App *a, Vista from, const UiPedido *p)
{
    (void)from;
    if (p->volver)
        return true;
    int u = a->rows->filtro_unidad;
    if (p->nodo > 0 && a->plan->nodes[p->nodo].unidad >= 0)
        u = a->plan->nodes[p->nodo].unidad;
    lista.sel = u >= 0 ? u : 0;
    lista.top = 0;
    a->vuelta[VISTA_UNIDADES] = VISTA_PLAN;
    ui_status(a, false, "a: nueva · e: nombre · E: misión o nota · d: borrar (si está vacía) · "
                        "K/J: orden · Esc: volver");
    return true;
}

static void unidades_changed(App *a, UiCambio what, bool showing)
{
    (void)showing;
    if (what == UI_CAMBIO_RECARGADO && lista.sel >= a->plan->nunidades)
        lista.sel = 0;
}

static int unidades_foco(const App *a)
{
    (void)a;
    return -1;   /* the plan keeps its own selection */
}

const UiScreen UI_SCREEN_UNIDADES = {
    .vista = VISTA_UNIDADES,
    .draw = unidades_draw,
    .request = unidades_request,
    .list = unidades_list,
    .changed = unidades_changed,
    .open = unidades_open,
    .foco = unidades_foco,
    .position = unidades_position,
};
