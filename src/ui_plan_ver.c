/* ui_plan_ver.c — seeing and finding on the plan screen: search with its
 * count and wrap notice (/ n N), going to an actividad by unit and code (:),
 * the filter by seguimiento state at the corte (f), the unidad líder column
 * (L). */
#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "ui_plan.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;
static const int REBUILD = UI_HANDLED | UI_REDRAW | UI_REBUILD;

/* ---- search ---- */

static int search_from(App *a, int dir)
{
    if (!a->busqueda) {
        ui_status(a, false, "Primero busque con /");
        return MOVE;
    }
    bool wrapped;
    int n = arbol_filas_search_wrap(a->rows, a->busqueda, ui_sel_node(a), dir, &wrapped);
    if (n < 0) {
        ui_status(a, true, "sin coincidencias para «%s»%s", a->busqueda,
                  arbol_filas_filtrado(a->rows) ? " con los filtros puestos (Esc los quita)" : "");
        return MOVE;
    }
    arbol_filas_select(a->rows, n, &a->lista.sel);
    int pos;
    int total = arbol_filas_search_count(a->rows, a->busqueda, n, &pos);
    if (wrapped)
        ui_status(a, false, "«%s»: %d de %d — búsqueda: volvió %s", a->busqueda, pos, total,
                  dir > 0 ? "al principio" : "al final");
    else
        ui_status(a, false, "«%s»: %d de %d · n siguiente, N anterior", a->busqueda, pos, total);
    return REBUILD;
}

static int on_search(App *a)
{
    char *s;
    /* starts empty, as in vi and less; an empty Enter repeats the last search */
    if (!ui_edit_line(a, "Buscar:", "", &s))
        return a->quit ? UI_QUIT : MOVE;
    if (*s) {
        free(a->busqueda);
        a->busqueda = s;
    } else {
        free(s);
    }
    return search_from(a, +1);
}

/* ---- go to an actividad by unit and code ---- */

/* Drops every filter of the tree (a node asked for by name must show). */
static void sin_filtros(App *a)
{
    arbol_filas_set_estado(a->rows, 0, a->corte, &a->cfg->umbrales);
    arbol_filas_set_filter(a->rows, -1, NULL);
}

static bool mismo_texto(const char *x, const char *y)
{
    char *fx = u8_fold(x), *fy = u8_fold(y);
    bool eq = strcmp(fx, fy) == 0;
    free(fx);
    free(fy);
    return eq;
}

/* The units text names: the one called so (accents and case aside), else
 * every one whose name contains it. */
static void unidades_de_texto(const Plan *p, const char *text, IntVec *out)
{
    out->n = 0;
    for (int u = 0; u < p->nunidades; u++)
        if (mismo_texto(p->unidades[u].nombre, text)) {
            iv_push(out, u);
            return;
        }
    for (int u = 0; u < p->nunidades; u++)
        if (u8_contains_folded(p->unidades[u].nombre, text))
            iv_push(out, u);
}

static int on_goto(App *a)
{
    Plan *p = a->plan;
    char *s;
    if (!ui_edit_line(a, "Ir a (código, o «unidad · código»):", "", &s))
        return a->quit ? UI_QUIT : MOVE;
    /* «unidad · código»: the unit before the last "·" (or ":") */
    char *code = s, *sep = strstr(s, "·");
    size_t seplen = 2;
    if (!sep) {
        sep = strrchr(s, ':');
        seplen = 1;
    }
    IntVec en = {0};   /* the units asked for; none: any */
    if (sep) {
        *sep = '\0';
        code = sep + seplen;
        str_trim(s);
        if (*s) {
            unidades_de_texto(p, s, &en);
            if (!en.n) {
                ui_status(a, true, "Ninguna unidad se llama «%s»", s);
                free(s);
                return MOVE;
            }
        }
    }
    code = str_trim(code);
    if (!*code) {
        ui_status(a, true, "Falta el código de la actividad");
        free(s);
        return MOVE;
    }
    /* the actividades with that code, and their units (each once) */
    IntVec hits = {0}, units = {0};
    for (int i = 0; i < p->nacts; i++) {
        int n = p->acts[i].node;
        if (p->nodes[n].deleted || !mismo_texto(p->nodes[n].codigo, code))
            continue;
        if (en.n && iv_find(&en, p->nodes[n].unidad) < 0)
            continue;
        iv_push(&hits, n);
        if (iv_find(&units, p->nodes[n].unidad) < 0)
            iv_push(&units, p->nodes[n].unidad);
    }
    int target = -1;
    if (!hits.n) {
        if (en.n == 1)
            ui_status(a, true, "%s no tiene una actividad con el código «%s»",
                      p->unidades[en.v[0]].nombre, code);
        else if (en.n)
            ui_status(a, true, "Ninguna unidad que diga «%s» tiene una actividad con el código «%s»",
                      s, code);
        else
            ui_status(a, true, "Ninguna actividad tiene el código «%s»", code);
    } else if (units.n == 1) {
        target = hits.v[0];
    } else {
        /* the same code in several units: which one */
        char **items = xmalloc(sizeof(char *) * (size_t)units.n);
        for (int i = 0; i < units.n; i++)
            items[i] = units.v[i] >= 0 ? p->unidades[units.v[i]].nombre : "(sin unidad)";
        char title[160];
        snprintf(title, sizeof title, "«%s» en %d unidades: ¿de cuál?", code, units.n);
        int pick = ui_pick(a, title, items, units.n, 0);
        free(items);
        for (int i = 0; pick >= 0 && i < hits.n && target < 0; i++)
            if (p->nodes[hits.v[i]].unidad == units.v[pick])
                target = hits.v[i];
        if (pick < 0)
            ui_status(a, false, "No se fue a ninguna actividad");
    }
    int r = MOVE;
    if (target > 0) {
        bool filtrada = !arbol_filas_is_shown(a->rows, target);
        if (filtrada)
            sin_filtros(a);
        arbol_filas_select(a->rows, target, &a->lista.sel);
        int u = p->nodes[target].unidad;
        ui_status(a, false, "Actividad %s · %s%s", p->nodes[target].codigo,
                  u >= 0 ? p->unidades[u].nombre : "(sin unidad)",
                  filtrada ? " (se quitaron los filtros: no la mostraban)" : "");
        r = REBUILD;
    }
    iv_free(&hits);
    iv_free(&units);
    iv_free(&en);
    free(s);
    return r;
}

