/* ui_app.h — shared state of the terminal interface's panels (ui_*.c only):
 * the App, color roles, the key table and the action handlers it drives,
 * and the modal pieces (line editor, picker, confirmation, help). */
#ifndef POA_UI_APP_H
#define POA_UI_APP_H

#include <curses.h>
#include <stdbool.h>

#include "config.h"
#include "db.h"
#include "model.h"
#include "ui_rows.h"

/* Color roles: every attribute on screen comes from one of these. */
typedef enum {
    CR_NORMAL = 0,
    CR_TITLE,
    CR_HEADER,
    CR_CURMONTH,
    CR_SELECTED,
    CR_CELL_SEL,
    CR_CODE,
    CR_SUMMARY,
    CR_PLANNED,
    CR_QUARTER,
    CR_DETAIL_LABEL,
    CR_STATUS_OK,
    CR_STATUS_ERR,
    CR_BAR_KEY,
    CR_BAR_LABEL,
    CR_DIALOG,
    /* seguimiento (ui_seg.c, ui_tablero.c): semáforo colors; marks ●V/●A/●R/●—
     * carry the meaning without color */
    CR_SEM_VERDE,
    CR_SEM_AMARILLO,
    CR_SEM_ROJO,
    CR_SEM_GRIS,
    CR_N
} ColorRole;

typedef enum { FOCUS_TREE = 0, FOCUS_GRID } Focus;

/* Which screen is up: the plan (tree and grid) or a seguimiento view (ui_seg.h). */
typedef enum { VISTA_PLAN = 0, VISTA_FORM, VISTA_TABLA, VISTA_TABLERO } Vista;
struct UiSeg;

typedef struct App {
    Db *db;
    Plan *plan;
    const Config *cfg;
    UiRows *rows;
    int sel;            /* selected row index in rows (the node is rows->rows[sel].node) */
    int top;            /* first row on screen */
    Focus focus;
    int mes;            /* selected month 0..11 */
    bool extra;         /* narrow terminal: responsables/presupuesto instead of the grid */
    char *busqueda;     /* last search, NULL if none */
    char status[512];
    bool status_err;
    bool utf8;          /* the locale is UTF-8: tree lines and marks in Unicode */
    bool color;
    int hoy_mes;        /* 0..11 when the plan's year is this year, else -1 */
    MesCell clip[POA_MESES];
    bool has_clip;
    bool quit;
    int attr[CR_N];     /* resolved attributes per role */
    /* layout, recomputed by ui_layout() from LINES/COLS */
    int W, H, list_y, list_h, det_y, det_h, tree_w, grid_x, extra_x;
    bool too_small;
    /* seguimiento views (ui_seg.c, ui_tablero.c) */
    Vista vista;
    unsigned plan_gen;  /* bumped by every edit of the plan screen: the seguimiento
                           table and the tablero rebuild when theirs is older */
    int corte;              /* 1..4, from config; chosen with c */
    struct UiSeg *seg;
} App;

/* Handler results: what the main loop must do next (no handler draws). */
enum {
    UI_HANDLED = 1,
    UI_REDRAW = 2,
    UI_REBUILD = 4,     /* the visible rows changed: rebuild, keep the selected node */
    UI_QUIT = 8,
};

typedef int (*UiHandler)(App *a, int key);

/* CTX_ALL/TREE/GRID: the plan screen. CTX_VISTAS: every screen. CTX_SEG:
 * the three seguimiento views; CTX_FORM/TABLA/TABLERO: only that one. */
typedef enum {
    CTX_ALL = 0, CTX_TREE, CTX_GRID,
    CTX_VISTAS, CTX_SEG, CTX_FORM, CTX_TABLA, CTX_TABLERO
} KeyCtx;

typedef struct {
    const char *teclas;     /* as the help shows them: "e, F2" */
    int keys[10];           /* curses codes; 0 ends the list */
    KeyCtx ctx;
    const char *accion;     /* short Spanish label */
    int fkey;               /* 1..10 for the bottom bar, else 0 */
    const char *barra;      /* label in the bottom bar */
    const char *grupo;
    const char *descripcion;
    UiHandler fn;
    int barra_sale;         /* narrow bar: F-keys with higher values leave first */
} UiKey;

