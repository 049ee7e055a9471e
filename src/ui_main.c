/* ui_main.c — the interface's entry point and its one dispatcher: opens the
 * session (sesion.c), sets the terminal up (and restores it on any exit,
 * abort included), reads keys, maps them to requests through the key table
 * and hands them to the current screen, the shared list movement or the
 * global requests. The only file that knows which screen shows. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calc.h"
#include "cerrojo.h"
#include "cli.h"
#include "presupuesto.h"
#include "sesion.h"
#include "ui.h"
#include "ui_plan.h"
#include "ui_app.h"
#include "ui_carga.h"
#include "ui_estado.h"
#include "ui_guion.h"
#include "ui_nuevo.h"
#include "ui_seg.h"
#include "ui_signals.h"

static bool screen_open;

static void restore_terminal(void)
{
    if (screen_open && !isendwin()) {
        curs_set(1);   /* endwin leaves the cursor as the program last set it */
        endwin();
    }
    screen_open = false;
}

static int current_month(int anio)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return tm.tm_year + 1900 == anio ? tm.tm_mon : -1;
}

/* Rebuilds the visible rows keeping the selected node (or the row at the
 * same place when the node went away). */
static void rebuild(App *a, int keep_node)
{
    a->lista.sel = arbol_filas_rebuild_keep(a->rows, a->lista.sel, keep_node);
}

/* ---- screens: this file alone knows which one shows ---- */

static const UiScreen *const SCREENS[VISTA_N] = {
    [VISTA_PLAN] = &UI_SCREEN_PLAN,
    [VISTA_FORM] = &UI_SCREEN_FORM,
    [VISTA_TABLA] = &UI_SCREEN_TABLA,
    [VISTA_TABLERO] = &UI_SCREEN_TABLERO,
    [VISTA_RECOLECCION] = &UI_SCREEN_RECOLECCION,
    [VISTA_UNIDADES] = &UI_SCREEN_UNIDADES,
};

static const UiScreen *current(const App *a) { return SCREENS[a->vista]; }

/* The whole screen: the current one, then status line and bottom bar. */
static void frame_draw(App *a)
{
    ui_layout(a);
    erase();
    if (a->too_small) {
        ui_draw_too_small(a);
        refresh();
        return;
    }
    const UiScreen *s = current(a);
    s->draw(a);
    a->posicion[0] = '\0';
    if (s->position)
        s->position(a, a->posicion, sizeof a->posicion);
    ui_draw_status_bar(a);
    refresh();
}

/* Every screen hears what changed behind its back. */
static void tell_all(App *a, UiCambio what)
{
    for (int v = 0; v < VISTA_N; v++)
        if (SCREENS[v]->changed)
            SCREENS[v]->changed(a, what, (Vista)v == a->vista);
}

/* To p.vista, unless its open() refuses. Going forward, the new screen
 * returns to this one (Esc); going back (volver) it comes as it was left. */
static int switch_to(App *a, UiPedido p)
{
    Vista from = a->vista, to = p.vista;
    if (to == from)
        return UI_HANDLED | UI_REDRAW;
    Vista vuelta = a->vuelta[to];
    if (!p.volver)
        a->vuelta[to] = from;
    const UiScreen *s = SCREENS[to];
    if (s->open && !s->open(a, from, &p)) {
        a->vuelta[to] = vuelta;
        return UI_HANDLED | UI_REDRAW;
    }
    a->vista = to;
    return UI_HANDLED | UI_REDRAW;
}

static UiPedido pedido_desde(const App *a, Vista to, bool volver)
{
    const UiScreen *s = current(a);
    return (UiPedido){.vista = to, .nodo = s->foco ? s->foco(a) : -1, .unidad = -1,
                      .volver = volver};
}

/* z and Ctrl-R on any screen: the undo is core work (deshacer.c); each
 * screen then refreshes what it shows from what the undo touched, or,
 * after a bulk action, the plan is read again (ui_deshacer.c). */
static int undo(App *a, bool rehacer)
{
    PoaErr err = {{0}};
    DeshacerInfo info;
    if (!ui_deshacer_aplicar(a, rehacer, &info, &err)) {
        ui_status(a, true, "%s", err.msg);
        return UI_HANDLED | UI_REDRAW;
    }
    int r = UI_HANDLED | UI_REDRAW | UI_REBUILD;
    if (info.recargar) {
        r |= UI_RELOADED;
    } else {
        a->deshecho = &info;
        tell_all(a, UI_CAMBIO_DESHECHO);
        a->deshecho = NULL;
    }
    ui_status(a, false, "%s: %s", rehacer ? "Rehecho" : "Deshecho", info.descripcion);
    deshacer_info_free(&info);
    return r;
}

