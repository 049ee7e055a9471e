/* cmd_niveles.h — adding any level where the model allows it, including a
 * level the plan did not use so far: an eje over objetivos that had none,
 * an entregable (with indicador) between a meta and its actividades. The
 * first such eje (entregable) names the implicit one, so what was there
 * hangs under it (docs/decisiones.md). One transaction each. */
#ifndef POA_CMD_NIVELES_H
#define POA_CMD_NIVELES_H

#include <stdbool.h>

#include "db.h"
#include "model.h"

/* One choice for a new element at a place of the tree. */
typedef struct {
    NodeKind kind;
    int padre;        /* -1: next to ref (a) or under it (A) as the plan goes; else
                         added under this shown node */
    int implicito;    /* >= 0: the implicit eje/entregable this one names (it keeps
                         its children); -1 none */
    int hijos;        /* implicito's shown children that will hang under it */
} CmdNivel;

/* The levels a new element may take at ref (as_child: inside it): first the
 * one the plan uses there, then the alternative that makes an implicit
 * level real or leaves it implicit: an eje next to (or, in an empty plan,
 * instead of) the top objetivos; inside a meta, an entregable where its
 * actividades have none (or an actividad where the plan has no
 * entregables). Next to an actividad only an actividad. Returns how many
 * (0: none, an actividad's inside). */
int cmd_niveles_posibles(const Plan *p, int ref, bool as_child, CmdNivel out[2]);
/* "Entregable (con indicador)", "Eje (agrupa los 5 objetivos)"; buf. */
const char *cmd_nivel_nombre(const Plan *p, const CmdNivel *n, char *buf, size_t len);
/* Adds it: a new node (cmd_add_nodo), or the implicit node named (its texto,
 * codigo, indicador set, logged as field changes so undo makes it implicit
 * again). *out: the node. */
bool cmd_nivel_add(Db *db, Plan *p, int ref, bool as_child, const CmdNivel *n, int unidad,
                   const char *codigo, const char *texto, const char *indicador, int *out,
                   PoaErr *err);

#endif
