/* ui_app.h — shared state of the terminal interface (ui_*.c only): the App,
 * the screen interface every screen fills (UiScreen), color roles, the key
 * table (data: keys → requests), and the layers below the screens: drawing
 * primitives and status line (ui_draw.c), dialogs (ui_dialog.c, ui_export.c).
 * Dependencies go down: ui_main → screens → dialogs/primitives → key table. */
#ifndef POA_UI_APP_H
#define POA_UI_APP_H

#include <curses.h>
#include <stdbool.h>

#include "config.h"
#include "db.h"
#include "model.h"
#include "arbol_filas.h"
#include "cmd_rama.h"
#include "deshacer.h"
#include "lista.h"
#include "ui_req.h"

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

/* The screens; ui_main.c keeps which one shows (App.vista) and is the only
 * place that switches. The key table's contexts name them. */
typedef enum {
    VISTA_PLAN = 0, VISTA_FORM, VISTA_TABLA, VISTA_TABLERO,
    VISTA_RECOLECCION,   /* «¿Quién falta?» (ui_recoleccion.c) */
    VISTA_UNIDADES,      /* the plan's units (ui_unidades.c) */
    VISTA_N
} Vista;
struct UiSeg;

/* A screen asking the loop for another (UI_SWITCH): which, and on what. */
typedef struct {
    Vista vista;
    int nodo;           /* an actividad to show there, or -1 */
    int unidad;         /* a unit (the board's Enter), or -1 */
    const char *aviso;  /* the status line there, instead of the screen's own; NULL */
    bool volver;        /* Esc: back to where it was left, as it was */
} UiPedido;

typedef struct App {
    Db *db;
    Plan *plan;
    const Config *cfg;
    ArbolFilas *rows;
    Lista lista;        /* the tree's selection: row index in rows (its node is
                           rows->rows[sel].node), first row shown, page */
    Focus focus;
    int mes;            /* selected month 0..11 */
    bool extra;         /* narrow terminal: responsables/presupuesto instead of the grid */
    char *busqueda;     /* last search, NULL if none */
    char status[512];
    bool status_err;
    char posicion[64];  /* " 3/25 ": the right end of the status line, from the screen */
    bool utf8;          /* the locale is UTF-8: tree lines and marks in Unicode */
    bool color;
    int hoy_mes;        /* 0..11 when the plan's year is this year, else -1 */
    MesCell clip[POA_MESES];
    bool has_clip;
    bool quit;
    int attr[CR_N];     /* resolved attributes per role */
    /* layout: W, H, too_small from ui_layout(); the plan screen's own from
     * ui_plan_layout() */
    int W, H, list_y, list_h, det_y, det_h, tree_w, grid_x, extra_x;
    bool too_small;
    /* screens (ui_main.c): the one showing, the one each returns to (Esc),
     * and what a screen asked for with UI_SWITCH */
    Vista vista;
    Vista vuelta[VISTA_N];
    UiPedido pedido;
    /* redraws the whole screen (set by ui_main.c): what a dialog calls to
     * paint what is under it, on resize or when it closes */
    void (*redraw)(struct App *a);
    unsigned plan_gen;  /* bumped by every edit of the plan screen: the seguimiento
                           table and the board rebuild when theirs is older */
    int corte;              /* 1..4, from config; chosen with c */
    struct UiSeg *seg;      /* the seguimiento screens' state (ui_seg.h) */
    struct UiTablero *tablero;  /* the board's groups and order (ui_tablero.c) */
    struct UiRecoleccion *recoleccion;  /* «¿Quién falta?»: its rows and order */
    struct UiGuion *guion;  /* POA_GUION: keys from a script, no terminal (ui_guion.c) */
    const DeshacerInfo *deshecho;   /* during changed(UI_CAMBIO_DESHECHO) only */
    /* "solo lectura — abierto por ana en pc-01 desde 14:05" when another
     * session holds the plan's lock (cerrojo.h); "" when this one writes */
    char solo_lectura[300];
    /* the plan screen's marks (ui_plan_marcas.c): one byte per node index,
     * grown as nodes are added; and the session's clipboard of branches */
    unsigned char *marcas;
    int nmarcas;
    RamaPortapapeles rama;

    /* see and find (ui_plan_ver.c): the unidad líder column (L) and where it
     * is drawn (-1: not on screen); the presupuesto totals of every node,
     * rebuilt when presupuesto_gen is older than plan_gen */
    bool col_lider;
    int lider_x;
    struct Presupuestos *presupuestos;
    unsigned presupuesto_gen;

    /* a large plan opening in two steps (ui_carga.c, issue 14): the loader
     * of the whole plan while a->plan is its first page; NULL when whole */
    struct Carga *carga;
    char *carga_ruta;       /* the file, for the state remembered of it */
    bool carga_corte;       /* a->corte came from the first page: choose again */
    /* ui_carga_completar, for the script's :cargar (ui_guion.c sits below it) */
    void (*carga_completar)(struct App *a);
} App;

