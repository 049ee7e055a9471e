/* ui_main.c — the interface's entry point and main loop: opens the file and
 * the plan, sets the terminal up (and restores it on any exit, abort
 * included), reads keys and dispatches them through the key table. */
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "store.h"
#include "ui.h"
#include "u8.h"
#include "ui_app.h"
#include "ui_seg.h"

static bool screen_open;

static void restore_terminal(void)
{
    if (screen_open && !isendwin())
        endwin();
    screen_open = false;
}

int ui_sel_node(const App *a)
{
    if (a->sel < 0 || a->sel >= a->rows->nrows)
        return 0;
    return a->rows->rows[a->sel].node;
}

void ui_status(App *a, bool err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof a->status) {
        /* cut: never leave half a character at the end */
        size_t len = strlen(a->status), bad;
        while (len && !u8_valid(a->status, len, &bad))
            a->status[--len] = '\0';
    }
    a->status_err = err;
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
    ui_rows_rebuild(a->rows);
    int ix = keep_node > 0 ? ui_rows_find(a->rows, keep_node) : -1;
    if (ix >= 0)
        a->sel = ix;
    if (a->sel >= a->rows->nrows)
        a->sel = a->rows->nrows - 1;
    if (a->sel < 0)
        a->sel = 0;
}

static void loop(App *a)
{
    ui_draw(a);
    while (!a->quit) {
        bool is_key;
        int key = ui_read_key_any(a, &is_key);
        if (key < 0) {
            ui_draw(a);   /* a refused byte leaves its message in the status line */
            continue;
        }
        if (is_key && key == KEY_RESIZE) {
            ui_draw(a);
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
            ui_draw(a);
            continue;
        }
        int node = ui_sel_node(a);
        int r = k->fn(a, key);
        if (r & UI_QUIT)
            break;
        if (r & UI_REBUILD)
            rebuild(a, ui_sel_node(a) > 0 ? ui_sel_node(a) : node);
        ui_draw(a);
    }
}

int ui_run(const char *path, const Args *args, const Config *cfg)
{
    int code = EXIT_OK;
    Db *db;
    Plan *p = cli_open_file_plan(args, cfg, path, DB_EXISTING, &db, &code);
    if (!p)
        return code;
    App a = {0};
    a.db = db;
    a.plan = p;
    a.cfg = cfg;
    a.rows = ui_rows_new(p);
    a.hoy_mes = current_month(p->anio);
    a.mes = a.hoy_mes >= 0 ? a.hoy_mes : 0;
    a.corte = cfg->corte >= 1 && cfg->corte <= POA_TRIMESTRES ? cfg->corte : 1;
    a.seg = ui_seg_new(&a);
    const char *cs = nl_langinfo(CODESET);
    a.utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
    const char *nc = getenv("NO_COLOR");
    a.color = cfg->colores && !(nc && nc[0]);
    ui_rows_rebuild(a.rows);
    if (a.utf8)
        ui_status(&a, false, "%s: %d actividades. F1 muestra las teclas.", path, p->nacts);
    else
        ui_status(&a, false, "Terminal sin UTF-8: se muestra sin acentos y solo se escribe "
                             "texto sin acentos (use LANG=C.UTF-8). F1: teclas.");
    ui_set_ascii(!a.utf8);

    util_set_fatal_hook(restore_terminal);
    initscr();
    screen_open = true;
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    ui_colors_init(&a);
    loop(&a);
    restore_terminal();
    util_set_fatal_hook(NULL);

    ui_seg_free(a.seg);
    ui_rows_free(a.rows);
    free(a.busqueda);
    plan_free(a.plan);   /* an import (i) may have replaced p */
    db_close(db);
    return EXIT_OK;
}
