/* ui_guion.h — the scripted headless mode (POA_GUION=FILE): keys from a
 * script instead of the terminal, curses on no terminal, screen dumps. */
#ifndef POA_UI_GUION_H
#define POA_UI_GUION_H

#include <stdbool.h>

#include "util.h"

struct App;
typedef struct UiGuion UiGuion;

/* Reads and checks the whole script named by POA_GUION (and the size in
 * POA_GUION_TAMANO, COLSxROWS, 80x24 by default) before any screen opens,
 * so a bad script changes nothing. NULL with err set on a bad script. */
UiGuion *ui_guion_new(const char *path, const char *tamano, PoaErr *err);
/* Accepts NULL. Call after endwin. */
void ui_guion_free(UiGuion *g);
/* Instead of initscr: a curses screen writing to /dev/null at the size. */
bool ui_guion_open_screen(UiGuion *g, PoaErr *err);
/* The next key, as ui_read_key_any gives it. `dialog` says whether a
 * dialog (not the main loop) waits: the script running out there is an
 * error, in the main loop it is the end of the session. */
int ui_guion_key(UiGuion *g, struct App *a, bool *is_key, bool dialog);
/* Exit code the script asks for after the session (0 when all went well):
 * what was left unread or a dialog left waiting is an error. */
int ui_guion_finish(UiGuion *g);

#endif
