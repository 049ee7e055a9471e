/* cmd.h — the edits an analyst can make to a plan, as functions with no
 * curses: each is ONE transaction (db_begin … store_* … store_log … db_commit)
 * and, on failure, is rolled back with the model left as it was.
 *
 * Nodes are addressed by index in Plan.nodes. Levels the plan does not use
 * (implicit ejes and entregables, see model.h) are handled here: a new
 * objetivo in a plan without ejes goes under the implicit eje, a new
 * actividad under a meta goes into the meta's implicit entregable. */
#ifndef POA_CMD_H
#define POA_CMD_H

#include <stdbool.h>

#include "db.h"
#include "model.h"
#include "util.h"

/* Fields that can be edited with the line editor. Each has one row in the
 * table of cmd_campos.c, which every cmd_campo_* function reads. */
typedef enum {
    CAMPO_TEXTO = 0,
    CAMPO_CODIGO,
    CAMPO_INDICADOR,
    CAMPO_RESPONSABLES,
    CAMPO_UNIDAD_LIDER,
    CAMPO_PRESUPUESTO,
    CAMPO_MONEDA,
    CAMPO_PRESUPUESTO_NOTA,
    CAMPO_RIESGOS,
    CAMPO_META_ANUAL,
    CAMPO_T1, CAMPO_T2, CAMPO_T3, CAMPO_T4,
    CAMPO_TIPO,
    CAMPO_SENTIDO,
    CAMPO_PESO,
    CAMPO_N
} CmdCampo;

/* Spanish label of a field ("Texto", "Nota de presupuesto", "Meta 2do. Trim."). */
const char *cmd_campo_nombre(CmdCampo c);
/* True when a node of kind k has field c. */
bool cmd_campo_aplica(NodeKind k, CmdCampo c);
/* The current value as the editor shows it; caller frees. */
char *cmd_campo_valor(const Plan *p, int node, CmdCampo c);
/* The field's change-log column (cambio.campo): "texto", "t3"… */
const char *cmd_campo_columna(CmdCampo c);
/* Exchanges the value of number field c between a and b (undo lends the
 * old value to the model this way). */
void cmd_campo_swap(Actividad *a, Actividad *b, CmdCampo c);
/* The field whose change-log column (cambio.campo) is columna ("texto",
 * "meta_anual", "t3"…), or CAMPO_N. */
CmdCampo cmd_campo_de_columna(const char *columna);
/* The model's string of a text field, or NULL for a number field (undo
 * swaps values through it). */
char **cmd_campo_texto(Plan *p, int node, CmdCampo c);
/* Parses the editor's text v of number field c into a (the caller's copy);
 * false with err on bad input. */
bool cmd_campo_parse(Actividad *a, CmdCampo c, const char *v, PoaErr *err);
/* A number field's value as typed (numero.h: «1.500.000,50», «RD$ 150,000.50»,
 * «7,5%» for a target) replaced in *v by the canonical text cmd_campo_parse
 * reads, with a currency symbol in moneda (presupuesto only). False (and *v
 * as it was) when it does not read: cmd_campo_parse then says why. Text
 * fields are left alone. */
bool cmd_campo_tecleado(CmdCampo c, char **v, char *moneda, size_t moneda_n);
/* The values a field is chosen from (NULL-terminated), or NULL for free text. */
const char *const *cmd_campo_opciones(CmdCampo c);
/* Excel's limit for a cell: longer texts are refused when edited. */
#define CMD_TEXTO_MAX 32767
/* Characters (code points) in a UTF-8 text. */
size_t cmd_texto_largo(const char *s);
/* Sets a field from the editor's text; validates it (numbers, empty text
 * where one is required) and saves. */
bool cmd_set_campo(Db *db, Plan *p, int node, CmdCampo c, const char *valor, PoaErr *err);
/* The same for a value a person typed in the editor: a number field reads
 * both conventions (cmd_campo_tecleado: «1.500» is 1500 there, 1.5 for
 * cmd_set_campo), and a currency symbol in the presupuesto sets an empty
 * moneda in the same transaction and undo step. */
bool cmd_set_campo_tecleado(Db *db, Plan *p, int node, CmdCampo c, const char *valor,
                            PoaErr *err);
/* Changes the unit of a meta operativa (and its subtree in the model). */
bool cmd_set_unidad(Db *db, Plan *p, int node, int unidad, PoaErr *err);