/* x on any screen: the dialog opens on what the screen shows. */
static int export(App *a)
{
    switch (a->vista) {
    case VISTA_FORM: return ui_export_run(a, UI_EXPORT_SEGUIMIENTO, -1);
    /* the table is of one unit: its seguimiento is what is on screen */
    case VISTA_TABLA: return ui_export_run(a, UI_EXPORT_SEGUIMIENTO, ui_seg_unidad(a));
    case VISTA_TABLERO: return ui_export_run(a, UI_EXPORT_TABLERO, -1);
    default: return ui_export_run(a, UI_EXPORT_TODO, a->rows->filtro_unidad);
    }
}

static int global_request(App *a, UiReq req)
{
    switch (req) {
    case REQ_HELP: ui_help(a); return UI_HANDLED | UI_REDRAW;
    case REQ_EXPORT: return export(a);
    case REQ_IMPORT: return ui_importar_run(a);
    case REQ_UNDO: return undo(a, false);
    case REQ_REDO: return undo(a, true);
    case REQ_REDRAW: clearok(curscr, TRUE); return UI_HANDLED | UI_REDRAW;
    case REQ_QUIT: return UI_QUIT;
    case REQ_VIEW_FORM: return switch_to(a, pedido_desde(a, VISTA_FORM, false));
    case REQ_VIEW_TABLA: return switch_to(a, pedido_desde(a, VISTA_TABLA, false));
    case REQ_VIEW_TABLERO: return switch_to(a, pedido_desde(a, VISTA_TABLERO, false));
    case REQ_BACK: return switch_to(a, pedido_desde(a, a->vuelta[a->vista], true));
    case REQ_VIEW_RECOLECCION: return switch_to(a, pedido_desde(a, VISTA_RECOLECCION, false));
    case REQ_VIEW_UNIDADES: return switch_to(a, pedido_desde(a, VISTA_UNIDADES, false));
    case REQ_PLAN_MENU: return ui_nuevo_menu(a);
    default: return UI_NOT_MINE;
    }
}

/* The list movement every screen shares, over the screen's list. */
static int move_list(App *a, UiReq req)
{
    static const ListaPaso PASO[] = {
        [REQ_UP] = LISTA_ARRIBA, [REQ_DOWN] = LISTA_ABAJO, [REQ_PAGE_UP] = LISTA_PAG_ARRIBA,
        [REQ_PAGE_DOWN] = LISTA_PAG_ABAJO, [REQ_HOME] = LISTA_INICIO, [REQ_END] = LISTA_FIN,
    };
    const UiScreen *s = current(a);
    if (req < REQ_UP || req > REQ_END || !s->list)
        return UI_NOT_MINE;
    lista_move(s->list(a), PASO[req]);
    return UI_HANDLED | UI_REDRAW;
}

/* A request: the current screen's, else list movement, else global; then
 * what the flags ask (another screen, a new corte for all). */
static int dispatch(App *a, UiReq req, int key)
{
    const UiScreen *s = current(a);
    int r = s->request ? s->request(a, req, key) : UI_NOT_MINE;
    if (r == UI_NOT_MINE)
        r = move_list(a, req);
    if (r == UI_NOT_MINE)
        r = global_request(a, req);
    if (r & UI_SWITCH)
        r |= switch_to(a, a->pedido);
    if (r & UI_CORTE_CHANGED)
        tell_all(a, UI_CAMBIO_CORTE);
    if (r & UI_RELOADED)
        tell_all(a, UI_CAMBIO_RECARGADO);
    return r;
}

static void loop(App *a)
{
    frame_draw(a);
    while (!a->quit && !ui_signals_pending()) {
        bool is_key;
        int key = ui_read_key_any(a, &is_key);
        if (key < 0) {
            ui_carga_sondear(a);   /* no key for a tick: the whole plan may be ready */
            frame_draw(a);   /* a refused byte leaves its message in the status line */
            continue;
        }
        if (is_key && key == KEY_RESIZE) {
            frame_draw(a);
            continue;
        }
        if (!is_key && key == KEY_RESIZE)   /* not a key code: a character */
            key = -1;
        if (a->too_small) {
            if (key == 'q' || (is_key && key == KEY_F(10)))
                break;
            continue;
        }
        /* characters and key codes share one number space in the table,
         * except that KEY_* codes only match when get_wch says so */
        const UiKey *k = NULL;
        if (is_key || key < KEY_MIN)
            k = ui_key_find(a, key);
        if (!k) {
            ui_status(a, false, "Tecla sin uso aquí (F1 muestra las teclas)");
            frame_draw(a);
            continue;
        }
        if (!ui_carga_permite(a, k->req))   /* it needs the whole plan: wait for it */
            ui_carga_completar(a);
        if (a->solo_lectura[0] && k->escribe) {   /* before the handler asks anything */
            ui_status_solo_lectura(a);
            frame_draw(a);
            continue;
        }
        int node = ui_sel_node(a);
        /* an action that says nothing of its own leaves the status line
         * empty: the message of an earlier one would read as its outcome */
        a->status[0] = '\0';
        a->status_err = false;
        int r = dispatch(a, k->req, key);
        if (r & UI_QUIT)
            break;
        if (r & UI_REBUILD)
            rebuild(a, ui_sel_node(a) > 0 ? ui_sel_node(a) : node);
        frame_draw(a);
    }
}

