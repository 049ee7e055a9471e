/* ui_nuevo.c — starting a plan in the interface: the creation dialog a
 * missing file (or a poa file with no plan) opens on. The plan is made by
 * the caller through cmd_plan.c once the dialog has all it needs. */
#include "ui_nuevo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd_plan.h"
#include "store.h"
#include "store_plan.h"

void ui_nuevo_datos_free(UiNuevoDatos *d)
{
    if (!d)
        return;
    free(d->institucion);
    free(d->unidad);
    memset(d, 0, sizeof *d);
}

/* The dialog's state, for its background (App.redraw takes only the App). */
static struct {
    const char *path;
    bool archivo_nuevo;
    const UiNuevoDatos *d;
    const char *anio_txt;
    char error[1200];
} form;

static void fondo_draw(App *a)
{
    ui_layout(a);
    erase();
    if (a->too_small) {
        ui_draw_too_small(a);
        refresh();
        return;
    }
    ui_put(0, 0, a->W, ui_attr(a, CR_TITLE), " poa — plan nuevo");
    char l[1024];
    snprintf(l, sizeof l, form.archivo_nuevo ? "«%s» no existe: aquí se empieza un plan nuevo."
                                             : "«%s» no tiene ningún plan: aquí se empieza uno.",
             form.path);
    int y = 2;
    ui_put_wrapped(y, 2, a->W - 4, 2, A_BOLD, l);
    y += 3;
    const UiNuevoDatos *d = form.d;
    snprintf(l, sizeof l, "Institución:     %s", d->institucion ? d->institucion : "…");
    ui_put(y++, 2, a->W - 4, 0, l);
    snprintf(l, sizeof l, "Año:             %s", form.anio_txt ? form.anio_txt : "…");
    ui_put(y++, 2, a->W - 4, 0, l);
    snprintf(l, sizeof l, "Primera unidad:  %s", d->unidad ? (*d->unidad ? d->unidad
                                                                        : "(ninguna por ahora)")
                                                           : "…");
    ui_put(y++, 2, a->W - 4, 0, l);
    y++;
    y += ui_put_wrapped(y, 2, a->W - 4, 3, 0,
                        "Enter acepta cada dato; Esc sale sin crear nada. Después: A agrega el "
                        "primer elemento del plan, U administra las unidades, P los datos del "
                        "plan, F1 muestra las teclas.");
    if (form.error[0])
        ui_put_wrapped(y + 1, 2, a->W - 4, 2, ui_attr(a, CR_STATUS_ERR), form.error);
    refresh();
}