/* The screen interface (in the spirit of tig's view_ops and ncdu's draw/key
 * pair). A screen never calls another screen: it sets App.pedido and
 * returns UI_SWITCH. NULL members are skipped. */
typedef struct UiScreen {
    Vista vista;
    /* Draws between the title line and the status line (both included for
     * the title); the loop adds status and bottom bar. */
    void (*draw)(App *a);
    /* A request it knows: UI_* flags; UI_NOT_MINE lets the loop fall back
     * to list movement, then to the global requests. key is the key. */
    int (*request)(App *a, UiReq req, int key);
    /* Its list for the shared movement, or NULL (none, or moves its own). */
    Lista *(*list)(App *a);
    /* Something changed that did not pass through it (an undo, the corte);
     * showing: it is the screen on view. */
    void (*changed)(App *a, UiCambio what, bool showing);
    /* Comes up from screen from, on p (App.pedido or the previous screen's
     * actividad). false: it cannot (the status line says why); the loop stays. */
    bool (*open)(App *a, Vista from, const UiPedido *p);
    /* The node it shows or has selected (an actividad on the seguimiento
     * screens; -1 none): the next screen opens on it. */
    int (*foco)(const App *a);
    /* " 3/25 " for the status line. */
    void (*position)(const App *a, char *buf, size_t n);
} UiScreen;

/* The screens (ui_plan.c, ui_seg_form.c, ui_seg_tabla.c, ui_tablero.c). */
extern const UiScreen UI_SCREEN_PLAN, UI_SCREEN_FORM, UI_SCREEN_TABLA, UI_SCREEN_TABLERO;
extern const UiScreen UI_SCREEN_UNIDADES;   /* ui_unidades.c */
/* The board's own state, made and freed by the loop. */
typedef struct UiTablero UiTablero;
UiTablero *ui_tablero_new(void);
void ui_tablero_free(UiTablero *t);   /* accepts NULL */
/* «¿Quién falta?» (ui_recoleccion.c): the collection view at the corte. */
extern const UiScreen UI_SCREEN_RECOLECCION;
typedef struct UiRecoleccion UiRecoleccion;
UiRecoleccion *ui_recoleccion_new(void);
void ui_recoleccion_free(UiRecoleccion *r);   /* accepts NULL */

/* CTX_ALL/TREE/GRID: the plan screen. CTX_VISTAS: every screen. CTX_SEG:
 * the three seguimiento views; CTX_FORM/TABLA/TABLERO: only that one. */
typedef enum {
    CTX_ALL = 0, CTX_TREE, CTX_GRID,
    CTX_VISTAS, CTX_SEG, CTX_FORM, CTX_TABLA, CTX_TABLERO,
    CTX_RECOLECCION,  /* only «¿Quién falta?» */
    CTX_UNIDADES      /* the units screen only */
} KeyCtx;

/* One row of the key table (ui_keys.c): keys to a request in a context.
 * The keys' names in the help and docs/keys.md come from the codes. */
typedef struct {
    int keys[10];           /* curses codes; 0 ends the list */
    KeyCtx ctx;
    const char *accion;     /* short Spanish label */
    int fkey;               /* 1..12 for the bottom bar, else 0 */
    const char *barra;      /* label in the bottom bar */
    const char *grupo;
    const char *descripcion;
    UiReq req;
    int barra_sale;         /* narrow bar: F-keys with higher values leave first */
    bool escribe;           /* edits the file: refused in a read-only session */
} UiKey;

/* ---- ui_keys.c: the key table (data) ---- */
extern const UiKey UI_KEYS[];
extern const int UI_NKEYS;
/* The entry for key in the current screen and focus, or NULL. */
const UiKey *ui_key_find(const App *a, int key);
bool ui_key_applies(const UiKey *k, const App *a);
/* "RePág, Ctrl-B": the names of the entry's key codes, as the help shows them. */
const char *ui_key_names(const UiKey *k, char *buf, size_t n);