/* Before the screen opens, notices go to the terminal. */
static void print_waiting(const char *aviso, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "poa: %s\n", aviso);
}

/* The terminal set up once: before the creation dialog when there is no
 * plan yet, else right before the loop. */
static bool screen_start(App *a, PoaErr *err)
{
    if (screen_open)
        return true;
    util_set_fatal_hook(restore_terminal);
    ui_signals_install();
    if (!a->guion)
        initscr();
    else if (!ui_guion_open_screen(a->guion, err)) {
        util_set_fatal_hook(NULL);
        ui_signals_uninstall();
        return false;
    }
    screen_open = true;
    ui_signals_screen_ready();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    ui_colors_init(a);
    return true;
}

int ui_run(const char *path, const Args *args, const Config *cfg, const ConfigAvisos *avisos)
{
    int code = EXIT_OK;
    App a = {0};
    PoaErr err = {{0}};
    /* the scripted headless mode (tests): a bad script stops before the
     * screen opens, and changes nothing */
    const char *guion = getenv("POA_GUION");
    if (!str_empty(guion) && !(a.guion = ui_guion_new(guion, getenv("POA_GUION_TAMANO"), &err))) {
        fprintf(stderr, "poa: %s\n", err.msg);
        return EXIT_USO;
    }
    a.cfg = cfg;
    const char *cs = nl_langinfo(CODESET);
    a.utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
    const char *nc = getenv("NO_COLOR");
    a.color = cfg->colores && !(nc && nc[0]);
    ui_set_ascii(!a.utf8);
    /* the plan's lock: a poa command holding it (an import, say) is waited
     * for; another interface is not: this one opens read-only and says who
     * writes (sesion.h) */
    SesionPedido q = {.path = path, .modo = DB_EXISTING, .programa = "interfaz", .ceder = true,
                      .esperando = print_waiting, .cfg = cfg,
                      .institucion = args->institucion, .anio = args->anio};
    Sesion ses = {0};
    SesionFallo fallo = SESION_OK;
    /* a missing file, or a poa file with no plan: the creation dialog */
    bool archivo_nuevo = !file_exists(path), crear = archivo_nuevo;
    /* issue 14: a large plan shows its first page at once and reads the
     * rest in a loader thread (ui_carga.c); a small one is read whole */
    q.primera_pagina = UI_CARGA_PAGINA;
    q.desde = UI_CARGA_DESDE;
    bool opened = !crear && sesion_open(&q, &ses, &fallo, &err);
    if (ses.aviso)
        fprintf(stderr, "poa: aviso: %s\n", ses.aviso);
    if (ses.migracion)
        fprintf(stderr, "poa: %s\n", ses.migracion);
    if (!opened && !crear && fallo == SESION_ELEGIR && ui_nuevo_sin_planes(&q, &ses))
        crear = true;
    if (!opened && !crear) {
        fprintf(stderr, "poa: %s\n", err.msg);
        sesion_close(&ses);
        ui_guion_free(a.guion);
        cerrojo_proceso_soltar();
        return fallo == SESION_ARCHIVO || fallo == SESION_ELEGIR ? EXIT_USO : EXIT_FALLO;
    }
    if (crear) {
        if (!screen_start(&a, &err)) {
            fprintf(stderr, "poa: %s\n", err.msg);
            sesion_close(&ses);
            ui_guion_free(a.guion);
            cerrojo_proceso_soltar();
            return EXIT_FALLO;
        }
        int r = ui_nuevo_crear(&a, &q, &ses, archivo_nuevo, &err);
        if (r <= 0) {   /* Esc: nothing made; or the plan could not be made */
            restore_terminal();
            util_set_fatal_hook(NULL);
            ui_signals_uninstall();
            if (r < 0)
                fprintf(stderr, "poa: %s\n", err.msg);
            else
                fprintf(stderr, "poa: no se creó ningún plan\n");
            code = r < 0 ? EXIT_FALLO : a.guion ? ui_guion_finish(a.guion) : EXIT_OK;
            sesion_close(&ses);
            ui_guion_free(a.guion);
            cerrojo_proceso_soltar();
            return code;
        }
    }
    Db *db = ses.db;
    Plan *p = ses.plan;
    snprintf(a.solo_lectura, sizeof a.solo_lectura, "%s", ses.solo_lectura);
    a.db = db;
    a.plan = p;
    a.rows = arbol_filas_new(p);
    a.hoy_mes = current_month(p->anio);
    a.mes = a.hoy_mes >= 0 ? a.hoy_mes : 0;
    /* config's corte, else the last with seguimiento (the exports' rule);
     * the corte remembered for this file (ui_estado.c) comes before both */
    a.corte = cfg->corte >= 1 && cfg->corte <= POA_TRIMESTRES ? cfg->corte
                                                               : calc_ultimo_corte_con_datos(p);
    a.carga_corte = ses.pagina && !(cfg->corte >= 1 && cfg->corte <= POA_TRIMESTRES);
    if (a.corte < 1)
        a.corte = 1;
    a.col_lider = cfg->columna_lider;
    a.seg = ui_seg_new();
    a.tablero = ui_tablero_new();
    a.recoleccion = ui_recoleccion_new();
    a.redraw = frame_draw;
    arbol_filas_rebuild(a.rows);
    if (crear)
        ui_status(&a, false, "Plan nuevo de «%s» %d en «%s». A agrega el primer elemento; U, "
                             "las unidades; P, los datos del plan.", p->institucion, p->anio, path);
    else if (ses.pagina)
        ui_status(&a, false, "Cargando el plan…");
    else if (a.utf8)
        ui_status(&a, false, "%s: %d %s. F1 muestra las teclas.", path, p->nacts,
                  num_plural(p->nacts, "actividad", "actividades"));
    else
        ui_status(&a, false, "Terminal sin UTF-8: se muestra sin acentos y solo se escribe "
                             "texto sin acentos (use LANG=C.UTF-8). F1: teclas.");
    /* a recovered journal or a damaged file is the first thing to read;
     * config.ini's warnings are listed in full at exit anyway */
    if (ses.aviso)
        ui_status(&a, false, "%s", ses.aviso);
    else if (ses.migracion)
        ui_status(&a, false, "%s", ses.migracion);
    else if (avisos->n)
        ui_status(&a, true, "Aviso: %s%s", avisos->lineas[0],
                  avisos->n > 1 ? " (y más avisos de la configuración: se listan al salir)" : "");

    if (!screen_start(&a, &err)) {
        fprintf(stderr, "poa: %s\n", err.msg);
        code = EXIT_FALLO;
        goto out;
    }
    if (ses.pagina && !ui_carga_empezar(&a, path, ses.completo)) {
        code = EXIT_FALLO;
        goto out;
    }
    if (a.carga && ui_carga_recordado(&a, path)) {
        /* where the last session left needs the whole plan: the first page
         * is on screen meanwhile */
        frame_draw(&a);
        ui_carga_completar(&a);
    }
    UiPedido abrir;
    if (ui_estado_restaurar(&a, path, &abrir)) {
        /* the screen left last time, under the notices of this opening */
        char status[sizeof a.status];
        bool err_status = a.status_err;
        memcpy(status, a.status, sizeof status);
        switch_to(&a, abrir);
        memcpy(a.status, status, sizeof status);
        a.status_err = err_status;
    }
    loop(&a);
    /* the state is remembered over the whole plan (folds by id): q on the
     * first page waits for the rest; a terminating signal does not wait,
     * and what was remembered before stays */
    if (a.carga && a.cfg->recordar && !ui_signals_pending())
        ui_carga_completar(&a);
    /* remembered for the next session, on q as on a terminating signal */
    const UiScreen *cur = current(&a);
    PoaErr serr = {{0}};
    bool recordado = a.carga || ui_estado_guardar(&a, path, cur->foco ? cur->foco(&a) : -1, &serr);
    restore_terminal();
    if (!recordado)
        fprintf(stderr, "poa: aviso: no se guardó dónde quedó la sesión: %s\n", serr.msg);
    util_set_fatal_hook(NULL);
    ui_signals_uninstall();
    cli_print_config_avisos(avisos);
    /* SIGTERM & co.: the action under way has finished its transaction;
     * the shell's convention for "ended by signal N" is 128+N. */
    int sig = ui_signals_pending();
    code = sig ? 128 + sig : EXIT_OK;
    if (a.guion && !sig)
        code = ui_guion_finish(a.guion);
out:
    ui_carga_free(&a);
    ui_guion_free(a.guion);

    ui_seg_free(a.seg);
    ui_tablero_free(a.tablero);
    ui_recoleccion_free(a.recoleccion);
    arbol_filas_free(a.rows);
    presupuesto_free(a.presupuestos);
    free(a.busqueda);
    ui_plan_marcas_clear(&a, true);
    ses.plan = a.plan;   /* an import (i) may have replaced the plan the session loaded */
    sesion_close(&ses);
    cerrojo_proceso_soltar();
    return code;
}