static int anio_actual(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

/* One field: asked until it is valid (check returns false with the reason
 * in form.error) or Esc; *valor is the text proposed, then the one typed. */
static bool pedir(App *a, const char *prompt, char **valor, bool (*check)(const char *, void *),
                  void *ctx)
{
    for (;;) {
        char *v = NULL;
        if (!ui_edit_line(a, prompt, *valor ? *valor : "", &v) || a->quit)
            return false;
        free(*valor);
        *valor = v;
        form.error[0] = '\0';
        if (!check || check(v, ctx))
            return true;
    }
}

static bool check_inst(const char *v, void *ctx)
{
    (void)ctx;
    char *t = str_trim(xstrdup(v));
    bool ok = *t != '\0';
    free(t);
    if (!ok)
        snprintf(form.error, sizeof form.error, "La institución no puede quedar vacía.");
    return ok;
}

static bool check_anio(const char *v, void *ctx)
{
    PoaErr err = {{0}};
    if (cmd_plan_parse_anio(v, ctx, &err))
        return true;
    snprintf(form.error, sizeof form.error, "Año: %s.", err.msg);
    return false;
}

bool ui_nuevo_dialogo(App *a, const char *path, bool archivo_nuevo, UiNuevoDatos *d,
                      const char *error)
{
    form.path = path;
    form.archivo_nuevo = archivo_nuevo;
    form.d = d;
    form.anio_txt = NULL;
    snprintf(form.error, sizeof form.error, "%s", error ? error : "");
    a->redraw = fondo_draw;
    char *anio = xasprintf("%d", d->anio ? d->anio : anio_actual());
    bool ok = pedir(a, "Institución:", &d->institucion, check_inst, NULL);
    if (ok) {
        str_trim(d->institucion);
        ok = pedir(a, "Año del plan:", &anio, check_anio, &d->anio);
    }
    form.anio_txt = anio;
    if (ok) {
        ok = pedir(a, "Primera unidad (puede quedar vacía):", &d->unidad, NULL, NULL);
        if (ok)
            str_trim(d->unidad);
    }
    free(anio);
    form.anio_txt = NULL;
    if (!ok)
        ui_nuevo_datos_free(d);
    return ok;
}

bool ui_nuevo_sin_planes(const SesionPedido *q, Sesion *s)
{
    sesion_close(s);
    SesionPedido c = *q;
    c.sin_plan = true;
    SesionFallo f;
    PoaErr err = {{0}};
    PlanInfo *pl = NULL;
    int n = -1;
    /* only a session that writes can make the plan */
    if (sesion_open(&c, s, &f, &err) && !s->solo_lectura[0] &&
        store_list_plans(s->db, &pl, &n, &err)) {
        store_plan_infos_free(pl, n);
        if (n == 0)
            return true;
    }
    sesion_close(s);
    return false;
}

/* Esc or a failure: a file this open created (only the schema) goes. */
static void deshacer_archivo(Sesion *s, const char *path)
{
    bool creado = s->db && db_created(s->db);
    sesion_close(s);
    if (!creado)
        return;
    char *journal = xasprintf("%s-journal", path);
    remove(path);
    remove(journal);
    free(journal);
}

int ui_nuevo_crear(App *a, const SesionPedido *q, Sesion *s, bool archivo_nuevo, PoaErr *err)
{
    /* --institucion and --anio, when given, are what the dialog proposes */
    UiNuevoDatos d = {.institucion = str_empty(q->institucion) ? NULL : xstrdup(q->institucion),
                      .anio = q->anio};
    char *error = NULL;
    int64_t id = 0;
    int r = 0;
    for (;;) {
        bool ok = ui_nuevo_dialogo(a, q->path, archivo_nuevo, &d, error);
        free(error);
        error = NULL;
        if (!ok)
            break;
        if (!s->db) {   /* the file is made now, with the lock, schema in one transaction */
            SesionPedido c = *q;
            c.modo = DB_CREATE;
            c.sin_plan = true;
            SesionFallo f;
            if (!sesion_open(&c, s, &f, err) || s->solo_lectura[0]) {
                if (s->solo_lectura[0])
                    err_set(err, "no se puede crear el plan: %s", s->solo_lectura);
                r = -1;
                break;
            }
        }
        CmdPlanFallo f;
        if (cmd_plan_crear(s->db, d.institucion, d.anio, d.unidad, &id, &f, err)) {
            r = 1;
            break;
        }
        if (f == CMD_PLAN_FALLO) {
            r = -1;
            break;
        }
        error = xasprintf("No se creó el plan: %s.", err->msg);   /* asked again */
    }
    ui_nuevo_datos_free(&d);
    if (r == 1 && !(s->plan = store_load(s->db, id, err)))
        r = -1;
    if (r <= 0)
        deshacer_archivo(s, q->path);
    return r;
}

bool ui_nuevo_recargar(App *a, int64_t plan_id, PoaErr *err)
{
    Plan *p = store_load(a->db, plan_id, err);
    if (!p)
        return false;
    arbol_filas_free(a->rows);
    plan_free(a->plan);
    a->plan = p;
    a->rows = arbol_filas_new(p);
    arbol_filas_rebuild(a->rows);
    a->lista.sel = 0;
    a->lista.top = 0;
    a->plan_gen++;
    /* the month of today is marked only in this year's plan */
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    a->hoy_mes = tm.tm_year + 1900 == p->anio ? tm.tm_mon : -1;
    return true;
}

/* ---- the plan menu (P) ---- */

static const int MOVE = UI_HANDLED | UI_REDRAW;

static int menu_datos(App *a)
{
    Plan *p = a->plan;
    char *inst, *anio_txt;
    int r;
    if (!ui_edit_value(a, "Institución:", p->institucion, &inst, &r))
        return r;
    char *prop = xasprintf("%d", p->anio);
    bool ok = ui_edit_value(a, "Año del plan:", prop, &anio_txt, &r);
    free(prop);
    if (!ok) {
        free(inst);
        return r;
    }
    PoaErr err = {{0}};
    int anio;
    CmdPlanFallo f;
    if (cmd_plan_parse_anio(anio_txt, &anio, &err) &&
        cmd_plan_datos(a->db, p, inst, anio, &f, &err)) {
        a->plan_gen++;
        ui_status(a, false, "Guardado: plan de «%s» %d", p->institucion, p->anio);
    } else {
        ui_status(a, true, "No se guardó: %s", err.msg);
    }
    free(inst);
    free(anio_txt);
    return MOVE;
}

static int abrir_plan(App *a, int64_t id)
{
    PoaErr err = {{0}};
    if (!ui_nuevo_recargar(a, id, &err)) {
        ui_status(a, true, "No se pudo abrir ese plan: %s", err.msg);
        return MOVE;
    }
    ui_status(a, false, "Plan de «%s» %d: %d %s", a->plan->institucion, a->plan->anio,
              a->plan->nacts, num_plural(a->plan->nacts, "actividad", "actividades"));
    return UI_HANDLED | UI_REDRAW | UI_REBUILD | UI_RELOADED;
}

static int menu_cambiar(App *a)
{
    PoaErr err = {{0}};
    PlanInfo *pl;
    int n;
    if (!store_list_plans(a->db, &pl, &n, &err)) {
        ui_status(a, true, "%s", err.msg);
        return MOVE;
    }
    char **items = xmalloc(sizeof(char *) * (size_t)(n ? n : 1));
    int actual = 0;
    for (int i = 0; i < n; i++) {
        if (pl[i].id == a->plan->id)
            actual = i;
        /* year, size and which is open first: a long institution is cut */
        items[i] = xasprintf("%d  %s%d actividad%s · %s", pl[i].anio,
                             pl[i].id == a->plan->id ? "(abierto) " : "", pl[i].nactividades,
                             pl[i].nactividades == 1 ? "" : "es", pl[i].institucion);
    }
    int pick = ui_pick(a, "Planes del archivo", items, n, actual);
    int64_t id = pick >= 0 ? pl[pick].id : 0;
    for (int i = 0; i < n; i++)
        free(items[i]);
    free(items);
    store_plan_infos_free(pl, n);
    if (pick < 0 || id == a->plan->id)
        return MOVE;
    return abrir_plan(a, id);
}

static int menu_nuevo_anio(App *a)
{
    Plan *p = a->plan;
    char *prop = xasprintf("%d", p->anio + 1), *txt;
    int r;
    bool ok = ui_edit_value(a, "Año del plan nuevo (copia de este, sin seguimiento):", prop, &txt,
                            &r);
    free(prop);
    if (!ok)
        return r;
    PoaErr err = {{0}};
    int anio;
    ok = cmd_plan_parse_anio(txt, &anio, &err);
    free(txt);
    if (!ok) {
        ui_status(a, true, "No se copió: %s", err.msg);
        return MOVE;
    }
    int64_t existe = 0;
    bool reemplazar = false;
    if (store_plan_find(a->db, p->institucion, anio, &existe, &err) && existe &&
        anio != p->anio) {
        char q[200];
        snprintf(q, sizeof q, "Ya hay un plan del año %d.", anio);
        if (!ui_confirm(a, q, "¿Reemplazarlo por una copia de este? (antes se hace un respaldo)")) {
            ui_status(a, false, "No se copió nada");
            return MOVE;
        }
        reemplazar = true;
    }
    ImportStats c;
    CmdPlanFallo f;
    int64_t nuevo = 0;
    char *respaldo = NULL;
    if (!cmd_plan_nuevo_anio(a->db, p->id, anio, reemplazar, &c, &nuevo, &respaldo, &f, &err)) {
        ui_status(a, true, "No se copió: %s", err.msg);
        free(respaldo);
        return MOVE;
    }
    free(respaldo);
    char *cuenta = cmd_plan_cuenta_texto(&c);
    char q[600];
    snprintf(q, sizeof q, "Plan %d creado: %s.", anio, cuenta);
    bool pasar = ui_confirm(a, q, "¿Pasar al plan nuevo?");
    int ret = MOVE;
    if (pasar)
        ret = abrir_plan(a, nuevo);
    if (!pasar || a->status_err)
        ui_status(a, a->status_err, "Guardado: plan %d creado (%s)%s", anio, cuenta,
                  pasar ? "" : "; P lo abre");
    else
        ui_status(a, false, "Guardado: plan %d creado (%s); abierto", anio, cuenta);
    free(cuenta);
    return ret;
}

int ui_nuevo_menu(App *a)
{
    Plan *p = a->plan;
    char *items[3];
    items[0] = xasprintf("Datos del plan: «%s», año %d", p->institucion, p->anio);
    items[1] = xstrdup("Cambiar a otro año o institución del archivo…");
    items[2] = xasprintf("Nuevo año: copiar este plan a %d (sin seguimiento)…", p->anio + 1);
    int pick = ui_pick(a, "Plan", items, 3, 0);
    for (int i = 0; i < 3; i++)
        free(items[i]);
    if (pick < 0)
        return MOVE;
    if (pick != 1 && a->solo_lectura[0]) {
        ui_status_solo_lectura(a);
        return MOVE;
    }
    switch (pick) {
    case 0: return menu_datos(a);
    case 1: return menu_cambiar(a);
    default: return menu_nuevo_anio(a);
    }
}