/* The nearest ancestor that is shown (skipping implicit levels); 0 = root. */
int cmd_visible_parent(const Plan *p, int node);
/* The kind of a new child of node as shown (the next level the plan uses),
 * or NODE_RAIZ when node cannot have children (an actividad). */
NodeKind cmd_child_kind(const Plan *p, int node);

/* Adds a node with codigo and texto: as the last child of ref (as_child) or
 * right after ref among its siblings. unidad is used for a new meta
 * operativa (index in Plan.unidades; -1 = the unit of ref, or the first).
 * *out gets the new node's index. */
bool cmd_add(Db *db, Plan *p, int ref, bool as_child, int unidad, const char *codigo,
             const char *texto, int *out, PoaErr *err);

/* cmd_add with the kind chosen (cmd_niveles.h lists the ones possible at
 * ref): as a child, kind is the level right under ref or, over an implicit
 * level (eje, entregable), the one after it, whose implicit parent is
 * found or made in the same transaction. indicador: a new entregable's. */
bool cmd_add_nodo(Db *db, Plan *p, int ref, bool as_child, NodeKind kind, int unidad,
                  const char *codigo, const char *texto, const char *indicador, int *out,
                  PoaErr *err);

/* What a delete takes with it (shown levels only), for the confirmation. */
typedef struct {
    int by_kind[NODE_ACTIVIDAD + 1];
    int total;
} CmdCuenta;
void cmd_count_subtree(const Plan *p, int node, CmdCuenta *c);
/* "2 entregables y 7 actividades" (empty when nothing); buf 160 bytes. */
const char *cmd_cuenta_texto(const CmdCuenta *c, char *buf, size_t n);
/* Deletes node and everything under it (months, targets, seguimiento):
 * one transaction, one action recorded with row images (store_lote_begin),
 * so z puts every row back with its id and order. */
bool cmd_delete(Db *db, Plan *p, int node, PoaErr *err);
/* The same for n nodes at once (a multi-selection): one transaction, one
 * action, one undo step; a node under another of the list goes with it. */
bool cmd_delete_many(Db *db, Plan *p, const int *nodes, int n, PoaErr *err);

/* Moves node one place up (delta -1) or down (+1) among its siblings. */
bool cmd_move(Db *db, Plan *p, int node, int delta, PoaErr *err);
/* True when node could be moved under new_parent (a shown node of the
 * level above node's). */
bool cmd_can_move_to(const Plan *p, int node, int new_parent);
/* Moves node to the end of new_parent's children. */
bool cmd_move_to(Db *db, Plan *p, int node, int new_parent, PoaErr *err);
/* Renumbers the codes of node and its siblings 1..n keeping the first
 * sibling's prefix ("AO.3.7" -> "AO.3.1", "AO.3.2"…); with no code, the
 * parent's code and a dot ("1.1", "1.2") or plain numbers. *changed gets
 * the number of codes that changed. */
/* The code after c: "1.3" after "1.2", "AO.6.10" after "AO.6.9"; "" when c
 * has no number. Caller frees. */
char *cmd_codigo_siguiente(const char *c);
/* The code a new node of kind would most likely get, placed after prev
 * (0 = first child) under the shown parent: the one after prev's, stepping
 * past codes its siblings already use ("AO.3.3" after "AO.3.1" when AO.3.2
 * exists), or the parent's code and ".1" for a first actividad; "" when
 * the kind has no code or nothing suggests one. Caller frees. */
char *cmd_codigo_sugerido(const Plan *p, int prev, int parent, NodeKind kind);
bool cmd_renumber(Db *db, Plan *p, int node, int *changed, PoaErr *err);
/* The new codes cmd_renumber would give (n = siblings); caller frees each
 * and the array. Pure, for tests and previews. */
char **cmd_renumber_codes(const Plan *p, int node, int *n);

/* Month cells (mes 0..11) of an actividad. */
bool cmd_set_mes(Db *db, Plan *p, int node, int mes, MesCell c, PoaErr *err);
/* Fills (x in the empty cells) or clears months from..to (0..11, inclusive). */
bool cmd_fill_meses(Db *db, Plan *p, int node, int from, int to, bool fill, PoaErr *err);
/* Copies the 12 cells of src to every actividad in dst (n of them). */
bool cmd_copy_pattern(Db *db, Plan *p, int src, const int *dst, int n, PoaErr *err);
/* Sets the 12 cells of every actividad in dst to pattern (a clipboard). */
bool cmd_set_pattern(Db *db, Plan *p, const MesCell *pattern, const int *dst, int n,
                     PoaErr *err);

#endif
