/* ui_estado.h — the interface reads the remembered state (estado.h) at start
 * and writes it at exit (ui_estado.c; ui_*.c only). */
#ifndef POA_UI_ESTADO_H
#define POA_UI_ESTADO_H

#include "ui_app.h"

/* With config's recordar on: the corte, filters, folds and selection of the
 * plan file at path as they were left; true with *abrir when another screen
 * than the plan was showing (the loop switches to it). */
bool ui_estado_restaurar(App *a, const char *path, UiPedido *abrir);
/* The state as the session ends; foco: the current screen's node (-1). */
bool ui_estado_guardar(const App *a, const char *path, int foco, PoaErr *err);

#endif