/* ---- ui_draw.c: primitives, colors, status line, bottom bar ---- */
/* W, H and too_small from the terminal's size. */
void ui_layout(App *a);
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
void ui_status(App *a, bool err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The reason a read-only session gives for refusing an edit (status line). */
void ui_status_solo_lectura(App *a);
/* Draws the status line (App.status, App.posicion) and the bottom bar. */
void ui_draw_status_bar(App *a);
/* Redraws only the status line (progress during a long export). */
void ui_draw_status(App *a);
/* "Terminal demasiado pequeña" in place of every screen. */
void ui_draw_too_small(App *a);
/* utf8 on a UTF-8 terminal, else its ASCII stand-in. */
static inline const char *ui_glyph(const App *a, const char *utf8, const char *ascii)
{
    return a->utf8 ? utf8 : ascii;
}
/* The selected node of the plan's tree (0 when the list is empty). */
static inline int ui_sel_node(const App *a)
{
    if (a->lista.sel < 0 || a->lista.sel >= a->rows->nrows)
        return 0;
    return a->rows->rows[a->lista.sel].node;
}

/* ---- ui_dialog.c: modal pieces; each repaints what is under it with
 * App.redraw on resize and depends on nothing but the primitives ---- */
/* One key: a character (*is_key false) or a KEY_* code (*is_key true); -1
 * when nothing usable arrived (see ui_dialog.c for the non-UTF-8 case). */
int ui_read_key(App *a, bool *is_key);
/* The same without the filter ui_read_key applies while the terminal is too
 * small (only resize, Esc and F10 pass): for the main loop, which handles
 * that state itself. */
int ui_read_key_any(App *a, bool *is_key);
/* ui_read_key for a dialog: a resize repaints what is under it (a->redraw)
 * and reads as -1, so the dialog's loop draws itself again. */
int ui_read_dialog_key(App *a, bool *is_key);
/* Line editor on the status line. Returns true with *out (caller frees)
 * on Enter; false on Esc. */
bool ui_edit_line(App *a, const char *prompt, const char *initial, char **out);
/* ui_edit_line for a handler: true with *out; on Esc (status "Edición
 * cancelada") or a quit asked from the editor, false with *ret set to what
 * the handler returns. */
bool ui_edit_value(App *a, const char *prompt, const char *initial, char **out, int *ret);
/* A list to choose from, filtered as the analyst types; index or -1. */
int ui_pick(App *a, const char *title, char *const *items, int n, int initial);
/* Columns an item of ui_pick shows at the present size. */
int ui_pick_ancho(const App *a);
/* F10 inside a dialog: asks (drawn) whether to leave the program; s or F10
 * again says yes and sets App.quit, n or Esc goes back to the dialog. */
bool ui_confirm_salir(App *a, const char *line1, const char *line2);
/* ui_pick where the text typed may match nothing: Enter then returns
 * UI_PICK_TECLEADO with *typed (caller frees; NULL otherwise). */
#define UI_PICK_TECLEADO (-2)
int ui_pick_texto(App *a, const char *title, char *const *items, int n, int initial,
                  char **typed);
/* ui_pick over the plan's units (initial < 0: the first); -1 if none or Esc. */
int ui_pick_unidad(App *a, const char *title, int initial);
/* ui_pick_unidad that also makes one (ui_unidades.c): «+ Nueva unidad…», or
 * a name that matches none and Enter, asks and creates it (its own
 * transaction); the index, or -1 on Esc or a refused name (status says). */
int ui_pick_unidad_nueva(App *a, const char *title, int initial);
/* Yes/no question in a box; true for yes. */
bool ui_confirm(App *a, const char *line1, const char *line2);
void ui_help(App *a);
/* ui_filtro_estado.c — f: a seguimiento state to filter by (ArbolEstado bit;
 * 0: none), the rows "Rojo (12)" with cuenta[] in the order rojo, amarillo,
 * verde, sin reporte, no vencida; *cancel on Esc. */
unsigned ui_pick_estado(App *a, unsigned actual, const int cuenta[ARBOL_ESTADO_N], bool *cancel);
/* ui_importar.c — i: import a file into the open plan (simulated first). */
int ui_importar_run(App *a);
/* z (rehacer false) or Ctrl-R: undoes or redoes through deshacer.h; after a
 * bulk action the plan is read again, the cursor on the same element
 * (info->recargar: the caller tells every screen UI_RELOADED). */
bool ui_deshacer_aplicar(App *a, bool rehacer, DeshacerInfo *info, PoaErr *err);

/* ---- ui_export.c: the export dialog (x): report, corte, unit, file name ---- */
typedef enum { UI_EXPORT_TODO = 0, UI_EXPORT_SEGUIMIENTO, UI_EXPORT_TABLERO } UiExportInforme;
/* Opens on informe and unidad (-1: every unit) as the screen suggests. */
int ui_export_run(App *a, UiExportInforme informe, int unidad);

#endif