extern const UiKey UI_KEYS[];
extern const int UI_NKEYS;
/* The entry for key in the current screen and focus, or NULL. */
const UiKey *ui_key_find(const App *a, int key);
bool ui_key_applies(const UiKey *k, const App *a);

/* ui_draw.c */
void ui_layout(App *a);
void ui_draw(App *a);
void ui_colors_init(App *a);
int ui_attr(const App *a, ColorRole r);
/* Writes s at y,x fitted to exactly w columns (never cutting a character). */
void ui_put(int y, int x, int w, int attr, const char *s);
/* A separator line across the screen at y (─, or - without UTF-8). */
void ui_hline(App *a, int y);
/* Non-UTF-8 terminal: ui_put writes every text in ASCII (u8_ascii). */
void ui_set_ascii(bool on);
/* Writes s word-wrapped in at most maxlines lines of w columns from y,x; a
 * cut last line ends with "…". Returns the lines written. */
int ui_put_wrapped(int y, int x, int w, int maxlines, int attr, const char *s);
/* Redraws only the status line (progress during a long export). */
void ui_draw_status(App *a);

/* ui_dialog.c — modal pieces; each redraws the screen under it on resize. */
/* One key: a character (*is_key false) or a KEY_* code (*is_key true); -1
 * when nothing usable arrived (see ui_dialog.c for the non-UTF-8 case). */
int ui_read_key(App *a, bool *is_key);
/* The same without the filter ui_read_key applies while the terminal is too
 * small (only resize, Esc and F10 pass): for the main loop, which handles
 * that state itself. */
int ui_read_key_any(App *a, bool *is_key);
/* Line editor on the status line. Returns true with *out (caller frees)
 * on Enter; false on Esc. */
bool ui_edit_line(App *a, const char *prompt, const char *initial, char **out);
/* ui_edit_line for a handler: true with *out; on Esc (status "Edición
 * cancelada") or a quit asked from the editor, false with *ret set to what
 * the handler returns. */
bool ui_edit_value(App *a, const char *prompt, const char *initial, char **out, int *ret);
/* A list to choose from, filtered as the analyst types; index or -1. */
int ui_pick(App *a, const char *title, char *const *items, int n, int initial);
/* Yes/no question in a box; true for yes. */
bool ui_confirm(App *a, const char *line1, const char *line2);
void ui_help(App *a);
/* ui_importar.c — i: import a file into the open plan (simulated first). */
int ui_act_importar(App *a, int key);


/* ui_actions.c — the handlers named in the key table. */
int ui_act_up(App *, int), ui_act_down(App *, int), ui_act_pgup(App *, int),
    ui_act_pgdn(App *, int), ui_act_home(App *, int), ui_act_end(App *, int),
    ui_act_left(App *, int), ui_act_right(App *, int), ui_act_mes_left(App *, int),
    ui_act_mes_right(App *, int), ui_act_focus(App *, int), ui_act_columns(App *, int),
    ui_act_toggle(App *, int), ui_act_expand(App *, int), ui_act_collapse(App *, int),
    ui_act_all(App *, int), ui_act_search(App *, int), ui_act_next(App *, int),
    ui_act_prev(App *, int), ui_act_unidad(App *, int), ui_act_resp(App *, int),
    ui_act_clear(App *, int), ui_act_edit(App *, int), ui_act_fields(App *, int),
    ui_act_add_sibling(App *, int), ui_act_add_child(App *, int), ui_act_delete(App *, int),
    ui_act_move_up(App *, int), ui_act_move_down(App *, int), ui_act_move_to(App *, int),
    ui_act_renumber(App *, int), ui_act_mark(App *, int), ui_act_qty(App *, int),
    ui_act_clear_cell(App *, int), ui_act_fill_q(App *, int), ui_act_clear_q(App *, int),
    ui_act_fill_y(App *, int), ui_act_clear_y(App *, int), ui_act_copy(App *, int),
    ui_act_paste(App *, int), ui_act_help(App *, int), ui_act_redraw(App *, int),
    ui_act_quit(App *, int), ui_act_deshacer(App *, int);

/* ui_export.c — the export dialog (x): report, corte, unit, file name. */
int ui_act_exportar(App *, int);

/* The selected node (0 when the list is empty). */
int ui_sel_node(const App *a);
void ui_status(App *a, bool err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
