/* seguimiento.h — the quarterly follow-up edits a user makes, with no curses:
 * set the real acumulado, observaciones, evidencia and causa of an actividad at a
 * corte, and close or reopen a corte. Each call is one user action: one
 * transaction with its change-log rows; the model changes only after the
 * commit, so a failed action leaves both the file and the model as they were.
 *
 * Change log (table cambio): an edit writes one row per changed field with
 * tabla "seguimiento", fila = actividad id, campo "corte3.real" /
 * "corte3.observaciones" / "corte3.evidencia", antes/despues as written
 * ("75%", "0.75", NULL when not given). Closing/reopening writes tabla
 * "corte", fila = corte number, campo "estado" (and "motivo" on reopening). */
#ifndef POA_SEGUIMIENTO_H
#define POA_SEGUIMIENTO_H

#include <stdbool.h>

#include "db.h"
#include "model.h"

/* Reads a real as the user types it: "75%", "75 %", "0.75", "0,75", "479",
 * "1,234.5"; "" (or only spaces) clears it (out->has = false). Negative
 * values and anything else are refused with a Spanish message naming the
 * text. The value is kept as written (pct flag); whether it fits the
 * target's unit is verificar's job (verificar_real_desajuste). */
bool seguimiento_parse_real(const char *text, Valor *out, PoaErr *err);

/* NULL when corte (1..4) is open; otherwise the reason edits are refused:
 * "El corte 3 está cerrado desde 2024-10-05 por ana; reábralo para editar". */
const char *seguimiento_corte_bloqueado(const Plan *p, int corte, char *buf, size_t n);

/* What one edit changes; fields left false are kept. */
typedef struct {
    bool set_real;
    Valor real;
    const char *observaciones;   /* NULL = keep */
    const char *evidencia;       /* NULL = keep */
    const char *causa;           /* NULL = keep; logged as "corteN.causa" */
} SegCambio;

/* Applies c to actividad node at corte in one transaction (refused when the
 * corte is closed or nothing changes). *cambios gets the number of fields
 * that changed (may be NULL). */
bool seguimiento_editar(Db *db, Plan *p, int node, int corte, const SegCambio *c,
                        int *cambios, PoaErr *err);
/* One-field conveniences for the interface: each is one user action. */
bool seguimiento_set_real(Db *db, Plan *p, int node, int corte, const char *text,
                          PoaErr *err);
bool seguimiento_set_observaciones(Db *db, Plan *p, int node, int corte, const char *text,
                                   PoaErr *err);
bool seguimiento_set_evidencia(Db *db, Plan *p, int node, int corte, const char *text,
                               PoaErr *err);
bool seguimiento_set_causa(Db *db, Plan *p, int node, int corte, const char *text, PoaErr *err);

/* Closes corte N (who = user_name(), when = now). Refused when already
 * closed. */
bool seguimiento_cerrar_corte(Db *db, Plan *p, int corte, PoaErr *err);
/* Reopens corte N; motivo is mandatory and is recorded in the change log
 * and in the corte row. Refused when the corte is not closed. */
bool seguimiento_reabrir_corte(Db *db, Plan *p, int corte, const char *motivo, PoaErr *err);

/* Finds an actividad by code, within unit unidad (NULL/"" = any unit).
 * Returns the node, or -1 with err naming the problem (none, or several:
 * "«1.1» está en 3 lugares de «Afiliación»…"). */
int seguimiento_buscar_actividad(const Plan *p, const char *codigo, const char *unidad,
                                 PoaErr *err);

#endif
