/* ui_signals.h — the interface's answer to signals: SIGTERM, SIGHUP, SIGINT
 * and SIGQUIT end the session cleanly (the action under way finishes its
 * transaction, the terminal is restored, exit 128+signal); a crash restores
 * the terminal before the default action (core dump, sanitizer report). */
#ifndef POA_UI_SIGNALS_H
#define POA_UI_SIGNALS_H

#include <stdbool.h>

/* Before initscr: saves the terminal's modes and installs the handlers. */
void ui_signals_install(void);
/* After initscr: remembers the terminfo strings that leave the alternate
 * screen and show the cursor, for the crash handler. */
void ui_signals_screen_ready(void);
/* The terminating signal received (0 = none). Never cleared: once asked to
 * end, the session ends. */
int ui_signals_pending(void);
/* Puts back the default dispositions (after endwin). */
void ui_signals_uninstall(void);

#endif
