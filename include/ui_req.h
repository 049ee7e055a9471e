/* ui_req.h — the requests of the interface: what a key asks for, named once
 * (X-macro), so the key table is data that depends on nothing above it. The
 * main loop maps a key to a request; the current screen handles it or
 * answers "not mine"; then shared list movement, then the global ones. */
#ifndef POA_UI_REQ_H
#define POA_UI_REQ_H

/* R(name): REQ_<name>. Grouped as the loop falls through them. */
#define UI_REQUESTS(R)                                                                    \
    /* shared list movement (ui_main.c over the screen's list) */                         \
    R(UP) R(DOWN) R(PAGE_UP) R(PAGE_DOWN) R(HOME) R(END)                                  \
    /* the plan screen: tree, search and filters, edits, cronograma */                    \
    R(LEFT) R(RIGHT) R(MES_PREV) R(MES_NEXT) R(FOCUS) R(COLUMNS)                          \
    R(TOGGLE) R(EXPAND) R(COLLAPSE) R(EXPAND_ALL)                                         \
    R(SEARCH) R(SEARCH_NEXT) R(SEARCH_PREV) R(FILTER_UNIDAD) R(FILTER_RESP) R(FILTER_CLEAR) \
    R(EDIT) R(FIELDS) R(ADD_SIBLING) R(ADD_CHILD) R(DELETE) R(MOVE_UP) R(MOVE_DOWN)       \
    R(MOVE_TO) R(RENUMBER)                                                                \
    R(FILTER_ESTADO) R(GOTO) R(LIDER)                                                     \
    /* from the plan: its units and the plan menu (ui_unidades.c, ui_nuevo.c) */          \
    R(VIEW_UNIDADES) R(PLAN_MENU)                                                         \
    R(MES_MARK) R(MES_QTY) R(MES_CLEAR) R(TRIM_FILL) R(TRIM_CLEAR) R(ANIO_FILL)           \
    R(ANIO_CLEAR) R(CRONOGRAMA_COPY) R(CRONOGRAMA_PASTE)                                  \
    /* the plan screen: copy, cut, paste, duplicate, marks (ui_plan_marcas.c) */             \
    R(MARCAR) R(DESMARCAR) R(COPIAR) R(CORTAR) R(PEGAR) R(DUPLICAR)                       \
    /* the seguimiento screens */                                                         \
    R(SEG_ENTER) R(SEG_DIGIT) R(SEG_REAL) R(SEG_OBS) R(SEG_EVID) R(SEG_UNIDAD)            \
    R(CORTE_PICK) R(CORTE_CLOSE) R(TABLERO_GRUPO) R(TABLERO_ORDEN)                        \
    R(RECOLECCION_ORDEN) R(SEG_CAUSA)                                                     \
    /* global: every screen (ui_main.c) */                                                \
    R(HELP) R(EXPORT) R(IMPORT) R(UNDO) R(REDRAW) R(QUIT)                                           \
    R(VIEW_FORM) R(VIEW_TABLA) R(VIEW_TABLERO) R(BACK)                                    \
    R(VIEW_RECOLECCION) R(REDO)

#define UI_REQ_ENUM(name) REQ_##name,
typedef enum { REQ_NONE = 0, UI_REQUESTS(UI_REQ_ENUM) REQ_N } UiReq;
#undef UI_REQ_ENUM

/* What a request's handler returns: flags telling the loop what to do next
 * (htop-style; no handler draws). 0 means "not mine": the loop falls back. */
enum {
    UI_NOT_MINE = 0,
    UI_HANDLED = 1,
    UI_REDRAW = 2,
    UI_REBUILD = 4,     /* the tree's visible rows changed: rebuild, keep the selected node */
    UI_QUIT = 8,
    UI_SWITCH = 16,     /* go to the screen in App.pedido */
    UI_CORTE_CHANGED = 32,  /* the corte changed: every screen hears UI_CAMBIO_CORTE */
    UI_RELOADED = 64,       /* the plan was replaced: every screen hears UI_CAMBIO_RECARGADO */
};

/* What changed, for every screen's changed() hook (the loop tells them all). */
typedef enum {
    UI_CAMBIO_DESHECHO = 0,  /* an undo: App.deshecho says what it touched */
    UI_CAMBIO_CORTE,         /* another corte was chosen */
    UI_CAMBIO_RECARGADO,     /* the plan was read again from the file (after an import):
                                node and unit indices kept by a screen are stale */
} UiCambio;

#endif
