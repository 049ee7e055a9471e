/* ui_rows.h — what the tree panel shows, without curses: the list of visible
 * rows computed from the plan, the expand state and the filters; the month
 * masks of summary rows, cached per node; search and the responsables list.
 * Only visible rows are ever drawn (ncurses pads stop at 32,767 lines). */
#ifndef POA_UI_ROWS_H
#define POA_UI_ROWS_H

#include <stdbool.h>

#include "model.h"

typedef struct {
    int node;
    int depth;          /* 0 for the top level shown (children of the plan) */
    unsigned last;      /* bit d: the row's ancestor at depth d (or the row itself,
                           bit depth) is the last of its siblings: no line below */
} UiRow;

typedef struct {
    Plan *plan;
    int cap;                    /* per-node arrays hold this many nodes */
    unsigned char *expanded;
    unsigned short *mask;       /* bit m: the node or something under it is planned in month m */
    unsigned char *shown;       /* filter result per node; NULL when no filter */
    int filtro_unidad;          /* -1 = all */
    char *filtro_resp;          /* NULL = all */
    UiRow *rows;
    int nrows, caprows;
    IntVec scratch[8];          /* one per depth, reused by every rebuild */
} UiRows;

/* Everything expanded when the plan is small, down to the objetivos otherwise. */
UiRows *ui_rows_new(Plan *p);
void ui_rows_free(UiRows *r);   /* accepts NULL */
/* After nodes were added to the plan: grows the per-node arrays (new nodes
 * start expanded, with an empty mask). */
void ui_rows_sync(UiRows *r);

/* The children of node as shown: implicit levels replaced by their children. */
void ui_rows_kids(const Plan *p, int node, IntVec *out);
int ui_rows_nkids(const Plan *p, int node);

/* Recomputes the visible rows: work proportional to the rows shown plus
 * the children of expanded nodes, never the whole plan (unless all of it
 * is expanded). */
void ui_rows_rebuild(UiRows *r);
int ui_rows_find(const UiRows *r, int node);    /* row index or -1 */
void ui_rows_expand_all(UiRows *r, bool on);
/* Expands the shown ancestors of node so that it becomes visible. */
void ui_rows_reveal(UiRows *r, int node);

/* Month masks: all nodes (once, at load), or node and its ancestors after
 * an edit (each ancestor ORs its children: O(depth × children)). */
void ui_rows_mask_all(UiRows *r);
void ui_rows_mask_update(UiRows *r, int node);
/* The mask of one actividad from its cells or quarterly targets. */
unsigned short ui_rows_mask_act(const Actividad *a);

/* Filters (one pass over the plan when they change): unidad -1 = all,
 * resp NULL = all. */
void ui_rows_set_filter(UiRows *r, int unidad, const char *resp);
bool ui_rows_is_shown(const UiRows *r, int node);

/* Next (dir +1) or previous (-1) node after from, in tree order and
 * wrapping around, whose code, text, indicador or unit contains needle
 * without regard to accents or case; -1 when none. Respects the filters. */
int ui_rows_search(const UiRows *r, const char *needle, int from, int dir);

/* Responsables split on "/" and "-", trimmed; true when one of them equals
 * uno (accents and case aside). */
bool ui_resp_match(const char *responsables, const char *uno);
/* The distinct responsables of the plan, sorted; caller frees each and the array. */
char **ui_rows_responsables(const Plan *p, int *n);

#endif