/* ---- the filter by seguimiento state ---- */

static int on_filtro_estado(App *a)
{
    Plan *p = a->plan;
    ArbolFilas *r = a->rows;
    /* the counts among what the unit and responsable filters let through */
    int cuenta[ARBOL_ESTADO_N] = {0};
    for (int i = 0; i < p->nacts; i++) {
        int n = p->acts[i].node;
        if (p->nodes[n].deleted || (r->filtro_unidad >= 0 && p->nodes[n].unidad != r->filtro_unidad))
            continue;
        if (r->filtro_resp && !arbol_filas_resp_match(p->acts[i].responsables, r->filtro_resp))
            continue;
        unsigned bits = arbol_filas_estado_de(&p->acts[i], a->corte, &a->cfg->umbrales);
        for (int k = 0; k < ARBOL_ESTADO_N; k++)
            cuenta[k] += (bits & ARBOL_ESTADOS[k]) != 0;
    }
    bool cancel;
    unsigned e = ui_pick_estado(a, r->filtro_estado, cuenta, &cancel);
    if (cancel)
        return MOVE;
    int node = ui_sel_node(a);
    arbol_filas_set_estado(r, e, a->corte, &a->cfg->umbrales);
    arbol_filas_rebuild(r);
    int ix = node > 0 ? arbol_filas_find(r, node) : -1;
    a->lista.sel = ix >= 0 ? ix : 0;
    a->lista.top = 0;
    if (!e) {
        ui_status(a, false, "Todos los estados");
    } else {
        int k = 0;
        while (ARBOL_ESTADOS[k] != e)
            k++;
        ui_status(a, false, "Estado %s al corte %d: %d actividad%s (Esc quita el filtro)",
                  arbol_filas_estado_nombre(e), a->corte, cuenta[k], cuenta[k] == 1 ? "" : "es");
    }
    return REBUILD;
}

void ui_plan_ver_refiltrar(App *a)
{
    if (a->rows->filtro_estado)
        arbol_filas_set_estado(a->rows, a->rows->filtro_estado, a->corte, &a->cfg->umbrales);
}

int ui_plan_ver_request(App *a, UiReq req, int key)
{
    (void)key;
    switch (req) {
    case REQ_SEARCH: return on_search(a);
    case REQ_SEARCH_NEXT: return search_from(a, +1);
    case REQ_SEARCH_PREV: return search_from(a, -1);
    case REQ_GOTO: return on_goto(a);
    case REQ_FILTER_ESTADO: return on_filtro_estado(a);
    case REQ_LIDER:
        a->col_lider = !a->col_lider;
        ui_plan_layout(a);
        if (a->col_lider && a->lider_x < 0)
            ui_status(a, false, "La columna «Unidad líder» no cabe en esta terminal; se verá "
                                "al agrandarla (L la quita)");
        else
            ui_status(a, false, a->col_lider ? "Columna «Unidad líder» a la vista (L la oculta)"
                                             : "Columna «Unidad líder» oculta");
        return MOVE;
    default: return UI_NOT_MINE;
    }
}
